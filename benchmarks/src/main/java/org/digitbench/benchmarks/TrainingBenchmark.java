package org.digitbench.benchmarks;

import java.util.concurrent.TimeUnit;
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

/**
 * The trial's training: one measurement ({@code SingleShotTime}) is the one training from scratch on the
 * run's whole training set, with the trial's hyper-parameters and seed, and the model it returns is the
 * model the trial evaluates ({@link JmhTiming} runs it once, in the trial's JVM). Parameterised by the
 * trial, so any plugin on the class path is timed without new code.
 */
@State(Scope.Benchmark)
public class TrainingBenchmark {
    /** The trial under way, for JMH's output (the trial itself comes from {@link JmhTiming}). */
    @Param("")
    public String trial;

    private JmhTiming.State state;

    @Setup(Level.Trial)
    public void setUp() {
        state = JmhTiming.current();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public TrainedModel train() {
        TrainedModel model = state.job.plugin().train(state.train, state.job.params(), state.job.seed(), state.listener);
        JmhTiming.trained(state, model);
        return model;
    }
}
