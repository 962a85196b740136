package org.digitbench.trial;

import org.digitbench.api.TrainingListener;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;

/**
 * Shows training progress: a live bar on a terminal, a line every few seconds in a log. Plugins that
 * report steps (epochs, trees) fill the bar; for the others it shows the elapsed time.
 */
public final class ProgressReporter {
    private final PrintStream err;
    private final boolean interactive;

    public ProgressReporter(PrintStream err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    /** A bar for one task; close it when the task ends. */
    public Task start(String name) {
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(name)
                .setInitialMax(-1)
                .continuousUpdate()
                .setStyle(ProgressBarStyle.ASCII)
                .hideEta();
        if (interactive) {
            builder.setUpdateIntervalMillis(500);
        } else {
            builder.setUpdateIntervalMillis(15_000).setConsumer(new DelegatingProgressBarConsumer(err::println, 100));
        }
        return new Task(builder.build());
    }

    /** One task's bar and the listener that moves it. */
    public static final class Task implements AutoCloseable {
        private final ProgressBar bar;

        private Task(ProgressBar bar) {
            this.bar = bar;
        }

        public TrainingListener listener() {
            return (unit, done, total) -> {
                synchronized (bar) {
                    bar.maxHint(total);
                    bar.stepTo(done);
                    bar.setExtraMessage(unit + "s");
                }
            };
        }

        public void phase(String message) {
            synchronized (bar) {
                bar.setExtraMessage(message);
            }
        }

        @Override
        public void close() {
            bar.close();
        }
    }
}
