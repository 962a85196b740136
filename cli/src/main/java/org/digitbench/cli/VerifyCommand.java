package org.digitbench.cli;

import org.digitbench.api.PluginRegistry;
import org.digitbench.benchmarks.Trials;
import org.digitbench.config.ConfigFile;
import org.digitbench.config.Execution;
import org.digitbench.config.RunConfig;
import org.digitbench.results.Verification;
import org.digitbench.results.store.RunFolder;
import org.digitbench.run.ReferenceEstimates;
import org.digitbench.run.Runner;
import org.digitbench.run.Verify;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a run's trials again, each in its own JVM with the run's data, seeds and hyper-parameters,",
                "and checks that each predicts exactly what the run recorded: a reproduction check. Says which trials",
                "differ, on how many test images and where, and how the run's environment (digitbench's commit, the JVM,",
                "the library's version, the CPU) differed; writes verification.json into the run folder, which the report",
                "shows. Exit code 0 when every trial is identical, 3 otherwise."})
final class VerifyCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    Main parent;

    @CommandLine.Parameters(paramLabel = "RUN_ID", description = "the run to verify")
    String runId;

    @Option(names = {"-m", "--plugins"}, split = ",", paramLabel = "ID", completionCandidates = PluginIds.class,
            description = "plugins to verify, comma-separated (default: every successful trial of the run)")
    List<String> plugins = new ArrayList<>();

    @CommandLine.Mixin
    MnistDirOption mnistDir = new MnistDirOption();

    @CommandLine.Mixin
    OutputDirOption output = new OutputDirOption();

    @CommandLine.Mixin
    ExecutionOptions execution;

    @Override
    public Integer call() {
        RunFolder folder = RunFolder.existing(output.dir, runId, "verify");
        RunConfig config = ConfigFile.read(folder.dir());
        Execution exec = execution.execution(config.profile());
        Runner runner = Trials.runner(PluginRegistry.discover(exec.pluginPath()), parent.out, parent.err, execution.console(parent),
                exec, ReferenceEstimates.load(), (dir, results) -> { });
        Verification v = Verify.run(runner, folder, mnistDir.location(), plugins, parent.out);
        Main.writeReport(folder.dir(), org.digitbench.results.store.ResultsStore.read(folder.results()));
        Main.printReportPath(parent, folder.dir());
        return v.allIdentical() ? 0 : Main.EXIT_MODEL_FAILED;
    }
}
