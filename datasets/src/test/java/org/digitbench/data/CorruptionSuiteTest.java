package org.digitbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.Dataset;
import org.digitbench.testkit.TestData;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

class CorruptionSuiteTest {
    /** Raw test images, 0..255, as a run's test set is before its normalisation: 20 of each of the 10 classes. */
    private static Dataset rawTest() {
        Dataset unit = TestData.synthetic(20, 3);
        float[] px = unit.pixels();
        for (int i = 0; i < px.length; i++) {
            px[i] = Math.round(px[i] * 255);
        }
        return unit.withPixels(px, "raw");
    }

    @Test
    void theSuitesHoldMnistCsFifteenAndAllEighteen() {
        assertEquals(15, CorruptionSuite.Choice.DEFAULT.corruptions().size());
        assertTrue(CorruptionSuite.Choice.DEFAULT.corruptions().stream().allMatch(Corruption::mnistC));
        assertEquals(List.of(Corruption.values()), CorruptionSuite.Choice.ALL.corruptions());
        assertEquals(List.of(), CorruptionSuite.Choice.NONE.corruptions());
        assertEquals(CorruptionSuite.Choice.ALL, CorruptionSuite.Choice.of(" All "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CorruptionSuite.Choice.of("most"));
        assertTrue(e.getMessage().contains("none, default, all"), e.getMessage());
    }

    /**
     * The images a driver writes for its trials read back as the very images the suite makes, with the same provenance;
     * the images of another suite, a truncated file and another file are refused, naming the file.
     */
    @Test
    void handedOverImagesAreTheImagesTheSuiteMakes() throws java.io.IOException {
        Dataset test = rawTest();
        CorruptionSuite suite = CorruptionSuite.of(CorruptionSuite.Choice.ALL, test, 50, 7, Normalization.UNIT.fit(test));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        suite.writeImages(out);
        byte[] bytes = out.toByteArray();
        CorruptionSuite read = CorruptionSuite.of(CorruptionSuite.Choice.ALL, test, 50, 7, Normalization.UNIT.fit(test))
                .withImagesFrom(new java.io.ByteArrayInputStream(bytes), "f.bin");
        for (Corruption c : suite.corruptions()) {
            assertArrayEquals(suite.raw(c).pixels(), read.raw(c).pixels(), c.id());
            assertEquals(suite.raw(c).transforms(), read.raw(c).transforms(), c.id());
            assertArrayEquals(suite.normalized(c).pixels(), read.normalized(c).pixels(), c.id());
        }
        CorruptionSuite otherSeed = CorruptionSuite.of(CorruptionSuite.Choice.ALL, test, 50, 8, Normalization.UNIT.fit(test));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> otherSeed.withImagesFrom(new java.io.ByteArrayInputStream(bytes), "f.bin"));
        assertTrue(e.getMessage().startsWith("f.bin: the images of another suite (all, seed 7"), e.getMessage());
        CorruptionSuite fewer = CorruptionSuite.of(CorruptionSuite.Choice.DEFAULT, test, 50, 7, Normalization.UNIT.fit(test));
        assertThrows(DataFormatException.class, () -> fewer.withImagesFrom(new java.io.ByteArrayInputStream(bytes), "f.bin"));
        e = assertThrows(DataFormatException.class, () -> suite.withImagesFrom(
                new java.io.ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length - 4)), "f.bin"));
        assertTrue(e.getMessage().startsWith("f.bin: truncated in the images of "), e.getMessage());
        e = assertThrows(DataFormatException.class, () -> suite.withImagesFrom(
                new java.io.ByteArrayInputStream("{\"json\": 1}".getBytes(java.nio.charset.StandardCharsets.UTF_8)), "f.bin"));
        assertTrue(e.getMessage().contains("not a file of corrupted images"), e.getMessage());
    }

    @Test
    void aStratifiedSubsetTheSameForEveryCorruptionAndSeed() {
        Dataset test = rawTest();
        CorruptionSuite suite = CorruptionSuite.of(CorruptionSuite.Choice.DEFAULT, test, 50, 7, Normalization.UNIT.fit(test));
        assertEquals(50, suite.size());
        int[] perClass = new int[10];
        for (int label : suite.labels()) {
            perClass[label]++;
        }
        assertArrayEquals(new int[] {5, 5, 5, 5, 5, 5, 5, 5, 5, 5}, perClass, "each class its share");
        int[] positions = suite.positions();
        for (int k = 0; k < positions.length; k++) {
            assertEquals(test.label(positions[k]), suite.labels()[k], "positions name the test images");
        }
        CorruptionSuite again = CorruptionSuite.of(CorruptionSuite.Choice.ALL, test, 50, 7, Normalization.UNIT.fit(test));
        assertArrayEquals(positions, again.positions(), "the subset does not depend on the suite");
        assertArrayEquals(suite.raw(Corruption.FOG).pixels(), again.raw(Corruption.FOG).pixels(), "the same seed, the same images");
        CorruptionSuite other = CorruptionSuite.of(CorruptionSuite.Choice.DEFAULT, test, 50, 8, Normalization.UNIT.fit(test));
        assertFalse(Arrays.equals(suite.raw(Corruption.FOG).pixels(), other.raw(Corruption.FOG).pixels()), "another seed, other fog");
        assertEquals(test.size(), CorruptionSuite.of(CorruptionSuite.Choice.DEFAULT, test, 1_000, 7,
                Normalization.UNIT.fit(test)).size(), "a subset larger than the test set is all of it");
    }

    @Test
    void eachImageIsCorruptedFromItsRawValuesThenNormalisedAsTheRunsAre() {
        Dataset test = rawTest();
        var zscore = Normalization.ZSCORE.fit(test);
        CorruptionSuite suite = CorruptionSuite.of(CorruptionSuite.Choice.ALL, test, 30, 1, zscore);
        Dataset inverted = suite.raw(Corruption.INVERT);
        Dataset clean = suite.clean();
        for (int j = 0; j < 784; j++) {
            assertEquals(255 - clean.pixel(4, j), inverted.pixel(4, j), 1e-3, "invert maps x to 255 - x on raw values");
        }
        assertArrayEquals(zscore.apply(inverted).pixels(), suite.normalized(Corruption.INVERT).pixels(), 1e-6f,
                "the models get the run's normalisation of the corrupted image");
        int[] one = {4};
        assertArrayEquals(inverted.row(4), suite.raw(Corruption.INVERT, one).row(0), 1e-6f);
        assertArrayEquals(suite.raw(Corruption.SHOT_NOISE).row(9), suite.raw(Corruption.SHOT_NOISE, new int[] {9}).row(0), 1e-6f,
                "an example drawn alone is the image the models saw: its randomness comes from its own seed");
    }

    @Test
    void theExamplesAreOfDifferentClasses() {
        Dataset test = rawTest();
        CorruptionSuite suite = CorruptionSuite.of(CorruptionSuite.Choice.DEFAULT, test, 40, 2, Normalization.UNIT.fit(test));
        int[] examples = suite.examples();
        assertEquals(CorruptionSuite.EXAMPLES, examples.length);
        assertEquals(examples.length, Arrays.stream(examples).map(k -> suite.labels()[k]).distinct().count());
    }

    @Test
    void noneAndEmptySubsetsAreRefused() {
        Dataset test = rawTest();
        assertThrows(IllegalArgumentException.class, () -> CorruptionSuite.of(CorruptionSuite.Choice.NONE, test, 10, 1,
                Normalization.UNIT.fit(test)));
        assertThrows(IllegalArgumentException.class, () -> CorruptionSuite.of(CorruptionSuite.Choice.DEFAULT, test, 0, 1,
                Normalization.UNIT.fit(test)));
    }
}
