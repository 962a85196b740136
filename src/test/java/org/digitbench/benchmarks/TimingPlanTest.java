package org.digitbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.digitbench.run.Profile;
import org.junit.jupiter.api.Test;

class TimingPlanTest {
    @Test
    void quickIsOneForkAndThreeMeasurements() {
        TimingPlan short_ = TimingPlan.of(Profile.QUICK, 2, 0.1);
        assertEquals(new TimingPlan.Settings(1, 1, 3, null), short_.training());
        assertEquals(new TimingPlan.Settings(1, 1, 3, Duration.ofSeconds(1)), short_.batch());
        assertEquals(new TimingPlan.Settings(1, 1, 3, Duration.ofSeconds(1)), short_.single());
        assertEquals(new TimingPlan.Settings(1, 0, 3, null), TimingPlan.of(Profile.QUICK, 90, 1).training());
    }

    @Test
    void fullMeasuresShortTrainingsMoreAndLongOnesAtLeastThreeTimes() {
        assertEquals(new TimingPlan.Settings(2, 2, 5, null), TimingPlan.of(Profile.FULL, 9.9, 0.1).training());
        assertEquals(new TimingPlan.Settings(1, 1, 3, null), TimingPlan.of(Profile.FULL, 10, 0.1).training());
        assertEquals(new TimingPlan.Settings(1, 0, 3, null), TimingPlan.of(Profile.FULL, 1800, 0.1).training());
        Duration two = Duration.ofSeconds(2);
        assertEquals(new TimingPlan.Settings(2, 3, 5, two), TimingPlan.of(Profile.FULL, 1, 0.5).batch());
        assertEquals(new TimingPlan.Settings(1, 1, 3, two), TimingPlan.of(Profile.FULL, 1, 13).batch());
        assertEquals(new TimingPlan.Settings(1, 0, 3, two), TimingPlan.of(Profile.FULL, 1, 490).batch());
        assertEquals(new TimingPlan.Settings(1, 2, 5, two), TimingPlan.of(Profile.FULL, 1, 490).single());
        assertNull(TimingPlan.of(Profile.FULL, 1, 1).training().iteration());
    }

    @Test
    void estimateCountsEveryIterationAndFork() {
        // full, a 1,800 s training on 54,000 images, 14 s to predict: 3 trainings + warm-up on 1,000 images + fork start,
        // batch 1 × (1 + 3) × 14 s + start, single 1 × (2 + 5) × 2 s + start
        TimingPlan plan = TimingPlan.of(Profile.FULL, 1800, 14);
        double expected = 3 * 1800 + (5 + 1800 * 1000.0 / 54_000) + (4 * 14 + 5) + (7 * 2 + 5);
        assertEquals(expected, plan.estimateSeconds(1800, 14, 54_000), 1e-9);
        assertTrue(TimingPlan.of(Profile.QUICK, 1, 0.01).estimateSeconds(1, 0.01, 4000) < 30);
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new TimingPlan.Settings(0, 0, 3, null));
        assertThrows(IllegalArgumentException.class, () -> new TimingPlan.Settings(1, -1, 3, null));
        assertThrows(IllegalArgumentException.class, () -> new TimingPlan.Settings(1, 0, 0, null));
        assertEquals("2 forks × (2 warm-up + 5 measurement) single shots", new TimingPlan.Settings(2, 2, 5, null).toString());
    }

    @Test
    void jmhDoesNotCutALongTrainingShort() {
        assertEquals(600, TimingPass.iterationTimeout(2).getTime());
        assertEquals(4 * 1800 + 60, TimingPass.iterationTimeout(1800).getTime());
    }
}
