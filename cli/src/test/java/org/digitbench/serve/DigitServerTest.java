package org.digitbench.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.DigitbenchException;
import org.digitbench.api.PluginRegistry;
import org.digitbench.data.DigitPreprocessor;
import org.digitbench.results.predict.Predictor;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.results.store.SavedModels;
import org.digitbench.testkit.TestData;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
            entries.add(new SavedModels.Entry(id, plugin.library(), file, Map.of(), 7, 0.9, null));
        }
        Files.writeString(runDir.resolve("models/broken.model"), "not a model");
        entries.add(new SavedModels.Entry("smile-mlp", "Smile", "models/broken.model", Map.of(), 7, 0.5, null));
        SavedModels manifest = new SavedModels("unit-run", "unit", null, null, 28, 28, List.of(), entries, List.of());
        Files.writeString(runDir.resolve(SavedModels.FILE), ResultsStore.toJson(manifest));
        server = DigitServer.start(Predictor.open(runDir, registry), "127.0.0.1", 0, null);
        client = new ServeClient(server.url());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aRunOfAnotherImageSizeAndNamedClassesGetsPicturesOfItsSizeAndAnswersWithNames(@TempDir Path other) throws Exception {
        PluginRegistry registry = PluginRegistry.discover();
        ClassifierPlugin plugin = registry.get("tribuo-logistic-regression");
        Files.createDirectories(other.resolve("models"));
        plugin.train(TestData.cycling(240, 12, 14, 21), plugin.resolve(Map.of()), 7).save(other.resolve("models/lr.model"));
        List<String> names = java.util.stream.IntStream.range(0, 12).mapToObj(i -> "class-" + i).toList();
        SavedModels manifest = new SavedModels("small-run", "unit", null, null, 14, 21, List.of(),
                List.of(new SavedModels.Entry(plugin.id(), plugin.library(), "models/lr.model", Map.of(), 7, 0.5, null)), names);
        Files.writeString(other.resolve(SavedModels.FILE), ResultsStore.toJson(manifest));
        try (DigitServer small = DigitServer.start(Predictor.open(other, registry), "127.0.0.1", 0, null)) {
            ServeClient c = new ServeClient(small.url());
            JsonNode run = c.get("api/models").json();
            assertEquals(14, run.get("height").asInt());
            assertEquals(21, run.get("width").asInt());
            JsonNode p = c.postBody(digit(), "image/png").json();
            assertEquals(14, p.get("height").asInt());
            assertEquals(21, p.get("width").asInt());
            assertEquals(14 * 21, p.get("pixels").size(), "the picture made an image of the run's size");
            JsonNode answer = p.get("models").get(0);
            int label = answer.get("label").asInt();
            assertEquals(label + " · class-" + label, answer.get("className").asString());
            assertEquals(12, answer.get("probabilities").size());
            assertEquals(p.get("vote").asInt() + " · class-" + p.get("vote").asInt(), p.get("voteClass").asString());
        }
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
        assertError(client.postBody(truncated, "image/png"), 400, "a damaged or incomplete image");
        assertError(client.get("api/predict"), 405, "predictions are POST /api/predict");
        assertError(client.get("api/nothing"), 404, "no such API");
        assertEquals(200, client.postBody(digit(), "image/png").status(), "still serving");
    }

    /** One raw HTTP/1.1 exchange: for a Host header HttpClient will not send, and bodies it would frame its own way. */
    static String raw(String head, byte[] body) throws Exception {
        return raw(server.port(), head, body);
    }

    static String raw(int port, String head, byte[] body) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            Thread writer = new Thread(() -> {
                try {
                    var out = socket.getOutputStream();
                    out.write(head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                    if (body != null) {
                        out.write(body);
                    }
                    out.flush();
                } catch (IOException ignored) {
                    // the server may answer and close before the whole body is sent
                }
            });
            writer.start();
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(answer);
            } catch (java.net.SocketException reset) {
                // the answer arrived before the server reset the connection on the unread body
            }
            writer.join(60_000);
            return answer.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    static int statusOf(String response) {
        assertTrue(response.startsWith("HTTP/1.1 "), "an HTTP answer: " + response);
        return Integer.parseInt(response.substring(9, 12));
    }

    @Test
    void onlyTheServersOwnHostNamesAreAnswered() throws Exception {
        String request = "GET /api/models HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n";
        String evil = raw(request.formatted("rebind.attacker.example:" + server.port()), null);
        assertEquals(421, statusOf(evil), evil);
        assertTrue(evil.contains("is not a name this server listens under"), evil);
        assertEquals(200, statusOf(raw(request.formatted("127.0.0.1:" + server.port()), null)));
        assertEquals(200, statusOf(raw(request.formatted("localhost:" + server.port()), null)));
    }

    @Test
    void crossOriginPostsAreRefused() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        for (String origin : List.of("http://attacker.example", "null")) {
            var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + "/api/predict"))
                            .header("Origin", origin).header("Content-Type", "text/plain")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(digit())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(403, r.statusCode(), origin + ": " + r.body());
        }
        String own = "http://127.0.0.1:" + server.port();
        var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(own + "/api/predict"))
                        .header("Origin", own).header("Content-Type", "image/png")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(digit())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void thePageCarriesItsSecurityHeaders() throws Exception {
        String page = raw("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n\r\n", null);
        assertEquals(200, statusOf(page));
        String head = page.substring(0, page.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        assertTrue(head.replace(" ", "").contains("content-type:text/html;charset=utf-8"), head);
        assertTrue(head.contains("x-content-type-options: nosniff"), head);
        assertTrue(head.contains("content-security-policy: " + DigitServer.PAGE_POLICY.toLowerCase(java.util.Locale.ROOT)), head);
        String wrongMethod = raw("GET /api/predict HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n\r\n", null);
        assertEquals(405, statusOf(wrongMethod));
        assertTrue(wrongMethod.toLowerCase(java.util.Locale.ROOT).contains("\r\nallow: post\r\n"), wrongMethod);
    }

    @Test
    void malformedAndOversizedFormsAreTheClientsFault() throws Exception {
        assertError(client.postBody(digit(), "multipart/form-data"), 400, "without a boundary");
        String boundary = "b0undary";
        byte[] start = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"big.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.io.ByteArrayOutputStream chunked = new java.io.ByteArrayOutputStream();
        byte[] block = new byte[1 << 20];
        chunked.writeBytes((Integer.toHexString(start.length) + "\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        chunked.writeBytes(start);
        chunked.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        for (int i = 0; i < 12; i++) { // 12 MB of image in 1 MB chunks, more than the 10 MB limit, no Content-Length
            chunked.writeBytes((Integer.toHexString(block.length) + "\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            chunked.writeBytes(block);
            chunked.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        chunked.writeBytes("0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        String answer = raw("POST /api/predict HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n", chunked.toByteArray());
        assertEquals(413, statusOf(answer), answer.substring(0, Math.min(600, answer.length())));
        assertEquals(200, client.postBody(digit(), "image/png").status(), "still serving");
    }

    @Test
    void aTakenPortIsNamed() {
        DigitbenchException e = assertThrows(DigitbenchException.class,
                () -> DigitServer.start(Predictor.open(runDir, PluginRegistry.discover()), "127.0.0.1", server.port(), null));
        assertTrue(e.getMessage().contains("cannot listen on 127.0.0.1:" + server.port()), e.getMessage());
        assertTrue(e.getMessage().contains("--port"), e.getMessage());
    }

    private String raw(String requestLineAndHost) throws Exception {
        return raw(requestLineAndHost + "\r\nConnection: close\r\n\r\n", null);
    }

    private static String head(String response) {
        return response.substring(0, Math.max(0, response.indexOf("\r\n\r\n"))).toLowerCase(java.util.Locale.ROOT);
    }

    /** Every answer carries the headers the docs promise: HEAD of the page, and Jetty's own 400 pages. */
    @Test
    void theServersOwnErrorPagesAndHeadCarryTheHeadersToo() throws Exception {
        String host = "Host: 127.0.0.1:" + server.port();
        String headPage = head(raw("HEAD / HTTP/1.1\r\n" + host));
        assertEquals(200, statusOf(headPage.toUpperCase(java.util.Locale.ROOT)), headPage);
        assertTrue(headPage.replace(" ", "").contains("content-type:text/html;charset=utf-8"), headPage);
        assertTrue(headPage.contains("content-security-policy: " + DigitServer.PAGE_POLICY.toLowerCase(java.util.Locale.ROOT)), headPage);
        for (String request : List.of("GET / HTTP/1.1\r\nHost: ", "GET /%2e%2e/x HTTP/1.1\r\n" + host, "GET /%00 HTTP/1.1\r\n" + host)) {
            String answer = raw(request);
            assertEquals(400, statusOf(answer), request + ": " + answer);
            String h = head(answer);
            assertTrue(h.contains("x-content-type-options: nosniff") && h.contains("referrer-policy: no-referrer"), request + ": " + h);
        }
    }

    /** A forged file name reaches the console as one line without escapes; a broken form's answer names no server class. */
    @Test
    void whatARequestSaysIsLoggedWithoutControlCharactersAndErrorsNameNoServerClass() throws Exception {
        java.io.ByteArrayOutputStream logged = new java.io.ByteArrayOutputStream();
        try (DigitServer logging = DigitServer.start(Predictor.open(runDir, PluginRegistry.discover()), "127.0.0.1", 0,
                new java.io.PrintStream(logged, true, java.nio.charset.StandardCharsets.UTF_8))) {
            String boundary = "b0undary";
            java.io.ByteArrayOutputStream form = new java.io.ByteArrayOutputStream();
            form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; "
                    + "filename*=UTF-8''x.png%0AFORGED%1B%5B31m\r\nContent-Type: image/png\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            form.writeBytes(digit());
            form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String answer = raw(logging.port(), "POST /api/predict HTTP/1.1\r\nHost: 127.0.0.1:" + logging.port() + "\r\nContent-Type: "
                    + "multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + form.size()
                    + "\r\nConnection: close\r\n\r\n", form.toByteArray());
            assertEquals(200, statusOf(answer), answer);
            String log = logged.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(1, log.lines().count(), log);
            assertTrue(!log.contains("\u001b") && log.contains("x.png?FORGED?[31m"), log);

            String broken = raw(logging.port(), "POST /api/predict HTTP/1.1\r\nHost: 127.0.0.1:" + logging.port() + "\r\nContent-Type: "
                    + "multipart/form-data; boundary=" + boundary + "\r\nContent-Length: 20\r\nConnection: close\r\n\r\n",
                    "--b0undary\r\nnonsense".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            assertEquals(400, statusOf(broken), broken);
            assertTrue(!broken.contains("org.eclipse") && !broken.contains("Exception"), broken);
        }
    }

    @Test
    void anAddressThatIsNotThisMachinesIsNamedNotCalledATakenPort() {
        DigitbenchException e = assertThrows(DigitbenchException.class,
                () -> DigitServer.start(Predictor.open(runDir, PluginRegistry.discover()), "8.8.8.8", 0, null));
        assertTrue(e.getMessage().contains("8.8.8.8 is not an address of this machine"), e.getMessage());
    }
}
