package org.digitbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Ranks, the Friedman test and the Nemenyi critical difference, against Demšar (2006). */
class RankTestsTest {
    /** Demšar 2006, table 5: critical values q_α of the two-tailed Nemenyi test, for k = 2 … 10 models (to the third decimal: 2.3437 is printed 2.343). */
    private static final double[] Q_05 = {1.960, 2.343, 2.569, 2.728, 2.850, 2.949, 3.031, 3.102, 3.164};
    private static final double[] Q_10 = {1.645, 2.052, 2.291, 2.459, 2.589, 2.693, 2.780, 2.855, 2.920};

    @Test
    void nemenyiQuantilesAreDemsarsTable() {
        for (int k = 2; k <= 10; k++) {
            assertEquals(Q_05[k - 2], RankTests.nemenyiQ(k, 0.05), 0.001, "q0.05 for k = " + k);
            assertEquals(Q_10[k - 2], RankTests.nemenyiQ(k, 0.10), 0.001, "q0.10 for k = " + k);
        }
        assertTrue(RankTests.nemenyiQ(14, 0.05) > Q_05[8], "beyond the table it keeps growing with k");
    }

    @Test
    void theRangeOfTwoNormalsIsTheirDifference() {
        // the range of two standard normals is |X − Y|, X − Y ~ N(0, 2): P(R ≤ q) = 2Φ(q/√2) − 1
        org.apache.commons.math3.distribution.NormalDistribution n = new org.apache.commons.math3.distribution.NormalDistribution();
        for (double q : new double[] {0.5, 1, 2, 3.5}) {
            assertEquals(2 * n.cumulativeProbability(q / Math.sqrt(2)) - 1, RankTests.studentizedRangeCdf(q, 2), 1e-9);
        }
    }

    /** Demšar's worked example (section 3.2.4): four variants of C4.5 on 14 datasets. */
    @Test
    void demsarsExample() {
        double[] meanRanks = {3.143, 2.000, 2.893, 1.964};
        RankTests.Friedman f = RankTests.friedman(meanRanks, 14);
        assertEquals(9.28, f.chiSquared(), 0.01);
        assertEquals(3.69, f.f(), 0.01);
        assertTrue(f.pF() < 0.05 && f.pF() > 0.01, "F(3, 39) at 0.05 is 2.85: rejected at 0.05, p = " + f.pF());
        assertEquals(1.25, RankTests.nemenyiCriticalDifference(4, 14, 0.05), 0.005);
        assertEquals(1.12, RankTests.nemenyiCriticalDifference(4, 14, 0.10), 0.005);
    }

    @Test
    void ranksHighestFirstAndSharesTies() {
        double[][] scores = {{0.9, 0.8, 0.7}, {0.5, 0.9, 0.5}, {0.6, 0.6, 0.6}};
        double[][] r = RankTests.ranks(scores);
        assertArrayEquals(new double[] {1, 2, 3}, r[0]);
        assertArrayEquals(new double[] {2.5, 1, 2.5}, r[1]);
        assertArrayEquals(new double[] {2, 2, 2}, r[2]);
        assertArrayEquals(new double[] {11 / 6.0, 5 / 3.0, 15 / 6.0}, RankTests.meanRanks(r), 1e-12);
    }

    @Test
    void identicalRankingsEverywhereHaveNoFiniteF() {
        double[][] r = RankTests.ranks(new double[][] {{3, 2, 1}, {3, 2, 1}, {3, 2, 1}});
        RankTests.Friedman f = RankTests.friedman(RankTests.meanRanks(r), 3);
        assertEquals(6.0, f.chiSquared(), 1e-9, "χ²F reaches its maximum N(k − 1)");
        assertNull(f.f());
        assertEquals(0.0, f.pF());
    }

    @Test
    void refusesWhatItCannotTest() {
        assertThrows(IllegalArgumentException.class, () -> RankTests.friedman(new double[] {1.5, 1.5}, 1));
        assertThrows(IllegalArgumentException.class, () -> RankTests.friedman(new double[] {1}, 5));
        assertThrows(IllegalArgumentException.class, () -> RankTests.ranks(new double[][] {{1, 2}, {1}}));
        assertThrows(IllegalArgumentException.class, () -> RankTests.ranks(new double[][] {{1, Double.NaN}}));
    }
}
