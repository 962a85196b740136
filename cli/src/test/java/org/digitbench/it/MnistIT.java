package org.digitbench.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.digitbench.api.Dataset;
import org.digitbench.data.DatasetSummary;
import org.digitbench.data.Mnist;
import org.digitbench.data.Normalization;
import org.digitbench.api.Splits;
import org.junit.jupiter.api.Test;

class MnistIT {
    @Test
    void theRealSplit() {
        Mnist.Split s = RealMnist.load();
        assertEquals(60_000, s.train().size());
        assertEquals(10_000, s.test().size());
        DatasetSummary train = DatasetSummary.of(s.train());
        assertArrayEquals(new int[]{5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949}, train.classCounts());
        assertArrayEquals(new int[]{980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, DatasetSummary.of(s.test()).classCounts());
        assertEquals(0, train.min());
        assertEquals(255, train.max());
        assertEquals(0, train.invalidValues());
        assertEquals(Mnist.File.TRAIN_IMAGES.sha256, s.train().sources().get(0).sha256());
        assertEquals(47_040_016, s.train().sources().get(0).bytes());
    }

    @Test
    void subsetsAndNormalisationOnRealData() {
        Dataset sub = Splits.stratifiedSubset(RealMnist.load().train(), 6000, 42);
        int[] counts = DatasetSummary.of(sub).classCounts();
        // 10% of every class, give or take rounding
        int[] full = {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949};
        for (int c = 0; c < 10; c++) {
            assertEquals(full[c] / 10.0, counts[c], 1.0);
        }
        DatasetSummary unit = DatasetSummary.of(Normalization.UNIT.fit(sub).apply(sub));
        assertEquals(0, unit.min());
        assertEquals(1, unit.max(), 1e-6);
    }

    @Test
    void sizesLargerThanTheDataAreRefusedNotCut(@org.junit.jupiter.api.io.TempDir java.nio.file.Path out) {
        String data = RealMnist.location().dir().toString();
        var r = org.digitbench.cli.CliRun.of("run", "--no-timing", "--data-dir", data, "-o", out.toString(), "-m", "smile-decision-tree",
                "--train-size", "70000");
        assertEquals(1, r.code(), r.err());
        org.junit.jupiter.api.Assertions.assertTrue(r.err().contains("--train-size 70000: the training set has only 60000 images"), r.err());
        r = org.digitbench.cli.CliRun.of("run", "--no-timing", "--data-dir", data, "-o", out.toString(), "-m", "smile-decision-tree",
                "--train-size", "100", "--test-size", "20000");
        assertEquals(1, r.code(), r.err());
        org.junit.jupiter.api.Assertions.assertTrue(r.err().contains("--test-size 20000: the test set has only 10000 images"), r.err());
    }
}
