package org.digitbench.data;

import org.digitbench.api.Dataset;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads MNIST in the Kaggle CSV layout (raw or gzip): {@code label,pixel0,...,pixel783} for labelled
 * data and {@code pixel0,...,pixel783} for unlabelled data, with or without a header row. Pixel
 * values must be numbers in 0..255 and labels digits 0..9.
 */
public final class CsvReader {
    private final int height;
    private final int width;

    /** A reader for 28x28 images. */
    public CsvReader() {
        this(28, 28);
    }

    /** A reader for images of the given size. */
    public CsvReader(int height, int width) {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + height + "x" + width);
        }
        this.height = height;
        this.width = width;
    }

    /**
     * Reads a file. It is labelled when its header's first column is {@code label} or, without a
     * header, when rows have one value more than an image has pixels.
     */
    public Dataset read(Path file, String name) {
        int pixelsPerImage = height * width;
        try (HashingInput in = HashingInput.open(file);
             Reader reader = withoutByteOrderMark(new InputStreamReader(in.stream(), StandardCharsets.UTF_8));
             // empty lines are records too, skipped below, so that a record's number is its line's
             CSVParser parser = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(false).get().parse(reader)) {
            try {
                return parse(file, name, in, parser, pixelsPerImage);
            } catch (DataFormatException e) {
                // what looks like a bad row may be a corrupt gzip stream read so far: say that instead
                try {
                    in.stream().transferTo(java.io.OutputStream.nullOutputStream());
                } catch (IOException | UncheckedIOException broken) {
                    throw new DataFormatException(file + ": " + HashingInput.describe(broken instanceof UncheckedIOException u
                            ? u.getCause() : (IOException) broken), broken);
                }
                throw e;
            }
        } catch (UncheckedIOException e) {
            throw new DataFormatException(file + ": " + HashingInput.describe(e.getCause()), e);
        } catch (IOException e) {
            throw new DataFormatException(file + ": " + HashingInput.describe(e), e);
        } catch (IllegalStateException e) {
            // commons-csv reports malformed quoting this way
            throw new DataFormatException(file + ": malformed CSV: " + e.getMessage(), e);
        }
    }

    /** A UTF-8 byte-order mark (as spreadsheet programs write) is not part of the first value. */
    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        java.io.PushbackReader r = new java.io.PushbackReader(reader, 1);
        int c = r.read();
        if (c != -1 && c != '\uFEFF') {
            r.unread(c);
        }
        return r;
    }

    private Dataset parse(Path file, String name, HashingInput in, CSVParser parser, int pixelsPerImage) {
        {
            float[] pixels = new float[pixelsPerImage * 1024];
            int[] labels = new int[1024];
            int n = 0;
            Boolean labelled = null;
            boolean first = true;
            for (CSVRecord rec : parser) {
                long line = rec.getRecordNumber();
                if (rec.size() == 1 && rec.get(0).isEmpty()) {
                    continue; // an empty line
                }
                if (first) {
                    first = false;
                    if (rec.size() > 0 && !looksNumeric(rec.get(0))) {
                        labelled = rec.get(0).equalsIgnoreCase("label");
                        int expected = pixelsPerImage + (labelled ? 1 : 0);
                        if (rec.size() != expected) {
                            throw new DataFormatException(file + ": the header has " + rec.size() + " columns, expected "
                                    + expected + " (" + (labelled ? "label + " : "") + pixelsPerImage + " pixels)");
                        }
                        continue;
                    }
                }
                if (labelled == null) {
                    if (rec.size() == pixelsPerImage + 1) {
                        labelled = true;
                    } else if (rec.size() == pixelsPerImage) {
                        labelled = false;
                    } else {
                        throw new DataFormatException(file + ": line " + line + " has " + rec.size() + " values, expected "
                                + (pixelsPerImage + 1) + " (label + " + pixelsPerImage + " pixels) or "
                                + pixelsPerImage + " (pixels only)");
                    }
                }
                int offset = labelled ? 1 : 0;
                if (rec.size() != pixelsPerImage + offset) {
                    throw new DataFormatException(file + ": line " + line + " has " + rec.size() + " values, expected "
                            + (pixelsPerImage + offset) + " like the rows before it");
                }
                if (n == labels.length) {
                    labels = Arrays.copyOf(labels, n * 2);
                    pixels = Arrays.copyOf(pixels, n * 2 * pixelsPerImage);
                }
                if (labelled) {
                    double label = number(rec.get(0), file, line, "label");
                    if (label != Math.rint(label) || label < 0 || label >= Dataset.MAX_CLASSES) {
                        throw new DataFormatException(file + ": line " + line + ": label '" + rec.get(0) + "' is not a class label "
                                + "(a whole number from 0 to " + (Dataset.MAX_CLASSES - 1) + ")");
                    }
                    labels[n] = (int) label;
                }
                int base = n * pixelsPerImage;
                for (int j = 0; j < pixelsPerImage; j++) {
                    double v = number(rec.get(j + offset), file, line, "pixel" + j);
                    if (!(v >= 0 && v <= 255)) {
                        throw new DataFormatException(file + ": line " + line + ", column pixel" + j + ": value "
                                + rec.get(j + offset) + " is outside the pixel range 0..255");
                    }
                    if (v != Math.rint(v)) {
                        throw new DataFormatException(file + ": line " + line + ", column pixel" + j + ": value "
                                + rec.get(j + offset) + " is not a whole number; pixels are integers 0..255");
                    }
                    pixels[base + j] = (float) v;
                }
                n++;
            }
            if (n == 0) {
                throw new DataFormatException(file + ": no data rows");
            }
            int[] read = Boolean.TRUE.equals(labelled) ? Arrays.copyOf(labels, n) : null;
            return new Dataset(name, height, width, Arrays.copyOf(pixels, n * pixelsPerImage), read,
                    read == null ? Dataset.NUM_CLASSES : IdxReader.classCount(read), List.of(in.source()), List.of());
        }
    }

    private static boolean looksNumeric(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double number(String s, Path file, long line, String column) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new DataFormatException(file + ": line " + line + ", column " + column + ": '" + s + "' is not a number");
        }
    }
}
