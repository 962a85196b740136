package org.digitbench.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.testkit.TestData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Data errors name the file and what it is (the second hardening round, groups 8 and 9). */
class DataFilesTest {
    @TempDir
    Path dir;

    private static void assertRefused(String expected, Runnable read) {
        DataFormatException e = assertThrows(DataFormatException.class, read::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private Path idxFolder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("digits"));
        TestData.idxPair(folder, "train", TestData.cycling(40, 10, 8, 8));
        TestData.idxPair(folder, "t10k", TestData.cycling(20, 10, 8, 8));
        return folder;
    }

    @Test
    void anImageFileThatIsAFolderOrADeviceIsCalledSoNotMissing() throws Exception {
        Path folder = idxFolder();
        Path images = folder.resolve("train-images-idx3-ubyte.gz");
        Files.delete(images);
        Files.createDirectory(images);
        assertRefused(images + ": is a folder, not a data file", () -> Mnist.loadIdx(folder));
        Files.delete(images);
        Files.createSymbolicLink(images, Path.of("/dev/zero"));
        assertRefused(images + ": is a symbolic link to a device or a pipe (/dev/zero)", () -> Mnist.loadIdx(folder));
    }

    @Test
    void aFifoIsCalledSo() throws Exception {
        Path folder = idxFolder();
        Path images = folder.resolve("train-images-idx3-ubyte.gz");
        Files.delete(images);
        Process mkfifo = new ProcessBuilder("mkfifo", images.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available here");
        assertRefused(images + ": is a device or a pipe, not a data file", () -> Mnist.loadIdx(folder));
    }

    @Test
    void aCsvThatIsADeviceIsRefusedBeforeItIsRead() {
        assertRefused("/dev/zero: is a device or a pipe, not a regular file", () -> new CsvReader(28, 28).read(Path.of("/dev/zero"), "x"));
    }

    /** A small gzip that inflates far past the data its header describes is refused without inflating the rest. */
    @Test
    void whatFollowsTheDataIsNotReadToTheEnd() throws Exception {
        Path file = dir.resolve("bomb-images-idx3-ubyte.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(TestData.idxImages(0x803, 1, 1, 1, new byte[] {7}));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
        }
        assertTrue(Files.size(file) < 1_000_000, "a small file");
        assertRefused(file + ": more than " + IdxReader.EXTRA_COUNTED + " unexpected bytes after the data the header describes",
                () -> IdxReader.readImages(file));
    }

    /** gzip and raw side by side: which one is read is said, not left to guess. */
    @Test
    void aFileThereTwiceSaysWhichIsRead() throws Exception {
        Path folder = idxFolder();
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), Mnist.shadowed(folder));
        Files.write(folder.resolve("t10k-labels-idx1-ubyte"), TestData.idxLabels(0x801, 1, new byte[] {3}));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(folder + " holds t10k-labels-idx1-ubyte.gz and "
                + "t10k-labels-idx1-ubyte: t10k-labels-idx1-ubyte.gz is read, t10k-labels-idx1-ubyte is not (remove the one you "
                + "do not mean)"), Mnist.shadowed(folder));
    }
}
