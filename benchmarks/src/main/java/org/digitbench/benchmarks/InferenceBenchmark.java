package org.digitbench.benchmarks;

import java.util.concurrent.TimeUnit;
import org.digitbench.api.Predictions;
import org.digitbench.api.TrainedModel;
import org.digitbench.api.Dataset;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Inference of the trial's model, the one its timed training returned: {@link #batch()} predicts a
 * stratified batch of test images through the model's batch path (average time; the results also give
 * images per second), {@link #single()} predicts one image (sampled, for p50/p99 latency), cycling
 * through the test images. {@link InferencePlan} sizes both.
 */
@State(Scope.Benchmark)
public class InferenceBenchmark {
    /** The trial under way, for JMH's output. */
    @Param("")
    public String trial;

    private TrainedModel model;
    private Dataset batch;
    private float[][] images;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        JmhTiming.State state = JmhTiming.current();
        model = state.model;
        batch = state.batch;
        images = state.images;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Predictions batch() {
        return model.predict(batch);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int single() {
        float[] image = images[next];
        next = next + 1 == images.length ? 0 : next + 1;
        return model.predict(image);
    }
}
