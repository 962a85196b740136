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
}
