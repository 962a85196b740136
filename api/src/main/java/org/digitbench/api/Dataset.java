package org.digitbench.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable set of images (pixels in row-major order) with optional labels, its number of classes
 * (labels are 0 to {@link #numClasses()} − 1; MNIST's ten digits unless the data says otherwise), and the
 * provenance of how it was made: the files it came from with their checksums, and every transform
 * applied since (subsets, normalisation).
 */
public final class Dataset {
    /** MNIST's classes, digits 0 to 9: the class count of a dataset made without one. */
    public static final int NUM_CLASSES = 10;
    /** The most classes a dataset may have. */
    public static final int MAX_CLASSES = 1000;

    private final String name;
    private final int height;
    private final int width;
    private final float[] pixels;
    private final int[] labels;
    private final int numClasses;
    private final List<SourceFile> sources;
    private final List<String> transforms;

    /**
     * @param name       what this is, e.g. "mnist-train"
     * @param height     image height in pixels
     * @param width      image width in pixels
     * @param pixels     {@code size * height * width} values, image after image; copied
     * @param labels     one label in 0..9 per image (MNIST's ten classes), or {@code null} for unlabelled data; copied
     * @param sources    the files it was read from
     * @param transforms what was done to it since, in order
     */
    public Dataset(String name, int height, int width, float[] pixels, int[] labels,
                   List<SourceFile> sources, List<String> transforms) {
        this(name, height, width, pixels, labels, NUM_CLASSES, sources, transforms);
    }

    /**
     * A dataset of {@code numClasses} classes (2 to {@link #MAX_CLASSES}): every label is in 0..numClasses − 1.
     */
    public Dataset(String name, int height, int width, float[] pixels, int[] labels, int numClasses,
                   List<SourceFile> sources, List<String> transforms) {
        this(name, height, width, pixels.clone(), labels == null ? null : labels.clone(), numClasses, sources, transforms, true);
    }

    private Dataset(String name, int height, int width, float[] pixels, int[] labels, int numClasses,
                    List<SourceFile> sources, List<String> transforms, boolean check) {
        this.name = Objects.requireNonNull(name, "name");
        if (numClasses < 2 || numClasses > MAX_CLASSES) {
            throw new IllegalArgumentException("a dataset has 2 to " + MAX_CLASSES + " classes, got " + numClasses);
        }
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + height + "x" + width);
        }
        int features = height * width;
        if (pixels.length % features != 0) {
            throw new IllegalArgumentException(pixels.length + " pixel values are not a whole number of " + height + "x" + width + " images");
        }
        int n = pixels.length / features;
        if (labels != null) {
            if (labels.length != n) {
                throw new IllegalArgumentException(n + " images but " + labels.length + " labels");
            }
            if (check) {
                for (int i = 0; i < n; i++) {
                    if (labels[i] < 0 || labels[i] >= numClasses) {
                        throw new IllegalArgumentException("label " + labels[i] + " of image " + i + " is outside 0.." + (numClasses - 1));
                    }
                }
            }
        }
        this.height = height;
        this.width = width;
        this.pixels = pixels;
        this.labels = labels;
        this.numClasses = numClasses;
        this.sources = List.copyOf(sources);
        this.transforms = List.copyOf(transforms);
    }

    /** Wraps arrays that no one else holds, without copying or checking. */
    private static Dataset wrap(String name, int height, int width, float[] pixels, int[] labels, int numClasses,
                        List<SourceFile> sources, List<String> transforms) {
        return new Dataset(name, height, width, pixels, labels, numClasses, sources, transforms, false);
    }

    public String name() {
        return name;
    }

    public int size() {
        return pixels.length / numFeatures();
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Pixels per image. */
    public int numFeatures() {
        return height * width;
    }

    /** The classes a model of this data tells apart: labels are 0 to numClasses − 1 (10 for MNIST). */
    public int numClasses() {
        return numClasses;
    }

    /**
     * The same images and labels as a dataset of {@code classes} classes (at least one more than its largest label):
     * a training and a test set read apart get the class count of both.
     */
    public Dataset withNumClasses(int classes) {
        if (classes == numClasses) {
            return this;
        }
        return new Dataset(name, height, width, pixels, labels, classes, sources, transforms, true);
    }

    public boolean isLabelled() {
        return labels != null;
    }

    /** The label of image {@code i}. */
    public int label(int i) {
        requireLabels();
        return labels[i];
    }

    /** A copy of all labels. */
    public int[] labels() {
        requireLabels();
        return labels.clone();
    }

    /** Pixel {@code j} of image {@code i}. */
    public float pixel(int i, int j) {
        return pixels[i * numFeatures() + j];
    }

    /** Copies image {@code i} into {@code dest}, which must have {@link #numFeatures()} elements. */
    public void copyRow(int i, float[] dest) {
        System.arraycopy(pixels, i * numFeatures(), dest, 0, numFeatures());
    }

    /** A copy of image {@code i}. */
    public float[] row(int i) {
        return Arrays.copyOfRange(pixels, i * numFeatures(), (i + 1) * numFeatures());
    }

    /** A new matrix of all images as doubles, one row per image (what most Java ML libraries take). */
    public double[][] toDoubleRows() {
        int n = size();
        int p = numFeatures();
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            double[] r = x[i];
            int off = i * p;
            for (int j = 0; j < p; j++) {
                r[j] = pixels[off + j];
            }
        }
        return x;
    }

    /** A new matrix of all images as floats, one row per image. */
    public float[][] toFloatRows() {
        int n = size();
        float[][] x = new float[n][];
        for (int i = 0; i < n; i++) {
            x[i] = row(i);
        }
        return x;
    }

    /** A copy of all pixels, image after image. */
    public float[] pixels() {
        return pixels.clone();
    }

    /** The files this dataset was read from. */
    public List<SourceFile> sources() {
        return sources;
    }

    /** What was done to it after reading, in order. */
    public List<String> transforms() {
        return transforms;
    }

    /** The images at these indices, in this order, recording {@code description} as a transform. */
    public Dataset subset(int[] indices, String description) {
        int p = numFeatures();
        float[] px = new float[indices.length * p];
        int[] lb = labels == null ? null : new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            if (i < 0 || i >= size()) {
                throw new IndexOutOfBoundsException("index " + i + " outside 0.." + (size() - 1));
            }
            System.arraycopy(pixels, i * p, px, k * p, p);
            if (lb != null) {
                lb[k] = labels[i];
            }
        }
        return wrap(name, height, width, px, lb, numClasses, sources, with(description));
    }

    /** The same images and labels with new pixel values (copied), recording {@code description} as a transform. */
    public Dataset withPixels(float[] newPixels, String description) {
        if (newPixels.length != pixels.length) {
            throw new IllegalArgumentException("pixel count changed: " + pixels.length + " -> " + newPixels.length);
        }
        return wrap(name, height, width, newPixels.clone(), labels, numClasses, sources, with(description));
    }

    private List<String> with(String description) {
        List<String> t = new ArrayList<>(transforms);
        t.add(description);
        return t;
    }

    private void requireLabels() {
        if (labels == null) {
            throw new IllegalStateException("dataset '" + name + "' has no labels");
        }
    }

    @Override
    public String toString() {
        return name + " (" + size() + " images of " + height + "x" + width + (labels == null ? ", unlabelled)" : ")");
    }
}
