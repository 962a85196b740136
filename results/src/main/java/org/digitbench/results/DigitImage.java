package org.digitbench.results;

import org.digitbench.api.Dataset;

import java.util.Base64;

/**
 * One test image as the report shows it: its pixels scaled to 0..255 (ink = 255), base64-encoded
 * row by row, with its true label and, for a mistake, what a model predicted and how sure it was.
 *
 * @param index      the image's position in the test set
 * @param label      the true label
 * @param predicted  a model's prediction, or {@code null} for a sample image
 * @param confidence the model's probability of its prediction, or {@code null} when it has none
 * @param height     rows
 * @param width      columns
 * @param pixels     base64 of height x width bytes
 */
public record DigitImage(int index, int label, Integer predicted, Double confidence, int height, int width, String pixels) {

    /** Image {@code i} of a dataset, its values stretched from their minimum to their maximum. */
    public static DigitImage of(Dataset data, int i, Integer predicted, Double confidence) {
        float[] row = data.row(i);
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : row) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        byte[] bytes = new byte[row.length];
        float range = max - min;
        for (int j = 0; j < row.length; j++) {
            bytes[j] = (byte) (range > 0 ? Math.round((row[j] - min) / range * 255f) : 0);
        }
        return new DigitImage(i, data.label(i), predicted, confidence, data.height(), data.width(),
                Base64.getEncoder().encodeToString(bytes));
    }

    /**
     * Image {@code i} of a dataset of raw values 0..255, as they are (clipped, not stretched: a brightened image stays
     * bright), recorded as image {@code index} of the test set.
     */
    public static DigitImage raw(Dataset data, int i, int index) {
        float[] row = data.row(i);
        byte[] bytes = new byte[row.length];
        for (int j = 0; j < row.length; j++) {
            bytes[j] = (byte) Math.round(Math.max(0f, Math.min(255f, row[j])));
        }
        return new DigitImage(index, data.label(i), null, null, data.height(), data.width(), Base64.getEncoder().encodeToString(bytes));
    }

    /** The grey values, 0..255. */
    public int[] grey() {
        byte[] bytes = Base64.getDecoder().decode(pixels);
        int[] grey = new int[bytes.length];
        for (int j = 0; j < bytes.length; j++) {
            grey[j] = bytes[j] & 0xff;
        }
        return grey;
    }
}
