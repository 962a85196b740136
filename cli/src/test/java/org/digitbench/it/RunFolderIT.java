package org.digitbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.cli.CliRun;
import org.digitbench.cli.Main;
import org.digitbench.results.RunResults;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.run.exec.JvmArgs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One writer per run folder, tried with real processes: two runs with one --run-id, and commands while a run writes. */
class RunFolderIT {
    @TempDir
    Path out;

    private Process start(Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JvmArgs.java()));
        command.addAll(JvmArgs.current());
        command.addAll(List.of("-cp", JvmArgs.classPath(), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private String[] run(String plugin, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--profile", "quick", "--no-timing", "--train-size", "100",
                "--test-size", "50", "--run-id", "same", "-m", plugin, "--data-dir", RealMnist.location().dir().toString(),
                "-o", out.toString(), "--plugin-path", FaultIsolationIT.FAULTS.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void twoRunsWithOneRunIdNeverShareTheFolder() throws Exception {
        Process first = start(out.resolve("first.log"), run("smile-decision-tree"));
        Thread.sleep(200);
        Process second = start(out.resolve("second.log"), run("tribuo-logistic-regression"));
        assertTrue(first.waitFor(3, TimeUnit.MINUTES) && second.waitFor(3, TimeUnit.MINUTES));
        String firstLog = Files.readString(out.resolve("first.log"));
        String secondLog = Files.readString(out.resolve("second.log"));
        int[] codes = {first.exitValue(), second.exitValue()};
        assertEquals(1, java.util.Arrays.stream(codes).filter(c -> c == 0).count(), firstLog + "\n---\n" + secondLog);
        String loser = codes[0] == 0 ? secondLog : firstLog;
        assertTrue(loser.contains("run folder " + out.resolve("same") + " already exists; choose another --run-id"), loser);
        RunResults r = ResultsStore.read(out.resolve("same").resolve("results.json"));
        assertEquals(org.digitbench.results.RunStatus.COMPLETE, r.status());
        assertEquals(1, r.trials().size(), "only the winner's model, and its whole run");
        assertEquals(codes[0] == 0 ? "smile-decision-tree" : "tribuo-logistic-regression", r.trials().getFirst().pluginId());
    }

    @Test
    void whileARunWritesNoOtherCommandWritesIt() throws Exception {
        Process running = start(out.resolve("run.log"), run("test-slow-tree"));
        Path results = out.resolve("same").resolve("results.json");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Files.isRegularFile(results)) {
            assertTrue(running.isAlive() && System.nanoTime() < deadline, Files.readString(out.resolve("run.log")));
            Thread.sleep(100);
        }
        for (String[] args : List.of(new String[]{"report", "same", "-o", out.toString()},
                new String[]{"timing", "same", "-o", out.toString()},
                new String[]{"run", "--resume", "same", "-o", out.toString(), "--plugin-path", FaultIsolationIT.FAULTS.toString()})) {
            CliRun r = CliRun.of(args);
            assertEquals(1, r.code(), String.join(" ", args) + ": " + r.printed());
            assertTrue(r.err().contains("run same is in use by another digitbench (pid " + running.pid() + ": digitbench run)"),
                    String.join(" ", args) + ": " + r.err());
        }
        assertTrue(running.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, running.exitValue(), Files.readString(out.resolve("run.log")));
        assertEquals(0, CliRun.of("report", "same", "-o", out.toString()).code(), "free again once the run ended");
    }
}
