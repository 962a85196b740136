package org.digitbench.cli;

import org.digitbench.api.PluginRegistry;
import org.digitbench.benchmarks.Trials;
import org.digitbench.config.ConfigFile;
import org.digitbench.config.Execution;
import org.digitbench.config.RunConfig;
import org.digitbench.data.CorruptionSuite;
import org.digitbench.results.RunResults;
import org.digitbench.results.TrialResult;
import org.digitbench.results.store.RunFolder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "robustness", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluates a finished run's saved models (digitbench run --save-models) on corrupted copies of its test",
                "images, without retraining: each model in its own JVM, one prediction call per corruption. The results",
                "go into the run's trials, and the report is rendered again (docs/robustness.md)."})
final class RobustnessCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    Main parent;

    @CommandLine.Parameters(paramLabel = "RUN_ID", description = "the run (RUN_ID/DATASET for one dataset of a run over several)")
    String runId;

    @Option(names = {"-m", "--plugins"}, split = ",", paramLabel = "ID", completionCandidates = PluginIds.class,
            description = "models to evaluate, comma-separated (default: all of the run's saved models)")
    List<String> plugins = new ArrayList<>();

    @Option(names = "--suite", paramLabel = "SUITE", converter = RunCommand.RobustnessConverter.class,
            description = {"default (MNIST-C's fifteen corruptions) or all (also dilate, erode and invert); default: the",
                    "run's own suite, or default when it had none"})
    CorruptionSuite.Choice suite;

    @CommandLine.Mixin
    OutputDirOption output = new OutputDirOption();

    @CommandLine.Mixin
    ExecutionOptions execution;

    @Override
    public Integer call() {
        RunFolder folder = RunFolder.existing(output.dir, runId, "robustness");
        RunConfig config = ConfigFile.read(folder.dir());
        CorruptionSuite.Choice chosen = suite != null ? suite
                : config.robustness() == CorruptionSuite.Choice.NONE ? CorruptionSuite.Choice.DEFAULT : config.robustness();
        Execution exec = execution.execution(config.profile());
        RunResults evaluated = Trials.robustness(folder, plugins, chosen, exec, PluginRegistry.discover(exec.pluginPath()),
                execution.console(parent), parent.out, parent.err, Main::writeReport);
        Main.printReportPath(parent, folder.dir());
        return evaluated.trials().stream().filter(t -> t.ok() && t.modelFile() != null)
                .filter(t -> plugins.isEmpty() || plugins.contains(t.pluginId()))
                .allMatch(t -> t.evaluation().robustness() != null && t.evaluation().robustness().complete())
                ? 0 : Main.EXIT_MODEL_FAILED;
    }
}
