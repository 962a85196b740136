package org.digitbench.testkit;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.digitbench.api.Dataset;

/** Small data built in the tests. */
public final class TestData {
    private TestData() {
    }

    /**
     * A learnable 28x28 dataset: class c has a bright horizontal bar in rows 2c+3 to 2c+5 and a
     * bright vertical bar in a class-specific column, plus uniform noise; values in [0, 1].
     */
    public static Dataset synthetic(int perClass, long seed) {
        return synthetic(perClass, Dataset.NUM_CLASSES, seed);
    }

    /** The same kind of data with {@code classes} classes (2 to 12: each class's bars fit in 28x28). */
    public static Dataset synthetic(int perClass, int classes, long seed) {
        if (classes < 2 || classes > 12) {
            throw new IllegalArgumentException("2 to 12 classes, got " + classes);
        }
        Random random = new Random(seed);
        int n = perClass * classes;
        float[] pixels = new float[n * 784];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % classes;
            labels[i] = c;
            for (int r = 0; r < 28; r++) {
                for (int col = 0; col < 28; col++) {
                    float v = random.nextFloat() * 0.3f;
                    if (r >= 2 * c + 3 && r <= 2 * c + 5) {
                        v += 0.7f;
                    }
                    if (col == 27 - 2 * c) {
                        v += 0.5f;
                    }
                    pixels[i * 784 + r * 28 + col] = Math.min(1f, v);
                }
            }
        }
        return new Dataset("synthetic", 28, 28, pixels, labels, classes, List.of(), List.of());
    }

    /** {@code count} raw images (values 0..255) of {@code height x width}, pixel (i * 7 + j) mod 256, labels i mod {@code classes}. */
    public static Dataset cycling(int count, int classes, int height, int width) {
        float[] pixels = new float[count * height * width];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % classes;
            for (int j = 0; j < height * width; j++) {
                pixels[i * height * width + j] = (i * 7 + j) % 256;
            }
        }
        return new Dataset("cycling", height, width, pixels, labels, Math.max(Dataset.NUM_CLASSES, classes), List.of(), List.of());
    }

    /** A dataset of raw values 0..255 in Kaggle's CSV layout: a header, then the label (when labelled) and the pixels of each image. */
    public static Path kaggleCsv(Path file, Dataset data, boolean labelled) throws IOException {
        StringBuilder sb = new StringBuilder(labelled ? "label" : "");
        for (int j = 0; j < data.numFeatures(); j++) {
            sb.append(labelled || j > 0 ? "," : "").append("pixel").append(j);
        }
        sb.append('\n');
        for (int i = 0; i < data.size(); i++) {
            if (labelled) {
                sb.append(data.label(i)).append(',');
            }
            for (int j = 0; j < data.numFeatures(); j++) {
                sb.append(j > 0 ? "," : "").append((int) data.pixel(i, j));
            }
            sb.append('\n');
        }
        return Files.writeString(file, sb, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A dataset of raw values 0..255 as a gzip IDX pair under MNIST's names: {@code prefix-images-idx3-ubyte.gz} and labels. */
    public static void idxPair(Path folder, String prefix, Dataset data) throws IOException {
        byte[] pixels = new byte[data.size() * data.numFeatures()];
        float[] values = data.pixels();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) values[i];
        }
        byte[] labels = new byte[data.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) data.label(i);
        }
        write(folder.resolve(prefix + "-images-idx3-ubyte.gz"), idxImages(0x803, data.size(), data.height(), data.width(), pixels), true);
        write(folder.resolve(prefix + "-labels-idx1-ubyte.gz"), idxLabels(0x801, data.size(), labels), true);
    }

    /** The bytes of an IDX images file with the given header fields and pixel bytes. */
    public static byte[] idxImages(int magic, int count, int rows, int cols, byte[] pixels) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(cols);
            out.write(pixels);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** The bytes of an IDX labels file. */
    public static byte[] idxLabels(int magic, int count, byte[] labels) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            out.writeInt(count);
            out.write(labels);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** {@code count} images of {@code rows x cols} with pixel value (i * 7 + j) mod 256. */
    public static byte[] pixelBytes(int count, int rows, int cols) {
        byte[] b = new byte[count * rows * cols];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) ((i * 7) % 256);
        }
        return b;
    }

    public static Path write(Path file, byte[] content, boolean gzip) throws IOException {
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(content);
        }
        return file;
    }

    public static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A picture of a black bar (a "1") on white paper. */
    public static BufferedImage blackBarOnWhite(int width, int height, int x, int y, int barWidth, int barHeight) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.fillRect(x, y, barWidth, barHeight);
        g.dispose();
        return img;
    }

    /** The image encoded as a PNG file's bytes. */
    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
