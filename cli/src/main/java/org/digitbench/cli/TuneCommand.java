package org.digitbench.cli;

import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.DigitbenchException;
import org.digitbench.api.PluginRegistry;
import org.digitbench.benchmarks.Trials;
import org.digitbench.config.Execution;
import org.digitbench.config.Profile;
import org.digitbench.config.RunConfig;
import org.digitbench.config.SearchSpace;
import org.digitbench.config.TuneRules;
import org.digitbench.data.CorruptionSuite;
import org.digitbench.data.DataSource;
import org.digitbench.data.Mnist;
import org.digitbench.data.Normalization;
import org.digitbench.report.TuneWriter;
import org.digitbench.results.TrialResult;
import org.digitbench.results.TuneResults;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.results.store.RunFolder;
import org.digitbench.run.ReferenceEstimates;
import org.digitbench.run.Runner;
import org.digitbench.run.Tuner;
import org.digitbench.trial.ConsoleMode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "tune", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Searches plugins' hyper-parameters on the validation split (a stratified sixth of the training images;",
                "never the test set): every configuration of the -P values (or --random N of them), each a trial of its",
                "own (own JVM, time limit, trial cache), optionally by successive halving over the training-set size, within",
                "a --budget. Writes tune.json and tune.html (every configuration, the Pareto front of validation accuracy",
                "against training time, the choice of --rule) into <output>/<tune-id>/, and prints the chosen -P options."})
