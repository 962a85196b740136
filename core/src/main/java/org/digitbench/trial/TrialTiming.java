package org.digitbench.trial;

import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.Dataset;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.TrainedModel;
import org.digitbench.api.TrainingListener;
import org.digitbench.results.Measurement;
import org.digitbench.results.Plan;
import org.digitbench.results.Timing;

/**
 * How a trial times its model: the one training that makes the evaluated model, and the inference
 * benchmarks afterwards. {@link #WALL_CLOCK} is {@code --no-timing}; the JMH timing lives with the
 * benchmarks ({@code org.digitbench.benchmarks.JmhTiming}).
 */
public interface TrialTiming {

    /**
     * The model of the trial's one training and how long that training took.
     *
     * @param measurement   JMH's score of the training, or {@code null} for wall-clock timing
     * @param warmupSeconds how long the unmeasured warm-up training took, or {@code null} without one
     */
    record Trained(TrainedModel model, double seconds, Measurement measurement, Double warmupSeconds) {
    }

    /** What the trial is about: the plugin, its hyper-parameters and seed, and where its files go. */
    record Job(String trialId, ClassifierPlugin plugin, Hyperparameters params, long seed, java.nio.file.Path runDir,
               java.time.Duration timeLimit) {
    }

    /**
     * Trains the model once on the whole training set (after any unmeasured warm-up) and returns it with
     * the training's time.
     */
    Trained train(Job job, Dataset train, TrainingListener listener) throws Exception;

    /**
     * Benchmarks the inference of the trained model, or returns {@code null} when this timing has none.
     *
     * @param predictSeconds how long the evaluation took to predict the whole test set (to size the benchmarks)
     */
    Timing inference(Job job, TrainedModel model, Dataset test, double predictSeconds, Trained training);

    /** Whether training is measured by JMH ({@code jmh}) or by the wall clock. */
    String kind();

    /** {@code --no-timing}: one training timed by the wall clock, no warm-up, no inference benchmarks. */
    TrialTiming WALL_CLOCK = new TrialTiming() {
        @Override
        public Trained train(Job job, Dataset train, TrainingListener listener) {
            long t0 = System.nanoTime();
            TrainedModel model = job.plugin().train(train, job.params(), job.seed(), listener);
            return new Trained(model, (System.nanoTime() - t0) / 1e9, null, null);
        }

        @Override
        public Timing inference(Job job, TrainedModel model, Dataset test, double predictSeconds, Trained training) {
            return null;
        }

        @Override
        public String kind() {
            return Plan.WALL_CLOCK;
        }
    };
}
