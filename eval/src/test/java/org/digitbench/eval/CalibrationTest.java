package org.digitbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    /** Four images, each alone in its bin of 15, worked by hand. */
    @Test
    void aHandComputedCase() {
        int[] truth = {0, 1, 1, 0};
        double[][] p = {{0.9, 0.1}, {0.8, 0.2}, {0.3, 0.7}, {0.6, 0.4}};
        Calibration c = Calibration.of(truth, p, Calibration.BINS);
        // |1 - 0.9| + |0 - 0.8| + |1 - 0.7| + |1 - 0.6|, each a quarter of the images
        assertEquals((0.1 + 0.8 + 0.3 + 0.4) / 4, c.ece(), 1e-12);
        assertEquals(0.8, c.mce(), 1e-12);
        // (0.01 + 0.01) + (0.64 + 0.64) + (0.09 + 0.09) + (0.16 + 0.16), over 4
        assertEquals(1.8 / 4, c.brier(), 1e-12);
        assertEquals(15, c.reliability().size());
        Calibration.Bin twelfth = c.reliability().get(11); // (11/15, 12/15]: 0.8 belongs here, not in the next
        assertEquals(1, twelfth.count());
        assertEquals(0.8, twelfth.confidence(), 1e-12);
        assertEquals(0.0, twelfth.accuracy(), 1e-12);
        assertEquals(0, c.reliability().get(12).count());
        assertNull(c.reliability().get(0).accuracy(), "an empty bin has no accuracy");
    }

    /** Two images in one bin: the bin's mean confidence against its accuracy. */
    @Test
    void imagesInOneBinAreAveraged() {
        Calibration c = Calibration.of(new int[]{0, 1}, new double[][]{{0.9, 0.1}, {0.7, 0.3}}, 2);
        assertEquals(Math.abs(0.5 - 0.8), c.ece(), 1e-12);
        assertEquals(2, c.reliability().get(1).count());
    }

    /** A model right exactly as often as it says it is has an ECE near zero. */
    @Test
    void aPerfectlyCalibratedModelHasNoCalibrationError() {
        Random random = new Random(7);
        int n = 200_000;
        int k = 10;
        int[] truth = new int[n];
        double[][] p = new double[n][k];
        for (int i = 0; i < n; i++) {
            double confidence = 0.1 + 0.9 * random.nextDouble();
            int top = random.nextInt(k);
            java.util.Arrays.fill(p[i], (1 - confidence) / (k - 1));
            p[i][top] = confidence;
            truth[i] = random.nextDouble() < confidence ? top : (top + 1 + random.nextInt(k - 1)) % k;
        }
        Calibration c = Calibration.of(truth, p, Calibration.BINS);
        assertTrue(c.ece() < 0.005, "ECE " + c.ece());
        // an overconfident copy: it says 0.1 more than it knows
        for (double[] row : p) {
            int top = 0;
            for (int j = 1; j < k; j++) {
                top = row[j] > row[top] ? j : top;
            }
            double shift = Math.min(0.1, 1 - row[top]);
            row[top] += shift;
            for (int j = 0; j < k; j++) {
                row[j] -= j == top ? 0 : shift / (k - 1);
            }
        }
        assertTrue(Calibration.of(truth, p, Calibration.BINS).ece() > 0.05);
    }

    @Test
    void mismatchedInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Calibration.of(new int[]{0}, new double[0][], 15));
        assertThrows(IllegalArgumentException.class, () -> Calibration.of(new int[]{0}, new double[][]{{1.0}}, 0));
    }
}
