package org.digitbench.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import org.digitbench.DigitbenchException;
import org.digitbench.api.LibraryVersion;
import org.digitbench.run.Leaderboard;
import org.digitbench.run.Profile;
import org.digitbench.run.ResultsStore;
import org.digitbench.run.RunResults;
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

/**
 * The timing pass: for every model of a finished quality pass, JMH times training
 * ({@link TrainingBenchmark}), batch inference and single-image latency ({@link InferenceBenchmark})
 * in forked JVMs with the run's JVM options, with settings from {@link TimingPlan}. JMH's JSON and
 * log go to {@code <run>/jmh/}; the scores are merged into {@code results.json} as each model
 * finishes, so a stopped pass keeps what it measured. Before each benchmark the machine must be
 * quiet ({@link LoadGuard}); a model timed on a busy machine is skipped, unless told otherwise, and
 * the load seen is recorded either way.
 */
public final class TimingPass {
    /** What each fork does, unmeasured, before measuring. */
    static final String SETUP_WARMUP = "each fork loads and normalises the run's data and checks it against the run's "
            + "SHA-256 sums; training forks then train once on a " + BenchFixture.WARMUP_TRAIN_IMAGES
            + "-image stratified subset, inference forks load the saved model and predict 200 images";

    private final PrintStream out;
    private final PrintStream err;
    private final List<String> forkJvmArgs;
    private final boolean allowBusy;
    private final LoadGuard guard;
    private final BiConsumer<Path, RunResults> afterWrite;

    /**
     * @param forkJvmArgs options for every forked JVM (the command line passes its own)
     * @param allowBusy   time models even when the machine stays busy (the load is recorded)
     * @param afterWrite  called after each write of {@code results.json} (the report is rendered from it)
     */
    public TimingPass(PrintStream out, PrintStream err, List<String> forkJvmArgs, boolean allowBusy,
                      BiConsumer<Path, RunResults> afterWrite) {
        this(out, err, forkJvmArgs, allowBusy, LoadGuard.system(err), afterWrite);
    }

    TimingPass(PrintStream out, PrintStream err, List<String> forkJvmArgs, boolean allowBusy, LoadGuard guard,
               BiConsumer<Path, RunResults> afterWrite) {
        this.out = out;
        this.err = err;
        this.forkJvmArgs = List.copyOf(forkJvmArgs);
        this.allowBusy = allowBusy;
        this.guard = guard;
        this.afterWrite = afterWrite;
    }

