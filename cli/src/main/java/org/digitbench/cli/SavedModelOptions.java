package org.digitbench.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.digitbench.api.DigitbenchException;
import org.digitbench.api.PluginRegistry;
import org.digitbench.run.Predictor;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options of the commands that use a run's saved models. */
final class SavedModelOptions {
    @Option(names = "--run", required = true, paramLabel = "RUN_ID", description = "the run whose saved models to use")
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

    /** As {@link #open}, for pictures: they are made 28x28 MNIST images, so the run must have been trained on those. */
    Predictor openForPictures(PrintStream err) {
        Predictor predictor = open(err);
        if (predictor.manifest().height() != 28 || predictor.manifest().width() != 28) {
            throw new DigitbenchException("run " + runId + " was trained on " + predictor.manifest().height() + "x"
                    + predictor.manifest().width() + " images, and pictures are made 28x28 MNIST images; label a CSV file of "
                    + "its image size with --csv instead");
        }
        return predictor;
    }
}
