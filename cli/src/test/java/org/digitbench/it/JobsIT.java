package org.digitbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.cli.CliRun;
import org.digitbench.results.ResultsSchema;
import org.digitbench.results.RunResults;
import org.digitbench.results.TrialResult;
import org.digitbench.results.TrialStatus;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.results.store.RunFolder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --jobs 2}: two trial JVMs at once, each pinned to its own core, and every time marked as taken concurrently. */
class JobsIT {
    @TempDir
    Path out;

    @Test
    void twoTrialsAtOnceOnTheirOwnCores() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        org.junit.jupiter.api.Assumptions.assumeTrue(cores >= 2, "needs two cores");
        CliRun run = CliRun.of("run", "--profile", "quick", "--no-timing", "--jobs", "2", "--run-id", "jobs",
                "-m", "smile-decision-tree,tribuo-logistic-regression,smile-logistic-regression", "--seeds", "2",
                "--data-dir", RealMnist.location().dir().toString(), "-o", out.toString());
        assertEquals(0, run.code(), run.printed());
        int per = cores / 2;
        assertTrue(run.stdout().contains(", cores " + java.util.stream.IntStream.range(0, per).boxed().toList()), run.stdout());
        assertTrue(run.stdout().contains(", cores " + java.util.stream.IntStream.range(per, 2 * per).boxed().toList()), run.stdout());
        assertTrue(run.stdout().contains("2 at a time on " + per + " cores each"), run.stdout());
        Path results = out.resolve("jobs").resolve(RunFolder.RESULTS);
        ResultsSchema.check(results);
        RunResults r = ResultsStore.read(results);
        assertEquals(2, r.plan().jobs());
        assertEquals(6, r.trials().size(), "three plugins, two seeds");
        java.util.Set<String> coreSets = new java.util.TreeSet<>();
        for (TrialResult t : r.trials()) {
            assertEquals(TrialStatus.OK, t.status(), t.trialId() + ": " + t.error());
            assertEquals(per, t.resources().machine().cores(), t.trialId() + " saw only its own cores");
            coreSets.add(t.resources().machine().coreIds());
        }
        assertEquals(2, coreSets.size(), "the trials ran pinned to two disjoint sets of cores: " + coreSets);
        assertEquals(java.util.List.of("smile-decision-tree", "tribuo-logistic-regression", "smile-logistic-regression"),
                r.models().stream().map(m -> m.pluginId()).toList(), "results in plan order, whatever order trials ended in");
        assertTrue(run.stdout().contains("taken concurrently"), "the console says what --jobs did to the times");
        assertTrue(Files.readString(out.resolve("jobs").resolve("index.html")).contains("id=\"concurrent\""), "and so does the report");

        CliRun inProcess = CliRun.of("run", "--in-process", "--jobs", "2", "-o", out.toString());
        assertEquals(1, inProcess.code());
        assertTrue(inProcess.err().contains("--jobs needs trial JVMs"), inProcess.err());
        CliRun tooMany = CliRun.of("run", "--jobs", String.valueOf(cores + 1), "-o", out.toString());
        assertEquals(1, tooMany.code());
        assertTrue(tooMany.err().contains("expected 1 to " + cores), tooMany.err());
    }
}
