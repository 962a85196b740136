package org.digitbench.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.PluginRegistry;
import org.digitbench.benchmarks.Trials;
import org.digitbench.cli.Main;
import org.digitbench.config.Execution;
import org.digitbench.config.Profile;
import org.digitbench.config.RunConfig;
import org.digitbench.data.Normalization;
import org.digitbench.results.RunResults;
import org.digitbench.results.TrialResult;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.run.Estimates;
import org.digitbench.run.Runner;
import org.digitbench.run.exec.JvmArgs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Each model trains in its own JVM: a plugin that throws, runs out of memory, crashes the JVM or
 * never finishes is recorded as failed and the run goes on; a run killed with SIGKILL and resumed
 * ends with the same results as one that was not.
 */
class FaultIsolationIT {
    /** The fault plugins' services file; only these tests put it on the plugin path. */
    static final Path FAULTS = Path.of("target", "test-classes", "fault-plugins");

    @TempDir
    Path out;

    @Test
    void everyFaultIsRecordedAndTheRunGoesOn() {
        List<String> ids = List.of("test-throws", "test-oom", "test-crash", "test-sleeps", "smile-decision-tree");
        RunConfig config = new RunConfig(Profile.QUICK, ids, Map.of(), List.of(42L), new RunConfig.DataChoice(org.digitbench.data.DataSource.mnist(RealMnist.location()), false, Normalization.UNIT,
                500, 200, false), false, new RunConfig.Output(false, out, "faults"), List.of("run"));
        Execution execution = new Execution(true, Duration.ofSeconds(25), List.of("-Xmx512m"), List.of(FAULTS), true, null);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(printed, true, StandardCharsets.UTF_8);
        Runner.Outcome outcome = Trials.runner(PluginRegistry.discover(List.of(FAULTS)), sink, sink, org.digitbench.trial.ConsoleMode.LOG, execution, Estimates.NONE,
                (dir, r) -> { }).run(config);

        org.digitbench.results.ResultsSchema.check(outcome.resultsFile());

        RunResults r = ResultsStore.read(outcome.resultsFile());
        assertEquals(org.digitbench.results.RunStatus.COMPLETE, r.status());
        assertEquals(ids, r.trials().stream().map(TrialResult::pluginId).toList());
        String log = printed.toString(StandardCharsets.UTF_8);
        assertEquals("IllegalStateException: boom from the plugin", error(r, "test-throws"), log);
        assertTrue(error(r, "test-oom").startsWith("OutOfMemoryError: Java heap space (give the JVM more heap, e.g. --worker-jvm-arg=-Xmx16g"),
                error(r, "test-oom"));
        assertTrue(error(r, "test-crash").startsWith("the trial JVM crashed (exit code 134; crash log work/test-crash.seed42.hs_err.log)"),
                error(r, "test-crash"));
        assertTrue(Files.isRegularFile(outcome.resultsFile().resolveSibling("work").resolve("test-crash.seed42.hs_err.log")));
        assertEquals("timed out: still running after 25 s (--timeout), so its JVM was killed", error(r, "test-sleeps"));
        TrialResult tree = r.model("smile-decision-tree").orElseThrow();
        assertEquals(org.digitbench.results.TrialStatus.OK, tree.status(), tree.error());
        assertTrue(tree.metrics().accuracy() > 0.5);
        assertTrue(tree.resources().peakRssBytes() != null && tree.resources().peakRssBytes() > 0, "the trial JVM measured its own memory");
        assertTrue(r.comparisons().isEmpty(), "one successful model: no pairs");
    }

    /**
     * What a trial's libraries unpack to {@code java.io.tmpdir} (XGBoost its native library, Weka its home, JMH its
     * files) stays inside the run folder, in the trial's own folder under {@code work/}, and goes when the trial ends.
     */
    @Test
    void aTrialsTemporaryFilesStayInTheRunFolderAndGoWithTheTrial() {
        RunConfig config = new RunConfig(Profile.QUICK, List.of("test-writes-temp"), Map.of(), List.of(42L), new RunConfig.DataChoice(
                org.digitbench.data.DataSource.mnist(RealMnist.location()), false, Normalization.UNIT, 100, 100, false), false,
                new RunConfig.Output(false, out, "temp"), List.of("run"));
        Execution execution = new Execution(true, Duration.ofSeconds(60), List.of("-Xmx512m"), List.of(FAULTS), true, null);
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Runner.Outcome outcome = Trials.runner(PluginRegistry.discover(List.of(FAULTS)), sink, sink, org.digitbench.trial.ConsoleMode.LOG,
                execution, Estimates.NONE, (dir, r) -> { }).run(config);
        String error = error(ResultsStore.read(outcome.resultsFile()), "test-writes-temp");
        Path tmp = outcome.resultsFile().resolveSibling("work").resolve("test-writes-temp.seed42.tmp").toAbsolutePath();
        assertTrue(error.startsWith("IllegalStateException: wrote " + tmp + "/unpacked"), error);
        assertFalse(Files.exists(tmp), "the trial's temporary folder is removed when it ends");
    }

