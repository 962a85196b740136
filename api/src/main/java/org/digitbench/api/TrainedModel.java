package org.digitbench.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** A model returned by {@link ClassifierPlugin#train}. Implementations must be safe for concurrent prediction. */
public interface TrainedModel {

    /** The predicted label of one image, given as normalised pixels in row-major order. */
    int predict(float[] image);

    /** Whether {@link #probabilities(float[])} is supported. */
    default boolean hasProbabilities() {
        return false;
    }

    /**
     * The probability of each class for one image.
     *
     * @throws UnsupportedOperationException when the algorithm has no class probabilities
     */
    default double[] probabilities(float[] image) {
        throw new UnsupportedOperationException("this model has no class probabilities");
    }

    /**
     * Predicts every image of a dataset, with class probabilities where the model has them.
     * The default predicts one image at a time; adapters override it with the library's batch path.
     */
    default Predictions predict(Dataset data) {
        int n = data.size();
        int[] labels = new int[n];
        double[][] probabilities = hasProbabilities() ? new double[n][] : null;
        float[] row = new float[data.numFeatures()];
        for (int i = 0; i < n; i++) {
            data.copyRow(i, row);
            if (probabilities != null) {
                probabilities[i] = probabilities(row);
                labels[i] = argMax(probabilities[i]);
            } else {
                labels[i] = predict(row);
            }
        }
        return new Predictions(labels, probabilities);
    }

    /**
     * What the library says about how this model was made (trainer configuration, library
     * versions, conversion costs), for the results' provenance; empty when it says nothing.
     */
    default Map<String, String> provenance() {
        return Map.of();
    }

    /**
     * How many training images the model was trained on, when the plugin used fewer than it was
     * given (for example a stratified subset for an algorithm that does not scale); empty when it
     * used them all. The results record this number as the model's training-set size.
     */
    default OptionalInt trainingSize() {
        return OptionalInt.empty();
    }

    /** The model's number of trainable parameters, where the notion applies (networks, linear models). */
    default OptionalLong parameterCount() {
        return OptionalLong.empty();
    }

    /** The network's layers, in order; empty for models that are not layered networks. */
    default List<LayerInfo> layers() {
        return List.of();
    }

    /** One entry per epoch trained, for learning curves; empty for models not trained in epochs. */
    default List<EpochStats> history() {
        return List.of();
    }

    /**
     * Writes the model to a file in the library's own format; {@link ClassifierPlugin#load} reads it
     * back where the plugin supports that.
     */
    void save(Path file) throws IOException;

    /** The index of the largest value (the first one on ties). */
    static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
