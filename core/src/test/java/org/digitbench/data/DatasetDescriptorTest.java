package org.digitbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.digitbench.testkit.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dataset folder's descriptor (dataset.json): written from the files, checked when the folder is read. */
class DatasetDescriptorTest {
    private static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
            "Sneaker", "Bag", "Ankle boot");

    @TempDir
    Path dir;

    private Path folder() throws IOException {
        Path f = Files.createDirectories(dir.resolve("clothes"));
        TestData.idxPair(f, "train", TestData.cycling(40, 10, 28, 28));
        TestData.idxPair(f, "t10k", TestData.cycling(20, 10, 28, 28));
        return f;
    }

    @Test
    void writtenFromTheFilesThenCheckedAndUsed() throws IOException {
        Path f = folder();
        Mnist.Split plain = Mnist.loadIdx(f);
        assertEquals("clothes-train", plain.train().name(), "without a descriptor, the folder's name");
        assertEquals(List.of(), plain.classNames());
        Path written = DatasetDescriptor.of("fashion-mnist", FASHION, List.of(plain.train(), plain.test())).write(f);
        assertEquals(f.resolve("dataset.json"), written);
        assertTrue(Files.readString(written).contains("\"Ankle boot\""));

        Mnist.Split described = Mnist.loadIdx(f);
        assertEquals("fashion-mnist-train", described.train().name());
        assertEquals("fashion-mnist-test", described.test().name());
        assertEquals(FASHION, described.classNames());
        assertEquals(4, DatasetDescriptor.read(f).orElseThrow().sha256().size(), "one SHA-256 per file");
        DataFormatException again = assertThrows(DataFormatException.class,
                () -> DatasetDescriptor.of("x", List.of(), List.of(plain.train())).write(f));
        assertTrue(again.getMessage().contains("exists; remove it first"), again.getMessage());
    }

    @Test
    void aFileThatChangedIsNamed() throws IOException {
        Path f = folder();
        Mnist.Split plain = Mnist.loadIdx(f);
        DatasetDescriptor.of("clothes", List.of(), List.of(plain.train(), plain.test())).write(f);
        TestData.idxPair(f, "t10k", TestData.cycling(21, 10, 28, 28));
        DataFormatException e = assertThrows(DataFormatException.class, () -> Mnist.loadIdx(f));
        assertTrue(e.getMessage().startsWith(f.resolve("t10k-images-idx3-ubyte.gz") + ": SHA-256 of the decompressed content is ")
                && e.getMessage().contains("dataset.json expects"), e.getMessage());
    }

    @Test
    void aBrokenDescriptorSaysWhatItExpects() throws IOException {
        Path f = folder();
        Files.writeString(f.resolve("dataset.json"), "{\"name\": \"ok\", \"classes\": [\"a\", \"b\"]}");
        DataFormatException few = assertThrows(DataFormatException.class, () -> Mnist.loadIdx(f));
        assertTrue(few.getMessage().startsWith(f.resolve("dataset.json") + ": not a valid dataset descriptor: 'classes' names 2 classes"),
                few.getMessage());
        Files.writeString(f.resolve("dataset.json"), "{\"name\": \"ok\", \"colour\": \"red\"}");
        DataFormatException unknown = assertThrows(DataFormatException.class, () -> Mnist.loadIdx(f));
        assertTrue(unknown.getMessage().contains("colour"), unknown.getMessage());
        Files.writeString(f.resolve("dataset.json"), "{\"name\": \"../up\"}");
        DataFormatException name = assertThrows(DataFormatException.class, () -> Mnist.loadIdx(f));
        assertTrue(name.getMessage().contains("'name' must be"), name.getMessage());
        Files.writeString(f.resolve("dataset.json"), "not json");
        assertThrows(DataFormatException.class, () -> Mnist.loadIdx(f));
        Files.writeString(f.resolve("dataset.json"), "{\"name\": \"ok\", \"sha256\": {\"train-images-idx3-ubyte.gz\": \"abc\"}}");
        DataFormatException sum = assertThrows(DataFormatException.class, () -> Mnist.loadIdx(f));
        assertTrue(sum.getMessage().contains("64 lower-case hex digits"), sum.getMessage());
        Files.writeString(f.resolve("dataset.json"), "{\"name\": \"ok\"}");
        DataFormatException none = assertThrows(DataFormatException.class, () -> Mnist.loadIdx(f));
        assertTrue(none.getMessage().contains("has no SHA-256 for"), none.getMessage());
    }
}
