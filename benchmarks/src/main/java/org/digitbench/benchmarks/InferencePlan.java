package org.digitbench.benchmarks;

import org.digitbench.config.Profile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How much JMH measures of a trained model's inference, sized by what it measures rather than by the
 * test set: batch throughput needs a batch big enough to amortise per-call costs, not 10,000 images,
 * and a kernel SVM that needs 47 ms an image must not cost half an hour of iterations.
 *
 * <ul>
 *   <li>Steady state first: before JMH's benchmarks of the batch and of single images, a checked warm-up runs timed
 *       iterations of the same length until the last two agree within {@value #SETTLED_WITHIN} (relative), for at
 *       most {@value #FULL_STEADY_CAP_SECONDS} s ({@value #QUICK_STEADY_CAP_SECONDS} s quick) ({@link SteadyState}).</li>
 *   <li>Batch ({@code AverageTime}): the batch is a stratified subset of the test set of about
 *       {@value #FULL_BATCH_SECONDS} s of work at the model's {@linkplain #pace pace} ({@value #QUICK_BATCH_SECONDS} s in the
 *       quick profile), rounded down to 1, 2 or 5 times a power of ten (so two runs benchmark the same batch), at least
 *       {@value #MIN_BATCH} images (or the whole test set when smaller) and at most the test set; each iteration runs
 *       at least one whole batch.</li>
 *   <li>The batch sizes people deploy, {@link #SIZES}, each smaller than that batch, the same way with shorter
 *       iterations; a size as large as the batch or larger is not measured (it would cost more than a second a call,
 *       or is the batch itself), and the plan says why.</li>
 *   <li>Single image ({@code SampleTime}): every call timed, cycling through the test images, for p50/p90/p99.</li>
 * </ul>
 * Every benchmark has one JMH warm-up iteration and {@value #MEASUREMENTS} measured ones, whose median's 95%
 * order-statistic interval runs from the 6th to the 15th: it leaves out five iterations on each side, so a burst
 * that slows two or three consecutive iterations (on a two-core machine, another process taking a core from a library
 * that predicts on both) does not widen it, where ten iterations' interval (2nd to 9th) gave way to three slow ones.
 * Iterations are 0.25 s in the full profile (0.1 s for the small batch sizes) and 0.025 s in the quick one (0.015 s):
 * many short iterations rather than few long ones, for the same time. A model costs about 17 s in the full profile and
 * 3 s in the quick one, more for models whose batch takes longer than an iteration.
 * <p>
 * A benchmark whose figure came out unstable because of the collector (the iterations in which it paused were the slow
 * ones: a model that allocates enough to pause for 150–400 ms every second or two) is {@linkplain #remeasure measured
 * again} with {@value #REMEASUREMENTS} iterations long enough to hold about {@value #PAUSES_PER_ITERATION} pauses each at
 * the rate the first measurement saw, at most {@value #FULL_REMEASURE_CAP_SECONDS} s ({@value #QUICK_REMEASURE_CAP_SECONDS}
 * s quick): the pauses are then part of every iteration's cost, as they are of a deployed model's, instead of the
 * difference between two kinds of iteration. The second measurement is the figure; the first stays in the results.
 *
 * @param longest the longest iteration a measurement taken again may have
 */
public record InferencePlan(int batchImages, Settings batch, Settings sized, Settings single, List<Integer> sizes,
                            Steady steady, Duration longest) {
    static final double FULL_BATCH_SECONDS = 1.0;
    static final double QUICK_BATCH_SECONDS = 0.1;
    static final int MIN_BATCH = 100;
    /** Measured iterations of every inference benchmark. */
    static final int MEASUREMENTS = 20;
    /** The batch sizes measured besides the batch of about a second's work. */
    public static final List<Integer> SIZES = List.of(32, 256);
    static final double SETTLED_WITHIN = 0.05;
    static final double FULL_STEADY_CAP_SECONDS = 10;
    static final double QUICK_STEADY_CAP_SECONDS = 1;
    /** Measured iterations of a benchmark measured again because of the collector's pauses. */
    static final int REMEASUREMENTS = 10;
    /** About how many pauses each iteration of a measurement taken again holds, at the first measurement's rate. */
    static final int PAUSES_PER_ITERATION = 4;
    static final double FULL_REMEASURE_CAP_SECONDS = 2;
    static final double QUICK_REMEASURE_CAP_SECONDS = 0.1;
    /** A measurement is taken again only with iterations at least this many times as long as the first's. */
    static final double REMEASURE_LONGER = 1.5;

    public InferencePlan {
        sizes = List.copyOf(sizes);
    }

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
     * The checked warm-up before the batch and single-image benchmarks.
     *
     * @param cap       the most it may take
     * @param tolerance the relative difference between the last two iterations at which it stops
     */
    public record Steady(Duration cap, double tolerance) {
    }

    /**
     * The plan for a model.
     *
     * @param predictSeconds how long the evaluation took to predict the whole test set
     * @param testSize       images in the test set
     */
    public static InferencePlan of(Profile profile, double predictSeconds, int testSize) {
        boolean quick = profile == Profile.QUICK;
        double perImage = perImage(predictSeconds, testSize);
        int wanted = roundDown((int) Math.min(Integer.MAX_VALUE, Math.ceil((quick ? QUICK_BATCH_SECONDS : FULL_BATCH_SECONDS) / perImage)));
        int images = Math.min(testSize, Math.max(Math.min(MIN_BATCH, testSize), wanted));
        Settings batch = new Settings(1, MEASUREMENTS, Duration.ofMillis(quick ? 25 : 250));
        Settings sized = new Settings(1, MEASUREMENTS, Duration.ofMillis(quick ? 15 : 100));
        List<Integer> sizes = new ArrayList<>();
        for (int size : SIZES) {
            if (size < images) {
                sizes.add(size);
            }
        }
        Steady steady = new Steady(Duration.ofMillis((long) (1000 * (quick ? QUICK_STEADY_CAP_SECONDS : FULL_STEADY_CAP_SECONDS))),
                SETTLED_WITHIN);
        return new InferencePlan(images, batch, sized, batch, sizes, steady,
                Duration.ofMillis((long) (1000 * (quick ? QUICK_REMEASURE_CAP_SECONDS : FULL_REMEASURE_CAP_SECONDS))));
    }

    /**
     * The settings to measure a benchmark again with, because the collector's pauses made its {@code first} measurement
     * unstable ({@link org.digitbench.results.text.Stability#collectorBound}); {@code null} when it is not, or when
     * iterations of {@link #longest} would not be {@value #REMEASURE_LONGER} times as long as the first's. The first's
     * iterations lasted its wall time over its iterations (warm-up included: a batch call can outlast the iteration
     * time), and it paused in some of them: the new iterations last {@value #PAUSES_PER_ITERATION} times the time
     * between two of those, capped at {@link #longest}.
     */
    public Settings remeasure(org.digitbench.results.Measurement first) {
        if (org.digitbench.results.text.Stability.collectorBound(first) == null) {
            return null;
        }
        int n = first.iterationScores().size();
        long paused = first.estimate().profile().iterationGcMillis().stream().filter(g -> g > 0).count();
        double iteration = first.wallSeconds() / Math.max(1, first.warmupIterations() + first.measurementIterations());
        double seconds = Math.min(longest.toMillis() / 1000.0, PAUSES_PER_ITERATION * iteration * n / paused);
        if (seconds < REMEASURE_LONGER * iteration) {
            return null;
        }
        return new Settings(1, REMEASUREMENTS, Duration.ofMillis(Math.round(1000 * seconds)));
    }

    /** An evaluation of the test set shorter than this is timed again, warm, to size the batch. */
    static final double WARM_PACE_BELOW_SECONDS = 1.0;
    /** At most this many warm predictions of the test set, and no more once they took this long together. */
    static final int WARM_PACE_RUNS = 3;

    /**
     * The seconds a prediction of the whole test set takes, which sizes the batch: the evaluation's, or, when that was
     * under {@value #WARM_PACE_BELOW_SECONDS} s, the fastest of up to {@value #WARM_PACE_RUNS} warm predictions of it
     * (together at most about that long). The evaluation is the model's first prediction: for a fast model mostly the
     * JIT compiler's work, and it moved from run to run enough to cross a rounding boundary, so that two quick runs
     * benchmarked three models on batches of different sizes (smile-random-forest 500 and 1,000 images, dl4j-rnn 500
     * and 200).
     *
     * @param evaluation the evaluation's seconds for the whole test set
     * @param predictAll predicts the whole test set once more and says in how many seconds
     */
    public static double pace(double evaluation, java.util.function.DoubleSupplier predictAll) {
        if (evaluation >= WARM_PACE_BELOW_SECONDS) {
            return evaluation;
        }
        double best = Double.MAX_VALUE;
        double spent = 0;
        for (int i = 0; i < WARM_PACE_RUNS && spent < WARM_PACE_BELOW_SECONDS; i++) {
            double t = predictAll.getAsDouble();
            best = Math.min(best, t);
            spent += t;
        }
        return best;
    }

    /**
     * The pace that sizes {@code model}'s batch: its {@linkplain #pace measured pace} (a model that fails while it is
     * measured keeps the evaluation's, and fails its benchmarks next, which say so), or the reference's
     * ({@link #batchPace}).
     *
     * @param referencePerImage the reference run's prediction seconds per test image, or empty
     */
    static double modelPace(org.digitbench.api.TrainedModel model, org.digitbench.api.Dataset test, double predictSeconds,
                            java.util.OptionalDouble referencePerImage) {
        double measured;
        try {
            measured = pace(predictSeconds, () -> {
                long t0 = System.nanoTime();
                model.predict(test);
                return (System.nanoTime() - t0) / 1e9;
            });
        } catch (RuntimeException e) {
            measured = predictSeconds;
        }
        return batchPace(measured, referencePerImage.isPresent()
                ? java.util.OptionalDouble.of(referencePerImage.getAsDouble() * test.size()) : referencePerImage);
    }

    /** How far a reference run's pace may be from the measured one and still size the batch. */
    static final double REFERENCE_WITHIN = 3;

    /**
     * The pace that sizes the batch (seconds for the whole test set): the committed reference run's for the same
     * profile, plugin and hyper-parameters, when there is one within a factor of {@value #REFERENCE_WITHIN} of the
     * measured pace, else the measured one. Every run of a default configuration on a machine like the reference's then
     * benchmarks the batch the reference did, where a measured pace near a rounding boundary chose one of two sizes from
     * run to run; on a machine several times faster or slower the measured pace keeps the batch at about its time.
     *
     * @param measured  the {@linkplain #pace measured pace}
     * @param reference the reference run's, or empty
     */
    public static double batchPace(double measured, java.util.OptionalDouble reference) {
        if (reference.isEmpty()) {
            return measured;
        }
        double ratio = reference.getAsDouble() / Math.max(measured, 1e-9);
        return ratio <= REFERENCE_WITHIN && ratio >= 1 / REFERENCE_WITHIN ? reference.getAsDouble() : measured;
    }

    /**
     * {@code n} rounded down to 1, 2 or 5 times a power of ten (1,733 to 1,000; 480 to 200), so that two runs whose
     * evaluations went at slightly different paces benchmark the same batch.
     */
    static int roundDown(int n) {
        if (n < 1) {
            return 1;
        }
        int power = 1;
        while (power <= n / 10) {
            power *= 10;
        }
        int lead = n / power;
        return (lead >= 5 ? 5 : lead >= 2 ? 2 : 1) * power;
    }

    private static double perImage(double predictSeconds, int testSize) {
        return Math.max(predictSeconds, 1e-6) / Math.max(1, testSize);
    }

    /** Why a batch size of {@link #SIZES} is not measured, or {@code null} when it is. */
    public String skipped(int size, int testSize, double predictSeconds) {
        if (sizes.contains(size)) {
            return null;
        }
        if (size > testSize) {
            return String.format(Locale.ROOT, "the test set has %,d images", testSize);
        }
        return String.format(Locale.ROOT, "not below the benchmark's batch of %,d images (about a second's work: %s ms an "
                + "image at the model's pace)", batchImages, String.format(Locale.ROOT, "%.3g", 1000 * perImage(predictSeconds, testSize)));
    }

    /** About how many seconds the benchmarks take, for estimates before a run (the checked warm-ups at three iterations). */
    public double estimateSeconds(double predictSeconds, int testSize) {
        double perImage = perImage(predictSeconds, testSize);
        double total = iterations(batch) * Math.max(perImage * batchImages, seconds(batch))
                + iterations(single) * seconds(single);
        for (int size : sizes) {
            total += iterations(sized) * Math.max(perImage * size, seconds(sized));
        }
        double steadyBatch = Math.min(steady.cap().toMillis() / 1000.0, 3 * Math.max(perImage * batchImages, seconds(batch)));
        return total + steadyBatch + Math.min(steady.cap().toMillis() / 1000.0, 3 * seconds(single));
    }

    private static int iterations(Settings s) {
        return s.warmups() + s.measurements();
    }

    private static double seconds(Settings s) {
        return s.iteration().toMillis() / 1000.0;
    }
}
