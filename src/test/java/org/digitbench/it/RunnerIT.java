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
                1000, 300, out, "faults", List.of(), false, false, null, List.of(), List.of());
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
}
