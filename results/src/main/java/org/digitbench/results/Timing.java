package org.digitbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;

/**
 * JMH's measurements of one trial, all taken in the trial's own JVM.
 *
 * @param status          {@code ok}, or {@code failed} (a benchmark threw; what was measured before is kept)
 * @param error           why it failed, else {@code null}
 * @param training        the training that made the evaluated model (single shot), or {@code null}
 * @param batch           predicting {@code batchImages} test images through the batch path (average time), or {@code null}
 * @param single          predicting one image (sampled), or {@code null}
 * @param throughput      images per second of the batch, its size, and the other batch sizes; its fields stand at the
 *                        top level of the JSON
 * @param load            the machine's load when the trial started; its fields stand at the top level of the JSON
 * @param warmupSeconds   the unmeasured warm-up training's wall-clock time, or {@code null}
 */
public record Timing(TrialStatus status, String error, Measurement training, Measurement batch, Measurement single,
                     @JsonUnwrapped Throughput throughput, @JsonUnwrapped Load load, Double warmupSeconds) {

    public Timing {
        throughput = throughput == null ? new Throughput(null, null, null) : throughput;
        load = load == null ? new Load(null, null) : load;
    }

    /** A timing without other batch sizes (as before schema version 3's batch sizes). */
    public Timing(TrialStatus status, String error, Measurement training, Measurement batch, Measurement single,
                  Double imagesPerSecond, Integer batchImages, Load load, Double warmupSeconds) {
        this(status, error, training, batch, single, new Throughput(imagesPerSecond, batchImages, null), load, warmupSeconds);
    }

    /**
     * What the batch benchmarks give.
     *
     * @param imagesPerSecond {@code batchImages} divided by the batch score, or {@code null}
     * @param batchImages     test images per batch call: enough for about a second's work, at most the test set
     * @param batchSizes      the smaller batches people deploy (32 and 256 images) measured the same way, each or why not;
     *                        empty when not measured
     */
    public record Throughput(Double imagesPerSecond, Integer batchImages,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) List<BatchSize> batchSizes) {
        public Throughput {
            batchSizes = batchSizes == null ? List.of() : List.copyOf(batchSizes);
        }
    }

    /**
     * One batch size's benchmark.
     *
     * @param images          images per call
     * @param measurement     JMH's average time per call, or {@code null} when not measured
     * @param imagesPerSecond {@code images} divided by the score, or {@code null}
     * @param skipped         why it was not measured, or {@code null}
     */
    public record BatchSize(int images, Measurement measurement, Double imagesPerSecond, String skipped) {
    }

    public Double imagesPerSecond() {
        return throughput.imagesPerSecond();
    }

    public Integer batchImages() {
        return throughput.batchImages();
    }

    public List<BatchSize> batchSizes() {
        return throughput.batchSizes();
    }

    /**
     * Images per second by images per call, from the median of JMH's iterations (like {@link #imagesPerSecond()}): 1 (the
     * single-image benchmark), the batch sizes measured, and the batch; empty when nothing was measured.
     */
    public java.util.SortedMap<Integer, Double> imagesPerSecondBySize() {
        java.util.SortedMap<Integer, Double> ladder = new java.util.TreeMap<>();
        if (single != null && single.score() > 0 && "us/op".equals(single.unit())) {
            List<Double> scores = single.iterationScores();
            double perImage = scores == null || scores.isEmpty() ? single.score()
                    : org.digitbench.eval.MedianInterval.of(scores.stream().mapToDouble(Double::doubleValue).toArray(), 0.95).median();
            ladder.put(1, 1e6 / perImage);
        }
        for (BatchSize b : batchSizes()) {
            if (b.imagesPerSecond() != null) {
                ladder.put(b.images(), b.imagesPerSecond());
            }
        }
        if (imagesPerSecond() != null && batchImages() != null) {
            ladder.put(batchImages(), imagesPerSecond());
        }
        return ladder;
    }

    /** Heap bytes allocated per image while predicting the batch (JMH's GC profiler), or {@code null}. */
    public Double bytesPerImage() {
        return batch == null || batch.allocatedBytesPerOp() == null || batchImages() == null || batchImages() == 0 ? null
                : batch.allocatedBytesPerOp() / batchImages();
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
