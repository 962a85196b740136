package org.digitbench.benchmarks;

import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.DigitbenchException;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.PluginRegistry;
import org.digitbench.config.ConfigFile;
import org.digitbench.config.Execution;
import org.digitbench.config.RunConfig;
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
import org.digitbench.trial.TrialSpec;
import org.digitbench.trial.TrialTiming;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

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
            RunResults results = ResultsStore.read(folder.results());
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
                            + "--save-models to keep them); its inference is not timed again"));
            if (todo.isEmpty()) {
                throw new DigitbenchException("run " + folder.runId() + " has no saved models to time"
                        + (pluginIds.isEmpty() ? "" : " among " + pluginIds) + "; run it with --save-models");
            }
            out.printf(Locale.ROOT, "Timing the inference of %d saved model%s of run %s with JMH %s, each in its own JVM%n",
                    todo.size(), todo.size() == 1 ? "" : "s", folder.runId(), JmhTiming.jmhVersion());
            LoadGuard guard = LoadGuard.system(err, execution.busyWait());
            TrialExecutor executor = executor(execution, registry, out, err, console);
            int i = 0;
            for (TrialResult t : todo) {
                out.printf("[%d/%d] %s%n", ++i, todo.size(), t.trialId());
                ClassifierPlugin plugin = registry.get(t.pluginId());
                Hyperparameters hp = plugin.resolve(config.overrides().getOrDefault(t.pluginId(), java.util.Map.of()));
                LoadGuard.Verdict verdict = execution.allowBusy() ? new LoadGuard.Verdict(false, guard.now()) : guard.await();
                TrialSpec spec = new TrialSpec(folder.dir().toAbsolutePath(), t.pluginId(), t.seed(), console,
                        execution.pluginPath(), execution.timeout(), TrialSpec.INFERENCE,
                        new Timing.Load(verdict.load(), verdict.busy()));
                TrialResult retimed = executor.run(spec, new TrialTiming.Job(t.trialId(), plugin, hp, t.seed(),
                        folder.dir(), execution.timeout()), t.evaluation().trainingSize(), t.evaluation().testSize());
                Timing timing = retimed.timing();
                if (retimed.pluginId().equals(t.pluginId()) && retimed.seed() == t.seed() && retimed.ok()
                        && timing != null && timing.ok()) {
                    folder.writeTrial(retimed);
                    trials.set(trials.indexOf(t), retimed);
                    out.printf(Locale.ROOT, "      %,.0f images/s, one image p50 %s µs%n", timing.imagesPerSecond(),
                            Format.number(timing.single().percentiles().get("p50")));
                } else {
                    folder.writeTrial(t); // the trial keeps its earlier timings
                    out.println("      FAILED, earlier timings kept: " + (timing != null && timing.error() != null ? timing.error()
                            : retimed.error()));
                }
                results = results.withTrials(trials, results.status(), results.finishedAt(), null);
                ResultsStore.publish(folder.dir(), results, afterWrite, err);
            }
            out.println();
            out.print(Leaderboard.formatTiming(results));
            return results;
        }
    }
}
