package org.digitbench.run.exec.slurm;

import org.digitbench.run.exec.JvmArgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.DigitbenchException;
import org.digitbench.config.Execution;
import org.digitbench.results.Timing;
import org.digitbench.results.TrialResult;
import org.digitbench.results.TrialStatus;
import org.digitbench.results.store.RunFolder;
import org.digitbench.testkit.FakePlugin;
import org.digitbench.trial.ModelTrial;
import org.digitbench.trial.TrialSpec;
import org.digitbench.trial.TrialTiming;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Slurm executor against a fake Slurm: what it submits, how it follows, what it makes of how a task ended. */
class SlurmExecutorTest {
    @TempDir
    Path dir;

    /** Slurm as a test scripts it: a queue the test changes, and what Slurm says of ended jobs. */
    static final class FakeSlurm implements Slurm {
        final List<Path> submitted = new ArrayList<>();
        final Map<String, Job> queue = new LinkedHashMap<>();
        final Map<String, Job> ended = new HashMap<>();
        final List<String> cancelled = new ArrayList<>();
        Runnable onPoll = () -> { };
        int nextId = 100;

        @Override
        public String submit(Path script) {
            submitted.add(script);
            return String.valueOf(nextId++);
        }

        @Override
        public synchronized Map<String, Job> queue(String jobName) {
            onPoll.run();
            return Map.copyOf(queue);
        }

        @Override
        public Optional<Job> ended(String jobId) {
            return Optional.ofNullable(ended.get(jobId));
        }

        @Override
        public void cancel(List<String> jobIds) {
            cancelled.addAll(jobIds);
        }

        @Override
        public List<Integer> nodeCores(String partition) {
            return List.of(8, 4);
        }
    }

    private final FakePlugin plugin = new FakePlugin("fake");
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Execution execution = new Execution(true, Duration.ofMinutes(90), List.of("-Xmx3g"), List.of(), true, null);

    private SlurmExecutor executor(FakeSlurm slurm, SlurmOptions options) {
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        return new SlurmExecutor(slurm, out, out, execution, options, "org.example.TrialMain");
    }

    private static SlurmOptions options(boolean collect) {
        return new SlurmOptions(null, new SlurmOptions.Queue("batch", null, null), List.of(), null, false, Duration.ofMillis(1), collect);
    }

    private TrialSpec spec(RunFolder folder, long seed) {
        return new TrialSpec(folder.dir().toAbsolutePath(), "fake", seed, org.digitbench.trial.ConsoleMode.LOG, List.of(), Duration.ofMinutes(90), TrialSpec.TRIAL,
                new Timing.Load(0.0, false));
    }

    private TrialTiming.Job job(RunFolder folder, long seed) {
        return new TrialTiming.Job("fake.seed" + seed, plugin, plugin.resolve(Map.of()), seed, folder.dir(), null);
    }

    private static void markerSeen(RunFolder folder) throws IOException {
        try (var files = Files.list(folder.work().resolve("slurm"))) {
            for (Path marker : files.filter(f -> f.getFileName().toString().matches("marker-\\d+")).toList()) {
                Files.writeString(marker.resolveSibling(marker.getFileName() + ".seen"), "seen on node1");
            }
        }
    }

