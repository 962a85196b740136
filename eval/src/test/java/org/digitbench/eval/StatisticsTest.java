package org.digitbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StatisticsTest {
    @Test
    void wilsonIntervalMatchesTheTextbook() {
        Statistics.Interval i = Statistics.wilson(8, 10, 0.95);
        assertEquals(0.4902, i.low(), 1e-4);
        assertEquals(0.9433, i.high(), 1e-4);
        Statistics.Interval all = Statistics.wilson(10, 10, 0.95);
        assertEquals(1.0, all.high(), 1e-12);
        assertEquals(0.7225, all.low(), 1e-4);
        assertThrows(IllegalArgumentException.class, () -> Statistics.wilson(11, 10, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Statistics.wilson(1, 0, 0.95));
    }

    @Test
    void mcnemarExactForFewDiscordantPairs() {
        Statistics.McNemar m = Statistics.mcnemar(10, 5);
        assertEquals("exact-binomial", m.method());
        // 2 * P(X <= 5), X ~ Binomial(15, 0.5) = 2 * 4944 / 32768
        assertEquals(2 * 4944.0 / 32768, m.pValue(), 1e-12);
        assertEquals(1.0, Statistics.mcnemar(0, 0).pValue());
        assertEquals(1.0, Statistics.mcnemar(3, 3).pValue(), 1e-12);
    }

    @Test
    void mcnemarChiSquaredWithContinuityCorrection() {
        Statistics.McNemar m = Statistics.mcnemar(30, 10);
        assertEquals("chi-squared-corrected", m.method());
        assertEquals(9.025, m.statistic(), 1e-12);
        assertEquals(0.002663, m.pValue(), 1e-5);
    }

    @Test
    void mcnemarFromPredictions() {
        int[] truth = {0, 1, 2, 3, 4};
        Statistics.McNemar m = Statistics.mcnemar(truth, new int[]{0, 1, 2, 0, 0}, new int[]{0, 0, 0, 3, 0});
        assertEquals(2, m.onlyA());
        assertEquals(1, m.onlyB());
        assertThrows(IllegalArgumentException.class, () -> Statistics.mcnemar(truth, new int[]{0}, new int[]{0}));
    }

    @Test
    void holmAdjustsStepDownAndStaysMonotone() {
        // sorted 0.005, 0.01, 0.03, 0.04 -> x4, x3, x2, x1 = 0.02, 0.03, 0.06, 0.04 -> monotone 0.02, 0.03, 0.06, 0.06
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, Statistics.holm(new double[] {0.01, 0.04, 0.03, 0.005}), 1e-12);
        assertArrayEquals(new double[] {1.0, 1.0}, Statistics.holm(new double[] {0.6, 0.9}), 1e-12);
        assertEquals(0, Statistics.holm(new double[0]).length);
    }

    @Test
    void meanAndSampleStandardDeviation() {
        Statistics.MeanSd m = Statistics.MeanSd.of(new double[]{0.90, 0.92, 0.94});
        assertEquals(3, m.n());
        assertEquals(0.92, m.mean(), 1e-12);
        assertEquals(0.02, m.sd(), 1e-12); // sqrt((0.02² + 0 + 0.02²) / 2)
        assertEquals(0, Statistics.MeanSd.of(new double[]{0.5}).sd());
    }

    @Test
    void summaryHasAStudentTIntervalFromTwoValuesOn() {
        Statistics.Summary s = Statistics.Summary.of(new double[]{0.90, 0.92, 0.94});
        assertEquals(3, s.n());
        assertEquals(0.92, s.mean(), 1e-12);
        assertEquals(0.02, s.sd(), 1e-12);
        // t(0.975, 2 df) = 4.302653: half-width 4.302653 * 0.02 / sqrt(3) = 0.049683
        assertEquals(0.92 - 0.0496827, s.ciLow(), 1e-6);
        assertEquals(0.92 + 0.0496827, s.ciHigh(), 1e-6);
        Statistics.Summary one = Statistics.Summary.of(new double[]{12.5});
        assertEquals(1, one.n());
        assertEquals(12.5, one.mean());
        assertEquals(null, one.sd(), "one value: no standard deviation");
        assertEquals(null, one.ciLow(), "and no interval");
        assertEquals(null, Statistics.Summary.of(new double[0]));
    }

    @Test
    void pairedTTestAgainstAWorkedExample() {
        // differences 0.01, 0.02, 0.03: mean 0.02, sd 0.01, t = 0.02 / (0.01 / sqrt 3) = 3.4641, df 2, two-sided p = 0.0742
        Statistics.PairedT t = Statistics.pairedT(new double[]{0.91, 0.92, 0.93}, new double[]{0.90, 0.90, 0.90});
        assertEquals(3, t.n());
        assertEquals(0.02, t.meanDifference(), 1e-12);
        assertEquals(3.4641, t.t(), 1e-4);
        assertEquals(0.0742, t.pValue(), 1e-4);
    }

    @Test
    void pairedTTestWithoutVariationHasNoPValue() {
        Statistics.PairedT same = Statistics.pairedT(new double[]{0.9, 0.9}, new double[]{0.8, 0.8});
        assertEquals(0.1, same.meanDifference(), 1e-12);
        assertEquals(null, same.pValue());
        assertEquals(null, Statistics.pairedT(new double[]{0.9}, new double[]{0.8}).pValue());
    }

    @Test
    void differenceSignTestFindsAClimbThatResetsAndNotNoise() {
        // a single-image latency that climbs, is reset once (a collection) and climbs again: 16 of 19 steps up
        double[] climb = {190, 245, 329, 332, 343, 350, 360, 380, 414, 420, 469, 480, 202, 225, 236, 277, 324, 330, 340, 345};
        Statistics.DifferenceSign up = Statistics.DifferenceSign.of(climb);
        assertEquals(18, up.ups());
        assertEquals(19, up.steps());
        // z = (18 - 9.5) / sqrt(21 / 12) = 6.4254
        assertEquals(6.4254, up.z(), 1e-4);
        assertEquals(0, up.pValue(), 1e-9);
        // alternating noise: 10 of 19 up, z = 0.378, p = 0.705
        double[] noise = {10, 12, 9, 11, 10, 13, 9, 12, 10, 11, 9, 12, 10, 11, 9, 13, 10, 12, 9, 11};
        Statistics.DifferenceSign flat = Statistics.DifferenceSign.of(noise);
        assertEquals(10, flat.ups());
        assertEquals(0.7055, flat.pValue(), 1e-4);
        assertThrows(IllegalArgumentException.class, () -> Statistics.DifferenceSign.of(new double[]{1, 2}));
    }
}
