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
        // a network: 10,000 in 5.26 s -> 1,901 images a second, rounded down to 1,000: 5.5 s gives the same batch
        assertEquals(1_000, InferencePlan.of(Profile.FULL, 5.26, 10_000).batchImages());
        assertEquals(1_000, InferencePlan.of(Profile.FULL, 5.5, 10_000).batchImages());
        // a kernel SVM: 10,000 in 473 s -> 21 images a second, but at least 100 per batch
        assertEquals(100, InferencePlan.of(Profile.FULL, 473, 10_000).batchImages());
        // a test set smaller than the minimum is used whole
        assertEquals(50, InferencePlan.of(Profile.QUICK, 100, 50).batchImages());
        // quick: a tenth of a second: 500 images
        assertEquals(500, InferencePlan.of(Profile.QUICK, 2.0, 10_000).batchImages());
    }

    @Test
    void twentyMeasuredIterationsSoTheMediansIntervalLeavesOutFiveEachSide() {
        InferencePlan full = InferencePlan.of(Profile.FULL, 2.0, 10_000);
        for (InferencePlan.Settings s : List.of(full.batch(), full.sized(), full.single())) {
            assertEquals(1, s.warmups());
            assertEquals(20, s.measurements());
        }
        org.digitbench.eval.MedianInterval mi = org.digitbench.eval.MedianInterval.of(
                java.util.stream.IntStream.rangeClosed(1, 20).asDoubleStream().toArray(), 0.95);
        assertEquals(6.0, mi.low());
        assertEquals(15.0, mi.high());
        assertEquals(250, full.batch().iteration().toMillis());
        assertEquals(100, full.sized().iteration().toMillis());
        assertEquals(10_000, full.steady().cap().toMillis());
        assertEquals(0.05, full.steady().tolerance());
        InferencePlan quick = InferencePlan.of(Profile.QUICK, 1, 2_000);
        assertEquals(25, quick.single().iteration().toMillis());
        assertEquals(15, quick.sized().iteration().toMillis());
        assertEquals(1_000, quick.steady().cap().toMillis());
    }

    /** A first measurement of 20 iterations and one warm-up, each iteration lasting {@code seconds}. */
    private static org.digitbench.results.Measurement first(List<Double> scores, List<Double> gc, double seconds) {
        return new org.digitbench.results.Measurement("InferenceBenchmark.batch", "avgt", "ms/op",
                new org.digitbench.results.Measurement.Estimate(500, 100.0, 400.0, 600.0, scores.size(), scores, java.util.Map.of(),
                        new org.digitbench.results.Measurement.Profile(1e9, 1.0, gc)),
                new org.digitbench.results.Measurement.Iterations(0, 1, scores.size(), "0.25 s"), 0.2, 0.3, "jmh/x.json",
                seconds * (scores.size() + 1));
    }

    /**
     * tribuo-xgboost's batch in the reference run: one call of about 0.47 s an iteration, and a pause of 150-270 ms in
     * every other one, which are the slow ones. Measured again: iterations of four pauses' interval (3.8 s), capped at
     * 2 s, ten of them. A stable figure, or one the collector did not slow, is not measured again.
     */
    @Test
    void aFigureTheCollectorMadeUnstableIsMeasuredAgainWithIterationsThatHoldSeveralPauses() {
        List<Double> scores = new java.util.ArrayList<>();
        List<Double> gc = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            scores.add(i % 2 == 0 ? 560.0 + i : 340.0 + i);
            gc.add(i % 2 == 0 ? 250.0 : 0.0);
        }
        InferencePlan full = InferencePlan.of(Profile.FULL, 2.0, 10_000);
        InferencePlan.Settings again = full.remeasure(first(scores, gc, 0.47));
        assertEquals(new InferencePlan.Settings(1, 10, java.time.Duration.ofSeconds(2)), again);
        // quick: capped at a tenth of a second; iterations of 0.025 s with a pause in every other one -> 0.2 s, so 0.1 s;
        // of 0.01 s -> 0.08 s, under the cap
        InferencePlan quick = InferencePlan.of(Profile.QUICK, 2.0, 10_000);
        assertEquals(java.time.Duration.ofMillis(100), quick.remeasure(first(scores, gc, 0.025)).iteration());
        assertEquals(java.time.Duration.ofMillis(80), quick.remeasure(first(scores, gc, 0.01)).iteration());
        // a cap no longer than 1.5 iterations of the first: measuring again would not help
        assertNull(quick.remeasure(first(scores, gc, 0.2)));
        // the slow iterations are not the collector's
        List<Double> elsewhere = new java.util.ArrayList<>(gc);
        java.util.Collections.rotate(elsewhere, 1);
        assertNull(full.remeasure(first(scores, elsewhere, 0.47)));
        // stable iterations
        List<Double> steady = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            steady.add(i % 2 == 0 ? 502.0 : 498.0);
        }
        assertNull(full.remeasure(first(steady, gc, 0.47)));
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
        // batch of 100 images = 4.73 s a call: 21 iterations + 3 checked warm-up ones (capped at 10 s);
        // 32 images = 1.51 s a call: 21 iterations; one image: 21 quarter-second iterations + 3 checked
        double expected = 21 * 4.73 + 21 * 0.25 + 21 * 1.5136 + 10 + 0.75;
        assertEquals(expected, full.estimateSeconds(473, 10_000), 0.01);
        InferencePlan quick = InferencePlan.of(Profile.QUICK, 0.2, 1_000);
        // quick, 0.2 ms an image: a batch of 500 images a call (0.1 s, longer than an iteration of 0.025 s), 21 times;
        // one image 21 × 0.025 s; 32 images 21 × 0.015 s; 256 images (51.2 ms) 21 times; 3 + 3 checked warm-up iterations
        assertEquals(21 * 0.1 + 21 * 0.025 + 21 * 0.015 + 21 * 0.0512 + 3 * 0.1 + 3 * 0.025, quick.estimateSeconds(0.2, 1_000), 1e-9);
    }

    @Test
    void theReferenceRunsPaceSizesTheBatchUnlessThisMachineIsSeveralTimesFasterOrSlower() {
        java.util.OptionalDouble reference = java.util.OptionalDouble.of(0.1);
        assertEquals(0.1, InferencePlan.batchPace(0.12, reference), "near the reference: its pace, whatever this run measured");
        assertEquals(0.1, InferencePlan.batchPace(0.07, reference));
        assertEquals(0.5, InferencePlan.batchPace(0.5, reference), "five times slower: the measured pace");
        assertEquals(0.02, InferencePlan.batchPace(0.02, reference), "five times faster: the measured pace");
        assertEquals(0.12, InferencePlan.batchPace(0.12, java.util.OptionalDouble.empty()));
        // two runs whose measured paces straddle a rounding boundary benchmark the same batch
        assertEquals(InferencePlan.of(Profile.QUICK, InferencePlan.batchPace(0.19, reference), 1_000).batchImages(),
                InferencePlan.of(Profile.QUICK, InferencePlan.batchPace(0.21, reference), 1_000).batchImages());
    }

    /** A model that fails when predicted again keeps the evaluation's pace: its benchmarks then fail and say why. */
    @Test
    void aModelThatFailsWhileItsPaceIsMeasuredKeepsTheEvaluationsPace() {
        org.digitbench.api.Dataset test = new org.digitbench.api.Dataset("t", 2, 2, new float[4 * 10], new int[10], List.of(), List.of());
        org.digitbench.api.TrainedModel worn = new org.digitbench.api.TrainedModel() {
            @Override
            public int predict(float[] image) {
                throw new IllegalStateException("worn out");
            }

            @Override
            public void save(java.nio.file.Path file) {
            }
        };
        assertEquals(0.3, InferencePlan.modelPace(worn, test, 0.3, java.util.OptionalDouble.empty()));
        assertEquals(0.2, InferencePlan.modelPace(worn, test, 0.3, java.util.OptionalDouble.of(0.02)), 1e-12,
                "the reference's pace, 0.02 s an image for 10 images, still sizes it");
    }

    @Test
    void aFastEvaluationIsTimedAgainWarmToSizeTheBatch() {
        int[] calls = {0};
        assertEquals(2.0, InferencePlan.pace(2.0, () -> {
            calls[0]++;
            return 1.0;
        }), "a second or more: the evaluation's time, no more predictions");
        assertEquals(0, calls[0]);
        java.util.Iterator<Double> warm = List.of(0.2, 0.1, 0.15, 0.01).iterator();
        assertEquals(0.1, InferencePlan.pace(0.3, warm::next), "the fastest of three warm predictions");
        assertEquals(0.01, warm.next(), "no fourth");
        java.util.Iterator<Double> slow = List.of(0.6, 0.7, 0.01).iterator();
        assertEquals(0.6, InferencePlan.pace(0.9, slow::next), "no third once they took a second");
        assertEquals(0.01, slow.next());
        // the cold evaluation said 500 images a tenth of a second; warm, the whole quick test set
        assertEquals(500, InferencePlan.of(Profile.QUICK, 0.2, 1_000).batchImages());
        assertEquals(1_000, InferencePlan.of(Profile.QUICK, InferencePlan.pace(0.2, () -> 0.08), 1_000).batchImages());
    }

    @Test
    void batchesAreRoundedDownToOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(1, InferencePlan.roundDown(1));
        assertEquals(2, InferencePlan.roundDown(4));
        assertEquals(5, InferencePlan.roundDown(9));
        assertEquals(10, InferencePlan.roundDown(19));
        assertEquals(200, InferencePlan.roundDown(480));
        assertEquals(500, InferencePlan.roundDown(999));
        assertEquals(1_000, InferencePlan.roundDown(1_733));
        assertEquals(2_000_000_000, InferencePlan.roundDown(Integer.MAX_VALUE));
    }
}
