package org.digitbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.config.Profile;
import org.digitbench.config.RunConfig;
import org.digitbench.data.Mnist;
import org.digitbench.data.Normalization;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

class ReferenceEstimatesTest {
    private static final ReferenceEstimates ESTIMATES = new ReferenceEstimates("2 cores", Map.of("full", Map.of("dl4j-rnn",
            new ReferenceEstimates.Entry(1283, 1200, Map.of("epochs", 8, "batch-size", 128), "full/results.json"))));

    private static RunConfig config(boolean timing, Integer trainSize) {
        return new RunConfig(Profile.FULL, List.of("dl4j-rnn"), Map.of(), List.of(42L), new RunConfig.DataChoice(org.digitbench.data.DataSource.mnist(Mnist.locate(Path.of("none"), null)),
                false, Normalization.UNIT, trainSize, null, false), timing, new RunConfig.Output(false, Path.of("reports"), null), List.of("run"));
    }

    @Test
    void aTrialIsEstimatedOnlyFromAReferenceWithItsHyperparameters() {
        assertEquals(1283, ESTIMATES.trialSeconds("dl4j-rnn", Map.of("epochs", 8, "batch-size", 128), config(true, null))
                .getAsDouble());
        assertEquals(1200, ESTIMATES.trialSeconds("dl4j-rnn", Map.of("epochs", "8", "batch-size", "128"), config(false, null))
                .getAsDouble(), "--no-timing keeps the wall-clock part");
        // A default changed since the reference was measured (8 epochs then, 6 now): no estimate, not a stale one.
        assertTrue(ESTIMATES.trialSeconds("dl4j-rnn", Map.of("epochs", 6, "batch-size", 128), config(true, null)).isEmpty());
        assertTrue(ESTIMATES.trialSeconds("dl4j-rnn", Map.of("epochs", 8, "batch-size", 128), config(true, 5000)).isEmpty(),
                "other data sizes");
        assertTrue(ESTIMATES.trialSeconds("dl4j-cnn", Map.of(), config(true, null)).isEmpty());
    }

    /** A reference made without corrupted images, and a run that predicts 15 × 500 of them at 16 ms an image (an RBF SVM's pace). */
    @Test
    void theCorruptedImagesAreAddedAtTheReferencesPacePerImage() {
        ReferenceEstimates svm = new ReferenceEstimates("2 cores", Map.of("full", Map.of("smile-svm-rbf",
                new ReferenceEstimates.Entry(1000, 400, Map.of(), "full/results.json", 0.016, 0))));
        RunConfig plain = config(true, null);
        RunConfig robust = new RunConfig(plain.profile(), plain.pluginIds(), plain.overrides(), plain.seeds(), plain.dataset(), true,
                plain.output(), plain.commandLine(), org.digitbench.data.CorruptionSuite.Choice.DEFAULT);
        assertEquals(1000, svm.trialSeconds("smile-svm-rbf", Map.of(), plain).getAsDouble(), 1e-9);
        assertEquals(1000 + 0.016 * 15 * 500, svm.trialSeconds("smile-svm-rbf", Map.of(), robust).getAsDouble(), 1e-9);
        // a reference that had them already, and a run with the larger suite: only the difference is added
        ReferenceEstimates had = new ReferenceEstimates("2 cores", Map.of("full", Map.of("smile-svm-rbf",
                new ReferenceEstimates.Entry(1120, 520, Map.of(), "full/results.json", 0.016, 15 * 500))));
        RunConfig all = new RunConfig(plain.profile(), plain.pluginIds(), plain.overrides(), plain.seeds(), plain.dataset(), false,
                plain.output(), plain.commandLine(), org.digitbench.data.CorruptionSuite.Choice.ALL);
        assertEquals(520 + 0.016 * 3 * 500, had.trialSeconds("smile-svm-rbf", Map.of(), all).getAsDouble(), 1e-9);
        assertEquals(1120 - 0.016 * 15 * 500, had.trialSeconds("smile-svm-rbf", Map.of(), plain).getAsDouble(), 1e-9,
                "--robustness none takes them away");
    }
}
