package org.digitbench.eval;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/** Confidence intervals and significance tests, with Apache Commons Math's distributions. */
public final class Statistics {
    /** Below this many discordant pairs McNemar's test uses the exact binomial distribution. */
    public static final int MCNEMAR_EXACT_BELOW = 25;

    private Statistics() {
    }

    /** A closed interval. */
    public record Interval(double low, double high) {
    }

    /**
     * The Wilson score interval for a proportion.
     *
     * @param successes  number of successes
     * @param n          number of trials, positive
     * @param confidence e.g. 0.95
     */
    public static Interval wilson(int successes, int n, double confidence) {
        if (n <= 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n and n > 0, got " + successes + " of " + n);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        double z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double p = (double) successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /**
     * The difference-sign test of a trend in a series (Brockwell and Davis, <i>Introduction to Time Series and
     * Forecasting</i>, 1.6): of the n-1 steps from one value to the next, how many go up; without a trend that count
     * has mean (n-1)/2 and variance (n+1)/12, nearly normal. It sees a steady drift (each value a little above the one
     * before, even when a reset interrupts the climb) that the spread around the median does not explain.
     *
     * @param ups    steps up
     * @param steps  steps (n-1); equal neighbours count as neither up nor down, but as steps
     * @param z      (ups - (n-1)/2) / sqrt((n+1)/12)
     * @param pValue two-sided
     */
    public record DifferenceSign(int ups, int steps, double z, double pValue) {
        /** The test of {@code series}, in order; at least three values. */
        public static DifferenceSign of(double[] series) {
            int n = series.length;
            if (n < 3) {
                throw new IllegalArgumentException("the difference-sign test needs at least 3 values, got " + n);
            }
            int ups = 0;
            for (int i = 1; i < n; i++) {
                if (series[i] > series[i - 1]) {
                    ups++;
                }
            }
            double z = (ups - (n - 1) / 2.0) / Math.sqrt((n + 1) / 12.0);
            double p = 2 * (1 - new NormalDistribution().cumulativeProbability(Math.abs(z)));
            return new DifferenceSign(ups, n - 1, z, p);
        }
    }

    /**
     * McNemar's test of whether two classifiers have the same error rate on the same test set.
     *
     * @param onlyA     images only model A got right
     * @param onlyB     images only model B got right
     * @param statistic the chi-squared statistic with continuity correction, or the smaller count for the exact test
     * @param pValue    two-sided p-value
     * @param method    {@code exact-binomial} or {@code chi-squared-corrected}
     */
    public record McNemar(int onlyA, int onlyB, double statistic, double pValue, String method) {
    }

    /** McNemar's test from the two models' predictions and the true labels. */
    public static McNemar mcnemar(int[] truth, int[] predictedA, int[] predictedB) {
        if (truth.length != predictedA.length || truth.length != predictedB.length) {
            throw new IllegalArgumentException("McNemar's test needs predictions for the same images: "
                    + truth.length + ", " + predictedA.length + ", " + predictedB.length);
        }
        int onlyA = 0;
        int onlyB = 0;
        for (int i = 0; i < truth.length; i++) {
            boolean a = predictedA[i] == truth[i];
            boolean b = predictedB[i] == truth[i];
            if (a && !b) {
                onlyA++;
            } else if (b && !a) {
                onlyB++;
            }
        }
        return mcnemar(onlyA, onlyB);
    }

    /** McNemar's test from the discordant counts. */
    public static McNemar mcnemar(int onlyA, int onlyB) {
        int discordant = onlyA + onlyB;
        if (discordant == 0) {
            return new McNemar(0, 0, 0, 1.0, "exact-binomial");
        }
        if (discordant < MCNEMAR_EXACT_BELOW) {
            int smaller = Math.min(onlyA, onlyB);
            double p = 2 * new BinomialDistribution(null, discordant, 0.5).cumulativeProbability(smaller);
            return new McNemar(onlyA, onlyB, smaller, Math.min(1.0, p), "exact-binomial");
        }
        double d = Math.abs(onlyA - onlyB) - 1.0;
        double chi2 = Math.max(0, d) * Math.max(0, d) / discordant;
        double p = 1 - new ChiSquaredDistribution(null, 1).cumulativeProbability(chi2);
        return new McNemar(onlyA, onlyB, chi2, p, "chi-squared-corrected");
    }

    /**
     * Holm's step-down adjustment of p-values for multiple comparisons (controls the family-wise
     * error rate): the i-th smallest of m p-values is multiplied by (m - i + 1), made monotone, capped at 1.
     *
     * @return adjusted p-values, in the order given
     */
    public static double[] holm(double[] pValues) {
        int m = pValues.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(pValues[a], pValues[b]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1.0, (m - rank) * pValues[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /**
     * Mean and sample standard deviation of repeated measurements.
     *
     * @param sd the sample standard deviation (n - 1 in the denominator); 0 for one value
     */
    public record MeanSd(int n, double mean, double sd) {
        public static MeanSd of(double[] values) {
            if (values.length == 0) {
                throw new IllegalArgumentException("no values");
            }
            org.apache.commons.math3.stat.descriptive.SummaryStatistics s = new org.apache.commons.math3.stat.descriptive.SummaryStatistics();
            for (double v : values) {
                s.addValue(v);
            }
            return new MeanSd(values.length, s.getMean(), values.length > 1 ? s.getStandardDeviation() : 0);
        }
    }

    /**
     * A figure measured {@code n} times (once per seed): its mean, and for n of 2 or more the sample
     * standard deviation and the 95% confidence interval of the mean from Student's t distribution.
     *
     * @param sd     sample standard deviation, or {@code null} for one value
     * @param ciLow  lower end of the 95% interval of the mean, or {@code null} for one value
     * @param ciHigh upper end, or {@code null}
     */
    public record Summary(int n, double mean, Double sd, Double ciLow, Double ciHigh) {
        /** The summary of some values, or {@code null} when there are none. */
        public static Summary of(double[] values) {
            if (values.length == 0) {
                return null;
            }
            MeanSd m = MeanSd.of(values);
            if (values.length == 1) {
                return new Summary(1, m.mean(), null, null, null);
            }
            double t = new org.apache.commons.math3.distribution.TDistribution(null, values.length - 1)
                    .inverseCumulativeProbability(0.975);
            double half = t * m.sd() / Math.sqrt(values.length);
            return new Summary(values.length, m.mean(), m.sd(), m.mean() - half, m.mean() + half);
        }
    }

    /**
     * A paired t-test of two models' scores over the same seeds.
     *
     * @param meanDifference mean of A - B
     * @param pValue         two-sided p-value, or {@code null} when it is undefined (fewer than 2 pairs, or the
     *                       differences do not vary)
     */
    public record PairedT(int n, double meanDifference, Double t, Double pValue) {
    }

    /** Student's paired t-test (Apache Commons Math) of {@code a[i]} against {@code b[i]}. */
    public static PairedT pairedT(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples of different sizes: " + a.length + " and " + b.length);
        }
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        MeanSd diff = d.length == 0 ? new MeanSd(0, 0, 0) : MeanSd.of(d);
        if (d.length < 2 || diff.sd() == 0) {
            return new PairedT(d.length, diff.mean(), null, null);
        }
        org.apache.commons.math3.stat.inference.TTest test = new org.apache.commons.math3.stat.inference.TTest();
        return new PairedT(d.length, diff.mean(), test.pairedT(a, b), test.pairedTTest(a, b));
    }
}
