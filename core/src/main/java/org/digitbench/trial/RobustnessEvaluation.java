package org.digitbench.trial;

import org.digitbench.api.Dataset;
import org.digitbench.api.Predictions;
import org.digitbench.api.TrainedModel;
import org.digitbench.data.Corruption;
import org.digitbench.data.CorruptionSuite;
import org.digitbench.eval.Robustness;
import org.digitbench.results.text.Format;

import java.util.ArrayList;
import java.util.List;

/**
 * A trained model evaluated on the run's corrupted test images: one prediction call per corruption, on the suite's
 * subset corrupted and normalised as the run's images are. A model that fails on one corruption keeps the corruptions
 * before it, and the error says which; the trial itself stays good (its clean evaluation stands).
 */
public final class RobustnessEvaluation {
    private RobustnessEvaluation() {
    }

    /**
     * @param testPredictions the model's predictions for the whole test set (the clean images), from its evaluation
     */
    public static Robustness of(TrainedModel model, CorruptionSuite suite, int[] testPredictions) {
        int[] truth = suite.labels();
        int[] positions = suite.positions();
        int[] clean = new int[positions.length];
        for (int k = 0; k < positions.length; k++) {
            clean[k] = testPredictions[positions[k]];
        }
        int[] examples = suite.examples();
        List<Robustness.Corrupted> done = new ArrayList<>();
        String error = null;
        for (Corruption c : suite.corruptions()) {
            try {
                Dataset images = suite.normalized(c);
                Predictions p = model.predict(images);
                if (p == null || p.labels().length != truth.length) {
                    throw new IllegalStateException("predict() returned " + (p == null ? "null" : p.labels().length + " labels")
                            + " for " + truth.length + " images");
                }
                done.add(Robustness.corrupted(c.id(), truth, p.labels(), examples));
            } catch (Exception | OutOfMemoryError | StackOverflowError | LinkageError e) {
                error = c.id() + ": " + Format.failure(e);
                break;
            }
        }
        return Robustness.of(suite.choice().id(), truth, clean, done, error);
    }
}
