package org.digitbench.data;

import org.digitbench.api.Dataset;
import org.digitbench.api.Splits;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The robustness suite of a run: a stratified subset of its test images (the same for every corruption and model), each
 * corrupted by every corruption of the chosen set from its raw pixel values and then normalised as the run's images
 * are. Deterministic: an image's corruption draws from the run's main seed and the image's position in the test set.
 */
public final class CorruptionSuite {
    /** Example images per corruption that results.json keeps as pictures, with what each model said of them. */
    public static final int EXAMPLES = 4;

    /** Which corruptions a run evaluates every model on ({@code --robustness}). */
    public enum Choice {
        NONE("none", "no corrupted images"),
        DEFAULT("default", "MNIST-C's fifteen corruptions"),
        ALL("all", "MNIST-C's fifteen corruptions, dilate, erode and invert");

        private final String id;
        private final String description;

        Choice(String id, String description) {
            this.id = id;
            this.description = description;
        }

        @JsonValue
        public String id() {
            return id;
        }

        public String description() {
            return description;
        }

        /** Its corruptions, in the order of {@link Corruption}. */
        public List<Corruption> corruptions() {
            return switch (this) {
                case NONE -> List.of();
                case DEFAULT -> Arrays.stream(Corruption.values()).filter(Corruption::mnistC).toList();
                case ALL -> List.of(Corruption.values());
            };
        }

        @JsonCreator
        public static Choice of(String id) {
            return Arrays.stream(values()).filter(c -> c.id.equals(id.strip().toLowerCase(Locale.ROOT))).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown robustness suite '" + id + "'; expected one of "
                            + String.join(", ", Arrays.stream(values()).map(Choice::id).toList())));
        }
    }

    private final Choice choice;
    private final Dataset raw;
    private final int[] positions;
    private final long seed;
    private final Normalization.Fitted normalization;

    private CorruptionSuite(Choice choice, Dataset raw, int[] positions, long seed, Normalization.Fitted normalization) {
        this.choice = choice;
        this.raw = raw;
        this.positions = positions;
        this.seed = seed;
        this.normalization = normalization;
    }

    /**
     * The suite of a run.
     *
     * @param rawTest       the run's test images, raw values 0..255 (before normalisation)
     * @param images        images per corruption: a stratified subset of that many (all of them when the set is smaller)
     * @param normalization the run's normalisation, fitted on its training images
     */
    public static CorruptionSuite of(Choice choice, Dataset rawTest, int images, long seed, Normalization.Fitted normalization) {
        if (choice == Choice.NONE) {
            throw new IllegalArgumentException("no corruptions to evaluate with --robustness none");
        }
        if (images <= 0) {
            throw new IllegalArgumentException("images per corruption must be positive, got " + images);
        }
        int[] positions = images >= rawTest.size() ? java.util.stream.IntStream.range(0, rawTest.size()).toArray()
                : Splits.stratifiedPositions(rawTest, images, seed);
        Dataset subset = rawTest.subset(positions, "robustness subset of " + positions.length + " (seed " + seed + ")");
        return new CorruptionSuite(choice, subset, positions, seed, normalization);
    }

    public Choice choice() {
        return choice;
    }

    public List<Corruption> corruptions() {
        return choice.corruptions();
    }

    /** Images per corruption. */
    public int size() {
        return positions.length;
    }

    /** Where each image of the subset is in the run's test set. */
    public int[] positions() {
        return positions.clone();
    }

    public long seed() {
        return seed;
    }

    /** The true label of each image of the subset. */
    public int[] labels() {
        return raw.labels();
    }

    /** The example images (positions in the subset): the first image of each class in turn, {@value #EXAMPLES} at most. */
    public int[] examples() {
        boolean[] seen = new boolean[raw.numClasses()];
        return java.util.stream.IntStream.range(0, raw.size()).filter(i -> !seen[raw.label(i)] && (seen[raw.label(i)] = true))
                .limit(EXAMPLES).toArray();
    }

    /** The subset's images uncorrupted, raw values 0..255. */
    public Dataset clean() {
        return raw;
    }

    /** The subset corrupted by {@code c}, raw values 0..255. */
    public Dataset raw(Corruption c) {
        return raw(c, java.util.stream.IntStream.range(0, raw.size()).toArray());
    }

    /** The images {@code which} (positions in the subset) corrupted by {@code c}, raw values 0..255 (for pictures). */
    public Dataset raw(Corruption c, int[] which) {
        Dataset chosen = which.length == raw.size() ? raw : raw.subset(which, "examples");
        int p = raw.numFeatures();
        float[] out = new float[which.length * p];
        float[] unit = new float[p];
        for (int k = 0; k < which.length; k++) {
            raw.copyRow(which[k], unit);
            for (int j = 0; j < p; j++) {
                unit[j] /= 255f;
            }
            float[] y = c.apply(unit, raw.height(), raw.width(), imageSeed(which[k]));
            for (int j = 0; j < p; j++) {
                out[k * p + j] = y[j] * 255f;
            }
        }
        return chosen.withPixels(out, "corruption " + c.id() + " (seed " + seed + ")");
    }

    /** The subset corrupted by {@code c} and normalised as the run's images are: what the models are given. */
    public Dataset normalized(Corruption c) {
        return normalization.apply(raw(c));
    }

    /** The seed of image {@code i} of the subset: the run's seed and its position in the test set. */
    private long imageSeed(int i) {
        return seed * 1_000_003L + positions[i];
    }
}
