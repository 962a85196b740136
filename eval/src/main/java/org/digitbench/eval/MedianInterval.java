package org.digitbench.eval;

import org.apache.commons.math3.distribution.BinomialDistribution;

import java.util.Arrays;

/**
 * The median of a few measurements with a distribution-free confidence interval from their order statistics: the
 * interval [x(k), x(n+1-k)] covers the population median with probability 1 - 2·P(B ≤ k-1), B ~ Binomial(n, 1/2),
 * whatever the measurements' distribution (skewed iteration times included). Its ends are measurements, so an interval
 * of positive times never reaches below zero, unlike mean ± t·s/√n.
 *
 * @param n        measurements
 * @param median   their median
 * @param low      the interval's lower end, a measurement
 * @param high     its upper end, a measurement
 * @param coverage the interval's exact coverage: at least the confidence asked for, or, with too few measurements to
 *                 reach it, the most they give (the range: 1 - 2^(1-n))
 */
public record MedianInterval(int n, double median, double low, double high, double coverage) {

    /** Whether the interval reaches the confidence asked for (false when there were too few measurements). */
    public boolean reaches(double confidence) {
        return coverage >= confidence - 1e-12;
    }

    /** Half the interval's width relative to the median (0 when the median is 0). */
    public double relativeHalfWidth() {
        return median == 0 ? 0 : (high - low) / 2 / Math.abs(median);
    }

    /** The interval at {@code confidence} (e.g. 0.95) of {@code samples}; at least one sample. */
    public static MedianInterval of(double[] samples, double confidence) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no measurement");
        }
        double[] x = samples.clone();
        Arrays.sort(x);
        int n = x.length;
        double median = n % 2 == 1 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
        if (n == 1) {
            return new MedianInterval(1, median, x[0], x[0], 0);
        }
        BinomialDistribution b = new BinomialDistribution(null, n, 0.5);
        // the largest k (narrowest interval) whose coverage still reaches the confidence; k = 1 is the range
        int best = 1;
        for (int k = 1; k <= n / 2; k++) {
            if (1 - 2 * b.cumulativeProbability(k - 1) >= confidence - 1e-12) {
                best = k;
            } else {
                break;
            }
        }
        double coverage = 1 - 2 * b.cumulativeProbability(best - 1);
        return new MedianInterval(n, median, x[best - 1], x[n - best], coverage);
    }
}
