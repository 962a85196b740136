package org.example.knn;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.digitbench.api.AbstractClassifierPlugin;
import org.digitbench.api.Dataset;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.ParamSpec;
import org.digitbench.api.TrainedModel;

/**
 * k-nearest neighbours in plain Java: a third-party plugin built against {@code digitbench-api} alone. Training keeps
 * the training images; a prediction is the majority label of the {@code k} closest of them by Euclidean distance
 * (ties go to the nearer neighbour's label).
 *
 * <p>It is found through {@code META-INF/services/org.digitbench.api.ClassifierPlugin}, so putting its jar on
 * {@code --plugin-path} adds it to a run.
 */
public final class KnnPlugin extends AbstractClassifierPlugin {
    /** The first bytes of a model file. */
    static final int MAGIC = 0x6b6e6e31; // "knn1"

    public KnnPlugin() {
        super("example-knn", "nearest-neighbours", "k-nearest neighbours (k = 3, Euclidean distance), brute force in plain Java");
    }

    @Override
    public String library() {
        return "example";
    }

    @Override
    public String libraryVersion() {
        return "1.0";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.ofInt("k", 3, 1, 100, "how many nearest training images vote"));
    }

    @Override
    public TrainedModel train(Dataset train, Hyperparameters params, long seed) {
        int k = params.getInt("k");
        if (k > train.size()) {
            throw new IllegalArgumentException("k = " + k + " but the training set has only " + train.size() + " images");
        }
        return new KnnModel(k, train.numFeatures(), train.pixels(), train.labels());
    }

    @Override
    public TrainedModel load(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + " is not a model file of " + id());
            }
            int k = in.readInt();
            int features = in.readInt();
            int n = in.readInt();
            if (k < 1 || features < 1 || n < k || (long) n * features > Integer.MAX_VALUE - 8) {
                throw new IOException(file + ": implausible header (k " + k + ", " + n + " images of " + features + " pixels)");
            }
            float[] pixels = new float[n * features];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = in.readFloat();
            }
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = in.readInt();
            }
            return new KnnModel(k, features, pixels, labels);
        }
    }

    @Override
    public java.util.Map<String, String> smokeTestOverrides() {
        return java.util.Map.of("k", "1");
    }

    /** The training images and their labels; predictions read them only, so they are safe in parallel. */
    record KnnModel(int k, int features, float[] pixels, int[] labels) implements TrainedModel {
        @Override
        public int predict(float[] image) {
            if (image.length != features) {
                throw new IllegalArgumentException("expected " + features + " pixels, got " + image.length);
            }
            int[] nearest = new int[k];
            double[] distance = new double[k];
            java.util.Arrays.fill(distance, Double.POSITIVE_INFINITY);
            for (int i = 0; i < labels.length; i++) {
                double d = 0;
                int offset = i * features;
                for (int j = 0; j < features && d < distance[k - 1]; j++) {
                    double diff = pixels[offset + j] - image[j];
                    d += diff * diff;
                }
                if (d < distance[k - 1]) { // insert, keeping the k nearest sorted by distance
                    int at = k - 1;
                    while (at > 0 && distance[at - 1] > d) {
                        distance[at] = distance[at - 1];
                        nearest[at] = nearest[at - 1];
                        at--;
                    }
                    distance[at] = d;
                    nearest[at] = i;
                }
            }
            // the most common label among the k nearest (any number of classes), the nearest one's on a tie
            int best = labels[nearest[0]];
            int bestVotes = 0;
            for (int i = 0; i < k; i++) {
                int label = labels[nearest[i]];
                int votes = 0;
                for (int j = 0; j < k; j++) {
                    votes += labels[nearest[j]] == label ? 1 : 0;
                }
                if (votes > bestVotes) {
                    best = label;
                    bestVotes = votes;
                }
            }
            return best;
        }

        @Override
        public void save(Path file) throws IOException {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
                out.writeInt(MAGIC);
                out.writeInt(k);
                out.writeInt(features);
                out.writeInt(labels.length);
                for (float p : pixels) {
                    out.writeFloat(p);
                }
                for (int label : labels) {
                    out.writeInt(label);
                }
            }
        }
    }
}
