package org.digitbench.api;

/**
 * The predictions of a model for a whole dataset.
 *
 * @param labels        the predicted label of each image
 * @param probabilities per image the probability of each class, or {@code null} when the model has none
 */
public record Predictions(int[] labels, double[][] probabilities) {
    public Predictions {
        if (probabilities != null && probabilities.length != labels.length) {
            throw new IllegalArgumentException("labels and probabilities differ in length: "
                    + labels.length + " != " + probabilities.length);
        }
    }

    public boolean hasProbabilities() {
        return probabilities != null;
    }

    /**
     * Predictions from a library's single-precision class probabilities (a softmax, say), one row an image: each row
     * renormalised in double precision so that it sums to 1, the label its most probable class (the first of ties).
     *
     * @throws IllegalArgumentException for a row that is empty, negative, not finite or sums to 0
     */
    public static Predictions ofProbabilities(float[][] rows) {
        int[] labels = new int[rows.length];
        double[][] probabilities = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            probabilities[i] = normalized(rows[i]);
            labels[i] = TrainedModel.argMax(probabilities[i]);
        }
        return new Predictions(labels, probabilities);
    }

    /** One row of {@link #ofProbabilities}: in double precision, summing to 1. */
    public static double[] normalized(float[] row) {
        double[] p = new double[row.length];
        double sum = 0;
        for (int c = 0; c < row.length; c++) {
            if (!(row[c] >= 0) || Float.isInfinite(row[c])) {
                throw new IllegalArgumentException("class " + c + " has probability " + row[c]);
            }
            p[c] = row[c];
            sum += p[c];
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("probabilities of " + row.length + " classes sum to " + sum);
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
        return p;
    }
}
