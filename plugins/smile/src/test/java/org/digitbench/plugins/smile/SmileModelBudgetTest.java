package org.digitbench.plugins.smile;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.TrainedModel;
import org.digitbench.testkit.TestData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A model file is data with a budget: a real Smile model whose one HashMap also holds a hundred levels of nested sets
 * (only Smile's and the JDK's allowed classes, a few hundred objects) is refused at once instead of hashing for ever.
 */
class SmileModelBudgetTest {
    @TempDir
    Path dir;

    /** Writes {@code model} as Smile's save would, with the bomb put into the first HashMap the model holds. */
    private static final class Planting extends ObjectOutputStream {
        private boolean planted;

        Planting(OutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) {
            if (!planted && obj instanceof HashMap<?, ?> map) {
                planted = true;
                Map<Object, Object> copy = new HashMap<>(map);
                copy.put("planted", bomb(100));
                return copy;
            }
            return obj;
        }
    }

    /** Nested sets, each level holding two sets of the next: hashing level k hashes 2^k sets. */
    static Set<Object> bomb(int levels) {
        Set<Object> root = new HashSet<>();
        Set<Object> a = root;
        Set<Object> b = new HashSet<>();
        for (int i = 0; i < levels; i++) {
            Set<Object> c = new HashSet<>();
            Set<Object> d = new HashSet<>();
            c.add("x");
            a.add(c);
            a.add(d);
            b.add(c);
            b.add(d);
            a = c;
            b = d;
        }
        return root;
    }

    @Test
    void nestedSetsInAnAllowedFieldAreRefusedAtOnce() throws Exception {
        SmileLogisticRegression plugin = new SmileLogisticRegression();
        TrainedModel model = plugin.train(TestData.synthetic(20, 1), plugin.resolve(Map.of()), 1L);
        Path plain = dir.resolve("plain.model");
        model.save(plain);
        Object inner;
        try (var in = new java.io.ObjectInputStream(Files.newInputStream(plain))) {
            inner = in.readObject();
        }
        Path file = dir.resolve("bomb.model");
        try (OutputStream out = Files.newOutputStream(file); Planting oos = new Planting(out)) {
            oos.writeObject(inner);
        }
        assertTrue(Files.size(file) < 100_000, "a small file");
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(IOException.class, () -> plugin.load(file)));
        assertTrue(e.getMessage().contains("more than " + SmilePlugin.MAX_COLLECTIONS + " sets and maps"), e.getMessage());
        plugin.load(plain); // and a real model still reads
    }
}
