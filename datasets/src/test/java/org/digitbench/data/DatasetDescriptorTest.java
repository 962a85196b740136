package org.digitbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.testkit.TestData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
    void theClassCountIsTheDescriptorsOrElseTheLabels() throws IOException {
        Path f = Files.createDirectories(dir.resolve("thirteen"));
        TestData.idxPair(f, "train", TestData.cycling(39, 13, 28, 28)); // labels 0..12
        TestData.idxPair(f, "t10k", TestData.cycling(13, 13, 28, 28));
        Mnist.Split plain = Mnist.loadIdx(f);
        assertEquals(13, plain.train().numClasses(), "one more than the largest label");
        assertEquals(13, plain.test().numClasses(), "training and test sets share it");
        List<String> sixteen = java.util.stream.IntStream.range(0, 16).mapToObj(i -> "c" + i).toList();
        DatasetDescriptor.of("sixteen", sixteen, List.of(plain.train(), plain.test())).write(f);
        assertEquals(16, Mnist.loadIdx(f).train().numClasses(), "the descriptor names classes no image has");
        Files.delete(f.resolve("dataset.json"));
        DatasetDescriptor.of("ten", FASHION, List.of(plain.train(), plain.test())).write(f);
        DataFormatException e = assertThrows(DataFormatException.class, () -> Mnist.loadIdx(f));
        assertEquals(f.resolve("train-labels-idx1-ubyte.gz") + ": label 12, but " + f.resolve("dataset.json")
                + " names 10 classes (labels 0 to 9)", e.getMessage());
    }

    /** Why reading the folder fails with this descriptor. */
    private static String refusal(Path folder, String json) throws IOException {
        Files.writeString(folder.resolve("dataset.json"), json);
        return assertThrows(DataFormatException.class, () -> Mnist.loadIdx(folder)).getMessage();
    }

    @Test
    void aBrokenDescriptorSaysWhatItExpects() throws IOException {
        Path f = folder();
        String few = refusal(f, "{\"name\": \"ok\", \"classes\": [\"a\"]}");
        assertTrue(few.startsWith(f.resolve("dataset.json") + ": not a valid dataset descriptor: 'classes' names 1 classes"), few);
        String unknown = refusal(f, "{\"name\": \"ok\", \"colour\": \"red\"}");
        assertTrue(unknown.contains("colour"), unknown);
        String name = refusal(f, "{\"name\": \"../up\"}");
        assertTrue(name.contains("'name' must be"), name);
        String notJson = refusal(f, "not json");
        assertTrue(notJson.startsWith(f.resolve("dataset.json") + ": not a valid dataset descriptor"), notJson);
        String sum = refusal(f, "{\"name\": \"ok\", \"sha256\": {\"train-images-idx3-ubyte.gz\": \"abc\"}}");
        assertTrue(sum.contains("64 lower-case hex digits"), sum);
        String none = refusal(f, "{\"name\": \"ok\"}");
        assertTrue(none.contains("has no SHA-256 for"), none);
    }
}
