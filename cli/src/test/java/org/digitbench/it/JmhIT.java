package org.digitbench.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.PluginRegistry;
import org.digitbench.api.TrainedModel;
import org.digitbench.benchmarks.JmhTiming;
import org.digitbench.benchmarks.TrainingBenchmark;
import org.digitbench.benchmarks.Trials;
import org.digitbench.cli.CliRun;
import org.digitbench.config.Execution;
import org.digitbench.config.Profile;
import org.digitbench.config.RunConfig;
import org.digitbench.data.Normalization;
import org.digitbench.report.ReportWriter;
import org.digitbench.results.Measurement;
import org.digitbench.results.RunResults;
import org.digitbench.results.Timing;
import org.digitbench.results.TrialResult;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.results.store.RunFolder;
import org.digitbench.run.Estimates;
import org.digitbench.testkit.FakePlugin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Trials timed by JMH on real MNIST (a small subset), each in its own JVM. */
class JmhIT {
    @TempDir
    Path out;

    /**
     * Each trial's training is JMH's single shot and is the model evaluated; its inference is then benchmarked; the scores
     * land in the trial's result, results.json and the report; digitbench timing benchmarks the saved models again.
     */
    @Test
    void eachTrialTimesItsTrainingAndBenchmarksThatModel() throws Exception {
        // --allow-busy: this test checks the mechanics; the rest of the build may keep the load above the core count
        CliRun run = CliRun.of("run", "--profile", "quick", "--train-size", "600", "--test-size", "300", "--allow-busy",
                "--save-models", "-m", "smile-decision-tree,smile-logistic-regression", "--run-id", "jmh-it",
                "--data-dir", RealMnist.location().dir().toString(), "-o", out.toString());
        assertEquals(0, run.code(), run.printed());
        assertTrue(run.stdout().contains("train (JMH, s)"), run.stdout());
        // not a terminal: a line per state change, no bars and no line per benchmark iteration (issue 31: a quick run's
        // log was thousands of lines)
        List<String> lines = run.printed().lines().toList();
        assertEquals(List.of("  smile-decision-tree: training", "  smile-decision-tree: predicting",
                "  smile-decision-tree: predicting corrupted images", "  smile-decision-tree: benchmarking inference"), lines.stream().filter(l -> l.startsWith("  smile-decision-tree: ")).toList());
        assertTrue(lines.stream().noneMatch(l -> l.contains("measurement 1/") || l.contains("[=")), run.printed());

        Path runDir = out.resolve("jmh-it");
        org.digitbench.results.ResultsSchema.check(runDir.resolve(RunFolder.RESULTS));
        RunResults r = ResultsStore.read(runDir.resolve(RunFolder.RESULTS));
        assertEquals("jmh", r.plan().timing());
        assertTrue(r.provenance().libraries().containsKey("JMH"));
        for (TrialResult t : r.trials()) {
            Timing timing = t.timing();
            assertNotNull(timing, t.trialId());
            assertEquals(org.digitbench.results.TrialStatus.OK, timing.status(), t.trialId() + ": " + timing.error());
            assertNull(timing.error());
            Measurement train = timing.training();
            assertEquals("ss", train.mode());
            assertEquals(1, train.sampleCount(), "one single shot: the training that made the model");
            assertEquals(0, train.forks(), "in the trial's own JVM");
            assertEquals(train.score(), t.times().trainSeconds(), 1e-12, "the trial's training time is JMH's score");
            assertNull(train.scoreError(), "one measurement has no interval");
            assertEquals("avgt", timing.batch().mode());
            assertTrue(timing.batchImages() >= 100 && timing.batchImages() <= 300, "the batch is sized: " + timing.batchImages());
            double median = org.digitbench.eval.MedianInterval.of(timing.batch().iterationScores().stream()
                    .mapToDouble(Double::doubleValue).toArray(), 0.95).median();
            assertEquals(timing.batchImages() / (median / 1000), timing.imagesPerSecond(), 1e-6, "images/s from the median");
            // 20 measured iterations, or, when the collector made those unstable, 10 longer ones that keep the 20
            var first = timing.batch().iterations().remeasured();
            int measured = first == null ? 20 : 10;
            assertEquals(measured, timing.batch().measurementIterations(), "20 measured iterations: the median's interval is the 6th to the 15th");
            assertEquals(measured, timing.batch().iterationScores().size());
            if (first != null) {
                assertEquals(20, first.iterationScores().size(), "the first measurement is kept: " + first.reason());
            }
            assertNotNull(timing.batch().iterations().steadyWarmup(), "a checked warm-up before the batch");
            assertNotNull(timing.single().iterations().steadyWarmup(), "and before single images");
            assertTrue(timing.batch().allocatedBytesPerOp() > 0, "JMH's GC profiler: the heap a batch allocates");
            assertTrue(timing.batch().estimate().cpuCores() > 0);
            List<Double> gc = timing.batch().estimate().profile().iterationGcMillis();
            assertEquals(timing.batch().iterationScores().size(), gc.size(), "the collector's pause in every iteration: " + gc);
            assertTrue(gc.stream().allMatch(ms -> ms >= 0), gc.toString());
            assertEquals(java.util.List.of(32, 256), timing.batchSizes().stream().map(org.digitbench.results.Timing.BatchSize::images).toList());
            for (var size : timing.batchSizes()) {
                assertTrue(size.measurement() != null || size.skipped() != null, size.images() + ": measured, or why not");
            }
            assertTrue(t.resources().modelBytes() > 0, "the saved model's size on disk");
            assertNotNull(timing.batch().scoreError());
            assertEquals("sample", timing.single().mode());
            assertTrue(timing.single().percentiles().get("p50") <= timing.single().percentiles().get("p99"));
            assertTrue(timing.single().sampleCount() > 100, "one image is predicted many times a second");
            assertFalse(timing.busy(), "--allow-busy: no wait, and not marked");
            for (Measurement x : List.of(train, timing.batch(), timing.single())) {
                Path json = runDir.resolve(x.jsonFile());
                assertTrue(Files.isRegularFile(json), x.jsonFile());
                JsonNode b = JsonMapper.builder().build().readTree(json.toFile()).get(0);
                assertEquals(t.trialId(), b.get("params").get("trial").asString(), "JMH's JSON names the trial");
            }
            assertNotNull(t.times().trialSeconds());
            assertTrue(t.times().trialSeconds() >= t.times().trainSeconds() + t.times().predictSeconds(), "the whole trial includes its parts");
            assertNotNull(t.modelFile(), "--save-models keeps the model");
        }
        assertEquals(TrainingBenchmark.class.getName() + ".train", r.trials().get(0).timing().training().benchmark());
        String html = Files.readString(runDir.resolve(ReportWriter.FILE_NAME));
        assertTrue(html.contains("id=\"timing-table\""));
        assertFalse(html.contains("id=\"timing-none\""));
        assertTrue(html.contains(r.trials().get(0).timing().training().jsonFile()), "the report links JMH's JSON");

        // digitbench timing: the saved models' inference again; the training time stays
        CliRun again = CliRun.of("timing", "jmh-it", "-o", out.toString(), "--allow-busy", "-m", "smile-decision-tree");
        assertEquals(0, again.code(), again.printed());
        org.digitbench.results.ResultsSchema.check(runDir.resolve(RunFolder.RESULTS));
        RunResults retimed = ResultsStore.read(runDir.resolve(RunFolder.RESULTS));
        TrialResult before = r.model("smile-decision-tree").orElseThrow();
        TrialResult after = retimed.model("smile-decision-tree").orElseThrow();
        assertEquals(before.timing().training(), after.timing().training(), "a training is timed only in its trial");
        assertNotEquals(before.timing().batch(), after.timing().batch(), "the batch benchmark ran again");
        assertEquals(r.model("smile-logistic-regression").orElseThrow().timing(),
                retimed.model("smile-logistic-regression").orElseThrow().timing(), "-m: only that plugin");
        assertEquals(before.metrics().accuracy(), after.metrics().accuracy());
        assertArrayEquals(before.evaluation().predictions(), after.evaluation().predictions(), "re-timing leaves the evaluation alone");
    }

