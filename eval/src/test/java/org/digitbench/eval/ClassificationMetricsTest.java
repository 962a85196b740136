package org.digitbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Expected values worked out by hand (they agree with scikit-learn's classification_report). */
class ClassificationMetricsTest {
    @Test
    void threeClasses() {
        int[] truth = {0, 0, 1, 1, 2, 2};
        int[] pred = {0, 1, 1, 1, 2, 0};
        ClassificationMetrics m = ClassificationMetrics.of(truth, pred, null, 3);
        assertEquals(4, m.correct());
        assertEquals(4.0 / 6, m.accuracy(), 1e-12);
        assertArrayEquals(new int[][]{{1, 1, 0}, {0, 2, 0}, {1, 0, 1}}, m.confusion());
        assertEquals(0.5, m.perClass().get(0).precision(), 1e-12);
        assertEquals(2.0 / 3, m.perClass().get(1).precision(), 1e-12);
        assertEquals(1.0, m.perClass().get(1).recall(), 1e-12);
        assertEquals(0.8, m.perClass().get(1).f1(), 1e-12);
        assertEquals(2.0 / 3, m.perClass().get(2).f1(), 1e-12);
        assertEquals((0.5 + 2.0 / 3 + 1) / 3, m.macro().precision(), 1e-12);
        assertEquals((0.5 + 1 + 0.5) / 3, m.macro().recall(), 1e-12);
        assertEquals((0.5 + 0.8 + 2.0 / 3) / 3, m.macro().f1(), 1e-12);
        assertNull(m.logLoss());
    }

    @Test
    void weightedAveragesUseSupport() {
        ClassificationMetrics m = ClassificationMetrics.of(new int[]{0, 0, 0, 1}, new int[]{0, 0, 1, 1}, null, 2);
        assertEquals(0.75, m.accuracy(), 1e-12);
        assertEquals((0.8 + 2.0 / 3) / 2, m.macro().f1(), 1e-12);
        assertEquals((0.8 * 3 + 2.0 / 3) / 4, m.weighted().f1(), 1e-12);
        assertEquals((1.0 * 3 + 0.5) / 4, m.weighted().precision(), 1e-12);
        assertEquals(3, m.perClass().get(0).support());
    }

    @Test
    void classNeverPredictedHasZeroPrecision() {
        ClassificationMetrics m = ClassificationMetrics.of(new int[]{0, 1}, new int[]{0, 0}, null, 2);
        assertEquals(0, m.perClass().get(1).precision());
        assertEquals(0, m.perClass().get(1).f1());
    }

    @Test
    void logLossIsClippedAndAveraged() {
        double[][] p = {{0.9, 0.1}, {0.0, 1.0}, {1.0, 0.0}};
        ClassificationMetrics m = ClassificationMetrics.of(new int[]{0, 1, 1}, new int[]{0, 1, 0}, p, 2);
        double expected = (-Math.log(0.9) - Math.log(1 - 1e-15) - Math.log(1e-15)) / 3;
        assertEquals(expected, m.logLoss(), 1e-9);
    }

    @Test
    void rejectsMismatchedOrOutOfRangeInput() {
        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.of(new int[]{0}, new int[]{0, 1}, null, 2));
        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.of(new int[]{0}, new int[]{2}, null, 2));
        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.of(new int[0], new int[0], null, 2));
    }
}
