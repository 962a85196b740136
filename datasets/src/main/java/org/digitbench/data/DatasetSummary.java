package org.digitbench.data;

import org.digitbench.api.Dataset;

import java.util.Locale;

/**
 * What a dataset holds: image count and size, images per class, the pixel value range, and how many
 * values are not finite numbers.
 *
 * @param name          the dataset's name
 * @param size          number of images
 * @param height        image height
 * @param width         image width
 * @param classCounts   images per digit, or {@code null} for unlabelled data
 * @param min           smallest finite pixel value
 * @param max           largest finite pixel value
 * @param mean          mean of the finite pixel values
 * @param invalidValues number of NaN or infinite pixel values
 */
public record DatasetSummary(String name, int size, int height, int width, int[] classCounts,
                             double min, double max, double mean, long invalidValues) {

    public static DatasetSummary of(Dataset data) {
        float[] px = data.pixels();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        long finite = 0;
        long invalid = 0;
        for (float v : px) {
            if (Float.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
                finite++;
            } else {
                invalid++;
            }
        }
        int[] counts = null;
        if (data.isLabelled()) {
            counts = new int[data.numClasses()];
            for (int i = 0; i < data.size(); i++) {
                counts[data.label(i)]++;
            }
        }
        return new DatasetSummary(data.name(), data.size(), data.height(), data.width(), counts,
                finite == 0 ? Double.NaN : min, finite == 0 ? Double.NaN : max,
                finite == 0 ? Double.NaN : sum / finite, invalid);
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** A few lines for the terminal. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %d images of %dx%d, pixel values %s..%s (mean %s), %d invalid%n",
                name, size, height, width, number(min), number(max), number(mean), invalidValues));
        if (classCounts != null) {
            sb.append("  per class:");
            for (int c = 0; c < classCounts.length; c++) {
                sb.append(' ').append(c).append('=').append(classCounts[c]);
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }
}