    /**
     * A JVM started with SIGINT ignored (anything launched in the background by a non-interactive shell: {@code cmd &}) keeps
     * ignoring it, so Ctrl-C could not reach the run. GNU env resets the signal before starting it, where it can.
     */
    private static List<String> withDefaultSigint() throws Exception {
        try {
            Process p = new ProcessBuilder("env", "--default-signal=INT", "true").start();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return new ArrayList<>(List.of("env", "--default-signal=INT"));
            }
        } catch (java.io.IOException e) {
            // no GNU env: start the JVM directly
        }
        return new ArrayList<>();
    }

    @Test
    void ctrlCSaysWhatIsKeptAndHowToResume() throws Exception {
        List<String> command = withDefaultSigint();
        command.add(JvmArgs.java());
        command.addAll(JvmArgs.current());
        command.addAll(List.of("-cp", JvmArgs.classPath(), Main.class.getName(), "run", "--profile", "quick", "--train-size", "600",
                "--test-size", "300", "--no-timing", "-m", "smile-decision-tree,test-slow-tree", "--plugin-path", FAULTS.toString(),
                "--data-dir", RealMnist.location().dir().toString(), "-o", out.toString(), "--run-id", "interrupted"));
        Path log = out.resolve("interrupted.log");
        Process run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Path results = out.resolve("interrupted").resolve(ResultsStore.FILE_NAME);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (trials(results) < 1) {
            assertTrue(run.isAlive() && System.nanoTime() < deadline, "the first model should finish: " + Files.readString(log));
            Thread.sleep(200);
        }
        assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).start().waitFor(), "kill -INT");
        assertTrue(run.waitFor(60, TimeUnit.SECONDS), "Ctrl-C ends the run");
        String printed = Files.readString(log);
        assertTrue(printed.contains("Go on with: digitbench run --resume interrupted -o " + out), printed);
        assertEquals(1, trials(results), "the finished trial is kept");
        assertEquals(org.digitbench.results.RunStatus.STOPPED, ResultsStore.read(results).status(), "and results.json says stopped");
    }

    private static String error(RunResults r, String id) {
        TrialResult m = r.model(id).orElseThrow();
        assertEquals(org.digitbench.results.TrialStatus.FAILED, m.status(), id);
        assertNotNull(m.error(), id);
        return m.error();
    }

    @Test
    void aRunKilledWithSigkillAndResumedEqualsAnUninterruptedOne() throws Exception {
        List<String> common = List.of("--profile", "quick", "--train-size", "600", "--test-size", "300", "--no-timing",
                "-m", "smile-decision-tree,test-slow-tree,tribuo-logistic-regression,smile-logistic-regression",
                "--plugin-path", FAULTS.toString(), "--data-dir", RealMnist.location().dir().toString(), "-o", out.toString(),
                "--no-cache"); // the killed run and its resumption train, rather than take the whole run's trials from the cache
        assertEquals(0, cli(common, "--run-id", "whole"));

        // the same run in its own JVM, killed while the second model trains
        List<String> command = new ArrayList<>(List.of(JvmArgs.java()));
        command.addAll(JvmArgs.current());
        command.addAll(List.of("-cp", JvmArgs.classPath(), Main.class.getName(), "run"));
        command.addAll(common);
        command.addAll(List.of("--run-id", "killed"));
        Process run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.resolve("killed.log").toFile()).start();
        Path results = out.resolve("killed").resolve(ResultsStore.FILE_NAME);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (trials(results) < 1) {
            assertTrue(run.isAlive() && System.nanoTime() < deadline, "the first model should finish: " + Files.readString(out.resolve("killed.log")));
            Thread.sleep(200);
        }
        run.destroyForcibly(); // SIGKILL
        assertTrue(run.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, run.exitValue(), "killed by SIGKILL");
        RunResults killed = ResultsStore.read(results); // still complete, valid JSON
        assertEquals(org.digitbench.results.RunStatus.RUNNING, killed.status());
        assertEquals(1, killed.trials().size());

        // the run was made with --plugin-path: a folder cannot say which code to run, so resuming needs it given again
        org.digitbench.cli.CliRun refused = org.digitbench.cli.CliRun.of("run", "-o", out.toString(), "--resume", "killed");
        assertEquals(1, refused.code(), refused.printed());
        assertTrue(refused.err().contains("give --plugin-path again"), refused.err());
        // the run keeps its own options: it was made with --no-timing, so no JMH now
        assertEquals(0, cli(List.of("-o", out.toString(), "--plugin-path", FAULTS.toString(), "--no-cache"), "--resume", "killed"));
        org.digitbench.results.ResultsSchema.check(results);
        RunResults resumed = ResultsStore.read(results);
        assertTrue(resumed.trials().stream().allMatch(t -> t.timing() == null), "a --no-timing run resumed is not timed");
        RunResults whole = ResultsStore.read(out.resolve("whole").resolve(ResultsStore.FILE_NAME));
        assertEquals(org.digitbench.results.RunStatus.COMPLETE, resumed.status());
        assertEquals(ids(whole), ids(resumed), "the same models, in the same order");
        for (TrialResult w : whole.trials()) {
            TrialResult k = resumed.model(w.pluginId()).orElseThrow();
            assertEquals(org.digitbench.results.TrialStatus.OK, k.status(), k.pluginId() + ": " + k.error());
            assertArrayEquals(w.evaluation().predictions(), k.evaluation().predictions(), w.pluginId() + ": same predictions");
            assertEquals(w.metrics().accuracy(), k.metrics().accuracy(), w.pluginId());
        }
        assertEquals(whole.comparisons().size(), resumed.comparisons().size());
        assertFalse(Files.readString(out.resolve("killed").resolve("index.html")).isEmpty());
    }

    private static List<String> ids(RunResults r) {
        return r.trials().stream().map(TrialResult::pluginId).toList();
    }

    private static int trials(Path results) {
        if (!Files.isRegularFile(results)) {
            return 0;
        }
        return ResultsStore.read(results).trials().size();
    }

    private static int cli(List<String> common, String... more) {
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(common);
        args.addAll(List.of(more));
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(sink, true, StandardCharsets.UTF_8);
        int code = Main.execute(args.toArray(String[]::new), p, p);
        if (code != 0) {
            System.err.println(sink.toString(StandardCharsets.UTF_8));
        }
        return code;
    }
}
