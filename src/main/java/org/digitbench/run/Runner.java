package org.digitbench.run;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.digitbench.DigitbenchException;
import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.EpochStats;
import org.digitbench.api.LayerInfo;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.PluginRegistry;
import org.digitbench.api.Predictions;
import org.digitbench.api.TrainedModel;
import org.digitbench.data.Dataset;
import org.digitbench.data.DatasetSummary;
import org.digitbench.data.MnistFetcher;
import org.digitbench.eval.ClassificationMetrics;
import org.digitbench.eval.Statistics;

/**
 * Runs a suite: checks the configuration, loads and prepares the data once, then trains and tests
 * each plugin in turn, writing {@code results.json} after every model so that a run that is
 * stopped keeps what it finished. A plugin that throws is recorded as failed and the run goes on.
 */
public final class Runner {
    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final PluginRegistry registry;
    private final PrintStream out;
    private final PrintStream err;
    private final ProgressReporter progress;
    private final BiConsumer<Path, RunResults> afterWrite;

    public Runner(PluginRegistry registry, PrintStream out, PrintStream err, boolean interactive) {
        this(registry, out, err, interactive, (dir, results) -> { });
    }

    /**
     * @param afterWrite called with the run folder and the results each time {@code results.json} has been
     *                   written (the command line renders the HTML report from them); what it throws is printed as a warning
     */
    public Runner(PluginRegistry registry, PrintStream out, PrintStream err, boolean interactive,
                  BiConsumer<Path, RunResults> afterWrite) {
        this.registry = registry;
        this.out = out;
        this.err = err;
        this.progress = new ProgressReporter(err, interactive);
        this.afterWrite = afterWrite;
    }

    private void written(Path runDir, RunResults results) {
        try {
            afterWrite.accept(runDir, results);
        } catch (RuntimeException e) {
            err.println("digitbench: warning: results are saved, but the report could not be written: " + e.getMessage());
        }
    }

    /** What a run produced. */
    public record Outcome(Path resultsFile, RunResults results) {
        public boolean allSucceeded() {
            return results.models().stream().allMatch(RunResults.ModelResult::ok);
        }
    }

    public Outcome run(RunConfig config) {
        // Everything the user typed is checked before any data is read or model trained.
        List<ClassifierPlugin> plugins = registry.select(config.pluginIds());
        for (String id : config.overrides().keySet()) {
            registry.get(id);
            if (plugins.stream().noneMatch(p -> p.id().equals(id))) {
                throw new DigitbenchException("hyper-parameters are set for plugin '" + id + "', which is not in this run");
            }
        }
        Map<ClassifierPlugin, Hyperparameters> params = new LinkedHashMap<>();
        for (ClassifierPlugin plugin : plugins) {
            try {
                params.put(plugin, plugin.resolve(config.overrides().getOrDefault(plugin.id(), Map.of())));
            } catch (IllegalArgumentException e) {
                throw new DigitbenchException("plugin " + plugin.id() + ": " + e.getMessage(), e);
            }
        }

        Instant started = Instant.now();
        String runId = config.runId() != null ? config.runId() : RUN_ID_TIME.format(started) + "-" + config.profile().id();
        Path runDir = uniqueDir(config.outputDir(), runId, config.runId() != null);
        runId = runDir.getFileName().toString();

        out.println("Loading MNIST from " + config.data().dir() + " (" + config.data().origin() + ")");
        SuiteData data = SuiteData.prepare(config, config.download() ? Optional.of(new MnistFetcher(err)) : Optional.empty());
        Dataset train = data.train();
        Dataset test = data.test();
        ResultsStore.writeConfig(runDir, config);
        out.print(DatasetSummary.of(train).format());
        out.print(DatasetSummary.of(test).format());

        RunResults.DataInfo dataInfo = new RunResults.DataInfo(config.normalization().id(), config.normalization().description(),
                info(train), info(test), samples(test));
        List<RunResults.ModelResult> models = new ArrayList<>();
        RunResults.Provenance provenance = ProvenanceCollector.collect(plugins, config.seed());
        RunResults results = snapshot(runId, "running", started, null, config, provenance, dataInfo, models, List.of());
        Path file = ResultsStore.write(runDir, results);
        out.println("Results: " + file);

        int[] truth = test.labels();
        for (int i = 0; i < plugins.size(); i++) {
            ClassifierPlugin plugin = plugins.get(i);
            out.printf("[%d/%d] %s (%s %s): training on %d images%n", i + 1, plugins.size(), plugin.id(), plugin.library(),
                    plugin.family(), train.size());
            RunResults.ModelResult result = trainAndTest(plugin, params.get(plugin), config.seed(), train, test, truth,
                    config.saveModels() ? runDir : null);
            models.add(result);
            if (result.ok()) {
                out.printf("      accuracy %.4f, macro F1 %.4f, train %.1f s, predict %.2f s%s%n", result.metrics().accuracy(),
                        result.metrics().macro().f1(), result.trainSeconds(), result.predictSeconds(),
                        result.peakRssBytes() == null ? "" : ", peak memory " + (result.peakRssBytes() >> 20) + " MiB");
            } else {
                out.println("      FAILED: " + result.error());
            }
            results = snapshot(runId, "running", started, null, config, provenance, dataInfo, models, List.of());
            ResultsStore.write(runDir, results);
            written(runDir, results);
        }

        results = snapshot(runId, "complete", started, Instant.now(), config, provenance, dataInfo, models, compare(models, truth));
        ResultsStore.write(runDir, results);
        written(runDir, results);
        out.println();
        out.print(Leaderboard.format(results));
        out.println("Results written to " + file);
        return new Outcome(file, results);
    }

