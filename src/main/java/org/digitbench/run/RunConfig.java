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
 */
public record RunConfig(Profile profile, List<String> pluginIds, Map<String, Map<String, String>> overrides,
                        long seed, Mnist.Location data, boolean download, Normalization normalization,
                        Integer trainSize, Integer testSize, Path outputDir, String runId, List<String> commandLine,
                        boolean saveModels) {
    public RunConfig {
        pluginIds = List.copyOf(pluginIds);
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

    public int effectiveTrainSize() {
        return trainSize != null ? trainSize : profile.trainSize();
    }

    public int effectiveTestSize() {
        return testSize != null ? testSize : profile.testSize();
    }
}
