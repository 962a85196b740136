package org.digitbench.run.exec;

import org.digitbench.results.TrialResult;
import org.digitbench.trial.TrialSpec;
import org.digitbench.trial.TrialTiming;

/**
 * Runs a run's trials: {@link LocalJvmExecutor} (each in its own JVM on this machine, one at a time, the
 * default) or {@link InProcessExecutor} ({@code --in-process}, for debugging).
 */
public interface TrialExecutor {
    /**
     * Runs one trial and returns its result: the trial's own, or a failed result saying why there is none.
     *
     * @param job       the trial as the driver resolved it, for a failed result's description
     * @param trainSize training images, for a failed result
     * @param testSize  test images, for a failed result
     */
    TrialResult run(TrialSpec spec, TrialTiming.Job job, int trainSize, int testSize);
}
