package org.digitbench.benchmarks;

import org.digitbench.api.Dataset;
import org.digitbench.api.Splits;
import org.digitbench.trial.TrialTiming;

/**
 * The unmeasured warm-up training before a trial's timed one: the trial's plugin trained once on a small stratified
 * subset of the training set, with one epoch where it has epochs (JIT, native libraries, thread pools, DL4J's thread
 * calibration).
 */
final class WarmupTraining {
    private WarmupTraining() {
    }

    /** Trains the warm-up and says in how many seconds. */
    static double run(TrialTiming.Job job, Dataset train) {
        long w0 = System.nanoTime();
        job.plugin().train(Splits.stratifiedSubset(train, warmupImages(train.size()), job.seed()), warmupParams(job), job.seed());
        return (System.nanoTime() - w0) / 1e9;
    }

    /** The warm-up's training images: {@value JmhTiming#WARMUP_TRAIN_IMAGES}, or an eighth of a smaller training set (at least 100). */
    private static int warmupImages(int trainSize) {
        return Math.min(trainSize, Math.min(JmhTiming.WARMUP_TRAIN_IMAGES, Math.max(Dataset.NUM_CLASSES * 10, trainSize / 8)));
    }

    /**
     * The trial's hyper-parameters with {@code epochs} (where the plugin has it) set to one: the warm-up is there
     * for the JIT, the native libraries, the thread pools and the thread calibration, which one pass reaches.
     */
    private static org.digitbench.api.Hyperparameters warmupParams(TrialTiming.Job job) {
        var values = job.params().asMap();
        if (!(values.get("epochs") instanceof Integer epochs) || epochs <= 1) {
            return job.params();
        }
        java.util.Map<String, String> overrides = new java.util.LinkedHashMap<>();
        values.forEach((k, v) -> overrides.put(k, String.valueOf(v)));
        overrides.put("epochs", "1");
        return org.digitbench.api.Hyperparameters.resolve(job.plugin().parameters(), overrides);
    }
}
