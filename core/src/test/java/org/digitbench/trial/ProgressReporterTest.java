package org.digitbench.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** In a file or pipe: a line per state change; steps and iterations only in the heartbeat, never a line each. */
    @Test
    void aLogGetsOneLinePerStateChangeAndNoBars() {
        ProgressReporter progress = new ProgressReporter(err, ConsoleMode.LOG, 3_600_000);
        try (ProgressReporter.Task task = progress.start("smile-mlp")) {
            task.phase("training");
            for (int epoch = 1; epoch <= 50; epoch++) {
                task.listener().progress("epoch", epoch, 50);
            }
            task.phase("predicting");
            task.phase("benchmarking inference");
            for (int i = 1; i <= 20; i++) {
                progress.iteration("      batch    measurement " + i + "/20: 1.0 ms/op");
            }
        }
        assertEquals(List.of("  smile-mlp: training", "  smile-mlp: predicting", "  smile-mlp: benchmarking inference"), lines());
    }

    /** A long step says it is alive, with where it has got to, at most every heartbeat. */
    @Test
    void aLongStepGetsAHeartbeatWithItsDetail() throws InterruptedException {
        ProgressReporter progress = new ProgressReporter(err, ConsoleMode.LOG, 50);
        try (ProgressReporter.Task task = progress.start("dl4j-cnn")) {
            task.phase("training");
            task.listener().progress("epoch", 3, 12);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (lines().size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        List<String> lines = lines();
        assertEquals("  dl4j-cnn: training", lines.get(0));
        assertTrue(lines.get(1).matches("  dl4j-cnn: training, \\d+ s in \\(epoch 3/12\\)"), lines.toString());
        int after = lines().size();
        Thread.sleep(200);
        assertEquals(after, lines().size(), "a closed task beats no more");
    }

    @Test
    void quietPrintsNothingAndVerbosePrintsEveryIteration() {
        ProgressReporter quiet = new ProgressReporter(err, new ConsoleMode(false, ConsoleMode.Verbosity.QUIET), 50);
        try (ProgressReporter.Task task = quiet.start("tribuo-xgboost")) {
            task.phase("training");
            quiet.iteration("      batch    measurement 1/20: 1.0 ms/op");
        }
        assertEquals(List.of(), lines());
        ProgressReporter verbose = new ProgressReporter(err, new ConsoleMode(false, ConsoleMode.Verbosity.VERBOSE), 3_600_000);
        try (ProgressReporter.Task task = verbose.start("tribuo-xgboost")) {
            task.phase("benchmarking inference");
            verbose.iteration("      batch    measurement 1/20: 1.0 ms/op");
        }
        assertEquals(List.of("  tribuo-xgboost: benchmarking inference", "      batch    measurement 1/20: 1.0 ms/op"), lines());
    }
}
