package org.digitbench.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.digitbench.data.Mnist;
import org.digitbench.data.Normalization;

/**
 * Everything a run needs to know, checked when it is made.
 *
 * @param profile       data sizes
 * @param pluginIds     plugins to run, in order; empty for all
 * @param overrides     hyper-parameter overrides per plugin id (name to text)
 * @param seed          seed for subsets and for every plugin
 * @param data          where MNIST is
 * @param download      whether missing MNIST files may be downloaded
 * @param normalization how pixels are normalised
 * @param trainSize     training images, overriding the profile's, or {@code null}
 * @param testSize      test images, overriding the profile's, or {@code null}
 * @param outputDir     the folder that receives {@code <run-id>/results.json}
 * @param runId         the run's id, or {@code null} to make one from the time and profile
 * @param commandLine   the arguments the run was started with, for provenance
 * @param saveModels    whether each trained model is saved in the run folder ({@code models/<plugin>.model});
 *                      the timing pass needs them
 * @param isolate       train each model in its own JVM (a worker), so that a crash, an {@code OutOfMemoryError}
 *                      or a hang of one plugin cannot take the run down
 * @param timeout       how long one model may take (training, testing, saving) before its worker is killed;
 *                      {@code null} for no limit (only with {@code isolate})
 * @param workerJvmArgs JVM options for the workers, after this JVM's own (e.g. {@code -Xmx16g})
 * @param pluginPath    jars and folders searched for more plugins, besides the class path
 * @param extraSeeds    with {@code --seeds}: the seeds after {@code seed}; every model is trained again with
 *                      each (same data, which the first seed chose), for means and standard deviations
 */
public record RunConfig(Profile profile, List<String> pluginIds, Map<String, Map<String, String>> overrides,
                        long seed, Mnist.Location data, boolean download, Normalization normalization,
                        Integer trainSize, Integer testSize, Path outputDir, String runId, List<String> commandLine,
                        boolean saveModels, boolean isolate, java.time.Duration timeout, List<String> workerJvmArgs,
                        List<Path> pluginPath, List<Long> extraSeeds) {
    public RunConfig {
        extraSeeds = extraSeeds == null ? List.of() : List.copyOf(extraSeeds);
        if (extraSeeds.contains(seed) || extraSeeds.stream().distinct().count() != extraSeeds.size()) {
            throw new IllegalArgumentException("--seeds must be different from each other, got " + seed + " and " + extraSeeds);
        }
        pluginIds = List.copyOf(pluginIds);
        workerJvmArgs = workerJvmArgs == null ? List.of() : List.copyOf(workerJvmArgs);
        pluginPath = pluginPath == null ? List.of() : List.copyOf(pluginPath);
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("--timeout must be positive, got " + timeout);
        }
        overrides = Map.copyOf(overrides);
        commandLine = List.copyOf(commandLine);
        if (trainSize != null && trainSize < 10) {
            throw new IllegalArgumentException("--train-size must be at least 10, got " + trainSize);
        }
        if (testSize != null && testSize < 10) {
            throw new IllegalArgumentException("--test-size must be at least 10, got " + testSize);
        }
        if (runId != null && !runId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("--run-id may hold only letters, digits, '.', '_' and '-', got '" + runId + "'");
        }
    }

    /** The default time limit per model: half an hour in the quick profile, four hours in the full one. */
    public static java.time.Duration defaultTimeout(Profile profile) {
        return profile == Profile.QUICK ? java.time.Duration.ofMinutes(30) : java.time.Duration.ofHours(4);
    }

    /** The same configuration with the run's id filled in. */
    public RunConfig withRunId(String id) {
        return new RunConfig(profile, pluginIds, overrides, seed, data, download, normalization, trainSize, testSize,
                outputDir, id, commandLine, saveModels, isolate, timeout, workerJvmArgs, pluginPath, extraSeeds);
    }

    /** The same configuration with another time limit and worker options (what a resumed run may change). */
    public RunConfig withLimits(java.time.Duration newTimeout, boolean newIsolate, List<String> newWorkerJvmArgs) {
        return new RunConfig(profile, pluginIds, overrides, seed, data, download, normalization, trainSize, testSize,
                outputDir, runId, commandLine, saveModels, newIsolate, newTimeout, newWorkerJvmArgs, pluginPath, extraSeeds);
    }

    public int effectiveTrainSize() {
        return trainSize != null ? trainSize : profile.trainSize();
    }

    public int effectiveTestSize() {
        return testSize != null ? testSize : profile.testSize();
    }
}
