package org.digitbench.benchmarks;

import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.DigitbenchException;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.PluginRegistry;
import org.digitbench.config.ConfigFile;
import org.digitbench.config.Execution;
import org.digitbench.config.RunConfig;
import org.digitbench.data.CorruptionSuite;
import org.digitbench.results.RunResults;
import org.digitbench.results.Timing;
import org.digitbench.results.TrialResult;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.results.store.RunFolder;
import org.digitbench.results.text.Format;
import org.digitbench.run.Estimates;
import org.digitbench.run.Leaderboard;
import org.digitbench.run.Runner;
import org.digitbench.run.exec.InProcessExecutor;
import org.digitbench.run.exec.LocalJvmExecutor;
import org.digitbench.run.exec.TrialExecutor;
import org.digitbench.run.exec.slurm.SlurmCommands;
import org.digitbench.run.exec.slurm.SlurmExecutor;
import org.digitbench.run.exec.slurm.SlurmOptions;
import org.digitbench.trial.LoadGuard;
import org.digitbench.trial.ConsoleMode;
import org.digitbench.trial.ProgressReporter;
import org.digitbench.trial.SuiteData;
import org.digitbench.trial.TrialSpec;
import org.digitbench.trial.TrialTiming;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * Wires the driver to the trial JVM ({@link TrialJvm}) and its JMH timing: what the command line and the
 * integration tests use to run a benchmark, and to benchmark a run's saved models again.
 */
public final class Trials {
    private Trials() {
    }

    /**
     * The executor for an execution: a JVM per trial, or this JVM with {@code --in-process}.
     *
     * @param registry where in-process trials find their plugins (trial JVMs use the class path and the plugin path)
     */
    public static TrialExecutor executor(Execution execution, PluginRegistry registry, PrintStream out, PrintStream err,
                                         ConsoleMode console) {
        if (execution.isolate()) {
            return new LocalJvmExecutor(out, err, execution, TrialJvm.class.getName());
        }
        return new InProcessExecutor(spec -> TrialJvm.run(spec, registry, new ProgressReporter(err, spec.console()), err));
    }

    /** A driver whose trials run as {@code execution} says, on this machine. */
    public static Runner runner(PluginRegistry registry, PrintStream out, PrintStream err, ConsoleMode console,
                                Execution execution, Estimates estimates, BiConsumer<Path, RunResults> afterWrite) {
        return runner(registry, out, err, console, execution, null, estimates, afterWrite);
    }

    /**
     * A driver whose trials run as {@code execution} says, here or, with {@code slurm}, as the tasks of Slurm array jobs.
     *
     * @param slurm how to submit the trials to Slurm, or {@code null} to run them on this machine
     */
    public static Runner runner(PluginRegistry registry, PrintStream out, PrintStream err, ConsoleMode console,
                                Execution execution, SlurmOptions slurm, Estimates estimates,
                                BiConsumer<Path, RunResults> afterWrite) {
        TrialExecutor executor = slurm == null ? executor(execution, registry, out, err, console)
                : new SlurmExecutor(new SlurmCommands(), out, err, execution, slurm, TrialJvm.class.getName());
        return new Runner(registry, out, err, console, execution, executor, LoadGuard.system(err, execution.busyWait()),
                estimates, afterWrite);
    }

    /**
     * {@code digitbench timing}: benchmarks the inference of the run's saved models again, each in a trial JVM of its
     * own, and merges the new scores into their trials and results.json.
     *
     * @param pluginIds only these plugins' trials; empty for all that have a saved model
     */
    public static RunResults retime(RunFolder folder, List<String> pluginIds, Execution execution, PluginRegistry registry,
                                    ConsoleMode console, PrintStream out, PrintStream err, BiConsumer<Path, RunResults> afterWrite) {
        try (RunFolder.Lock lock = folder.lock("digitbench timing")) {
            RunResults results = revisit(folder, ResultsStore.read(folder.results()), pluginIds, new Revisit(TrialSpec.INFERENCE,
                    "time", "its inference is not timed again", String.format(Locale.ROOT, "Timing the inference of %%d saved "
                    + "model%%s of run %%s with JMH %s, each in its own JVM", JmhTiming.jmhVersion()),
                    (t, again) -> again.timing() != null && again.timing().ok() ? String.format(Locale.ROOT, "%,.0f images/s, one "
                            + "image p50 %s µs", again.timing().imagesPerSecond(), Format.number(again.timing().single()
                            .percentiles().get("p50"))) : null,
                    again -> again.timing() != null && again.timing().error() != null ? again.timing().error() : again.error(),
                    "earlier timings kept"), execution, registry, console, out, err, afterWrite);
            out.println();
            out.print(Leaderboard.formatTiming(results));
            return results;
        }
    }

