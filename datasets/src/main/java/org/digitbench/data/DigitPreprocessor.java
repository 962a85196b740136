package org.digitbench.data;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns a picture of a handwritten digit into an MNIST image, the way MNIST itself was made: grey
 * levels, light writing on a dark background (dark-on-light pictures are inverted), cropped to the
 * digit's bounding box, scaled to fit a 20×20 box keeping the aspect ratio (area averaging), and
 * placed in 28×28 so that its centre of mass is at the centre. Pixel values are raw, 0..255: the
 * model's normalisation comes after. For a run of another image size the same recipe is scaled to it: the
 * box is 20/28 of each side and the centre of mass goes where MNIST's would be at that size (half a pixel
 * of 28 past the middle of each side, as a halved MNIST image has it).
 */
public final class DigitPreprocessor {
    /** Files larger than this are refused before decoding. */
    public static final long MAX_BYTES = 10L << 20;
    /** Pictures wider or taller than this are refused before decoding their pixels. */
    public static final int MAX_SIDE = 4096;
    static final int SIDE = 28;
    static final int BOX = 20;
    /** Below this contrast between writing and background (of 255) there is no digit to see. */
    static final int MIN_CONTRAST = 40;
    /** What counts as writing for the bounding box, after the background is 0 and the strongest stroke 255: MNIST's
     * box holds every pixel with any ink, so only faint noise is left out. */
    static final int INK = 10;

    /** The image (28×28, or the size asked for), and what was done to get it. */
    public record Result(float[] pixels, int sourceWidth, int sourceHeight, boolean inverted, int height, int width) {
        /** A 28×28 image. */
        public Result(float[] pixels, int sourceWidth, int sourceHeight, boolean inverted) {
            this(pixels, sourceWidth, sourceHeight, inverted, SIDE, SIDE);
        }
    }

    /** Why a picture was refused, so that a caller (the web server) can answer each case in its own way. */
    public static final class Rejected extends DataFormatException {
        public enum Reason {
            /** the file could not be read */
            UNREADABLE,
            /** more bytes or pixels than allowed */
            TOO_LARGE,
            /** not a PNG, JPEG, BMP or GIF, or not decodable */
            NOT_AN_IMAGE,
            /** zero width or height */
            EMPTY,
            /** an image, but blank or without contrast */
            NO_DIGIT
        }

        private final Reason reason;

        public Rejected(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private DigitPreprocessor() {
    }

    public static Result fromFile(Path file) {
        return fromFile(file, SIDE, SIDE);
    }

    /** The picture in {@code file} as an image of {@code height}×{@code width}. */
    public static Result fromFile(Path file, int height, int width) {
        if (Files.isDirectory(file)) {
            throw new Rejected(Rejected.Reason.UNREADABLE, file + ": a folder, not an image file");
        }
        if (!Files.exists(file)) {
            throw new Rejected(Rejected.Reason.UNREADABLE, file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            // a device (/dev/zero) never ends and a pipe may never be written: neither is read
            throw new Rejected(Rejected.Reason.UNREADABLE, file + ": not a regular file (a device, pipe or socket); give an image file");
        }
        byte[] bytes;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1); // never more than the limit, whatever the file says its size is
        } catch (IOException e) {
            throw new Rejected(Rejected.Reason.UNREADABLE, file + ": cannot read: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw new Rejected(Rejected.Reason.TOO_LARGE, file + ": more than the " + (MAX_BYTES >> 20) + " MB an image may have");
        }
        return fromBytes(bytes, file.toString(), height, width);
    }

    /**
     * @param name how to name the input in messages
     * @throws DataFormatException when the bytes are not a PNG, JPEG, BMP or GIF image, the image is too large,
     *                             or there is no digit in it
     */
    public static Result fromBytes(byte[] bytes, String name) {
        return fromBytes(bytes, name, SIDE, SIDE);
    }

    /** As {@link #fromBytes(byte[], String)}, to an image of {@code height}×{@code width}. */
    public static Result fromBytes(byte[] bytes, String name, int height, int width) {
        if (bytes.length > MAX_BYTES) {
            throw new Rejected(Rejected.Reason.TOO_LARGE, name + ": " + bytes.length + " bytes, more than the " + (MAX_BYTES >> 20) + " MB an image may have");
        }
        BufferedImage image = decode(bytes, name);
        return fromImage(image, name, height, width);
    }

    private static BufferedImage decode(byte[] bytes, String name) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = in == null ? java.util.Collections.<ImageReader>emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new Rejected(Rejected.Reason.NOT_AN_IMAGE, name + ": not an image; expected a PNG, JPEG, BMP or GIF file");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w > MAX_SIDE || h > MAX_SIDE) {
                    throw new Rejected(Rejected.Reason.TOO_LARGE, name + ": " + w + "x" + h + " pixels, more than the " + MAX_SIDE + "x" + MAX_SIDE
                            + " an image may have");
                }
                if (w < 1 || h < 1) {
                    throw new Rejected(Rejected.Reason.EMPTY, name + ": an empty image (" + w + "x" + h + ")");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Rejected d) {
                throw d;
            }
            // a format the decoder knows but cannot read (cut off, corrupt) is a bad upload, not a wrong type
            throw new Rejected(Rejected.Reason.UNREADABLE, name + ": a damaged or incomplete image (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    public static Result fromImage(BufferedImage image, String name) {
        return fromImage(image, name, SIDE, SIDE);
    }

