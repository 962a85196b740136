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
import org.digitbench.benchmarks.TimingPass;
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
import org.digitbench.report.ReportWriter;
import org.digitbench.report.RunsIndex;
import org.digitbench.run.Predictor;
import org.digitbench.run.Profile;
import org.digitbench.run.ResultsStore;
import org.digitbench.run.RunConfig;
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
                Main.DataCommand.class,
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
            description = {"Trains and tests plugins on MNIST (quality pass), then times training and inference with JMH",
                    "in forked JVMs (timing pass), and writes reports/<run-id>/results.json and index.html.",
                    "Each model's result is written as soon as it finishes."})
    static final class RunCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.ParentCommand
        Main parent;

        @Option(names = {"-p", "--profile"}, paramLabel = "PROFILE", defaultValue = "full",
                description = "quick (stratified 4,000 train / 2,000 test images) or full (60,000 / 10,000); default: ${DEFAULT-VALUE}")
        String profile;

        @Option(names = {"-m", "--plugins"}, split = ",", paramLabel = "ID",
                description = "plugins to run, comma-separated (default: all; see digitbench list)")
        List<String> plugins = new ArrayList<>();

        @Option(names = {"-P", "--param"}, paramLabel = "PLUGIN.NAME=VALUE",
                description = "set a hyper-parameter, e.g. -P smile-svm-rbf.C=5 (repeatable)")
        List<String> params = new ArrayList<>();

        @Option(names = "--seed", defaultValue = "42", description = "seed for subsets and training; default: ${DEFAULT-VALUE}")
        long seed;

        @Option(names = "--seeds", paramLabel = "N|S1,S2,...",
                description = {"train every model with several seeds and report mean and standard deviation:",
                        "N seeds from --seed on (--seed, --seed+1, ...), or a comma-separated list whose first seed is the main one"})
        String seeds;

        @Option(names = "--normalization", paramLabel = "NAME", defaultValue = "unit",
                description = "unit ([0,1]), symmetric ([-1,1]), l2 (per image) or zscore (per pixel, fitted on training data); default: ${DEFAULT-VALUE}")
        String normalization;

        @Option(names = "--train-size", paramLabel = "N", description = "training images (stratified subset), overriding the profile")
        Integer trainSize;

        @Option(names = "--test-size", paramLabel = "N", description = "test images (stratified subset), overriding the profile")
        Integer testSize;

        @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", defaultValue = "reports",
                description = "where run folders go; default: ${DEFAULT-VALUE}")
        Path outputDir;

        @Option(names = "--run-id", paramLabel = "ID", description = "the run folder's name (default: time and profile)")
        String runId;

        @CommandLine.Mixin
        DataOptionsMixin data;

        @CommandLine.Mixin
        TimingOptions timing;

        @Option(names = "--no-timing", description = "skip the JMH timing pass: quality metrics and wall-clock times only")
        boolean noTiming;

        @Option(names = "--resume", paramLabel = "RUN_ID",
                description = {"go on with a stopped run in the output folder: keep its finished models, train the others",
                        "(with the run's own configuration; only --timeout, --in-process, --worker-jvm-arg and the timing options may be given)"})
        String resume;

        @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "time limit per model (training and testing), e.g. 90s, 45m, 4h, or none; "
                        + "default: 30m for the quick profile, 4h for full")
        java.time.Duration timeout;

        @Option(names = "--in-process", description = "train in this JVM instead of one worker JVM per model "
                + "(no crash isolation, no --timeout; for debugging)")
        boolean inProcess;

        @Option(names = "--worker-jvm-arg", paramLabel = "OPTION",
                description = "a JVM option for the worker JVMs, after this JVM's own (repeatable), e.g. --worker-jvm-arg=-Xmx16g")
        List<String> workerJvmArgs = new ArrayList<>();

        @Option(names = "--plugin-path", paramLabel = "PATH", split = ":",
                description = "jars or class folders with more plugins (META-INF/services entries), besides the class path")
        List<Path> pluginPath = new ArrayList<>();

        @Override
        public Integer call() {
            boolean terminal = System.console() != null && parent.err == System.err;
            Runner.Outcome outcome;
            if (resume != null) {
                outcome = resume(terminal);
            } else {
                Profile p = Profile.of(profile);
                List<Long> allSeeds = seeds(seed, seeds);
                RunConfig config = new RunConfig(p, plugins, parseParams(params), allSeeds.getFirst(), data.options.location(),
                        !data.options.noDownload, Normalization.of(normalization), trainSize, testSize, outputDir, runId,
                        spec.commandLine().getParseResult().originalArgs(), !noTiming || timing.saveModels, !inProcess,
                        limit(p), workerJvmArgs, pluginPath, allSeeds.subList(1, allSeeds.size()));
                Runner runner = new Runner(PluginRegistry.discover(pluginPath), parent.out, parent.err, terminal, Main::writeReport);
                outcome = runner.run(config);
            }
            boolean ok = outcome.allSucceeded();
            if (!noTiming) {
                Path runDir = outcome.resultsFile().getParent();
                List<String> untimed = outcome.results().models().stream()
                        .filter(m -> !m.timed())
                        .map(RunResults.ModelResult::pluginId).toList();
                if (!untimed.isEmpty()) {
                    RunResults timed = timing.pass(parent).run(runDir, untimed, timing.saveModels);
                    ok &= allTimed(timed.models());
                }
            }
            printReportPath(parent, outcome.resultsFile().getParent());
            return ok ? 0 : EXIT_MODEL_FAILED;
        }

        private java.time.Duration limit(Profile p) {
            if (inProcess) {
                if (timeout != null && !timeout.equals(DurationConverter.NONE)) {
                    throw new DigitbenchException("--timeout needs worker JVMs: it cannot be used with --in-process");
                }
                return null;
            }
            if (timeout == null) {
                return RunConfig.defaultTimeout(p);
            }
            return timeout.equals(DurationConverter.NONE) ? null : timeout;
        }

        private Runner.Outcome resume(boolean terminal) {
            java.util.Set<String> allowed = java.util.Set.of("--resume", "--timeout", "--in-process", "--worker-jvm-arg",
                    "--no-timing", "--allow-busy", "--save-models", "--output-dir");
            for (CommandLine.Model.OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
                if (!allowed.contains(o.longestName())) {
                    throw new DigitbenchException("--resume uses the run's own configuration: " + o.longestName()
                            + " cannot be given with it");
                }
            }
            Path runDir = requireRun(outputDir, resume);
            RunConfig stored = ResultsStore.readConfig(runDir);
            Runner runner = new Runner(PluginRegistry.discover(stored.pluginPath()), parent.out, parent.err, terminal, Main::writeReport);
            return runner.resume(runDir, c -> c.withLimits(limit(c.profile()), !inProcess,
                    workerJvmArgs.isEmpty() ? c.workerJvmArgs() : workerJvmArgs));
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

        static boolean allTimed(List<RunResults.ModelResult> models) {
            return models.stream().allMatch(RunResults.ModelResult::timed);
        }

        static Map<String, Map<String, String>> parseParams(List<String> params) {
            Map<String, Map<String, String>> byPlugin = new LinkedHashMap<>();
            for (String p : params) {
                int eq = p.indexOf('=');
                int dot = eq < 0 ? -1 : p.lastIndexOf('.', eq);
                if (eq < 0 || dot <= 0 || dot == eq - 1) {
                    throw new DigitbenchException("-P '" + p + "': expected PLUGIN.NAME=VALUE, e.g. smile-svm-rbf.C=5");
                }
                byPlugin.computeIfAbsent(p.substring(0, dot), k -> new LinkedHashMap<>()).put(p.substring(dot + 1, eq), p.substring(eq + 1));
            }
            return byPlugin;
        }
    }

    static void writeReport(Path runDir, RunResults results) {
        ReportWriter.write(results, runDir);
        RunsIndex.write(runDir.toAbsolutePath().getParent());
    }

    /** The folder of run {@code id}, which must hold a results.json. */
    static Path requireRun(Path outputDir, String id) {
        Path runDir = outputDir.resolve(id);
        if (!java.nio.file.Files.isRegularFile(runDir.resolve(ResultsStore.FILE_NAME))) {
            throw new DigitbenchException("run '" + id + "' not found: expected " + runDir.resolve(ResultsStore.FILE_NAME));
        }
        return runDir;
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

    /** Options of the JMH timing pass, shared by run and timing. */
    static final class TimingOptions {
        @Option(names = "--allow-busy",
                description = "time models even when the machine stays busy (1-minute load average above the core count); "
                        + "by default such models are left untimed, with a warning")
        boolean allowBusy;

        @Option(names = "--save-models",
                description = "keep each trained model in <run>/models/ after the timing pass (they are deleted once timed otherwise)")
        boolean saveModels;

        TimingPass pass(Main parent) {
            return new TimingPass(parent.out, parent.err, org.digitbench.run.JvmArgs.current(), allowBusy, Main::writeReport);
        }
    }

    @Command(name = "timing", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Runs (again) the JMH timing pass of a run whose models were saved (digitbench run --save-models,",
                    "or a run whose timing pass was stopped or skipped), and merges the timings into its results.json."})
    static final class TimingCommand implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main parent;

        @CommandLine.Parameters(paramLabel = "RUN_ID", description = "the run to time")
        String runId;

        @Option(names = {"-m", "--plugins"}, split = ",", paramLabel = "ID",
                description = "models to time, comma-separated (default: all of the run's)")
        List<String> plugins = new ArrayList<>();

        @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", defaultValue = "reports",
                description = "the folder holding the run folders; default: ${DEFAULT-VALUE}")
        Path outputDir;

        @CommandLine.Mixin
        TimingOptions timing;

        @Override
        public Integer call() {
            Path runDir = requireRun(outputDir, runId);
            RunResults before = ResultsStore.read(runDir.resolve(ResultsStore.FILE_NAME));
            for (RunResults.ModelResult m : before.models()) {
                if ((plugins.isEmpty() || plugins.contains(m.pluginId())) && m.ok()
                        && (m.modelFile() == null || !java.nio.file.Files.isRegularFile(runDir.resolve(m.modelFile())))) {
                    parent.err.println("digitbench: warning: " + m.pluginId() + " has no saved model in " + runDir.resolve("models")
                            + "; its inference benchmarks will train one first");
                }
            }
            RunResults timed = timing.pass(parent).run(runDir, plugins, timing.saveModels);
            printReportPath(parent, runDir);
            return RunCommand.allTimed(timed.models().stream().filter(m -> plugins.isEmpty() || plugins.contains(m.pluginId())).toList())
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
            for (String id : ids) {
                Main.requireRun(outputDir, id);
                parent.out.println("Report: " + ReportWriter.render(outputDir.resolve(id)));
            }
            parent.out.println("Index: " + RunsIndex.write(outputDir));
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

        /** Loads the run's models, warning about each that cannot be loaded. */
        Predictor open(PrintStream err) {
            Path runDir = requireRun(outputDir, runId);
            Predictor predictor = Predictor.open(runDir, PluginRegistry.discover(pluginPath));
            predictor.models().stream().filter(m -> m.error() != null)
                    .forEach(m -> err.println("digitbench: warning: " + m.entry().pluginId() + ": " + m.error()));
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

        @Override
        public Integer call() {
            if (port < 0 || port > 65535) {
                throw new DigitbenchException("--port " + port + ": expected 0 to 65535");
            }
            boolean loopback = isLoopback(host);
            Predictor predictor = models.open(parent.err);
            long loaded = predictor.models().stream().filter(m -> m.model() != null).count();
            if (loaded == 0) {
                throw new DigitbenchException("none of the " + predictor.models().size() + " saved models of run " + models.runId
                        + " could be loaded (see the warnings above); nothing to serve");
            }
            if (!loopback) {
                parent.err.println("digitbench: warning: listening on " + host + ": anyone who can reach this machine can use "
                        + "the page and the API; there is no login");
            }
            java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
            try (DigitServer server = DigitServer.start(predictor, host, port, parent.out)) {
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
