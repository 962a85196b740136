package org.digitbench.run.exec;

import org.digitbench.config.ConfigFile;
import org.digitbench.config.Execution;
import org.digitbench.config.Profile;
import org.digitbench.config.RunConfig;
import org.digitbench.data.DataSource;
import org.digitbench.data.Normalization;
import org.digitbench.trial.TrialSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TouchedHeapTest {
    private static final long GIB = 1L << 30;

    @Test
    void theWholeHeapIsCommittedAndTouchedInHugePagesOnLinux() {
        assertEquals(List.of("-Xms8192m", "-XX:+AlwaysPreTouch", "-XX:+UseTransparentHugePages"),
                TouchedHeap.options(List.of("--enable-native-access=ALL-UNNAMED", "-Xmx8g"), 1, 24 * GIB, "Linux"));
        assertEquals(List.of("-Xms8192m", "-XX:+AlwaysPreTouch"),
                TouchedHeap.options(List.of("-Xmx8g"), 1, 24 * GIB, "Mac OS X"), "huge pages are Linux's");
    }

    @Test
    void theLastMaximumHeapCountsAsTheWorkerOptionsComeLast() {
        assertEquals("-Xms4096m", TouchedHeap.options(List.of("-Xmx8g", "-Xmx4g"), 1, 24 * GIB, "Linux").getFirst());
        assertEquals("-Xms3m", TouchedHeap.options(List.of("-Xmx3145728"), 1, 24 * GIB, "Linux").getFirst(), "bytes");
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TouchedHeap.options(List.of("-Xmxlots"), 1, 24 * GIB, "Linux"));
        assertEquals("-Xmxlots: expected a heap size such as -Xmx8g or -Xmx4096m", e.getMessage());
    }

    @Test
    void heapsThatWouldTakeMoreThanThreeQuartersOfTheMachineAreNotTouched() {
        assertEquals(List.of(), TouchedHeap.options(List.of("-Xmx8g"), 1, 8 * GIB, "Linux"));
        assertEquals(List.of(), TouchedHeap.options(List.of("-Xmx8g"), 3, 24 * GIB, "Linux"), "three trials at once");
        assertEquals(3, TouchedHeap.options(List.of("-Xmx8g"), 2, 24 * GIB, "Linux").size());
        assertEquals(3, TouchedHeap.options(List.of("-Xmx8g"), 1, 0, "Linux").size(), "unknown memory: a Slurm request's");
    }

    @Test
    void aWorkerOptionOverridesTheTouchedHeapBecauseItComesAfterIt() {
        List<String> command = JvmArgs.trialJvm(List.of("-XX:-AlwaysPreTouch"), List.of(), "Main",
                options -> TouchedHeap.options(options, 1, 24 * GIB, "Linux"));
        assertTrue(command.indexOf("-XX:+AlwaysPreTouch") >= 0);
        assertTrue(command.indexOf("-XX:-AlwaysPreTouch") > command.indexOf("-XX:+AlwaysPreTouch"), command.toString());
    }

    @Test
    void onlyTimedWorkIsWanted(@org.junit.jupiter.api.io.TempDir Path dir) {
        assertTrue(TouchedHeap.wanted(spec(dir, TrialSpec.INFERENCE)));
        assertFalse(TouchedHeap.wanted(spec(dir, TrialSpec.ROBUSTNESS)));
        assertTrue(TouchedHeap.wanted(spec(dir, TrialSpec.TRIAL)), "no readable configuration: the trial reports it");
        for (boolean timing : new boolean[] {true, false}) {
            ConfigFile.write(dir, new RunConfig(Profile.QUICK, List.of("p"), Map.of(), List.of(42L),
                    new RunConfig.DataChoice(DataSource.mnist(org.digitbench.data.Mnist.locate(dir, null)), false, Normalization.UNIT, null, null, false), timing,
                    new RunConfig.Output(true, dir.getParent(), dir.getFileName().toString()), List.of("run")),
                    Execution.isolated(Profile.QUICK));
            assertEquals(timing, TouchedHeap.wanted(spec(dir, TrialSpec.TRIAL)), "--no-timing: " + !timing);
        }
    }

    private static TrialSpec spec(Path dir, String task) {
        return new TrialSpec(dir, "p", 42, null, List.of(), null, task, null);
    }
}
