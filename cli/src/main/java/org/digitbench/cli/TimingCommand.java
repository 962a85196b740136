package org.digitbench.cli;

import org.digitbench.api.PluginRegistry;
import org.digitbench.benchmarks.Trials;
import org.digitbench.config.ConfigFile;
import org.digitbench.config.Execution;
import org.digitbench.config.RunConfig;
import org.digitbench.results.RunResults;
import org.digitbench.results.TrialResult;
import org.digitbench.results.store.RunFolder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "timing", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmarks (again) the inference of a run's saved models (digitbench run --save-models) with JMH,",
                "each in its own JVM, and merges the new batch and single-image scores into the run's trials; their",
                "training times stay (a training is timed only where it happens, in its trial)."})
final class TimingCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    Main parent;

    @CommandLine.Parameters(paramLabel = "RUN_ID", description = "the run to time (RUN_ID/DATASET for one dataset of a run over several)")
    String runId;

    @Option(names = {"-m", "--plugins"}, split = ",", paramLabel = "ID", completionCandidates = PluginIds.class,
            description = "models to time, comma-separated (default: all of the run's saved models)")
    List<String> plugins = new ArrayList<>();

    @CommandLine.Mixin
    OutputDirOption output = new OutputDirOption();

    @CommandLine.Mixin
    ExecutionOptions execution;

    @Override
    public Integer call() {
        RunFolder folder = RunFolder.existing(output.dir, runId, "timing");
        RunConfig config = ConfigFile.read(folder.dir());
        Execution exec = execution.execution(config.profile());
        RunResults timed = Trials.retime(folder, plugins, exec, PluginRegistry.discover(exec.pluginPath()),
                execution.console(parent), parent.out, parent.err, Main::writeReport);
        Main.printReportPath(parent, folder.dir());
        return timed.trials().stream().filter(t -> t.ok() && t.modelFile() != null)
                .filter(t -> plugins.isEmpty() || plugins.contains(t.pluginId())).allMatch(TrialResult::timed)
                ? 0 : Main.EXIT_MODEL_FAILED;
    }
}
