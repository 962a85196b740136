package org.digitbench.benchmarks;

import org.digitbench.api.DigitbenchException;
import org.digitbench.api.PluginRegistry;
import org.digitbench.api.TrainedModel;
import org.digitbench.results.Timing;
import org.digitbench.results.TrialResult;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.results.store.RunFolder;
import org.digitbench.results.text.Format;
import org.digitbench.run.ReferenceEstimates;
import org.digitbench.trial.ModelTrial;
import org.digitbench.trial.ProgressReporter;
import org.digitbench.trial.RobustnessEvaluation;
import org.digitbench.trial.TrialSetup;
import org.digitbench.trial.TrialSpec;
import org.digitbench.trial.TrialTiming;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The JVM of one trial. It rebuilds the trial from the run folder ({@link TrialSetup}), runs it (timed by
 * JMH, or by the wall clock with {@code --no-timing}) and writes its result to {@code trials/<id>.json}
 * itself, so the result survives whatever happens to the driver. It stops when the driver does, so a
 * killed run leaves no trial running on.
 *
 * <p>Argument: the trial's specification ({@link TrialSpec}, JSON), written by the driver.
 */
public final class TrialJvm {
    private TrialJvm() {
    }

    public static void main(String[] args) {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(143)));
        if (args.length != 1) {
            System.err.println("digitbench trial: expected one argument, the trial's specification (JSON)");
            System.exit(2);
        }
        try {
            TrialSpec spec = ResultsStore.readJson(Path.of(args[0]), TrialSpec.class);
            TrialResult result = run(spec, PluginRegistry.discover(spec.pluginPath()),
                    new ProgressReporter(System.err, spec.console()), System.err);
            RunFolder.at(spec.runDir()).writeTrial(result);
        } catch (Throwable e) {
            System.err.println("digitbench trial: " + Format.failure(e));
            System.err.flush();
            Runtime.getRuntime().halt(1);
        }
        System.out.flush();
        System.err.flush();
        // halt, not exit: a library's non-daemon threads must not keep the trial's JVM alive
        Runtime.getRuntime().halt(0);
    }

    /** Runs the trial the specification names, in this JVM, and returns its result (failed, if it failed). */
    public static TrialResult run(TrialSpec spec, PluginRegistry registry, ProgressReporter progress, PrintStream err) {
        TrialSetup setup = TrialSetup.open(spec, registry);
        if (TrialSpec.INFERENCE.equals(spec.task())) {
            return retimeInference(setup, spec, progress);
        }
        if (TrialSpec.ROBUSTNESS.equals(spec.task())) {
            return corrupted(setup, spec, progress);
        }
        TrialTiming timing = setup.config().timing()
                ? new JmhTiming(setup.config().profile(), progress, spec.loadBefore(), spec.busy(), referencePace(setup))
                : TrialTiming.WALL_CLOCK;
        return ModelTrial.run(setup.job(), timing, setup.data(), setup.config().saveModels(), progress, err);
    }

    /** The reference run's prediction seconds per image for a job of this trial's configuration, where it has one. */
    private static java.util.function.Function<TrialTiming.Job, java.util.OptionalDouble> referencePace(TrialSetup setup) {
        return job -> ReferenceEstimates.load().entry(job.plugin().id(), job.params().asMap(), setup.config())
                .filter(e -> e.secondsPerImage() > 0)
                .map(e -> java.util.OptionalDouble.of(e.secondsPerImage())).orElse(java.util.OptionalDouble.empty());
    }

    /** {@code digitbench timing}: benchmarks the inference of the trial's saved model again; the rest of its result stays. */
    private static TrialResult retimeInference(TrialSetup setup, TrialSpec spec, ProgressReporter progress) {
        TrialResult trial = trial(setup, spec, "time");
        TrainedModel model = savedModel(setup, spec, trial);
        JmhTiming timing = new JmhTiming(setup.config().profile(), progress, spec.loadBefore(), spec.busy(), referencePace(setup));
        try (ProgressReporter.Task task = progress.start(spec.pluginId())) {
            task.phase("benchmarking inference");
            Timing retimed = timing.retime(setup.job(), model, setup.data().test(), trial.times().predictSeconds(), trial.timing());
            return trial.withTiming(trial.modelFile(), retimed);
        }
    }

    /** {@code digitbench robustness}: evaluates the trial's saved model on the run's corrupted images; the rest stays. */
    private static TrialResult corrupted(TrialSetup setup, TrialSpec spec, ProgressReporter progress) {
        TrialResult trial = trial(setup, spec, "evaluate");
        if (setup.data().corrupted() == null) {
            throw new DigitbenchException("run " + setup.folder().runId() + " has no robustness suite (--robustness none)");
        }
        int[] predictions = trial.evaluation().predictions();
        if (predictions == null || predictions.length != setup.data().test().size()) {
            throw new DigitbenchException("trial " + spec.trialId() + " has no predictions of the test set to compare with");
        }
        TrainedModel model = savedModel(setup, spec, trial);
        try (ProgressReporter.Task task = progress.start(spec.pluginId())) {
            task.phase("predicting corrupted images");
            return trial.withRobustness(RobustnessEvaluation.of(model, setup.data().corrupted(), predictions));
        }
    }

    /** The trial's result as the run recorded it: a good one, with a model to {@code use}. */
    private static TrialResult trial(TrialSetup setup, TrialSpec spec, String use) {
        RunFolder folder = setup.folder();
        TrialResult trial = folder.readTrial(spec.trialId()).orElseThrow(() ->
                new DigitbenchException("run " + folder.runId() + " has no result of trial " + spec.trialId()));
        if (!trial.ok()) {
            throw new DigitbenchException("trial " + spec.trialId() + " failed; there is no model to " + use);
        }
        return trial;
    }

    /** The trial's saved model, loaded by its plugin from inside the run folder. */
    private static TrainedModel savedModel(TrialSetup setup, TrialSpec spec, TrialResult trial) {
        Path file = setup.folder().inside(trial.modelFile(), "trials/" + spec.trialId() + ".json: modelFile");
        try {
            return setup.job().plugin().load(file);
        } catch (java.io.IOException | UnsupportedOperationException e) {
            throw new DigitbenchException(spec.trialId() + ": cannot load the saved model " + file + ": " + e.getMessage(), e);
        }
    }
}
