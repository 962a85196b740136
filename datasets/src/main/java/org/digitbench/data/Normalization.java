package org.digitbench.data;

import org.digitbench.api.Dataset;
import org.digitbench.api.DigitbenchException;

import java.util.Arrays;
import java.util.List;

/**
 * Ways to normalise raw pixel values 0..255. A normalisation is {@link #fit fitted} on the training
 * set only and then applied to training and test sets alike, so no test statistics leak into training.
 */
public enum Normalization {
    /** x / 255, into [0, 1]. The default. */
    UNIT("unit", "scale to [0,1] (x/255)"),
    /** x / 127.5 - 1, into [-1, 1]. */
    SYMMETRIC("symmetric", "scale to [-1,1] (x/127.5 - 1)"),
    /** Each image divided by its L2 norm, as tf.keras.utils.normalize does. */
    L2("l2", "per-image L2 normalisation (x/||x||, as tf.keras.utils.normalize)"),
    /** Per pixel (x - mean) / std, with mean and std of the training set; constant pixels only centred. */
    ZSCORE("zscore", "per-pixel z-score, mean and std fitted on the training set only");

    private final String id;
    private final String description;

    Normalization(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The normalisation with this id, e.g. {@code unit}. */
    public static Normalization of(String id) {
        for (Normalization n : values()) {
            if (n.id.equalsIgnoreCase(id)) {
                return n;
            }
        }
        throw new DigitbenchException("unknown normalisation '" + id + "'; expected one of "
                + String.join(", ", Arrays.stream(values()).map(Normalization::id).toList()));
    }

    /** The ids of all normalisations. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Normalization::id).toList();
    }

    /** A normalisation with its statistics taken from {@code train}, ready to apply to any set. */
    public Fitted fit(Dataset train) {
        if (this != ZSCORE) {
            return new Fitted(this, null, null);
        }
        int n = train.size();
        int p = train.numFeatures();
        float[] px = train.pixels();
        double[] mean = new double[p];
        double[] m2 = new double[p];
        for (int i = 0; i < n; i++) {
            int off = i * p;
            for (int j = 0; j < p; j++) {
                mean[j] += px[off + j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= n;
        }
        for (int i = 0; i < n; i++) {
            int off = i * p;
            for (int j = 0; j < p; j++) {
                double d = px[off + j] - mean[j];
                m2[j] += d * d;
            }
        }
        double[] std = new double[p];
        for (int j = 0; j < p; j++) {
            double s = Math.sqrt(m2[j] / n);
            std[j] = s > 1e-12 ? s : 1.0; // constant pixels: centre only, as scikit-learn's StandardScaler does
        }
        return new Fitted(this, mean, std);
    }

    /** A normalisation ready to apply; z-score carries the training set's statistics. */
    public static final class Fitted {
        private final Normalization kind;
        private final double[] mean;
        private final double[] std;

        private Fitted(Normalization kind, double[] mean, double[] std) {
            this.kind = kind;
            this.mean = mean;
            this.std = std;
        }

        public Normalization kind() {
            return kind;
        }

        /** The training set's per-pixel means (z-score only, else null), for saving with a model. */
        public double[] mean() {
            return mean == null ? null : mean.clone();
        }

        /** The training set's per-pixel standard deviations (z-score only, else null). */
        public double[] std() {
            return std == null ? null : std.clone();
        }

        /** A fitted normalisation read back from what {@link #mean()} and {@link #std()} gave. */
        public static Fitted of(Normalization kind, double[] mean, double[] std) {
            if (kind == ZSCORE && (mean == null || std == null || mean.length != std.length)) {
                throw new IllegalArgumentException("z-score needs the training set's means and standard deviations");
            }
            return new Fitted(kind, kind == ZSCORE ? mean.clone() : null, kind == ZSCORE ? std.clone() : null);
        }

        /** Normalises every image of {@code data}, which must hold raw values 0..255. */
        public Dataset apply(Dataset data) {
            float[] in = data.pixels();
            float[] out = new float[in.length];
            int p = data.numFeatures();
            int n = data.size();
            if (mean != null && mean.length != p) {
                throw new IllegalArgumentException("fitted on images of " + mean.length + " pixels, got " + p);
            }
            for (int i = 0; i < n; i++) {
                int off = i * p;
                switch (kind) {
                    case UNIT -> {
                        for (int j = 0; j < p; j++) {
                            out[off + j] = in[off + j] / 255f;
                        }
                    }
                    case SYMMETRIC -> {
                        for (int j = 0; j < p; j++) {
                            out[off + j] = in[off + j] / 127.5f - 1f;
                        }
                    }
                    case L2 -> {
                        double sq = 0;
                        for (int j = 0; j < p; j++) {
                            sq += (double) in[off + j] * in[off + j];
                        }
                        double norm = Math.sqrt(sq);
                        float scale = norm > 0 ? (float) (1.0 / norm) : 0f; // an all-zero image stays zero
                        for (int j = 0; j < p; j++) {
                            out[off + j] = in[off + j] * scale;
                        }
                    }
                    case ZSCORE -> {
                        for (int j = 0; j < p; j++) {
                            out[off + j] = (float) ((in[off + j] - mean[j]) / std[j]);
                        }
                    }
                }
            }
            return data.withPixels(out, "normalisation " + kind.id);
        }
    }
}