    private RunResults.ModelResult trainAndTest(ClassifierPlugin plugin, Hyperparameters hp, long seed,
                                                Dataset train, Dataset test, int[] truth, Path saveIn) {
        Measured m = new Measured(plugin, hp, seed, train.size(), test.size());
        try (MemoryMonitor memory = new MemoryMonitor(); ProgressReporter.Task task = progress.start(plugin.id())) {
            m.memory = memory;
            long t0 = System.nanoTime();
            TrainedModel model = plugin.train(train, hp, seed, task.listener());
            long t1 = System.nanoTime();
            m.trainSeconds = (t1 - t0) / 1e9;
            if (model == null) {
                throw new IllegalStateException("train() returned null");
            }
            task.phase("predicting");
            Predictions predictions = model.predict(test);
            m.predictSeconds = (System.nanoTime() - t1) / 1e9;
            if (predictions == null || predictions.labels().length != truth.length) {
                throw new IllegalStateException("predict() returned " + (predictions == null ? "null"
                        : predictions.labels().length + " labels for " + truth.length + " images"));
            }
            m.metrics = ClassificationMetrics.of(truth, predictions.labels(), predictions.probabilities(), Dataset.NUM_CLASSES);
            m.predictions = predictions.labels();
            m.trainingSize = model.trainingSize().orElse(train.size());
            m.libraryProvenance = model.provenance();
            m.parameterCount = model.parameterCount().isPresent() ? model.parameterCount().getAsLong() : null;
            m.layers = model.layers();
            m.history = model.history();
            m.mistakes = mistakes(test, predictions);
            if (saveIn != null) {
                m.modelFile = save(model, plugin, saveIn);
            }
            return m.result("ok", null);
        } catch (Exception | OutOfMemoryError | StackOverflowError | LinkageError e) {
            return m.result("failed", describe(e));
        }
    }

    /** Where a plugin's model is saved, relative to the run folder. */
    public static String modelFile(String pluginId) {
        return "models/" + pluginId + ".model";
    }

