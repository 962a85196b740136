package org.digitbench.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.digitbench.api.Predictions;
import org.digitbench.api.TrainedModel;
import org.digitbench.data.Dataset;
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
 * Inference time of the model the quality pass trained and saved (loaded in setup):
 * {@link #batch()} predicts the whole test set through the model's batch path (average time; the
 * report also shows images per second), {@link #single()} predicts one image (sampled, for p50/p99
 * latency), cycling through the test images.
 */
@State(Scope.Benchmark)
public class InferenceBenchmark {
    @Param("smile-decision-tree")
    public String plugin;

    @Param("")
    public String run;

    private TrainedModel model;
    private Dataset test;
    private float[][] images;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        BenchFixture fixture = BenchFixture.load(run, plugin);
        model = fixture.model();
        test = fixture.test;
        images = test.toFloatRows();
        // unmeasured warm-up of the batch path on a few images
        model.predict(test.subset(java.util.stream.IntStream.range(0, Math.min(200, test.size())).toArray(), "warm-up"));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Predictions batch() {
        return model.predict(test);
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
