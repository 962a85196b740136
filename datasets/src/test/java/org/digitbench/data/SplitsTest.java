package org.digitbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.Dataset;
import org.digitbench.api.Splits;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

class SplitsTest {
    /** 1000 1x1 images whose pixel value is their index; class c has 10*(c+1) + ... images. */
    private static Dataset imbalanced() {
        int[] perClass = {50, 150, 100, 100, 100, 100, 100, 100, 100, 100};
        int n = 1000;
        float[] px = new float[n];
        int[] labels = new int[n];
        for (int i = 0, c = 0, k = 0; i < n; i++, k++) {
            if (k == perClass[c]) {
                c++;
                k = 0;
            }
            px[i] = i;
            labels[i] = c;
        }
        return new Dataset("d", 1, 1, px, labels, List.of(), List.of());
    }

    @Test
    void subsetKeepsClassProportions() {
        Dataset s = Splits.stratifiedSubset(imbalanced(), 200, 1);
        assertEquals(200, s.size());
        int[] counts = DatasetSummary.of(s).classCounts();
        assertArrayEquals(new int[]{10, 30, 20, 20, 20, 20, 20, 20, 20, 20}, counts);
        assertTrue(s.transforms().get(0).contains("stratified subset of 200 of 1000 (seed 1)"));
    }

    @Test
    void subsetIsSeededAndSortedAndDistinct() {
        Dataset d = imbalanced();
        Dataset a = Splits.stratifiedSubset(d, 101, 7);
        Dataset b = Splits.stratifiedSubset(d, 101, 7);
        Dataset c = Splits.stratifiedSubset(d, 101, 8);
        assertArrayEquals(a.pixels(), b.pixels());
        assertFalse(java.util.Arrays.equals(a.pixels(), c.pixels()));
        float[] px = a.pixels();
        for (int i = 1; i < px.length; i++) {
            assertTrue(px[i] > px[i - 1], "original order, no repeats");
        }
        assertEquals(101, a.size());
    }

    @Test
    void subsetOfAllIsTheSameSet() {
        Dataset d = imbalanced();
        assertSame(d, Splits.stratifiedSubset(d, 1000, 1));
        assertSame(d, Splits.stratifiedSubset(d, 5000, 1));
        assertThrows(IllegalArgumentException.class, () -> Splits.stratifiedSubset(d, 0, 1));
    }

    @Test
    void splitIsDisjointCompleteAndStratified() {
        Dataset d = imbalanced();
        Splits.Split s = Splits.stratifiedSplit(d, 0.1, 3);
        assertEquals(900, s.train().size());
        assertEquals(100, s.validation().size());
        Set<Float> seen = new HashSet<>();
        for (float v : s.train().pixels()) {
            seen.add(v);
        }
        for (float v : s.validation().pixels()) {
            assertTrue(seen.add(v), "validation image also in training part");
        }
        assertEquals(1000, seen.size());
        assertArrayEquals(new int[]{5, 15, 10, 10, 10, 10, 10, 10, 10, 10}, DatasetSummary.of(s.validation()).classCounts());
        assertThrows(IllegalArgumentException.class, () -> Splits.stratifiedSplit(d, 1.0, 3));
    }

    @Test
    void shuffleIsASeededPermutation() {
        int[] a = java.util.stream.IntStream.range(0, 50).toArray();
        int[] b = a.clone();
        Splits.shuffle(a, new java.util.Random(4));
        Splits.shuffle(b, new java.util.Random(4));
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b, "same seed, same order");
        org.junit.jupiter.api.Assertions.assertFalse(java.util.Arrays.equals(a, java.util.stream.IntStream.range(0, 50).toArray()));
        int[] sorted = a.clone();
        java.util.Arrays.sort(sorted);
        org.junit.jupiter.api.Assertions.assertArrayEquals(java.util.stream.IntStream.range(0, 50).toArray(), sorted, "a permutation");
    }
}
