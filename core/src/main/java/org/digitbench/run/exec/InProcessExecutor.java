package org.digitbench.run.exec;

import org.digitbench.results.TrialResult;
import org.digitbench.results.store.RunFolder;
import org.digitbench.results.text.Format;
import org.digitbench.trial.ModelTrial;
import org.digitbench.trial.TrialSpec;
import org.digitbench.trial.TrialTiming;

import java.util.function.Function;

/**
 * {@code --in-process}: every trial in the driver's own JVM, one after the other, with no isolation and no
 * time limit (for debugging). The trial's result is written to its file here.
 */
public final class InProcessExecutor implements TrialExecutor {
    private final Function<TrialSpec, TrialResult> body;

    /** @param body runs a trial in this JVM (the trial JVM's own entry point, {@code TrialJvm.run}) */
    public InProcessExecutor(Function<TrialSpec, TrialResult> body) {
        this.body = body;
    }

    @Override
    public TrialResult run(TrialSpec spec, TrialTiming.Job job, int trainSize, int testSize) {
        TrialResult result;
        try {
            result = body.apply(spec);
        } catch (RuntimeException | OutOfMemoryError | LinkageError e) {
            result = ModelTrial.failed(job, trainSize, testSize, Format.failure(e));
        }
        RunFolder.at(spec.runDir()).writeTrial(result);
        return result;
    }
}
