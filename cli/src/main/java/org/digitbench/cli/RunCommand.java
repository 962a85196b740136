package org.digitbench.cli;

import org.digitbench.api.DigitbenchException;
import org.digitbench.api.PluginRegistry;
import org.digitbench.benchmarks.Trials;
import org.digitbench.config.ConfigFile;
import org.digitbench.config.Execution;
import org.digitbench.config.Profile;
import org.digitbench.config.RunConfig;
import org.digitbench.data.CorruptionSuite;
import org.digitbench.data.DataSource;
import org.digitbench.data.Normalization;
import org.digitbench.results.store.DatasetsFile;
import org.digitbench.results.store.RunFolder;
import org.digitbench.run.DryRun;
import org.digitbench.run.ReferenceEstimates;
import org.digitbench.run.Runner;
import org.digitbench.run.SeveralDatasets;
import org.digitbench.trial.ConsoleMode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "run", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Runs a benchmark: the default set of plugins (or those of -m) trained and tested once per seed, each trial in its own",
                "JVM: an unmeasured warm-up, the training (timed by JMH as a single shot: the evaluated model is the timed one),",
                "the evaluation on the test set, then JMH's inference benchmarks of that model. Writes reports/<run-id>/",
                "results.json (after every trial) and index.html."})
final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    Main parent;

    @Option(names = {"-p", "--profile"}, paramLabel = "PROFILE", defaultValue = "full",
            description = "quick (stratified 2,000 train / 1,000 test images) or full (60,000 / 10,000); default: ${DEFAULT-VALUE}")
    String profile;

    @Option(names = {"-m", "--plugins"}, split = ",", paramLabel = "ID", completionCandidates = PluginIds.class,
            description = "plugins to run, comma-separated (default: the default set, which digitbench list marks)")
    List<String> plugins = new ArrayList<>();

    @Option(names = {"-P", "--param"}, paramLabel = "PLUGIN.NAME=VALUE",
            description = "set a hyper-parameter, e.g. -P smile-svm-rbf.C=5 (repeatable)")
    List<String> params = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "42", description = "the main seed: it draws the subsets and trains the models "
            + "the report details; default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--seeds", paramLabel = "N|S1,S2,...",
            description = {"train every model with several seeds, a trial each, and report mean, standard deviation and",
                    "95%% interval of accuracy and training time: N seeds from --seed on (--seed, --seed+1, ...), or a",
                    "comma-separated list whose first seed is the main one; default: 1"})
    String seeds;

    @Option(names = "--normalization", paramLabel = "NAME", defaultValue = "unit",
            description = "unit ([0,1]), symmetric ([-1,1]), l2 (per image) or zscore (per pixel, fitted on training data); default: ${DEFAULT-VALUE}")
    String normalization;

    @Option(names = "--train-size", paramLabel = "N", description = "training images (stratified subset), overriding the profile")
    Integer trainSize;

    @Option(names = "--test-size", paramLabel = "N", description = "test images (stratified subset), overriding the profile")
    Integer testSize;

    @Option(names = "--validation", description = {"test on a validation split instead of the test set: a stratified sixth of",
            "the training images (10,000 of 60,000) is held out and the rest trained on; for choosing hyper-parameters"})
    boolean validation;

    @CommandLine.Mixin
    OutputDirOption output = new OutputDirOption();

    @Option(names = "--run-id", paramLabel = "ID", description = "the run folder's name (default: time and profile)")
    String runId;

    @CommandLine.Mixin
    DataOptionsMixin data;

    @Option(names = "--no-timing", description = "no JMH: one training and one evaluation per trial, timed by the wall clock, "
            + "no warm-up and no inference benchmarks (the fast accuracy-only mode)")
    boolean noTiming;

    @Option(names = "--robustness", paramLabel = "SUITE", defaultValue = "default", converter = RobustnessConverter.class,
            description = {"evaluate every model on corrupted copies of a stratified subset of the test images (500 a",
                    "corruption for full, 100 for quick): default (MNIST-C's fifteen corruptions), all (also dilate, erode",
                    "and invert) or none (default: ${DEFAULT-VALUE}; docs/robustness.md)"})
    CorruptionSuite.Choice robustness;

    /** Reads {@code --robustness}, naming the choices when the value is none of them. */
    static final class RobustnessConverter implements CommandLine.ITypeConverter<CorruptionSuite.Choice> {
        @Override
        public CorruptionSuite.Choice convert(String value) {
            try {
                return CorruptionSuite.Choice.of(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Option(names = "--save-models", description = "keep each trial's model in <run>/models/ (for digitbench predict, serve and timing)")
    boolean saveModels;

    @Option(names = "--dry-run", description = "print the trials and each one's expected time from the committed reference "
            + "results of the profile, and the total; run nothing")
    boolean dryRun;

    @Option(names = "--resume", paramLabel = "RUN_ID",
            description = {"go on with a stopped run in the output folder: keep its finished trials, run the others, with the",
                    "run's own configuration (only -o, --data-dir and the options of how to run may be given; MNIST's",
                    "folder comes from --data-dir or the defaults, never from the run folder)"})
    String resume;

    @CommandLine.Mixin
    ExecutionOptions execution;

    @CommandLine.Mixin
    ExecutorOptions executor;

    @CommandLine.Mixin
    CacheOptions cache;

    @Override
    public Integer call() {
        ConsoleMode terminal = execution.console(parent);
        List<Runner.Outcome> outcomes;
        Path shown;
        if (resume != null) {
            requireOnlyExecutionOptions();
            Path dir = RunFolder.resolve(output.dir, resume, "--resume");
            if (DatasetsFile.isRun(dir)) {
                SeveralDatasets.Manifest manifest = SeveralDatasets.read(dir);
                Execution exec = execution.execution(manifest.config().profile());
                outcomes = several(exec, terminal).resume(RunFolder.at(dir), data.options.location());
                shown = dir;
            } else {
                RunFolder folder = RunFolder.existing(output.dir, resume, "--resume");
                RunConfig stored = ConfigFile.read(folder.dir());
                Execution exec = execution.execution(stored.profile());
                outcomes = List.of(runner(exec, terminal).resume(folder, data.options.location()));
                shown = folder.dir();
            }
        } else {
            Profile p = Profile.of(profile);
            List<Long> allSeeds = seeds(seed, seeds);
            if (runId != null) {
                RunFolder.checkId(runId, "--run-id");
            }
            List<RunConfig.DataChoice> datasets = new ArrayList<>();
            for (DataSource source : data.options.sources()) {
                datasets.add(new RunConfig.DataChoice(source, !data.options.noDownload, Normalization.of(normalization), trainSize,
                        testSize, validation));
            }
            RunConfig config = new RunConfig(p, Main.pluginIds(plugins, spec), parseParams(params), allSeeds, datasets.getFirst(), !noTiming,
                    new RunConfig.Output(saveModels, output.dir, runId), spec.commandLine().getParseResult().originalArgs(), robustness);
            Execution exec = execution.execution(p);
            if (dryRun) {
                Runner runner = runner(exec, terminal);
                for (RunConfig.DataChoice d : datasets) {
                    if (datasets.size() > 1) {
                        parent.out.println("Dataset " + d.source().spec() + ":");
                    }
                    parent.out.print(DryRun.format(runner.check(config.onDataset(d, output.dir, runId)), ReferenceEstimates.load(), exec));
                }
                return 0;
            }
            if (datasets.size() > 1) {
                outcomes = several(exec, terminal).run(config, datasets);
                shown = outcomes.getFirst().resultsFile().getParent().getParent();
            } else {
                Runner.Outcome outcome = runner(exec, terminal).run(config);
                outcomes = List.of(outcome);
                shown = outcome.resultsFile().getParent();
            }
        }
        Main.printReportPath(parent, shown);
        if (executor.detach) {
            return 0; // submitted: the trials' results come with digitbench collect
        }
        return outcomes.stream().allMatch(o -> o.allSucceeded() && o.allTimed()) ? 0 : Main.EXIT_MODEL_FAILED;
    }

    private SeveralDatasets several(Execution exec, ConsoleMode terminal) {
        return new SeveralDatasets(runner(exec, terminal), exec, parent.out, parent.err, Main::writeRunPage);
    }

    private Runner runner(Execution exec, ConsoleMode terminal) {
        org.digitbench.run.exec.slurm.SlurmOptions slurm = executor.slurm();
        if (slurm != null) { // before the run's folder is made: a path sbatch cannot hold leaves nothing behind
            org.digitbench.run.exec.slurm.SbatchScript.requirePlainPath(output.dir.toAbsolutePath().normalize(), "-o");
        }
        Runner runner = Trials.runner(PluginRegistry.discover(exec.pluginPath()), parent.out, parent.err, terminal, exec, slurm,
                ReferenceEstimates.load(), Main::writeReport);
        if (!dryRun) {
            runner.useCache(cache.cache(output.dir, parent.err));
        }
        return runner;
    }

    /**
     * With --resume, the run keeps what it measures: only how to run it may be given, which is what the mixins
     * {@link ExecutionOptions}, {@link ExecutorOptions} and {@link OutputDirOption} hold.
     */
    private void requireOnlyExecutionOptions() {
        java.util.Set<String> allowed = new java.util.TreeSet<>();
        for (String mixin : List.of("execution", "executor", "output", "cache")) {
            spec.mixins().get(mixin).options().forEach(o -> allowed.add(o.longestName()));
        }
        allowed.add("--data-dir"); // where MNIST is comes from the command line (or the defaults), never from the folder
        for (CommandLine.Model.OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            if (!o.longestName().equals("--resume") && !allowed.contains(o.longestName())) {
                throw new DigitbenchException("--resume uses the run's own configuration: " + o.longestName()
                        + " cannot be given with it (only " + String.join(", ", allowed) + ")");
            }
        }
    }

    /** The seeds of a run: --seed alone, N seeds from --seed on, or the list given. */
    static List<Long> seeds(long seed, String seeds) {
        if (seeds == null) {
            return List.of(seed);
        }
        try {
            if (!seeds.contains(",")) {
                int n = Integer.parseInt(seeds.strip());
                if (n < 1 || n > 100) {
                    throw new DigitbenchException("--seeds " + seeds + ": expected a count from 1 to 100, or a list such as 1,2,3");
                }
                if (seed > Long.MAX_VALUE - (n - 1)) {
                    throw new DigitbenchException("--seed " + seed + " --seeds " + n + ": the seeds from " + seed + " on would pass "
                            + "the largest seed, " + Long.MAX_VALUE + "; choose a smaller --seed or list the seeds");
                }
                return java.util.stream.LongStream.range(seed, seed + n).boxed().toList();
            }
            List<Long> list = java.util.Arrays.stream(seeds.split(",")).map(String::strip).map(Long::parseLong).toList();
            if (list.stream().distinct().count() != list.size()) {
                throw new DigitbenchException("--seeds " + seeds + ": a seed is repeated");
            }
            return list;
        } catch (NumberFormatException e) {
            throw new DigitbenchException("--seeds " + seeds + ": expected a count, or a comma-separated list of integers");
        }
    }

    static Map<String, Map<String, String>> parseParams(List<String> params) {
        Map<String, Map<String, String>> byPlugin = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            int dot = eq < 0 ? -1 : p.lastIndexOf('.', eq);
            if (eq < 0 || dot <= 0 || dot == eq - 1) {
                throw new DigitbenchException("-P '" + p + "': expected PLUGIN.NAME=VALUE, e.g. smile-svm-rbf.C=5");
            }
            Map<String, String> values = byPlugin.computeIfAbsent(p.substring(0, dot), k -> new LinkedHashMap<>());
            String name = p.substring(dot + 1, eq);
            if (values.put(name, p.substring(eq + 1)) != null) {
                throw new DigitbenchException("-P " + p.substring(0, eq) + " is given twice; give each hyper-parameter once");
            }
        }
        return byPlugin;
    }
}
