package org.digitbench.run.exec;

import org.digitbench.config.Execution;
import org.digitbench.eval.Robustness;
import org.digitbench.results.Timing;
import org.digitbench.results.TrialResult;
import org.digitbench.results.TrialStatus;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.results.store.RunFolder;
import org.digitbench.results.text.Format;
import org.digitbench.trial.ModelTrial;
import org.digitbench.trial.TrialSpec;
import org.digitbench.trial.TrialTiming;

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

/**
 * Runs each trial in its own JVM on this machine, one at a time: the JVM gets this JVM's options and class
 * path, plus {@code --worker-jvm-arg}s, and is killed at the trial's time limit. Whatever happens to it
 * becomes a result: the trial's own result when it wrote one, else a failed result that says why (killed
 * at the time limit, crashed in native code, ran out of memory, exited early) with the last lines it
 * printed. The trial's output is passed through, so its progress bar shows.
 */
public final class LocalJvmExecutor implements TrialExecutor {
    /** Characters of a trial JVM's error output kept for the failure message. */
    private static final int TAIL = 16_384;
    /** util-linux's command that starts a process on given cores ({@code --jobs}). */
    static final String TASKSET = "taskset";

    private final PrintStream out;
    private final PrintStream err;
    private final Execution execution;
    private final String mainClass;

    /**
     * @param mainClass the trial JVM's main class, which takes the path of a {@link TrialSpec} as its argument
     */
    public LocalJvmExecutor(PrintStream out, PrintStream err, Execution execution, String mainClass) {
        this.out = out;
        this.err = err;
        this.execution = execution;
        this.mainClass = mainClass;
    }

