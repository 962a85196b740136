package org.digitbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.Dataset;

import org.junit.jupiter.api.Test;

import java.util.List;

class DatasetSummaryTest {
    @Test
    void countsRangeAndInvalidValues() {
        Dataset d = new Dataset("d", 1, 2, new float[]{0, 10, Float.NaN, 4, 2, Float.POSITIVE_INFINITY}, new int[]{3, 3, 9},
                List.of(), List.of());
        DatasetSummary s = DatasetSummary.of(d);
        assertArrayEquals(new int[]{0, 0, 0, 2, 0, 0, 0, 0, 0, 1}, s.classCounts());
        assertEquals(0, s.min());
        assertEquals(10, s.max());
        assertEquals(4, s.mean(), 1e-9);
        assertEquals(2, s.invalidValues());
        assertTrue(s.format().contains("2 invalid"), s.format());
        assertNull(DatasetSummary.of(new Dataset("u", 1, 1, new float[]{1}, null, List.of(), List.of())).classCounts());
    }

    @Test
    void datasetRejectsInconsistentInput() {
        assertThrows(IllegalArgumentException.class, () -> new Dataset("d", 1, 2, new float[3], null, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Dataset("d", 1, 1, new float[2], new int[1], List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Dataset("d", 1, 1, new float[1], new int[]{10}, List.of(), List.of()));
    }
}
