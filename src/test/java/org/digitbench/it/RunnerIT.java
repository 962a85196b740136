package org.digitbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.digitbench.FakePlugin;
import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.PluginRegistry;
import org.digitbench.data.Normalization;
import org.digitbench.plugins.smile.SmileDecisionTree;
import org.digitbench.run.Profile;
import org.digitbench.run.ResultsStore;
import org.digitbench.run.RunConfig;
import org.digitbench.run.RunResults;
import org.digitbench.run.Runner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin that throws does not stop the run, and every finished model is on disk at once. */
class RunnerIT {
    @TempDir
    Path out;

    @Test
    void aThrowingPluginIsRecordedAndTheRunGoesOn() {
        List<Integer> modelsOnDisk = new ArrayList<>();
        SmileDecisionTree tree = new SmileDecisionTree();
        // checks results.json on disk when it starts training
        ClassifierPlugin probe = new FakePlugin("test-probe", (train, params, seed) -> {
            modelsOnDisk.add(ResultsStore.read(out.resolve("faults").resolve("results.json")).models().size());
            return tree.train(train, tree.resolve(Map.of()), seed);
        });
        ClassifierPlugin throwing = new FakePlugin("test-throwing", (train, params, seed) -> {
            throw new IllegalStateException("boom");
        });
        var registry = new PluginRegistry(List.of(throwing, tree, probe));
        var config = new RunConfig(Profile.QUICK, List.of(), Map.of(), 1, RealMnist.location(), true, Normalization.UNIT,
                1000, 300, out, "faults", List.of(), false, false, null, List.of(), List.of(), List.of());
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        Runner.Outcome outcome = new Runner(registry, sink, sink, false).run(config);

        assertFalse(outcome.allSucceeded());
        List<RunResults.ModelResult> models = ResultsStore.read(outcome.resultsFile()).models();
        assertEquals(List.of("test-throwing", "smile-decision-tree", "test-probe"), models.stream().map(RunResults.ModelResult::pluginId).toList());
        assertEquals("failed", models.get(0).status());
        assertEquals("IllegalStateException: boom", models.get(0).error());
        assertEquals("ok", models.get(1).status());
        assertEquals("ok", models.get(2).status());
        assertEquals(List.of(2), modelsOnDisk, "the two earlier models were on disk before the third started");
        assertEquals(1, outcome.results().comparisons().size());
        assertTrue(outcome.results().models().get(1).metrics().accuracy() > 0.5);
    }

    /** --seeds: every model again with each further seed; means, standard deviations and paired tests in the results. */
    @Test
    void everyModelIsRepeatedWithEachSeed() {
        var registry = PluginRegistry.discover();
        var config = new RunConfig(Profile.QUICK, List.of("smile-random-forest", "tribuo-logistic-regression"),
                Map.of("smile-random-forest", Map.of("trees", "20")), 5, RealMnist.location(), false, Normalization.UNIT,
                800, 300, out, "seeds", List.of(), false, false, null, List.of(), List.of(), List.of(6L, 7L));
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        Runner.Outcome outcome = new Runner(registry, sink, sink, false).run(config);

        RunResults r = ResultsStore.read(outcome.resultsFile());
        assertEquals(2, r.models().size(), "the first seed's models");
        assertEquals(4, r.repeats().size(), "two plugins x two more seeds");
        assertEquals(List.of(6L, 6L, 7L, 7L), r.repeats().stream().map(RunResults.Repeat::seed).toList());
        var stats = org.digitbench.run.SeedStats.of(r);
        for (var row : stats.rows()) {
            assertEquals(List.of(5L, 6L, 7L), row.seeds(), row.pluginId());
            assertTrue(row.accuracy().mean() > 0.7, row.pluginId());
        }
        var forest = stats.rows().get(0);
        assertTrue(forest.accuracy().sd() > 0, "a random forest depends on its seed: " + forest.accuracy());
        assertEquals(1, stats.pairs().size());
        assertEquals(3, stats.pairs().get(0).test().n());
        // the repeats do not change the first seed's results
        RunResults.Repeat again = r.repeats().stream().filter(x -> x.pluginId().equals("smile-random-forest")).findFirst().orElseThrow();
        assertTrue(again.accuracy() != null && again.seed() == 6);
    }
}
