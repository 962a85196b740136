package org.digitbench.results.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.digitbench.results.Measurement;
import org.digitbench.results.Timing;
import org.digitbench.results.TrialStatus;
import org.junit.jupiter.api.Test;

class StabilityTest {
    private static Measurement batch(List<Double> iterations, double loadBefore, double loadAfter) {
        double mean = iterations.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return new Measurement("InferenceBenchmark.batch", "avgt", "ms/op",
                new Measurement.Estimate(mean, 1.0, mean - 1, mean + 1, iterations.size(), iterations, Map.of()),
                new Measurement.Iterations(0, 1, iterations.size(), "1 s"), loadBefore, loadAfter, "jmh/x.json", 6.0);
    }

    private static Timing timing(Measurement batch, boolean busy) {
        return new Timing(TrialStatus.OK, null, null, batch, null, 1000.0, 32, new Timing.Load(0.5, busy), 1.0);
    }

    @Test
    void steadyIterationsAreStableAndPrintedAsMedianAndInterval() {
        Measurement m = batch(List.of(25.0, 24.5, 25.5, 25.0, 25.2), 0.3, 0.4);
        Stability s = Stability.of(m, timing(m, false), 2);
        assertFalse(s.unstable());
        assertEquals(List.of(), s.reasons());
        assertEquals("25.00 [24.50, 25.50]", s.text("-"));
    }

    /** One slow iteration (a garbage collection, say) among five: the figure is marked unstable, with why. */
    @Test
    void oneOutlierIterationMarksTheFigureUnstableWithItsReasons() {
        Measurement m = batch(List.of(20.0, 21.0, 20.5, 19.5, 400.0), 0.3, 0.4);
        Stability s = Stability.of(m, timing(m, false), 2);
        assertTrue(s.unstable());
        assertEquals(20.5, s.interval().median());
        assertTrue(s.interval().low() >= 0);
        assertEquals(2, s.reasons().size(), s.reasons().toString());
        assertTrue(s.reasons().get(0).startsWith("too few iterations (5: the interval is their range, which covers the median with 94%)"),
                s.reasons().toString());
        assertTrue(s.reasons().get(1).startsWith("iterations disagree: ±928% of the median"), s.reasons().toString());
        assertTrue(s.text("-").startsWith("20.50 [19.50, 400] unstable: too few iterations"), s.text("-"));
    }

    @Test
    void aBusyMachineIsNamedAmongTheReasons() {
        Measurement m = batch(List.of(20.0, 30.0, 25.0, 22.0, 35.0), 3.1, 2.9);
        Stability s = Stability.of(m, timing(m, true), 2);
        assertTrue(s.unstable());
        assertTrue(s.reasons().get(0).startsWith("busy machine (1-minute load 3.10 → 2.90 on 2 cores)"), s.reasons().toString());
    }

    /** A prediction on both cores makes the load two by itself: that is not a busy machine; other processes' load is. */
    @Test
    void theBenchmarksOwnLoadIsNotABusyMachine() {
        List<Double> disagreeing = List.of(20.0, 30.0, 25.0, 22.0, 35.0);
        Measurement own = withCores(batch(disagreeing, 2.05, 2.04), 1.9);
        assertFalse(Stability.of(own, timing(own, false), 2).reasons().get(0).startsWith("busy machine"));
        Measurement others = withCores(batch(disagreeing, 3.5, 3.6), 1.0);
        assertTrue(Stability.of(others, timing(others, false), 2).reasons().get(0)
                .startsWith("busy machine (1-minute load 3.50 → 3.60 on 2 cores, 1.0 of them the benchmark's own JVM)"));
        Measurement unknown = batch(disagreeing, 3.5, 3.6); // a run before the cores were recorded: only the trial's start says
        assertFalse(Stability.of(unknown, timing(unknown, false), 2).reasons().get(0).startsWith("busy machine"));
    }

    private static Measurement withCores(Measurement m, double cores) {
        var e = m.estimate();
        return new Measurement(m.benchmark(), m.mode(), m.unit(), new Measurement.Estimate(e.score(), e.scoreError(), e.ciLow(),
                e.ciHigh(), e.sampleCount(), e.iterationScores(), e.percentiles(), null, cores), m.iterations(), m.loadBefore(),
                m.loadAfter(), m.jsonFile(), m.wallSeconds());
    }

    @Test
    void aMeasurementWithoutIterationsKeepsItsOldText() {
        Measurement m = batch(List.of(), 0, 0);
        assertEquals("fallback", Stability.of(m, null, 2).text("fallback"));
        assertEquals("fallback", Stability.of(null, null, 2).text("fallback"));
    }
}
