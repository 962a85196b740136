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

    /** dl4j-mlp's batch iterations in the reference run (ms a call), and the collector's pauses in each (ms). */
    private static final List<Double> DL4J_MLP_BATCH = List.of(399.0, 435.0, 420.0, 465.0, 565.0, 1012.0, 316.0, 299.0, 510.0,
            294.0, 349.0, 357.0, 575.0, 513.0, 412.0, 460.0, 738.0, 760.0, 316.0, 481.0);
    private static final List<Double> DL4J_MLP_PAUSES = List.of(89.0, 0.0, 0.0, 0.0, 0.0, 406.0, 0.0, 0.0, 116.0, 0.0, 0.0, 0.0,
            188.0, 65.0, 0.0, 0.0, 0.0, 333.0, 0.0, 158.0);

    /**
     * dl4j-mlp's batch in the reference run: a young collection of 100-400 ms every four or five iterations of one
     * 300 ms call each. The reason names the collections, measured, not guessed.
     */
    @Test
    void slowIterationsThatAreTheCollectorsAreNamedAsGarbageCollection() {
        List<Double> scores = DL4J_MLP_BATCH;
        List<Double> gc = DL4J_MLP_PAUSES;
        Measurement m = withProfile(batch(scores, 0.3, 0.4), new Measurement.Profile(9.4e7, 1.2, gc));
        Stability s = Stability.of(m, timing(m, false), 2);
        assertTrue(s.unstable());
        assertTrue(s.reasons().get(0).startsWith("garbage collection: the 7 of 20 iterations in which the collector paused "
                + "(up to 406 ms) took 25% longer than the others"), s.reasons().toString());
        assertTrue(s.reasons().get(1).startsWith("iterations disagree"), s.reasons().toString());
        // the same iterations without the profile's pauses: no claim about the collector
        Stability unprofiled = Stability.of(batch(scores, 0.3, 0.4), null, 2);
        assertTrue(unprofiled.reasons().get(0).startsWith("iterations disagree"), unprofiled.reasons().toString());
    }

    /**
     * The figures the collector made unstable are the ones measured again ({@code collectorBound}); a second measurement
     * that is still unstable says it was measured twice.
     */
    @Test
    void theCollectorBoundFiguresAreNamedAndAStillUnstableSecondMeasurementSaysSo() {
        List<Double> scores = DL4J_MLP_BATCH;
        List<Double> gc = DL4J_MLP_PAUSES;
        Measurement m = withProfile(batch(scores, 0.3, 0.4), new Measurement.Profile(9.4e7, 1.2, gc));
        String bound = Stability.collectorBound(m);
        assertTrue(bound != null && bound.matches("±\\d+% of the median; garbage collection: the 7 of 20 .*"), bound);
        // no pauses recorded, or a stable figure with pauses: not the collector's
        assertEquals(null, Stability.collectorBound(batch(scores, 0.3, 0.4)));
        List<Double> steady = List.of(25.0, 24.5, 25.5, 25.0, 25.2);
        assertEquals(null, Stability.collectorBound(withProfile(batch(steady, 0.3, 0.4),
                new Measurement.Profile(1e6, 1.0, List.of(0.0, 9.0, 0.0, 0.0, 0.0)))));
        var i = m.iterations();
        Measurement second = new Measurement(m.benchmark(), m.mode(), m.unit(), m.estimate(), new Measurement.Iterations(
                i.forks(), 1, 20, "2 s", null, new Measurement.Remeasured(bound, "0.25 s", scores, gc, "jmh/x.json", 6.0)),
                m.loadBefore(), m.loadAfter(), "jmh/x-gc.json", 22.0);
        Stability s = Stability.of(second, null, 2);
        assertTrue(s.reasons().stream().anyMatch(r -> r.startsWith("measured twice: the first measurement (20 iterations of "
                + "0.25 s) was unstable from garbage collection, and this one, with iterations of 2 s")), s.reasons().toString());
    }

    /** tribuo-xgboost's single image: each iteration slower than the one before until a collection frees its DMatrices. */
    @Test
    void iterationsThatClimbAreNamedAsADrift() {
        List<Double> scores = List.of(159.0, 197.0, 251.0, 276.0, 331.0, 343.0, 395.0, 387.0, 409.0, 440.0, 475.0, 513.0,
                511.0, 588.0, 554.0, 516.0, 521.0, 552.0, 793.0, 800.0);
        Stability s = Stability.of(batch(scores, 0.3, 0.4), null, 2);
        assertTrue(s.unstable());
        assertTrue(s.reasons().get(0).startsWith("iterations drift: each slower than the one before in 15 of 19 steps "
                + "(difference-sign test, p = 3e-05): the model slows down with use"), s.reasons().toString());
        List<Double> shuffled = List.of(159.0, 588.0, 251.0, 513.0, 331.0, 800.0, 276.0, 387.0, 793.0, 197.0, 475.0, 343.0,
                511.0, 395.0, 554.0, 409.0, 521.0, 440.0, 552.0, 516.0);
        Stability noDrift = Stability.of(batch(shuffled, 0.3, 0.4), null, 2);
        assertTrue(noDrift.unstable());
        assertTrue(noDrift.reasons().get(0).startsWith("iterations disagree"), noDrift.reasons().toString());
    }

    private static Measurement withProfile(Measurement m, Measurement.Profile profile) {
        var e = m.estimate();
        return new Measurement(m.benchmark(), m.mode(), m.unit(), new Measurement.Estimate(e.score(), e.scoreError(), e.ciLow(),
                e.ciHigh(), e.sampleCount(), e.iterationScores(), e.percentiles(), profile), m.iterations(), m.loadBefore(),
                m.loadAfter(), m.jsonFile(), m.wallSeconds());
    }
}