final class TuneCommand implements Callable<Integer> {
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @CommandLine.ParentCommand
    Main parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-m", "--plugins"}, split = ",", paramLabel = "ID", required = true, completionCandidates = PluginIds.class,
            description = "plugins to tune, comma-separated")
    List<String> plugins = new ArrayList<>();

    @Option(names = {"-P", "--param"}, paramLabel = "PLUGIN.NAME=VALUES", description = {"values to try (repeatable): a list,",
            "-P smile-svm-rbf.C=1,5,10, or a range FROM:TO:log|lin:COUNT, -P smile-svm-rbf.gamma=0.005:0.05:log:5 (whole",
            "numbers for an integer parameter); the others keep their defaults"})
    List<String> params = new ArrayList<>();

    @Option(names = {"-p", "--profile"}, paramLabel = "PROFILE", defaultValue = "full",
            description = "quick (2,000 training images) or full (50,000: the training set without its validation sixth); default: full")
    String profile;

    @Option(names = "--random", paramLabel = "N", description = "try N configurations drawn at random from the values (default: all of them)")
    Integer random;

    @Option(names = "--halving", description = {"successive halving: every configuration on a ninth (say) of the training images,",
            "the best third promoted to three times as many, up to the whole set"})
    boolean halving;

    @Option(names = "--eta", paramLabel = "N", defaultValue = "3", description = "halving's factor; default: ${DEFAULT-VALUE}")
    int eta;

    @Option(names = "--budget", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "start no training after this long, e.g. 30m (default: none); what finished is kept")
    Duration budget;

    @Option(names = "--rule", paramLabel = "[PLUGIN:]RULE", description = {"how to choose, for every plugin or (PLUGIN:RULE,",
            "repeatable) for one: best, best-within=DURATION (the best that trained within it), fastest-within=POINTS (the",
            "fastest within that many percentage points of the best validation accuracy) or fastest-above=ACCURACY (the",
            "fastest whose validation accuracy is at least that, e.g. an accuracy floor); default: fastest-within=0.1"})
    List<String> rules = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "42", description = "draws the split, the subsets, the random configurations and trains; default: 42")
    long seed;

    @Option(names = "--write-defaults", description = "print only the chosen -P options at the end, one line for digitbench run")
    boolean writeDefaults;

    @Option(names = "--tune-id", paramLabel = "ID", description = "the tuning's folder name (default: time and 'tune')")
    String tuneId;

    @CommandLine.Mixin
    MnistDirOption mnistDir = new MnistDirOption();

    @CommandLine.Mixin
    OutputDirOption output = new OutputDirOption();

    @CommandLine.Mixin
    ExecutionOptions execution;

    @CommandLine.Mixin
    CacheOptions cache;

    @Override
    public Integer call() {
        Profile p = Profile.of(profile);
        Execution exec = execution.execution(p);
        PluginRegistry registry = PluginRegistry.discover(exec.pluginPath());
        List<ClassifierPlugin> chosen = registry.select(plugins);
        SearchSpace space = SearchSpace.parse(params, chosen);
        if (random != null && random < 1) {
            throw new DigitbenchException("--random " + random + ": expected at least 1 configuration");
        }
        String id = tuneId != null ? RunFolder.checkId(tuneId, "--tune-id") : ID.format(Instant.now()) + "-tune";
        RunFolder tuneFolder = RunFolder.create(output.dir, id, tuneId != null);
        int fullSize = (int) Math.min(p.trainSize(), Math.round(Profile.FULL.trainSize() * (1 - RunConfig.VALIDATION_FRACTION)));
        Tuner.Plan plan = new Tuner.Plan(chosen.stream().map(ClassifierPlugin::id).toList(), space, random, halving, eta, budget,
                TuneRules.parse(rules, chosen.stream().map(ClassifierPlugin::id).toList()), fullSize, seed);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Runner runner = Trials.runner(registry, quiet, parent.err, new ConsoleMode(false, ConsoleMode.Verbosity.QUIET), exec,
                ReferenceEstimates.load(), (dir, results) -> { });
        runner.useCache(cache.cache(output.dir, parent.err));
        Path configs = tuneFolder.dir().resolve("configs");
        Mnist.Location mnist = mnistDir.location();
        int[] count = {0};
        parent.out.printf("Tuning %s on the validation split (%s, %,d training images): %s; choosing %s%n",
                String.join(", ", plan.plugins()), p.id(), fullSize, plan.describe(), plan.rules().describe(plan.plugins()));
        TuneResults results = Tuner.tune(tuneFolder.runId(), p.id(), spec.commandLine().getParseResult().originalArgs(), plan, (pluginId, values, trainSize, rung) -> {
            String runId = pluginId + "-" + (++count[0]);
            RunConfig config = new RunConfig(p, List.of(pluginId), Map.of(pluginId, values), List.of(seed),
                    new RunConfig.DataChoice(DataSource.mnist(mnist), true, Normalization.UNIT, trainSize == fullSize ? null : trainSize,
                            null, true), false, new RunConfig.Output(false, configs, runId), List.of("tune"), CorruptionSuite.Choice.NONE);
            try {
                TrialResult t = runner.run(config).results().trials().getFirst();
                return new TuneResults.Configuration(values, trainSize, rung, t.ok() ? t.metrics().accuracy() : null,
                        t.ok() ? t.times().trainSeconds() : null, "configs/" + runId, t.reusedFrom(), t.error());
            } catch (DigitbenchException e) {
                return new TuneResults.Configuration(values, trainSize, rung, null, null, "configs/" + runId, null, e.getMessage());
            }
        }, r -> save(tuneFolder, r), parent.out);
        save(tuneFolder, results);
        parent.out.println();
        if (!writeDefaults) {
            for (TuneResults.PluginTuning t : results.plugins()) {
                parent.out.println(t.pluginId() + ": " + (t.chosen() == null ? t.noChoice() + " (" + t.rule() + ")"
                        : "chose " + Tuner.describe(t.configurations().get(t.chosen())) + "; Pareto front: " + t.pareto().size()
                        + " of " + t.configurations().size()));
            }
            parent.out.println("Tuning written to " + tuneFolder.dir().resolve("tune.json") + " and tune.html");
        }
        List<String> defaults = results.plugins().stream().flatMap(t -> t.defaults().stream()).toList();
        parent.out.println((writeDefaults ? "" : "For digitbench run: ") + String.join(" ", defaults));
        return results.plugins().stream().allMatch(t -> t.chosen() != null) ? 0 : Main.EXIT_MODEL_FAILED;
    }

    private static void save(RunFolder folder, TuneResults results) {
        ResultsStore.writeAtomically(folder.dir(), "tune.json", results);
        TuneWriter.write(results, folder.dir());
    }
}
