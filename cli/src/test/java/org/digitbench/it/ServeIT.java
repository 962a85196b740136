package org.digitbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.Dataset;
import org.digitbench.api.PluginRegistry;
import org.digitbench.cli.CliRun;
import org.digitbench.cli.Main;
import org.digitbench.data.DigitPreprocessor;
import org.digitbench.results.predict.Predictor;
import org.digitbench.results.store.SavedModels;
import org.digitbench.serve.DigitServer;
import org.digitbench.serve.ServeClient;
import org.digitbench.testkit.TestData;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * digitbench serve with models trained on real MNIST: a user draws digits on the page with the mouse and uploads a
 * picture (headless Chromium), 50 requests arrive at once, and a model file is broken.
 */
class ServeIT {
    static final List<String> MODELS = List.of("smile-mlp", "tribuo-logistic-regression", "tribuo-linear-svm", "dl4j-mlp",
            "smile-decision-tree");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path out;
    static Path runDir;
    static Predictor predictor;
    static DigitServer server;
    static ByteArrayOutputStream serverLog = new ByteArrayOutputStream();

    @BeforeAll
    static void trainAndServe() {
        CliRun r = CliRun.of("run", "--profile", "quick", "--train-size", "3000", "--test-size", "500", "--no-timing",
                "--save-models", "-m", String.join(",", MODELS), "--run-id", "serve-it", "-o", out.toString(),
                "--data-dir", RealMnist.location().dir().toString());
        assertEquals(0, r.code(), r.out() + r.err());
        runDir = out.resolve("serve-it");
        predictor = Predictor.open(runDir, PluginRegistry.discover());
        server = DigitServer.start(predictor, "127.0.0.1", 0, new PrintStream(serverLog, true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static byte[] picture(float[] digit, int variant) {
        return TestData.png(PredictIT.render(digit, variant));
    }

    static void waitForPredictions(ChromeDriver driver) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d ->
                d.findElements(By.cssSelector("#results tbody tr")).size() == MODELS.size()
                        && !d.findElements(By.id("vote-label")).isEmpty());
    }

    /** Draws one stroke through the points, given relative to the pad's centre, with mouse events. */
    static void stroke(ChromeDriver driver, WebElement pad, int[][] points) {
        Actions a = new Actions(driver).moveToElement(pad, points[0][0], points[0][1]).clickAndHold();
        for (int i = 1; i < points.length; i++) {
            int steps = 6;
            int dx = points[i][0] - points[i - 1][0];
            int dy = points[i][1] - points[i - 1][1];
            for (int s = 1; s <= steps; s++) {
                a.moveToElement(pad, points[i - 1][0] + dx * s / steps, points[i - 1][1] + dy * s / steps);
            }
        }
        a.release().perform();
    }

    /** As {@link #stroke}, with touch events (a finger on a touch screen). */
    static void touchStroke(ChromeDriver driver, WebElement pad, int[][] points) {
        PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
        Sequence touch = new Sequence(finger, 0);
        Duration step = Duration.ofMillis(10);
        touch.addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.fromElement(pad), points[0][0], points[0][1]));
        touch.addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
        for (int i = 1; i < points.length; i++) {
            for (int s = 1; s <= 6; s++) {
                touch.addAction(finger.createPointerMove(step, PointerInput.Origin.fromElement(pad),
                        points[i - 1][0] + (points[i][0] - points[i - 1][0]) * s / 6,
                        points[i - 1][1] + (points[i][1] - points[i - 1][1]) * s / 6));
            }
        }
        touch.addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        driver.perform(List.of(touch));
    }

    static String vote(ChromeDriver driver) {
        return driver.findElement(By.id("vote-label")).getText();
    }

    static long previewInk(ChromeDriver driver) {
        return ((Number) ((JavascriptExecutor) driver).executeScript(
                "const d = document.getElementById('preview').getContext('2d').getImageData(0, 0, 28, 28).data;"
                        + "let s = 0; for (let i = 0; i < d.length; i += 4) s += d[i]; return s;")).longValue();
    }

    @Test
    void drawingDigitsWithTheMouseOrAFingerShowsEveryModelsPrediction() throws IOException {
        ChromeDriver driver = HeadlessChromium.start();
        try {
            driver.get(server.url());
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                    d.findElement(By.id("run")).getText().contains(MODELS.size() + " of " + MODELS.size() + " saved models loaded"));
            WebElement pad = driver.findElement(By.id("pad"));

            stroke(driver, pad, new int[][]{{0, -100}, {0, 100}}); // a 1
            waitForPredictions(driver);
            assertEquals("1", vote(driver), driver.findElement(By.id("vote")).getText());
            assertTrue(previewInk(driver) > 0, "the 28x28 image is shown");
            for (WebElement row : driver.findElements(By.cssSelector("#results tbody tr"))) {
                String model = row.getDomAttribute("data-model");
                assertTrue(MODELS.contains(model), model);
                int bars = row.findElements(By.cssSelector(".bar")).size();
                if (model.equals("tribuo-linear-svm")) {
                    assertEquals(0, bars);
                    assertTrue(row.getText().contains("gives a label, not probabilities"), row.getText());
                } else {
                    assertEquals(10, bars, model + " shows a bar per digit");
                }
            }

            driver.findElement(By.id("clear")).click();
            assertEquals(0, driver.findElements(By.cssSelector("#results tbody tr")).size());
            assertEquals(0, previewInk(driver));

            stroke(driver, pad, new int[][]{{-75, -95}, {75, -95}, {-10, 105}}); // a 7
            waitForPredictions(driver);
            assertEquals("7", vote(driver), driver.findElement(By.id("vote")).getText());

            driver.findElement(By.id("clear")).click();
            touchStroke(driver, pad, new int[][]{{0, -100}, {0, 100}}); // a 1, with a finger
            waitForPredictions(driver);
            assertEquals("1", vote(driver), driver.findElement(By.id("vote")).getText());

            driver.findElement(By.id("clear")).click();
            stroke(driver, pad, new int[][]{{-75, -95}, {75, -95}, {-10, 105}});
            waitForPredictions(driver);
            HeadlessChromium.assertNoConsoleErrors(driver);
            HeadlessChromium.screenshot(driver, SCREENSHOTS.resolve("serve-draw.png"));
        } finally {
            driver.quit();
        }
    }

    @Test
    void uploadingAPictureShowsThePredictionAndAFileThatIsNoImageTheReason() throws IOException {
        Dataset test = RealMnist.load().test();
        Path seven = Files.write(out.resolve("seven.png"), picture(test.row(0), 2)); // test image 0 is a 7, dark on light
        Path notes = Files.writeString(out.resolve("notes.png"), "not an image");
        ChromeDriver driver = HeadlessChromium.start();
        try {
            driver.get(server.url());
            driver.findElement(By.id("file")).sendKeys(seven.toAbsolutePath().toString());
            driver.findElement(By.id("upload")).click();
            waitForPredictions(driver);
            assertEquals("7", vote(driver));
            assertTrue(driver.findElement(By.id("preview-info")).getText().contains("dark on light: inverted"),
                    driver.findElement(By.id("preview-info")).getText());
            HeadlessChromium.screenshot(driver, SCREENSHOTS.resolve("serve-upload.png"));

            driver.findElement(By.id("file")).clear();
            driver.findElement(By.id("file")).sendKeys(notes.toAbsolutePath().toString());
            driver.findElement(By.id("upload")).click();
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElement(By.id("error")).getText().isEmpty());
            assertEquals("notes.png: not an image; expected a PNG, JPEG, BMP or GIF file", driver.findElement(By.id("error")).getText());
            assertEquals(0, driver.findElements(By.cssSelector("#results tbody tr")).size());
        } finally {
            driver.quit();
        }
    }

    @Test
    void fiftyConcurrentRequestsAllAnswerAsOneAtATimeWould() throws Exception {
        Dataset test = RealMnist.load().test();
        int n = 50;
        List<byte[]> pictures = new ArrayList<>();
        List<Predictor.Prediction> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] png = picture(test.row(100 + i), i);
            pictures.add(png);
            expected.add(predictor.predict("expected", DigitPreprocessor.fromBytes(png, "expected")));
        }
        ServeClient client = new ServeClient(server.url());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ServeClient.Answer>> answers = new ArrayList<>();
        long t0;
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            for (int i = 0; i < n; i++) {
                byte[] png = pictures.get(i);
                boolean form = i % 2 == 0;
                answers.add(pool.submit(() -> {
                    go.await();
                    return form ? client.postForm("image", "digit.png", png) : client.postBody(png, "image/png");
                }));
            }
            t0 = System.nanoTime();
            go.countDown();
            for (int i = 0; i < n; i++) {
                ServeClient.Answer a = answers.get(i).get();
                assertEquals(200, a.status(), "request " + i + ": " + a.text());
                JsonNode models = a.json().get("models");
                assertEquals(MODELS.size(), models.size());
                for (int m = 0; m < MODELS.size(); m++) {
                    Predictor.ModelPrediction want = expected.get(i).models().get(m);
                    JsonNode got = models.get(m);
                    assertTrue(got.get("error").isNull(), got.toString());
                    assertEquals(want.label(), got.get("label").asInt(), "request " + i + ", " + want.pluginId());
                    if (want.probabilities() != null) {
                        for (int d = 0; d < 10; d++) {
                            assertEquals(want.probabilities()[d], got.get("probabilities").get(d).asDouble(), 1e-6,
                                    "request " + i + ", " + want.pluginId() + ", P(" + d + ")");
                        }
                    }
                }
                assertEquals(expected.get(i).vote(), a.json().get("vote").asInt());
            }
        }
        System.out.printf("ServeIT: %d concurrent requests answered in %.0f ms (%d models each)%n", n,
                (System.nanoTime() - t0) / 1e6, MODELS.size());
    }

    @Test
    void aModelThatFailsToLoadIsShownAndTheOthersServe() throws Exception {
        Path copy = out.resolve("broken-run");
        Files.createDirectories(copy.resolve("models"));
        try (var files = Files.walk(runDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = copy.resolve(runDir.relativize(f));
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        SavedModels manifest = SavedModels.read(copy);
        String broken = manifest.models().stream().filter(e -> e.pluginId().equals("dl4j-mlp")).findFirst().orElseThrow().file();
        Files.writeString(copy.resolve(broken), "this is no longer a model");
        // recorded as the run saved it (a plugin that wrote a bad file): the file passes its SHA-256 check and fails to load
        List<SavedModels.Entry> entries = manifest.models().stream().map(e -> !e.file().equals(broken) ? e
                : new SavedModels.Entry(e.pluginId(), e.library(), e.file(), e.hyperparameters(), e.seed(), e.accuracy(),
                        SavedModels.sha256(copy.resolve(broken)))).toList();
        org.digitbench.results.store.ResultsStore.writeJson(copy.resolve(SavedModels.FILE), new SavedModels(manifest.runId(),
                manifest.normalization(), manifest.mean(), manifest.std(), manifest.height(), manifest.width(),
                manifest.trainingData(), entries, manifest.classNames()));
        try (DigitServer s = DigitServer.start(Predictor.open(copy, PluginRegistry.discover()), "127.0.0.1", 0, null)) {
            ServeClient client = new ServeClient(s.url());
            JsonNode models = client.get("api/models").json().get("models");
            JsonNode dl4j = models.get(MODELS.indexOf("dl4j-mlp"));
            assertFalse(dl4j.get("loaded").asBoolean());
            assertTrue(dl4j.get("error").asString().startsWith("cannot load " + broken), dl4j.toString());
            ServeClient.Answer a = client.postBody(picture(RealMnist.load().test().row(0), 1), "image/png");
            assertEquals(200, a.status(), a.text());
            assertEquals(7, a.json().get("vote").asInt());
            assertEquals(MODELS.size() - 1, a.json().get("votes").asInt() + countOthers(a.json()), a.text());
            assertTrue(a.json().get("models").get(MODELS.indexOf("dl4j-mlp")).get("error").asString().startsWith("cannot load"));
        }
    }

    /** Models that answered with a label other than the vote. */
    private static int countOthers(JsonNode prediction) {
        int others = 0;
        for (JsonNode m : prediction.get("models")) {
            if (!m.get("label").isNull() && m.get("label").asInt() != prediction.get("vote").asInt()) {
                others++;
            }
        }
        return others;
    }

    @Test
    void theServeCommandServesUntilStoppedAndRefusesARunWithoutModels() throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int[] code = {-1};
        Thread serve = new Thread(() -> code[0] = Main.execute(new String[]{"serve", "--run", "serve-it", "-o", out.toString(),
                "--port", "0"}, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8)));
        serve.start();
        Pattern url = Pattern.compile("Open (http://127\\.0\\.0\\.1:\\d+/) in a browser");
        Matcher m = url.matcher("");
        for (int i = 0; i < 600 && !m.reset(o.toString(StandardCharsets.UTF_8)).find(); i++) {
            Thread.sleep(100);
        }
        assertTrue(m.reset(o.toString(StandardCharsets.UTF_8)).find(), o + " " + e);
        assertTrue(o.toString(StandardCharsets.UTF_8).contains("Serving run serve-it: " + MODELS.size() + " of " + MODELS.size()
                + " models loaded."), o.toString(StandardCharsets.UTF_8));
        ServeClient client = new ServeClient(m.group(1));
        assertEquals(200, client.get("").status());
        assertEquals(200, client.postBody(picture(RealMnist.load().test().row(0), 3), "image/png").status());
        serve.interrupt();
        serve.join(30_000);
        assertFalse(serve.isAlive());
        assertEquals(0, code[0], e.toString(StandardCharsets.UTF_8));
        assertTrue(o.toString(StandardCharsets.UTF_8).contains("majority vote 7"), "a line per prediction: " + o);

        Files.createDirectories(out.resolve("no-models"));
        Files.copy(runDir.resolve("results.json"), out.resolve("no-models").resolve("results.json"));
        CliRun none = CliRun.of("serve", "--run", "no-models", "-o", out.toString(), "--port", "0");
        assertEquals(1, none.code());
        assertTrue(none.err().contains("run no-models has no saved models (no models/manifest.json): run it again with --save-models"),
                none.err());
    }
}
