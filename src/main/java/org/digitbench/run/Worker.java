package org.digitbench.run;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.PluginRegistry;

/**
 * The JVM that trains and tests one model for the quality pass ({@link Workers} starts it). It rebuilds
 * the run's data from {@code config.json}, runs the model's trial and writes the result as JSON to the
 * file it was given; the parent reads it. It stops when its parent does, so a killed run leaves no
 * worker training on.
 *
 * <p>Arguments: run folder, plugin id, seed, whether to save the model, result file, {@code true} for a live progress bar.
 */
public final class Worker {
    private Worker() {
    }

    public static void main(String[] args) {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(143)));
        if (args.length != 6) {
            System.err.println("digitbench worker: expected RUN_DIR PLUGIN_ID SEED SAVE RESULT_FILE INTERACTIVE");
            System.exit(2);
        }
        Path runDir = Path.of(args[0]);
        String pluginId = args[1];
        long seed = Long.parseLong(args[2]);
        boolean save = Boolean.parseBoolean(args[3]);
        Path resultFile = Path.of(args[4]);
        boolean interactive = Boolean.parseBoolean(args[5]);
        try {
            RunConfig config = ResultsStore.readConfig(runDir);
            ClassifierPlugin plugin = PluginRegistry.discover(config.pluginPath()).get(pluginId);
            Hyperparameters hp = plugin.resolve(config.overrides().getOrDefault(pluginId, Map.of()));
            SuiteData data = SuiteData.prepare(config, Optional.empty());
            RunResults.ModelResult result = ModelTrial.run(plugin, hp, seed, data.train(), data.test(),
                    save ? runDir : null, new ProgressReporter(System.err, interactive), System.err);
            ResultsStore.writeJson(resultFile, result);
        } catch (Throwable e) {
            System.err.println("digitbench worker: " + ModelTrial.describe(e));
            System.err.flush();
            Runtime.getRuntime().halt(1);
        }
        System.out.flush();
        System.err.flush();
        // halt, not exit: a library's non-daemon threads must not keep the worker alive
        Runtime.getRuntime().halt(0);
    }
}
