package org.digitbench.data;

import java.awt.geom.AffineTransform;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The corruptions of the robustness suite: MNIST-C's fifteen (Mu and Gilmer 2019, "MNIST-C: A Robustness Benchmark for
 * Computer Vision"), at the severity of its reference implementation's defaults (google-research/mnist-c,
 * corruptions.py), written from their definitions, plus stroke thickness (dilate, erode) and inversion. Each maps a grey
 * image of pixel values in [0, 1] (before the run's normalisation) to another, the same for the same seed. Where one
 * differs from the reference, its description says how; docs/robustness.md has them all.
 */
public enum Corruption {
    SHOT_NOISE("shot-noise", "Poisson noise: each pixel becomes Poisson(3x)/3"),
    IMPULSE_NOISE("impulse-noise", "salt and pepper: 17% of the pixels set to black or white, half each"),
    GLASS_BLUR("glass-blur", "Gaussian blur (sigma 0.7), pixels swapped with a neighbour up to 1 away twice over, blurred again"),
    MOTION_BLUR("motion-blur", "one-sided blur along a random angle in [-45, 45] degrees: radius 10, Gaussian weights of sigma 3"),
    SHEAR("shear", "horizontal shear by 0.4 (x + 0.4y, random sign) about the centre"),
    SCALE("scale", "enlarged 1/0.7 = 1.43 times about the centre"),
    ROTATE("rotate", "rotated 0.4 rad (23 degrees), random sign, about the centre"),
    BRIGHTNESS("brightness", "0.5 added to every pixel (HSV value, which for grey is the pixel), clipped"),
    TRANSLATE("translate", "moved 3 pixels on each axis, random signs"),
    STRIPE("stripe", "columns 0-6 and 21-27 inverted"),
    FOG("fog", "a plasma fractal (decay 1.4) times 3 added, rescaled to the image's range"),
    SPATTER("spatter", "mud spatter: noise (0.65, 0.3) blurred (1), above 0.65, blurred (1.5), mud grey where it reaches 0.8"),
    DOTTED_LINE("dotted-line", "a dotted white line between two random points on opposite edges"),
    ZIGZAG("zigzag", "a white zigzag of four segments across the image"),
    CANNY_EDGES("canny-edges", "Canny's edges of the digit (sigma 1, hysteresis at 10% and 20% of the largest gradient)"),
    DILATE("dilate", "strokes thickened: the largest pixel of each 3x3 neighbourhood"),
    ERODE("erode", "strokes thinned: the smallest pixel of each 3x3 neighbourhood"),
    INVERT("invert", "black and white swapped: 1 - x");

    private final String id;
    private final String description;

    Corruption(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** Its name in results.json and on the command line, e.g. {@code motion-blur}. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Whether it is one of MNIST-C's fifteen (the others are dilate, erode and invert). */
    public boolean mnistC() {
        return ordinal() < DILATE.ordinal();
    }

    /** The corruption named {@code id}, or an {@link IllegalArgumentException} that lists them. */
    public static Corruption of(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id.strip().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown corruption '" + id + "'; expected one of "
                        + String.join(", ", Arrays.stream(values()).map(Corruption::id).toList())));
    }

    /**
     * The corrupted copy of {@code x}, an {@code h}×{@code w} image of values in [0, 1], row by row; {@code seed} draws
     * whatever is random in it (the same seed, the same image).
     */
    public float[] apply(float[] x, int h, int w, long seed) {
        if (x.length != h * w) {
            throw new IllegalArgumentException("an image of " + h + "x" + w + " has " + h * w + " pixels, got " + x.length);
        }
        SplittableRandom rng = new SplittableRandom(seed * 31 + ordinal());
        int sign = rng.nextBoolean() ? 1 : -1;
        return switch (this) {
            case SHOT_NOISE -> map(x, v -> poisson(3 * v, rng) / 3.0);
            case IMPULSE_NOISE -> map(x, v -> rng.nextDouble() < 0.17 ? (rng.nextBoolean() ? 1 : 0) : v);
            case GLASS_BLUR -> glass(x, h, w, rng);
            case MOTION_BLUR -> motion(x, h, w, Math.toRadians(-45 + 90 * rng.nextDouble()));
            case SHEAR -> ImageOps.affine(x, h, w, new AffineTransform(1, 0, 0.4 * sign, 1, 0, 0));
            case SCALE -> ImageOps.affine(x, h, w, AffineTransform.getScaleInstance(1 / 0.7, 1 / 0.7));
            case ROTATE -> ImageOps.affine(x, h, w, AffineTransform.getRotateInstance(0.4 * sign));
            case BRIGHTNESS -> map(x, v -> v + 0.5);
            case TRANSLATE -> ImageOps.shift(x, h, w, 3 * sign, 3 * (rng.nextBoolean() ? 1 : -1));
            case STRIPE -> stripe(x, h, w);
            case FOG -> fog(x, h, w, rng);
            case SPATTER -> spatter(x, h, w, rng);
            case DOTTED_LINE -> dotted(x, h, w, rng);
            case ZIGZAG -> zigzag(x, h, w, rng);
            case CANNY_EDGES -> ImageOps.canny(x, h, w);
            case DILATE -> ImageOps.morphology(x, h, w, true);
            case ERODE -> ImageOps.morphology(x, h, w, false);
            case INVERT -> map(x, v -> 1 - v);
        };
    }

    private static float[] map(float[] x, java.util.function.DoubleUnaryOperator f) {
        float[] y = new float[x.length];
        for (int k = 0; k < x.length; k++) {
            y[k] = ImageOps.clip(f.applyAsDouble(x[k]));
        }
        return y;
    }

    /** Knuth's method, fine for the small means here (at most 3). */
    private static int poisson(double mean, SplittableRandom rng) {
        double limit = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= rng.nextDouble();
        } while (p > limit);
        return k - 1;
    }

    /** MNIST-C's glass blur: blur, then each pixel (from the far corner back) swapped with a random neighbour, twice. */
    private static float[] glass(float[] x, int h, int w, SplittableRandom rng) {
        float[] y = ImageOps.gaussian(x, h, w, 0.7);
        int max = 1;
        for (int iteration = 0; iteration < 2; iteration++) {
            for (int i = h - max - 1; i > max; i--) {
                for (int j = w - max - 1; j > max; j--) {
                    int di = rng.nextInt(-max, max + 1);
                    int dj = rng.nextInt(-max, max + 1);
                    int a = i * w + j;
                    int b = (i + di) * w + j + dj;
                    float t = y[a];
                    y[a] = y[b];
                    y[b] = t;
                }
            }
        }
        return ImageOps.gaussian(y, h, w, 0.7);
    }

    /** Each pixel the Gaussian-weighted mean of the 11 pixels behind it along {@code angle} (itself included). */
    private static float[] motion(float[] x, int h, int w, double angle) {
        int radius = 10;
        double sigma = 3;
        double[] weight = new double[radius + 1];
        double sum = 0;
        for (int k = 0; k <= radius; k++) {
            weight[k] = Math.exp(-k * k / (2 * sigma * sigma));
            sum += weight[k];
        }
        int[] up = new int[radius + 1]; // each step's offset once, not a sine and a cosine per pixel and step
        int[] left = new int[radius + 1];
        for (int k = 0; k <= radius; k++) {
            up[k] = (int) Math.round(k * Math.sin(angle));
            left[k] = (int) Math.round(k * Math.cos(angle));
        }
        float[] y = new float[x.length];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                double v = 0;
                for (int k = 0; k <= radius; k++) {
                    int si = i - up[k];
                    int sj = j - left[k];
                    if (si >= 0 && si < h && sj >= 0 && sj < w) {
                        v += weight[k] * x[si * w + sj];
                    }
                }
                y[i * w + j] = ImageOps.clip(v / sum);
            }
        }
        return y;
    }

    private static float[] stripe(float[] x, int h, int w) {
        float[] y = x.clone();
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                if (j < w / 4 || j >= w - w / 4) { // 0-6 and 21-27 of 28
                    y[i * w + j] = 1 - x[i * w + j];
                }
            }
        }
        return y;
    }

    private static float[] fog(float[] x, int h, int w, SplittableRandom rng) {
        double[][] plasma = CorruptionPatterns.plasma(256, 1.4, rng);
        double max = 0;
        for (float v : x) {
            max = Math.max(max, v);
        }
        float[] y = new float[x.length];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                y[i * w + j] = ImageOps.clip((x[i * w + j] + 3.0 * plasma[i % 256][j % 256]) * max / (max + 3.0));
            }
        }
        return y;
    }

    /** The mud's grey: the luminance (Rec. 601) of ImageNet-C's mud colour (63, 42, 20). */
    static final double MUD = (0.299 * 63 + 0.587 * 42 + 0.114 * 20) / 255;

    private static float[] spatter(float[] x, int h, int w, SplittableRandom rng) {
        float[] m = CorruptionPatterns.mud(h, w, 0.65, 0.3, 1, 0.65, 1.5, rng);
        float[] y = new float[x.length];
        for (int k = 0; k < x.length; k++) {
            y[k] = ImageOps.clip(x[k] * (1 - m[k]) + MUD * m[k]);
        }
        return y;
    }

    private static float[] dotted(float[] x, int h, int w, SplittableRandom rng) {
        float[] y = x.clone();
        if (rng.nextBoolean()) { // from the left edge to the right one
            CorruptionPatterns.line(y, h, w, rng.nextInt(h), 0, rng.nextInt(h), w - 1, 2);
        } else { // from the top to the bottom
            CorruptionPatterns.line(y, h, w, 0, rng.nextInt(w), h - 1, rng.nextInt(w), 2);
        }
        return y;
    }

    private static float[] zigzag(float[] x, int h, int w, SplittableRandom rng) {
        float[] y = x.clone();
        int segments = 4;
        int i = rng.nextInt(h);
        int j = 0;
        for (int s = 1; s <= segments; s++) {
            int nj = s * (w - 1) / segments;
            int ni = rng.nextInt(h);
            CorruptionPatterns.line(y, h, w, i, j, ni, nj, 1);
            i = ni;
            j = nj;
        }
        return y;
    }
}
