package org.digitbench.results.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.report.ReportFixtures;
import org.digitbench.results.ModelSummary;
import org.digitbench.results.Plan;
import org.digitbench.results.RunResults;

import org.junit.jupiter.api.Test;

import java.util.List;

class SeedStatsTest {
    private static double[] accuracies(RunResults r, String id) {
        return r.trials().stream().filter(t -> t.pluginId().equals(id) && t.ok()).mapToDouble(t -> t.metrics().accuracy()).toArray();
    }

    @Test
    void meansOverTheSeedsEachModelSucceededWith() {
        RunResults r = ReportFixtures.results("fixture-tree");
        assertTrue(r.hasSeeds());
        SeedStats s = SeedStats.of(r);
        // the failed model has no row; the tree failed with seed 44, so it has two seeds
        assertEquals(List.of("fixture-network", "fixture-tree"), s.rows().stream().map(SeedStats.Row::pluginId).toList());
        SeedStats.Row net = s.rows().get(0);
        assertEquals(List.of(42L, 43L, 44L), net.seeds());
        double[] a = accuracies(r, "fixture-network");
        double mean = (a[0] + a[1] + a[2]) / 3;
        double sd = Math.sqrt(((a[0] - mean) * (a[0] - mean) + (a[1] - mean) * (a[1] - mean) + (a[2] - mean) * (a[2] - mean)) / 2);
        assertEquals(mean, net.accuracy().mean(), 1e-12);
        assertEquals(sd, net.accuracy().sd(), 1e-12);
        assertEquals(3, net.accuracy().n());
        // Student's t for 2 degrees of freedom at 97.5%: 4.302652729911275
        assertEquals(mean - 4.302652729911275 * sd / Math.sqrt(3), net.accuracy().ciLow(), 1e-9);
        assertEquals(mean + 4.302652729911275 * sd / Math.sqrt(3), net.accuracy().ciHigh(), 1e-9);
        assertNotNull(net.logLoss());
        SeedStats.Row tree = s.rows().get(1);
        assertEquals(List.of(42L, 43L), tree.seeds());
        assertNull(tree.logLoss(), "the tree has no probabilities");

        assertEquals(1, s.pairs().size());
        SeedStats.Pair p = s.pairs().getFirst();
        double[] t = accuracies(r, "fixture-tree");
        assertEquals(2, p.test().n(), "paired over the two seeds both have");
        assertEquals(((a[0] - t[0]) + (a[1] - t[1])) / 2, p.test().meanDifference(), 1e-12);
        assertNotNull(p.test().pValue());
        assertEquals(p.test().pValue(), p.holmP(), 1e-12, "one pair: Holm changes nothing");
    }

    @Test
    void oneSeedHasNoIntervals() {
        RunResults r = ReportFixtures.results("fixture-tree");
        Plan plan = new Plan(r.plan().plugins(), List.of(42L), r.plan().timing(), false);
        RunResults single = new RunResults(r.header(), r.provenance(), r.data(), plan, List.of(), List.of(), r.comparisons())
                .withTrials(r.mainTrials(), r.status(), r.finishedAt(), null);
        assertFalse(single.hasSeeds());
        ModelSummary net = single.summary("fixture-network").orElseThrow();
        assertEquals(1, net.accuracy().n());
        assertNull(net.accuracy().sd(), "one trial: no standard deviation");
        assertNull(net.accuracy().ciLow(), "and no interval");
        assertEquals(1, net.trainSeconds().n());
    }
}
