package org.digitbench.plugins.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.pytorch.jni.JniUtils;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.digitbench.api.Dataset;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.TrainedModel;
import org.digitbench.testkit.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved DJL model predicts, once loaded, with the threads it was trained and timed with. */
class DjlModelTest {
    @TempDir
    Path dir;

    @Test
    void aLoadedModelPredictsWithTheThreadsOfItsTraining() throws IOException {
        DjlMlp plugin = new DjlMlp();
        Dataset train = TestData.synthetic(10, 1);
        TrainedModel model = plugin.train(train, Hyperparameters.resolve(plugin.parameters(),
                Map.of("epochs", "1", "threads", "2", "validation-fraction", "0")), 1);
        Path file = dir.resolve("model.bin");
        model.save(file);

        DjlEngine.pytorch(1);
        TrainedModel loaded = plugin.load(file);
        assertEquals(2, JniUtils.getNumThreads(), "PyTorch's intra-op threads after loading a model trained with 2");
        assertEquals("2", loaded.provenance().get("threads"));
        assertArrayEquals(model.predict(train).labels(), loaded.predict(train).labels(), "the loaded model predicts as the trained one");
    }

    /** A file of the first format (no thread count) still loads, with the plugin's default threads. */
    @Test
    void aFileOfTheFirstFormatLoadsWithTheDefaultThreads() throws IOException {
        DjlMlp plugin = new DjlMlp();
        TrainedModel model = plugin.train(TestData.synthetic(10, 1), Hyperparameters.resolve(plugin.parameters(),
                Map.of("epochs", "1", "threads", "2", "validation-fraction", "0")), 1);
        Path file = dir.resolve("model.bin");
        model.save(file);
        byte[] v2 = Files.readAllBytes(file);
        int header = 2 + DjlModel.MAGIC.length() + 2 + plugin.id().length() + 4 * 4;
        Path old = dir.resolve("old.bin");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(old))) {
            out.writeUTF(DjlModel.MAGIC_1);
            out.write(v2, 2 + DjlModel.MAGIC.length(), header - 2 - DjlModel.MAGIC.length());
            out.write(v2, header + 4, v2.length - header - 4);
        }
        TrainedModel loaded = plugin.load(old);
        assertEquals(String.valueOf(plugin.defaultThreads()), loaded.provenance().get("threads"));
        assertTrue(loaded.hasProbabilities());
    }
}
