package org.digitbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.PluginRegistry;
import org.digitbench.cli.Main;
import org.digitbench.config.Profile;
import org.digitbench.data.Mnist;
import org.digitbench.results.RunResults;
import org.digitbench.results.TrialResult;
import org.digitbench.results.store.ResultsStore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code digitbench run --profile quick} on real MNIST, through the command line. */
class QuickProfileIT {
    @TempDir
    Path out;

    @Test
    void quickProfileTrainsEveryPluginAndWritesResultsAndReport() throws java.io.IOException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        // accuracy only, two trials at a time (each JVM on its own core): what this test checks does not depend on timing, and
        // it takes two fifths less of CI's time (JobsIT checks how --jobs marks times)
        String[] args = {"run", "--profile", "quick", "--output-dir", out.toString(), "--run-id", "quick-it",
                "--data-dir", RealMnist.location().dir().toString(), "--no-timing", "--jobs", "2"};
        int code = Main.execute(args,
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        String printed = stdout.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed + stderr.toString(StandardCharsets.UTF_8));
        assertTrue(printed.contains("model ") && printed.contains("macro F1"), "leaderboard printed:\n" + printed);

        Path file = out.resolve("quick-it").resolve("results.json");
        assertTrue(Files.isRegularFile(file));
        org.digitbench.results.ResultsSchema.check(file);
        RunResults r = ResultsStore.read(file);
        assertEquals(org.digitbench.results.RunStatus.COMPLETE, r.status());
        assertEquals("quick", r.profile());
        assertNotNull(r.finishedAt());
        assertEquals(Profile.QUICK.trainSize(), r.data().train().size());
        assertEquals(Profile.QUICK.testSize(), r.data().test().size());
        assertEquals(Mnist.File.TRAIN_IMAGES.sha256, r.data().train().sources().get(0).sha256());
        // a run that names no plugins trains the default set, and its results say which plugins it left out and why
        PluginRegistry registry = PluginRegistry.discover();
        List<String> discovered = registry.defaultSet().stream().map(ClassifierPlugin::id).toList();
        assertEquals(discovered, r.mainTrials().stream().map(TrialResult::pluginId).toList());
        assertEquals(registry.leftOut(), r.plan().leftOut());
        assertFalse(r.plan().leftOut().isEmpty(), "the built-in plugins leave some out of the default set");
        // accuracy floors for the quick profile's 2,000 training / 1,000 test images, 3 to 6 points under what the committed quick
        // reference run measured (benchmarks/results/quick: e.g. smile-decision-tree 0.696, dl4j-cnn 0.939), far above guessing
        Map<String, Double> floor = Map.ofEntries(Map.entry("smile-logistic-regression", 0.82), Map.entry("smile-decision-tree", 0.64),
                Map.entry("smile-random-forest", 0.86), Map.entry("smile-svm-rbf", 0.90), Map.entry("smile-mlp", 0.88),
                Map.entry("tribuo-logistic-regression", 0.82), Map.entry("tribuo-decision-tree", 0.66),
                Map.entry("tribuo-random-forest", 0.86), Map.entry("tribuo-linear-svm", 0.82),
                Map.entry("tribuo-svm-rbf", 0.90), Map.entry("tribuo-xgboost", 0.85),
                Map.entry("dl4j-mlp", 0.87), Map.entry("dl4j-cnn", 0.90), Map.entry("dl4j-rnn", 0.80),
                // measured at 5d74313 (./digitbench run --profile quick -m ...): 0.897, 0.850, 0.727, 0.914, 0.912, 0.939, 0.752
                Map.entry("xgboost4j-trees", 0.85), Map.entry("weka-naive-bayes", 0.80), Map.entry("weka-j48", 0.66),
                Map.entry("weka-random-forest", 0.86), Map.entry("djl-mlp", 0.87), Map.entry("djl-cnn", 0.90), Map.entry("djl-rnn", 0.70));
        for (TrialResult m : r.mainTrials()) {
            assertEquals(org.digitbench.results.TrialStatus.OK, m.status(), m.pluginId() + ": " + m.error());
            assertNull(m.error());
            if (m.plugin().hyperparameters().containsKey("validation-fraction")) { // the networks hold out a validation part
                assertEquals(Math.round(Profile.QUICK.trainSize() * (1 - (double) m.plugin().hyperparameters().get("validation-fraction"))),
                        m.evaluation().trainingSize(), m.pluginId());
                assertFalse(m.network().history().isEmpty() || m.network().layers().isEmpty(), m.pluginId());
                assertTrue(m.network().parameterCount() > 0, m.pluginId());
                assertNotNull(m.network().history().getLast().validationLoss(), m.pluginId());
            } else {
                assertEquals(Profile.QUICK.trainSize(), m.evaluation().trainingSize());
            }
            assertTrue(m.resources().peakHeapBytes() > 0, m.pluginId());
            assertEquals(Profile.QUICK.testSize(), m.evaluation().predictions().length);
            assertTrue(m.metrics().accuracy() >= floor.getOrDefault(m.pluginId(), 0.5), m.pluginId() + " accuracy " + m.metrics().accuracy());
            assertTrue(m.metrics().accuracyCi95().low() < m.metrics().accuracy() && m.metrics().accuracy() < m.metrics().accuracyCi95().high());
            assertTrue(m.times().trainSeconds() > 0 && m.times().predictSeconds() > 0);
            assertEquals(42, m.seed());
        }
        int n = r.mainTrials().size();
        assertEquals(n * (n - 1) / 2, r.comparisons().size()); // every pair
        assertTrue(r.provenance().libraries().containsKey("Smile"), r.provenance().libraries().toString());
        assertEquals(Runtime.getRuntime().availableProcessors(), r.provenance().cpus());

        // the HTML report, written by the run, as a browser shows it
        Path page = out.resolve("quick-it").resolve("index.html");
        assertTrue(printed.contains("Report: " + page), printed);
        assertTrue(Files.isRegularFile(out.resolve("index.html")), "runs index");
        ReportBrowser.check(page, discovered, SCREENSHOT);

        // the same run again right after: every trial comes from the trial cache, none trains
        args[6] = "quick-again";
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertEquals(0, Main.execute(args, new PrintStream(again, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        RunResults reused = ResultsStore.read(out.resolve("quick-again").resolve("results.json"));
        assertEquals(discovered.size(), reused.trials().size());
        assertTrue(reused.trials().stream().allMatch(t -> "quick-it".equals(t.reusedFrom())), again.toString(StandardCharsets.UTF_8));
        assertTrue(again.toString(StandardCharsets.UTF_8).contains(discovered.size() + " of " + discovered.size() + " trials reused"));
    }

    /** Kept after the test, for people to look at. */
    static final Path SCREENSHOT = Path.of("target", "screenshots", "report-quick.png");
}
