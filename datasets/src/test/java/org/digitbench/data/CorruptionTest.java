package org.digitbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each corruption's definition, pinned on a synthetic 28x28 digit: a white bar 12 rows by 6 columns in the middle. */
class CorruptionTest {
    private static final int H = 28;
    private static final int W = 28;

    /** Rows 8-19, columns 11-16: centre of mass (13.5, 13.5), the image's centre. */
    private static float[] bar() {
        float[] x = new float[H * W];
        for (int i = 8; i < 20; i++) {
            for (int j = 11; j < 17; j++) {
                x[i * W + j] = 1;
            }
        }
        return x;
    }

    private static double mass(float[] x) {
        double m = 0;
        for (float v : x) {
            m += v;
        }
        return m;
    }

    /** Centre of mass: {row, column}. */
    private static double[] centre(float[] x) {
        double m = mass(x);
        double ci = 0;
        double cj = 0;
        for (int i = 0; i < H; i++) {
            for (int j = 0; j < W; j++) {
                ci += i * x[i * W + j];
                cj += j * x[i * W + j];
            }
        }
        return new double[]{ci / m, cj / m};
    }

    private static int count(float[] x, float value) {
        int n = 0;
        for (float v : x) {
            n += v == value ? 1 : 0;
        }
        return n;
    }

