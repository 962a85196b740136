package org.digitbench.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.DigitbenchException;
import org.digitbench.config.Profile;
import org.digitbench.config.RunConfig;
import org.digitbench.data.DataSource;
import org.digitbench.data.Mnist;
import org.digitbench.data.Normalization;
import org.digitbench.testkit.TestData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

class SuiteDataTest {
    @TempDir
    Path dir;

    /** Found trying a CSV test file without nines: the run went through, and macro F1 counted class 9 as an F1 of 0. */
    @Test
    void aClassTrainedOnButNeverTestedIsRefused() throws IOException {
        Path train = TestData.kaggleCsv(dir.resolve("train.csv"), TestData.cycling(100, 10, 28, 28), true);
        Path test = TestData.kaggleCsv(dir.resolve("test.csv"), TestData.cycling(36, 9, 28, 28), true);
        var e = assertThrows(DigitbenchException.class, () -> SuiteData.prepare(config("csv:" + train + "," + test), Optional.empty()));
        assertTrue(e.getMessage().startsWith(test + ": the test set (36 images) has no image of class 9, which the training set "
                + "has 10 of"), e.getMessage());
        Path full = TestData.kaggleCsv(dir.resolve("full.csv"), TestData.cycling(40, 10, 28, 28), true);
        assertEquals(40, SuiteData.prepare(config("csv:" + train + "," + full), Optional.empty()).test().size());
    }

    /** Found handing over a training file without nines: every trial failed with ArrayIndexOutOfBoundsException. */
    @Test
    void aClassTestedButNeverTrainedOnOrASingleClassIsRefusedBeforeAnyTrial() throws IOException {
        Path train = TestData.kaggleCsv(dir.resolve("train.csv"), TestData.cycling(90, 9, 28, 28), true);
        Path test = TestData.kaggleCsv(dir.resolve("test.csv"), TestData.cycling(40, 10, 28, 28), true);
        var e = assertThrows(DigitbenchException.class, () -> SuiteData.prepare(config("csv:" + train + "," + test), Optional.empty()));
        assertTrue(e.getMessage().startsWith(train + ": the training set (90 images) has no image of class 9, which the test set "
                + "has 4 of"), e.getMessage());
        Path one = TestData.kaggleCsv(dir.resolve("one.csv"), TestData.cycling(30, 1, 28, 28), true);
        e = assertThrows(DigitbenchException.class, () -> SuiteData.prepare(config("csv:" + one + "," + one), Optional.empty()));
        assertTrue(e.getMessage().startsWith(one + ": the training set (30 images) has one class only"), e.getMessage());
    }

    @Test
    void aSetWithNoImageIsNamedByItsFile() throws IOException {
        Path folder = java.nio.file.Files.createDirectories(dir.resolve("digits"));
        TestData.idxPair(folder, "train", TestData.cycling(40, 10, 8, 8));
        TestData.write(folder.resolve("t10k-images-idx3-ubyte.gz"), TestData.idxImages(0x803, 0, 8, 8, new byte[0]), true);
        TestData.write(folder.resolve("t10k-labels-idx1-ubyte.gz"), TestData.idxLabels(0x801, 0, new byte[0]), true);
        var e = assertThrows(DigitbenchException.class, () -> SuiteData.prepare(config("idx:" + folder), Optional.empty()));
        assertTrue(e.getMessage().startsWith(folder.resolve("t10k-images-idx3-ubyte.gz").toString())
                && e.getMessage().contains("the test set holds no image"), e.getMessage());
    }

    private RunConfig config(String dataset) {
        return new RunConfig(Profile.FULL, List.of("x"), Map.of(), List.of(1L), new RunConfig.DataChoice(DataSource.parse(dataset, Mnist.locate(null, null), null),
                false, Normalization.UNIT, null, null, false), false, new RunConfig.Output(false, dir, null), List.of("run"));
    }
}
