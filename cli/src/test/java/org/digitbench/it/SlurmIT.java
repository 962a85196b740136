package org.digitbench.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.cli.CliRun;
import org.digitbench.results.ResultsSchema;
import org.digitbench.results.RunResults;
import org.digitbench.results.TrialResult;
import org.digitbench.results.TrialStatus;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.results.store.RunFolder;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --executor slurm} against a real one-node Slurm cluster ({@link OneNodeSlurm}): the same results as a local
 * run, a cancelled array task reported failed and completed by {@code --resume}, and a trial over its time limit
 * reported timed out.
 */
class SlurmIT {
    /** How the trials ask for this small machine: one core and 4 GiB each, a 2 GiB heap; the driver polls often. */
    private static final List<String> SLURM = List.of("--executor", "slurm", "--cores-per-trial", "1", "--mem-per-trial", "4G",
            "--worker-jvm-arg=-Xmx2g", "--poll", "2s");
    private static final Pattern ARRAY_JOB = Pattern.compile("as array job (\\d+)");

    @TempDir
    Path out;

    @BeforeAll
    static void cluster() throws Exception {
        OneNodeSlurm.start();
    }

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--data-dir", RealMnist.location().dir().toString()));
        return again(all.toArray(String[]::new));
    }

    /** A command on an existing run, which knows its data. */
    private CliRun again(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("-o", out.toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static List<String> with(List<String> a, String... b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(Arrays.asList(b));
        return all;
    }

    private RunResults results(String runId) {
        Path file = out.resolve(runId).resolve(RunFolder.RESULTS);
        ResultsSchema.check(file);
        return ResultsStore.read(file);
    }

    @Test
    void aBenchmarkThroughSbatchGivesTheResultsOfALocalRun() throws Exception {
        String[] common = {"run", "--profile", "quick", "--no-timing", "--seeds", "2",
                "-m", "smile-decision-tree,tribuo-logistic-regression"};
        CliRun local = run(with(Arrays.asList(common), "--run-id", "local").toArray(String[]::new));
        assertEquals(0, local.code(), local.printed());
        CliRun slurm = run(with(with(Arrays.asList(common), "--run-id", "slurm"), SLURM.toArray(String[]::new)).toArray(String[]::new));
        assertEquals(0, slurm.code(), slurm.printed());
        assertTrue(slurm.stdout().contains("Submitted 4 trials to Slurm as array job"), slurm.stdout());
        assertTrue(slurm.stdout().contains(": running on localhost"), "the driver follows the tasks: " + slurm.stdout());

        RunResults here = results("local");
        RunResults there = results("slurm");
        assertEquals(4, there.trials().size());
        for (TrialResult t : there.trials()) {
            assertEquals(TrialStatus.OK, t.status(), t.trialId() + ": " + t.error());
            TrialResult same = here.trials().stream().filter(l -> l.trialId().equals(t.trialId())).findFirst().orElseThrow();
            assertArrayEquals(same.evaluation().predictions(), t.evaluation().predictions(),
                    t.trialId() + ": a deterministic plugin predicts the same through Slurm as here");
            var machine = t.resources().machine();
            assertNotNull(machine.slurmJobId(), t.trialId() + " knows its Slurm job");
            assertNotNull(machine.slurmArrayTaskId(), t.trialId() + " knows its array task");
            assertEquals(1, machine.cores(), t.trialId() + " saw the one core Slurm gave it");
        }
        Path slurmDir = out.resolve("slurm").resolve("work").resolve("slurm");
        try (var files = Files.list(slurmDir)) {
            String script = Files.readString(files.filter(f -> f.getFileName().toString().startsWith("array-")).findFirst().orElseThrow());
            assertTrue(script.contains("#SBATCH --array=0-3") && script.contains("#SBATCH --cpus-per-task=1")
                    && script.contains("#SBATCH --mem=4096M") && script.contains("#SBATCH --time=30")
                    && script.contains("#SBATCH --dependency=afterok:"), script);
        }
        assertTrue(Files.isRegularFile(out.resolve("slurm").resolve("index.html")), "the report is rendered");

        // the same run again, detached: the trial cache has every trial, so nothing is submitted and the run completes here
        CliRun again = run(with(with(with(Arrays.asList(common), "--run-id", "again"), SLURM.toArray(String[]::new)), "--detach")
                .toArray(String[]::new));
        assertEquals(0, again.code(), again.printed());
        assertTrue(!again.stdout().contains("Submitted") && !again.stdout().contains("Detached"), again.stdout());
        RunResults reused = results("again");
        assertEquals(org.digitbench.results.RunStatus.COMPLETE, reused.status());
        assertTrue(reused.trials().stream().allMatch(t -> "slurm".equals(t.reusedFrom())), again.stdout());
    }

    @Test
    void aCancelledTaskIsAFailedTrialAndResumeCompletesIt() throws Exception {
        List<String> args = with(List.of("run", "--profile", "quick", "--no-timing", "--run-id", "cancel",
                "-m", "smile-decision-tree,tribuo-logistic-regression", "--detach", "--throttle", "1"), SLURM.toArray(String[]::new));
        CliRun detached = run(args.toArray(String[]::new));
        assertEquals(0, detached.code(), detached.printed());
        assertTrue(detached.stdout().contains("digitbench collect cancel"), detached.stdout());
        Matcher m = ARRAY_JOB.matcher(detached.stdout());
        assertTrue(m.find(), detached.stdout());
        OneNodeSlurm.Result cancel = OneNodeSlurm.exec(List.of("scancel", m.group(1) + "_1"), 60);
        assertEquals(0, cancel.code(), cancel.output());

        CliRun collect = again("collect", "cancel", "--poll", "2s", "--worker-jvm-arg=-Xmx2g");
        assertEquals(3, collect.code(), "a failed trial: " + collect.printed());
        RunResults r = results("cancel");
        TrialResult first = r.trials().stream().filter(t -> t.pluginId().equals("smile-decision-tree")).findFirst().orElseThrow();
        TrialResult second = r.trials().stream().filter(t -> t.pluginId().equals("tribuo-logistic-regression")).findFirst().orElseThrow();
        assertEquals(TrialStatus.OK, first.status(), first.error());
        assertEquals(TrialStatus.FAILED, second.status());
        assertTrue(second.error().contains("cancelled in Slurm") && second.error().contains(m.group(1) + "_1"), second.error());

        List<String> resume = with(List.of("run", "--resume", "cancel"), SLURM.toArray(String[]::new));
        CliRun resumed = again(resume.toArray(String[]::new));
        assertEquals(0, resumed.code(), resumed.printed());
        assertTrue(resumed.stdout().contains("Submitted 1 trial to Slurm"), "only the trial without a result: " + resumed.stdout());
        assertTrue(results("cancel").trials().stream().allMatch(TrialResult::ok));
    }

    @Test
    void aTrialOverItsTimeLimitIsTimedOut() {
        List<String> args = with(List.of("run", "--profile", "quick", "--no-timing", "--run-id", "slow", "-m", "dl4j-mlp",
                "-P", "dl4j-mlp.epochs=100000", "--timeout", "1m"), SLURM.toArray(String[]::new));
        CliRun slow = run(args.toArray(String[]::new));
        assertEquals(3, slow.code(), slow.printed());
        TrialResult t = results("slow").trials().getFirst();
        assertEquals(TrialStatus.FAILED, t.status());
        assertTrue(t.error().startsWith("timed out: Slurm stopped it at its time limit (--time=1 min"), t.error());
    }
}