    /**
     * The Gaussian blur in floating point (spatter's mud, Canny's smoothing) computes its kernel once: it gives the very
     * floats of the definition, a weight computed for every pixel and every neighbour, summed in the same order.
     */
    @Test
    void theFloatBlurIsItsDefinitionToTheBit() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        float[] noise = new float[H * W];
        for (int k = 0; k < noise.length; k++) {
            noise[k] = (float) (0.65 + 0.3 * rng.nextGaussian());
        }
        for (double sigma : new double[]{0.7, 1, 1.5}) {
            for (float[] x : new float[][]{bar(), noise}) {
                assertArrayEquals(blurByDefinition(x, sigma), ImageOps.gaussianFloat(x, H, W, sigma), "sigma " + sigma);
            }
        }
    }

    private static float[] blurByDefinition(float[] x, double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        float[] y = new float[x.length];
        for (int i = 0; i < H; i++) {
            for (int j = 0; j < W; j++) {
                double sum = 0;
                double norm = 0;
                for (int di = -r; di <= r; di++) {
                    for (int dj = -r; dj <= r; dj++) {
                        double g = Math.exp(-(di * di + dj * dj) / (2 * sigma * sigma));
                        norm += g;
                        int si = i + di;
                        int sj = j + dj;
                        if (si >= 0 && si < H && sj >= 0 && sj < W) {
                            sum += g * x[si * W + sj];
                        }
                    }
                }
                y[i * W + j] = (float) (sum / norm);
            }
        }
        return y;
    }

    @Test
    void everyCorruptionIsRepeatableForItsSeedAndStaysAnImage() {
        for (Corruption c : Corruption.values()) {
            float[] a = c.apply(bar(), H, W, 42);
            assertArrayEquals(a, c.apply(bar(), H, W, 42), c.id() + ": the same seed, the same image");
            assertEquals(H * W, a.length);
            for (float v : a) {
                assertTrue(v >= 0 && v <= 1, c.id() + " made " + v);
            }
            assertFalse(java.util.Arrays.equals(a, bar()), c.id() + " changed nothing");
            assertEquals(c, Corruption.of(c.id()));
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Corruption.of("blur")).getMessage().contains("motion-blur"));
        assertThrows(IllegalArgumentException.class, () -> Corruption.SHEAR.apply(new float[10], H, W, 1));
        int differ = 0;
        for (long seed = 0; seed < 8; seed++) {
            differ += java.util.Arrays.equals(Corruption.ROTATE.apply(bar(), H, W, seed), Corruption.ROTATE.apply(bar(), H, W, 0)) ? 0 : 1;
        }
        assertTrue(differ > 0, "the seed draws the rotation's sign");
    }

    @Test
    void geometricCorruptionsMoveInkAsDefined() {
        double[] c0 = centre(bar());
        for (long seed = 0; seed < 6; seed++) {
            double[] c = centre(Corruption.TRANSLATE.apply(bar(), H, W, seed));
            assertEquals(3, Math.abs(c[0] - c0[0]), 1e-9, "translate: 3 pixels down or up");
            assertEquals(3, Math.abs(c[1] - c0[1]), 1e-9, "and 3 left or right");
            float[] rotated = Corruption.ROTATE.apply(bar(), H, W, seed);
            assertEquals(mass(bar()), mass(rotated), 0.1 * mass(bar()), "rotate keeps the ink");
            assertEquals(c0[0], centre(rotated)[0], 0.5, "about the centre");
            float[] sheared = Corruption.SHEAR.apply(bar(), H, W, seed);
            assertEquals(mass(bar()), mass(sheared), 0.1 * mass(bar()), "shear keeps the ink");
            assertEquals(c0[1], centre(sheared)[1], 0.5, "about the centre");
        }
        float[] scaled = Corruption.SCALE.apply(bar(), H, W, 1);
        assertEquals(mass(bar()) / (0.7 * 0.7), mass(scaled), 0.15 * mass(bar()) / 0.49, "scale: the area grows by 1/0.7 squared");
        float[] bar = bar();
        float[] moved = Corruption.MOTION_BLUR.apply(bar, H, W, 3);
        assertEquals(mass(bar), mass(moved), 0.1 * mass(bar), "motion blur spreads the ink without losing it");
        assertTrue(count(moved, 0) < count(bar, 0), "over more pixels");
    }

    @Test
    void pixelwiseCorruptionsAreExact() {
        float[] x = bar();
        x[0] = 0.3f;
        float[] bright = Corruption.BRIGHTNESS.apply(x, H, W, 1);
        assertEquals(0.8f, bright[0], 1e-6);
        assertEquals(1f, bright[8 * W + 11], "clipped at white");
        assertEquals(0.5f, bright[W - 1], 1e-6);
        float[] inverted = Corruption.INVERT.apply(x, H, W, 1);
        for (int k = 0; k < x.length; k++) {
            assertEquals(1 - x[k], inverted[k], 1e-6);
        }
        float[] striped = Corruption.STRIPE.apply(bar(), H, W, 1);
        for (int i = 0; i < H; i++) {
            for (int j = 0; j < W; j++) {
                float v = bar()[i * W + j];
                assertEquals(j <= 6 || j >= 21 ? 1 - v : v, striped[i * W + j], "stripe at column " + j);
            }
        }
    }

    @Test
    void noiseIsOfItsDistribution() {
        float[] shot = Corruption.SHOT_NOISE.apply(bar(), H, W, 5);
        for (int k = 0; k < shot.length; k++) {
            if (bar()[k] == 0) {
                assertEquals(0, shot[k], "Poisson(0) is 0");
            } else {
                assertEquals(0, Math.abs(shot[k] * 3 - Math.round(shot[k] * 3)), 1e-5, "Poisson(3)/3, clipped: a third's multiple");
            }
        }
        float[] black = new float[H * W];
        int white = count(Corruption.IMPULSE_NOISE.apply(black, H, W, 9), 1f);
        assertTrue(white > 0.05 * H * W && white < 0.12 * H * W, "salt on 8.5% of a black image, got " + white);
        float[] glass = Corruption.GLASS_BLUR.apply(bar(), H, W, 2);
        assertEquals(mass(bar()), mass(glass), 0.15 * mass(bar()), "glass blur moves ink, keeps it");
    }

    @Test
    void patternsAddWhatTheySay() {
        float[] fog = Corruption.FOG.apply(bar(), H, W, 4);
        assertTrue(count(fog, 0f) < H * W / 2, "fog greys the background");
        float[] dotted = Corruption.DOTTED_LINE.apply(new float[H * W], H, W, 6);
        int dots = count(dotted, 1f);
        assertTrue(dots >= 14 && dots <= 28, "every other pixel of a line across: " + dots);
        assertEquals(H * W - dots, count(dotted, 0f), "only white dots added");
        float[] zigzag = Corruption.ZIGZAG.apply(new float[H * W], H, W, 6);
        boolean left = false;
        boolean right = false;
        for (int i = 0; i < H; i++) {
            left |= zigzag[i * W] == 1;
            right |= zigzag[i * W + W - 1] == 1;
        }
        assertTrue(left && right && count(zigzag, 1f) >= W, "a zigzag from edge to edge");
        float[] spatter = Corruption.SPATTER.apply(bar(), H, W, 8);
        boolean mud = false;
        for (int k = 0; k < spatter.length; k++) {
            mud |= bar()[k] == 0 && spatter[k] > 0.05;
        }
        assertTrue(mud, "mud lands on the background");
    }

    @Test
    void edgesAndStrokeThickness() {
        float[] edges = Corruption.CANNY_EDGES.apply(bar(), H, W, 1);
        assertEquals(H * W, count(edges, 0f) + count(edges, 1f), "edges are 0 or 1");
        assertTrue(count(edges, 1f) > 10, "the bar has edges");
        for (int i = 0; i < H; i++) {
            for (int j = 0; j < W; j++) {
                boolean nearBorder = i >= 6 && i <= 21 && j >= 9 && j <= 18 && !(i >= 10 && i <= 17 && j >= 13 && j <= 14);
                if (edges[i * W + j] == 1) {
                    assertTrue(nearBorder, "an edge far from the bar's border at " + i + "," + j);
                }
            }
        }
        float[] thick = Corruption.DILATE.apply(bar(), H, W, 1);
        assertEquals(14 * 8, count(thick, 1f), "one pixel more on every side");
        assertEquals(10 * 4, count(Corruption.ERODE.apply(bar(), H, W, 1), 1f), "one pixel less");
        assertArrayEquals(bar(), Corruption.ERODE.apply(thick, H, W, 1), "erosion undoes dilation of a rectangle");
    }
}
