package org.digitbench.benchmarks;

import org.digitbench.api.Dataset;
import org.digitbench.api.Predictions;
import org.digitbench.api.TrainedModel;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Inference of the trial's model on the batch sizes people deploy ({@link InferencePlan#SIZES}): a stratified batch of
 * {@link #size} test images through the model's batch path, average time per call.
 */
@State(Scope.Benchmark)
public class BatchSizeBenchmark {
    /** The trial under way, for JMH's output. */
    @Param("")
    public String trial;

    /** Images per call; {@link JmhTiming} sets it. */
    @Param("32")
    public int size;

    private TrainedModel model;
    private Dataset batch;

    @Setup(Level.Trial)
    public void setUp() {
        JmhTiming.State state = JmhTiming.current();
        model = state.model;
        batch = state.sized.get(size);
        if (batch == null) {
            throw new IllegalStateException("no batch of " + size + " images was prepared");
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Predictions batch() {
        return model.predict(batch);
    }
}