    /** Saves the model; a model that cannot be saved is still a result, so this only warns. */
    private String save(TrainedModel model, ClassifierPlugin plugin, Path runDir) {
        String relative = modelFile(plugin.id());
        Path file = runDir.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            model.save(file);
            return relative;
        } catch (java.io.IOException | RuntimeException e) {
            err.println("digitbench: warning: " + plugin.id() + ": the model could not be saved to " + file + ": " + describe(e));
            return null;
        }
    }

    /** What is known of one model so far; a failure keeps what was measured before it. */
    private static final class Measured {
        final ClassifierPlugin plugin;
        final Hyperparameters hp;
        final long seed;
        final int testSize;
        int trainingSize;
        MemoryMonitor memory;
        Double trainSeconds;
        Double predictSeconds;
        ClassificationMetrics metrics;
        int[] predictions;
        Map<String, String> libraryProvenance = Map.of();
        Long parameterCount;
        List<LayerInfo> layers = List.of();
        List<EpochStats> history = List.of();
        List<DigitImage> mistakes = List.of();
        String modelFile;

        Measured(ClassifierPlugin plugin, Hyperparameters hp, long seed, int trainingSize, int testSize) {
            this.plugin = plugin;
            this.hp = hp;
            this.seed = seed;
            this.trainingSize = trainingSize;
            this.testSize = testSize;
        }

        RunResults.ModelResult result(String status, String error) {
            MemoryMonitor.Peaks peaks = memory == null ? null : memory.peaks();
            return new RunResults.ModelResult(plugin.id(), plugin.library(), plugin.libraryVersion(), plugin.family(),
                    plugin.description(), status, error, hp.asMap(), seed, trainingSize, testSize, trainSeconds,
                    predictSeconds, metrics, predictions, libraryProvenance, parameterCount, layers, history,
                    peaks == null ? null : peaks.heapBytes(), peaks == null ? null : peaks.rssBytes(), mistakes, Instant.now(), modelFile, null);
        }
    }

    /** Sample images per class in the results. */
    static final int SAMPLES_PER_CLASS = 8;
    /** Misclassified images kept per model. */
    static final int MISTAKES = 12;

    private static List<DigitImage> samples(Dataset test) {
        List<DigitImage> samples = new ArrayList<>();
        int[] taken = new int[Dataset.NUM_CLASSES];
        for (int i = 0; i < test.size() && samples.size() < SAMPLES_PER_CLASS * Dataset.NUM_CLASSES; i++) {
            if (taken[test.label(i)]++ < SAMPLES_PER_CLASS) {
                samples.add(DigitImage.of(test, i, null, null));
            }
        }
        samples.sort(java.util.Comparator.comparingInt(DigitImage::label).thenComparingInt(DigitImage::index));
        return samples;
    }

    private static List<DigitImage> mistakes(Dataset test, Predictions p) {
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            if (p.labels()[i] != test.label(i)) {
                wrong.add(i);
            }
        }
        if (p.hasProbabilities()) {
            wrong.sort(java.util.Comparator.comparingDouble((Integer i) -> -p.probabilities()[i][p.labels()[i]])
                    .thenComparingInt(i -> i));
        }
        return wrong.stream().limit(MISTAKES).map(i -> DigitImage.of(test, i, p.labels()[i],
                p.hasProbabilities() ? p.probabilities()[i][p.labels()[i]] : null)).toList();
    }

    /** A failure in one line, with a hint where the cause is a known setup problem. */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            sb.append(": ").append(e.getMessage().lines().findFirst().orElse(""));
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("openblas")) {
                sb.append(" (Smile needs the system OpenBLAS: on Debian/Ubuntu, apt-get install libopenblas-dev)");
                break;
            }
        }
        if (e instanceof OutOfMemoryError) {
            sb.append(" (give the JVM more heap, e.g. DIGITBENCH_JAVA_OPTS=-Xmx16g, or use a smaller --train-size)");
        }
        return sb.toString();
    }

    private static List<RunResults.Comparison> compare(List<RunResults.ModelResult> models, int[] truth) {
        List<RunResults.ModelResult> ok = models.stream().filter(RunResults.ModelResult::ok).toList();
        List<RunResults.Comparison> comparisons = new ArrayList<>();
        for (int a = 0; a < ok.size(); a++) {
            for (int b = a + 1; b < ok.size(); b++) {
                comparisons.add(new RunResults.Comparison(ok.get(a).pluginId(), ok.get(b).pluginId(),
                        Statistics.mcnemar(truth, ok.get(a).predictions(), ok.get(b).predictions())));
            }
        }
        return comparisons;
    }

    private static RunResults snapshot(String runId, String status, Instant started, Instant finished, RunConfig config,
                                       RunResults.Provenance provenance, RunResults.DataInfo data,
                                       List<RunResults.ModelResult> models, List<RunResults.Comparison> comparisons) {
        return new RunResults(RunResults.SCHEMA_VERSION, runId, status, started, finished, config.profile().id(),
                config.commandLine(), provenance, data, List.copyOf(models), comparisons, null);
    }

    private static RunResults.DatasetInfo info(Dataset d) {
        return new RunResults.DatasetInfo(d.name(), d.size(), d.sources(), d.transforms(), DatasetSummary.of(d));
    }

    private static Path uniqueDir(Path outputDir, String runId, boolean explicit) {
        Path dir = outputDir.resolve(runId);
        if (!Files.exists(dir)) {
            return dir;
        }
        if (explicit) {
            throw new DigitbenchException("run folder " + dir + " already exists; choose another --run-id");
        }
        for (int k = 2; ; k++) {
            Path candidate = outputDir.resolve(runId + "-" + k);
            if (!Files.exists(candidate)) {
                return candidate;
            }
        }
    }
}
