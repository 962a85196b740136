package org.digitbench.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.digitbench.api.EpochStats;
import org.digitbench.api.LayerInfo;
import org.digitbench.data.DatasetSummary;
import org.digitbench.data.SourceFile;
import org.digitbench.eval.ClassificationMetrics;
import org.digitbench.eval.Statistics;

/**
 * The content of {@code results.json}: the single source of truth between running and reporting.
 *
 * @param schemaVersion incremented when the layout changes incompatibly
 * @param runId         the run's folder name
 * @param status        {@code running} while models are trained, then {@code complete}
 * @param startedAt     when the run started
 * @param finishedAt    when the last model finished, or {@code null} while running
 * @param profile       the profile's id
 * @param commandLine   the arguments the run was started with
 * @param provenance    versions, machine, seeds
 * @param data          the datasets as trained and tested on
 * @param models        one entry per model, in the order they finished
 * @param comparisons   McNemar's test for every pair of successful models
 * @param timing        the JMH timing pass, or {@code null} when the run had none
 * @param repeats       with {@code --seeds}: each model trained again with each further seed (the
 *                      {@code models} hold the first seed's), for means and standard deviations
 */
public record RunResults(int schemaVersion, String runId, String status, Instant startedAt, Instant finishedAt,
                         String profile, List<String> commandLine, Provenance provenance, DataInfo data,
                         List<ModelResult> models, List<Comparison> comparisons, TimingPass timing, List<Repeat> repeats) {

    public RunResults {
        repeats = repeats == null ? List.of() : List.copyOf(repeats);
    }

    /**
     * A model trained and tested again with another seed (same data, same hyper-parameters): its scores only.
     *
     * @param logLoss null for models without probabilities
     */
    public record Repeat(String pluginId, long seed, String status, String error, Double accuracy, Double macroPrecision,
                         Double macroRecall, Double macroF1, Double logLoss, Double trainSeconds, Double predictSeconds) {
        public static Repeat of(ModelResult m) {
            ClassificationMetrics x = m.metrics();
            return new Repeat(m.pluginId(), m.seed(), m.status(), m.error(), x == null ? null : x.accuracy(),
                    x == null ? null : x.macro().precision(), x == null ? null : x.macro().recall(),
                    x == null ? null : x.macro().f1(), x == null ? null : x.logLoss(), m.trainSeconds(), m.predictSeconds());
        }

        public boolean ok() {
            return "ok".equals(status);
        }
    }

    /** The same results with one model's entry replaced (matched by plugin id) and the timing pass's state. */
    public RunResults with(ModelResult model, TimingPass pass) {
        List<ModelResult> replaced = models.stream().map(m -> m.pluginId().equals(model.pluginId()) ? model : m).toList();
        return new RunResults(schemaVersion, runId, status, startedAt, finishedAt, profile, commandLine, provenance, data,
                replaced, comparisons, pass, repeats);
    }

    /** The same results with the timing pass's state. */
    public RunResults with(TimingPass pass) {
        return new RunResults(schemaVersion, runId, status, startedAt, finishedAt, profile, commandLine, provenance, data,
                models, comparisons, pass, repeats);
    }

    /** The model of this plugin, if the run has it. */
    public java.util.Optional<ModelResult> model(String pluginId) {
        return models.stream().filter(m -> m.pluginId().equals(pluginId)).findFirst();
    }

    public static final int SCHEMA_VERSION = 1;

    /**
     * Where the numbers come from.
     *
     * @param digitbenchVersion the project's version
     * @param gitCommit         the commit the build was made from, or {@code unknown}
     * @param gitDirty          whether the build had uncommitted changes
     * @param javaVersion       {@code java.version}
     * @param javaVendor        {@code java.vendor}
     * @param jvm               the JVM's name and version
     * @param jvmArguments      the JVM's input arguments
     * @param os                operating system name, version and architecture
     * @param cpus              available processors
     * @param maxHeapBytes      maximum heap
     * @param libraries         library name to version, for the plugins in the run
     * @param seed              the run's seed
     */
    public record Provenance(String digitbenchVersion, String gitCommit, Boolean gitDirty, String javaVersion,
                             String javaVendor, String jvm, List<String> jvmArguments, String os, int cpus,
                             long maxHeapBytes, Map<String, String> libraries, long seed) {
    }

    /**
     * @param normalization id of the normalisation
     * @param normalizationDescription what it does
     * @param train the training set
     * @param test  the test set
     * @param samples the first few test images of each class, for the report
     */
    public record DataInfo(String normalization, String normalizationDescription, DatasetInfo train, DatasetInfo test,
                           List<DigitImage> samples) {
    }

    /**
     * @param name       e.g. mnist-train
     * @param size       images
     * @param sources    files with SHA-256 of their decompressed content
     * @param transforms what was done after reading (subset, normalisation)
     * @param summary    per-class counts and value range, after normalisation
     */
    public record DatasetInfo(String name, int size, List<SourceFile> sources, List<String> transforms,
                              DatasetSummary summary) {
    }

    /**
     * One model.
     *
     * @param pluginId        the plugin's id
     * @param library         the library
     * @param libraryVersion  its version
     * @param family          algorithm family
     * @param description     the plugin's description
     * @param status          {@code ok} or {@code failed}
     * @param error           why it failed, or {@code null}
     * @param hyperparameters the values used
     * @param seed            the seed it was trained with
     * @param trainingSize    images it was trained on: the training set's size, or fewer when the plugin trains on a subset
     * @param testSize        images it was tested on
     * @param trainSeconds    wall-clock training time (one run, not a JMH measurement)
     * @param predictSeconds  wall-clock time to predict the whole test set
     * @param metrics         quality on the test set, or {@code null} when it failed
     * @param predictions     the predicted label of each test image, or {@code null} when it failed
     * @param libraryProvenance what the library records about the model (e.g. Tribuo's provenance)
     * @param parameterCount  trainable parameters, where the model reports them (networks), else {@code null}
     * @param layers          the network's layers, empty for other models
     * @param history         per-epoch losses, accuracies and times, empty for models not trained in epochs
     * @param peakHeapBytes   the largest heap use sampled while the model trained and predicted
     * @param peakRssBytes    the process's peak resident set while the model trained and predicted (includes
     *                        native memory, and heap committed before)
     * @param mistakes        up to {@value Runner#MISTAKES} misclassified test images, the most confident first (in
     *                        test-set order for models without probabilities)
     * @param finishedAt      when it finished
     * @param modelFile       the saved model, relative to the run folder, or {@code null} when not saved (or deleted
     *                        after the timing pass)
     * @param timing          JMH timings, or {@code null} before (or without) the timing pass
     */
    public record ModelResult(String pluginId, String library, String libraryVersion, String family, String description,
                              String status, String error, Map<String, Object> hyperparameters, long seed,
                              int trainingSize, int testSize, Double trainSeconds, Double predictSeconds,
                              ClassificationMetrics metrics, int[] predictions, Map<String, String> libraryProvenance,
                              Long parameterCount, List<LayerInfo> layers, List<EpochStats> history,
                              Long peakHeapBytes, Long peakRssBytes, List<DigitImage> mistakes, Instant finishedAt,
                              String modelFile, Timing timing) {
        public boolean ok() {
            return "ok".equals(status);
        }

        /** Whether the timing pass measured this model completely. */
        public boolean timed() {
            return timing != null && timing.ok();
        }

        public ModelResult withTiming(String modelFile, Timing timing) {
            return new ModelResult(pluginId, library, libraryVersion, family, description, status, error, hyperparameters,
                    seed, trainingSize, testSize, trainSeconds, predictSeconds, metrics, predictions, libraryProvenance,
                    parameterCount, layers, history, peakHeapBytes, peakRssBytes, mistakes, finishedAt, modelFile, timing);
        }
    }

    /**
     * The JMH timing pass of a run.
     *
     * @param status        {@code running}, {@code complete}, or {@code skipped} (with the reason in {@code note})
     * @param jmhVersion    JMH's version
     * @param forkJvmArguments the options every forked JVM got
     * @param setupWarmup   what each fork does, unmeasured, before its first measurement
     * @param cpus          available processors (the load-average limit)
     * @param allowBusy     whether the pass was told to run on a busy machine
     * @param startedAt     when it started
     * @param finishedAt    when it ended, or {@code null} while running
     * @param note          why it was skipped or what went wrong, else {@code null}
     */
    public record TimingPass(String status, String jmhVersion, List<String> forkJvmArguments, String setupWarmup, int cpus,
                             boolean allowBusy, Instant startedAt, Instant finishedAt, String note) {
    }

    /**
     * JMH timings of one model.
     *
     * @param status          {@code ok}, {@code failed} (a benchmark threw) or {@code skipped} (e.g. the machine was busy)
     * @param error           why it failed or was skipped, else {@code null}
     * @param training        training the model from scratch (single-shot), or {@code null}
     * @param batch           predicting the whole test set (average time), or {@code null}
     * @param single          predicting one image (sampled), or {@code null}
     * @param imagesPerSecond test images divided by the batch score, or {@code null}
     */
    public record Timing(String status, String error, Measurement training, Measurement batch, Measurement single,
                         Double imagesPerSecond) {
        public boolean ok() {
            return "ok".equals(status);
        }
    }

    /**
     * The result of one JMH benchmark, as JMH computed it.
     *
     * @param benchmark        JMH's benchmark name
     * @param mode             JMH's mode ({@code ss}, {@code avgt}, {@code sample})
     * @param unit             the score's unit, e.g. {@code s/op}
     * @param score            the mean over all measurements
     * @param scoreError       half-width of JMH's 99.9% confidence interval, or {@code null} when it has none
     *                         (a single measurement)
     * @param ciLow            lower end of that interval, or {@code null}
     * @param ciHigh           upper end, or {@code null}
     * @param sampleCount      measurements the score is made of
     * @param iterationScores  each measurement iteration's score, fork after fork
     * @param percentiles      p0, p50, p90, p99, p100 of the samples (for sampled modes; also filled for others)
     * @param forks            forked JVMs
     * @param warmupIterations warm-up iterations per fork
     * @param measurementIterations measurement iterations per fork
     * @param iterationTime    the length of a time-based iteration, or {@code null} for single-shot
     * @param loadBefore       the 1-minute load average just before
     * @param loadAfter        the 1-minute load average just after
     * @param jsonFile         JMH's JSON output, relative to the run folder
     * @param wallSeconds      how long JMH ran, forks and setup included
     */
    public record Measurement(String benchmark, String mode, String unit, double score, Double scoreError, Double ciLow,
                              Double ciHigh, long sampleCount, List<Double> iterationScores, Map<String, Double> percentiles,
                              int forks, int warmupIterations, int measurementIterations, String iterationTime,
                              double loadBefore, double loadAfter, String jsonFile, double wallSeconds) {
    }

    /**
     * McNemar's test between two models on the same test images.
     *
     * @param modelA  plugin id of A
     * @param modelB  plugin id of B
     * @param mcnemar the test's counts, statistic and p-value
     */
    public record Comparison(String modelA, String modelB, Statistics.McNemar mcnemar) {
    }
}
