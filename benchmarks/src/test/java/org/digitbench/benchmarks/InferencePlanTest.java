package org.digitbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.config.Profile;

import org.junit.jupiter.api.Test;

import java.util.List;

class InferencePlanTest {
    @Test
    void theBatchIsAboutASecondOfWorkWithinTheTestSet() {
        // a decision tree: 10,000 images in 0.02 s -> a second would be 500,000 images: the whole test set
        assertEquals(10_000, InferencePlan.of(Profile.FULL, 0.02, 10_000).batchImages());
        // an MLP: 10,000 in 2 s -> 5,000 images a second
        assertEquals(5_000, InferencePlan.of(Profile.FULL, 2.0, 10_000).batchImages());
        // a kernel SVM: 10,000 in 473 s -> 21 images a second, but at least 100 per batch
        assertEquals(100, InferencePlan.of(Profile.FULL, 473, 10_000).batchImages());
        // a test set smaller than the minimum is used whole
        assertEquals(50, InferencePlan.of(Profile.QUICK, 100, 50).batchImages());
        // quick: a quarter of a second
        assertEquals(1_250, InferencePlan.of(Profile.QUICK, 2.0, 10_000).batchImages());
    }

    @Test
    void tenMeasuredIterationsSoTheMediansIntervalLeavesOutOneOutlierEachSide() {
        InferencePlan full = InferencePlan.of(Profile.FULL, 2.0, 10_000);
        for (InferencePlan.Settings s : List.of(full.batch(), full.sized(), full.single())) {
            assertEquals(1, s.warmups());
            assertEquals(10, s.measurements());
        }
        assertEquals(500, full.batch().iteration().toMillis());
        assertEquals(200, full.sized().iteration().toMillis());
        assertEquals(10_000, full.steady().cap().toMillis());
        assertEquals(0.05, full.steady().tolerance());
        InferencePlan quick = InferencePlan.of(Profile.QUICK, 1, 2_000);
        assertEquals(200, quick.single().iteration().toMillis());
        assertEquals(100, quick.sized().iteration().toMillis());
        assertEquals(2_000, quick.steady().cap().toMillis());
    }

    @Test
    void batchSizesBelowTheBatchAreMeasuredTheOthersSaySoAndWhy() {
        InferencePlan fast = InferencePlan.of(Profile.FULL, 0.05, 10_000);
        assertEquals(List.of(32, 256), fast.sizes());
        assertNull(fast.skipped(256, 10_000, 0.05));
        // a kernel SVM's batch is 100 images: 256 would be 12 s a call
        InferencePlan svm = InferencePlan.of(Profile.FULL, 473, 10_000);
        assertEquals(List.of(32), svm.sizes());
        assertTrue(svm.skipped(256, 10_000, 473).contains("batch of 100 images"), svm.skipped(256, 10_000, 473));
        // a test set of 200 images: 256 cannot be drawn from it
        InferencePlan tiny = InferencePlan.of(Profile.QUICK, 0.01, 200);
        assertEquals(List.of(32), tiny.sizes());
        assertEquals("the test set has 200 images", tiny.skipped(256, 200, 0.01));
    }

    @Test
    void theEstimateCountsEveryBenchmarkAndSlowBatchesWhole() {
        InferencePlan full = InferencePlan.of(Profile.FULL, 473, 10_000);
        // batch of 100 images = 4.73 s a call: 11 iterations + 3 checked warm-up ones (capped at 10 s);
        // 32 images = 1.51 s a call: 11 iterations; one image: 11 half-second iterations + 3 checked
        double expected = 11 * 4.73 + 11 * 0.5 + 11 * 1.5136 + 10 + 1.5;
        assertEquals(expected, full.estimateSeconds(473, 10_000), 0.01);
        InferencePlan quick = InferencePlan.of(Profile.QUICK, 0.2, 1_000);
        // quick: 11 iterations of 0.2 s for the batch and one image, 11 of 0.1 s for 32 and 256, 3 + 3 checked warm-up ones
        assertEquals(11 * 0.2 * 2 + 11 * 0.1 * 2 + 6 * 0.2, quick.estimateSeconds(0.2, 1_000), 1e-9);
    }
}
