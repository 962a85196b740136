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
import static org.junit.jupiter.api.Assertions.assertTrue;

class TouchedHeapTest {
    private static final long GIB = 1L << 30;
    private static final long WHOLE = TouchedHeap.WHOLE;

    @Test
    void theWholeHeapIsCommittedAndTouchedInHugePagesOnLinux() {
        assertEquals(List.of("-Xms8192m", "-XX:+AlwaysPreTouch", "-XX:+UseTransparentHugePages"),
                TouchedHeap.options(List.of("--enable-native-access=ALL-UNNAMED", "-Xmx8g"), WHOLE, 1, 24 * GIB, "Linux"));
        assertEquals(List.of("-Xms8192m", "-XX:+AlwaysPreTouch"),
                TouchedHeap.options(List.of("-Xmx8g"), WHOLE, 1, 24 * GIB, "Mac OS X"), "huge pages are Linux's");
    }

    @Test
    void theLastMaximumHeapCountsAsTheWorkerOptionsComeLast() {
        assertEquals("-Xms4096m", TouchedHeap.options(List.of("-Xmx8g", "-Xmx4g"), WHOLE, 1, 24 * GIB, "Linux").getFirst());
    }

    @Test
    void heapsThatWouldTakeMoreThanThreeQuartersOfTheMachineAreNotTouched() {
        assertEquals(List.of(), TouchedHeap.options(List.of("-Xmx8g"), WHOLE, 1, 8 * GIB, "Linux"));
        assertEquals(List.of(), TouchedHeap.options(List.of("-Xmx8g"), WHOLE, 3, 24 * GIB, "Linux"), "three trials at once");
        assertEquals(3, TouchedHeap.options(List.of("-Xmx8g"), WHOLE, 2, 24 * GIB, "Linux").size());
        assertEquals(3, TouchedHeap.options(List.of("-Xmx8g"), WHOLE, 1, 0, "Linux").size(), "unknown memory: a Slurm request's");
    }

    @Test
    void aWorkerOptionOverridesTheTouchedHeapBecauseItComesAfterIt() {
        List<String> command = JvmArgs.trialJvm(List.of("-XX:-AlwaysPreTouch"), List.of(), "Main",
                options -> TouchedHeap.options(options, WHOLE, 1, 24 * GIB, "Linux"));
        assertTrue(command.indexOf("-XX:+AlwaysPreTouch") >= 0);
        assertTrue(command.indexOf("-XX:-AlwaysPreTouch") > command.indexOf("-XX:+AlwaysPreTouch"), command.toString());
    }

    @Test
    void aSmallTrainingSetTouchesTwoGibibytesAndNoneIsTouchedForUntimedWork(@org.junit.jupiter.api.io.TempDir Path dir) {
        assertEquals(List.of("-Xms2048m", "-XX:+AlwaysPreTouch", "-XX:+UseTransparentHugePages"),
                TouchedHeap.options(List.of("-Xmx8g"), 2048, 1, 24 * GIB, "Linux"));
        assertEquals("-Xms1024m", TouchedHeap.options(List.of("-Xmx1g"), 2048, 1, 24 * GIB, "Linux").getFirst());
        assertEquals(List.of(), TouchedHeap.options(List.of("-Xmx8g"), 0, 1, 24 * GIB, "Linux"));

        assertEquals(0, TouchedHeap.touchMb(spec(dir, TrialSpec.ROBUSTNESS)));
        assertEquals(WHOLE, TouchedHeap.touchMb(spec(dir, TrialSpec.TRIAL)), "no readable configuration: the trial reports it");
        record Case(Profile profile, Integer trainSize, boolean timing, String task, long touch) {
        }
        for (Case c : List.of(new Case(Profile.QUICK, null, true, TrialSpec.TRIAL, 2048),
                new Case(Profile.QUICK, null, false, TrialSpec.TRIAL, 0),
                new Case(Profile.QUICK, null, false, TrialSpec.INFERENCE, 2048),
                new Case(Profile.QUICK, 60_000, true, TrialSpec.TRIAL, WHOLE),
                new Case(Profile.FULL, null, true, TrialSpec.TRIAL, WHOLE),
                new Case(Profile.FULL, 10_000, true, TrialSpec.TRIAL, 2048))) {
            ConfigFile.write(dir, new RunConfig(c.profile(), List.of("p"), Map.of(), List.of(42L),
                    new RunConfig.DataChoice(DataSource.mnist(org.digitbench.data.Mnist.locate(dir, null)), false,
                            Normalization.UNIT, c.trainSize(), null, false), c.timing(),
                    new RunConfig.Output(true, dir.getParent(), dir.getFileName().toString()), List.of("run")),
                    Execution.isolated(c.profile()));
            assertEquals(c.touch(), TouchedHeap.touchMb(spec(dir, c.task())), c.toString());
        }
    }

    private static TrialSpec spec(Path dir, String task) {
        return new TrialSpec(dir, "p", 42, null, List.of(), null, task, null);
    }
}
