package org.digitbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.PluginRegistry;
import org.digitbench.benchmarks.Trials;
import org.digitbench.config.Execution;
import org.digitbench.config.Profile;
import org.digitbench.config.RunConfig;
import org.digitbench.data.Normalization;
import org.digitbench.plugins.smile.SmileDecisionTree;
import org.digitbench.results.ModelSummary;
import org.digitbench.results.RunResults;
import org.digitbench.results.TrialResult;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.results.store.RunFolder;
import org.digitbench.run.Estimates;
import org.digitbench.run.Runner;
import org.digitbench.testkit.FakePlugin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A plugin that throws does not stop the run, and every finished trial is on disk at once. */
class RunnerIT {
    @TempDir
    Path out;

    /** Trials in this JVM (the test's own plugins cannot be found by a trial JVM), without timing. */
    static Runner inProcess(PluginRegistry registry) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        Execution execution = new Execution(false, null, List.of(), List.of(), true, null);
        return Trials.runner(registry, sink, sink, org.digitbench.trial.ConsoleMode.LOG, execution, Estimates.NONE, (dir, r) -> { });
    }

    static RunConfig config(List<String> plugins, Map<String, Map<String, String>> overrides, List<Long> seeds, int train, int test,
                            Path out, String id) {
        return new RunConfig(Profile.QUICK, plugins, overrides, seeds, new RunConfig.DataChoice(org.digitbench.data.DataSource.mnist(RealMnist.location()), false, Normalization.UNIT, train, test,
                false), false, new RunConfig.Output(false, out, id), List.of("run"));
    }

    @Test
    void aThrowingPluginIsRecordedAndTheRunGoesOn() {
        List<Integer> trialsOnDisk = new ArrayList<>();
        SmileDecisionTree tree = new SmileDecisionTree();
        // checks results.json on disk when it starts training
        ClassifierPlugin probe = new FakePlugin("test-probe", (train, params, seed) -> {
            trialsOnDisk.add(ResultsStore.read(out.resolve("faults").resolve("results.json")).trials().size());
            return tree.train(train, tree.resolve(Map.of()), seed);
        });
        ClassifierPlugin throwing = new FakePlugin("test-throwing", (train, params, seed) -> {
            throw new IllegalStateException("boom");
        });
        var registry = new PluginRegistry(List.of(throwing, tree, probe));
        Runner.Outcome outcome = inProcess(registry).run(config(List.of(), Map.of(), List.of(1L), 1000, 300, out, "faults"));

        assertFalse(outcome.allSucceeded());
        List<TrialResult> trials = ResultsStore.read(outcome.resultsFile()).trials();
        assertEquals(List.of("test-throwing", "smile-decision-tree", "test-probe"), trials.stream().map(TrialResult::pluginId).toList());
        assertEquals(org.digitbench.results.TrialStatus.FAILED, trials.get(0).status());
        assertEquals("IllegalStateException: boom", trials.get(0).error());
        assertEquals(org.digitbench.results.TrialStatus.OK, trials.get(1).status());
        assertEquals(org.digitbench.results.TrialStatus.OK, trials.get(2).status());
        assertEquals(List.of(2), trialsOnDisk, "the two earlier trials were on disk before the third started");
        assertEquals(1, outcome.results().comparisons().size());
        assertTrue(outcome.results().trials().get(1).metrics().accuracy() > 0.5);
        RunFolder folder = RunFolder.at(outcome.resultsFile().getParent());
        for (TrialResult t : trials) {
            assertTrue(Files.isRegularFile(folder.trialFile(t.trialId())), "each trial has its own result file: " + t.trialId());
            assertNull(t.timing(), "--no-timing: no JMH");
        }
    }

    /** --seeds: a trial per plugin and seed; means, standard deviations, intervals and paired tests in the results. */
    @Test
    void everyModelIsTrainedWithEachSeed() {
        Runner.Outcome outcome = inProcess(PluginRegistry.discover()).run(config(List.of("smile-random-forest", "tribuo-logistic-regression"),
                Map.of("smile-random-forest", Map.of("trees", "20")), List.of(5L, 6L, 7L), 800, 300, out, "seeds"));

        org.digitbench.results.ResultsSchema.check(outcome.resultsFile());

        RunResults r = ResultsStore.read(outcome.resultsFile());
        assertEquals(6, r.trials().size(), "two plugins x three seeds");
        assertEquals(List.of(5L, 6L, 7L, 5L, 6L, 7L), r.trials().stream().map(TrialResult::seed).toList());
        assertEquals(2, r.mainTrials().size(), "the main seed's trials");
        assertTrue(r.mainTrials().stream().allMatch(t -> t.seed() == 5 && t.evaluation().predictions() != null));
        assertEquals(2, r.models().size(), "a summary per plugin");
        ModelSummary forest = r.summary("smile-random-forest").orElseThrow();
        assertEquals(3, forest.accuracy().n());
        assertTrue(forest.accuracy().sd() > 0, "a random forest depends on its seed: " + forest.accuracy());
        assertTrue(forest.accuracy().ciLow() < forest.accuracy().mean() && forest.accuracy().mean() < forest.accuracy().ciHigh());
        assertEquals(3, forest.trainSeconds().n(), "three training times");
        assertEquals("wall-clock", forest.trainTiming());
        var stats = org.digitbench.results.stats.SeedStats.of(r);
        for (var row : stats.rows()) {
            assertEquals(List.of(5L, 6L, 7L), row.seeds(), row.pluginId());
            assertTrue(row.accuracy().mean() > 0.7, row.pluginId());
        }
        assertEquals(1, stats.pairs().size());
        assertEquals(3, stats.pairs().get(0).test().n());
    }
}
