package org.digitbench.it;

import org.digitbench.cli.CliRun;
import org.digitbench.results.TuneResults;
import org.digitbench.results.store.ResultsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code digitbench tune} on real MNIST: successive halving over a real plugin's depth, its page and its -P options. */
class TuneIT {
    @TempDir
    Path out;

    @Test
    void halvingTunesATreesDepthOnTheValidationSplitAndPrintsTheChosenOptions() throws Exception {
        CliRun r = CliRun.of("tune", "-m", "smile-decision-tree", "-P", "smile-decision-tree.max-depth=2,4,8,16,32", "--profile", "quick",
                "--halving", "--rule", "best", "--write-defaults", "--tune-id", "depth", "-o", out.toString(),
                "--data-dir", RealMnist.location().dir().toString());
        assertEquals(0, r.code(), r.printed());
        TuneResults t = ResultsStore.readJson(out.resolve("depth").resolve("tune.json"), TuneResults.class);
        TuneResults.PluginTuning tree = t.plugins().getFirst();
        assertEquals(List.of(667, 667, 667, 667, 667, 2000, 2000), tree.configurations().stream().map(TuneResults.Configuration::trainSize).toList(),
                "five on a third of the 2,000 images, the best two on all of them");
        for (TuneResults.Configuration c : tree.configurations()) {
            assertTrue(c.ok(), c.toString());
            assertTrue(Files.isRegularFile(out.resolve("depth").resolve(c.runId()).resolve("results.json")), "a trial in its own run");
        }
        assertEquals(Map.of("max-depth", "2"), tree.configurations().getFirst().params());
        assertTrue(tree.configurations().getFirst().accuracy() < 0.5, "a depth-2 tree is poor: " + tree.configurations().getFirst());
        assertNotNull(tree.chosen());
        TuneResults.Configuration chosen = tree.configurations().get(tree.chosen());
        assertEquals(2000, chosen.trainSize());
        assertTrue(chosen.accuracy() >= tree.configurations().subList(5, 7).stream().mapToDouble(TuneResults.Configuration::accuracy).max()
                .orElseThrow(), "the best of the whole set's");
        String line = "-P smile-decision-tree.max-depth=" + chosen.params().get("max-depth");
        assertEquals(List.of(line), tree.defaults());
        assertTrue(r.out().strip().endsWith(line), r.out());
        String page = Files.readString(out.resolve("depth").resolve("tune.html"));
        assertTrue(page.contains("Pareto front") && page.contains(line), "the tuning's page");
        assertTrue(ResultsStore.read(out.resolve("depth").resolve(chosen.runId()).resolve("results.json")).plan().validation(),
                "tested on the validation split, never the test set");
    }
}
