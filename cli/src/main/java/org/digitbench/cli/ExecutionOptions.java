package org.digitbench.cli;

import org.digitbench.api.DigitbenchException;
import org.digitbench.config.Execution;
import org.digitbench.config.Profile;
import org.digitbench.trial.ConsoleMode;

import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

/** How the trials of a run are run (shared by run and timing); never taken from a run folder. */
final class ExecutionOptions {
    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "time limit per trial, e.g. 90s, 45m, 4h, or none; its JVM is killed after it; "
                    + "default: 30m for the quick profile, 4h for full")
    java.time.Duration timeout;

    @Option(names = "--in-process", description = "run the trials in this JVM instead of one JVM each "
            + "(no crash isolation, no --timeout; for debugging)")
    boolean inProcess;

    @Option(names = "--worker-jvm-arg", paramLabel = "OPTION",
            description = "a JVM option for the trial JVMs, after this JVM's own (repeatable), e.g. --worker-jvm-arg=-Xmx16g; "
                    + "the quick profile's trial JVMs start with -Xmx2g (the driver's heap, 8 GiB, for full)")
    List<String> workerJvmArgs = new ArrayList<>();

    @CommandLine.Mixin
    PluginPathOption plugins = new PluginPathOption();

    @Option(names = "--allow-busy",
            description = "start trials even while the machine is busy (1-minute load average above the core count, and half a "
                    + "core or more busy over a quarter of a second); by default a trial waits up to 10 minutes for it to settle, then starts with "
                    + "its timings marked busy")
    boolean allowBusy;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
            description = {"trials run at once, each JVM pinned to its own share of the cores (taskset) with its thread pools",
                    "sized to them: accuracy sooner, but every time is then taken while other trials ran, and the results and",
                    "report say so; default: ${DEFAULT-VALUE}, one at a time, for clean timings"})
    int jobs;

    @CommandLine.ArgGroup(exclusive = true)
    Verbosity verbosity = new Verbosity();

    /** --quiet or --verbose, not both. */
    static final class Verbosity {
        @Option(names = {"-q", "--quiet"}, description = "no progress: each trial's result line, warnings, errors and the final "
                + "tables")
        boolean quiet;

        @Option(names = {"-v", "--verbose"}, description = "more progress: every benchmark iteration's score too")
        boolean verbose;
    }

    /**
     * How the trials show their progress: bars when the console is a terminal, else a line per state change and a
     * heartbeat; less with --quiet, more with --verbose.
     */
    ConsoleMode console(Main parent) {
        boolean terminal = System.console() != null && parent.err == System.err;
        return new ConsoleMode(terminal, verbosity.quiet ? ConsoleMode.Verbosity.QUIET
                : verbosity.verbose ? ConsoleMode.Verbosity.VERBOSE : ConsoleMode.Verbosity.NORMAL);
    }

    Execution execution(Profile profile) {
        if (jobs < 1) { // 0 is what a config.json written before --jobs holds; on the command line it is an error
            throw new DigitbenchException("--jobs " + jobs + ": expected at least 1 (trials at once)");
        }
        if (jobs > 1 && !inProcess && !ExecutorOptions.onPath("taskset")) {
            throw new DigitbenchException("--jobs " + jobs + " pins each trial to its cores with taskset, which is not on the "
                    + "PATH; install util-linux");
        }
        java.time.Duration limit;
        if (inProcess) {
            if (timeout != null && !timeout.equals(DurationConverter.NONE)) {
                throw new DigitbenchException("--timeout needs trial JVMs: it cannot be used with --in-process");
            }
            limit = null;
        } else if (timeout == null) {
            limit = Execution.defaultTimeout(profile);
        } else {
            limit = timeout.equals(DurationConverter.NONE) ? null : timeout;
        }
        Execution execution = new Execution(!inProcess, limit, inProcess ? workerJvmArgs : Execution.workerJvmArgs(profile, workerJvmArgs),
                plugins.pluginPath, allowBusy, null, jobs);
        execution.cores(0); // enough cores for the jobs
        return execution;
    }
}
