package org.digitbench.data;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.awt.image.WritableRaster;

/**
 * The image operations of the corruptions, on one grey image of pixel values in [0, 1], row by row: geometric maps and
 * convolutions through the JDK's Java2D ({@link AffineTransformOp}, {@link ConvolveOp}) on 8-bit grey images (MNIST's
 * own depth, and MNIST-C's), and the few operations Java2D lacks.
 */
final class ImageOps {
    private ImageOps() {
    }

    static BufferedImage toGray(float[] x, int h, int w) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster r = image.getRaster();
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                r.setSample(j, i, 0, Math.round(255 * clip(x[i * w + j])));
            }
        }
        return image;
    }

    static float[] fromGray(BufferedImage image) {
        int h = image.getHeight();
        int w = image.getWidth();
        float[] x = new float[h * w];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                x[i * w + j] = image.getRaster().getSample(j, i, 0) / 255f;
            }
        }
        return x;
    }

    static float clip(double v) {
        return (float) Math.max(0, Math.min(1, v));
    }

    /**
     * {@code t} applied to the image (bilinear), about its centre when {@code t} is a linear map: Java2D's pixel (j, i)
     * covers [j, j+1) × [i, i+1), so the centre of a 28-pixel image is (14, 14), pixel index 13.5.
     */
    static float[] affine(float[] x, int h, int w, AffineTransform t) {
        AffineTransform about = AffineTransform.getTranslateInstance(w / 2.0, h / 2.0);
        about.concatenate(t);
        about.concatenate(AffineTransform.getTranslateInstance(-w / 2.0, -h / 2.0));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        new AffineTransformOp(about, AffineTransformOp.TYPE_BILINEAR).filter(toGray(x, h, w), out);
        return fromGray(out);
    }

    /** The image shifted by whole pixels, {@code dx} to the right and {@code dy} down; what comes in is black. */
    static float[] shift(float[] x, int h, int w, int dx, int dy) {
        float[] y = new float[x.length];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                int si = i - dy;
                int sj = j - dx;
                if (si >= 0 && si < h && sj >= 0 && sj < w) {
                    y[i * w + j] = x[si * w + sj];
                }
            }
        }
        return y;
    }

    /** The image convolved with {@code kernel} (centred), black beyond its edges. */
    static float[] convolve(float[] x, int h, int w, Kernel kernel) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        new ConvolveOp(kernel, ConvolveOp.EDGE_ZERO_FILL, null).filter(toGray(x, h, w), out);
        return fromGray(out);
    }

    /** A Gaussian blur of standard deviation {@code sigma} pixels (the kernel to 3 sigma each side). */
    static float[] gaussian(float[] x, int h, int w, double sigma) {
        int r = Math.max(1, (int) Math.ceil(3 * sigma));
        int size = 2 * r + 1;
        float[] weights = new float[size * size];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            for (int j = -r; j <= r; j++) {
                double v = Math.exp(-(i * i + j * j) / (2 * sigma * sigma));
                weights[(i + r) * size + j + r] = (float) v;
                sum += v;
            }
        }
        for (int k = 0; k < weights.length; k++) {
            weights[k] /= (float) sum;
        }
        return convolve(x, h, w, new Kernel(size, size, weights));
    }

    /** A 3×3 maximum (grey dilation) or minimum (grey erosion); beyond the edges counts as black. */
    static float[] morphology(float[] x, int h, int w, boolean dilate) {
        float[] y = new float[x.length];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                float v = dilate ? 0 : 1;
                for (int di = -1; di <= 1; di++) {
                    for (int dj = -1; dj <= 1; dj++) {
                        int si = i + di;
                        int sj = j + dj;
                        float s = si >= 0 && si < h && sj >= 0 && sj < w ? x[si * w + sj] : 0;
                        v = dilate ? Math.max(v, s) : Math.min(v, s);
                    }
                }
                y[i * w + j] = v;
            }
        }
        return y;
    }

    /**
     * Canny's edges (Canny 1986, as scikit-image's {@code canny} with its defaults): Gaussian smoothing with sigma 1,
     * Sobel gradients, non-maximum suppression along the gradient's direction, and hysteresis between 10% and 20% of the
     * largest gradient; 1 on an edge, 0 elsewhere.
     */
    static float[] canny(float[] x, int h, int w) {
        float[] s = gaussianFloat(x, h, w, 1.0);
        double[] gx = new double[x.length];
        double[] gy = new double[x.length];
        double[] mag = new double[x.length];
        double max = 0;
        for (int i = 1; i < h - 1; i++) {
            for (int j = 1; j < w - 1; j++) {
                gx[i * w + j] = s[(i - 1) * w + j + 1] + 2 * s[i * w + j + 1] + s[(i + 1) * w + j + 1]
                        - s[(i - 1) * w + j - 1] - 2 * s[i * w + j - 1] - s[(i + 1) * w + j - 1];
                gy[i * w + j] = s[(i + 1) * w + j - 1] + 2 * s[(i + 1) * w + j] + s[(i + 1) * w + j + 1]
                        - s[(i - 1) * w + j - 1] - 2 * s[(i - 1) * w + j] - s[(i - 1) * w + j + 1];
                mag[i * w + j] = Math.hypot(gx[i * w + j], gy[i * w + j]);
                max = Math.max(max, mag[i * w + j]);
            }
        }
        float[] edges = new float[x.length];
        if (max == 0) {
            return edges;
        }
        boolean[] strong = new boolean[x.length];
        boolean[] weak = new boolean[x.length];
        for (int i = 1; i < h - 1; i++) {
            for (int j = 1; j < w - 1; j++) {
                int k = i * w + j;
                double angle = Math.toDegrees(Math.atan2(gy[k], gx[k]));
                angle = angle < 0 ? angle + 180 : angle;
                int di;
                int dj;
                if (angle < 22.5 || angle >= 157.5) {
                    di = 0;
                    dj = 1;
                } else if (angle < 67.5) {
                    di = 1;
                    dj = 1;
                } else if (angle < 112.5) {
                    di = 1;
                    dj = 0;
                } else {
                    di = 1;
                    dj = -1;
                }
                double m = mag[k];
                if (m >= mag[(i + di) * w + j + dj] && m >= mag[(i - di) * w + j - dj] && m > 0) {
                    strong[k] = m >= 0.2 * max;
                    weak[k] = m >= 0.1 * max;
                }
            }
        }
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        for (int k = 0; k < x.length; k++) {
            if (strong[k]) {
                edges[k] = 1;
                queue.add(k);
            }
        }
        while (!queue.isEmpty()) { // weak edges joined to a strong one
            int k = queue.poll();
            int i = k / w;
            int j = k % w;
            for (int di = -1; di <= 1; di++) {
                for (int dj = -1; dj <= 1; dj++) {
                    int si = i + di;
                    int sj = j + dj;
                    if (si >= 0 && si < h && sj >= 0 && sj < w && weak[si * w + sj] && edges[si * w + sj] == 0) {
                        edges[si * w + sj] = 1;
                        queue.add(si * w + sj);
                    }
                }
            }
        }
        return edges;
    }

    /** A Gaussian blur in floating point, for values outside [0, 1] (spatter's noise) and Canny's gradients (8-bit rounding would make them ragged). */
    static float[] gaussianFloat(float[] x, int h, int w, double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        int size = 2 * r + 1;
        double[] g = new double[size * size]; // the kernel once, not an exp per pixel and weight (the same sums, in the same order)
        double norm = 0;
        for (int di = -r; di <= r; di++) {
            for (int dj = -r; dj <= r; dj++) {
                g[(di + r) * size + dj + r] = Math.exp(-(di * di + dj * dj) / (2 * sigma * sigma));
                norm += g[(di + r) * size + dj + r];
            }
        }
        float[] y = new float[x.length];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                double sum = 0;
                for (int di = -r; di <= r; di++) {
                    for (int dj = -r; dj <= r; dj++) {
                        int si = i + di;
                        int sj = j + dj;
                        if (si >= 0 && si < h && sj >= 0 && sj < w) {
                            sum += g[(di + r) * size + dj + r] * x[si * w + sj];
                        }
                    }
                }
                y[i * w + j] = (float) (sum / norm);
            }
        }
        return y;
    }
}
