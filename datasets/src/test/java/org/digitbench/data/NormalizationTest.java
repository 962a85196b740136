package org.digitbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.Dataset;
import org.digitbench.api.DigitbenchException;

import org.junit.jupiter.api.Test;

import java.util.List;

class NormalizationTest {
    // two 1x3 images
    private final Dataset train = new Dataset("train", 1, 3, new float[]{0, 255, 51, 255, 255, 153}, new int[]{0, 1}, List.of(), List.of());
    private final Dataset test = new Dataset("test", 1, 3, new float[]{255, 0, 0}, new int[]{2}, List.of(), List.of());

    @Test
    void unitAndSymmetric() {
        assertArrayEquals(new float[]{0, 1, 0.2f, 1, 1, 0.6f}, Normalization.UNIT.fit(train).apply(train).pixels(), 1e-6f);
        assertArrayEquals(new float[]{-1, 1, -0.6f, 1, 1, 0.2f}, Normalization.SYMMETRIC.fit(train).apply(train).pixels(), 1e-6f);
    }

    @Test
    void l2GivesUnitNormImagesAndLeavesBlankImagesBlank() {
        Dataset withBlank = new Dataset("b", 1, 2, new float[]{3, 4, 0, 0}, null, List.of(), List.of());
        assertArrayEquals(new float[]{0.6f, 0.8f, 0, 0}, Normalization.L2.fit(withBlank).apply(withBlank).pixels(), 1e-6f);
    }

    @Test
    void zscoreUsesTrainingStatisticsOnly() {
        Normalization.Fitted z = Normalization.ZSCORE.fit(train);
        Dataset t = z.apply(train);
        // pixel 0: mean 127.5, std 127.5 -> -1, 1; pixel 1: constant 255 -> centred only -> 0; pixel 2: mean 102, std 51
        assertArrayEquals(new float[]{-1, 0, -1, 1, 0, 1}, t.pixels(), 1e-6f);
        // the test image is scaled with the training statistics, not its own
        assertArrayEquals(new float[]{1, -255, -2}, z.apply(test).pixels(), 1e-5f);
    }

    @Test
    void recordsTheTransformAndKeepsTheOriginal() {
        Dataset t = Normalization.UNIT.fit(train).apply(train);
        assertEquals(List.of("normalisation unit"), t.transforms());
        assertEquals(255f, train.pixel(0, 1));
        assertArrayEquals(train.labels(), t.labels());
    }

    @Test
    void unknownIdListsTheKnownOnes() {
        var e = assertThrows(DigitbenchException.class, () -> Normalization.of("minmax"));
        assertTrue(e.getMessage().contains("unit, symmetric, l2, zscore"), e.getMessage());
        assertEquals(Normalization.ZSCORE, Normalization.of("ZScore"));
    }
}