    @Override
    public TrialResult run(TrialSpec spec, TrialTiming.Job job, int trainSize, int testSize) {
        java.util.function.Function<String, TrialResult> failed =
                error -> ModelTrial.failed(job, trainSize, testSize, error);
        RunFolder folder = RunFolder.at(spec.runDir());
        Path work = folder.work();
        Path specFile = work.resolve(spec.trialId() + "." + spec.task() + ".json");
        Path result = folder.trialFile(spec.trialId());
        Path crashLog = work.resolve(spec.trialId() + ".hs_err.log");
        List<String> command = new ArrayList<>();
        if (spec.cores() != null) { // --jobs: the JVM on its own cores, its thread pools sized to them
            command.addAll(List.of(TASKSET, "-c", String.join(",", spec.cores().stream().map(String::valueOf).toList())));
        }
        List<String> extra = new ArrayList<>();
        if (spec.cores() != null) {
            extra.add("-XX:ActiveProcessorCount=" + spec.cores().size());
        }
        extra.add("-XX:ErrorFile=" + crashLog.toAbsolutePath());
        Path tmp = work.resolve(spec.trialId() + ".tmp");
        extra.add("-Djava.io.tmpdir=" + tmp.toAbsolutePath());
        boolean timed = TouchedHeap.wanted(spec);
        command.addAll(JvmArgs.trialJvm(execution.workerJvmArgs(), extra, mainClass,
                options -> timed ? TouchedHeap.options(options, execution.jobs()) : List.of()));
        command.add(specFile.toAbsolutePath().toString());
        TrialResult before = null;
        try {
            folder.folder(work);
            folder.folder(folder.trials());
            if (!TrialSpec.TRIAL.equals(spec.task())) {
                before = folder.readTrial(spec.trialId()).orElse(null);
            } else {
                Files.deleteIfExists(result);
            }
            Files.deleteIfExists(crashLog);
            TrialTemp.create(folder, spec.trialId());
            ResultsStore.writeJson(specFile, spec);
        } catch (IOException | RuntimeException e) {
            return failed.apply("cannot prepare " + work + ": " + e.getMessage());
        }
        long started = System.currentTimeMillis();
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            if (spec.cores() != null) { // ND4J's and OpenBLAS's native thread pools
                builder.environment().put("OMP_NUM_THREADS", String.valueOf(spec.cores().size()));
                builder.environment().put("OPENBLAS_NUM_THREADS", String.valueOf(spec.cores().size()));
            }
            process = builder.start();
        } catch (IOException e) {
            return failed.apply("cannot start a trial JVM: " + e.getMessage());
        }
        try {
            process.getOutputStream().close(); // the trial reads nothing
        } catch (IOException ignored) {
            // already closed
        }
        Pump stdout = new Pump(process.getInputStream(), out, 0);
        Pump stderr = new Pump(process.getErrorStream(), err, TAIL);
        stdout.start();
        stderr.start();
        Duration timeout = execution.timeout();
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
        try {
            TrialTemp.delete(tmp);
        } catch (IOException e) {
            err.println("  could not remove the trial's temporary folder " + tmp + ": " + e.getMessage());
        }
        if (!finished) {
            return failed.apply("timed out: still running after "
                    + Format.duration(timeout.toSeconds()) + " (--timeout), so its JVM was killed");
        }
        if (Files.isRegularFile(result)) {
            TrialResult written = ResultsStore.readJson(result, TrialResult.class);
            boolean fresh;
            try {
                fresh = before == null || Files.getLastModifiedTime(result).toMillis() >= started;
            } catch (IOException e) {
                fresh = false;
            }
            if (fresh && written.pluginId().equals(spec.pluginId()) && written.seed() == spec.seed()) {
                return written;
            }
        }
        String why = why(process.exitValue(), stderr.tail(), Files.isRegularFile(crashLog) ? spec.runDir().relativize(crashLog) : null);
        if (before != null && TrialSpec.ROBUSTNESS.equals(spec.task())) { // the trial keeps its result; the caller says why
            return before.withRobustness(Robustness.failed(why));
        }
        if (before != null) { // re-timing failed: the trial keeps its result, with the timing's failure
            Timing t = before.timing();
            return before.withTiming(before.modelFile(), new Timing(TrialStatus.FAILED, why,
                    t == null ? null : t.training(), null, null, null, null, spec.load(),
                    t == null ? null : t.warmupSeconds()));
        }
        return failed.apply(why);
    }

    /** Why a trial JVM ended without a result, in one line. */
    public static String why(int exitCode, String tail, Path crashLog) {
        String last = lastMeaningfulLine(tail);
        StringBuilder sb = new StringBuilder();
        if (crashLog != null) {
            sb.append("the trial JVM crashed (exit code ").append(exitCode).append("; crash log ").append(crashLog).append(")");
        } else if (tail.contains("OutOfMemoryError")) {
            sb.append("the trial JVM ran out of memory (exit code ").append(exitCode)
                    .append("; give trials more heap with --worker-jvm-arg=-Xmx16g, or use a smaller --train-size)");
        } else if (exitCode > 128) {
            sb.append("the trial JVM was killed by signal ").append(exitCode - 128).append(" (exit code ").append(exitCode).append(")");
        } else {
            sb.append("the trial JVM exited with code ").append(exitCode).append(" without a result");
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
            if (l.startsWith("digitbench trial:") || l.contains("Error") || l.contains("Exception") || l.startsWith("# ")
                    && (l.contains("SIGSEGV") || l.contains("SIGBUS") || l.contains("fatal error"))) {
                found = l.startsWith("digitbench trial: ") ? l.substring("digitbench trial: ".length()) : l;
            }
        }
        return found;
    }

    /** Kills the trial JVM and anything it started. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Copies a trial JVM's stream to ours as it comes ({@link RepeatFolding}: repeated lines folded), keeping the last characters. */
    private static final class Pump extends Thread {
        private final InputStream in;
        private final RepeatFolding to;
        private final int keep;
        private final StringBuilder tail = new StringBuilder();

        Pump(InputStream in, PrintStream to, int keep) {
            super("trial-output");
            setDaemon(true);
            this.in = in;
            this.to = new RepeatFolding(to);
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
                // the trial JVM is gone
            } finally {
                try {
                    to.close(); // a last run of repeated lines gets its count
                } catch (IOException ignored) {
                    // our own stream: nothing to do
                }
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
