package org.digitbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.Dataset;
import org.digitbench.testkit.TestData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;

class CsvReaderTest {
    @TempDir
    Path dir;

    private final CsvReader reader = new CsvReader(2, 2);

    @Test
    void labelledWithHeader() throws IOException {
        Path f = csv("label,pixel0,pixel1,pixel2,pixel3\n7,0,255,12,3\n1,1,2,3,4\n");
        Dataset d = reader.read(f, "k");
        assertEquals(2, d.size());
        assertArrayEquals(new int[]{7, 1}, d.labels());
        assertArrayEquals(new float[]{0, 255, 12, 3}, d.row(0));
        assertEquals(TestData.sha256(Files.readAllBytes(f)), d.sources().get(0).sha256());
    }

    @Test
    void labelledWithoutHeaderAndGzip() throws IOException {
        Path f = TestData.write(dir.resolve("train.csv.gz"), "7,0,255,12,3\n1,1,2,3,4\n".getBytes(StandardCharsets.UTF_8), true);
        Dataset d = reader.read(f, "k");
        assertArrayEquals(new int[]{7, 1}, d.labels());
    }

    @Test
    void unlabelledWithAndWithoutHeader() throws IOException {
        assertFalse(reader.read(csv("pixel0,pixel1,pixel2,pixel3\n0,1,2,3\n"), "k").isLabelled());
        Dataset d = reader.read(csv("0,1,2,3\n4,5,6,7\n"), "k");
        assertFalse(d.isLabelled());
        assertEquals(2, d.size());
    }

    @Test
    void readsKaggleWidth() throws IOException {
        StringJoiner header = new StringJoiner(",", "label,", "\n");
        StringJoiner row = new StringJoiner(",", "5,", "\n");
        for (int j = 0; j < 784; j++) {
            header.add("pixel" + j);
            row.add(Integer.toString(j % 256));
        }
        Dataset d = new CsvReader().read(csv(header + row.toString()), "kaggle");
        assertEquals(28, d.height());
        assertEquals(5, d.label(0));
        assertEquals(783 % 256, d.pixel(0, 783));
    }

    @Test
    void wrongWidth() throws IOException {
        assertError("label,pixel0,pixel1,pixel2,pixel3\n7,0,255,12,3\n1,1,2\n", "line 3 has 3 values, expected 5 like the rows before it");
        assertError("1,2,3\n", "line 1 has 3 values, expected 5 (label + 4 pixels) or 4 (pixels only)");
        assertError("label,pixel0\n1,2\n", "the header has 2 columns, expected 5 (label + 4 pixels)");
    }

    @Test
    void nonNumericValues() throws IOException {
        assertError("7,0,abc,12,3\n", "line 1, column pixel1: 'abc' is not a number");
        assertError("x7,0,1,12,3\n", "the header has 5 columns, expected 4");
    }

    @Test
    void valuesOutOfRange() throws IOException {
        assertError("7,0,256,12,3\n", "line 1, column pixel1: value 256 is outside the pixel range 0..255");
        assertError("7,0,-1,12,3\n", "line 1, column pixel1: value -1 is outside the pixel range 0..255");
        assertError("7,0,NaN,12,3\n", "value NaN is outside the pixel range 0..255");
        assertError("1000,0,1,12,3\n", "line 1: label '1000' is not a class label (a whole number from 0 to 999)");
        assertError("2.5,0,1,12,3\n", "line 1: label '2.5' is not a class label (a whole number from 0 to 999)");
        assertError("-1,0,1,12,3\n", "line 1: label '-1' is not a class label (a whole number from 0 to 999)");
    }

    @Test
    void emptyFile() throws IOException {
        assertError("", "no data rows");
        assertError("label,pixel0,pixel1,pixel2,pixel3\n", "no data rows");
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheHeader() throws IOException {
        Dataset d = reader.read(csv("\uFEFFlabel,pixel0,pixel1,pixel2,pixel3\n7,0,255,12,3\n"), "k");
        assertEquals(1, d.size());
        assertArrayEquals(new int[]{7}, d.labels());
    }

    @Test
    void lineNumbersCountBlankLines() throws IOException {
        assertError("label,pixel0,pixel1,pixel2,pixel3\n\n7,0,255,12,3\n\n1,1,2\n", "line 5 has 3 values");
    }

    @Test
    void pixelsAreWholeNumbers() throws IOException {
        assertError("7,0,255,12.5,3\n", "line 1, column pixel2: value 12.5 is not a whole number");
    }

    @Test
    void aCorruptGzipIsReportedAsSuch() throws IOException {
        byte[] gz = Files.readAllBytes(TestData.write(dir.resolve("ok.csv.gz"),
                "7,0,255,12,3\n1,1,2,3,4\n".repeat(200).getBytes(StandardCharsets.UTF_8), true));
        for (int i = 20; i < gz.length - 8; i += 7) {
            gz[i] ^= 0x5a;
        }
        Path f = Files.write(dir.resolve("bad.csv.gz"), gz);
        var e = assertThrows(DataFormatException.class, () -> reader.read(f, "k"));
        assertTrue(e.getMessage().startsWith(f + ": corrupt gzip data"), e.getMessage());
    }

    private void assertError(String content, String expected) throws IOException {
        Path f = csv(content);
        var e = assertThrows(DataFormatException.class, () -> reader.read(f, "k"));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private Path csv(String content) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "data", ".csv"), content);
    }
}
