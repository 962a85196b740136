package org.digitbench.results.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.digitbench.api.EpochStats;
import org.junit.jupiter.api.Test;

class TimeToAccuracyTest {
    private static EpochStats epoch(int n, Double validation, double seconds) {
        return new EpochStats(n, 0.1, 0.99, 0.1, validation, seconds);
    }

    @Test
    void theFirstEpochAtTheTargetCountsWithTheTrainingBeforeIt() {
        List<EpochStats> history = List.of(epoch(1, 0.95, 3.0), epoch(2, 0.971, 2.5), epoch(3, 0.969, 2.5), epoch(4, 0.98, 2.0));
        List<TimeToAccuracy.Reached> r = TimeToAccuracy.of(history, List.of(0.97, 0.98, 0.99));
        assertEquals(new TimeToAccuracy.Reached(0.97, 2, 5.5), r.get(0));
        assertEquals(new TimeToAccuracy.Reached(0.98, 4, 10.0), r.get(1), "the dip at epoch 3 does not undo epoch 2, nor count");
        assertFalse(r.get(2).reached());
        assertEquals(List.of(), TimeToAccuracy.of(List.of(epoch(1, null, 1.0)), List.of(0.97)), "no validation split: nothing");
        assertEquals(List.of(), TimeToAccuracy.of(List.of(), List.of(0.97)));
    }

    @Test
    void targetsFromTheCommandLine() {
        assertEquals(List.of(0.9, 0.95), TimeToAccuracy.parse("0.9, 0.95"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TimeToAccuracy.parse("97")).getMessage()
                .contains("97 is not an accuracy between 0 and 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TimeToAccuracy.parse("0.9,x")).getMessage()
                .contains("'x' is not a number"));
    }
}
