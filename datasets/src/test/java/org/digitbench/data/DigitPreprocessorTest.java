package org.digitbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.testkit.TestData;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;

class DigitPreprocessorTest {
    /** A black bar on white, 30 wide and 120 tall, in the top left corner of a 400x300 picture. */
    private static BufferedImage bar() {
        return TestData.blackBarOnWhite(400, 300, 10, 20, 30, 120);
    }

    /** The bounding box of an image's ink (pixels above 0) and its centre of mass. */
    private record Ink(int width, int height, double cx, double cy) {
        static Ink of(float[] p, int h, int w) {
            int x0 = w, x1 = -1, y0 = h, y1 = -1;
            double mass = 0, mx = 0, my = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float v = p[y * w + x];
                    if (v > 0) {
                        x0 = Math.min(x0, x);
                        x1 = Math.max(x1, x);
                        y0 = Math.min(y0, y);
                        y1 = Math.max(y1, y);
                    }
                    mass += v;
                    mx += v * x;
                    my += v * y;
                }
            }
            return new Ink(x1 - x0 + 1, y1 - y0 + 1, mx / mass, my / mass);
        }
    }

    @Test
    void darkOnLightIsInvertedCroppedScaledIntoTwentyPixelsAndCentredByMass() throws IOException {
        DigitPreprocessor.Result r = DigitPreprocessor.fromBytes(TestData.png(bar()), "bar.png");
        assertTrue(r.inverted());
        assertEquals(400, r.sourceWidth());
        float[] p = r.pixels();
        assertEquals(784, p.length);
        for (float v : p) {
            assertTrue(v >= 0 && v <= 255);
        }
        Ink ink = Ink.of(p, 28, 28);
        assertEquals(20, ink.height(), "the longer side is 20 pixels");
        assertEquals(5, ink.width(), "the aspect ratio is kept: 30/120 of 20");
        assertEquals(14, ink.cx(), 0.5, "centre of mass x");
        assertEquals(14, ink.cy(), 0.5, "centre of mass y");
        assertEquals(255, p[14 * 28 + 14], 1e-3, "the stroke is full intensity");
        assertEquals(0, p[0]);
    }

    @Test
    void anotherImageSizeGetsTheSameRecipeScaledToIt() throws IOException {
        // a run of 14x21 images: the box is 10x15 (20/28 of each side), the centre of mass where MNIST's would be: (10.4, 6.75)
        DigitPreprocessor.Result r = DigitPreprocessor.fromBytes(TestData.png(bar()), "bar.png", 14, 21);
        assertEquals(14, r.height());
        assertEquals(21, r.width());
        float[] p = r.pixels();
        assertEquals(14 * 21, p.length);
        Ink ink = Ink.of(p, 14, 21);
        assertEquals(10, ink.height(), "the longer side fills the box's height, 20/28 of 14");
        assertEquals(3, ink.width(), "the aspect ratio is kept: 30/120 of 10, rounded, and the area average's edge");
        assertEquals(10.375, ink.cx(), 0.75, "centre of mass x");
        assertEquals(6.75, ink.cy(), 0.75, "centre of mass y");
        assertEquals(784, DigitPreprocessor.fromBytes(TestData.png(bar()), "bar.png").pixels().length, "MNIST's 28x28 by default");
    }

    @Test
    void lightOnDarkIsKeptAndTransparentCountsAsPaper() throws IOException {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB); // transparent, like a cleared canvas
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.fillOval(16, 8, 24, 48);
        g.dispose();
        assertTrue(DigitPreprocessor.fromBytes(TestData.png(img), "canvas.png").inverted(), "black strokes on a transparent canvas");

        BufferedImage dark = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D d = dark.createGraphics();
        d.setColor(Color.WHITE);
        d.fillRect(20, 10, 8, 40);
        d.dispose();
        assertFalse(DigitPreprocessor.fromBytes(TestData.png(dark), "dark.png").inverted());
    }

    @Test
    void badPicturesAreNamedWithWhatWasExpected() throws IOException {
        DataFormatException text = assertThrows(DataFormatException.class,
                () -> DigitPreprocessor.fromBytes("hello".getBytes(), "note.txt"));
        assertEquals("note.txt: not an image; expected a PNG, JPEG, BMP or GIF file", text.getMessage());
        DataFormatException blank = assertThrows(DataFormatException.class,
                () -> DigitPreprocessor.fromBytes(TestData.png(new BufferedImage(30, 30, BufferedImage.TYPE_INT_RGB)), "blank.png"));
        assertTrue(blank.getMessage().startsWith("blank.png: no digit found"), blank.getMessage());
        DataFormatException wide = assertThrows(DataFormatException.class,
                () -> DigitPreprocessor.fromBytes(TestData.png(new BufferedImage(4097, 1, BufferedImage.TYPE_BYTE_GRAY)), "wide.png"));
        assertEquals("wide.png: 4097x1 pixels, more than the 4096x4096 an image may have", wide.getMessage());
        DataFormatException big = assertThrows(DataFormatException.class,
                () -> DigitPreprocessor.fromBytes(new byte[(int) DigitPreprocessor.MAX_BYTES + 1], "big.png"));
        assertTrue(big.getMessage().startsWith("big.png: 10485761 bytes, more than the 10 MB"), big.getMessage());
        byte[] cut = TestData.png(bar());
        DataFormatException truncated = assertThrows(DataFormatException.class,
                () -> DigitPreprocessor.fromBytes(java.util.Arrays.copyOf(cut, cut.length / 2), "cut.png"));
        assertTrue(truncated.getMessage().startsWith("cut.png: "), truncated.getMessage());
    }

    /** Fuzz: random bytes, and PNGs with bytes flipped, end in a 28x28 image or a clean error naming the input. */
    @Property(tries = 200)
    void randomAndMutatedPicturesEndCleanly(@ForAll @Size(max = 300) byte[] random, @ForAll @IntRange(min = 0, max = 5000) int at,
                                           @ForAll byte value) throws IOException {
        for (byte[] bytes : java.util.List.of(random, flip(TestData.png(bar()), at, value))) {
            try {
                DigitPreprocessor.Result r = DigitPreprocessor.fromBytes(bytes, "fuzz.png");
                assertEquals(784, r.pixels().length);
                for (float v : r.pixels()) {
                    assertTrue(v >= 0 && v <= 255);
                }
            } catch (DataFormatException e) {
                assertTrue(e.getMessage().startsWith("fuzz.png: "), e.getMessage());
            }
        }
    }

    @Property(tries = 100)
    void randomPixelsEndCleanly(@ForAll @IntRange(min = 1, max = 60) int w, @ForAll @IntRange(min = 1, max = 60) int h,
                                @ForAll long seed) {
        java.util.Random random = new java.util.Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, random.nextInt());
            }
        }
        try {
            assertEquals(784, DigitPreprocessor.fromImage(img, "noise").pixels().length);
        } catch (DataFormatException e) {
            assertTrue(e.getMessage().startsWith("noise: no digit found"), e.getMessage());
        }
    }

    private static byte[] flip(byte[] bytes, int at, byte value) {
        byte[] b = bytes.clone();
        b[at % b.length] = value;
        return b;
    }
}