    /**
     * Times the successful models of the run in {@code runDir} (only those of {@code pluginIds}, if given).
     *
     * @param keepModels keep the saved models afterwards; otherwise they are deleted once timed (not when skipped)
     */
    public RunResults run(Path runDir, List<String> pluginIds, boolean keepModels) {
        Path file = runDir.resolve(ResultsStore.FILE_NAME);
        RunResults results = ResultsStore.read(file);
        Profile profile = Profile.of(results.profile());
        for (String id : pluginIds) {
            if (results.model(id).isEmpty()) {
                throw new DigitbenchException("run " + results.runId() + " has no model of plugin '" + id + "'");
            }
        }
        ResultsStore.readConfig(runDir); // the forks rebuild the run's data from it: fail here, not in every fork
        List<RunResults.ModelResult> models = results.models().stream()
                .filter(m -> pluginIds.isEmpty() || pluginIds.contains(m.pluginId())).toList();

        RunResults.TimingPass pass = new RunResults.TimingPass("running", jmhVersion(), forkJvmArgs, SETUP_WARMUP,
                guard.cpus(), allowBusy, Instant.now(), null, null);
        double estimate = 0;
        for (RunResults.ModelResult m : models) {
            if (m.ok()) {
                estimate += plan(profile, m).estimateSeconds(m.trainSeconds(), m.predictSeconds(), m.trainingSize());
            }
        }
        out.printf(Locale.ROOT, "%nTiming pass (JMH %s): %d model%s, estimated %s from the quality pass's times; JMH output in %s%n",
                pass.jmhVersion(), models.size(), models.size() == 1 ? "" : "s", Leaderboard.duration(estimate), runDir.resolve("jmh"));
        results = results.with(pass);
        boolean anySkipped = false;
        for (int i = 0; i < models.size(); i++) {
            RunResults.ModelResult m = models.get(i);
            RunResults.Timing timing;
            if (!m.ok()) {
                timing = new RunResults.Timing("skipped", "the model failed in the quality pass", null, null, null, null);
            } else {
                TimingPlan plan = plan(profile, m);
                out.printf(Locale.ROOT, "[%d/%d] %s: timing (about %s)%n", i + 1, models.size(), m.pluginId(),
                        Leaderboard.duration(plan.estimateSeconds(m.trainSeconds(), m.predictSeconds(), m.trainingSize())));
                timing = time(runDir, m, plan);
            }
            anySkipped |= "skipped".equals(timing.status()) && m.ok();
            results = results.with(m.withTiming(m.modelFile(), timing), pass);
            write(runDir, results);
            out.println("      " + summary(timing));
        }
        if (!keepModels && !anySkipped) {
            for (RunResults.ModelResult m : models) {
                results = results.with(deleteModel(runDir, results.model(m.pluginId()).orElseThrow()), pass);
            }
            try {
                Files.deleteIfExists(runDir.resolve(org.digitbench.run.SavedModels.FILE));
            } catch (IOException e) {
                err.println("digitbench: warning: could not delete " + runDir.resolve(org.digitbench.run.SavedModels.FILE));
            }
            try (var left = Files.list(runDir.resolve("models"))) {
                if (left.findAny().isEmpty()) {
                    Files.delete(runDir.resolve("models"));
                }
            } catch (IOException ignored) {
                // no models folder, or not empty: leave it
            }
        }
        pass = new RunResults.TimingPass("complete", pass.jmhVersion(), forkJvmArgs, SETUP_WARMUP, guard.cpus(), allowBusy,
                pass.startedAt(), Instant.now(), anySkipped ? "some models were not timed because the machine was busy; "
                + "their saved models are kept for digitbench timing " + results.runId() : null);
        results = results.with(pass);
        write(runDir, results);
        out.println();
        out.print(Leaderboard.formatTiming(results));
        return results;
    }

    private static TimingPlan plan(Profile profile, RunResults.ModelResult m) {
        return TimingPlan.of(profile, m.trainSeconds(), m.predictSeconds());
    }

    private void write(Path runDir, RunResults results) {
        ResultsStore.publish(runDir, results, afterWrite, err);
    }

    private RunResults.ModelResult deleteModel(Path runDir, RunResults.ModelResult m) {
        if (m.modelFile() == null) {
            return m;
        }
        try {
            Files.deleteIfExists(runDir.resolve(m.modelFile()));
        } catch (IOException e) {
            err.println("digitbench: warning: could not delete " + runDir.resolve(m.modelFile()) + ": " + e.getMessage());
            return m;
        }
        return m.withTiming(null, m.timing());
    }

    /** The three benchmarks of one model; a busy machine or a failure stops this model's timing and keeps what was measured. */
    private RunResults.Timing time(Path runDir, RunResults.ModelResult m, TimingPlan plan) {
        RunResults.Measurement[] done = new RunResults.Measurement[3];
        String[] names = {"train", "batch", "single"};
        String[] methods = {TrainingBenchmark.class.getName() + ".train", InferenceBenchmark.class.getName() + ".batch",
                InferenceBenchmark.class.getName() + ".single"};
        TimingPlan.Settings[] settings = {plan.training(), plan.batch(), plan.single()};
        for (int k = 0; k < 3; k++) {
            LoadGuard.Verdict before = guard.await();
            if (before.busy()) {
                String why = String.format(Locale.ROOT, "the machine was busy: 1-minute load average %.2f above its %d cores",
                        before.load(), guard.cpus());
                if (!allowBusy) {
                    err.println("digitbench: WARNING: " + m.pluginId() + " not timed: " + why
                            + "; time it later with: digitbench timing " + runDir.getFileName() + " -m " + m.pluginId());
                    return timing("skipped", why, done, m.testSize());
                }
                err.println("digitbench: WARNING: " + why + "; timing " + m.pluginId() + " anyway (--allow-busy): its numbers are suspect");
            }
            out.printf("      %-8s %s%n", names[k], settings[k]);
            try {
                double expected = k == 0 ? m.trainSeconds() : k == 1 ? m.predictSeconds() : 1;
                done[k] = measure(runDir, m.pluginId(), names[k], methods[k], settings[k], before.load(), expected);
            } catch (BenchmarkFailed e) {
                return timing("failed", names[k] + ": " + e.getMessage(), done, m.testSize());
            }
        }
        return timing("ok", null, done, m.testSize());
    }

