package org.digitbench.results;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * JMH's measurements of one trial, all taken in the trial's own JVM.
 *
 * @param status          {@code ok}, or {@code failed} (a benchmark threw; what was measured before is kept)
 * @param error           why it failed, else {@code null}
 * @param training        the training that made the evaluated model (single shot), or {@code null}
 * @param batch           predicting {@code batchImages} test images through the batch path (average time), or {@code null}
 * @param single          predicting one image (sampled), or {@code null}
 * @param imagesPerSecond {@code batchImages} divided by the batch score, or {@code null}
 * @param batchImages     test images per batch call: enough for about a second's work, at most the test set
 * @param load            the machine's load when the trial started; its fields stand at the top level of the JSON
 * @param warmupSeconds   the unmeasured warm-up training's wall-clock time, or {@code null}
 */
public record Timing(TrialStatus status, String error, Measurement training, Measurement batch, Measurement single,
                     Double imagesPerSecond, Integer batchImages, @JsonUnwrapped Load load, Double warmupSeconds) {

    public Timing {
        load = load == null ? new Load(null, null) : load;
    }

    /**
     * The machine's load when the trial started.
     *
     * @param loadBefore the 1-minute load average when the trial started, after any wait for a busy machine
     * @param busy       whether the machine was still busy (load above its cores) when the trial started
     */
    public record Load(Double loadBefore, Boolean busy) {
    }

    public Double loadBefore() {
        return load.loadBefore();
    }

    public Boolean busy() {
        return load.busy();
    }

    public boolean ok() {
        return status == TrialStatus.OK;
    }
}
