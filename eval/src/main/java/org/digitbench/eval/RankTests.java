package org.digitbench.eval;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.Arrays;

/**
 * Comparing several models over several datasets by their ranks, as Demšar (2006, "Statistical comparisons of
 * classifiers over multiple data sets", JMLR 7) recommends: the Friedman test of whether all models rank
 * alike, with Iman and Davenport's F statistic, and the Nemenyi critical difference between two mean ranks.
 *
 * <p>The critical difference needs the studentized range distribution (for infinitely many degrees of freedom),
 * which neither Commons Math nor another library on the class path has. Demšar's table 5 gives its quantiles for
 * 2 to 10 models only, and a run has up to 14; so {@link #studentizedRangeQuantile} computes them from the
 * distribution's definition, with Commons Math's normal distribution, integrator and root finder, and the tests
 * hold it against the table.
 */
public final class RankTests {
    private static final NormalDistribution NORMAL = new NormalDistribution();

    private RankTests() {
    }

    /**
     * Ranks the models on each dataset: 1 for the highest score, ties sharing the mean of the ranks they span.
     *
     * @param scores one row per dataset, one column per model (higher is better); no NaN
     * @return the ranks, in the same layout
     */
    public static double[][] ranks(double[][] scores) {
        double[][] out = new double[scores.length][];
        for (int d = 0; d < scores.length; d++) {
            double[] row = scores[d];
            if (d > 0 && row.length != scores[0].length) {
                throw new IllegalArgumentException("every dataset needs a score for each of the " + scores[0].length
                        + " models, dataset " + d + " has " + row.length);
            }
            Integer[] order = new Integer[row.length];
            for (int i = 0; i < row.length; i++) {
                if (Double.isNaN(row[i])) {
                    throw new IllegalArgumentException("score of model " + i + " on dataset " + d + " is NaN");
                }
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(row[b], row[a]));
            double[] r = new double[row.length];
            for (int start = 0; start < order.length; ) {
                int end = start;
                while (end + 1 < order.length && row[order[end + 1]] == row[order[start]]) {
                    end++;
                }
                double shared = (start + end) / 2.0 + 1;
                for (int i = start; i <= end; i++) {
                    r[order[i]] = shared;
                }
                start = end + 1;
            }
            out[d] = r;
        }
        return out;
    }

    /** Each model's mean rank over the datasets. */
    public static double[] meanRanks(double[][] ranks) {
        if (ranks.length == 0) {
            throw new IllegalArgumentException("no datasets");
        }
        double[] mean = new double[ranks[0].length];
        for (double[] row : ranks) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += row[j] / ranks.length;
            }
        }
        return mean;
    }

    /**
     * The Friedman test.
     *
     * @param chiSquared Friedman's statistic χ²_F, with k − 1 degrees of freedom
     * @param pChiSquared its p-value
     * @param f          Iman and Davenport's F_F, with (k − 1) and (k − 1)(N − 1) degrees of freedom (less
     *                   conservative; the one Demšar recommends), or {@code null} when χ²_F = N(k − 1)
     *                   (every dataset ranks the models alike, so F_F is infinite)
     * @param pF         its p-value (0 when F_F is infinite)
     * @param datasets   N
     * @param models     k
     */
    public record Friedman(double chiSquared, double pChiSquared, Double f, double pF, int datasets, int models) {
    }

    /** The Friedman test from the models' mean ranks over {@code datasets} datasets (at least 2 models and 2 datasets). */
    public static Friedman friedman(double[] meanRanks, int datasets) {
        int k = meanRanks.length;
        int n = datasets;
        if (k < 2 || n < 2) {
            throw new IllegalArgumentException("the Friedman test needs at least 2 models and 2 datasets, got " + k
                    + " models and " + n + " datasets");
        }
        double sumSquares = 0;
        for (double r : meanRanks) {
            sumSquares += r * r;
        }
        double chi = 12.0 * n / (k * (k + 1.0)) * (sumSquares - k * (k + 1.0) * (k + 1.0) / 4);
        chi = Math.max(0, chi);
        double pChi = 1 - new ChiSquaredDistribution(k - 1).cumulativeProbability(chi);
        double denominator = n * (k - 1.0) - chi;
        if (denominator <= 1e-12) {
            return new Friedman(chi, pChi, null, 0, n, k);
        }
        double f = (n - 1.0) * chi / denominator;
        double pF = 1 - new FDistribution(k - 1, (k - 1.0) * (n - 1)).cumulativeProbability(f);
        return new Friedman(chi, pChi, f, pF, n, k);
    }

    /**
     * The Nemenyi test's critical difference: two models whose mean ranks differ by at least this much perform
     * differently at level {@code alpha}. CD = q_α √(k(k + 1) / 6N), q_α being the studentized range quantile
     * divided by √2.
     */
    public static double nemenyiCriticalDifference(int models, int datasets, double alpha) {
        if (datasets < 1) {
            throw new IllegalArgumentException("need at least one dataset, got " + datasets);
        }
        return nemenyiQ(models, alpha) * Math.sqrt(models * (models + 1.0) / (6.0 * datasets));
    }

    /** Demšar's q_α for k models: the studentized range quantile (infinite degrees of freedom) over √2. */
    public static double nemenyiQ(int models, double alpha) {
        return studentizedRangeQuantile(models, 1 - alpha) / Math.sqrt(2);
    }

    /**
     * P(R ≤ q) for the range R of k independent standard normal values: k ∫ φ(z) [Φ(z + q) − Φ(z)]^(k−1) dz.
     */
    public static double studentizedRangeCdf(double q, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("the range needs at least 2 values, got " + k);
        }
        if (q <= 0) {
            return 0;
        }
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(16, 1e-12, 1e-12);
        double integral = integrator.integrate(100_000, z -> NORMAL.density(z)
                * Math.pow(NORMAL.cumulativeProbability(z + q) - NORMAL.cumulativeProbability(z), k - 1), -9, 9);
        return Math.min(1, k * integral);
    }

    /** The q with {@link #studentizedRangeCdf}(q, k) = p, for 2 ≤ k and 0 < p < 1. */
    public static double studentizedRangeQuantile(int k, double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("the probability must be in (0, 1), got " + p);
        }
        return new BrentSolver(1e-10).solve(1000, q -> studentizedRangeCdf(q, k) - p, 1e-6, 20);
    }
}
