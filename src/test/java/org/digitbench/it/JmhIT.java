package org.digitbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.digitbench.api.PluginRegistry;
import org.digitbench.benchmarks.TimingPass;
import org.digitbench.benchmarks.TrainingBenchmark;
import org.digitbench.cli.Main;
import org.digitbench.data.Normalization;
import org.digitbench.report.ReportWriter;
import org.digitbench.run.Profile;
import org.digitbench.run.ResultsStore;
import org.digitbench.run.RunConfig;
import org.digitbench.run.RunResults;
import org.digitbench.run.Runner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JMH timing pass on real MNIST (a small subset), in forked JVMs. */
class JmhIT {
    @TempDir
    static Path out;
    static Path runDir;
    static final String PLUGIN = "smile-decision-tree";

    /** A small quality pass whose model is saved, for the benchmarks to use. */
    @BeforeAll
    static void qualityPass() {
        RunConfig config = new RunConfig(Profile.QUICK, List.of(PLUGIN, "smile-logistic-regression"), Map.of(), 42,
                RealMnist.location(), false, Normalization.UNIT, 600, 300, out, "jmh-it", List.of("run"), true, false, null, List.of(), List.of(), List.of());
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        Runner.Outcome outcome = new Runner(PluginRegistry.discover(), sink, sink, false).run(config);
        assertTrue(outcome.allSucceeded());
        runDir = outcome.resultsFile().getParent();
        assertTrue(Files.isRegularFile(runDir.resolve(Runner.modelFile(PLUGIN))));
        assertTrue(Files.isRegularFile(runDir.resolve(ResultsStore.CONFIG_FILE)));
    }

    /** One benchmark through JMH's Runner API, in a forked JVM with the test's JVM options; JMH's JSON says what ran. */
    @Test
    void trainingBenchmarkRunsThroughJmhAndWritesJson() throws Exception {
        Path json = out.resolve("train.json");
        var options = new OptionsBuilder()
                .include("^" + TrainingBenchmark.class.getName() + ".train$")
                .param("plugin", PLUGIN)
                .param("run", runDir.toAbsolutePath().toString())
                .forks(1).warmupIterations(1).measurementIterations(3)
                .jvmArgs(org.digitbench.run.JvmArgs.current().toArray(String[]::new))
                .shouldFailOnError(true)
                .result(json.toString()).resultFormat(ResultFormatType.JSON)
                .output(out.resolve("train.log").toString())
                .build();
        var results = new org.openjdk.jmh.runner.Runner(options).run();
        assertEquals(1, results.size());

        JsonNode all = JsonMapper.builder().build().readTree(json.toFile());
        assertEquals(1, all.size());
        JsonNode b = all.get(0);
        assertEquals(TrainingBenchmark.class.getName() + ".train", b.get("benchmark").asString());
        assertEquals("ss", b.get("mode").asString());
        assertEquals(1, b.get("forks").asInt());
        assertEquals(PLUGIN, b.get("params").get("plugin").asString());
        assertTrue(b.get("jvmArgs").toString().contains("--enable-native-access=ALL-UNNAMED"), "forks get the native-access option");
        JsonNode primary = b.get("primaryMetric");
        assertEquals("s/op", primary.get("scoreUnit").asString());
        JsonNode raw = primary.get("rawData").get(0);
        assertEquals(3, raw.size(), "three measured trainings");
        for (JsonNode v : raw) {
            assertTrue(v.asDouble() > 0 && v.asDouble() < 60, "a training of 600 images takes seconds: " + v);
        }
        assertTrue(primary.get("score").asDouble() > 0);
        assertTrue(primary.get("scoreError").isNumber(), "three measurements have a confidence interval");
    }

    /** The whole timing pass for two models: JMH's scores are merged into results.json and shown in the report. */
    @Test
    void timingPassMergesScoresIntoResultsAndReport() throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        // --allow-busy: this test checks the mechanics; the rest of the build may keep the load above the core count
        int code = Main.execute(new String[]{"timing", "jmh-it", "--output-dir", out.toString(), "--allow-busy", "--save-models"},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        String printed = stdout.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed + stderr.toString(StandardCharsets.UTF_8));
        assertTrue(printed.contains("train (JMH, s)"), printed);

        RunResults r = ResultsStore.read(runDir.resolve(ResultsStore.FILE_NAME));
        assertEquals("complete", r.timing().status());
        assertTrue(r.timing().forkJvmArguments().contains("--enable-native-access=ALL-UNNAMED"));
        for (RunResults.ModelResult m : r.models()) {
            RunResults.Timing t = m.timing();
            assertNotNull(t, m.pluginId());
            assertEquals("ok", t.status(), m.pluginId() + ": " + t.error());
            assertNull(t.error());
            assertEquals("ss", t.training().mode());
            assertEquals("avgt", t.batch().mode());
            assertEquals("sample", t.single().mode());
            assertEquals(3, t.training().sampleCount(), "quick: 3 measured trainings");
            assertNotNull(t.training().scoreError());
            assertTrue(t.training().ciLow() < t.training().score() && t.training().score() < t.training().ciHigh());
            assertEquals(300 / (t.batch().score() / 1000), t.imagesPerSecond(), 1e-6);
            assertTrue(t.single().percentiles().get("p50") <= t.single().percentiles().get("p99"));
            assertTrue(t.single().sampleCount() > 100, "one image is predicted many times a second");
            for (RunResults.Measurement x : List.of(t.training(), t.batch(), t.single())) {
                assertTrue(Files.isRegularFile(runDir.resolve(x.jsonFile())), x.jsonFile());
                assertTrue(x.loadBefore() >= 0 && x.loadAfter() >= 0);
            }
            assertNotNull(m.modelFile(), "--save-models keeps the model");
        }
        String html = Files.readString(runDir.resolve(ReportWriter.FILE_NAME));
        assertTrue(html.contains("id=\"timing-table\""));
        assertTrue(html.contains("train (JMH)"));
        assertFalse(html.contains("id=\"timing-none\""));
        String tree = r.model(PLUGIN).orElseThrow().timing().training().jsonFile();
        assertTrue(html.contains(tree), "the report links JMH's JSON");
    }
}