    /** A trial trains exactly twice: the small unmeasured warm-up, then the timed training whose model it evaluates and benchmarks. */
    @Test
    void aTrialTrainsOnceBesidesTheWarmUpAndEvaluatesTheTimedModel() {
        List<Integer> trainedOn = Collections.synchronizedList(new ArrayList<>());
        List<AtomicInteger> predictions = Collections.synchronizedList(new ArrayList<>());
        FakePlugin counting = new FakePlugin("test-counting", (train, params, seed) -> {
            int call = trainedOn.size();
            trainedOn.add(train.size());
            AtomicInteger predicted = new AtomicInteger();
            predictions.add(predicted);
            return new TrainedModel() {
                @Override
                public int predict(float[] image) {
                    predicted.incrementAndGet();
                    return call; // the call's number: which training made the model that predicted
                }

                @Override
                public void save(Path file) {
                }
            };
        });
        RunResults r = runInThisJvm(counting, "counting");

        assertEquals(2, trainedOn.size(), "the warm-up and the timed training, nothing else: " + trainedOn);
        assertTrue(trainedOn.get(0) <= JmhTiming.WARMUP_TRAIN_IMAGES && trainedOn.get(0) < 2000, "the warm-up trains on a subset");
        assertEquals(2000, trainedOn.get(1), "the timed training has the whole training set");
        TrialResult t = r.trials().getFirst();
        assertEquals(org.digitbench.results.TrialStatus.OK, t.status(), t.error());
        for (int p : t.evaluation().predictions()) {
            assertEquals(1, p, "every test image was predicted by the model of the second training, the timed one");
        }
        assertEquals(1, t.timing().training().sampleCount());
        assertEquals(0, predictions.get(0).get(), "the warm-up's model is never used");
        assertTrue(predictions.get(1).get() > 300 + t.timing().batchImages(), "the timed model was evaluated and benchmarked");
    }

