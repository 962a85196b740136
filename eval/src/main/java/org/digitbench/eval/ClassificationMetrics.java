package org.digitbench.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The quality of one model's predictions on a labelled test set.
 *
 * @param n           number of test images
 * @param correct     number predicted correctly
 * @param accuracy    correct / n
 * @param accuracyCi95 Wilson 95% confidence interval of the accuracy
 * @param macro       unweighted mean over classes of precision, recall and F1
 * @param weighted    mean over classes weighted by support
 * @param perClass    precision, recall, F1 and support of each class
 * @param logLoss     mean negative log-probability of the true class, or {@code null} without probabilities
 * @param confusion   counts, row = true label, column = predicted label
 */
public record ClassificationMetrics(int n, int correct, double accuracy, Statistics.Interval accuracyCi95,
                                    Averages macro, Averages weighted, List<ClassScores> perClass,
                                    Double logLoss, int[][] confusion) {

    /** Precision, recall and F1 averaged over classes. */
    public record Averages(double precision, double recall, double f1) {
    }

    /** One class's scores. A score with an empty denominator is 0, as in scikit-learn. */
    public record ClassScores(int label, double precision, double recall, double f1, int support) {
    }

    /** Probabilities are clipped to this before taking logs, so one confident mistake stays finite. */
    public static final double LOG_LOSS_EPSILON = 1e-15;

    /**
     * Computes all metrics.
     *
     * @param truth         true labels in 0..k-1
     * @param predicted     predicted labels in 0..k-1
     * @param probabilities per image the probability of each class, or {@code null}
     * @param k             number of classes
     */
    public static ClassificationMetrics of(int[] truth, int[] predicted, double[][] probabilities, int k) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true labels but " + predicted.length + " predictions");
        }
        if (truth.length == 0) {
            throw new IllegalArgumentException("no predictions to evaluate");
        }
        int n = truth.length;
        int[][] confusion = new int[k][k];
        int correct = 0;
        for (int i = 0; i < n; i++) {
            if (predicted[i] < 0 || predicted[i] >= k) {
                throw new IllegalArgumentException("prediction " + predicted[i] + " of image " + i + " is outside 0.." + (k - 1));
            }
            confusion[truth[i]][predicted[i]]++;
            if (truth[i] == predicted[i]) {
                correct++;
            }
        }
        List<ClassScores> perClass = new ArrayList<>();
        double mp = 0, mr = 0, mf = 0, wp = 0, wr = 0, wf = 0;
        for (int c = 0; c < k; c++) {
            int tp = confusion[c][c];
            int support = 0;
            int predictedAs = 0;
            for (int j = 0; j < k; j++) {
                support += confusion[c][j];
                predictedAs += confusion[j][c];
            }
            double precision = predictedAs == 0 ? 0 : (double) tp / predictedAs;
            double recall = support == 0 ? 0 : (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.add(new ClassScores(c, precision, recall, f1, support));
            mp += precision;
            mr += recall;
            mf += f1;
            wp += precision * support;
            wr += recall * support;
            wf += f1 * support;
        }
        Double logLoss = null;
        if (probabilities != null) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double p = probabilities[i][truth[i]];
                sum -= Math.log(Math.min(1 - LOG_LOSS_EPSILON, Math.max(LOG_LOSS_EPSILON, p)));
            }
            logLoss = sum / n;
        }
        return new ClassificationMetrics(n, correct, (double) correct / n, Statistics.wilson(correct, n, 0.95),
                new Averages(mp / k, mr / k, mf / k), new Averages(wp / n, wr / n, wf / n),
                List.copyOf(perClass), logLoss, confusion);
    }
}
