package org.digitbench.config;

import org.digitbench.data.CorruptionSuite;
import org.digitbench.data.DataSource;
import org.digitbench.data.Normalization;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a run measures, checked when it is made. It is saved in the run folder ({@code config.json}), so
 * that every trial JVM rebuilds the same data and models and a resumed run keeps what it was made with.
 * How the trials are run (isolation, time limit, JVM options) is {@link Execution}, given anew each time.
 *
 * @param profile       data sizes
 * @param pluginIds     plugins to run, in order; empty for all
 * @param overrides     hyper-parameter overrides per plugin id (name to text)
 * @param seeds         the seeds: every plugin is trained once with each (a trial per plugin and seed); the first
 *                      is the main one, which also draws the stratified subsets
 * @param dataset       what to train and test on: the dataset, its sizes and normalisation
 * @param timing        time each trial's training with JMH (single shot) and benchmark its inference; {@code false}
 *                      for wall-clock times only ({@code --no-timing})
 * @param output        what the run writes where; its fields stand at the top level of {@code config.json}
 * @param commandLine   the arguments the run was started with, for provenance
 * @param robustness    the corrupted test images every model is also evaluated on ({@code --robustness}); a run folder
 *                      from before it was measured has none
 */
public record RunConfig(Profile profile, List<String> pluginIds, Map<String, Map<String, String>> overrides,
                        List<Long> seeds, DataChoice dataset, boolean timing, @JsonUnwrapped Output output,
                        List<String> commandLine, CorruptionSuite.Choice robustness) {

    /** Without corrupted images. */
    public RunConfig(Profile profile, List<String> pluginIds, Map<String, Map<String, String>> overrides, List<Long> seeds,
                     DataChoice dataset, boolean timing, Output output, List<String> commandLine) {
        this(profile, pluginIds, overrides, seeds, dataset, timing, output, commandLine, CorruptionSuite.Choice.NONE);
    }

    /**
     * What a run writes, and where.
     *
     * @param saveModels keep each trained model in the run folder ({@code models/})
     * @param outputDir  the folder that receives {@code <run-id>/}
     * @param runId      the run's id, or {@code null} to make one from the time and profile
     */
    public record Output(boolean saveModels, Path outputDir, String runId) {
        public Output {
            if (runId != null && !runId.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                throw new IllegalArgumentException("--run-id may hold only letters, digits, '.', '_' and '-' (and start with "
                        + "a letter or digit), got '" + runId + "'");
            }
        }
    }

    public boolean saveModels() {
        return output.saveModels();
    }

    public Path outputDir() {
        return output.outputDir();
    }

    public String runId() {
        return output.runId();
    }

    /**
     * What a run trains and tests on.
     *
     * @param source        the dataset ({@code --dataset}): MNIST and where it is, an IDX folder or CSV files
     * @param download      whether missing MNIST files may be downloaded
     * @param normalization how pixels are normalised (fitted on the training images)
     * @param trainSize     training images, overriding the profile's, or {@code null}
     * @param testSize      test images, overriding the profile's, or {@code null}
     * @param validation    test on a stratified validation split of the training images instead of the test set
     *                      (for choosing hyper-parameters without looking at the test set)
     */
    public record DataChoice(DataSource source, boolean download, Normalization normalization, Integer trainSize,
                             Integer testSize, boolean validation) {
        public DataChoice {
            if (trainSize != null && trainSize < 10) {
                throw new IllegalArgumentException("--train-size must be at least 10, got " + trainSize);
            }
            if (testSize != null && testSize < 10) {
                throw new IllegalArgumentException("--test-size must be at least 10, got " + testSize);
            }
        }
    }

    /** Training images held out as the validation "test" set with {@code validation}: a sixth, 10,000 of MNIST's 60,000. */
    public static final double VALIDATION_FRACTION = 1.0 / 6;

    public RunConfig {
        pluginIds = List.copyOf(pluginIds);
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one seed");
        }
        if (seeds.stream().distinct().count() != seeds.size()) {
            throw new IllegalArgumentException("--seeds must be different from each other, got " + seeds);
        }
        if (pluginIds.stream().distinct().count() != pluginIds.size()) {
            throw new IllegalArgumentException("-m names a plugin twice: " + pluginIds);
        }
        overrides = Map.copyOf(overrides);
        commandLine = List.copyOf(commandLine);
        java.util.Objects.requireNonNull(dataset, "dataset");
        java.util.Objects.requireNonNull(output, "output");
        robustness = robustness == null ? CorruptionSuite.Choice.NONE : robustness;
    }

    /** The main seed: the report's model details and McNemar's tests use its trials; it draws the subsets. */
    public long mainSeed() {
        return seeds.getFirst();
    }

    /** The same configuration with the run's id filled in. */
    public RunConfig withRunId(String id) {
        return new RunConfig(profile, pluginIds, overrides, seeds, dataset, timing, new Output(output.saveModels(), output.outputDir(), id),
                commandLine, robustness);
    }

    /** The same configuration with this robustness suite ({@code digitbench robustness RUN --suite}). */
    public RunConfig withRobustness(CorruptionSuite.Choice suite) {
        return new RunConfig(profile, pluginIds, overrides, seeds, dataset, timing, output, commandLine, suite);
    }

    /** The same configuration with the plugin ids resolved (all plugins when none were named). */
    public RunConfig withPlugins(List<String> ids) {
        return new RunConfig(profile, ids, overrides, seeds, dataset, timing, output, commandLine, robustness);
    }

    /**
     * The same configuration with MNIST in {@code location} (when its dataset is MNIST; otherwise unchanged): a resumed
     * run takes MNIST's folder from the command line or the defaults, never from its run folder.
     */
    public RunConfig withMnistAt(org.digitbench.data.Mnist.Location location) {
        if (!dataset.source().isMnist()) {
            return this;
        }
        DataChoice moved = new DataChoice(DataSource.mnist(location), dataset.download(), dataset.normalization(),
                dataset.trainSize(), dataset.testSize(), dataset.validation());
        return new RunConfig(profile, pluginIds, overrides, seeds, moved, timing, output, commandLine, robustness);
    }

    /** The same configuration on another dataset, as a run of its own in {@code dir} named {@code id}. */
    public RunConfig onDataset(DataChoice data, Path dir, String id) {
        return new RunConfig(profile, pluginIds, overrides, seeds, data, timing, new Output(output.saveModels(), dir, id), commandLine, robustness);
    }

    /**
     * Training images to use out of the {@code available} ones: {@code --train-size}, else the profile's (for MNIST
     * 2,000 or all 60,000; for another dataset a thirtieth of its training images, or all).
     */
    public int trainSize(int available) {
        Integer n = dataset.trainSize();
        return n != null ? n : dataset.source().isMnist() ? profile.trainSize() : profile.share(available, Profile.QUICK_TRAIN_SHARE);
    }

    /** Test images to use: {@code --test-size}, else the profile's (MNIST: 1,000 or all 10,000; else a tenth, or all). */
    public int testSize(int available) {
        Integer n = dataset.testSize();
        return n != null ? n : dataset.source().isMnist() ? profile.testSize() : profile.share(available, Profile.QUICK_TEST_SHARE);
    }

    /** Images per corruption of the robustness suite, out of the {@code tested} test images: the profile's, or all of them. */
    public int robustnessImages(int tested) {
        return Math.min(profile.robustnessImages(), tested);
    }

    /** The sizes as the console says them before any data is read. */
    public String sizes() {
        Integer trainSize = dataset.trainSize();
        Integer testSize = dataset.testSize();
        if (dataset.source().isMnist() || (trainSize != null && testSize != null)) {
            return String.format(java.util.Locale.ROOT, "%,d training / %,d test images", trainSize(0), testSize(0));
        }
        return (trainSize != null ? String.format(java.util.Locale.ROOT, "%,d training images", trainSize) : profile == Profile.FULL ? "every training image"
                : "a thirtieth of the training images") + " / " + (testSize != null ? String.format(java.util.Locale.ROOT, "%,d test images", testSize)
                : profile == Profile.FULL ? "every test image" : "a tenth of the test images");
    }
}
