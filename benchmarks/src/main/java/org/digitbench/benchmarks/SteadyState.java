package org.digitbench.benchmarks;

import org.digitbench.results.Measurement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A warm-up that is checked rather than assumed: timed iterations of an operation, each as long as one of JMH's,
 * until the last two iterations' times per operation agree within a tolerance and the JIT compiler spent at most
 * {@value #QUIET_JIT} of the last iteration compiling, or until a cap. The second condition matters on a machine of two
 * cores: while the JIT's compiler threads work, a library that predicts on a parallel stream waits for a time slice
 * in every call, and two slow iterations agree as well as two fast ones. JMH's fixed warm-up iterations follow, then
 * its measurements; the results record how many iterations this took and whether they settled.
 */
final class SteadyState {
    /** Keeps the operations' results alive, so the JIT cannot drop the work. */
    private static volatile Object sink;
    /** The most of an iteration the JIT may spend compiling for the path to count as compiled. */
    static final double QUIET_JIT = 0.02;

    private SteadyState() {
    }

    /**
     * Runs {@code op} until it is steady.
     *
     * @param iteration  how long one iteration lasts (each runs at least one operation)
     * @param cap        how long the whole warm-up may last (it runs at least two iterations)
     * @param tolerance  the relative difference between the last two iterations at which it stops
     * @param nanosPerUnit nanoseconds in the unit the scores are kept in (1e6 for milliseconds)
     * @param clock      the time in nanoseconds ({@code System::nanoTime})
     * @param compiling  the JIT's total compilation time so far, in milliseconds ({@link #jitMillis()})
     */
    static Measurement.SteadyWarmup warm(Supplier<?> op, Duration iteration, Duration cap, double tolerance,
                                         double nanosPerUnit, LongSupplier clock, LongSupplier compiling) {
        long start = clock.getAsLong();
        long iterationNanos = iteration.toNanos();
        List<Double> scores = new ArrayList<>();
        boolean settled = false;
        while (!settled && (scores.size() < 2 || clock.getAsLong() - start < cap.toNanos())) {
            long t0 = clock.getAsLong();
            long jit0 = compiling.getAsLong();
            long ops = 0;
            long now;
            do {
                sink = op.get();
                ops++;
                now = clock.getAsLong();
            } while (now - t0 < iterationNanos);
            scores.add((now - t0) / (double) ops / nanosPerUnit);
            settled = agree(scores, tolerance) && (compiling.getAsLong() - jit0) * 1e6 <= QUIET_JIT * (now - t0);
        }
        return new Measurement.SteadyWarmup(scores.size(), (clock.getAsLong() - start) / 1e9, settled, tolerance, scores);
    }

    /** The JIT's total compilation time so far, in milliseconds; 0 where the JVM does not say. */
    static long jitMillis() {
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** The JVM's CPU time over all its threads, in nanoseconds, or -1 where the platform does not give it. */
    static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    /** Whether the last two scores differ by at most {@code tolerance} of the smaller. */
    static boolean agree(List<Double> scores, double tolerance) {
        if (scores.size() < 2) {
            return false;
        }
        double a = scores.get(scores.size() - 2);
        double b = scores.get(scores.size() - 1);
        return Math.abs(a - b) <= tolerance * Math.min(a, b);
    }
}