    /**
     * {@code digitbench robustness}: evaluates the run's saved models on its corrupted images (the suite {@code suite},
     * which becomes the run's), each in a trial JVM of its own, and merges the results into their trials and
     * results.json. Nothing is retrained.
     */
    public static RunResults robustness(RunFolder folder, List<String> pluginIds, CorruptionSuite.Choice suite, Execution execution,
                                        PluginRegistry registry, ConsoleMode console, PrintStream out, PrintStream err,
                                        BiConsumer<Path, RunResults> afterWrite) {
        if (suite == CorruptionSuite.Choice.NONE) {
            throw new DigitbenchException("--suite none evaluates nothing; choose default or all");
        }
        try (RunFolder.Lock lock = folder.lock("digitbench robustness")) {
            RunResults results = ResultsStore.read(folder.results());
            ConfigFile.StoredConfig stored = ConfigFile.readStored(folder.dir());
            RunConfig config = stored.run().withRobustness(suite);
            SuiteData data = SuiteData.prepare(config, java.util.Optional.empty());
            data.requireSameAs(results.data(), "cannot evaluate run " + folder.runId());
            ConfigFile.write(folder.dir(), config, stored.execution()); // the trial JVMs rebuild the suite from it
            results = results.withData(results.data().withRobustness(data.info(config.dataset().normalization()).robustness()));
            int n = data.corrupted().size();
            results = revisit(folder, results, pluginIds, new Revisit(TrialSpec.ROBUSTNESS, "evaluate",
                    "it is not evaluated on corrupted images", "Evaluating %d saved model%s of run %s on " + n + " images of each of "
                    + suite.corruptions().size() + " corruptions (" + suite.description() + "), each in its own JVM",
                    (t, again) -> again.evaluation().robustness() != null && again.evaluation().robustness().complete()
                            ? String.format(Locale.ROOT, "mean corruption accuracy %s (clean %s), worst: %s",
                            Format.percent(again.evaluation().robustness().meanAccuracy()),
                            Format.percent(again.evaluation().robustness().cleanAccuracy()), again.evaluation().robustness().worst())
                            : null,
                    again -> again.evaluation().robustness() != null ? again.evaluation().robustness().error() : again.error(),
                    "the trial is kept as it was"), execution, registry, console, out, err, afterWrite);
            return results;
        }
    }

    /**
     * What a command that revisits a run's saved models does with each.
     *
     * @param task      the trial JVM's task
     * @param verb      what is done to a model, for messages ("time")
     * @param notDone   what a trial without a saved model misses
     * @param heading   the first line: a format of the model count, its plural "s" and the run's id
     * @param success   the line a good result prints, or {@code null} when the result failed
     * @param failure   why a result failed
     * @param kept      what is kept when it failed
     */
    private record Revisit(String task, String verb, String notDone, String heading, BiFunction<TrialResult, TrialResult, String> success,
                           java.util.function.Function<TrialResult, String> failure, String kept) {
    }

    private static RunResults revisit(RunFolder folder, RunResults results, List<String> pluginIds, Revisit how,
                                      Execution execution, PluginRegistry registry, ConsoleMode console, PrintStream out,
                                      PrintStream err, BiConsumer<Path, RunResults> afterWrite) {
        RunConfig config = ConfigFile.read(folder.dir());
        for (String id : pluginIds) {
            if (results.trials().stream().noneMatch(t -> t.pluginId().equals(id))) {
                throw new DigitbenchException("run " + folder.runId() + " has no trial of plugin '" + id + "'");
            }
        }
        List<TrialResult> trials = new ArrayList<>(results.trials());
        List<TrialResult> todo = trials.stream().filter(t -> t.ok() && t.modelFile() != null)
                .filter(t -> pluginIds.isEmpty() || pluginIds.contains(t.pluginId())).toList();
        trials.stream().filter(t -> t.ok() && t.modelFile() == null)
                .filter(t -> pluginIds.isEmpty() || pluginIds.contains(t.pluginId()))
                .forEach(t -> err.println("digitbench: warning: " + t.trialId() + " has no saved model (run with "
                        + "--save-models to keep them); " + how.notDone()));
        if (todo.isEmpty()) {
            throw new DigitbenchException("run " + folder.runId() + " has no saved models to " + how.verb()
                    + (pluginIds.isEmpty() ? "" : " among " + pluginIds) + "; run it with --save-models");
        }
        out.printf(Locale.ROOT, how.heading() + "%n", todo.size(), todo.size() == 1 ? "" : "s", folder.runId());
        LoadGuard guard = LoadGuard.system(err, execution.busyWait());
        TrialExecutor executor = executor(execution, registry, out, err, console);
        int i = 0;
        for (TrialResult t : todo) {
            out.printf("[%d/%d] %s%n", ++i, todo.size(), t.trialId());
            ClassifierPlugin plugin = registry.get(t.pluginId());
            Hyperparameters hp = plugin.resolve(config.overrides().getOrDefault(t.pluginId(), java.util.Map.of()));
            LoadGuard.Verdict verdict = execution.allowBusy() ? new LoadGuard.Verdict(false, guard.now()) : guard.await();
            TrialSpec spec = new TrialSpec(folder.dir().toAbsolutePath(), t.pluginId(), t.seed(), console,
                    execution.pluginPath(), execution.timeout(), how.task(), new Timing.Load(verdict.load(), verdict.busy()));
            TrialResult again = executor.run(spec, new TrialTiming.Job(t.trialId(), plugin, hp, t.seed(),
                    folder.dir(), execution.timeout()), t.evaluation().trainingSize(), t.evaluation().testSize());
            String line = again.pluginId().equals(t.pluginId()) && again.seed() == t.seed() && again.ok()
                    ? how.success().apply(t, again) : null;
            if (line != null) {
                folder.writeTrial(again);
                trials.set(trials.indexOf(t), again);
                out.println("      " + line);
            } else {
                folder.writeTrial(t); // the trial keeps what it had
                out.println("      FAILED, " + how.kept() + ": " + how.failure().apply(again));
            }
            results = results.withTrials(trials, results.status(), results.finishedAt(), null);
            ResultsStore.publish(folder.dir(), results, afterWrite, err);
        }
        return results;
    }
}
