package org.digitbench.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.digitbench.BuildInfo;
import org.digitbench.DigitbenchException;
import org.digitbench.api.ClassifierPlugin;
import org.digitbench.run.DryRun;
import org.digitbench.run.ReferenceEstimates;
import org.digitbench.benchmarks.Trials;
import org.digitbench.api.ParamSpec;
import org.digitbench.api.PluginRegistry;
import org.digitbench.data.CsvReader;
import org.digitbench.data.DataFormatException;
import org.digitbench.data.DigitPreprocessor;
import org.digitbench.data.Dataset;
import org.digitbench.data.DatasetSummary;
import org.digitbench.data.Mnist;
import org.digitbench.data.MnistFetcher;
import org.digitbench.data.Normalization;
import org.digitbench.report.CompareWriter;
import org.digitbench.report.ReferenceTables;
import org.digitbench.report.ReportWriter;
import org.digitbench.report.RunsIndex;
import org.digitbench.run.Execution;
import org.digitbench.run.Predictor;
import org.digitbench.run.Profile;
import org.digitbench.run.ResultsStore;
import org.digitbench.run.RunConfig;
import org.digitbench.run.RunFolder;
import org.digitbench.run.RunResults;
import org.digitbench.run.Runner;
import org.digitbench.serve.DigitServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code digitbench} command line. */
@Command(name = "digitbench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Benchmarks handwritten-digit classifiers on MNIST.",
        subcommands = {Main.ListCommand.class, Main.RunCommand.class, Main.TimingCommand.class, Main.ReportCommand.class,
                Main.PredictCommand.class, Main.ServeCommand.class,
                Main.DataCommand.class, Main.ReferenceCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code of a run in which at least one model failed (results are still written). */
    public static final int EXIT_MODEL_FAILED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where commands print; set by {@link #execute}. */
    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: use list, run, timing, report, predict, serve or data");
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the command line and returns the exit code, printing to the given streams. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        Main main = new Main();
        main.out = out;
        main.err = err;
        CommandLine cmd = new CommandLine(main);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof DigitbenchException || e instanceof IllegalArgumentException) {
                commandLine.getErr().println("digitbench: error: " + e.getMessage());
                return 1;
            }
            commandLine.getErr().println("digitbench: internal error: " + e);
            e.printStackTrace(commandLine.getErr());
            return 70;
        });
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Options shared by commands that read MNIST. */
    static final class DataOptions {
        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "folder with the MNIST files (default: $" + Mnist.ENV + ", else data/mnist)")
        Path dataDir;

        @Option(names = "--no-download", description = "never download missing MNIST files")
        boolean noDownload;

        Mnist.Location location() {
            return Mnist.locate(dataDir);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the plugins on the class path with their hyper-parameters.")
    static final class ListCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.ParentCommand
        Main parent;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (ClassifierPlugin p : PluginRegistry.discover().all()) {
                out.printf("%s  (%s %s, %s)%n  %s%n", p.id(), p.library(), p.libraryVersion(), p.family(), p.description());
                for (ParamSpec s : p.parameters()) {
                    out.printf("    %-14s = %-8s %s; %s%n", s.name(), s.defaultValue(), s.description(), s.expected());
                }
                out.println();
            }
            out.println("Set a hyper-parameter with: digitbench run -P PLUGIN.NAME=VALUE");
            return 0;
        }
    }

    @Command(name = "data", mixinStandardHelpOptions = true,
            description = {"Checks the MNIST files (downloading them if missing) and summarises them.",
                    "With --csv, reads and summarises Kaggle-style CSV files instead."})
    static final class DataCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.ParentCommand
        Main parent;

        @Option(names = "--csv", paramLabel = "FILE",
                description = "a CSV file in the Kaggle layout (label,pixel0..pixel783 or pixel0..pixel783), gzip or plain; repeatable")
        List<Path> csv = new ArrayList<>();

        @CommandLine.Mixin
        DataOptionsMixin data;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<Dataset> sets = new ArrayList<>();
            if (!csv.isEmpty()) {
                for (Path file : csv) {
                    sets.add(new CsvReader().read(file, file.getFileName().toString()));
                }
            } else {
                Mnist.Location location = data.options.location();
                out.println("MNIST in " + location.dir() + " (" + location.origin() + ")");
                Mnist.Split split = Mnist.load(location, data.options.noDownload ? Optional.empty() : Optional.of(new MnistFetcher(parent.err)));
                sets.add(split.train());
                sets.add(split.test());
            }
            for (Dataset d : sets) {
                out.print(DatasetSummary.of(d).format());
                d.sources().forEach(s -> out.printf("  %s  sha256 %s  (%d bytes decompressed)%n", s.path(), s.sha256(), s.bytes()));
            }
            if (csv.isEmpty()) {
                out.println("All four files match the published SHA-256 checksums.");
            }
            return 0;
        }
    }

    /** Lets picocli inject {@link DataOptions} into several commands. */
    static final class DataOptionsMixin {
        @CommandLine.ArgGroup(exclusive = false, heading = "Data:%n")
        DataOptions options = new DataOptions();
    }

    @Command(name = "run", sortOptions = false, mixinStandardHelpOptions = true,
            description = {"Runs a benchmark: every plugin (or those of -m) trained and tested once per seed, each trial in its own",
                    "JVM: an unmeasured warm-up, the training (timed by JMH as a single shot: the evaluated model is the timed one),",
                    "the evaluation on the test set, then JMH's inference benchmarks of that model. Writes reports/<run-id>/",
                    "results.json (after every trial) and index.html."})
    static final class RunCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.ParentCommand
        Main parent;

        @Option(names = {"-p", "--profile"}, paramLabel = "PROFILE", defaultValue = "full",
                description = "quick (stratified 2,000 train / 1,000 test images) or full (60,000 / 10,000); default: ${DEFAULT-VALUE}")
        String profile;

        @Option(names = {"-m", "--plugins"}, split = ",", paramLabel = "ID",
                description = "plugins to run, comma-separated (default: all; see digitbench list)")
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

        @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", defaultValue = "reports",
                description = "where run folders go; default: ${DEFAULT-VALUE}")
        Path outputDir;

        @Option(names = "--run-id", paramLabel = "ID", description = "the run folder's name (default: time and profile)")
        String runId;

        @CommandLine.Mixin
        DataOptionsMixin data;

        @Option(names = "--no-timing", description = "no JMH: one training and one evaluation per trial, timed by the wall clock, "
                + "no warm-up and no inference benchmarks (the fast accuracy-only mode)")
        boolean noTiming;

        @Option(names = "--save-models", description = "keep each trial's model in <run>/models/ (for digitbench predict, serve and timing)")
        boolean saveModels;

        @Option(names = "--dry-run", description = "print the trials and each one's expected time from the committed reference "
                + "results of the profile, and the total; run nothing")
        boolean dryRun;

        @Option(names = "--resume", paramLabel = "RUN_ID",
                description = {"go on with a stopped run in the output folder: keep its finished trials, run the others, with the",
                        "run's own configuration (only -o and the options of how to run may be given)"})
        String resume;

        @CommandLine.Mixin
        ExecutionOptions execution;

        @Override
        public Integer call() {
            boolean terminal = System.console() != null && parent.err == System.err;
            Runner.Outcome outcome;
            if (resume != null) {
                requireOnlyExecutionOptions();
                RunFolder folder = RunFolder.existing(outputDir, resume, "--resume");
                RunConfig stored = ResultsStore.readConfig(folder.dir());
                Execution exec = execution.execution(stored.profile());
                outcome = runner(exec, terminal).resume(folder);
            } else {
                Profile p = Profile.of(profile);
                List<Long> allSeeds = seeds(seed, seeds);
                if (runId != null) {
                    RunFolder.checkId(runId, "--run-id");
                }
                RunConfig config = new RunConfig(p, plugins, parseParams(params), allSeeds, data.options.location(),
                        !data.options.noDownload, Normalization.of(normalization), trainSize, testSize, validation, !noTiming,
                        saveModels, outputDir, runId, spec.commandLine().getParseResult().originalArgs());
                Execution exec = execution.execution(p);
                if (dryRun) {
                    Runner runner = runner(exec, terminal);
                    parent.out.print(DryRun.format(runner.check(config), ReferenceEstimates.load(), exec));
                    return 0;
                }
                outcome = runner(exec, terminal).run(config);
            }
            printReportPath(parent, outcome.resultsFile().getParent());
            return outcome.allSucceeded() && outcome.allTimed() ? 0 : EXIT_MODEL_FAILED;
        }

        private Runner runner(Execution exec, boolean terminal) {
            return Trials.runner(PluginRegistry.discover(exec.pluginPath()), parent.out, parent.err, terminal, exec,
                    ReferenceEstimates.load(), Main::writeReport);
        }

        /** With --resume, the run keeps what it measures: only how to run it may be given. */
        private void requireOnlyExecutionOptions() {
            java.util.Set<String> allowed = new java.util.HashSet<>(ExecutionOptions.NAMES);
            allowed.addAll(java.util.Set.of("--resume", "--output-dir"));
            for (CommandLine.Model.OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
                if (!allowed.contains(o.longestName())) {
                    throw new DigitbenchException("--resume uses the run's own configuration: " + o.longestName()
                            + " cannot be given with it (only -o and " + String.join(", ", ExecutionOptions.NAMES) + ")");
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

    /** How the trials of a run are run (shared by run and timing); never taken from a run folder. */
    static final class ExecutionOptions {
        static final List<String> NAMES = List.of("--timeout", "--in-process", "--worker-jvm-arg", "--plugin-path", "--allow-busy");

        @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "time limit per trial, e.g. 90s, 45m, 4h, or none; its JVM is killed after it; "
                        + "default: 30m for the quick profile, 4h for full")
        java.time.Duration timeout;

        @Option(names = "--in-process", description = "run the trials in this JVM instead of one JVM each "
                + "(no crash isolation, no --timeout; for debugging)")
        boolean inProcess;

        @Option(names = "--worker-jvm-arg", paramLabel = "OPTION",
                description = "a JVM option for the trial JVMs, after this JVM's own (repeatable), e.g. --worker-jvm-arg=-Xmx16g")
        List<String> workerJvmArgs = new ArrayList<>();

        @Option(names = "--plugin-path", paramLabel = "PATH", split = ":",
                description = "jars or class folders with more plugins (META-INF/services entries), besides the class path")
        List<Path> pluginPath = new ArrayList<>();

        @Option(names = "--allow-busy",
                description = "start trials even while the machine is busy (1-minute load average above the core count); by "
                        + "default a trial waits up to 10 minutes for it to settle, then starts with its timings marked busy")
        boolean allowBusy;

        Execution execution(Profile profile) {
            java.time.Duration limit;
            if (inProcess) {
                if (timeout != null && !timeout.equals(DurationConverter.NONE)) {
                    throw new DigitbenchException("--timeout needs trial JVMs: it cannot be used with --in-process");
                }
                limit = null;
            } else if (timeout == null) {
                limit = Execution.defaultTimeout(profile);
            } else {
                limit = timeout.equals(DurationConverter.NONE) ? null : timeout;
            }
            return new Execution(!inProcess, limit, workerJvmArgs, pluginPath, allowBusy, null);
        }
    }

    static void writeReport(Path runDir, RunResults results) {
        ReportWriter.write(results, runDir);
        RunsIndex.write(runDir.toAbsolutePath().getParent());
    }

    /** The folder of run {@code id}, which must hold a results.json; the id is a plain folder name. */
    static Path requireRun(Path outputDir, String id) {
        return RunFolder.existing(outputDir, id, "run").dir();
    }

    static void printReportPath(Main parent, Path runDir) {
        Path report = runDir.resolve(ReportWriter.FILE_NAME);
        if (java.nio.file.Files.isRegularFile(report)) {
            parent.out.println("Report: " + report);
        }
    }

    /** Durations such as 90s, 45m, 4h, PT4H, or "none". */
    static final class DurationConverter implements CommandLine.ITypeConverter<java.time.Duration> {
        /** What "none" converts to. */
        static final java.time.Duration NONE = java.time.Duration.ofSeconds(Long.MAX_VALUE);

        @Override
        public java.time.Duration convert(String value) {
            String v = value.strip().toLowerCase(java.util.Locale.ROOT);
            if (v.equals("none")) {
                return NONE;
            }
            var m = java.util.regex.Pattern.compile("(\\d+)\\s*(s|m|min|h)").matcher(v);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "s" -> java.time.Duration.ofSeconds(n);
                    case "h" -> java.time.Duration.ofHours(n);
                    default -> java.time.Duration.ofMinutes(n);
                };
            }
            try {
                return java.time.Duration.parse(value.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration; expected e.g. 90s, 45m, 4h or none");
            }
        }
    }

    @Command(name = "timing", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Benchmarks (again) the inference of a run's saved models (digitbench run --save-models) with JMH,",
                    "each in its own JVM, and merges the new batch and single-image scores into the run's trials; their",
                    "training times stay (a training is timed only where it happens, in its trial)."})
    static final class TimingCommand implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main parent;

        @CommandLine.Parameters(paramLabel = "RUN_ID", description = "the run to time")
        String runId;

        @Option(names = {"-m", "--plugins"}, split = ",", paramLabel = "ID",
                description = "models to time, comma-separated (default: all of the run's saved models)")
        List<String> plugins = new ArrayList<>();

        @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", defaultValue = "reports",
                description = "the folder holding the run folders; default: ${DEFAULT-VALUE}")
        Path outputDir;

        @CommandLine.Mixin
        ExecutionOptions execution;

        @Override
        public Integer call() {
            RunFolder folder = RunFolder.existing(outputDir, runId, "timing");
            RunConfig config = ResultsStore.readConfig(folder.dir());
            Execution exec = execution.execution(config.profile());
            RunResults timed = Trials.retime(folder, plugins, exec, PluginRegistry.discover(exec.pluginPath()), parent.out,
                    parent.err, Main::writeReport);
            printReportPath(parent, folder.dir());
            return timed.trials().stream().filter(t -> t.ok() && t.modelFile() != null)
                    .filter(t -> plugins.isEmpty() || plugins.contains(t.pluginId())).allMatch(RunResults.TrialResult::timed)
                    ? 0 : EXIT_MODEL_FAILED;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Re-renders reports/<run-id>/index.html from the run's results.json (no training), and reports/index.html.",
                    "With --compare, writes a page comparing two runs model by model."})
    static final class ReportCommand implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main parent;

        @CommandLine.Parameters(paramLabel = "RUN_ID", arity = "0..*",
                description = "runs to render (default: every run in the output folder)")
        List<String> runIds = new ArrayList<>();

        @Option(names = "--compare", arity = "2", paramLabel = "RUN_ID",
                description = "two runs to compare: A then B")
        List<String> compare;

        @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", defaultValue = "reports",
                description = "the folder holding the run folders; default: ${DEFAULT-VALUE}")
        Path outputDir;

        @Override
        public Integer call() throws java.io.IOException {
            if (!java.nio.file.Files.isDirectory(outputDir)) {
                throw new DigitbenchException("no reports folder " + outputDir + "; run digitbench run first, or give --output-dir");
            }
            if (compare != null) {
                for (String id : compare) {
                    Main.requireRun(outputDir, id);
                }
                parent.out.println("Comparison: " + CompareWriter.write(outputDir, compare.get(0), compare.get(1)));
                return 0;
            }
            List<String> ids = runIds;
            if (ids.isEmpty()) {
                try (var dirs = java.nio.file.Files.list(outputDir)) {
                    ids = dirs.filter(d -> java.nio.file.Files.isRegularFile(d.resolve(ResultsStore.FILE_NAME)))
                            .map(d -> d.getFileName().toString()).sorted().toList();
                }
                if (ids.isEmpty()) {
                    throw new DigitbenchException("no runs in " + outputDir + " (no folder there has a results.json)");
                }
            }
            int failed = 0;
            for (String id : ids) {
                // one broken or busy run does not keep the others, or the index, from being rendered
                try {
                    RunFolder folder = RunFolder.existing(outputDir, id, "report");
                    try (RunFolder.Lock lock = folder.lock("digitbench report")) {
                        parent.out.println("Report: " + ReportWriter.render(folder.dir()));
                    }
                } catch (DigitbenchException e) {
                    parent.err.println("digitbench: error: " + e.getMessage());
                    failed++;
                } catch (RuntimeException e) { // a results.json that parses but does not hold together
                    parent.err.println("digitbench: error: " + outputDir.resolve(id).resolve(ResultsStore.FILE_NAME)
                            + ": cannot be rendered (" + e + ")");
                    failed++;
                }
            }
            parent.out.println("Index: " + RunsIndex.write(outputDir));
            if (failed > 0) {
                parent.err.println("digitbench: " + failed + " of " + ids.size() + " run" + (ids.size() == 1 ? "" : "s")
                        + " could not be rendered (see above); the others and the index were");
                return 1;
            }
            return 0;
        }
    }

    @Command(name = "reference", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Makes runs the project's reference results and regenerates what is derived from them: copies each",
                    "run's results.json to benchmarks/results/<profile>/ (no models, no HTML), writes the trial-time estimates",
                    "that run --dry-run and the progress display use, and rewrites the measured tables of benchmarks/results/README.md."})
    static final class ReferenceCommand implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main parent;

        @CommandLine.Parameters(paramLabel = "RUN_ID", arity = "0..*",
                description = "finished runs to commit as their profile's reference (default: regenerate from what is there)")
        List<String> runIds = new ArrayList<>();

        @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", defaultValue = "reports",
                description = "the folder holding the run folders; default: ${DEFAULT-VALUE}")
        Path outputDir;

        @Option(names = "--dir", paramLabel = "DIR", defaultValue = "benchmarks/results",
                description = "where the reference results are kept; default: ${DEFAULT-VALUE}")
        Path dir;

        @Option(names = "--readme", paramLabel = "FILE", defaultValue = "benchmarks/results/README.md",
                description = "the file whose <!-- reference:PROFILE --> regions get the tables; default: ${DEFAULT-VALUE}")
        Path readme;

        @Override
        public Integer call() throws java.io.IOException {
            for (String id : runIds) {
                RunFolder folder = RunFolder.existing(outputDir, id, "reference");
                RunResults r = ResultsStore.read(folder.results());
                if (!"complete".equals(r.status())) {
                    throw new DigitbenchException("run " + id + " is " + r.status() + ", not complete: only a finished run can be a reference");
                }
                Path target = dir.resolve(r.profile()).resolve(ResultsStore.FILE_NAME);
                java.nio.file.Files.createDirectories(target.getParent());
                java.nio.file.Files.copy(folder.results(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                parent.out.println("Reference of profile " + r.profile() + ": " + target + " (from run " + id + ")");
            }
            List<Path> files = ReferenceTables.find(dir);
            if (files.isEmpty()) {
                throw new DigitbenchException("no reference results in " + dir + " (expected " + dir.resolve("full/results.json")
                        + " or " + dir.resolve("quick/results.json") + "); give a finished run's id");
            }
            List<RunResults> runs = files.stream().map(ResultsStore::read).toList();
            List<String> names = files.stream().map(Path::toString).toList();
            Path estimates = dir.resolve(ReferenceEstimates.FILE);
            ResultsStore.writeJson(estimates, ReferenceEstimates.from(runs, names));
            parent.out.println("Estimates: " + estimates);
            if (java.nio.file.Files.isRegularFile(readme)) {
                List<String> updated = ReferenceTables.updateReadme(readme, runs, names);
                parent.out.println(updated.isEmpty() ? "No <!-- reference:PROFILE --> regions in " + readme
                        : "Tables of " + String.join(", ", updated) + " written into " + readme);
            }
            return 0;
        }
    }

    /** Options of the commands that use a run's saved models. */
    static final class SavedModelOptions {
        @Option(names = "--run", required = true, paramLabel = "RUN_ID", description = "the run whose saved models to use")
        String runId;

        @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", defaultValue = "reports",
                description = "the folder holding the run folders; default: ${DEFAULT-VALUE}")
        Path outputDir;

        @Option(names = "--plugin-path", paramLabel = "PATH", split = ":", description = "jars or class folders with more plugins")
        List<Path> pluginPath = new ArrayList<>();

        /** Loads the run's models, warning about each that cannot be loaded; at least one must load. */
        Predictor open(PrintStream err) {
            Path runDir = requireRun(outputDir, runId);
            Predictor predictor = Predictor.open(runDir, PluginRegistry.discover(pluginPath));
            predictor.models().stream().filter(m -> m.error() != null)
                    .forEach(m -> err.println("digitbench: warning: " + m.entry().pluginId() + ": " + m.error()));
            if (predictor.models().stream().noneMatch(m -> m.model() != null)) {
                throw new DigitbenchException("none of the " + predictor.models().size() + " saved models of run " + runId
                        + " could be loaded (see the warnings above)");
            }
            return predictor;
        }
    }

    @Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Recognises the digit in each image with every model a run saved (digitbench run --save-models).",
                    "Images (PNG, JPEG, BMP, GIF; any size; colour or grey; dark on light or light on dark) are made MNIST",
                    "images first: grey, light on dark, cropped, scaled into 20x20, centred by centre of mass in 28x28."})
    static final class PredictCommand implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main parent;

        @CommandLine.Mixin
        SavedModelOptions models = new SavedModelOptions();

        @CommandLine.Parameters(paramLabel = "IMAGE", arity = "1..*", description = "image files")
        List<Path> images = new ArrayList<>();

        @Option(names = "--json", description = "print JSON (one object per image) instead of a table")
        boolean json;

        @Override
        public Integer call() {
            Predictor predictor = models.open(parent.err);
            boolean allRead = true;
            List<Predictor.Prediction> all = new ArrayList<>();
            for (Path image : images) {
                DigitPreprocessor.Result pre;
                try {
                    pre = DigitPreprocessor.fromFile(image);
                } catch (DataFormatException e) {
                    parent.err.println("digitbench: error: " + e.getMessage());
                    allRead = false;
                    continue;
                }
                Predictor.Prediction p = predictor.predict(image.toString(), pre);
                all.add(p);
                if (!json) {
                    print(p);
                }
            }
            if (json) {
                parent.out.println(ResultsStore.toJson(all));
            }
            return allRead ? 0 : 1;
        }

        private void print(Predictor.Prediction p) {
            PrintStream out = parent.out;
            out.printf("%s (%dx%d%s): majority vote %s%n", p.image(), p.sourceWidth(), p.sourceHeight(),
                    p.inverted() ? ", dark on light: inverted" : "",
                    p.vote() == null ? "none" : p.vote() + " (" + p.votes() + " of " + p.models().size() + " models)");
            for (Predictor.ModelPrediction m : p.models()) {
                if (m.error() != null) {
                    out.printf("  %-28s %s%n", m.pluginId(), m.error());
                } else {
                    out.printf(java.util.Locale.ROOT, "  %-28s %d%s%n", m.pluginId(), m.label(),
                            m.probabilities() == null ? "" : String.format(java.util.Locale.ROOT, "  (probability %.3f)", m.probabilities()[m.label()]));
                }
            }
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Serves a web page where you draw a digit (mouse, finger or pen) or upload a picture, and see the",
                    "28x28 image the models see and every saved model's answer with its probabilities.",
                    "JSON API: GET /api/models; POST /api/predict with an image as the body or as the 'image' file of a form.",
                    "Stop it with Ctrl+C."})
    static final class ServeCommand implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main parent;

        @CommandLine.Mixin
        SavedModelOptions models = new SavedModelOptions();

        @Option(names = "--port", paramLabel = "PORT", defaultValue = "7070",
                description = "the port to listen on, 0 for any free one; default: ${DEFAULT-VALUE}")
        int port;

        @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
                description = "the address to listen on; default: ${DEFAULT-VALUE} (this machine only). 0.0.0.0 lets other "
                        + "machines in: the page has no login")
        String host;

        @Option(names = "--allow-host", paramLabel = "NAME",
                description = "a host name browsers may use to reach the server, besides the address it listens on (and, for "
                        + "0.0.0.0, this machine's names and addresses); repeatable. Requests naming other hosts are refused")
        List<String> allowHosts = new ArrayList<>();

        @Override
        public Integer call() {
            if (port < 0 || port > 65535) {
                throw new DigitbenchException("--port " + port + ": expected 0 to 65535");
            }
            boolean loopback = isLoopback(host);
            Predictor predictor = models.open(parent.err);
            long loaded = predictor.models().stream().filter(m -> m.model() != null).count();
            if (!loopback) {
                parent.err.println("digitbench: warning: listening on " + host + ": anyone who can reach this machine can use "
                        + "the page and the API; there is no login");
            }
            java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
            try (DigitServer server = DigitServer.start(predictor, host, port, allowHosts, parent.out)) {
                Thread hook = new Thread(() -> {
                    server.close();
                    parent.out.println("Stopped serving.");
                    stopped.countDown();
                }, "digitbench-serve-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
                parent.out.printf("Serving run %s: %d of %d models loaded.%nOpen %s in a browser; stop with Ctrl+C.%n",
                        models.runId, loaded, predictor.models().size(), server.url());
                try {
                    stopped.await();
                } finally {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException shuttingDown) {
                        // the hook is running
                    }
                }
            } catch (InterruptedException e) {
                parent.out.println("Stopped.");
            }
            return 0;
        }

        private static boolean isLoopback(String host) {
            try {
                return java.net.InetAddress.getByName(host).isLoopbackAddress();
            } catch (java.net.UnknownHostException e) {
                throw new DigitbenchException("--host " + host + ": unknown address");
            }
        }
    }

    /** The version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"digitbench " + BuildInfo.version() + " (commit " + BuildInfo.gitCommit() + ")",
                    "Java " + System.getProperty("java.version")};
        }
    }
}
