package org.digitbench.results;

import org.digitbench.api.EpochStats;
import org.digitbench.api.LayerInfo;
import org.digitbench.eval.Calibration;
import org.digitbench.eval.ClassificationMetrics;
import org.digitbench.eval.Robustness;
import org.digitbench.results.provenance.Machine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One trial: a plugin trained once with one seed and tested. Its identity and outcome are the top-level
 * fields; what was measured is grouped by what it is about (schema version 3; version 2 listed the 27
 * fields flat, see {@link ResultsMigration}).
 *
 * @param outcome    which trial (plugin and seed) and how it ended; its fields stand at the top level of the JSON
 * @param plugin     the plugin as it ran: library, version, family, hyper-parameters
 * @param evaluation what it was trained and tested on, and how it did on the test set
 * @param times      wall-clock times of the training, the evaluation and the whole trial
 * @param network    parameters, layers and training history, where the model is a network (else empty)
 * @param resources  memory used, and the machine it ran on
 * @param modelFile  the saved model, relative to the run folder, or {@code null} when not saved
 * @param timing     JMH's measurements, or {@code null} with {@code --no-timing}
 */
public record TrialResult(@JsonUnwrapped Outcome outcome, PluginInfo plugin, Evaluation evaluation, Times times,
                          Network network, Resources resources, String modelFile, Timing timing) {

    public TrialResult {
        java.util.Objects.requireNonNull(outcome, "outcome");
        network = network == null ? Network.NONE : network;
        resources = resources == null ? Resources.UNKNOWN : resources;
    }

    /**
     * Which trial, and how it ended.
     *
     * @param pluginId the plugin's id
     * @param seed     the seed it was trained with
     * @param status   {@code ok} or {@code failed}
     * @param error    why it failed, or {@code null}
     * @param reusedFrom the run that measured it, when this run took it from the trial cache instead of running it
     *                   again; {@code null} (left out of the JSON) for a trial run here
     */
    public record Outcome(String pluginId, long seed, TrialStatus status, String error,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String reusedFrom) {
        /** A trial run in this run. */
        public Outcome(String pluginId, long seed, TrialStatus status, String error) {
            this(pluginId, seed, status, error, null);
        }
    }

    public String pluginId() {
        return outcome.pluginId();
    }

    public long seed() {
        return outcome.seed();
    }

    public TrialStatus status() {
        return outcome.status();
    }

    public String error() {
        return outcome.error();
    }

    /** The run that measured this trial, when it was taken from the trial cache; else {@code null}. */
    public String reusedFrom() {
        return outcome.reusedFrom();
    }

    /** The same trial, taken from the trial cache into another run: measured by run {@code runId}, without its model. */
    public TrialResult reusedFrom(String runId) {
        return new TrialResult(new Outcome(outcome.pluginId(), outcome.seed(), outcome.status(), outcome.error(), runId), plugin,
                evaluation, times, network, resources, null, timing);
    }

    /**
     * @param library           the library
     * @param libraryVersion    its version
     * @param family            algorithm family
     * @param description       the plugin's description
     * @param hyperparameters   the values used
     * @param libraryProvenance what the library records about the model (e.g. Tribuo's provenance)
     */
    public record PluginInfo(String library, String libraryVersion, String family, String description,
                             Map<String, Object> hyperparameters, Map<String, String> libraryProvenance) {
    }

    /**
     * @param trainingSize images it was trained on: the training set's size, or fewer when the plugin holds some out
     * @param testSize     images it was tested on
     * @param metrics      quality on the test set, or {@code null} when it failed
     * @param predictions  the predicted label of each test image, or {@code null} when it failed (or a migrated repeat)
     * @param mistakes     up to {@value ModelTrial#MISTAKES} misclassified test images, the most confident first
     * @param calibration  how far its probabilities can be trusted (ECE, MCE, Brier, reliability diagram), or {@code null}
     *                     for a model without probabilities
     * @param robustness   its accuracy on corrupted copies of a subset of the test images, or {@code null} when the run
     *                     has none ({@code --robustness none}, or a run from before robustness was measured)
     */
    public record Evaluation(int trainingSize, int testSize, ClassificationMetrics metrics, int[] predictions,
                             List<DigitImage> mistakes, @JsonInclude(JsonInclude.Include.NON_NULL) Calibration calibration,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Robustness robustness) {
        public Evaluation {
            mistakes = mistakes == null ? List.of() : mistakes;
        }

        /** An evaluation without robustness. */
        public Evaluation(int trainingSize, int testSize, ClassificationMetrics metrics, int[] predictions,
                          List<DigitImage> mistakes, Calibration calibration) {
            this(trainingSize, testSize, metrics, predictions, mistakes, calibration, null);
        }

        /** An evaluation of a model without probabilities (or from before calibration was measured). */
        public Evaluation(int trainingSize, int testSize, ClassificationMetrics metrics, int[] predictions,
                          List<DigitImage> mistakes) {
            this(trainingSize, testSize, metrics, predictions, mistakes, null, null);
        }

        /** The same evaluation with this robustness. */
        public Evaluation withRobustness(Robustness r) {
            return new Evaluation(trainingSize, testSize, metrics, predictions, mistakes, calibration, r);
        }
    }

    /**
     * @param trainSeconds   the training's time: JMH's single-shot score of the very training that made the model, or
     *                       wall-clock seconds with {@code --no-timing}
     * @param predictSeconds wall-clock time to predict the whole test set (the evaluation)
     * @param trialSeconds   the whole trial's wall-clock time, from its JVM's start (data loading, warm-up, training,
     *                       evaluation, saving, benchmarks), or {@code null} when unknown
     * @param finishedAt     when it finished
     */
    public record Times(Double trainSeconds, Double predictSeconds, Double trialSeconds, Instant finishedAt) {
    }

    /**
     * @param parameterCount trainable parameters, where the model reports them (networks), else {@code null}
     * @param layers         the network's layers, empty for other models
     * @param history        per-epoch losses, accuracies and times, empty for models not trained in epochs
     */
    public record Network(Long parameterCount, List<LayerInfo> layers, List<EpochStats> history) {
        static final Network NONE = new Network(null, List.of(), List.of());

        public Network {
            layers = layers == null ? List.of() : layers;
            history = history == null ? List.of() : history;
        }
    }

    /**
     * @param peakHeapBytes the largest heap use sampled while the model trained and predicted
     * @param peakRssBytes  the trial JVM's peak resident set while the model trained and predicted
     * @param machine       where the trial ran (host, CPU model, cores), or {@code null} when its JVM gave no result
     *                      or it ran before this was recorded
     * @param modelBytes    the saved model's size on disk, or {@code null} when it was not saved
     */
    public record Resources(Long peakHeapBytes, Long peakRssBytes, Machine machine,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Long modelBytes) {
        static final Resources UNKNOWN = new Resources(null, null, null, null);

        /** Resources without the model's size. */
        public Resources(Long peakHeapBytes, Long peakRssBytes, Machine machine) {
            this(peakHeapBytes, peakRssBytes, machine, null);
        }
    }

    public boolean ok() {
        return status() == TrialStatus.OK;
    }

    /** Whether JMH measured this trial completely. */
    public boolean timed() {
        return timing != null && timing.ok();
    }

    /** Quality on the test set, or {@code null} when the trial failed. */
    public ClassificationMetrics metrics() {
        return evaluation.metrics();
    }

    /** The trial's id, which names its files: {@code smile-mlp.seed42}. */
    public String trialId() {
        return trialId(pluginId(), seed());
    }

    public static String trialId(String pluginId, long seed) {
        return pluginId + ".seed" + seed;
    }

    public TrialResult withTiming(String newModelFile, Timing newTiming) {
        return new TrialResult(outcome, plugin, evaluation, times, network, resources, newModelFile, newTiming);
    }

    /** The same trial with this robustness ({@code digitbench robustness}). */
    public TrialResult withRobustness(Robustness r) {
        return new TrialResult(outcome, plugin, evaluation.withRobustness(r), times, network, resources, modelFile, timing);
    }
}
