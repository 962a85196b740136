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
 */
public record RunResults(int schemaVersion, String runId, String status, Instant startedAt, Instant finishedAt,
                         String profile, List<String> commandLine, Provenance provenance, DataInfo data,
                         List<ModelResult> models, List<Comparison> comparisons) {

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
     */
    public record ModelResult(String pluginId, String library, String libraryVersion, String family, String description,
                              String status, String error, Map<String, Object> hyperparameters, long seed,
                              int trainingSize, int testSize, Double trainSeconds, Double predictSeconds,
                              ClassificationMetrics metrics, int[] predictions, Map<String, String> libraryProvenance,
                              Long parameterCount, List<LayerInfo> layers, List<EpochStats> history,
                              Long peakHeapBytes, Long peakRssBytes, List<DigitImage> mistakes, Instant finishedAt) {
        public boolean ok() {
            return "ok".equals(status);
        }
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
