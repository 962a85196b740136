package org.digitbench.data;

import static org.digitbench.testkit.TestData.idxImages;
import static org.digitbench.testkit.TestData.idxLabels;
import static org.digitbench.testkit.TestData.pixelBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.testkit.TestData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

class MnistTest {
    @TempDir
    Path dir;

    @Test
    void locationPrecedence() {
        assertEquals(new Mnist.Location(Path.of("opt"), "--data-dir", true), Mnist.locate(Path.of("opt"), "env"));
        assertEquals(Path.of("env"), Mnist.locate(null, "env").dir());
        assertTrue(Mnist.locate(null, "env").explicit());
        assertEquals(Mnist.DEFAULT_DIR, Mnist.locate(null, null).dir());
        assertEquals(Mnist.DEFAULT_DIR, Mnist.locate(null, " ").dir());
        assertFalse(Mnist.locate(null, null).explicit());
    }

    @Test
    void missingExplicitDirectoryIsAnErrorNotADownload() {
        Path missing = dir.resolve("nowhere");
        var e = assertThrows(DataFormatException.class,
                () -> Mnist.load(new Mnist.Location(missing, "--data-dir", true), Optional.empty()));
        assertTrue(e.getMessage().startsWith("data directory '" + missing + "' (from --data-dir) does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz"), e.getMessage());
    }

    @Test
    void missingFilesWithoutDownloadingNameTheFiles() {
        var e = assertThrows(DataFormatException.class, () -> Mnist.load(new Mnist.Location(dir, "test", true), Optional.empty()));
        assertTrue(e.getMessage().contains("MNIST file(s) missing in '" + dir + "': train-images-idx3-ubyte.gz, "
                + "train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz"), e.getMessage());
    }

    @Test
    void aValidIdxFileThatIsNotMnistFailsTheChecksum() throws IOException {
        for (Mnist.File f : Mnist.File.values()) {
            boolean images = f.baseName.contains("images");
            byte[] content = images ? idxImages(IdxReader.IMAGES_MAGIC, 3, 28, 28, pixelBytes(3, 28, 28))
                    : idxLabels(IdxReader.LABELS_MAGIC, 3, new byte[]{1, 2, 3});
            TestData.write(dir.resolve(f.gzName()), content, true);
        }
        var e = assertThrows(DataFormatException.class, () -> Mnist.load(new Mnist.Location(dir, "test", true), Optional.empty()));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz: SHA-256 of the decompressed content is"), e.getMessage());
        assertTrue(e.getMessage().contains("the file is corrupt or not MNIST"), e.getMessage());
    }

    @Test
    void findsRawAndKaggleSpellings() throws IOException {
        TestData.write(dir.resolve("train-images.idx3-ubyte"), new byte[]{1}, false);
        TestData.write(dir.resolve("train-labels-idx1-ubyte"), new byte[]{1}, false);
        assertEquals(dir.resolve("train-images.idx3-ubyte"), Mnist.find(dir, Mnist.File.TRAIN_IMAGES).orElseThrow());
        assertEquals(dir.resolve("train-labels-idx1-ubyte"), Mnist.find(dir, Mnist.File.TRAIN_LABELS).orElseThrow());
        assertTrue(Mnist.find(dir, Mnist.File.TEST_LABELS).isEmpty());
    }
}
