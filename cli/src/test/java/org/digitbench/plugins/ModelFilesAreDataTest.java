package org.digitbench.plugins;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.PluginRegistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A model file comes from a run folder, which someone may have handed over: loading one instantiates nothing but
 * what the plugin's own models are made of.
 */
class ModelFilesAreDataTest {
    @TempDir
    Path dir;

    /** Counts its deserialisations: it must never be read from a model file. */
    public static final class Payload implements Serializable {
        static final AtomicInteger READ = new AtomicInteger();

        private void readObject(java.io.ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            READ.incrementAndGet();
        }
    }

    private Path serialized(String name, Object value) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ObjectOutputStream oos = new ObjectOutputStream(out)) {
            oos.writeObject(value);
        }
        return file;
    }

    @Test
    void aSmileModelFileHoldingAnythingElseIsRefusedUnread() throws IOException {
        ClassifierPlugin smile = PluginRegistry.discover().get("smile-decision-tree");
        Map<String, Object> map = new HashMap<>();
        map.put("a", "b");
        Path hashMap = serialized("map.model", map);
        IOException e = assertThrows(IOException.class, () -> smile.load(hashMap));
        assertTrue(e.getMessage().contains("not a Smile model file: it holds what a Smile model does not"), e.getMessage());

        Path payload = serialized("payload.model", new Object[]{new Payload()});
        e = assertThrows(IOException.class, () -> smile.load(payload));
        assertTrue(e.getMessage().startsWith(payload + ": not a Smile model file"), e.getMessage());
        assertTrue(Payload.READ.get() == 0, "nothing of a foreign file is instantiated");

        Path text = Files.writeString(dir.resolve("text.model"), "hello");
        e = assertThrows(IOException.class, () -> smile.load(text));
        assertTrue(e.getMessage().startsWith(text + ": not a Smile model file"), e.getMessage());
    }

    @Test
    void aNetworkFileWithEntriesDigitbenchNeverWritesIsRefusedBeforeDeeplearning4jReadsIt() throws IOException {
        ClassifierPlugin dl4j = PluginRegistry.discover().get("dl4j-mlp");
        Path file = dir.resolve("net.model");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("configuration.json"));
            zip.write("{}".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("preprocessor.bin")); // ModelSerializer would Java-deserialise this, unfiltered
            try (var bytes = new java.io.ByteArrayOutputStream(); ObjectOutputStream oos = new ObjectOutputStream(bytes)) {
                oos.writeObject(new Payload());
                oos.flush();
                zip.write(bytes.toByteArray());
            }
        }
        IOException e = assertThrows(IOException.class, () -> dl4j.load(file));
        assertTrue(e.getMessage().contains("holds 'preprocessor.bin', which a network saved by digitbench never has"), e.getMessage());
        assertTrue(Payload.READ.get() == 0, "nothing of the file is instantiated");

        Path notZip = Files.writeString(dir.resolve("text.model"), "hello");
        e = assertThrows(IOException.class, () -> dl4j.load(notZip));
        assertTrue(e.getMessage().contains("is not a network that digitbench saved"), e.getMessage());
    }

    /** A small zip whose configuration inflates to more than any saved network's is refused by its size, not by OOM. */
    @Test
    void aNetworkFileThatInflatesPastItsBudgetIsRefused() throws IOException {
        ClassifierPlugin dl4j = PluginRegistry.discover().get("dl4j-mlp");
        Path file = dir.resolve("inflating.model");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("configuration.json"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 64; i++) { // 64 MiB of spaces, a few hundred kB compressed
                zip.write(spaces);
            }
        }
        assertTrue(Files.size(file) < 1_000_000, "a small file: " + Files.size(file));
        IOException e = assertThrows(IOException.class, () -> dl4j.load(file));
        assertTrue(e.getMessage().contains("its entry 'configuration.json' inflates to more than 8388608 bytes"), e.getMessage());
    }
}
