package org.digitbench.data;

import static org.digitbench.testkit.TestData.idxImages;
import static org.digitbench.testkit.TestData.idxLabels;
import static org.digitbench.testkit.TestData.pixelBytes;
import static org.digitbench.testkit.TestData.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.Dataset;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Fuzzing the readers (jqwik, a bounded number of tries per property, so CI time stays bounded):
 * random bytes, and valid files with bytes flipped, cut off or appended, must give either a
 * well-formed dataset or a {@link DataFormatException} naming the file: never another exception,
 * a hang, or an allocation the file's size does not justify.
 */
class ReaderFuzzTest {
    private static Path dir;

    @BeforeContainer
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("digitbench-fuzz");
    }

    @AfterContainer
    static void removeDir() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A mutation of a valid file: where, and what. */
    record Mutation(int kind, int position, byte value, int length) {
        byte[] apply(byte[] valid) {
            int at = Math.floorMod(position, valid.length);
            return switch (kind) {
                case 0 -> { // flip a byte
                    byte[] b = valid.clone();
                    b[at] = value;
                    yield b;
                }
                case 1 -> Arrays.copyOf(valid, at); // cut off
                case 2 -> { // append
                    byte[] b = Arrays.copyOf(valid, valid.length + length);
                    Arrays.fill(b, valid.length, b.length, value);
                    yield b;
                }
                default -> { // overwrite a run of bytes (the header, often)
                    byte[] b = valid.clone();
                    for (int i = at; i < Math.min(b.length, at + length); i++) {
                        b[i] = value;
                    }
                    yield b;
                }
            };
        }
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers(), Arbitraries.bytes(),
                Arbitraries.integers().between(1, 16)).as(Mutation::new);
    }

    private static final byte[] VALID_IMAGES = idxImages(IdxReader.IMAGES_MAGIC, 3, 4, 5, pixelBytes(3, 4, 5));
    private static final byte[] VALID_LABELS = idxLabels(IdxReader.LABELS_MAGIC, 3, new byte[]{1, 7, 9});

    @Property(tries = 300)
    void randomBytesAreNeverMistakenForImages(@ForAll @Size(max = 200) byte[] bytes, @ForAll boolean gzip) throws IOException {
        Path file = write(dir.resolve("random-images" + (gzip ? ".gz" : "")), bytes, gzip);
        readsCleanly(file, () -> IdxReader.readImages(file));
    }

    @Property(tries = 300)
    void mutatedImageFilesEndInACleanError(@ForAll("mutations") Mutation m, @ForAll boolean gzip) throws IOException {
        Path file = write(dir.resolve("images" + (gzip ? ".gz" : "")), m.apply(VALID_IMAGES), gzip);
        readsCleanly(file, () -> {
            IdxReader.Images images = IdxReader.readImages(file);
            assertEquals((long) images.count() * images.height() * images.width(), images.pixels().length);
            for (float v : images.pixels()) {
                assertTrue(v >= 0 && v <= 255);
            }
        });
    }

    @Property(tries = 300)
    void mutatedLabelFilesEndInACleanError(@ForAll("mutations") Mutation m, @ForAll boolean gzip) throws IOException {
        Path file = write(dir.resolve("labels" + (gzip ? ".gz" : "")), m.apply(VALID_LABELS), gzip);
        readsCleanly(file, () -> {
            for (int label : IdxReader.readLabels(file).labels()) {
                assertTrue(label >= 0 && label <= 255, "a label is a byte"); // any class count a byte holds
            }
        });
    }

    /** A gzip stream with flipped bytes: corrupt compressed data, wrong CRC, wrong length. */
    @Property(tries = 200)
    void corruptGzipEndsInACleanError(@ForAll("mutations") Mutation m) throws IOException {
        Path valid = write(dir.resolve("valid.gz"), VALID_IMAGES, true);
        Path file = dir.resolve("corrupt-images.gz");
        Files.write(file, m.apply(Files.readAllBytes(valid)));
        readsCleanly(file, () -> IdxReader.readImages(file));
    }

    @Provide
    Arbitrary<String> csvLike() {
        Arbitrary<String> cell = Arbitraries.oneOf(Arbitraries.integers().between(-5, 300).map(String::valueOf),
                Arbitraries.strings().withChars("0123456789.,-e\"label \n\r").ofMaxLength(6),
                Arbitraries.just("label"), Arbitraries.just(""), Arbitraries.just("NaN"), Arbitraries.just("1e400"));
        return cell.list().ofMinSize(0).ofMaxSize(30).map(cells -> String.join(",", cells))
                .list().ofMaxSize(6).map(lines -> String.join("\n", lines));
    }

    @Property(tries = 300)
    void csvFuzzEndsInACleanError(@ForAll("csvLike") String text, @ForAll boolean gzip) throws IOException {
        Path file = write(dir.resolve("fuzz.csv" + (gzip ? ".gz" : "")), text.getBytes(StandardCharsets.UTF_8), gzip);
        // 2x2 images: rows of 4 pixels (+ a label) are within the fuzzer's reach
        readsCleanly(file, () -> {
            Dataset d = new CsvReader(2, 2).read(file, "fuzz");
            assertEquals(d.size() * 4, d.pixels().length);
            for (float v : d.pixels()) {
                assertTrue(v >= 0 && v <= 255, "pixel " + v);
            }
            if (d.isLabelled()) {
                for (int label : d.labels()) {
                    assertTrue(label >= 0 && label <= 9);
                }
            }
        });
    }

    @Property(tries = 200)
    void mutatedCsvEndsInACleanError(@ForAll("mutations") Mutation m) throws IOException {
        byte[] valid = "label,p0,p1,p2,p3\n3,0,255,12,7\n9,1,2,3,4\n".getBytes(StandardCharsets.UTF_8);
        Path file = write(dir.resolve("mutated.csv"), m.apply(valid), false);
        readsCleanly(file, () -> new CsvReader(2, 2).read(file, "fuzz"));
    }

    private static void readsCleanly(Path file, Runnable read) {
        try {
            read.run();
        } catch (DataFormatException e) {
            assertTrue(e.getMessage().startsWith(file.toString()), "the message names the file: " + e.getMessage());
        }
    }

}
