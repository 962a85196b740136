package org.digitbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;

class RobustnessTest {
    private static final int[] TRUTH = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

    @Test
    void meanDropAndWorstByHand() {
        int[] examples = {0, 3};
        // 8 of 10 right, then 5 of 10, then 10 of 10
        var noise = Robustness.corrupted("shot-noise", TRUTH, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 0, 0}, examples);
        var blur = Robustness.corrupted("motion-blur", TRUTH, new int[] {0, 0, 0, 3, 0, 5, 0, 7, 8, 0}, examples);
        var shear = Robustness.corrupted("shear", TRUTH, TRUTH.clone(), examples);
        assertEquals(0.8, noise.accuracy(), 1e-12);
        assertArrayEquals(new int[] {0, 3}, blur.examples(), "what it said of the examples, in order");
        assertEquals(Statistics.wilson(5, 10, 0.95), blur.ci95());
        int[] clean = {0, 1, 2, 3, 4, 5, 6, 7, 8, 0}; // 9 of 10
        Robustness r = Robustness.of("default", TRUTH, clean, List.of(noise, blur, shear), null);
        assertEquals(0.9, r.cleanAccuracy(), 1e-12);
        assertEquals((0.8 + 0.5 + 1.0) / 3, r.meanAccuracy(), 1e-12, "the unweighted mean of the corruptions' accuracies");
        assertEquals(0.9 - (0.8 + 0.5 + 1.0) / 3, r.drop(), 1e-12);
        assertEquals("motion-blur", r.worst());
        assertEquals(10, r.images());
        assertTrue(r.complete());
        assertEquals(blur, r.of("motion-blur"));
        assertNull(r.of("fog"));
    }

    @Test
    void anEvaluationThatStoppedKeepsWhatItHadAndSaysWhy() {
        var noise = Robustness.corrupted("shot-noise", TRUTH, TRUTH.clone(), new int[0]);
        Robustness r = Robustness.of("all", TRUTH, TRUTH.clone(), List.of(noise), "fog: OutOfMemoryError");
        assertFalse(r.complete());
        assertEquals(1.0, r.meanAccuracy(), 1e-12);
        Robustness none = Robustness.of("all", TRUTH, TRUTH.clone(), List.of(), "shot-noise: boom");
        assertNull(none.meanAccuracy(), "no corruption evaluated: no mean");
        assertNull(none.worst());
        assertNull(Robustness.failed("the JVM crashed").cleanAccuracy());
    }
}
