package org.digitbench.cli;

import org.digitbench.api.DigitbenchException;
import org.digitbench.results.predict.Predictor;

import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintStream;
import java.nio.file.Path;

/** Options of the commands that use a run's saved models. */
final class SavedModelOptions {
    @Option(names = "--run", required = true, paramLabel = "RUN_ID", description = "the run whose saved models to use (RUN_ID/DATASET for one dataset of a run over several)")
    String runId;

    @CommandLine.Mixin
    OutputDirOption output = new OutputDirOption();

    @CommandLine.Mixin
    PluginPathOption plugins = new PluginPathOption();

    /** Loads the run's models, warning about each that cannot be loaded; at least one must load. */
    Predictor open(PrintStream err) {
        Path runDir = Main.requireRun(output.dir, runId);
        Predictor predictor = Predictor.open(runDir, plugins.registry());
        predictor.models().stream().filter(m -> m.error() != null)
                .forEach(m -> err.println("digitbench: warning: " + m.entry().pluginId() + ": " + m.error()));
        if (predictor.models().stream().noneMatch(m -> m.model() != null)) {
            throw new DigitbenchException("none of the " + predictor.models().size() + " saved models of run " + runId
                    + " could be loaded (see the warnings above)");
        }
        return predictor;
    }
}
