package org.digitbench.run;

import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.Dataset;
import org.digitbench.api.DigitbenchException;
import org.digitbench.api.PluginRegistry;
import org.digitbench.config.CheckedConfig;
import org.digitbench.config.ConfigFile;
import org.digitbench.config.Execution;
import org.digitbench.config.RunConfig;
import org.digitbench.data.DatasetSummary;
import org.digitbench.data.Mnist;
import org.digitbench.data.MnistFetcher;
import org.digitbench.results.Plan;
import org.digitbench.results.RunResults;
import org.digitbench.results.RunStatus;
import org.digitbench.results.Timing;
import org.digitbench.results.TrialResult;
import org.digitbench.results.provenance.ProvenanceCollector;
import org.digitbench.results.stats.SeedStats;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.results.store.RunFolder;
import org.digitbench.results.store.SavedModels;
import org.digitbench.results.text.Format;
import org.digitbench.run.exec.BatchExecutor;
import org.digitbench.run.exec.TrialExecutor;
import org.digitbench.run.cache.TrialCache;
import org.digitbench.trial.ConsoleMode;
import org.digitbench.trial.LoadGuard;
import org.digitbench.trial.SuiteData;
import org.digitbench.trial.TrialSpec;
import org.digitbench.trial.TrialTiming;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Drives a run: checks the configuration, claims the run folder, loads the data once (to record and
 * check it), then runs the run's trials (every plugin with every seed) through the executor one at a
 * time, each after the machine has settled. After every trial it assembles {@code results.json} from the
 * trials' results, so a run that is stopped keeps every finished trial, and {@code --resume} runs only
 * the trials without a successful result.
 */
public final class Runner {
    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final PluginRegistry registry;
    private final PrintStream out;
    private final PrintStream err;
    private final ConsoleMode console;
    private final Execution execution;
    private final TrialExecutor executor;
    private final LoadGuard guard;
    private final Estimates estimates;
    private final BiConsumer<Path, RunResults> afterWrite;
    private String hintRunId;
    private Path hintOutputDir;
    private TrialCache cache;

    /**
     * @param executor   runs each trial
     * @param guard      waits for a busy machine before each trial
     * @param estimates  expected trial times, for the time left (may know nothing)
     * @param afterWrite called with the run folder and the results each time {@code results.json} has been written
     *                   (the command line renders the HTML report from them); what it throws is printed as a warning
     */
    public Runner(PluginRegistry registry, PrintStream out, PrintStream err, ConsoleMode console, Execution execution,
                  TrialExecutor executor, LoadGuard guard, Estimates estimates, BiConsumer<Path, RunResults> afterWrite) {
        this.registry = registry;
        this.out = out;
        this.err = err;
        this.console = console;
        this.execution = execution;
        this.executor = executor;
        this.guard = guard;
        this.estimates = estimates;
        this.afterWrite = afterWrite;
    }

    /** What a run produced. */
    public record Outcome(Path resultsFile, RunResults results) {
        public boolean allSucceeded() {
            return results.trials().size() == results.plan().trialCount()
                    && results.trials().stream().allMatch(TrialResult::ok);
        }

        /** Whether every successful trial was timed completely (always true without timing). */
        public boolean allTimed() {
            return !results.plan().jmh() || results.trials().stream().filter(TrialResult::ok)
                    .allMatch(TrialResult::timed);
        }
    }

    /** Checks what the user typed: plugin ids, hyper-parameters; fills in all plugins when none were named. */
    public CheckedConfig check(RunConfig config) {
        return CheckedConfig.of(config, registry);
    }

    public Outcome run(RunConfig requested) {
        CheckedConfig checked = check(requested);
        RunConfig config = checked.config();
        Instant started = Instant.now();
        String runId = config.runId() != null ? config.runId() : RUN_ID_TIME.format(started) + "-" + config.profile().id();
        SuiteData data = load(config);
        data.requireLearnableBy(checked.params()); // a plugin that cannot take the data's images refuses the run before its folder is made
        RunFolder folder = RunFolder.create(config.outputDir(), runId, config.runId() != null);
        return start(folder, checked, started, data);
    }

