package org.digitbench.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.digitbench.data.DatasetSummary;
import org.digitbench.api.SourceFile;
import org.digitbench.eval.Statistics;

/**
 * The content of {@code results.json}: the single source of truth between running and reporting.
 * It is assembled from the run's trial results ({@code trials/*.json}) each time a trial ends.
 *
 * <p>Schema version 2: a run is a list of trials (plugin × seed); every trial's training is the one
 * JMH timed. Version 1 files (one quality-pass model per plugin, repeats with other seeds as scores
 * only, and a separate timing pass) are migrated on reading ({@link ResultsMigration}).
 *
 * @param schemaVersion incremented when the layout changes incompatibly
 * @param runId         the run's folder name
 * @param status        {@code running} while trials run, then {@code complete}
 * @param startedAt     when the run started
 * @param finishedAt    when the last trial finished, or {@code null} while running
 * @param profile       the profile's id
 * @param commandLine   the arguments the run was started with
 * @param provenance    versions, machine, seeds
 * @param data          the datasets as trained and tested on
 * @param plan          what the run set out to do: plugins, seeds, how it times
 * @param models        one summary per plugin over its trials (mean, sd and 95% interval across seeds)
 * @param trials        every trial that has a result, in plan order (plugin by plugin, seed by seed)
 * @param comparisons   McNemar's test for every pair of successful models, on the first seed's trials
 */
