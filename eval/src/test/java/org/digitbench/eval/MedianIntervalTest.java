package org.digitbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MedianIntervalTest {
    @Test
    void fiveIterationsGiveTheirRangeWithItsCoverage() {
        MedianInterval m = MedianInterval.of(new double[] {25.5, 24.5, 25.0, 26.0, 24.0}, 0.95);
        assertEquals(25.0, m.median());
        assertEquals(24.0, m.low());
        assertEquals(26.0, m.high());
        assertEquals(1 - 2.0 / 32, m.coverage(), 1e-12, "the range of five: 1 - 2 (1/2)^5");
        assertFalse(m.reaches(0.95));
        assertEquals(0.04, m.relativeHalfWidth(), 1e-12);
    }

    @Test
    void moreIterationsNarrowTheIntervalToOrderStatistics() {
        double[] x = new double[20];
        for (int i = 0; i < x.length; i++) {
            x[i] = 10 + i; // 10 .. 29
        }
        MedianInterval m = MedianInterval.of(x, 0.95);
        assertEquals(19.5, m.median());
        // n = 20: k = 6 gives 1 - 2 P(B <= 5) = 0.9586 >= 0.95; k = 7 gives 0.8847: the interval is [x(6), x(15)]
        assertEquals(15.0, m.low());
        assertEquals(24.0, m.high());
        assertEquals(0.9586, m.coverage(), 1e-4);
        assertTrue(m.reaches(0.95));
    }

    /** One slow iteration among five moves JMH's mean and stretches mean ± t·s/√n below zero; the median stays put. */
    @Test
    void anOutlierIterationNeitherMovesTheMedianNorPushesTheIntervalBelowZero() {
        double[] iterations = {20.0, 21.0, 20.5, 19.5, 400.0};
        MedianInterval m = MedianInterval.of(iterations, 0.95);
        assertEquals(20.5, m.median());
        assertTrue(m.low() >= 0 && m.low() == 19.5 && m.high() == 400.0, m.toString());
        Statistics.Summary mean = Statistics.Summary.of(iterations);
        assertTrue(mean.ciLow() < 0, "the mean's t interval reaches below zero: " + mean);
    }
}
