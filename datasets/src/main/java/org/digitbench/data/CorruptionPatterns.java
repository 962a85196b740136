package org.digitbench.data;

import java.util.SplittableRandom;

/** The generated patterns some corruptions add: the plasma fractal of fog, the mud of spatter, lines across the digit. */
final class CorruptionPatterns {
    private CorruptionPatterns() {
    }

    /**
     * A plasma fractal by the diamond-square algorithm, as ImageNet-C's and MNIST-C's {@code plasma_fractal}: a square
     * map of {@code size} (a power of two), each finer scale's random displacement {@code decay} times smaller than the
     * last, scaled to [0, 1].
     */
    static double[][] plasma(int size, double decay, SplittableRandom rng) {
        double[][] map = new double[size][size];
        int step = size;
        double wibble = 100;
        while (step >= 2) {
            int half = step / 2;
            for (int i = 0; i < size; i += step) { // squares: the centre of each square from its four corners
                for (int j = 0; j < size; j += step) {
                    double sum = map[i][j] + map[(i + step) % size][j] + map[i][(j + step) % size]
                            + map[(i + step) % size][(j + step) % size];
                    map[i + half][j + half] = sum / 4 + wibble * (2 * rng.nextDouble() - 1);
                }
            }
            for (int i = 0; i < size; i += step) { // diamonds: the midpoints of the edges from their four neighbours
                for (int j = 0; j < size; j += step) {
                    double top = map[i][j] + map[i][(j + step) % size] + map[i + half][j + half]
                            + map[(i - half + size) % size][j + half];
                    map[i][j + half] = top / 4 + wibble * (2 * rng.nextDouble() - 1);
                    double left = map[i][j] + map[(i + step) % size][j] + map[i + half][j + half]
                            + map[i + half][(j - half + size) % size];
                    map[i + half][j] = left / 4 + wibble * (2 * rng.nextDouble() - 1);
                }
            }
            step = half;
            wibble /= decay;
        }
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double[] row : map) {
            for (double v : row) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        for (double[] row : map) {
            for (int j = 0; j < size; j++) {
                row[j] = max > min ? (row[j] - min) / (max - min) : 0;
            }
        }
        return map;
    }

    /**
     * Mud spatter, ImageNet-C's {@code spatter} in its mud mode with MNIST-C's parameters: a liquid layer of Gaussian
     * noise (mean {@code loc}, sd {@code scale}) blurred with {@code sigma}, the pixels above {@code threshold} blurred
     * again with {@code sigma2}, and where that mask reaches 0.8 the image takes the mud's grey.
     *
     * @return the mask, 0 where the image stays and up to 1 where mud covers it
     */
    static float[] mud(int h, int w, double loc, double scale, double sigma, double threshold, double sigma2,
                       SplittableRandom rng) {
        float[] liquid = new float[h * w];
        for (int k = 0; k < liquid.length; k++) {
            liquid[k] = (float) (loc + scale * gaussian(rng));
        }
        float[] smooth = ImageOps.gaussianFloat(liquid, h, w, sigma);
        float[] above = new float[h * w];
        for (int k = 0; k < above.length; k++) {
            above[k] = smooth[k] > threshold ? 1 : 0;
        }
        float[] m = ImageOps.gaussianFloat(above, h, w, sigma2);
        for (int k = 0; k < m.length; k++) {
            m[k] = m[k] < 0.8f ? 0 : m[k];
        }
        return m;
    }

    private static double gaussian(SplittableRandom rng) { // Box-Muller
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /**
     * Sets to 1 the pixels of the straight line from (i0, j0) to (i1, j1) (Bresenham), every {@code every}-th of them
     * (1: a solid line, 2: a dotted one).
     */
    static void line(float[] x, int h, int w, int i0, int j0, int i1, int j1, int every) {
        int di = Math.abs(i1 - i0);
        int dj = Math.abs(j1 - j0);
        int si = i0 < i1 ? 1 : -1;
        int sj = j0 < j1 ? 1 : -1;
        int err = dj - di;
        int i = i0;
        int j = j0;
        for (int n = 0; ; n++) {
            if (n % every == 0 && i >= 0 && i < h && j >= 0 && j < w) {
                x[i * w + j] = 1;
            }
            if (i == i1 && j == j1) {
                break;
            }
            int e2 = 2 * err;
            if (e2 > -di) {
                err -= di;
                j += sj;
            }
            if (e2 < dj) {
                err += dj;
                i += si;
            }
        }
    }
}
