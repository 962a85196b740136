package org.digitbench.results.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.Dataset;
import org.digitbench.api.PluginRegistry;
import org.digitbench.api.TrainedModel;
import org.digitbench.data.DigitPreprocessor;
import org.digitbench.data.Normalization;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.results.store.SavedModels;
import org.digitbench.testkit.TestData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A saved model is given users' pixels prepared exactly as its training images were, from the manifest alone. */
class PredictorTest {
    @TempDir
    Path runDir;

    /** The synthetic digits as raw 0..255 pixels, the way MNIST is read. */
    private static Dataset raw(Dataset unit) {
        float[] p = unit.pixels().clone();
        for (int i = 0; i < p.length; i++) {
            p[i] *= 255f;
        }
        return new Dataset("raw", 28, 28, p, unit.labels(), List.of(), List.of());
    }

    private Predictor open(String normalization, double[] mean, double[] std, String file) throws IOException {
        SavedModels manifest = new SavedModels("z-run", normalization, mean, std, 28, 28, List.of(),
                List.of(new SavedModels.Entry("tribuo-logistic-regression", "Tribuo", file, Map.of(), 3, 0.9, null)), List.of());
        Files.writeString(runDir.resolve(SavedModels.FILE), ResultsStore.toJson(manifest));
        return Predictor.open(runDir, PluginRegistry.discover());
    }

    @Test
    void aZScoreModelGetsPixelsNormalisedWithItsTrainingStatistics() throws IOException {
        Dataset train = raw(TestData.synthetic(20, 1));
        Dataset test = raw(TestData.synthetic(5, 2));
        Normalization.Fitted z = Normalization.ZSCORE.fit(train);
        ClassifierPlugin plugin = PluginRegistry.discover().get("tribuo-logistic-regression");
        TrainedModel model = plugin.train(z.apply(train), plugin.resolve(Map.of()), 3);
        Files.createDirectories(runDir.resolve("models"));
        String file = "models/lr.model";
        model.save(runDir.resolve(file));

        Predictor predictor = open("zscore", z.mean(), z.std(), file);
        Dataset expected = z.apply(test);
        for (int i = 0; i < test.size(); i++) {
            Predictor.ModelPrediction got = predictor.predict("test " + i, new DigitPreprocessor.Result(test.row(i), 28, 28, false))
                    .models().get(0);
            assertEquals(model.predict(expected.row(i)), got.label(), "image " + i);
            assertArrayEquals(model.probabilities(expected.row(i)), got.probabilities(), 1e-9, "image " + i);
        }

        // the same model fed with another normalisation answers otherwise: the manifest's statistics matter
        Predictor wrong = open("unit", null, null, file);
        int differ = 0;
        for (int i = 0; i < test.size(); i++) {
            double[] p = wrong.predict("test " + i, new DigitPreprocessor.Result(test.row(i), 28, 28, false)).models().get(0)
                    .probabilities();
            double[] right = model.probabilities(expected.row(i));
            // compared as log-probabilities: on these separable digits both are near 1 for the right class, and the
            // difference is in the small ones
            double most = 0;
            for (int d = 0; d < p.length; d++) {
                most = Math.max(most, Math.abs(Math.log(p[d]) - Math.log(right[d])));
            }
            if (most > 0.1) {
                differ++;
            }
        }
        assertTrue(differ > test.size() / 2, "unit-normalised pixels give other probabilities for " + differ + " of " + test.size());
    }

    @Test
    void aManifestCannotPointOutsideTheModelsFolder() throws IOException {
        Files.createDirectories(runDir.resolve("models"));
        Files.writeString(runDir.resolve("notes.txt"), "inside the run, outside models/");
        for (String file : List.of("../../../../../../../../etc/passwd", "/etc/passwd", "notes.txt", "models/../notes.txt")) {
            Predictor p = open("unit", null, null, file);
            String error = p.models().get(0).error();
            assertTrue(p.models().get(0).model() == null, file);
            assertTrue(error != null && error.contains(SavedModels.FILE) && error.contains("tribuo-logistic-regression"),
                    file + ": " + error);
            assertTrue(!error.contains("root:"), "nothing of the file is read: " + error);
        }
    }

    /** A saved model is read only when it is the file the run saved: a swapped one is refused by its SHA-256. */
    @Test
    void aModelFileSwappedSinceTheRunIsNotRead() throws IOException {
        ClassifierPlugin plugin = PluginRegistry.discover().get("tribuo-logistic-regression");
        Dataset train = TestData.synthetic(20, 1);
        Files.createDirectories(runDir.resolve("models"));
        Path file = runDir.resolve("models/lr.model");
        plugin.train(train, plugin.resolve(Map.of()), 3).save(file);
        String recorded = SavedModels.sha256(file);
        SavedModels manifest = new SavedModels("z-run", "unit", null, null, 28, 28, List.of(),
                List.of(new SavedModels.Entry("tribuo-logistic-regression", "Tribuo", "models/lr.model", Map.of(), 3, 0.9,
                        recorded)), List.of());
        Files.writeString(runDir.resolve(SavedModels.FILE), ResultsStore.toJson(manifest));
        assertEquals(null, Predictor.open(runDir, PluginRegistry.discover()).models().get(0).error(), "the file the run saved");

        plugin.train(TestData.synthetic(20, 9), plugin.resolve(Map.of()), 4).save(file); // another model in its place
        String error = Predictor.open(runDir, PluginRegistry.discover()).models().get(0).error();
        assertTrue(error != null && error.contains("has SHA-256 " + SavedModels.sha256(file) + ", not the " + recorded)
                && error.contains("changed or was swapped"), error);
    }
}
