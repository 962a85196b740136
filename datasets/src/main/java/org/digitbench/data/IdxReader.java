package org.digitbench.data;

import org.digitbench.api.Dataset;
import org.digitbench.api.SourceFile;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the IDX format of MNIST (raw or gzip): unsigned-byte images ({@code idx3}) and labels
 * ({@code idx1}). Every inconsistency is a {@link DataFormatException} naming the file.
 */
public final class IdxReader {
    /** Magic number of an unsigned-byte, 3-dimensional IDX file (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an unsigned-byte, 1-dimensional IDX file (labels). */
    public static final int LABELS_MAGIC = 0x00000801;
    /** The most values one file may hold (guards against corrupt headers claiming absurd sizes). */
    static final long MAX_VALUES = Integer.MAX_VALUE - 16L;

    private IdxReader() {
    }

    /** Images as read: raw pixel values 0..255. */
    public record Images(int count, int height, int width, float[] pixels, SourceFile source) {
    }

    /** Labels as read. */
    public record Labels(int[] labels, SourceFile source) {
    }

    /** Reads an images file and a labels file into one dataset of raw pixel values 0..255. */
    public static Dataset read(Path imagesFile, Path labelsFile, String name) {
        Images images = readImages(imagesFile);
        Labels labels = readLabels(labelsFile);
        if (images.count() != labels.labels().length) {
            throw new DataFormatException("image/label count mismatch: " + imagesFile + " has " + images.count()
                    + " images but " + labelsFile + " has " + labels.labels().length + " labels");
        }
        return new Dataset(name, images.height(), images.width(), images.pixels(), labels.labels(), classCount(labels.labels()),
                List.of(images.source(), labels.source()), List.of());
    }

    /**
     * The classes labels imply when nothing else says: one more than the largest label, and at least two. A training
     * and a test set read apart are then given the larger of their two counts ({@link DataSource#load}).
     */
    static int classCount(int[] labels) {
        int max = 0;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        return Math.max(2, max + 1);
    }

    /** Reads an {@code idx3-ubyte} images file. */
    public static Images readImages(Path file) {
        try (HashingInput in = HashingInput.open(file)) {
            DataInputStream data = new DataInputStream(in.stream());
            int magic = header(data, file, "magic number");
            if (magic != IMAGES_MAGIC) {
                throw new DataFormatException(file + ": wrong magic number " + hex(magic) + ", expected "
                        + hex(IMAGES_MAGIC) + " (IDX images, unsigned bytes, 3 dimensions)" + hint(magic));
            }
            int count = header(data, file, "image count");
            int height = header(data, file, "row count");
            int width = header(data, file, "column count");
            // height x width fits a long; count x that is compared by division, since it could overflow a long
            if (count < 0 || height <= 0 || width <= 0 || (long) height * width > MAX_VALUES
                    || count > MAX_VALUES / ((long) height * width)) {
                throw new DataFormatException(file + ": implausible header: " + count + " images of " + height + "x" + width);
            }
            int total = count * height * width;
            byte[] bytes = readFully(in.stream(), total, file, "pixel");
            expectEnd(in, file);
            float[] pixels = new float[total];
            for (int i = 0; i < total; i++) {
                pixels[i] = bytes[i] & 0xff;
            }
            return new Images(count, height, width, pixels, in.source());
        } catch (IOException e) {
            throw new DataFormatException(file + ": " + HashingInput.describe(e), e);
        }
    }

    /** Reads an {@code idx1-ubyte} labels file; labels must be digits 0..9. */
    public static Labels readLabels(Path file) {
        try (HashingInput in = HashingInput.open(file)) {
            DataInputStream data = new DataInputStream(in.stream());
            int magic = header(data, file, "magic number");
            if (magic != LABELS_MAGIC) {
                throw new DataFormatException(file + ": wrong magic number " + hex(magic) + ", expected "
                        + hex(LABELS_MAGIC) + " (IDX labels, unsigned bytes, 1 dimension)" + hint(magic));
            }
            int count = header(data, file, "label count");
            if (count < 0 || count > MAX_VALUES) {
                throw new DataFormatException(file + ": implausible header: " + count + " labels");
            }
            byte[] bytes = readFully(in.stream(), count, file, "label");
            expectEnd(in, file);
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = bytes[i] & 0xff; // 0..255: any class count a byte can hold
            }
            return new Labels(labels, in.source());
        } catch (IOException e) {
            throw new DataFormatException(file + ": " + HashingInput.describe(e), e);
        }
    }

    private static int header(DataInputStream in, Path file, String field) throws IOException {
        try {
            return in.readInt();
        } catch (java.io.EOFException e) {
            throw new DataFormatException(file + ": truncated: the file ends inside the header (" + field + ")");
        }
    }

    private static byte[] readFully(InputStream in, int n, Path file, String what) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new DataFormatException(file + ": truncated: the header promises " + n + " " + what
                    + " bytes but the file has " + bytes.length);
        }
        return bytes;
    }

    /** How much of what follows the data is counted for the message: the rest (a gzip bomb's gigabytes) is not read. */
    static final int EXTRA_COUNTED = 1 << 20;

    private static void expectEnd(HashingInput in, Path file) throws IOException {
        if (in.stream().read() != -1) {
            long extra = 1 + in.stream().readNBytes(EXTRA_COUNTED).length;
            throw new DataFormatException(file + ": " + (extra > EXTRA_COUNTED ? "more than " + EXTRA_COUNTED : String.valueOf(extra))
                    + " unexpected bytes after the data the header describes (the file is read no further)");
        }
    }

    private static String hint(int magic) {
        if (magic == IMAGES_MAGIC) {
            return " (this is an images file: are images and labels swapped?)";
        }
        if (magic == LABELS_MAGIC) {
            return " (this is a labels file: are images and labels swapped?)";
        }
        return "";
    }

    private static String hex(int v) {
        return String.format("0x%08X", v);
    }
}