    /** A model that throws once benchmarked (here: in the checked warm-up) fails the timing, not the trial: its accuracy stays. */
    @Test
    void aModelThatThrowsInTheBenchmarksFailsItsTimingNotItsTrial() {
        FakePlugin fragile = new FakePlugin("test-fragile", (train, params, seed) -> new TrainedModel() {
            private final AtomicInteger calls = new AtomicInteger();

            @Override
            public int predict(float[] image) {
                if (calls.incrementAndGet() > 300) { // the evaluation's 300 test images, then nothing
                    throw new IllegalStateException("worn out");
                }
                return 0;
            }

            @Override
            public void save(Path file) {
            }
        });
        RunResults r = runInThisJvm(fragile, "fragile");

        TrialResult t = r.trials().getFirst();
        assertEquals(org.digitbench.results.TrialStatus.OK, t.status(), "the trial keeps its evaluation: " + t.error());
        assertEquals(300, t.evaluation().predictions().length);
        assertEquals(org.digitbench.results.TrialStatus.FAILED, t.timing().status());
        assertTrue(t.timing().error().contains("batch: the checked warm-up failed: IllegalStateException: worn out"), t.timing().error());
        assertEquals(1, t.timing().training().sampleCount(), "the training's measurement is kept");
    }

    /** A quick timed run of one plugin on 2,000 / 300 real MNIST images, its trial in this JVM (so the test sees its calls). */
    private RunResults runInThisJvm(FakePlugin plugin, String runId) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        Execution inProcess = new Execution(false, null, List.of(), List.of(), true, null);
        RunConfig config = new RunConfig(Profile.QUICK, List.of(plugin.id()), Map.of(), List.of(42L), new RunConfig.DataChoice(
                org.digitbench.data.DataSource.mnist(RealMnist.location()), false, Normalization.UNIT, 2000, 300, false), true,
                new RunConfig.Output(false, out, runId), List.of("run"));
        return Trials.runner(new PluginRegistry(List.of(plugin)), sink, sink, org.digitbench.trial.ConsoleMode.LOG, inProcess, Estimates.NONE,
                (dir, x) -> { }).run(config).results();
    }
}
