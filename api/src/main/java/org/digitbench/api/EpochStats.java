package org.digitbench.api;

/**
 * One epoch of an iteratively trained model, for learning curves. Losses are mean cross-entropy
 * (natural log) and accuracies are fractions, both measured with the model in inference mode after the
 * epoch; validation values are {@code null} when the plugin held no validation data out.
 *
 * @param epoch              1-based epoch number
 * @param trainLoss          loss on (a fixed sample of) the training data
 * @param trainAccuracy      accuracy on the same images
 * @param validationLoss     loss on the held-out validation images, or {@code null}
 * @param validationAccuracy accuracy on them, or {@code null}
 * @param seconds            wall-clock seconds of the epoch's training, without the evaluation
 */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy, Double validationLoss,
                         Double validationAccuracy, double seconds) {
}
