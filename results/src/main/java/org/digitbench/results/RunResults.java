package org.digitbench.results;

import org.digitbench.api.SourceFile;
import org.digitbench.data.DatasetSummary;
import org.digitbench.eval.Statistics;
import org.digitbench.results.provenance.Provenance;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The content of {@code results.json}: the single source of truth between running and reporting.
 * It is assembled from the run's trial results ({@code trials/*.json}) each time a trial ends.
 *
 * <p>Schema version 3 ({@link #SCHEMA_VERSION}): a run is a list of trials (plugin × seed); every trial's training is
 * the one JMH timed, and a trial's result is grouped into plugin, evaluation, times, network, resources and timing.
 * Version 1 files (one quality-pass model per plugin, repeats with other seeds as scores only, and a separate timing
 * pass) and version 2 files (flat trials) are migrated on reading ({@link ResultsMigration}). The {@link Header}'s
 * fields stand at the top level of the JSON, as they always have.
 *
 * @param header      which run this is and where it stands
 * @param provenance  versions, machine, seeds
 * @param data        the datasets as trained and tested on
 * @param plan        what the run set out to do: plugins, seeds, how it times
 * @param models      one summary per plugin over its trials (mean, sd and 95% interval across seeds)
 * @param trials      every trial that has a result, in plan order (plugin by plugin, seed by seed)
 * @param comparisons McNemar's test for every pair of successful models, on the first seed's trials
 */
public record RunResults(@JsonUnwrapped Header header, Provenance provenance, DataInfo data, Plan plan,
                         List<ModelSummary> models, List<TrialResult> trials, List<Comparison> comparisons) {

    public static final int SCHEMA_VERSION = 3;

    public RunResults {
        models = models == null ? List.of() : List.copyOf(models);
        trials = trials == null ? List.of() : List.copyOf(trials);
        comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
    }

    /**
     * Which run this is and where it stands.
     *
     * @param schemaVersion incremented when the layout changes incompatibly
     * @param runId         the run's folder name
     * @param status        {@code running} while trials run, then {@code complete} (or {@code incomplete})
     * @param startedAt     when the run started
     * @param finishedAt    when the last trial finished, or {@code null} while running
     * @param profile       the profile's id
     * @param commandLine   the arguments the run was started with
     */
    public record Header(int schemaVersion, String runId, RunStatus status, Instant startedAt, Instant finishedAt,
                         String profile, List<String> commandLine) {
        /** The same with another run id (a copy of a run). */
        public Header withRunId(String newRunId) {
            return new Header(schemaVersion, newRunId, status, startedAt, finishedAt, profile, commandLine);
        }

        /** The same with another status and finishing time. */
        public Header withStatus(RunStatus newStatus, Instant newFinishedAt) {
            return new Header(schemaVersion, runId, newStatus, startedAt, newFinishedAt, profile, commandLine);
        }
    }

    public int schemaVersion() {
        return header.schemaVersion();
    }

    public String runId() {
        return header.runId();
    }

    public RunStatus status() {
        return header.status();
    }

    public Instant startedAt() {
        return header.startedAt();
    }

    public Instant finishedAt() {
        return header.finishedAt();
    }

    public String profile() {
        return header.profile();
    }

    public List<String> commandLine() {
        return header.commandLine();
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

    /** The same results with another status and finishing time. */
    public RunResults withStatus(RunStatus newStatus, Instant newFinishedAt) {
        return new RunResults(header.withStatus(newStatus, newFinishedAt), provenance, data, plan, models, trials, comparisons);
    }

    /** The same results with another plan (and the rest kept). */
    public RunResults withData(DataInfo newData) {
        return new RunResults(header, provenance, newData, plan, models, trials, comparisons);
    }

    public RunResults withPlan(Plan newPlan) {
        return new RunResults(header, provenance, data, newPlan, models, trials, comparisons);
    }

    /**
     * The same results with the trials and what is derived from them replaced: the summaries, and, when the test
     * set's labels are given, McNemar's comparisons of the main seed's trials (else the comparisons are kept).
     */
    public RunResults withTrials(List<TrialResult> newTrials, RunStatus newStatus, Instant newFinishedAt, int[] truth) {
        List<TrialResult> ordered = new ArrayList<>(newTrials);
        ordered.sort(Comparator.comparingInt((TrialResult t) -> indexOf(plan.plugins(), t.pluginId()))
                .thenComparingInt(t -> plan.seeds().indexOf(t.seed())));
        long main = plan.mainSeed();
        List<TrialResult> mainTrials = ordered.stream().filter(t -> t.seed() == main).toList();
        return new RunResults(header.withStatus(newStatus, newFinishedAt), provenance, data, plan, ModelSummary.of(ordered),
                ordered, truth == null ? comparisons : Comparison.of(mainTrials, truth));
    }

    private static int indexOf(List<String> ids, String id) {
        int i = ids.indexOf(id);
        return i < 0 ? Integer.MAX_VALUE : i;
    }


    /**
     * @param normalization id of the normalisation
     * @param normalizationDescription what it does
     * @param train the training set
     * @param test  the test set
     * @param samples the first few test images of each class, for the report
     * @param classNames the name of each class by label, from the dataset's descriptor, or empty (then the label is the name)
     * @param robustness the corrupted images every model was evaluated on, or {@code null} without ({@code --robustness none})
     */
    public record DataInfo(String normalization, String normalizationDescription, DatasetInfo train, DatasetInfo test,
                           List<DigitImage> samples, List<String> classNames,
                           @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                           CorruptionSamples robustness) {
        public DataInfo {
            classNames = classNames == null ? List.of() : List.copyOf(classNames);
        }

        /** Without robustness. */
        public DataInfo(String normalization, String normalizationDescription, DatasetInfo train, DatasetInfo test,
                        List<DigitImage> samples, List<String> classNames) {
            this(normalization, normalizationDescription, train, test, samples, classNames, null);
        }

        /** Without class names. */
        public DataInfo(String normalization, String normalizationDescription, DatasetInfo train, DatasetInfo test,
                        List<DigitImage> samples) {
            this(normalization, normalizationDescription, train, test, samples, List.of(), null);
        }

        /** The same with this robustness suite. */
        public DataInfo withRobustness(CorruptionSamples suite) {
            return new DataInfo(normalization, normalizationDescription, train, test, samples, classNames, suite);
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
