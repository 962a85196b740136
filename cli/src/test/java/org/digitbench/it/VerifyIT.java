package org.digitbench.it;

import org.digitbench.cli.CliRun;
import org.digitbench.results.TrialResult;
import org.digitbench.results.Verification;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.results.store.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code digitbench verify} on a real quick run: every trial reproduced; a deliberately altered prediction reported. */
class VerifyIT {
    @TempDir
    Path out;

    @Test
    void aQuickRunReproducesExactlyAndAnAlteredPredictionIsReported() throws Exception {
        String data = RealMnist.location().dir().toString();
        CliRun run = CliRun.of("run", "--profile", "quick", "-m", "smile-decision-tree,weka-naive-bayes", "--robustness", "none",
                "--no-timing", "--no-cache", "-o", out.toString(), "--run-id", "q", "--data-dir", data);
        assertEquals(0, run.code(), run.printed());

        CliRun verify = CliRun.of("verify", "q", "-o", out.toString(), "--data-dir", data);
        assertEquals(0, verify.code(), verify.printed());
        assertTrue(verify.out().contains("smile-decision-tree, seed 42: identical (1,000 of 1,000 predictions)"), verify.out());
        assertTrue(verify.out().contains("2 of 2 trials reproduced exactly"), verify.out());
        Verification v = ResultsStore.readJson(out.resolve("q").resolve(Verification.FILE), Verification.class);
        assertEquals(List.of(Verification.Status.IDENTICAL, Verification.Status.IDENTICAL),
                v.trials().stream().map(Verification.Check::status).toList());
        assertTrue(Files.isRegularFile(out.resolve("q").resolve(v.checkRun()).resolve("results.json")), "the check's own run");
        assertTrue(Files.readString(out.resolve("q").resolve("index.html")).contains("Reproduction check"));

        RunFolder folder = RunFolder.at(out.resolve("q"));
        TrialResult bayes = folder.readTrial("weka-naive-bayes.seed42").orElseThrow();
        int[] predictions = bayes.evaluation().predictions();
        int was = predictions[3];
        predictions[3] = (was + 1) % 10;
        folder.writeTrial(bayes);

        CliRun altered = CliRun.of("verify", "q", "-m", "weka-naive-bayes", "-o", out.toString(), "--data-dir", data);
        assertEquals(3, altered.code(), altered.printed());
        assertTrue(altered.out().contains("weka-naive-bayes, seed 42: DIFFERENT: 1 of 1,000 predictions differ, the first at test image 3 "
                + "(the run said " + (was + 1) % 10 + ", now " + was + ")"), altered.out());
        assertTrue(Files.readString(out.resolve("q").resolve("index.html")).contains("different"));
    }
}