    @Test
    void submitsOneArrayAfterAMarkerJobAndMakesAResultOfEveryTasksEnd() throws IOException {
        RunFolder folder = RunFolder.create(dir, "r1", true);
        FakeSlurm slurm = new FakeSlurm();
        SlurmExecutor executor = executor(slurm, options(false));
        executor.submit(folder, List.of(spec(folder, 1), spec(folder, 2)));
        assertEquals(2, slurm.submitted.size(), "the marker job, then the array");
        String script = Files.readString(slurm.submitted.get(1));
        assertTrue(script.contains("#SBATCH --array=0-1\n") && script.contains("#SBATCH --cpus-per-task=4\n")
                && script.contains("#SBATCH --mem=" + (3072 + SlurmOptions.NATIVE_ALLOWANCE_MB) + "M\n")
                && script.contains("#SBATCH --time=90\n") && script.contains("#SBATCH --dependency=afterok:100\n")
                && script.contains("#SBATCH --partition=batch\n") && script.contains("#SBATCH --job-name=digitbench-r1\n"), script);
        assertTrue(script.contains("org.example.TrialMain"), script);
        assertTrue(Files.readString(slurm.submitted.get(0)).contains("#SBATCH --mem=100M"), "the marker job asks for little");
        List<Submissions.Submission> recorded = Submissions.read(folder.work().resolve("slurm"));
        assertEquals(List.of("fake.seed1", "fake.seed2"), recorded.getFirst().trials());
        assertEquals("101", recorded.getFirst().jobId());
        markerSeen(folder);

        slurm.queue.put("101_0", new Slurm.Job("RUNNING", null, "node1", null));
        slurm.queue.put("101_1", new Slurm.Job("PENDING", "Resources", null, null));
        int[] polls = {0};
        slurm.onPoll = () -> {
            if (++polls[0] == 3) { // task 0 wrote its result (a plugin that threw); task 1 hit its time limit
                slurm.queue.clear();
                folder.writeTrial(ModelTrial.failed(job(folder, 1), 10, 10, "the plugin threw"));
                slurm.ended.put("101_1", new Slurm.Job("TIMEOUT", "TimeLimit", "node1", "0:15"));
            }
        };
        TrialResult first = executor.run(spec(folder, 1), job(folder, 1), 10, 10);
        assertEquals("the plugin threw", first.error(), "the trial's own result, whatever it says");
        TrialResult second = executor.run(spec(folder, 2), job(folder, 2), 10, 10);
        assertEquals(TrialStatus.FAILED, second.status());
        assertTrue(second.error().startsWith("timed out: Slurm stopped it at its time limit (--time=90 min, from --timeout) "
                + "(Slurm job 101_1 on node1; log work/slurm/101_1.out)"), second.error());
        executor.close();
        String out = printed.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("fake.seed1: running on node1 (Slurm job 101_0)"), out);
        assertTrue(out.contains("fake.seed2: pending (Resources) (Slurm job 101_1)"), out);
        assertTrue(out.contains("Slurm: 1 running, 1 waiting, 0 of 2 ended"), out);
    }

    @Test
    void aMarkerJobThatCouldNotSeeTheRunFolderCancelsTheTrialsWithAClearError() {
        RunFolder folder = RunFolder.create(dir, "r2", true);
        FakeSlurm slurm = new FakeSlurm();
        SlurmExecutor executor = executor(slurm, options(false));
        executor.submit(folder, List.of(spec(folder, 1)));
        slurm.ended.put("100", new Slurm.Job("FAILED", null, "node7", "1:0"));
        var e = assertThrows(DigitbenchException.class, () -> executor.run(spec(folder, 1), job(folder, 1), 10, 10));
        assertTrue(e.getMessage().startsWith("the Slurm nodes cannot see the run folder " + folder.dir().toAbsolutePath()
                + ": marker job 100 ended FAILED"), e.getMessage());
        assertTrue(e.getMessage().contains("on a filesystem the nodes share"), e.getMessage());
        assertEquals(List.of("101"), slurm.cancelled, "the array is cancelled");
        executor.close();
    }

    @Test
    void resumeFollowsTasksStillQueuedAndSubmitsTheOthers() throws IOException {
        RunFolder folder = RunFolder.create(dir, "r3", true);
        FakeSlurm slurm = new FakeSlurm();
        SlurmExecutor first = executor(slurm, options(false));
        first.submit(folder, List.of(spec(folder, 1), spec(folder, 2)));
        first.close();
        slurm.queue.put("101_1", new Slurm.Job("RUNNING", null, "node1", null));
        slurm.submitted.clear();
        SlurmExecutor again = executor(slurm, options(false));
        again.submit(folder, List.of(spec(folder, 1), spec(folder, 2)));
        again.close();
        assertEquals(2, slurm.submitted.size(), "a marker and an array for the one trial not in the queue");
        assertTrue(Files.readString(slurm.submitted.get(1)).contains("#SBATCH --array=0-0\n"));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("Following 1 trial still queued or running"));
        assertEquals(List.of("101", "103"), Submissions.read(folder.work().resolve("slurm")).stream()
                .map(Submissions.Submission::jobId).toList());

        slurm.submitted.clear();
        SlurmExecutor collecting = executor(slurm, options(true));
        collecting.submit(folder, List.of(spec(folder, 1), spec(folder, 2)));
        collecting.close();
        assertEquals(List.of(), slurm.submitted, "collect submits nothing");
    }

    private static String why(Submissions.Task task, Optional<Slurm.Job> ended, String tail, Path crashLog) {
        return SlurmFailure.why(task, ended, tail, crashLog, null, 30L, 4096);
    }

    @Test
    void saysWhyATaskEndedWithoutAResult() throws IOException {
        Submissions.Task task = new Submissions.Task("fake.seed1", "7", 2, Path.of("7_2.out"));
        assertTrue(why(task, Optional.of(new Slurm.Job("CANCELLED", null, null, "0:15")), "", null)
                .startsWith("cancelled in Slurm before it finished"));
        assertTrue(why(task, Optional.of(new Slurm.Job("OUT_OF_MEMORY", null, "n2", "0:9")), "", null)
                .startsWith("ran out of memory: Slurm's limit"));
        String jvm = why(task, Optional.of(new Slurm.Job("FAILED", "NonZeroExitCode", "n2", "1:0")),
                "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space\n", null);
        assertTrue(jvm.startsWith("the trial JVM ran out of memory (exit code 1") && jvm.contains("Slurm state FAILED (Slurm job 7_2 on n2"),
                jvm);
        assertTrue(why(task, Optional.empty(), "", null).startsWith("cancelled in Slurm before it started"),
                "a task that left no record and no log never started");
        Files.writeString(dir.resolve("7_3.out"), "digitbench: trial x on node1\n");
        Submissions.Task started = new Submissions.Task("fake.seed1", "7", 3, dir.resolve("7_3.out"));
        String unknown = why(started, Optional.empty(), "java.lang.IllegalStateException: boom\n", null);
        assertTrue(unknown.startsWith("its Slurm job left the queue without a result, and Slurm no longer says how it ended "
                + "(its log's last word: java.lang.IllegalStateException: boom)"), unknown);
    }

    @Test
    void refusesWhatCannotWork() {
        FakeSlurm slurm = new FakeSlurm();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        Execution inProcess = new Execution(false, null, List.of(), List.of(), true, null);
        assertThrows(IllegalArgumentException.class, () -> new SlurmExecutor(slurm, out, out, inProcess, options(false), "Main"));
        Execution jobs = new Execution(true, null, List.of(), List.of(), true, null, 2);
        var e = assertThrows(IllegalArgumentException.class, () -> new SlurmExecutor(slurm, out, out, jobs, options(false), "Main"));
        assertTrue(e.getMessage().contains("--throttle"), e.getMessage());
        RunFolder spaced = RunFolder.create(dir.resolve("a b"), "r4", true);
        var s = assertThrows(DigitbenchException.class, () -> executor(slurm, options(false)).submit(spaced, List.of(spec(spaced, 1))));
        assertTrue(s.getMessage().contains("has a space in its path"), s.getMessage());
        var d = assertThrows(DigitbenchException.class, () -> SbatchScript.requirePlainPath(Path.of("/x/s$(touch y)"), "-o"));
        assertTrue(d.getMessage().startsWith("-o /x/s$(touch y) has the character '$' in its path"), d.getMessage());
        assertEquals(List.of(), slurm.submitted);
    }

    @Test
    void theHeapComesFromTheLastXmx() {
        assertEquals(2048, JvmArgs.heapMb(List.of("java", "-Xmx8g", "-Xmx2g", "-cp", "x", "Main")));
        assertEquals(1, JvmArgs.heapMb(List.of("java", "-Xmx1048576", "Main")));
        assertEquals(512, JvmArgs.heapMb(List.of("java", "-Xmx524288k", "Main")));
    }
}
