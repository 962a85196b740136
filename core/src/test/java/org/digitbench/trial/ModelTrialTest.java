package org.digitbench.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.digitbench.api.Dataset;
import org.digitbench.data.Normalization;
import org.digitbench.results.TrialResult;
import org.digitbench.results.TrialStatus;
import org.digitbench.testkit.FakePlugin;
import org.digitbench.testkit.TestData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

class ModelTrialTest {
    @TempDir
    Path dir;

    /** Found in a --no-timing run's output: its progress said "benchmarking inference", which it never does. */
    @Test
    void aWallClockTrialSaysNothingOfBenchmarks() {
        Dataset train = TestData.synthetic(5, 1);
        Dataset test = TestData.synthetic(2, 2);
        var fitted = Normalization.UNIT.fit(train);
        SuiteData data = new SuiteData(fitted.apply(train), fitted.apply(test), fitted);
        FakePlugin plugin = new FakePlugin("fake");
        TrialTiming.Job job = new TrialTiming.Job("fake.seed1", plugin, plugin.resolve(Map.of()), 1, dir, null);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        TrialResult r = ModelTrial.run(job, TrialTiming.WALL_CLOCK, data, false,
                new ProgressReporter(new PrintStream(progress, true, StandardCharsets.UTF_8), ConsoleMode.LOG), System.err);
        assertEquals(TrialStatus.OK, r.status(), r.error());
        assertEquals(Runtime.getRuntime().availableProcessors(), r.resources().machine().cores(), "where it ran is recorded");
        assertFalse(r.resources().machine().host().isBlank());
        String printed = progress.toString(StandardCharsets.UTF_8);
        assertFalse(printed.contains("benchmarking"), printed);
    }
}
