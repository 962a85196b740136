package org.digitbench.run;

import org.digitbench.results.TrialResult;
import org.digitbench.results.TrialStatus;
import org.digitbench.results.Verification;
import org.digitbench.results.provenance.Machine;
import org.digitbench.results.provenance.Provenance;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class VerifyTest {
    private static Provenance env(String commit, String java) {
        return new Provenance(new Provenance.Build("1.0", commit, false), new Provenance.Java(java, "Eclipse Adoptium", "OpenJDK " + java,
                List.of()), new Provenance.Host("Linux", 2, 1L << 33), Map.of(), 42);
    }

    private static TrialResult trial(TrialStatus status, String version, String cpu, int... predictions) {
        return new TrialResult(new TrialResult.Outcome("knn", 42, status, status == TrialStatus.OK ? null : "it threw"),
                new TrialResult.PluginInfo("Fake", version, "knn", "", Map.of(), Map.of()),
                new TrialResult.Evaluation(100, predictions.length, null, predictions, List.of()),
                new TrialResult.Times(1.0, 0.1, 2.0, Instant.EPOCH), null,
                new TrialResult.Resources(1L, 1L, new Machine("h", cpu, 2, "0-1", 1L, null, null)), null, null);
    }

    @Test
    void identicalPredictionsInTheSameEnvironment() {
        Verification.Check c = Verify.compare(trial(TrialStatus.OK, "1.0", "EPYC", 1, 2, 3), trial(TrialStatus.OK, "1.0", "EPYC", 1, 2, 3),
                env("abc", "25"), env("abc", "25"));
        assertEquals(new Verification.Check("knn", 42, Verification.Status.IDENTICAL, 3, 0, null, List.of(), null), c);
    }

    @Test
    void differencesAreCountedTheFirstNamedAndTheEnvironmentCompared() {
        Verification.Check c = Verify.compare(trial(TrialStatus.OK, "1.0", "EPYC", 1, 2, 3, 4), trial(TrialStatus.OK, "1.1", "Xeon", 1, 5, 3, 0),
                env("abc", "25"), env("def", "25"));
        assertEquals(Verification.Status.DIFFERENT, c.status());
        assertEquals(2, c.differing());
        assertEquals(new Verification.Difference(1, 2, 5), c.first());
        assertEquals(List.of("digitbench commit: abc ≠ def", "library: Fake 1.0 ≠ Fake 1.1", "cpu: EPYC × 2 ≠ Xeon × 2"), c.environment());
        assertEquals("knn, seed 42: DIFFERENT: 2 of 4 predictions differ, the first at test image 1 (the run said 2, now 5); "
                + "environment then ≠ now: digitbench commit: abc ≠ def; library: Fake 1.0 ≠ Fake 1.1; cpu: EPYC × 2 ≠ Xeon × 2\n"
                + "0 of 1 trials reproduced exactly; the check's run: verify/x\n", Verify.format(new Verification(Instant.EPOCH, "verify/x", List.of(c))));
    }

    @Test
    void aTrialThatFailsAgainOrPredictsAnotherCountIsFailed() {
        Verification.Check failed = Verify.compare(trial(TrialStatus.OK, "1.0", "EPYC", 1), trial(TrialStatus.FAILED, "1.0", "EPYC"),
                env("abc", "25"), env("abc", "25"));
        assertEquals(Verification.Status.FAILED, failed.status());
        assertEquals("it threw", failed.error());
        Verification.Check shorter = Verify.compare(trial(TrialStatus.OK, "1.0", "EPYC", 1, 2), trial(TrialStatus.OK, "1.0", "EPYC", 1),
                env("abc", "25"), env("abc", "25"));
        assertEquals("the run predicted 2 test images, the check 1", shorter.error());
        assertNull(Verify.compare(trial(TrialStatus.OK, "1.0", "EPYC", 1), null, env("a", "25"), env("a", "25")).first());
    }
}
