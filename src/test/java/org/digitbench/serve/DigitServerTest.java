package org.digitbench.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.digitbench.DigitbenchException;
import org.digitbench.TestData;
import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.PluginRegistry;
import org.digitbench.data.DigitPreprocessor;
import org.digitbench.run.Predictor;
import org.digitbench.run.ResultsStore;
import org.digitbench.run.SavedModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The server's API on a run made in the test: two small models trained on synthetic digits, and a third whose
 * file is not a model. Answers, JSON errors for bad uploads, and that the server keeps serving after them.
 */
class DigitServerTest {
    @TempDir
    static Path runDir;
    static DigitServer server;
    static ServeClient client;

    @BeforeAll
    static void start() throws IOException {
        PluginRegistry registry = PluginRegistry.discover();
        var train = TestData.synthetic(20, 1);
        Files.createDirectories(runDir.resolve("models"));
        List<SavedModels.Entry> entries = new java.util.ArrayList<>();
        for (String id : List.of("smile-decision-tree", "tribuo-logistic-regression")) {
            ClassifierPlugin plugin = registry.get(id);
            String file = "models/" + id + ".model";
            plugin.train(train, plugin.resolve(Map.of()), 7).save(runDir.resolve(file));
            entries.add(new SavedModels.Entry(id, plugin.library(), file, Map.of(), 7, 0.9));
        }
        Files.writeString(runDir.resolve("models/broken.model"), "not a model");
        entries.add(new SavedModels.Entry("smile-mlp", "Smile", "models/broken.model", Map.of(), 7, 0.5));
        SavedModels manifest = new SavedModels("unit-run", "unit", null, null, 28, 28, List.of(), entries);
        Files.writeString(runDir.resolve(SavedModels.FILE), ResultsStore.toJson(manifest));
        server = DigitServer.start(Predictor.open(runDir, registry), "127.0.0.1", 0, null);
        client = new ServeClient(server.url());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A dark "1" on white paper. */
    static byte[] digit() {
        return TestData.png(TestData.blackBarOnWhite(120, 160, 55, 20, 12, 120));
    }

    @Test
    void thePageAndTheModelsAreServed() throws Exception {
        ServeClient.Answer page = client.get("");
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.text().contains("<canvas id=\"pad\"") && page.text().contains("id=\"upload-form\""));

        JsonNode run = client.get("api/models").json();
        assertEquals("unit-run", run.get("runId").asString());
        assertEquals(DigitPreprocessor.MAX_BYTES, run.get("maxBytes").asLong());
        JsonNode models = run.get("models");
        assertEquals(3, models.size());
        assertTrue(models.get(0).get("loaded").asBoolean());
        assertFalse(models.get(2).get("loaded").asBoolean());
        assertTrue(models.get(2).get("error").asString().startsWith("cannot load models/broken.model"), models.get(2).toString());
    }

    @Test
    void anImageGetsEveryModelsAnswerTheVoteAndThePixelsTheModelsSaw() throws Exception {
        for (ServeClient.Answer a : List.of(client.postBody(digit(), "image/png"), client.postForm("image", "one.png", digit()))) {
            assertEquals(200, a.status(), a.text());
            JsonNode p = a.json();
            assertEquals(784, p.get("pixels").size());
            assertTrue(p.get("inverted").asBoolean(), "dark on light is inverted");
            assertEquals(120, p.get("sourceWidth").asInt());
            int ink = 0;
            for (JsonNode v : p.get("pixels")) {
                assertTrue(v.asInt() >= 0 && v.asInt() <= 255);
                ink += v.asInt() > 0 ? 1 : 0;
            }
            assertTrue(ink > 20 && ink < 200, "a thin centred stroke: " + ink + " pixels with ink");
            JsonNode models = p.get("models");
            assertEquals(3, models.size());
            for (int i = 0; i < 2; i++) {
                int label = models.get(i).get("label").asInt();
                assertTrue(label >= 0 && label <= 9);
                JsonNode probabilities = models.get(i).get("probabilities");
                assertEquals(10, probabilities.size());
                double sum = 0;
                for (JsonNode q : probabilities) {
                    sum += q.asDouble();
                }
                assertEquals(1.0, sum, 1e-6);
            }
            assertTrue(models.get(2).get("label").isNull());
            assertTrue(models.get(2).get("error").asString().startsWith("cannot load"));
            assertTrue(p.get("votes").asInt() >= 1);
        }
        assertEquals("one.png", client.postForm("image", "one.png", digit()).json().get("image").asString());
    }

    private static void assertError(ServeClient.Answer a, int status, String message) {
        assertEquals(status, a.status(), a.text());
        assertTrue(a.contentType().startsWith("application/json"), a.contentType());
        assertNotNull(a.json(), a.text());
        assertEquals(status, a.json().get("status").asInt());
        assertTrue(a.json().get("error").asString().contains(message), a.json().get("error").asString());
    }

    @Test
    void badUploadsAreAnsweredWith4xxJsonAndTheServerKeepsServing() throws Exception {
        byte[] big = new byte[(int) DigitPreprocessor.MAX_BYTES + 1];
        assertError(client.postBody(big, "image/png"), 413, "more than the 10 MB an image may have");
        assertError(client.postForm("image", "big.png", big), 413, "more than the 10 MB an image may have");
        assertError(client.postBody("hello".getBytes(), "text/plain"), 415, "not an image; expected a PNG, JPEG, BMP or GIF file");
        assertError(client.postForm("image", "notes.txt", "hello".getBytes()), 415, "notes.txt: not an image");
        assertError(client.postBody(new byte[0], "image/png"), 400, "empty upload");
        assertError(client.postForm("picture", "one.png", digit()), 400, "the form has no file named 'image'");
        assertError(client.postBody(TestData.png(new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB)), "image/png"), 422, "no digit found");
        assertError(client.postBody(TestData.png(new BufferedImage(5000, 2, BufferedImage.TYPE_BYTE_GRAY)), "image/png"), 413,
                "5000x2 pixels, more than the 4096x4096");
        byte[] truncated = java.util.Arrays.copyOf(digit(), 60);
        assertTrue(client.postBody(truncated, "image/png").status() / 100 == 4, "a truncated PNG is refused");
        assertError(client.get("api/predict"), 405, "predictions are POST /api/predict");
        assertError(client.get("api/nothing"), 404, "no such API");
        assertEquals(200, client.postBody(digit(), "image/png").status(), "still serving");
    }

    @Test
    void aTakenPortIsNamed() {
        DigitbenchException e = assertThrows(DigitbenchException.class,
                () -> DigitServer.start(Predictor.open(runDir, PluginRegistry.discover()), "127.0.0.1", server.port(), null));
        assertTrue(e.getMessage().contains("cannot listen on 127.0.0.1:" + server.port()), e.getMessage());
        assertTrue(e.getMessage().contains("--port"), e.getMessage());
    }
}