    private static RunResults.Timing timing(String status, String error, RunResults.Measurement[] done, int testSize) {
        Double ips = done[1] == null ? null : testSize / (done[1].score() / 1000.0);
        return new RunResults.Timing(status, error, done[0], done[1], done[2], ips);
    }

    private static final class BenchmarkFailed extends Exception {
        BenchmarkFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * JMH interrupts an iteration after its timeout (10 minutes by default), which would cut a 30-minute
     * training short: each iteration may take four times what the quality pass took, and at least 10 minutes.
     */
    static TimeValue iterationTimeout(double expectedSeconds) {
        return TimeValue.seconds(Math.max(600, Math.round(4 * expectedSeconds) + 60));
    }

    private RunResults.Measurement measure(Path runDir, String pluginId, String name, String method,
                                           TimingPlan.Settings s, double loadBefore, double expectedSeconds) throws BenchmarkFailed {
        Path jmhDir = runDir.resolve("jmh");
        String base = pluginId + "." + name;
        Path json = jmhDir.resolve(base + ".json");
        Path log = jmhDir.resolve(base + ".log");
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + java.util.regex.Pattern.quote(method) + "$")
                .param("plugin", pluginId)
                .param("run", runDir.toAbsolutePath().toString())
                .forks(s.forks())
                .warmupIterations(s.warmups())
                .measurementIterations(s.measurements())
                .jvmArgs(forkJvmArgs.toArray(String[]::new))
                .shouldFailOnError(true)
                .timeout(iterationTimeout(expectedSeconds))
                .result(json.toString())
                .resultFormat(ResultFormatType.JSON);
        if (s.iteration() != null) {
            TimeValue t = TimeValue.milliseconds(s.iteration().toMillis());
            options.warmupTime(t).measurementTime(t);
        }
        long t0 = System.nanoTime();
        Collection<RunResult> runs;
        ProgressFormat format;
        try {
            Files.createDirectories(jmhDir);
            try (OutputStream logStream = Files.newOutputStream(log); PrintStream logPrint = new PrintStream(logStream, true)) {
                format = new ProgressFormat(OutputFormatFactory.createFormatInstance(logPrint, VerboseMode.NORMAL), out, name);
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
        double error = primary.getScoreError();
        double[] ci = primary.getScoreConfidence();
        boolean hasError = !Double.isNaN(error);
        return new RunResults.Measurement(run.getParams().getBenchmark(), run.getParams().getMode().shortLabel(),
                primary.getScoreUnit(), primary.getScore(), hasError ? error : null, hasError ? ci[0] : null,
                hasError ? ci[1] : null, primary.getSampleCount(), scores, percentiles, s.forks(), s.warmups(),
                s.measurements(), s.iteration() == null ? null : s.iteration().toSeconds() + " s", loadBefore, guard.now(),
                runDir.relativize(json).toString(), (System.nanoTime() - t0) / 1e9);
    }

    static String summary(RunResults.Timing t) {
        if (!t.ok()) {
            return "timing " + t.status() + ": " + t.error();
        }
        return String.format(Locale.ROOT, "JMH: train %s, batch %s (%,.0f images/s), single image p50 %s p99 %s",
                Leaderboard.scoreWithError(t.training(), " " + t.training().unit()),
                Leaderboard.scoreWithError(t.batch(), " " + t.batch().unit()), t.imagesPerSecond(),
                ProgressFormat.format(t.single().percentiles().get("p50"), t.single().unit()),
                ProgressFormat.format(t.single().percentiles().get("p99"), t.single().unit()));
    }

    static String jmhVersion() {
        return LibraryVersion.of(Runner.class, "org.openjdk.jmh", "jmh-core");
    }
}
