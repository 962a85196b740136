package org.digitbench.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.digitbench.DigitbenchException;
import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.PluginRegistry;
import org.digitbench.api.TrainedModel;
import org.digitbench.data.Dataset;
import org.digitbench.data.Splits;
import org.digitbench.run.ResultsStore;
import org.digitbench.run.RunConfig;
import org.digitbench.run.RunResults;
import org.digitbench.run.SuiteData;

/**
 * What a JMH fork needs to time one plugin of a finished run, rebuilt from the run folder: the
 * run's configuration ({@code config.json}), the same training and test images (checked against the
 * SHA-256 sums and sizes in {@code results.json}), the plugin with the run's hyper-parameters and
 * seed, and the model the quality pass saved.
 */
final class BenchFixture {
    /** Images of the unmeasured warm-up training each training fork does first. */
    static final int WARMUP_TRAIN_IMAGES = 1_000;

    final Path runDir;
    final ClassifierPlugin plugin;
    final Hyperparameters params;
    final long seed;
    final Dataset train;
    final Dataset test;
    final RunResults.ModelResult quality;

    private BenchFixture(Path runDir, ClassifierPlugin plugin, Hyperparameters params, long seed, Dataset train,
                         Dataset test, RunResults.ModelResult quality) {
        this.runDir = runDir;
        this.plugin = plugin;
        this.params = params;
        this.seed = seed;
        this.train = train;
        this.test = test;
        this.quality = quality;
    }

    static BenchFixture load(String run, String pluginId) {
        if (run == null || run.isBlank()) {
            throw new DigitbenchException("the benchmark needs the run folder: -p run=reports/<run-id> (digitbench sets it)");
        }
        Path runDir = Path.of(run);
        RunConfig config = ResultsStore.readConfig(runDir);
        RunResults results = ResultsStore.read(runDir.resolve(ResultsStore.FILE_NAME));
        RunResults.ModelResult quality = results.model(pluginId).orElseThrow(() ->
                new DigitbenchException("run " + runDir + " has no model of plugin '" + pluginId + "'"));
        ClassifierPlugin plugin = PluginRegistry.discover(config.pluginPath()).get(pluginId);
        Hyperparameters params = plugin.resolve(config.overrides().getOrDefault(pluginId, Map.of()));
        SuiteData data = SuiteData.prepare(config, Optional.empty());
        data.requireSameAs(results.data(), "cannot time run " + runDir.getFileName());
        return new BenchFixture(runDir, plugin, params, config.seed(), data.train(), data.test(), quality);
    }

    /** The model the quality pass saved, or, for a plugin that cannot load models, one trained now. */
    TrainedModel model() throws IOException {
        String file = quality.modelFile();
        if (file != null && Files.isRegularFile(runDir.resolve(file))) {
            try {
                return plugin.load(runDir.resolve(file));
            } catch (UnsupportedOperationException e) {
                // fall through: train it again
            }
        }
        System.err.println("digitbench: " + plugin.id() + ": no saved model to load; training one for the inference benchmarks");
        return plugin.train(train, params, seed);
    }

    /** Trains once on a small stratified subset, unmeasured: JIT, native libraries and thread pools warm up. */
    void warmUpTraining() {
        int n = Math.min(WARMUP_TRAIN_IMAGES, Math.max(Dataset.NUM_CLASSES * 10, train.size() / 4));
        plugin.train(Splits.stratifiedSubset(train, n, seed), params, seed);
    }

    /** A copy of the training set that shares nothing cached with earlier trainings (a library's conversion cache, say). */
    Dataset freshTrainingSet() {
        int[] all = new int[train.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return train.subset(all, "copy for timing");
    }
}