    /** As {@link #fromImage(BufferedImage, String)}, to an image of {@code height}×{@code width}. */
    public static Result fromImage(BufferedImage image, String name, int height, int width) {
        if (height < 1 || width < 1 || (long) height * width > (long) MAX_SIDE * MAX_SIDE) {
            throw new IllegalArgumentException("image size " + height + "x" + width);
        }
        int w = image.getWidth();
        int h = image.getHeight();
        // grey levels, transparent parts composited over white (a drawing on a transparent canvas)
        double[] grey = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                double a = ((argb >>> 24) & 0xff) / 255.0;
                double lum = 0.299 * ((argb >> 16) & 0xff) + 0.587 * ((argb >> 8) & 0xff) + 0.114 * (argb & 0xff);
                grey[y * w + x] = a * lum + (1 - a) * 255;
            }
        }
        // the background is the most common level: MNIST writes light on dark, so a light background is inverted
        double background = median(grey);
        boolean inverted = background > 127;
        if (inverted) {
            for (int i = 0; i < grey.length; i++) {
                grey[i] = 255 - grey[i];
            }
            background = 255 - background;
        }
        double max = Arrays.stream(grey).max().orElse(0);
        if (max - background < MIN_CONTRAST) {
            throw new Rejected(Rejected.Reason.NO_DIGIT, name + ": no digit found (the image is blank or has too little contrast)");
        }
        // background to 0, strongest stroke to 255
        double scale = 255 / (max - background);
        for (int i = 0; i < grey.length; i++) {
            grey[i] = Math.max(0, Math.min(255, (grey[i] - background) * scale));
        }
        // bounding box of the writing
        int x0 = w, y0 = h, x1 = -1, y1 = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (grey[y * w + x] > INK) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        int bw = x1 - x0 + 1;
        int bh = y1 - y0 + 1;
        BufferedImage crop = new BufferedImage(bw, bh, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < bh; y++) {
            for (int x = 0; x < bw; x++) {
                int v = (int) Math.round(grey[(y + y0) * w + x + x0]);
                crop.getRaster().setSample(x, y, 0, v);
            }
        }
        // into the 20×20 box (for another image size, 20/28 of each side), keeping the aspect ratio
        double boxHeight = Math.max(1, Math.round(height * (double) BOX / SIDE));
        double boxWidth = Math.max(1, Math.round(width * (double) BOX / SIDE));
        double fit = Math.min(boxWidth / bw, boxHeight / bh);
        int sw = Math.max(1, (int) Math.round(bw * fit));
        int sh = Math.max(1, (int) Math.round(bh * fit));
        BufferedImage box = new BufferedImage(sw, sh, BufferedImage.TYPE_BYTE_GRAY);
        Image scaled = crop.getScaledInstance(sw, sh, Image.SCALE_AREA_AVERAGING);
        Graphics2D g = box.createGraphics();
        g.drawImage(scaled, 0, 0, null);
        g.dispose();
        // centre of mass to the centre of 28×28
        double mass = 0, mx = 0, my = 0;
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                int v = box.getRaster().getSample(x, y, 0);
                mass += v;
                mx += v * x;
                my += v * y;
            }
        }
        double cx = mass > 0 ? mx / mass : (sw - 1) / 2.0;
        double cy = mass > 0 ? my / mass : (sh - 1) / 2.0;
        // MNIST's centres of mass average (14.0, 14.0) in pixel coordinates (2,000 test images: 14.00, 13.99)
        // at another size, the same place scaled: pixel centres at index + 0.5, so (14 + 0.5) / 28 of each side
        int dx = (int) Math.round((SIDE / 2.0 + 0.5) * width / SIDE - 0.5 - cx);
        int dy = (int) Math.round((SIDE / 2.0 + 0.5) * height / SIDE - 0.5 - cy);
        float[] pixels = new float[height * width];
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                int tx = x + dx;
                int ty = y + dy;
                if (tx >= 0 && tx < width && ty >= 0 && ty < height) {
                    pixels[ty * width + tx] = box.getRaster().getSample(x, y, 0);
                }
            }
        }
        return new Result(pixels, w, h, inverted, height, width);
    }

    /** The median grey level, to the nearest level, from a histogram: no sorted copy of a 16-megapixel picture. */
    private static double median(double[] grey) {
        int[] histogram = new int[256];
        for (double v : grey) {
            histogram[(int) Math.round(v)]++;
        }
        int half = grey.length / 2;
        int seen = 0;
        for (int level = 0; level < 256; level++) {
            seen += histogram[level];
            if (seen > half) {
                return level;
            }
        }
        return 255;
    }
}
