package org.digitbench.run;

import org.digitbench.results.RunResults;
import org.digitbench.results.RunStatus;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * How often a running run re-renders its report: results.json is written after every trial (it is what a killed run
 * keeps), the HTML report (a second or so of the driver's time, between trials that are timed) at most once per
 * {@link #EVERY} while trials run, and always once the run has ended. {@code digitbench report RUN} renders it at any time.
 */
final class ReportPace implements BiConsumer<Path, RunResults> {
    static final Duration EVERY = Duration.ofSeconds(30);

    private final BiConsumer<Path, RunResults> render;
    private final LongSupplier nanoTime;
    private long last;

    ReportPace(BiConsumer<Path, RunResults> render, LongSupplier nanoTime) {
        this.render = render;
        this.nanoTime = nanoTime;
        this.last = nanoTime.getAsLong();
    }

    @Override
    public void accept(Path dir, RunResults results) {
        long now = nanoTime.getAsLong();
        if (results.status() != RunStatus.RUNNING || now - last >= EVERY.toNanos()) {
            last = now;
            render.accept(dir, results);
        }
    }
}
