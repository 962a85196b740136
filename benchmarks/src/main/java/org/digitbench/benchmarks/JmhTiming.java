package org.digitbench.benchmarks;

import org.digitbench.api.Dataset;
import org.digitbench.api.LibraryVersion;
import org.digitbench.api.Splits;
import org.digitbench.api.TrainedModel;
import org.digitbench.api.TrainingListener;
import org.digitbench.config.Profile;
import org.digitbench.results.Measurement;
import org.digitbench.results.Plan;
import org.digitbench.results.Timing;
import org.digitbench.results.TrialStatus;
import org.digitbench.trial.LoadGuard;
import org.digitbench.trial.ProgressReporter;
import org.digitbench.trial.TrialTiming;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trial timed by JMH, in the trial's own JVM (JMH does not fork: the trial JVM is itself fresh, and
 * dies with the trial). First an unmeasured warm-up training on a small stratified subset (JIT,
 * native libraries, thread pools, DL4J's thread calibration); then the training that makes the trial's
 * model, as one JMH {@code SingleShotTime} measurement ({@link TrainingBenchmark}), whose model is the
 * one evaluated; after the evaluation, JMH benchmarks that same model's batch throughput and
 * single-image latency ({@link InferenceBenchmark}), sized by {@link InferencePlan}. JMH's JSON and log
 * go to {@code <run>/jmh/<trial>.{train,batch,single}.{json,log}}.
 */
public final class JmhTiming implements TrialTiming {
    /** Images of the unmeasured warm-up training. */
    public static final int WARMUP_TRAIN_IMAGES = 1_000;

    /** What the benchmarks of the trial under way work on; JMH runs them in this JVM. */
    static final class State {
        final Job job;
        final Dataset train;
        final TrainingListener listener;
        volatile TrainedModel trained;
        volatile int trainings;
        final TrainedModel model;
        final Dataset batch;
        final Map<Integer, Dataset> sized;
        final float[][] images;

        State(Job job, Dataset train, TrainingListener listener) {
            this.job = job;
            this.train = train;
            this.listener = listener;
            this.model = null;
            this.batch = null;
            this.sized = Map.of();
            this.images = null;
        }

        State(Job job, TrainedModel model, Dataset batch, Map<Integer, Dataset> sized, float[][] images) {
            this.job = job;
            this.train = null;
            this.listener = TrainingListener.NONE;
            this.model = model;
            this.batch = batch;
            this.sized = Map.copyOf(sized);
            this.images = images;
        }
    }

    private static volatile State current;

    /** The trial the benchmarks work on. */
    static State current() {
        State s = current;
        if (s == null) {
            throw new IllegalStateException("no trial under way: digitbench's benchmarks run inside a trial "
                    + "(digitbench run), not on their own");
        }
        return s;
    }

    private final Profile profile;
    private final ProgressReporter progress;
    private final double loadBefore;
    private final boolean busy;
    private final java.util.function.Function<Job, java.util.OptionalDouble> referencePace;

    /**
     * @param progress      where each benchmark iteration's score goes (its own line when verbose)
     * @param loadBefore    the load average the driver saw before starting the trial
     * @param busy          whether the machine was still busy then
     * @param referencePace a job's prediction seconds per image in the reference run, if any ({@link InferencePlan#modelPace})
     */
    public JmhTiming(Profile profile, ProgressReporter progress, double loadBefore, boolean busy,
                     java.util.function.Function<Job, java.util.OptionalDouble> referencePace) {
        this.profile = profile;
        this.progress = progress;
        this.loadBefore = loadBefore;
        this.busy = busy;
        this.referencePace = referencePace;
    }

    @Override
    public String kind() {
        return Plan.JMH;
    }

    @Override
    public Trained train(Job job, Dataset train, TrainingListener listener) throws Exception {
        double warmup = WarmupTraining.run(job, train);
        State state = new State(job, train, listener);
        current = state;
        try {
            Duration limit = job.timeLimit() == null ? Duration.ofDays(1) : job.timeLimit();
            Measurement m = measure(job, "train", TrainingBenchmark.class.getName() + ".train",
                    new InferencePlan.Settings(0, 1, null), TimeValue.seconds(limit.toSeconds()), Map.of(), null);
            if (state.trainings != 1 || state.trained == null) {
                throw new IllegalStateException("JMH ran the training " + state.trainings + " times; expected exactly once");
            }
            return new Trained(state.trained, m.score(), m, warmup);
        } finally {
            current = null;
        }
    }

    @Override
    public Timing inference(Job job, TrainedModel model, Dataset test, double predictSeconds, Trained training) {
        Measured done = new Measured();
        double pace = InferencePlan.modelPace(model, test, predictSeconds, referencePace.apply(job));
        InferencePlan plan = InferencePlan.of(profile, pace, test.size());
        try {
            time(job, model, test, plan, done);
            return timing(TrialStatus.OK, null, training, done, plan, test.size(), pace);
        } catch (BenchmarkFailed e) {
            return timing(TrialStatus.FAILED, e.getMessage(), training, done, plan, test.size(), pace);
        } finally {
            current = null;
        }
    }

    /** What the inference benchmarks measured so far: a failure keeps what came before it. */
    private static final class Measured {
        Measurement batch;
        Measurement single;
        final Map<Integer, Measurement> sized = new LinkedHashMap<>();
    }

    private void time(Job job, TrainedModel model, Dataset test, InferencePlan plan, Measured done) throws BenchmarkFailed {
        Dataset batch = Splits.stratifiedSubset(test, plan.batchImages(), job.seed());
        Map<Integer, Dataset> sized = new LinkedHashMap<>();
        for (int size : plan.sizes()) {
            sized.put(size, Splits.stratifiedSubset(test, size, job.seed()));
        }
        float[][] images = test.toFloatRows();
        current = new State(job, model, batch, sized, images);
        var steady = plan.steady();
        Measurement.SteadyWarmup batchWarm = warm("batch", () -> SteadyState.warm(() -> model.predict(batch),
                plan.batch().iteration(), steady.cap(), steady.tolerance(), 1e6, System::nanoTime, SteadyState::jitMillis));
        TimeValue timeout = TimeValue.minutes(30);
        String batchMethod = InferenceBenchmark.class.getName() + ".batch";
        done.batch = measure(job, "batch", batchMethod, plan.batch(), timeout, Map.of(), batchWarm);
        done.batch = again(job, "batch", batchMethod, plan, timeout, Map.of(), done.batch);
        String sizedMethod = BatchSizeBenchmark.class.getName() + ".batch";
        for (int size : plan.sizes()) {
            Map<String, String> params = Map.of("size", String.valueOf(size));
            done.sized.put(size, measure(job, "batch" + size, sizedMethod, plan.sized(), timeout, params, null));
            done.sized.put(size, again(job, "batch" + size, sizedMethod, plan, timeout, params, done.sized.get(size)));
        }
        int[] next = {0};
        Measurement.SteadyWarmup singleWarm = warm("single", () -> SteadyState.warm(() -> {
            int i = next[0];
            next[0] = i + 1 == images.length ? 0 : i + 1;
            return model.predict(images[i]);
        }, plan.single().iteration(), steady.cap(), steady.tolerance(), 1e3, System::nanoTime, SteadyState::jitMillis));
        String singleMethod = InferenceBenchmark.class.getName() + ".single";
        done.single = measure(job, "single", singleMethod, plan.single(), timeout, Map.of(), singleWarm);
        done.single = again(job, "single", singleMethod, plan, timeout, Map.of(), done.single);
    }

    /**
     * {@code first}, or, when the collector's pauses made it unstable ({@link InferencePlan#remeasure}), the same
     * benchmark measured again with longer iterations, which keeps {@code first} as the one it replaced. JMH's files of
     * the second go beside the first's, as {@code <trial>.<name>-gc.*}.
     */
    private Measurement again(Job job, String name, String method, InferencePlan plan, TimeValue timeout,
                              Map<String, String> params, Measurement first) throws BenchmarkFailed {
        InferencePlan.Settings longer = plan.remeasure(first);
        if (longer == null) {
            return first;
        }
        String reason = org.digitbench.results.text.Stability.collectorBound(first);
        progress.iteration(String.format(java.util.Locale.ROOT, "      %-8s measured again with %s: %s", name, longer, reason));
        Measurement second = measure(job, name + "-gc", method, longer, timeout, params, first.iterations().steadyWarmup());
        var replaced = new Measurement.Remeasured(reason, first.iterationTime(), first.iterationScores(),
                first.estimate().profile().iterationGcMillis(), first.jsonFile(), first.wallSeconds());
        return second.replacing(replaced);
    }

    /** Runs a checked warm-up; a model that throws in it fails the timing (as in JMH's benchmarks), not the trial. */
    private static Measurement.SteadyWarmup warm(String name, java.util.function.Supplier<Measurement.SteadyWarmup> warmup)
            throws BenchmarkFailed {
        try {
            return warmup.get();
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError | LinkageError e) {
            throw new BenchmarkFailed(name + ": the checked warm-up failed: " + org.digitbench.results.text.Format.failure(e), e);
        }
    }

    private Timing timing(TrialStatus status, String error, Trained training, Measured done, InferencePlan plan, int testSize,
                          double predictSeconds) {
        List<Timing.BatchSize> sizes = new ArrayList<>();
        for (int size : InferencePlan.SIZES) {
            Measurement m = done.sized.get(size);
            sizes.add(new Timing.BatchSize(size, m, m == null ? null : size / (median(m) / 1000.0),
                    m != null || status != TrialStatus.OK ? null : plan.skipped(size, testSize, predictSeconds)));
        }
        Double ips = done.batch == null ? null : plan.batchImages() / (median(done.batch) / 1000.0);
        return new Timing(status, error, training == null ? null : training.measurement(), done.batch, done.single,
                new Timing.Throughput(ips, plan.batchImages(), sizes), new Timing.Load(loadBefore, busy),
                training == null ? null : training.warmupSeconds());
    }

    /** The median of a benchmark's iterations (ms a call): images per second come from it, as robust to one slow iteration. */
    private static double median(Measurement m) {
        return org.digitbench.eval.MedianInterval.of(m.iterationScores().stream().mapToDouble(Double::doubleValue).toArray(),
                0.95).median();
    }

    /** Counts the trial's trainings; the benchmark calls it with the model each training returned. */
    static void trained(State state, TrainedModel model) {
        state.trainings++;
        state.trained = model;
    }

    static final class BenchmarkFailed extends Exception {
        BenchmarkFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Measurement measure(Job job, String name, String method, InferencePlan.Settings s, TimeValue timeout,
                                Map<String, String> params, Measurement.SteadyWarmup steady) throws BenchmarkFailed {
        Path runDir = job.runDir();
        Path jmhDir = runDir.resolve("jmh");
        String base = job.trialId() + "." + name;
        Path json = jmhDir.resolve(base + ".json");
        Path log = jmhDir.resolve(base + ".log");
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + java.util.regex.Pattern.quote(method) + "$")
                .param("trial", job.trialId())
                .forks(0)
                .warmupIterations(s.warmups())
                .measurementIterations(s.measurements())
                .shouldFailOnError(true)
                .timeout(timeout)
                .result(json.toString())
                .resultFormat(ResultFormatType.JSON);
        params.forEach(options::param);
        boolean inference = s.iteration() != null;
        if (inference) {
            TimeValue t = TimeValue.milliseconds(s.iteration().toMillis());
            options.warmupTime(t).measurementTime(t).addProfiler(GCProfiler.class);
        }
        double before = LoadGuard.systemLoad();
        long cpu0 = SteadyState.processCpuNanos();
        long t0 = System.nanoTime();
        Collection<RunResult> runs;
        try {
            org.digitbench.results.store.RunFolder.at(runDir).folder(jmhDir);
            org.digitbench.data.SafeFiles.requireNoLink(json, "JMH's output of " + job.trialId());
            org.digitbench.data.SafeFiles.requireNoLink(log, "JMH's log of " + job.trialId());
            try (OutputStream logStream = Files.newOutputStream(log); PrintStream logPrint = new PrintStream(logStream, true)) {
                ProgressFormat format = new ProgressFormat(OutputFormatFactory.createFormatInstance(logPrint, VerboseMode.NORMAL),
                        progress, name, !"train".equals(name));
                try {
                    runs = new Runner(options.build(), format).run();
                } catch (RunnerException | RuntimeException e) {
                    String first = format.firstError();
                    throw new BenchmarkFailed((first != null ? first : String.valueOf(e.getMessage()).lines().findFirst().orElse(""))
                            + " (JMH's log: " + runDir.relativize(log) + ")", e);
                }
            }
        } catch (IOException e) {
            throw new BenchmarkFailed("cannot write " + jmhDir + ": " + e.getMessage(), e);
        } catch (org.digitbench.api.DigitbenchException e) {
            throw new BenchmarkFailed(e.getMessage(), e);
        }
        if (runs.isEmpty()) {
            throw new BenchmarkFailed("JMH found no benchmark " + method + " (was the project built with JMH's annotation processor?)", null);
        }
        RunResult run = runs.iterator().next();
        Result<?> primary = run.getPrimaryResult();
        Statistics stats = primary.getStatistics();
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult br : run.getBenchmarkResults()) {
            for (IterationResult ir : br.getIterationResults()) {
                scores.add(ir.getPrimaryResult().getScore());
            }
        }
        Map<String, Double> percentiles = new LinkedHashMap<>();
        percentiles.put("p0", stats.getMin());
        percentiles.put("p50", stats.getPercentile(50));
        percentiles.put("p90", stats.getPercentile(90));
        percentiles.put("p99", stats.getPercentile(99));
        percentiles.put("p100", stats.getMax());
        double wall = (System.nanoTime() - t0) / 1e9;
        long cpu1 = SteadyState.processCpuNanos();
        Double cores = !inference || cpu0 < 0 || cpu1 < 0 ? null : (cpu1 - cpu0) / 1e9 / wall;
        double error = primary.getScoreError();
        double[] ci = primary.getScoreConfidence();
        boolean hasError = !Double.isNaN(error);
        var estimate = new Measurement.Estimate(primary.getScore(), hasError ? error : null, hasError ? ci[0] : null,
                hasError ? ci[1] : null, primary.getSampleCount(), scores, percentiles, Profiles.of(run, cores));
        var iterations = new Measurement.Iterations(0, s.warmups(), s.measurements(),
                s.iteration() == null ? null : InferencePlan.Settings.seconds(s.iteration()), steady);
        return new Measurement(run.getParams().getBenchmark(), run.getParams().getMode().shortLabel(), primary.getScoreUnit(),
                estimate, iterations, before, LoadGuard.systemLoad(), runDir.relativize(json).toString(), wall);
    }

    /** Benchmarks the inference of a model loaded from the run folder again ({@code digitbench timing}). */
    Timing retime(Job job, TrainedModel model, Dataset test, double predictSeconds, Timing before) {
        Measurement training = before == null ? null : before.training();
        return inference(job, model, test, predictSeconds, training == null ? null
                : new Trained(model, training.score(), training, before.warmupSeconds()));
    }

    public static String jmhVersion() {
        return LibraryVersion.of(Runner.class, "org.openjdk.jmh", "jmh-core");
    }
}
