package org.digitbench.trial;

import org.digitbench.api.TrainingListener;
import org.digitbench.results.text.Format;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Shows a trial's progress as its {@link ConsoleMode} says: on a terminal, a live bar (plugins that report steps,
 * epochs or trees, fill it; for the others it shows the elapsed time); in a file or pipe, one plain line per state
 * change (training, predicting, each benchmark) and, on a step that lasts, a heartbeat line at most every
 * {@value #HEARTBEAT_SECONDS} s; nothing when quiet. Benchmark iterations are printed when verbose, else shown in the
 * bar or the next heartbeat.
 */
public final class ProgressReporter {
    /** The longest a long step goes without a line in a file or pipe. */
    public static final int HEARTBEAT_SECONDS = 30;
    private final PrintStream err;
    private final ConsoleMode mode;
    private final int heartbeatMillis;
    private volatile Task current;

    public ProgressReporter(PrintStream err, ConsoleMode mode) {
        this(err, mode, HEARTBEAT_SECONDS * 1000);
    }

    ProgressReporter(PrintStream err, ConsoleMode mode, int heartbeatMillis) {
        this.err = err;
        this.mode = mode;
        this.heartbeatMillis = heartbeatMillis;
    }

    /** A task (a trial's work under one name); close it when it ends. */
    public Task start(String name) {
        Task task = mode.quiet() ? new Task(name, null, null)
                : mode.terminal() ? new Task(name, bar(name), null)
                : new Task(name, null, err);
        current = task;
        return task;
    }

    private static ProgressBar bar(String name) {
        return new ProgressBarBuilder().setTaskName(name).setInitialMax(-1).continuousUpdate()
                .setStyle(ProgressBarStyle.ASCII).hideEta().setUpdateIntervalMillis(500).build();
    }

    /** A benchmark iteration's score: its own line when verbose, else the current task's detail. */
    public void iteration(String line) {
        if (mode.verbosity() == ConsoleMode.Verbosity.VERBOSE) {
            err.println(line);
        } else {
            Task task = current;
            if (task != null) {
                task.detail(line.strip());
            }
        }
    }

    /** A new state of the current task (e.g. the benchmark that starts), if there is one. */
    public void phase(String message) {
        Task task = current;
        if (task != null) {
            task.phase(message);
        }
    }

    /** One task's bar or lines, and the listener that moves it. */
    public final class Task implements AutoCloseable {
        private final String name;
        private final ProgressBar bar;
        private final PrintStream lines;
        private final long started = System.nanoTime();
        private final ScheduledExecutorService heartbeat;
        private ScheduledFuture<?> beat;
        private String phase = "";
        private String detail = "";

        private Task(String name, ProgressBar bar, PrintStream lines) {
            this.name = name;
            this.bar = bar;
            this.lines = lines;
            this.heartbeat = lines == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "digitbench-heartbeat");
                t.setDaemon(true);
                return t;
            });
        }

        public TrainingListener listener() {
            return (unit, done, total) -> {
                synchronized (this) {
                    if (bar != null) {
                        bar.maxHint(total);
                        bar.stepTo(done);
                        bar.setExtraMessage(unit + "s");
                    }
                    detail = unit + " " + done + (total > 0 ? "/" + total : "");
                }
            };
        }

        /** A state change: the bar's message, or a line (and the heartbeat counts from it). */
        public synchronized void phase(String message) {
            phase = message;
            detail = "";
            if (bar != null) {
                bar.setExtraMessage(message);
            }
            if (lines != null) {
                lines.println("  " + name + ": " + message);
                if (beat != null) {
                    beat.cancel(false);
                }
                beat = heartbeat.scheduleAtFixedRate(this::beat, heartbeatMillis, heartbeatMillis, TimeUnit.MILLISECONDS);
            }
        }

        /** What the current state has reached (an epoch, an iteration): in the bar, or in the next heartbeat. */
        public synchronized void detail(String message) {
            detail = message;
            if (bar != null) {
                bar.setExtraMessage(phase + ": " + message);
            }
        }

        private synchronized void beat() {
            lines.println("  " + name + ": " + phase + ", " + Format.duration((System.nanoTime() - started) / 1e9) + " in"
                    + (detail.isEmpty() ? "" : " (" + detail + ")"));
        }

        @Override
        public synchronized void close() {
            if (bar != null) {
                bar.close();
            }
            if (heartbeat != null) {
                heartbeat.shutdownNow();
            }
            if (current == this) {
                current = null;
            }
        }
    }
}