public record RunResults(int schemaVersion, String runId, RunStatus status, Instant startedAt, Instant finishedAt,
                         String profile, List<String> commandLine, Provenance provenance, DataInfo data, Plan plan,
                         List<ModelSummary> models, List<TrialResult> trials, List<Comparison> comparisons) {

    public static final int SCHEMA_VERSION = 3;

    public RunResults {
        models = models == null ? List.of() : List.copyOf(models);
        trials = trials == null ? List.of() : List.copyOf(trials);
        comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
    }

    /**
     * What the run set out to do.
     *
     * @param plugins    plugin ids, in run order
     * @param seeds      the seeds every plugin is trained with; the first is the main one (report details, McNemar)
     * @param timing     {@code jmh} (training timed by JMH as a single shot, inference benchmarked) or
     *                   {@code wall-clock} ({@code --no-timing})
     * @param validation whether the test set is a validation split of the training images ({@code --validation})
     * @param jobs       trials that ran at once ({@code --jobs}); above 1 every trial's times were taken while others ran
     */
    public record Plan(List<String> plugins, List<Long> seeds, String timing, boolean validation, Integer jobs) {
        public static final String JMH = "jmh";
        public static final String WALL_CLOCK = "wall-clock";

        public Plan {
            plugins = List.copyOf(plugins);
            seeds = List.copyOf(seeds);
            jobs = jobs == null ? 1 : jobs; // results written before --jobs existed
        }

        /** One trial at a time. */
        public Plan(List<String> plugins, List<Long> seeds, String timing, boolean validation) {
            this(plugins, seeds, timing, validation, 1);
        }

        /** Whether trials ran concurrently, so that their times were taken while others ran. */
        public boolean concurrent() {
            return jobs > 1;
        }

        public long mainSeed() {
            return seeds.getFirst();
        }

        public boolean jmh() {
            return JMH.equals(timing);
        }

        public int trialCount() {
            return plugins.size() * seeds.size();
        }
    }

    /** The trials of the main seed, one per plugin, in plan order: what the leaderboard and the model sections show. */
    public List<TrialResult> mainTrials() {
        long main = plan.mainSeed();
        return trials.stream().filter(t -> t.seed() == main).toList();
    }

    /** The main seed's trial of this plugin, if the run has it. */
    public Optional<TrialResult> model(String pluginId) {
        return mainTrials().stream().filter(m -> m.pluginId().equals(pluginId)).findFirst();
    }

    /** The summary of this plugin, if the run has one. */
    public Optional<ModelSummary> summary(String pluginId) {
        return models.stream().filter(m -> m.pluginId().equals(pluginId)).findFirst();
    }

    /** Whether some plugin was trained with more than one seed. */
    public boolean hasSeeds() {
        return plan.seeds().size() > 1;
    }

    /**
     * The same results with the trials and what is derived from them replaced: the summaries, and, when the test
     * set's labels are given, McNemar's comparisons of the main seed's trials (else the comparisons are kept).
     */
    public RunResults withTrials(List<TrialResult> newTrials, RunStatus newStatus, Instant newFinishedAt, int[] truth) {
        List<TrialResult> ordered = new ArrayList<>(newTrials);
        ordered.sort(Comparator.comparingInt((TrialResult t) -> indexOf(plan.plugins(), t.pluginId()))
                .thenComparingInt(t -> plan.seeds().indexOf(t.seed())));
        RunResults partial = new RunResults(schemaVersion, runId, newStatus, startedAt, newFinishedAt, profile, commandLine,
                provenance, data, plan, List.of(), ordered, List.of());
        return new RunResults(schemaVersion, runId, newStatus, startedAt, newFinishedAt, profile, commandLine, provenance,
                data, plan, ModelSummary.of(partial), ordered, truth == null ? comparisons : Comparison.of(partial.mainTrials(), truth));
    }

    private static int indexOf(List<String> ids, String id) {
        int i = ids.indexOf(id);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

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
     * @param seed              the run's main seed
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
     * @param classNames the name of each class by label, from the dataset's descriptor, or empty (then the label is the name)
     */
    public record DataInfo(String normalization, String normalizationDescription, DatasetInfo train, DatasetInfo test,
                           List<DigitImage> samples, List<String> classNames) {
        public DataInfo {
            classNames = classNames == null ? List.of() : List.copyOf(classNames);
        }

        /** Without class names. */
        public DataInfo(String normalization, String normalizationDescription, DatasetInfo train, DatasetInfo test,
                        List<DigitImage> samples) {
            this(normalization, normalizationDescription, train, test, samples, List.of());
        }

        /** The class's name: its label, followed by its name where the dataset has names ("3 · Dress"). */
        public String className(int label) {
            return label >= 0 && label < classNames.size() ? label + " · " + classNames.get(label) : String.valueOf(label);
        }
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
     * JMH's measurements of one trial, all taken in the trial's own JVM.
     *
     * @param status          {@code ok}, or {@code failed} (a benchmark threw; what was measured before is kept)
     * @param error           why it failed, else {@code null}
     * @param training        the training that made the evaluated model (single shot), or {@code null}
     * @param batch           predicting {@code batchImages} test images through the batch path (average time), or {@code null}
     * @param single          predicting one image (sampled), or {@code null}
     * @param imagesPerSecond {@code batchImages} divided by the batch score, or {@code null}
     * @param batchImages     test images per batch call: enough for about a second's work, at most the test set
     * @param loadBefore      the 1-minute load average when the trial started, after any wait for a busy machine
     * @param busy            whether the machine was still busy (load above its cores) when the trial started
     * @param warmupSeconds   the unmeasured warm-up training's wall-clock time, or {@code null}
     */
    public record Timing(TrialStatus status, String error, Measurement training, Measurement batch, Measurement single,
                         Double imagesPerSecond, Integer batchImages, Double loadBefore, Boolean busy, Double warmupSeconds) {
        public boolean ok() {
            return status == TrialStatus.OK;
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
     * @param iterationScores  each measurement iteration's score
     * @param percentiles      p0, p50, p90, p99, p100 of the samples (for sampled modes; also filled for others)
     * @param forks            forked JVMs: 0, since a trial's JVM is itself fresh (version 1: the timing pass's forks)
     * @param warmupIterations warm-up iterations
     * @param measurementIterations measurement iterations
     * @param iterationTime    the length of a time-based iteration, or {@code null} for single-shot
     * @param loadBefore       the 1-minute load average just before
     * @param loadAfter        the 1-minute load average just after
     * @param jsonFile         JMH's JSON output, relative to the run folder
     * @param wallSeconds      how long JMH ran
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

        /** Every pair of the successful trials that predicted the whole test set, in order. */
        static List<Comparison> of(List<TrialResult> trials, int[] truth) {
            List<TrialResult> ok = trials.stream().filter(t -> t.ok() && t.evaluation().predictions() != null
                    && t.evaluation().predictions().length == truth.length).toList();
            List<Comparison> comparisons = new ArrayList<>();
            for (int a = 0; a < ok.size(); a++) {
                for (int b = a + 1; b < ok.size(); b++) {
                    comparisons.add(new Comparison(ok.get(a).pluginId(), ok.get(b).pluginId(),
                            Statistics.mcnemar(truth, ok.get(a).evaluation().predictions(), ok.get(b).evaluation().predictions())));
                }
            }
            return comparisons;
        }
    }
}
