package org.digitbench.benchmarks;

import java.time.Duration;
import java.util.Locale;
import org.digitbench.run.Profile;

/**
 * How much JMH measures for one model: forks, warm-up and measurement iterations of each benchmark,
 * chosen from the profile and from how long the model took to train and predict in the quality
 * pass, so that a 10-second training is measured often and a 30-minute one still finishes today.
 *
 * <p>Every fork first loads the data and, for training, trains once on a 1,000-image subset
 * unmeasured (JIT compilation, native libraries, thread pools). Training measurements are
 * single shots of a whole training; at least 3 per model, so that JMH's 99.9% confidence
 * interval exists (with 2 it is 636 standard errors wide). Long trainings get no warm-up
 * iterations: the setup's warm-up has compiled the hot code, and a warm-up iteration would
 * cost another whole training.
 *
 * <table>
 *   <caption>settings (forks × (warm-up + measurement) iterations)</caption>
 *   <tr><th></th><th>quick</th><th>full</th></tr>
 *   <tr><td>training (single shot)</td><td>under 60 s: 1 × (1 + 3); else 1 × (0 + 3)</td>
 *       <td>under 10 s: 2 × (2 + 5); under 60 s: 1 × (1 + 3); else 1 × (0 + 3)</td></tr>
 *   <tr><td>batch inference (average time)</td><td>1 × (1 + 3) of 1 s</td>
 *       <td>under 2 s: 2 × (3 + 5) of 2 s; under 30 s: 1 × (1 + 3); else 1 × (0 + 3)</td></tr>
 *   <tr><td>single-image latency (sample time)</td><td>1 × (1 + 3) of 1 s</td><td>1 × (2 + 5) of 2 s</td></tr>
 * </table>
 */
public record TimingPlan(Settings training, Settings batch, Settings single) {

    /**
     * One benchmark's settings.
     *
     * @param iteration length of a time-based iteration; {@code null} for single-shot (one invocation per iteration)
     */
    public record Settings(int forks, int warmups, int measurements, Duration iteration) {
        public Settings {
            if (forks < 1 || warmups < 0 || measurements < 1) {
                throw new IllegalArgumentException("forks >= 1, warm-ups >= 0, measurements >= 1; got " + this);
            }
        }

        /** Iterations run in all, warm-up included. */
        int iterations() {
            return forks * (warmups + measurements);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d fork%s × (%d warm-up + %d measurement)%s", forks, forks == 1 ? "" : "s",
                    warmups, measurements, iteration == null ? " single shots" : " iterations of " + iteration.toSeconds() + " s");
        }
    }

    /**
     * The plan for a model.
     *
     * @param trainSeconds   its training time in the quality pass
     * @param predictSeconds its time to predict the test set in the quality pass
     */
    public static TimingPlan of(Profile profile, double trainSeconds, double predictSeconds) {
        if (profile == Profile.QUICK) {
            Duration second = Duration.ofSeconds(1);
            return new TimingPlan(new Settings(1, trainSeconds < 60 ? 1 : 0, 3, null), new Settings(1, 1, 3, second),
                    new Settings(1, 1, 3, second));
        }
        Settings training = trainSeconds < 10 ? new Settings(2, 2, 5, null)
                : trainSeconds < 60 ? new Settings(1, 1, 3, null) : new Settings(1, 0, 3, null);
        Duration two = Duration.ofSeconds(2);
        Settings batch = predictSeconds < 2 ? new Settings(2, 3, 5, two)
                : predictSeconds < 30 ? new Settings(1, 1, 3, two) : new Settings(1, 0, 3, two);
        return new TimingPlan(training, batch, new Settings(1, 2, 5, two));
    }

    /** Seconds of JMH's, by the quality pass's times: iterations, warm-up trainings, and each fork's start (data loading). */
    public double estimateSeconds(double trainSeconds, double predictSeconds, int trainImages) {
        double forkStart = 5;
        double warmUpTraining = trainSeconds * Math.min(1.0, (double) BenchFixture.WARMUP_TRAIN_IMAGES / Math.max(1, trainImages));
        double train = training.iterations() * trainSeconds + training.forks() * (forkStart + warmUpTraining);
        double perBatch = Math.max(predictSeconds, batch.iteration().toSeconds());
        double batchTotal = batch.iterations() * perBatch + batch.forks() * forkStart;
        double singleTotal = single.iterations() * single.iteration().toSeconds() + single.forks() * forkStart;
        return train + batchTotal + singleTotal;
    }
}
