package org.digitbench.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.results.RunResults;

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
}
