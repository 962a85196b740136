package org.digitbench.trial;

import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.DigitbenchException;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.PluginRegistry;
import org.digitbench.config.ConfigFile;
import org.digitbench.config.RunConfig;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.results.store.RunFolder;

import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;

/**
 * A trial rebuilt from its run folder: the run's configuration ({@code config.json}), the plugin with the
 * run's hyper-parameters, and the same training and test images, checked against the SHA-256 sums, sizes
 * and transforms the run recorded in {@code results.json}. This is the one place that does it: trial JVMs,
 * in-process trials and the inference re-timing all come here.
 */
public record TrialSetup(RunFolder folder, RunConfig config, TrialTiming.Job job, SuiteData data) {

    /** @param registry where the plugin is found: in a trial's own JVM, the class path and the spec's plugin path */
    public static TrialSetup open(TrialSpec spec, PluginRegistry registry) {
        RunFolder folder = RunFolder.at(spec.runDir());
        RunConfig config = ConfigFile.read(folder.dir());
        ClassifierPlugin plugin = registry.get(spec.pluginId());
        Hyperparameters params;
        try {
            params = plugin.resolve(config.overrides().getOrDefault(spec.pluginId(), Map.of()));
        } catch (IllegalArgumentException e) {
            throw new DigitbenchException("plugin " + plugin.id() + ": " + e.getMessage(), e);
        }
        SuiteData data = SuiteData.prepare(config, Optional.empty());
        if (Files.isRegularFile(folder.results())) {
            data.requireSameAs(ResultsStore.readData(folder.results()), "trial " + spec.trialId() + " of run " + folder.runId());
        }
        data = CorruptedImages.read(folder, spec.corruptedImages(), data, System.err);
        return new TrialSetup(folder, config, new TrialTiming.Job(spec.trialId(), plugin, params, spec.seed(),
                folder.dir(), spec.timeLimit()), data);
    }
}