    /**
     * Starts a run in a folder made for it that holds no results yet: a dataset's part of a run over several
     * datasets whose start was stopped before its first trial.
     */
    public Outcome startIn(RunFolder folder, RunConfig requested) {
        if (Files.exists(folder.results()) || !folder.readTrials().isEmpty()) {
            throw new DigitbenchException("run " + folder.dir() + " has results already: resume it instead");
        }
        CheckedConfig checked = check(requested.withRunId(folder.runId()));
        SuiteData data = load(checked.config());
        data.requireLearnableBy(checked.params());
        return start(folder, checked, Instant.now(), data);
    }

    /** Reuses the trials {@code cache} holds instead of running them, and files the trials run into it. */
    public void useCache(TrialCache trialCache) {
        this.cache = trialCache;
    }

    /** The id and output folder the Ctrl-C hint tells the user to resume (a run over several datasets is resumed whole). */
    public void resumeHint(String runId, Path outputDir) {
        this.hintRunId = runId;
        this.hintOutputDir = outputDir;
    }

    private Outcome start(RunFolder folder, CheckedConfig checked, Instant started, SuiteData data) {
        RunConfig config = checked.config();
        try (RunFolder.Lock lock = folder.lock("digitbench run")) {
            config = config.withRunId(folder.runId());
            ConfigFile.write(folder.dir(), config, execution);
            out.print(DatasetSummary.of(data.train()).format());
            out.print(DatasetSummary.of(data.test()).format());
            RunResults.DataInfo dataInfo = data.info(config.dataset().normalization());
            if (!data.classNames().isEmpty()) {
                out.println("Classes (from the dataset's descriptor): " + String.join(", ", data.classNames()));
            }
            Plan plan = new Plan(config.pluginIds(), config.seeds(),
                    config.timing() ? Plan.JMH : Plan.WALL_CLOCK, config.dataset().validation(), execution.jobs(), checked.leftOut());
            RunResults base = new RunResults(new RunResults.Header(RunResults.SCHEMA_VERSION, folder.runId(), RunStatus.RUNNING,
                    started, null, config.profile().id(), config.commandLine()), ProvenanceCollector.collect(checked.plugins(), config.mainSeed()),
                    dataInfo, plan, List.of(), List.of(), List.of());
            return runTrials(folder, config, checked, data, base, List.of());
        }
    }

    /**
     * Goes on with a run that was stopped (killed, say): keeps the trials that succeeded and runs the others
     * (those that failed, and those not yet started), with the run's own configuration.
     */
    public Outcome resume(RunFolder folder) {
        return resume(folder, Mnist.locate(null));
    }

    /**
     * As {@link #resume(RunFolder)}, with MNIST (when the run's dataset is MNIST) in {@code mnist}: the folder the command
     * line or the defaults name, never one the run folder names (a handed-over config.json could name any place, and a
     * download would write there). The run's config.json then records this folder, for its trials' JVMs.
     */
    public Outcome resume(RunFolder folder, Mnist.Location mnist) {
        ConfigFile.StoredConfig stored = ConfigFile.readStored(folder.dir());
        execution.requireGivenAgain(stored.execution(), folder.runId(), stored.run().profile());
        try (RunFolder.Lock lock = folder.lock("digitbench run --resume")) {
            RunResults previous = ResultsStore.read(folder.results());
            if (previous.schemaVersion() != RunResults.SCHEMA_VERSION) {
                throw new DigitbenchException("run " + folder.runId() + " was made by an older digitbench; it cannot be resumed");
            }
            RunConfig moved = stored.run().withMnistAt(mnist);
            CheckedConfig checked = check(moved);
            RunConfig config = checked.config();
            if (!moved.dataset().equals(stored.run().dataset())) {
                ConfigFile.write(folder.dir(), moved, stored.execution());
            }
            SuiteData data = load(config);
            data.requireSameAs(previous.data(), "cannot resume run " + previous.runId());
            List<TrialResult> kept = folder.readTrials().stream().filter(TrialResult::ok)
                    .filter(t -> config.pluginIds().contains(t.pluginId()) && config.seeds().contains(t.seed())).toList();
            out.printf("Resuming run %s: %d of %d trials already finished%n", previous.runId(), kept.size(),
                    previous.plan().trialCount());
            Plan was = previous.plan();
            RunResults base = was.jobs() >= execution.jobs() ? previous
                    : previous.withPlan(new Plan(was.plugins(), was.seeds(), was.timing(), was.validation(), execution.jobs(), was.leftOut()));
            return runTrials(folder, config, checked, data, base, kept);
        }
    }

