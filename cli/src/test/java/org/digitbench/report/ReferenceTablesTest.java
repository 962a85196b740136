package org.digitbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.results.RunResults;
import org.digitbench.results.RunStatus;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.run.ReferenceEstimates;

import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The measured tables of benchmarks/results/README.md, from a run's results alone. */
class ReferenceTablesTest {
    @Test
    void aRunWithCorruptedImagesGetsARobustnessAndCalibrationTable() {
        RunResults r = ReportFixtures.results("fixture-tree");
        String md = ReferenceTables.markdown(r, "benchmarks/results/quick/results.json");
        int table = md.indexOf("| model | accuracy | mean corruption accuracy | drop (points) | worst corruption | ECE |");
        assertTrue(table > 0, md);
        String robustness = md.substring(table);
        assertTrue(robustness.indexOf("`fixture-network`") < robustness.indexOf("`fixture-tree`"), "most robust first: " + robustness);
        assertTrue(robustness.contains("| `fixture-tree` |") && robustness.contains("| shot-noise (") && robustness.contains("no probabilities"),
                robustness);
        assertFalse(robustness.contains("fixture-broken"), "a failed trial has no robustness row");
        assertTrue(robustness.contains("on 100 test images corrupted each of 2 ways"), robustness);

        String plain = ReferenceTables.markdown(r.withData(r.data().withRobustness(null)), "x.json");
        assertFalse(plain.contains("mean corruption accuracy"), "a run without them has no such table");
    }

    /**
     * A plugin measured after the profile's reference run, in a run of its own kept under the profile's additions/,
     * is estimated from there; a plugin the reference has keeps the reference's figure.
     */
    @Test
    void anAdditionEstimatesOnlyThePluginsTheReferenceLacks(@TempDir Path dir) throws IOException {
        RunResults all = ReportFixtures.results("fixture-tree");
        RunResults reference = all.withTrials(all.trials().stream().filter(t -> t.pluginId().equals("fixture-network")).toList(),
                RunStatus.COMPLETE, all.finishedAt(), null);
        Path profile = dir.resolve(all.profile());
        Files.createDirectories(profile.resolve(ReferenceTables.ADDITIONS));
        ResultsStore.writeJson(profile.resolve(ResultsStore.FILE_NAME), reference);
        ResultsStore.writeJson(profile.resolve(ReferenceTables.ADDITIONS).resolve("new-plugins.json"), all);
        Files.writeString(profile.resolve(ReferenceTables.ADDITIONS).resolve("notes.txt"), "not a run");

        List<Path> main = ReferenceTables.find(dir);
        List<Path> additions = ReferenceTables.additions(dir);
        assertEquals(List.of(profile.resolve(ResultsStore.FILE_NAME)), main);
        assertEquals(List.of(profile.resolve(ReferenceTables.ADDITIONS).resolve("new-plugins.json")), additions);

        ReferenceEstimates e = ReferenceEstimates.from(List.of(reference, all), List.of("reference.json", "addition.json"));
        var entries = e.profiles().get(all.profile());
        assertTrue(entries.get("fixture-network").run().startsWith("reference.json"), "the reference's own figure: " + entries);
        assertTrue(entries.get("fixture-tree").run().startsWith("addition.json"), "the plugin it lacks, from the addition: " + entries);
        assertFalse(entries.containsKey("fixture-broken"), "a failed trial estimates nothing");
    }
}
