package org.digitbench.trial;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * Timings taken on a busy machine are meaningless. Before each trial the driver waits, for a while,
 * for the 1-minute load average to come down to at most the number of cores, and says whether it did: a
 * busy machine delays a trial, and a trial that starts on one anyway says so in its timings.
 * <p>
 * The load average lags: it decays over about a minute, so right after a trial that kept every core busy (and a
 * JVM's compiler and collector threads besides) it can stand above the core count while the machine is idle.
 * When it does, the guard measures the cores actually busy over the next {@link #SAMPLE} (the operating system's
 * CPU counters, {@code com.sun.management.OperatingSystemMXBean#getCpuLoad}); under {@link #IDLE_CORES} the
 * machine is idle now, the load is the last trial's echo, and the trial starts without waiting.
 */
public final class LoadGuard {
    /** What was seen. */
    public record Verdict(boolean busy, double load) {
    }

    /**
     * How long the guard measures the busy cores when the load average is above the core count: a quarter of a second
     * is 50 ticks of the kernel's 100 Hz CPU counters on two cores, enough to tell a core kept busy from an idle one, and
     * three quarters of a second less than the second it sampled before, for every trial it samples before.
     */
    static final Duration SAMPLE = Duration.ofMillis(250);
    /**
     * How often the guard looks again while the machine is busy. Every look samples the busy cores, so a short wait is
     * cheap: a held trial starts within about three quarters of a second of the machine going idle. With 10 s, one busy
     * sample held a quick run's trial for about 13 s; with 2 s, holds of 3.4 and 3.9 s (docs/methodology.md).
     */
    static final Duration POLL = Duration.ofMillis(500);
    /** Busy cores under which the machine counts as idle now, whatever its load average. */
    static final double IDLE_CORES = 0.5;

    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final DoubleSupplier load;
    private final DoubleSupplier busyCores;
    private final int cpus;
    private final Duration maxWait;
    private final Duration poll;
    private final Sleeper sleeper;
    private final PrintStream err;

    /**
     * @param load      the 1-minute load average, or -1 where there is none
     * @param busyCores the cores busy over a short time from now on (it takes that time), or -1 where unknown
     */
    LoadGuard(DoubleSupplier load, DoubleSupplier busyCores, int cpus, Duration maxWait, Duration poll, Sleeper sleeper, PrintStream err) {
        this.load = load;
        this.busyCores = busyCores;
        this.cpus = cpus;
        this.maxWait = maxWait;
        this.poll = poll;
        this.sleeper = sleeper;
        this.err = err;
    }

    /** The operating system's 1-minute load average against this JVM's available processors; waits up to {@code maxWait}. */
    public static LoadGuard system(PrintStream err, Duration maxWait) {
        return new LoadGuard(LoadGuard::systemLoad, () -> busyCores(SAMPLE), Runtime.getRuntime().availableProcessors(), maxWait,
                POLL, d -> Thread.sleep(d), err);
    }

    /** The cores busy (all processes) over the next {@code sample}, from the operating system's CPU counters; -1 if unknown. */
    static double busyCores(Duration sample) {
        if (!(ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)) {
            return -1;
        }
        os.getCpuLoad(); // the counters now: the next call measures from here
        try {
            Thread.sleep(sample);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
        double fraction = os.getCpuLoad();
        return fraction < 0 ? -1 : fraction * os.getAvailableProcessors();
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
            double busy = busyCores.getAsDouble();
            if (busy >= 0 && busy < IDLE_CORES) {
                return new Verdict(false, l); // the load average's lag: nothing runs now
            }
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
