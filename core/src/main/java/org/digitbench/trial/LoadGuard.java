package org.digitbench.trial;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * Timings taken on a busy machine are meaningless. Before each trial the driver waits, for a while,
 * for the 1-minute load average to come down to at most the number of cores (the previous trial's
 * own load is at most the core count, and decays in about a minute) and says whether it did: a
 * busy machine delays a trial, and a trial that starts on one anyway says so in its timings.
 */
public final class LoadGuard {
    /** What was seen. */
    public record Verdict(boolean busy, double load) {
    }

    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final DoubleSupplier load;
    private final int cpus;
    private final Duration maxWait;
    private final Duration poll;
    private final Sleeper sleeper;
    private final PrintStream err;

    LoadGuard(DoubleSupplier load, int cpus, Duration maxWait, Duration poll, Sleeper sleeper, PrintStream err) {
        this.load = load;
        this.cpus = cpus;
        this.maxWait = maxWait;
        this.poll = poll;
        this.sleeper = sleeper;
        this.err = err;
    }

    /** The operating system's 1-minute load average against this JVM's available processors; waits up to {@code maxWait}. */
    public static LoadGuard system(PrintStream err, Duration maxWait) {
        return new LoadGuard(LoadGuard::systemLoad, Runtime.getRuntime().availableProcessors(), maxWait,
                Duration.ofSeconds(10), d -> Thread.sleep(d), err);
    }

    /** The 1-minute load average, or -1 where the platform has none. */
    public static double systemLoad() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    public int cpus() {
        return cpus;
    }

    public double now() {
        return load.getAsDouble();
    }

    /** Waits while the load is above the core count, up to the limit; {@code busy} if it still is. */
    public Verdict await() {
        double l = load.getAsDouble();
        if (l < 0) {
            return new Verdict(false, l); // no load average on this platform: nothing to check
        }
        long waited = 0;
        boolean said = false;
        while (l > cpus && waited < maxWait.toMillis()) {
            if (!said) {
                err.printf(Locale.ROOT, "      waiting for the machine to settle: load average %.2f, above its %d cores%n", l, cpus);
                said = true;
            }
            try {
                sleeper.sleep(poll);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            waited += poll.toMillis();
            l = load.getAsDouble();
        }
        return new Verdict(l > cpus, l);
    }
}
