package org.digitbench.cli;

import org.digitbench.api.DigitbenchException;
import org.digitbench.api.PluginRegistry;
import org.digitbench.benchmarks.Trials;
import org.digitbench.config.ConfigFile;
import org.digitbench.config.Execution;
import org.digitbench.results.store.DatasetsFile;
import org.digitbench.results.store.RunFolder;
import org.digitbench.run.ReferenceEstimates;
import org.digitbench.run.Runner;
import org.digitbench.run.SeveralDatasets;
import org.digitbench.run.exec.slurm.SlurmOptions;
import org.digitbench.run.exec.slurm.Submissions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "collect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Gathers a run whose trials were submitted to Slurm (digitbench run --executor slurm --detach, or a",
                "driver that was stopped): follows the trials still queued or running, then assembles results.json and",
                "renders the report. Submits nothing: a trial whose job ended without a result is reported failed, with",
                "Slurm's reason; digitbench run --resume RUN --executor slurm submits those again."})
final class CollectCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    Main parent;

    @CommandLine.Parameters(paramLabel = "RUN_ID", description = "the run to gather")
    String runId;

    @CommandLine.Mixin
    OutputDirOption output = new OutputDirOption();

    @Option(names = "--poll", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "how often to ask Slurm about the trials; default: 10s")
    Duration poll;

    @CommandLine.Mixin
    PluginPathOption plugins = new PluginPathOption();

    @Option(names = "--worker-jvm-arg", paramLabel = "OPTION",
            description = "the --worker-jvm-arg options the run was started with (a run folder cannot say which JVM options to use)")
    List<String> workerJvmArgs = new java.util.ArrayList<>();

    /**
     * Only a run submitted to Slurm has anything to collect: a local run's folder has no {@code work/slurm/}
     * submissions, and collecting it would mark a finished run as running again.
     */
    private void requireSubmitted(Path dir, boolean several) {
        java.util.List<Path> parts = several ? DatasetsFile.read(dir).keys().stream().map(dir::resolve).toList() : List.of(dir);
        if (parts.stream().noneMatch(p -> java.nio.file.Files.isRegularFile(p.resolve("work/slurm").resolve(Submissions.FILE),
                java.nio.file.LinkOption.NOFOLLOW_LINKS))) {
            throw new DigitbenchException("collect '" + runId + "': the run was not submitted to Slurm (no work/slurm/"
                    + Submissions.FILE + " in it): there is nothing to collect; a local run is gone on with run --resume");
        }
    }

    @Override
    public Integer call() {
        Path dir = RunFolder.resolve(output.dir, runId, "collect");
        boolean several = DatasetsFile.isRun(dir);
        requireSubmitted(dir, several);
        var profile = several ? SeveralDatasets.read(dir).config().profile()
                : ConfigFile.read(RunFolder.existing(output.dir, runId, "collect").dir()).profile();
        Execution exec = new Execution(true, Execution.defaultTimeout(profile), Execution.workerJvmArgs(profile, workerJvmArgs),
                plugins.pluginPath, true, null);
        Runner runner = Trials.runner(PluginRegistry.discover(exec.pluginPath()), parent.out, parent.err, org.digitbench.trial.ConsoleMode.LOG, exec,
                SlurmOptions.collecting(poll), ReferenceEstimates.load(), Main::writeReport);
        List<Runner.Outcome> outcomes = several
                ? new SeveralDatasets(runner, exec, parent.out, parent.err, Main::writeRunPage).resume(RunFolder.at(dir))
                : List.of(runner.resume(RunFolder.at(dir)));
        Main.printReportPath(parent, dir);
        return outcomes.stream().allMatch(o -> o.allSucceeded() && o.allTimed()) ? 0 : Main.EXIT_MODEL_FAILED;
    }
}
