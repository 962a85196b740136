package org.digitbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.DigitbenchException;
import org.digitbench.testkit.TestData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** --dataset: what each spelling names, and the datasets it loads (small files written here). */
class DataSourceTest {
    private static final Mnist.Location MNIST = new Mnist.Location(Path.of("m"), "--data-dir", true);

    @TempDir
    Path dir;

    @Test
    void parsesTheThreeKinds() {
        assertEquals(DataSource.mnist(MNIST), DataSource.parse("mnist", MNIST, null));
        DataSource idx = DataSource.parse("idx:some/folder", MNIST, null);
        assertEquals(DataSource.Kind.IDX, idx.kind());
        assertEquals(Path.of("some/folder"), idx.dir());
        assertEquals("idx:some/folder", idx.spec());
        DataSource lone = DataSource.parse("csv:train.csv", MNIST, null);
        assertEquals(Path.of("train.csv"), lone.train());
        assertNull(lone.test());
        assertEquals(DataSource.DEFAULT_TEST_FRACTION, lone.testFraction());
        assertEquals(0.2, DataSource.parse("csv:train.csv", MNIST, 0.2).testFraction());
        DataSource two = DataSource.parse("csv:train.csv,test.csv.gz", MNIST, null);
        assertEquals(Path.of("test.csv.gz"), two.test());
        assertNull(two.testFraction());
        assertEquals("csv:train.csv,test.csv.gz", two.spec());
        // config.json files from before --dataset hold MNIST's folder alone
        assertTrue(new DataSource(null, Path.of("m"), "x", false, null, null, null).isMnist());
    }

    @Test
    void refusesWhatItCannotLoad() {
        for (String bad : new String[]{"fashion", "idx:", "csv:", "csv:a,b,c", "csv:a,", "CSV:a"}) {
            var e = assertThrows(DigitbenchException.class, () -> DataSource.parse(bad, MNIST, null), bad);
            assertTrue(e.getMessage().startsWith("--dataset " + bad + ": expected"), e.getMessage());
        }
        assertTrue(assertThrows(DigitbenchException.class, () -> DataSource.parse("mnist", MNIST, 0.2)).getMessage()
                .contains("--test-fraction is for --dataset csv:TRAIN"));
        assertTrue(assertThrows(DigitbenchException.class, () -> DataSource.parse("csv:a,b", MNIST, 0.2)).getMessage()
                .contains("has a test file"));
        assertTrue(assertThrows(DigitbenchException.class, () -> DataSource.parse("csv:a", MNIST, 1.5)).getMessage()
                .contains("expected a fraction between 0 and 1"));
    }

    @Test
    void anIdxFolderOfAnyContentAndSize() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("tiny-digits"));
        TestData.idxPair(folder, "train", TestData.cycling(40, 10, 8, 6));
        TestData.idxPair(folder, "t10k", TestData.cycling(20, 10, 8, 6));
        Mnist.Split split = DataSource.parse("idx:" + folder, MNIST, null).load(Optional.empty(), 1);
        assertEquals(40, split.train().size());
        assertEquals(20, split.test().size());
        assertEquals(8, split.train().height());
        assertEquals(6, split.train().width());
        assertEquals("tiny-digits-train", split.train().name());
        assertEquals(64, split.train().sources().get(0).sha256().length(), "the checksums are recorded");

        Files.delete(folder.resolve("t10k-labels-idx1-ubyte.gz"));
        var e = assertThrows(DataFormatException.class, () -> DataSource.parse("idx:" + folder, MNIST, null).load(Optional.empty(), 1));
        assertTrue(e.getMessage().contains("missing t10k-labels-idx1-ubyte.gz"), e.getMessage());
        e = assertThrows(DataFormatException.class, () -> DataSource.parse("idx:" + dir.resolve("none"), MNIST, null)
                .load(Optional.empty(), 1));
        assertTrue(e.getMessage().contains("no such folder"), e.getMessage());
    }

    @Test
    void trainingAndTestImagesMustHaveOneSize() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("mixed"));
        TestData.idxPair(folder, "train", TestData.cycling(20, 10, 8, 8));
        TestData.idxPair(folder, "t10k", TestData.cycling(20, 10, 7, 8));
        var e = assertThrows(DataFormatException.class, () -> DataSource.parse("idx:" + folder, MNIST, null).load(Optional.empty(), 1));
        assertTrue(e.getMessage().contains("the training images are 8x8 but the test images 7x8"), e.getMessage());
    }

    @Test
    void csvFilesWithATestFileOrAHeldOutPart() throws IOException {
        Path train = TestData.kaggleCsv(dir.resolve("train.csv"), TestData.cycling(60, 10, 28, 28), true);
        Path test = TestData.kaggleCsv(dir.resolve("test.csv"), TestData.cycling(20, 10, 28, 28), true);
        Mnist.Split two = DataSource.parse("csv:" + train + "," + test, MNIST, null).load(Optional.empty(), 1);
        assertEquals(60, two.train().size());
        assertEquals(20, two.test().size());
        Mnist.Split lone = DataSource.parse("csv:" + train, MNIST, 0.25).load(Optional.empty(), 1);
        assertEquals(15, lone.test().size(), "a stratified quarter held out");
        assertEquals(45, lone.train().size());
        assertEquals(lone.test().labels().length, DataSource.parse("csv:" + train, MNIST, 0.25).load(Optional.empty(), 1).test().size());

        Path unlabelled = TestData.kaggleCsv(dir.resolve("kaggle-test.csv"), TestData.cycling(20, 10, 28, 28), false);
        var e = assertThrows(DataFormatException.class, () -> DataSource.parse("csv:" + train + "," + unlabelled, MNIST, null)
                .load(Optional.empty(), 1));
        assertTrue(e.getMessage().contains("has no labels") && e.getMessage().contains("digitbench predict --run RUN_ID --csv"),
                e.getMessage());
        e = assertThrows(DataFormatException.class, () -> DataSource.parse("csv:" + dir.resolve("gone.csv"), MNIST, null)
                .load(Optional.empty(), 1));
        assertTrue(e.getMessage().contains("gone.csv: no such file"), e.getMessage());
    }
}
