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
    private final boolean interactive;
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
        this.interactive = interactive;
        this.afterWrite = afterWrite;
    }

    private void publish(Path runDir, RunResults results) {
        ResultsStore.publish(runDir, results, afterWrite, err);
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
        Map<ClassifierPlugin, Hyperparameters> params = resolve(config, plugins);

        Instant started = Instant.now();
        String runId = config.runId() != null ? config.runId() : RUN_ID_TIME.format(started) + "-" + config.profile().id();
        Path runDir = uniqueDir(config.outputDir(), runId, config.runId() != null);
        runId = runDir.getFileName().toString();

        SuiteData data = load(config);
        config = config.withRunId(runId); // part of the configuration a resumed run reads back
        ResultsStore.writeConfig(runDir, config);
        out.print(DatasetSummary.of(data.train()).format());
        out.print(DatasetSummary.of(data.test()).format());
        RunResults.DataInfo dataInfo = new RunResults.DataInfo(config.normalization().id(), config.normalization().description(),
                info(data.train()), info(data.test()), samples(data.test()));
        RunResults.Provenance provenance = ProvenanceCollector.collect(plugins, config.seed());
        return trainAll(runDir, runId, started, config, plugins, params, data, dataInfo, provenance, new ArrayList<>(),
                new ArrayList<>());
    }

    /**
     * Goes on with a run that was stopped (killed, say): reads its configuration and results, keeps the
     * models that finished successfully, and trains the others (those that failed, and those not yet started).
     *
     * @param limits the time limit and worker options for the models still to train
     */
    public Outcome resume(Path runDir, java.util.function.UnaryOperator<RunConfig> limits) {
        RunConfig config = limits.apply(ResultsStore.readConfig(runDir));
        RunResults previous = ResultsStore.read(runDir.resolve(ResultsStore.FILE_NAME));
        List<ClassifierPlugin> plugins = registry.select(config.pluginIds());
        Map<ClassifierPlugin, Hyperparameters> params = resolve(config, plugins);
        SuiteData data = load(config);
        data.requireSameAs(previous.data(), "cannot resume run " + previous.runId());
        List<RunResults.ModelResult> kept = new ArrayList<>(previous.models().stream().filter(RunResults.ModelResult::ok)
                .filter(m -> plugins.stream().anyMatch(p -> p.id().equals(m.pluginId()))).toList());
        List<RunResults.Repeat> keptRepeats = new ArrayList<>(previous.repeats().stream().filter(RunResults.Repeat::ok).toList());
        out.printf("Resuming run %s: %d of %d models already finished%s%n", previous.runId(), kept.size(), plugins.size(),
                config.extraSeeds().isEmpty() ? "" : ", and " + keptRepeats.size() + " of " + plugins.size() * config.extraSeeds().size()
                        + " repeats with other seeds");
        return trainAll(runDir, previous.runId(), previous.startedAt(), config, plugins, params, data, previous.data(),
                previous.provenance(), kept, keptRepeats);
    }

    private SuiteData load(RunConfig config) {
        out.println("Loading MNIST from " + config.data().dir() + " (" + config.data().origin() + ")");
        return SuiteData.prepare(config, config.download() ? Optional.of(new MnistFetcher(err)) : Optional.empty());
    }

    private Map<ClassifierPlugin, Hyperparameters> resolve(RunConfig config, List<ClassifierPlugin> plugins) {
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
        return params;
    }

    /** Trains and tests every plugin that has no result in {@code models} yet, writing results.json after each. */
    private Outcome trainAll(Path runDir, String runId, Instant started, RunConfig config, List<ClassifierPlugin> plugins,
                             Map<ClassifierPlugin, Hyperparameters> params, SuiteData data, RunResults.DataInfo dataInfo,
                             RunResults.Provenance provenance, List<RunResults.ModelResult> models,
                             List<RunResults.Repeat> repeats) {
        Dataset train = data.train();
        Dataset test = data.test();
        RunResults results = snapshot(runId, "running", started, null, config, provenance, dataInfo, models, List.of(), repeats);
        Path file = ResultsStore.write(runDir, results);
        out.println("Results: " + file);
        if (config.isolate()) {
            out.println("Each model trains in its own JVM" + (config.timeout() == null ? "" : ", for at most "
                    + Leaderboard.duration(config.timeout().toSeconds()) + " (--timeout)"));
        }
        Workers workers = new Workers(out, err, interactive);
        for (int i = 0; i < plugins.size(); i++) {
            ClassifierPlugin plugin = plugins.get(i);
            if (models.stream().anyMatch(m -> m.pluginId().equals(plugin.id()))) {
                continue;
            }
            out.printf("[%d/%d] %s (%s %s): training on %d images%n", i + 1, plugins.size(), plugin.id(), plugin.library(),
                    plugin.family(), train.size());
            RunResults.ModelResult result = trial(workers, runDir, config, plugin, params.get(plugin), data, config.seed(),
                    config.saveModels());
            models.add(result);
            if (result.ok()) {
                out.printf("      accuracy %.4f, macro F1 %.4f, train %.1f s, predict %.2f s%s%n", result.metrics().accuracy(),
                        result.metrics().macro().f1(), result.trainSeconds(), result.predictSeconds(),
                        result.peakRssBytes() == null ? "" : ", peak memory " + (result.peakRssBytes() >> 20) + " MiB");
            } else {
                out.println("      FAILED: " + result.error());
            }
            results = snapshot(runId, "running", started, null, config, provenance, dataInfo, models, List.of(), repeats);
            publish(runDir, results);
            if (result.modelFile() != null) {
                SavedModels.write(runDir, results, data.normalization(), train.height(), train.width());
            }
        }

        // --seeds: every model again with each further seed, one seed after the other
        int total = plugins.size() * config.extraSeeds().size();
        int done = 0;
        for (long seed : config.extraSeeds()) {
            for (ClassifierPlugin plugin : plugins) {
                done++;
                if (repeats.stream().anyMatch(x -> x.pluginId().equals(plugin.id()) && x.seed() == seed)) {
                    continue;
                }
                out.printf("[seed %d, %d/%d] %s: training on %d images%n", seed, done, total, plugin.id(), train.size());
                RunResults.ModelResult result = trial(workers, runDir, config, plugin, params.get(plugin), data, seed, false);
                repeats.add(RunResults.Repeat.of(result));
                out.println(result.ok() ? String.format(java.util.Locale.ROOT, "      accuracy %.4f, macro F1 %.4f, train %.1f s",
                        result.metrics().accuracy(), result.metrics().macro().f1(), result.trainSeconds())
                        : "      FAILED: " + result.error());
                results = snapshot(runId, "running", started, null, config, provenance, dataInfo, models, List.of(), repeats);
                publish(runDir, results);
            }
        }

        int[] truth = test.labels();
        results = snapshot(runId, "complete", started, Instant.now(), config, provenance, dataInfo, models, compare(models, truth),
                repeats);
        publish(runDir, results);
        out.println();
        out.print(Leaderboard.format(results));
        if (SeedStats.applies(results)) {
            out.println();
            out.print(Leaderboard.formatSeeds(SeedStats.of(results)));
        }
        out.println("Results written to " + file);
        return new Outcome(file, results);
    }

    /** One model's trial with one seed: in its own worker JVM, or in this one with --in-process. */
    private RunResults.ModelResult trial(Workers workers, Path runDir, RunConfig config, ClassifierPlugin plugin,
                                         Hyperparameters hp, SuiteData data, long seed, boolean save) {
        return config.isolate()
                ? workers.run(runDir, plugin, hp, config, seed, save, data.train().size(), data.test().size())
                : ModelTrial.run(plugin, hp, seed, data.train(), data.test(), save ? runDir : null, progress, err);
    }

    /** Where a plugin's model is saved, relative to the run folder. */
    public static String modelFile(String pluginId) {
        return "models/" + pluginId + ".model";
    }

    /** Sample images per class in the results. */
    static final int SAMPLES_PER_CLASS = 8;

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
                                       List<RunResults.ModelResult> models, List<RunResults.Comparison> comparisons,
                                       List<RunResults.Repeat> repeats) {
        return new RunResults(RunResults.SCHEMA_VERSION, runId, status, started, finished, config.profile().id(),
                config.commandLine(), provenance, data, List.copyOf(models), comparisons, null, repeats);
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