    private SuiteData load(RunConfig config) {
        out.println("Loading " + config.dataset().source().describe()
                + (config.dataset().validation() ? "; testing on a validation split of the training images (--validation)" : ""));
        var source = config.dataset().source();
        if (source.dir() != null && java.nio.file.Files.isDirectory(source.dir())) {
            Mnist.shadowed(source.dir()).forEach(note -> err.println("digitbench: note: " + note));
        }
        return SuiteData.prepare(config, config.dataset().download() ? Optional.of(new MnistFetcher(err)) : Optional.empty());
    }

    /** Runs every planned trial without a result in {@code kept}, assembling results.json after each. */
    private Outcome runTrials(RunFolder folder, RunConfig config, CheckedConfig checked, SuiteData data, RunResults base,
                              List<TrialResult> kept) {
        Dataset train = data.train();
        Dataset test = data.test();
        int[] truth = test.labels();
        List<TrialResult> done = new ArrayList<>(kept);
        Instant session = Instant.now();
        RunResults results = base.withTrials(done, RunStatus.RUNNING, null, truth);
        ResultsStore.publish(folder.dir(), results, afterWrite, err);
        out.println("Results: " + folder.results());
        out.println(RunProgress.describe(config, execution, executor));
        List<RunProgress.Planned> todo = new ArrayList<>();
        for (ClassifierPlugin plugin : checked.plugins()) {
            for (long seed : config.seeds()) {
                if (done.stream().noneMatch(t -> t.pluginId().equals(plugin.id()) && t.seed() == seed)) {
                    todo.add(new RunProgress.Planned(plugin, seed));
                }
            }
        }
        CachedTrials cached = new CachedTrials(cache, checked, base.data(), execution);
        List<TrialResult> reused = cached.takeFrom(todo, folder, done.size(), base.plan().trialCount(), out);
        if (!reused.isEmpty()) {
            done.addAll(reused);
            results = base.withTrials(done, RunStatus.RUNNING, null, truth);
            ResultsStore.publish(folder.dir(), results, afterWrite, err);
        }
        // the corrupted images made once, here, for every trial JVM of this run to read (the same images they would make)
        String corruptedImages = data.corrupted() == null || todo.isEmpty() ? null
                : org.digitbench.trial.CorruptedImages.write(folder, data.corrupted(), err);
        RunProgress progress = new RunProgress(todo, checked, config, estimates);
        ReportPace pace = new ReportPace(afterWrite, System::nanoTime); // the report after a trial: at most twice a minute
        java.util.concurrent.atomic.AtomicReference<RunResults> latest = new java.util.concurrent.atomic.AtomicReference<>(results);
        Thread stopped = StopHint.install(folder, done, base.plan().trialCount(), latest, err,
                hintRunId != null ? hintRunId : folder.runId(), hintOutputDir != null ? hintOutputDir : config.outputDir());
        try {
            int[] number = {done.size()};
            Object lock = new Object();
            boolean batch = executor instanceof BatchExecutor;
            boolean concurrent = execution.jobs() > 1 || batch;
            Map<RunProgress.Planned, TrialSpec> submitted = new java.util.concurrent.ConcurrentHashMap<>();
            if (executor instanceof BatchExecutor b && !todo.isEmpty()) { // every trial handed over at once; the batch system runs them
                for (RunProgress.Planned p : todo) {
                    out.printf("[%d/%d] %s (%s %s), seed %d: %d training images%n", ++number[0], base.plan().trialCount(),
                            p.plugin().id(), p.plugin().library(), p.plugin().family(), p.seed(), train.size());
                    submitted.put(p, spec(folder, p, new LoadGuard.Verdict(false, guard.now()), null, console.withoutTerminal())
                            .withCorruptedImages(corruptedImages));
                }
                b.submit(folder, todo.stream().map(submitted::get).toList());
                if (b.detached()) {
                    return new Outcome(folder.results(), results);
                }
            }
            TrialScheduler.run(todo, batch ? Math.max(1, todo.size()) : execution.jobs(), batch ? slot -> null : execution::cores, (p, cores) -> {
                ClassifierPlugin plugin = p.plugin();
                TrialSpec spec = submitted.get(p);
                if (spec == null) {
                    synchronized (lock) {
                        String header = String.format("[%d/%d] %s (%s %s), seed %d: %d training images%s%s", ++number[0],
                                base.plan().trialCount(), plugin.id(), plugin.library(), plugin.family(), p.seed(), train.size(),
                                cores == null ? "" : ", cores " + cores, progress.header(p));
                        if (!console.quiet()) {
                            out.println(header);
                        }
                    }
                    // a busy machine delays a timed trial; an accuracy-only run (--no-timing) does not wait, nor do trials that
                    // share the machine on purpose (--jobs: their times are marked as taken concurrently)
                    LoadGuard.Verdict verdict = execution.allowBusy() || !config.timing() || concurrent
                            ? new LoadGuard.Verdict(false, guard.now()) : guard.await();
                    if (verdict.busy()) {
                        err.printf(Locale.ROOT, "digitbench: WARNING: the machine is still busy (1-minute load average %.2f above its "
                                + "%d cores); starting %s anyway: its timings are marked as taken on a busy machine%n",
                                verdict.load(), guard.cpus(), plugin.id());
                    }
                    spec = spec(folder, p, verdict, cores, concurrent ? console.withoutTerminal() : console)
                            .withCorruptedImages(corruptedImages);
                }
                TrialTiming.Job job = new TrialTiming.Job(spec.trialId(), plugin, checked.params().get(plugin), p.seed(),
                        folder.dir(), execution.timeout());
                long t0 = System.nanoTime();
                TrialResult result = executor.run(spec, job, train.size(), test.size());
                synchronized (lock) {
                    progress.finished(p, (System.nanoTime() - t0) / 1e9);
                    done.add(result);
                    out.println("      " + (concurrent ? result.trialId() + ": " : "") + Leaderboard.trialLine(result));
                    latest.set(base.withTrials(done, RunStatus.RUNNING, null, truth));
                    ResultsStore.publish(folder.dir(), latest.get(), pace, err);
                    cached.store(p, result, folder);
                    if (result.modelFile() != null && p.seed() == config.mainSeed()) {
                        SavedModels.write(folder.dir(), latest.get(), data.normalization(), train.height(), train.width());
                    }
                }
            });
            results = base.withTrials(done, RunStatus.COMPLETE, Instant.now(), truth);
            latest.set(results);
            ResultsStore.publish(folder.dir(), results, afterWrite, err);
        } finally {
            if (executor instanceof BatchExecutor b) {
                b.close();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(stopped);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it says how to resume
            }
        }
        out.println();
        out.print(Leaderboard.format(results));
        if (results.hasSeeds()) {
            out.println();
            out.print(Leaderboard.formatSeeds(results, SeedStats.of(results)));
        }
        if (config.timing()) {
            out.println();
            out.print(Leaderboard.formatTiming(results));
        }
        String total = Format.duration(Duration.between(results.startedAt(), results.finishedAt()).toSeconds());
        out.println("Results written to " + folder.results() + (kept.isEmpty() ? " (run took " + total + ")"
                : " (this session: " + Format.duration(Duration.between(session, results.finishedAt()).toSeconds())
                + "; since the run started: " + total + ")"));
        return new Outcome(folder.results(), results);
    }

    private TrialSpec spec(RunFolder folder, RunProgress.Planned p, LoadGuard.Verdict verdict, List<Integer> cores,
                           ConsoleMode mode) {
        return new TrialSpec(folder.dir().toAbsolutePath(), p.plugin().id(), p.seed(), mode, execution.pluginPath(),
                execution.timeout(), TrialSpec.TRIAL, new Timing.Load(verdict.load(), verdict.busy())).on(cores);
    }
}
