package org.digitbench.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.Hyperparameters;

/**
 * Starts one {@link Worker} JVM per model, with this JVM's options and class path, and turns whatever
 * happens to it into a result: the worker's own result when it wrote one, else a failed result that
 * says why (killed at the time limit, crashed in native code, ran out of memory, exited early) with
 * the last lines it printed. The worker's output is passed through, so its progress bar shows.
 */
final class Workers {
    /** Characters of a worker's error output kept for the failure message. */
    private static final int TAIL = 16_384;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;

    Workers(PrintStream out, PrintStream err, boolean interactive) {
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    RunResults.ModelResult run(Path runDir, ClassifierPlugin plugin, Hyperparameters hp, RunConfig config, long seed,
                               boolean save, int trainSize, int testSize) {
        java.util.function.Function<String, RunResults.ModelResult> failed =
                error -> ModelTrial.failed(plugin, hp, seed, trainSize, testSize, error);
        Path work = runDir.resolve("work");
        Path result = work.resolve(plugin.id() + "-" + seed + ".json");
        Path crashLog = work.resolve(plugin.id() + ".hs_err.log");
        List<String> command = new ArrayList<>();
        command.add(JvmArgs.java());
        command.addAll(JvmArgs.current());
        command.addAll(config.workerJvmArgs());
        command.add("-XX:ErrorFile=" + crashLog.toAbsolutePath());
        command.add("-cp");
        command.add(JvmArgs.classPath());
        command.add(Worker.class.getName());
        command.add(runDir.toAbsolutePath().toString());
        command.add(plugin.id());
        command.add(Long.toString(seed));
        command.add(Boolean.toString(save));
        command.add(result.toAbsolutePath().toString());
        command.add(Boolean.toString(interactive));
        try {
            Files.createDirectories(work);
            Files.deleteIfExists(result);
            Files.deleteIfExists(crashLog);
        } catch (IOException e) {
            return failed.apply("cannot prepare " + work + ": " + e.getMessage());
        }
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            return failed.apply("cannot start a worker JVM: " + e.getMessage());
        }
        try {
            process.getOutputStream().close(); // the worker reads nothing
        } catch (IOException ignored) {
            // already closed
        }
        Pump stdout = new Pump(process.getInputStream(), out, 0);
        Pump stderr = new Pump(process.getErrorStream(), err, TAIL);
        stdout.start();
        stderr.start();
        Duration timeout = config.timeout();
        boolean finished;
        try {
            if (timeout == null) {
                process.waitFor();
                finished = true;
            } else {
                finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(process);
            return failed.apply("interrupted");
        }
        if (!finished) {
            kill(process);
        }
        stdout.finish();
        stderr.finish();
        if (!finished) {
            return failed.apply("timed out: still running after "
                    + Leaderboard.duration(timeout.toSeconds()) + " (--timeout), so its worker JVM was killed");
        }
        if (Files.isRegularFile(result)) {
            return ResultsStore.readJson(result, RunResults.ModelResult.class);
        }
        return failed.apply(why(process.exitValue(), stderr.tail(), Files.isRegularFile(crashLog) ? runDir.relativize(crashLog) : null));
    }

    /** Why a worker ended without a result, in one line. */
    static String why(int exitCode, String tail, Path crashLog) {
        String last = lastMeaningfulLine(tail);
        StringBuilder sb = new StringBuilder();
        if (crashLog != null) {
            sb.append("the worker JVM crashed (exit code ").append(exitCode).append("; crash log ").append(crashLog).append(")");
        } else if (tail.contains("OutOfMemoryError")) {
            sb.append("the worker JVM ran out of memory (exit code ").append(exitCode)
                    .append("; give workers more heap with --worker-jvm-arg=-Xmx16g, or use a smaller --train-size)");
        } else if (exitCode > 128) {
            sb.append("the worker JVM was killed by signal ").append(exitCode - 128).append(" (exit code ").append(exitCode).append(")");
        } else {
            sb.append("the worker JVM exited with code ").append(exitCode).append(" without a result");
        }
        if (last != null) {
            sb.append(": ").append(last);
        }
        return sb.toString();
    }

    private static String lastMeaningfulLine(String tail) {
        String found = null;
        for (String line : tail.split("\\R")) {
            String l = line.strip();
            if (l.startsWith("digitbench worker:") || l.contains("Error") || l.contains("Exception") || l.startsWith("# ")
                    && (l.contains("SIGSEGV") || l.contains("SIGBUS") || l.contains("fatal error"))) {
                found = l.startsWith("digitbench worker: ") ? l.substring("digitbench worker: ".length()) : l;
            }
        }
        return found;
    }

    /** Kills the worker and anything it started. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Copies a worker's stream to ours as it comes, keeping the last characters. */
    private static final class Pump extends Thread {
        private final InputStream in;
        private final PrintStream to;
        private final int keep;
        private final StringBuilder tail = new StringBuilder();

        Pump(InputStream in, PrintStream to, int keep) {
            super("worker-output");
            setDaemon(true);
            this.in = in;
            this.to = to;
            this.keep = keep;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    to.write(buffer, 0, n);
                    to.flush();
                    if (keep > 0) {
                        synchronized (tail) {
                            tail.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                            if (tail.length() > keep) {
                                tail.delete(0, tail.length() - keep);
                            }
                        }
                    }
                }
            } catch (IOException ignored) {
                // the worker is gone
            }
        }

        void finish() {
            try {
                join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        String tail() {
            synchronized (tail) {
                return tail.toString();
            }
        }
    }
}
