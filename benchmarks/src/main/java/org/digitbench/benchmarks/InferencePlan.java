package org.digitbench.benchmarks;

import org.digitbench.config.Profile;

import java.time.Duration;
import java.util.Locale;

/**
 * How much JMH measures of a trained model's inference, sized by what it measures rather than by the
 * test set: batch throughput needs a batch big enough to amortise per-call costs, not 10,000 images,
 * and a kernel SVM that needs 47 ms an image must not cost half an hour of iterations.
 *
 * <ul>
 *   <li>Batch ({@code AverageTime}): the batch is a stratified subset of the test set of about
 *       {@value #FULL_BATCH_SECONDS} s of work by the evaluation's pace ({@value #QUICK_BATCH_SECONDS} s in the
 *       quick profile), at least {@value #MIN_BATCH} images (or the whole test set when smaller) and at most the test
 *       set; iterations of 1 s (0.25 s quick), each running at least one whole batch.</li>
 *   <li>Single image ({@code SampleTime}): every call timed, cycling through the test images, for p50/p99.</li>
 * </ul>
 * Full profile: 1 warm-up and 5 measurement iterations of each; quick: 1 and 3. That is about 12 s a
 * model (under 2 s quick), and at most a few batches more for the slowest models.
 */
public record InferencePlan(int batchImages, Settings batch, Settings single) {
    static final double FULL_BATCH_SECONDS = 1.0;
    static final double QUICK_BATCH_SECONDS = 0.25;
    static final int MIN_BATCH = 100;

    /**
     * One benchmark's settings.
     *
     * @param iteration length of a time-based iteration; {@code null} for single-shot (one invocation per iteration)
     */
    public record Settings(int warmups, int measurements, Duration iteration) {
        public Settings {
            if (warmups < 0 || measurements < 1) {
                throw new IllegalArgumentException("warm-ups >= 0, measurements >= 1; got " + warmups + ", " + measurements);
            }
        }

        static String seconds(Duration d) {
            return String.format(Locale.ROOT, "%.3g s", d.toMillis() / 1000.0);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d warm-up + %d measurement%s", warmups, measurements,
                    iteration == null ? " single shots" : " iterations of " + seconds(iteration));
        }
    }

    /**
     * The plan for a model.
     *
     * @param predictSeconds how long the evaluation took to predict the whole test set
     * @param testSize       images in the test set
     */
    public static InferencePlan of(Profile profile, double predictSeconds, int testSize) {
        boolean quick = profile == Profile.QUICK;
        double perImage = Math.max(predictSeconds, 1e-6) / Math.max(1, testSize);
        int wanted = (int) Math.ceil((quick ? QUICK_BATCH_SECONDS : FULL_BATCH_SECONDS) / perImage);
        int images = Math.min(testSize, Math.max(Math.min(MIN_BATCH, testSize), wanted));
        Duration iteration = quick ? Duration.ofMillis(250) : Duration.ofSeconds(1);
        Settings s = new Settings(1, quick ? 3 : 5, iteration); // 3 measurements at least: JMH gives no interval for 2
        return new InferencePlan(images, s, s);
    }

    /** About how many seconds the two benchmarks take, for estimates before a run. */
    public double estimateSeconds(double predictSeconds, int testSize) {
        double perBatch = Math.max(predictSeconds, 1e-6) / Math.max(1, testSize) * batchImages;
        double batchIterations = batch.warmups() + batch.measurements();
        double singleIterations = single.warmups() + single.measurements();
        return batchIterations * Math.max(perBatch, batch.iteration().toMillis() / 1000.0)
                + singleIterations * single.iteration().toMillis() / 1000.0;
    }
}
