package org.digitbench.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.digitbench.api.PluginRegistry;
import org.digitbench.cli.Main;
import org.digitbench.data.Normalization;
import org.digitbench.run.JvmArgs;
import org.digitbench.run.Profile;
import org.digitbench.run.ResultsStore;
import org.digitbench.run.RunConfig;
import org.digitbench.run.RunResults;
import org.digitbench.run.Runner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        RunConfig config = new RunConfig(Profile.QUICK, ids, Map.of(), 42, RealMnist.location(), false, Normalization.UNIT,
                500, 200, out, "faults", List.of("run"), false, true, Duration.ofSeconds(25), List.of("-Xmx512m"), List.of(FAULTS), List.of());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(printed, true, StandardCharsets.UTF_8);
        Runner.Outcome outcome = new Runner(PluginRegistry.discover(List.of(FAULTS)), sink, sink, false).run(config);

        RunResults r = ResultsStore.read(outcome.resultsFile());
        assertEquals("complete", r.status());
        assertEquals(ids, r.models().stream().map(RunResults.ModelResult::pluginId).toList());
        String log = printed.toString(StandardCharsets.UTF_8);
        assertEquals("IllegalStateException: boom from the plugin", error(r, "test-throws"), log);
        assertTrue(error(r, "test-oom").startsWith("OutOfMemoryError: Java heap space (give the JVM more heap, e.g. --worker-jvm-arg=-Xmx16g"),
                error(r, "test-oom"));
        assertTrue(error(r, "test-crash").startsWith("the worker JVM crashed (exit code 134; crash log work/test-crash.hs_err.log)"),
                error(r, "test-crash"));
        assertTrue(Files.isRegularFile(outcome.resultsFile().resolveSibling("work").resolve("test-crash.hs_err.log")));
        assertEquals("timed out: still running after 25 s (--timeout), so its worker JVM was killed", error(r, "test-sleeps"));
        RunResults.ModelResult tree = r.model("smile-decision-tree").orElseThrow();
        assertEquals("ok", tree.status(), tree.error());
        assertTrue(tree.metrics().accuracy() > 0.5);
        assertTrue(tree.peakRssBytes() != null && tree.peakRssBytes() > 0, "the worker measured its own memory");
        assertTrue(r.comparisons().isEmpty(), "one successful model: no pairs");
    }

    private static String error(RunResults r, String id) {
        RunResults.ModelResult m = r.model(id).orElseThrow();
        assertEquals("failed", m.status(), id);
        assertNotNull(m.error(), id);
        return m.error();
    }

    @Test
    void aRunKilledWithSigkillAndResumedEqualsAnUninterruptedOne() throws Exception {
        List<String> common = List.of("--profile", "quick", "--train-size", "600", "--test-size", "300", "--no-timing",
                "-m", "smile-decision-tree,test-slow-tree,tribuo-logistic-regression,smile-logistic-regression",
                "--plugin-path", FAULTS.toString(), "--data-dir", RealMnist.location().dir().toString(), "-o", out.toString());
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
        while (models(results) < 1) {
            assertTrue(run.isAlive() && System.nanoTime() < deadline, "the first model should finish: " + Files.readString(out.resolve("killed.log")));
            Thread.sleep(200);
        }
        run.destroyForcibly(); // SIGKILL
        assertTrue(run.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, run.exitValue(), "killed by SIGKILL");
        RunResults killed = ResultsStore.read(results); // still complete, valid JSON
        assertEquals("running", killed.status());
        assertEquals(1, killed.models().size());

        assertEquals(0, cli(List.of("-o", out.toString(), "--no-timing"), "--resume", "killed"));
        RunResults resumed = ResultsStore.read(results);
        RunResults whole = ResultsStore.read(out.resolve("whole").resolve(ResultsStore.FILE_NAME));
        assertEquals("complete", resumed.status());
        assertEquals(ids(whole), ids(resumed), "the same models, in the same order");
        for (RunResults.ModelResult w : whole.models()) {
            RunResults.ModelResult k = resumed.model(w.pluginId()).orElseThrow();
            assertEquals("ok", k.status(), k.pluginId() + ": " + k.error());
            assertArrayEquals(w.predictions(), k.predictions(), w.pluginId() + ": same predictions");
            assertEquals(w.metrics().accuracy(), k.metrics().accuracy(), w.pluginId());
        }
        assertEquals(whole.comparisons().size(), resumed.comparisons().size());
        assertFalse(Files.readString(out.resolve("killed").resolve("index.html")).isEmpty());
    }

    private static List<String> ids(RunResults r) {
        return r.models().stream().map(RunResults.ModelResult::pluginId).toList();
    }

    private static int models(Path results) {
        if (!Files.isRegularFile(results)) {
            return 0;
        }
        return ResultsStore.read(results).models().size();
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
