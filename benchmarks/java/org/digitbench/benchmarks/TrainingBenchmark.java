package org.digitbench.benchmarks;

import java.util.concurrent.TimeUnit;
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
 * Training time: one measurement is one training from scratch on the run's whole training set, with
 * the run's hyper-parameters and seed ({@code SingleShotTime}: training is long and not a loop).
 * Loading and normalising the data, and one unmeasured warm-up training on a small subset, happen in
 * setup. Parameterised by plugin id, so any plugin on the class path is benchmarked without new code.
 */
@State(Scope.Benchmark)
public class TrainingBenchmark {
    /** The plugin to time. */
    @Param("smile-decision-tree")
    public String plugin;

    /** The run folder whose configuration, data and hyper-parameters are used. */
    @Param("")
    public String run;

    private BenchFixture fixture;
    private Dataset train;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = BenchFixture.load(run, plugin);
        fixture.warmUpTraining();
    }

    /** Before each measurement (unmeasured): a fresh copy of the training set, so no library reuses a conversion cached from the last one. */
    @Setup(Level.Iteration)
    public void freshData() {
        train = fixture.freshTrainingSet();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public TrainedModel train() {
        return fixture.plugin.train(train, fixture.params, fixture.seed);
    }
}
