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
    /** Corrupted images of the whole subset handed over ({@link #withImagesFrom}); the others are made when asked for. */
    private final java.util.Map<Corruption, float[]> made;

    private CorruptionSuite(Choice choice, Dataset raw, int[] positions, long seed, Normalization.Fitted normalization,
                            java.util.Map<Corruption, float[]> made) {
        this.choice = choice;
        this.raw = raw;
        this.positions = positions;
        this.seed = seed;
        this.normalization = normalization;
        this.made = made;
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
        return new CorruptionSuite(choice, subset, positions, seed, normalization, java.util.Map.of());
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
        float[] handedOver = made.get(c);
        if (handedOver != null) {
            return raw.withPixels(handedOver, description(c));
        }
        return raw(c, java.util.stream.IntStream.range(0, raw.size()).toArray());
    }

    private String description(Corruption c) {
        return "corruption " + c.id() + " (seed " + seed + ")";
    }

    /** The first bytes of a file of {@link #writeImages}: "DBCI" and the format's version, 1. */
    static final int IMAGES_MAGIC = 0x44424349;
    static final int IMAGES_VERSION = 1;

    /**
     * Writes every corruption's images of the whole subset (raw values), so that the JVMs of a run's trials read them
     * ({@link #withImagesFrom}) instead of each making them again with cold code. The header names the suite (choice,
     * seed, images, pixels, positions, corruptions), which the reader checks.
     */
    public void writeImages(java.io.OutputStream out) throws java.io.IOException {
        java.io.DataOutputStream d = new java.io.DataOutputStream(new java.io.BufferedOutputStream(out, 1 << 16));
        d.writeInt(IMAGES_MAGIC);
        d.writeInt(IMAGES_VERSION);
        d.writeUTF(choice.id());
        d.writeLong(seed);
        d.writeInt(raw.size());
        d.writeInt(raw.numFeatures());
        for (int position : positions) {
            d.writeInt(position);
        }
        d.writeInt(corruptions().size());
        for (Corruption c : corruptions()) {
            d.writeUTF(c.id());
            float[] pixels = raw(c).pixels();
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(pixels.length * Float.BYTES);
            bytes.asFloatBuffer().put(pixels);
            d.write(bytes.array());
        }
        d.flush();
    }

    /**
     * This suite with the images a {@link #writeImages} of the same suite wrote.
     *
     * @param source what the bytes are, for messages
     * @throws DataFormatException when they are not a suite's images, or another suite's
     */
    public CorruptionSuite withImagesFrom(java.io.InputStream in, String source) {
        java.io.DataInputStream d = new java.io.DataInputStream(new java.io.BufferedInputStream(in, 1 << 16));
        try {
            if (d.readInt() != IMAGES_MAGIC || d.readInt() != IMAGES_VERSION) {
                throw new DataFormatException(source + ": not a file of corrupted images of this digitbench (wrong first bytes)");
            }
            String id = d.readUTF();
            long s = d.readLong();
            int n = d.readInt();
            int p = d.readInt();
            if (!id.equals(choice.id()) || s != seed || n != raw.size() || p != raw.numFeatures()) {
                throw new DataFormatException(source + ": the images of another suite (" + id + ", seed " + s + ", " + n + " images of "
                        + p + " pixels; this run's: " + choice.id() + ", seed " + seed + ", " + raw.size() + " of " + raw.numFeatures() + ")");
            }
            for (int position : positions) {
                if (d.readInt() != position) {
                    throw new DataFormatException(source + ": the images of another subset of the test set");
                }
            }
            int count = d.readInt();
            if (count != corruptions().size()) {
                throw new DataFormatException(source + ": " + count + " corruptions, this run's suite has " + corruptions().size());
            }
            java.util.Map<Corruption, float[]> images = new java.util.EnumMap<>(Corruption.class);
            for (Corruption c : corruptions()) {
                String cid = d.readUTF();
                if (!cid.equals(c.id())) {
                    throw new DataFormatException(source + ": corruption " + cid + " where this run's suite has " + c.id());
                }
                byte[] bytes = d.readNBytes(n * p * Float.BYTES);
                if (bytes.length != n * p * Float.BYTES) {
                    throw new DataFormatException(source + ": truncated in the images of " + c.id());
                }
                float[] pixels = new float[n * p];
                java.nio.ByteBuffer.wrap(bytes).asFloatBuffer().get(pixels);
                images.put(c, pixels);
            }
            if (d.read() != -1) {
                throw new DataFormatException(source + ": more bytes after the last corruption's images");
            }
            return new CorruptionSuite(choice, raw, positions, seed, normalization, java.util.Collections.unmodifiableMap(images));
        } catch (java.io.EOFException e) {
            throw new DataFormatException(source + ": truncated (the file ends inside its header)");
        } catch (java.io.IOException e) {
            throw new DataFormatException(source + ": cannot read: " + e.getMessage(), e);
        }
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
        return chosen.withPixels(out, description(c));
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
