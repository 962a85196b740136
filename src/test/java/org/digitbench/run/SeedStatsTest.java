package org.digitbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.digitbench.report.ReportFixtures;
import org.junit.jupiter.api.Test;

class SeedStatsTest {
    @Test
    void meansOverTheSeedsEachModelSucceededWith() {
        RunResults r = ReportFixtures.results("fixture-tree");
        assertTrue(SeedStats.applies(r));
        SeedStats s = SeedStats.of(r);
        // the failed model has no row; the tree failed with seed 44, so it has two seeds
        assertEquals(List.of("fixture-network", "fixture-tree"), s.rows().stream().map(SeedStats.Row::pluginId).toList());
        SeedStats.Row net = s.rows().get(0);
        assertEquals(List.of(42L, 43L, 44L), net.seeds());
        assertEquals((0.93 + 0.92 + 0.94) / 3, net.accuracy().mean(), 1e-12);
        assertEquals(0.01, net.accuracy().sd(), 1e-12);
        assertNotNull(net.logLoss());
        SeedStats.Row tree = s.rows().get(1);
        assertEquals(List.of(42L, 43L), tree.seeds());
        assertNull(tree.logLoss(), "the tree has no probabilities");

        assertEquals(1, s.pairs().size());
        SeedStats.Pair p = s.pairs().getFirst();
        assertEquals(2, p.test().n(), "paired over the two seeds both have");
        assertEquals(((0.93 - 0.69) + (0.92 - 0.70)) / 2, p.test().meanDifference(), 1e-12);
        assertNotNull(p.test().pValue());
        assertEquals(p.test().pValue(), p.holmP(), 1e-12, "one pair: Holm changes nothing");
    }

    @Test
    void noRepeatsNoSeedTable() {
        RunResults r = ReportFixtures.results("fixture-tree");
        RunResults single = new RunResults(r.schemaVersion(), r.runId(), r.status(), r.startedAt(), r.finishedAt(), r.profile(),
                r.commandLine(), r.provenance(), r.data(), r.models(), r.comparisons(), r.timing(), null);
        assertFalse(SeedStats.applies(single));
        assertEquals(List.of(), single.repeats());
    }
}
