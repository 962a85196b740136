package org.digitbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.config.Profile;

import org.junit.jupiter.api.Test;

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
    void iterationsAreFewAndShortSoEvenTheSlowestModelCostsSeconds() {
        InferencePlan full = InferencePlan.of(Profile.FULL, 473, 10_000);
        assertEquals(1, full.batch().warmups());
        assertEquals(5, full.batch().measurements());
        assertEquals(1000, full.batch().iteration().toMillis());
        // 6 iterations of at least one 4.73 s batch, and 6 one-second iterations of single images
        assertEquals(6 * 4.73 + 6, full.estimateSeconds(473, 10_000), 0.01);
        InferencePlan quick = InferencePlan.of(Profile.QUICK, 1, 2_000);
        assertEquals(3, quick.single().measurements());
        assertEquals(250, quick.single().iteration().toMillis());
        assertTrue(quick.estimateSeconds(1, 2_000) <= 2.0, "quick: 4 quarter-second iterations each");
    }
}
