package org.digitbench.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * How far a model's probabilities can be trusted, from its class probabilities on the test set.
 *
 * <ul>
 *   <li><b>Expected calibration error</b> (top-label, Guo et al. 2017, "On Calibration of Modern Neural Networks", and
 *       torchmetrics' default norm): each image's confidence is its largest class probability and its prediction that
 *       class; the images are put in {@value #BINS} equal-width bins of confidence, ((m-1)/M, m/M] (a confidence of 0 in
 *       the first), and ECE = Σ |B_m|/n · |accuracy(B_m) − confidence(B_m)|.</li>
 *   <li><b>Maximum calibration error</b>: the largest |accuracy − confidence| over the bins that hold images.</li>
 *   <li><b>Brier score</b>, multi-class (Brier 1950): (1/n) Σ_i Σ_k (p_ik − y_ik)², from 0 (certain and right) to 2.</li>
 * </ul>
 * The negative log-likelihood is the log-loss of {@link ClassificationMetrics}.
 *
 * @param bins        how many bins
 * @param ece         expected calibration error, 0 to 1
 * @param mce         maximum calibration error, 0 to 1
 * @param brier       multi-class Brier score, 0 to 2
 * @param reliability the bins, in order: the reliability diagram
 */
public record Calibration(int bins, double ece, double mce, double brier, List<Bin> reliability) {
    /** The bins of the expected calibration error. */
    public static final int BINS = 15;

    public Calibration {
        reliability = List.copyOf(reliability);
    }

    /**
     * One bin of confidence.
     *
     * @param lower      its lower end (excluded, but for the first bin)
     * @param upper      its upper end (included)
     * @param count      images whose confidence falls in it
     * @param confidence their mean confidence, or {@code null} when it is empty
     * @param accuracy   the fraction of them predicted right, or {@code null} when it is empty
     */
    public record Bin(double lower, double upper, int count, Double confidence, Double accuracy) {
    }

    /**
     * The calibration of {@code probabilities} (per image, one per class, each row summing to about 1) against
     * {@code truth}.
     */
    public static Calibration of(int[] truth, double[][] probabilities, int bins) {
        if (truth.length != probabilities.length || truth.length == 0) {
            throw new IllegalArgumentException("need probabilities for every one of the images: " + truth.length + " labels, "
                    + probabilities.length + " rows of probabilities");
        }
        if (bins < 1) {
            throw new IllegalArgumentException("bins >= 1, got " + bins);
        }
        int n = truth.length;
        int[] count = new int[bins];
        double[] confidence = new double[bins];
        int[] correct = new int[bins];
        double brier = 0;
        for (int i = 0; i < n; i++) {
            double[] p = probabilities[i];
            int top = 0;
            for (int k = 1; k < p.length; k++) {
                if (p[k] > p[top]) {
                    top = k;
                }
            }
            int b = Math.min(bins - 1, Math.max(0, (int) Math.ceil(p[top] * bins) - 1));
            if (b > 0 && p[top] <= (double) b / bins) { // 0.8 * 15 is 12.000000000000002: 0.8 is (11/15, 12/15]
                b--;
            }
            count[b]++;
            confidence[b] += p[top];
            if (top == truth[i]) {
                correct[b]++;
            }
            for (int k = 0; k < p.length; k++) {
                double y = k == truth[i] ? 1 : 0;
                brier += (p[k] - y) * (p[k] - y);
            }
        }
        double ece = 0;
        double mce = 0;
        List<Bin> reliability = new ArrayList<>(bins);
        for (int b = 0; b < bins; b++) {
            if (count[b] == 0) {
                reliability.add(new Bin((double) b / bins, (double) (b + 1) / bins, 0, null, null));
                continue;
            }
            double conf = confidence[b] / count[b];
            double acc = (double) correct[b] / count[b];
            double gap = Math.abs(acc - conf);
            ece += (double) count[b] / n * gap;
            mce = Math.max(mce, gap);
            reliability.add(new Bin((double) b / bins, (double) (b + 1) / bins, count[b], conf, acc));
        }
        return new Calibration(bins, ece, mce, brier / n, reliability);
    }
}
