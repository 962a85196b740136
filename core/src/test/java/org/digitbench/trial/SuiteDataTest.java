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

    private RunConfig config(String dataset) {
        return new RunConfig(Profile.FULL, List.of("x"), Map.of(), List.of(1L), new RunConfig.DataChoice(DataSource.parse(dataset, Mnist.locate(null, null), null),
                false, Normalization.UNIT, null, null, false), false, new RunConfig.Output(false, dir, null), List.of("run"));
    }
}
