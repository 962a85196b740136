package org.digitbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.results.Measurement;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

/** The checked warm-up on a simulated clock: an operation that costs what the test says, no real time. */
class SteadyStateTest {
    /** A clock that only moves when the operation runs: each call costs the next of {@code costs} (the last repeats). */
    private static class Simulated {
        long now;
        int calls;
        final long[] costs;

        Simulated(long... costs) {
            this.costs = costs;
        }

        Object op() {
            now += costs[Math.min(calls++, costs.length - 1)];
            return calls;
        }
    }

    @Test
    void stopsOnceTwoIterationsAgree() {
        // 10 ms per call at first (not compiled yet), then 2 ms: iterations of 100 ms
        long[] costs = new long[30];
        java.util.Arrays.fill(costs, 0, 15, 10_000_000L);
        java.util.Arrays.fill(costs, 15, 30, 2_000_000L);
        Simulated s = new Simulated(costs);
        Measurement.SteadyWarmup w = SteadyState.warm(s::op, Duration.ofMillis(100), Duration.ofSeconds(10), 0.05, 1e6, () -> s.now, () -> 0);
        assertTrue(w.settled());
        // 10 calls of 10 ms; 5 of 10 ms and 25 of 2 ms; then 50 of 2 ms twice: the last two agree
        assertEquals(4, w.iterations());
        assertEquals(List.of(10.0, 100.0 / 30, 2.0, 2.0), w.scores());
    }

    @Test
    void aPathThatNeverSettlesStopsAtTheCapAndSaysSo() {
        // alternating 1 ms and 3 ms iterations: 1 s iterations of a 1 ms or 3 ms call never agree
        Simulated s = new Simulated(1_000_000L) {
            @Override
            Object op() {
                now += (now / 1_000_000_000L) % 2 == 0 ? 1_000_000L : 3_000_000L;
                return now;
            }
        };
        Measurement.SteadyWarmup w = SteadyState.warm(s::op, Duration.ofSeconds(1), Duration.ofSeconds(5), 0.05, 1e6, () -> s.now, () -> 0);
        assertFalse(w.settled());
        assertTrue(w.iterations() >= 5 && w.iterations() <= 6, "stopped at the 5 s cap: " + w.iterations());
    }

    @Test
    void aCallLongerThanTheIterationIsOneCallAnIterationAndTwoAtLeast() {
        Simulated s = new Simulated(700_000_000L);
        Measurement.SteadyWarmup w = SteadyState.warm(s::op, Duration.ofMillis(500), Duration.ofMillis(100), 0.05, 1e6, () -> s.now, () -> 0);
        assertEquals(2, w.iterations()); // the cap is passed after the first, but two are needed to compare
        assertTrue(w.settled());
        assertEquals(List.of(700.0, 700.0), w.scores());
    }

    @Test
    void whileTheJitIsCompilingTwoAgreeingIterationsAreNotSteady() {
        // every call 1 ms; the JIT compiles for 50 ms of each 100 ms iteration until 0.5 s have passed, then rests
        Simulated s = new Simulated(1_000_000L);
        Measurement.SteadyWarmup w = SteadyState.warm(s::op, Duration.ofMillis(100), Duration.ofSeconds(10), 0.05, 1e6,
                () -> s.now, () -> Math.min(s.now, 500_000_000L) / 2_000_000L);
        assertTrue(w.settled());
        assertEquals(6, w.iterations(), "iterations agree from the second on, the JIT is quiet in the sixth: " + w.scores());
    }

    @Test
    void agreementIsRelativeToTheSmaller() {
        assertTrue(SteadyState.agree(List.of(100.0, 104.9), 0.05));
        assertFalse(SteadyState.agree(List.of(100.0, 105.1), 0.05));
        assertFalse(SteadyState.agree(List.of(100.0), 0.05));
    }
}
