package org.digitbench.data;

import static org.digitbench.testkit.TestData.idxImages;
import static org.digitbench.testkit.TestData.idxLabels;
import static org.digitbench.testkit.TestData.pixelBytes;
import static org.digitbench.testkit.TestData.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.Dataset;
import org.digitbench.testkit.TestData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

class IdxReaderTest {
    @TempDir
    Path dir;

    private final byte[] labels = {3, 1, 4, 1, 5};

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readsRawAndGzipAndHashesTheDecompressedContent(boolean gzip) throws IOException {
        byte[] images = idxImages(IdxReader.IMAGES_MAGIC, 5, 4, 3, pixelBytes(5, 4, 3));
        Path img = write(dir.resolve("img"), images, gzip);
        Path lab = write(dir.resolve("lab"), idxLabels(IdxReader.LABELS_MAGIC, 5, labels), gzip);
        Dataset d = IdxReader.read(img, lab, "t");
        assertEquals(5, d.size());
        assertEquals(4, d.height());
        assertEquals(3, d.width());
        assertArrayEquals(new int[]{3, 1, 4, 1, 5}, d.labels());
        assertEquals(7f, d.pixel(0, 1));
        assertEquals((float) ((13 * 7) % 256), d.pixel(1, 1));
        assertEquals(TestData.sha256(images), d.sources().get(0).sha256());
        assertEquals(images.length, d.sources().get(0).bytes());
    }

    @Test
    void wrongMagicNumber() throws IOException {
        Path img = write(dir.resolve("img"), idxImages(0x00000802, 5, 4, 3, pixelBytes(5, 4, 3)), false);
        var e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(img));
        assertTrue(e.getMessage().contains("wrong magic number 0x00000802, expected 0x00000803"), e.getMessage());
    }

    @Test
    void swappedFilesAreNamedAsSuch() throws IOException {
        Path lab = write(dir.resolve("lab"), idxLabels(IdxReader.LABELS_MAGIC, 5, labels), false);
        var e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(lab));
        assertTrue(e.getMessage().contains("are images and labels swapped?"), e.getMessage());
    }

    @Test
    void truncatedHeader() throws IOException {
        Path img = write(dir.resolve("img"), Arrays.copyOf(idxImages(IdxReader.IMAGES_MAGIC, 5, 4, 3, new byte[0]), 9), false);
        var e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(img));
        assertTrue(e.getMessage().contains("truncated: the file ends inside the header"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void truncatedPixels(boolean gzip) throws IOException {
        byte[] full = idxImages(IdxReader.IMAGES_MAGIC, 5, 4, 3, pixelBytes(5, 4, 3));
        Path img = write(dir.resolve("img"), Arrays.copyOf(full, full.length - 10), gzip);
        var e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(img));
        assertTrue(e.getMessage().contains("truncated: the header promises 60 pixel bytes but the file has 50"), e.getMessage());
    }

    @Test
    void truncatedGzipStream() throws IOException {
        Path full = write(dir.resolve("full.gz"), idxImages(IdxReader.IMAGES_MAGIC, 50, 28, 28, pixelBytes(50, 28, 28)), true);
        byte[] gz = Files.readAllBytes(full);
        Path img = Files.write(dir.resolve("img.gz"), Arrays.copyOf(gz, gz.length / 2));
        var e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(img));
        assertTrue(e.getMessage().startsWith(img + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("corrupt gzip"), e.getMessage());
    }

    @Test
    void corruptGzipData() throws IOException {
        Path full = write(dir.resolve("full.gz"), idxImages(IdxReader.IMAGES_MAGIC, 50, 28, 28, pixelBytes(50, 28, 28)), true);
        byte[] gz = Files.readAllBytes(full);
        for (int i = 20; i < gz.length - 8; i += 3) {
            gz[i] ^= 0x5a;
        }
        Path img = Files.write(dir.resolve("img.gz"), gz);
        var e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(img));
        assertTrue(e.getMessage().contains("corrupt gzip data") || e.getMessage().contains("truncated")
                || e.getMessage().contains("magic"), e.getMessage());
    }

    @Test
    void trailingBytes() throws IOException {
        byte[] full = idxImages(IdxReader.IMAGES_MAGIC, 5, 4, 3, pixelBytes(5, 4, 3));
        Path img = write(dir.resolve("img"), Arrays.copyOf(full, full.length + 4), false);
        var e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(img));
        assertTrue(e.getMessage().contains("4 unexpected bytes after the data"), e.getMessage());
    }

    @Test
    void implausibleHeaderDoesNotAllocate() throws IOException {
        Path img = write(dir.resolve("img"), idxImages(IdxReader.IMAGES_MAGIC, 2_000_000_000, 28, 28, new byte[0]), false);
        var e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(img));
        assertTrue(e.getMessage().contains("implausible header"), e.getMessage());
    }

    /** Found by ReaderFuzzTest: dimensions whose product wraps around a long once passed the size check. */
    @Test
    void headerWhoseSizeOverflowsALongIsImplausible() throws IOException {
        Path img = write(dir.resolve("img"), idxImages(IdxReader.IMAGES_MAGIC, Integer.MAX_VALUE, Integer.MAX_VALUE,
                Integer.MAX_VALUE, new byte[0]), false);
        var e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(img));
        assertTrue(e.getMessage().contains("implausible header"), e.getMessage());
        Path wrap = write(dir.resolve("wrap"), idxImages(IdxReader.IMAGES_MAGIC, 1 << 30, 1 << 30, 16, new byte[0]), false);
        assertTrue(assertThrows(DataFormatException.class, () -> IdxReader.readImages(wrap)).getMessage().contains("implausible header"));
    }

    @Test
    void imageLabelCountMismatch() throws IOException {
        Path img = write(dir.resolve("img"), idxImages(IdxReader.IMAGES_MAGIC, 5, 4, 3, pixelBytes(5, 4, 3)), false);
        Path lab = write(dir.resolve("lab"), idxLabels(IdxReader.LABELS_MAGIC, 4, Arrays.copyOf(labels, 4)), false);
        var e = assertThrows(DataFormatException.class, () -> IdxReader.read(img, lab, "t"));
        assertEquals("image/label count mismatch: " + img + " has 5 images but " + lab + " has 4 labels", e.getMessage());
    }

    @Test
    void theLabelsGiveTheClassCount() throws IOException {
        // labels are bytes: 12 is a thirteenth class, not an error (a descriptor's class names bound them: DatasetDescriptorTest)
        Path img = write(dir.resolve("img"), idxImages(IdxReader.IMAGES_MAGIC, 3, 4, 3, pixelBytes(3, 4, 3)), false);
        Path lab = write(dir.resolve("lab"), idxLabels(IdxReader.LABELS_MAGIC, 3, new byte[]{1, 12, (byte) 200}), false);
        assertEquals(201, IdxReader.read(img, lab, "t").numClasses());
        Path two = write(dir.resolve("lab2"), idxLabels(IdxReader.LABELS_MAGIC, 3, new byte[]{0, 0, 0}), false);
        assertEquals(2, IdxReader.read(img, two, "t").numClasses(), "at least two classes");
    }

    @Test
    void missingFileAndDirectory() {
        var e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(dir.resolve("nope")));
        assertEquals(dir.resolve("nope") + ": file not found", e.getMessage());
        var d = assertThrows(DataFormatException.class, () -> IdxReader.readImages(dir));
        assertTrue(d.getMessage().contains("is a directory"), d.getMessage());
    }
}
