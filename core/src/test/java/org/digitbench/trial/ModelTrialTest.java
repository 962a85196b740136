package org.digitbench.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.Dataset;
import org.digitbench.api.Predictions;
import org.digitbench.api.TrainedModel;
import org.digitbench.data.CorruptionSuite;
import org.digitbench.data.Normalization;
import org.digitbench.eval.Robustness;
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

    /** Raw test images (0..255), as SuiteData keeps them for the corruptions. */
    private static Dataset raw(Dataset unit) {
        float[] px = unit.pixels();
        for (int i = 0; i < px.length; i++) {
            px[i] = Math.round(px[i] * 255);
        }
        return unit.withPixels(px, "raw");
    }

    private SuiteData withSuite(Dataset train, Dataset rawTest) {
        var fitted = Normalization.UNIT.fit(raw(train));
        CorruptionSuite suite = CorruptionSuite.of(CorruptionSuite.Choice.DEFAULT, rawTest, 20, 1, fitted);
        return new SuiteData(fitted.apply(raw(train)), fitted.apply(rawTest), fitted, java.util.List.of(), suite);
    }

    private TrialResult run(FakePlugin plugin, SuiteData data) {
        TrialTiming.Job job = new TrialTiming.Job(plugin.id() + ".seed1", plugin, plugin.resolve(Map.of()), 1, dir, null);
        return ModelTrial.run(job, TrialTiming.WALL_CLOCK, data, false, new ProgressReporter(System.err, ConsoleMode.LOG), System.err);
    }

    @Test
    void everyModelIsEvaluatedOnEachCorruptionOfTheSuite() {
        SuiteData data = withSuite(TestData.synthetic(5, 1), raw(TestData.synthetic(4, 2)));
        TrialResult r = run(new FakePlugin("fake"), data); // always says 0: right on a tenth of any images
        assertEquals(TrialStatus.OK, r.status(), r.error());
        Robustness robustness = r.evaluation().robustness();
        assertEquals(15, robustness.corruptions().size());
        assertEquals(20, robustness.images());
        assertEquals(0.1, robustness.cleanAccuracy(), 1e-12, "2 of the 20 images are zeros");
        robustness.corruptions().forEach(c -> assertEquals(2, c.correct(), c.corruption()));
        assertTrue(robustness.complete());
    }

    @Test
    void aModelThatFailsOnACorruptedImageKeepsItsTrialAndTheCorruptionsBefore() {
        SuiteData data = withSuite(TestData.synthetic(5, 1), raw(TestData.synthetic(4, 2)));
        int[] calls = {0};
        FakePlugin plugin = new FakePlugin("brittle", (train, params, seed) -> new TrainedModel() {
            @Override
            public int predict(float[] image) {
                return 0;
            }

            @Override
            public Predictions predict(Dataset images) {
                if (++calls[0] == 4) { // the clean test set, shot noise, impulse noise, then glass blur
                    throw new OutOfMemoryError("Java heap space");
                }
                return TrainedModel.super.predict(images);
            }

            @Override
            public void save(Path file) {
            }
        });
        TrialResult r = run(plugin, data);
        assertEquals(TrialStatus.OK, r.status(), "its clean evaluation stands");
        Robustness robustness = r.evaluation().robustness();
        assertEquals(2, robustness.corruptions().size());
        assertFalse(robustness.complete());
        assertTrue(robustness.error().startsWith("glass-blur: ") && robustness.error().contains("OutOfMemoryError"), robustness.error());
    }
}
