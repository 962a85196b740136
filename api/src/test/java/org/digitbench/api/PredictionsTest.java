package org.digitbench.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PredictionsTest {
    /** A library's float softmax, whose rows sum to 1 only within single precision, becomes rows that sum to 1. */
    @Test
    void singlePrecisionProbabilitiesAreRenormalisedAndLabelled() {
        Predictions p = Predictions.ofProbabilities(new float[][] {{0.1f, 0.7f, 0.2000001f}, {0.5f, 0.5f, 0f}, {2f, 1f, 1f}});
        assertArrayEquals(new int[] {1, 0, 0}, p.labels(), "the most probable class, the first of ties");
        for (double[] row : p.probabilities()) {
            double sum = 0;
            for (double v : row) {
                sum += v;
            }
            assertEquals(1.0, sum, 1e-12);
        }
        assertArrayEquals(new double[] {0.5, 0.25, 0.25}, p.probabilities()[2], 1e-12, "scores are scaled, not clipped");
    }

    @Test
    void aRowThatIsNoDistributionIsRefusedNamingTheProblem() {
        var nan = assertThrows(IllegalArgumentException.class, () -> Predictions.normalized(new float[] {0.5f, Float.NaN}));
        assertTrue(nan.getMessage().contains("class 1 has probability NaN"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Predictions.normalized(new float[] {-0.1f, 1.1f}));
        var zero = assertThrows(IllegalArgumentException.class, () -> Predictions.normalized(new float[] {0f, 0f}));
        assertTrue(zero.getMessage().contains("sum to 0"), zero.getMessage());
    }
}
