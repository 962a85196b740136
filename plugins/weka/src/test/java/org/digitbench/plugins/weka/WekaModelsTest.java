package org.digitbench.plugins.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.classifiers.trees.J48;

/** A Weka model file comes from a run folder: loading one instantiates nothing but a Weka classifier's parts. */
class WekaModelsTest {
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

    /** A file in digitbench's Weka layout (header, then one serialised object). */
    private Path file(String name, Object value) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); DataOutputStream data = new DataOutputStream(out)) {
            data.writeUTF(WekaModels.MAGIC);
            data.writeInt(784);
            data.writeInt(10);
            data.writeBoolean(true);
            data.flush();
            ObjectOutputStream objects = new ObjectOutputStream(out);
            objects.writeObject(value);
            objects.flush();
        }
        return file;
    }

    @Test
    void aFileHoldingAnythingButTheClassifierIsRefusedUnread() throws IOException {
        Path map = file("map.model", new HashMap<>(java.util.Map.of("a", "b")));
        IOException e = assertThrows(IOException.class, () -> WekaModels.load(map, J48.class));
        assertTrue(e.getMessage().contains("it holds java.util.HashMap first"), e.getMessage());

        Path payload = file("payload.model", new Object[] {new Payload()});
        e = assertThrows(IOException.class, () -> WekaModels.load(payload, J48.class));
        assertTrue(e.getMessage().startsWith(payload + ": not a Weka J48"), e.getMessage());
        assertEquals(0, Payload.READ.get(), "nothing of a foreign file is instantiated");
    }

    @Test
    void aFileWithoutTheHeaderOrWithImpossibleCountsIsRefused() throws IOException {
        Path text = Files.writeString(dir.resolve("text.model"), "hello");
        IOException e = assertThrows(IOException.class, () -> WekaModels.load(text, J48.class));
        assertTrue(e.getMessage().contains("not a digitbench Weka model"), e.getMessage());

        Path counts = dir.resolve("counts.model");
        try (DataOutputStream data = new DataOutputStream(Files.newOutputStream(counts))) {
            data.writeUTF(WekaModels.MAGIC);
            data.writeInt(784);
            data.writeInt(1);
            data.writeBoolean(true);
        }
        e = assertThrows(IOException.class, () -> WekaModels.load(counts, J48.class));
        assertTrue(e.getMessage().contains("784 pixels and 1 classes"), e.getMessage());
    }

    /** Weka would make ~/wekafiles and read a user's property files from it: a trial's Weka keeps to its own folder. */
    @Test
    void wekaHomeIsUnderTheTemporaryFolderNotTheUsersHome() {
        WekaHome.ensure();
        Path home = Path.of(System.getProperty("WEKA_HOME"));
        assertEquals(Path.of(System.getProperty("java.io.tmpdir"), WekaHome.FOLDER).toAbsolutePath(), home);
        assertFalse(home.startsWith(Path.of(System.getProperty("user.home"), "wekafiles")));
        assertEquals("com.github.fommil.netlib.F2jBLAS", System.getProperty("com.github.fommil.netlib.BLAS"));
    }
}
