package org.digitbench.trial;

import org.digitbench.api.Dataset;
import org.digitbench.api.EpochStats;
import org.digitbench.api.LayerInfo;
import org.digitbench.api.Predictions;
import org.digitbench.api.TrainedModel;
import org.digitbench.data.SafeFiles;
import org.digitbench.eval.Calibration;
import org.digitbench.eval.ClassificationMetrics;
import org.digitbench.eval.Robustness;
import org.digitbench.results.DigitImage;
import org.digitbench.results.Plan;
import org.digitbench.results.Timing;
import org.digitbench.results.TrialResult;
import org.digitbench.results.TrialStatus;
import org.digitbench.results.provenance.Machine;
import org.digitbench.results.store.RunFolder;
import org.digitbench.results.text.Format;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The body of one trial, wherever it runs: the training (timed as {@link TrialTiming} says), the
 * evaluation of the model that training returned on the test set, the saved model, then the inference
 * benchmarks on that same model. Whatever the plugin throws (an {@link OutOfMemoryError} too) becomes a
 * failed result that keeps what was measured before it.
 */
public final class ModelTrial {
    /** Misclassified images kept per trial. */
    public static final int MISTAKES = 12;

    private ModelTrial() {
    }

    /**
     * Runs the trial.
     *
     * @param saveModel whether to save the model into {@code models/} of the job's run folder
     */
    public static TrialResult run(TrialTiming.Job job, TrialTiming timing, SuiteData data, boolean saveModel,
                                             ProgressReporter progress, PrintStream err) {
        Dataset train = data.train();
        Dataset test = data.test();
        int[] truth = test.labels();
        Measured m = new Measured(job, train.size(), test.size());
        m.started = System.nanoTime();
        try (MemoryMonitor memory = new MemoryMonitor(); ProgressReporter.Task task = progress.start(job.plugin().id())) {
            m.memory = memory;
            task.phase("training");
            TrialTiming.Trained trained = timing.train(job, train, task.listener());
            TrainedModel model = trained.model();
            if (model == null) {
                throw new IllegalStateException("train() returned null");
            }
            m.trainSeconds = trained.seconds();
            task.phase("predicting");
            long t0 = System.nanoTime();
            Predictions predictions = model.predict(test);
            m.predictSeconds = (System.nanoTime() - t0) / 1e9;
            if (predictions == null || predictions.labels().length != truth.length) {
                throw new IllegalStateException("predict() returned " + (predictions == null ? "null"
                        : predictions.labels().length + " labels for " + truth.length + " images"));
            }
            m.metrics = ClassificationMetrics.of(truth, predictions.labels(), predictions.probabilities(), test.numClasses());
            m.calibration = predictions.probabilities() == null ? null
                    : Calibration.of(truth, predictions.probabilities(), Calibration.BINS);
            m.predictions = predictions.labels();
            if (data.corrupted() != null) {
                task.phase("predicting corrupted images");
                m.robustness = RobustnessEvaluation.of(model, data.corrupted(), predictions.labels());
            }
            m.trainingSize = model.trainingSize().orElse(train.size());
            m.libraryProvenance = model.provenance();
            m.parameterCount = model.parameterCount().isPresent() ? model.parameterCount().getAsLong() : null;
            m.layers = model.layers();
            m.history = model.history();
            m.mistakes = mistakes(test, predictions);
            memory.close(); // the peaks are the training's and the evaluation's, not the benchmarks'
            // the model's size on disk is measured either way: without --save-models, from a scratch copy in work/
            String relative = modelFile(job.trialId());
            Path file = saveModel ? job.runDir().resolve(relative)
                    : RunFolder.at(job.runDir()).work().resolve(job.trialId() + ".model-size");
            if (save(model, job, file, err)) {
                m.modelFile = saveModel ? relative : null;
                m.modelBytes = modelBytes(file);
            }
            if (!saveModel) {
                deleteScratch(file, err);
            }
            if (Plan.JMH.equals(timing.kind())) { // --no-timing benchmarks nothing
                task.phase("benchmarking inference");
            }
            m.timing = timing.inference(job, model, test, m.predictSeconds, trained);
            return m.result(TrialStatus.OK, null);
        } catch (Exception | OutOfMemoryError | StackOverflowError | LinkageError e) {
            return m.result(TrialStatus.FAILED, Format.failure(e));
        }
    }

    /** Where a trial's model is saved, relative to the run folder. */
    public static String modelFile(String trialId) {
        return "models/" + trialId + ".model";
    }

    /** Saves the model to {@code file}; a model that cannot be saved is still a result, so this only warns. */
    private static boolean save(TrainedModel model, TrialTiming.Job job, Path file, PrintStream err) {
        try {
            RunFolder.at(job.runDir()).folder(file.getParent());
            SafeFiles.requireNoLink(file, "the model of " + job.trialId());
            model.save(file);
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            err.println("digitbench: warning: " + job.plugin().id() + ": the model could not be saved to " + file + ": " + Format.failure(e));
            return false;
        }
    }

    private static void deleteScratch(Path file, PrintStream err) {
        try {
            java.nio.file.Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            err.println("digitbench: warning: cannot delete " + file + ": " + e.getMessage());
        }
    }

    /** The saved model's size on disk, or {@code null} when it cannot be read. */
    private static Long modelBytes(Path file) {
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** A failed result for a trial that produced none (its JVM crashed, or ran out of time). */
    public static TrialResult failed(TrialTiming.Job job, int trainSize, int testSize, String error) {
        return new Measured(job, trainSize, testSize).result(TrialStatus.FAILED, error);
    }

    /** What is known of one trial so far; a failure keeps what was measured before it. */
    private static final class Measured {
        final TrialTiming.Job job;
        final int testSize;
        int trainingSize;
        MemoryMonitor memory;
        Double trainSeconds;
        Double predictSeconds;
        ClassificationMetrics metrics;
        Calibration calibration;
        Robustness robustness;
        int[] predictions;
        Map<String, String> libraryProvenance = Map.of();
        Long parameterCount;
        List<LayerInfo> layers = List.of();
        List<EpochStats> history = List.of();
        List<DigitImage> mistakes = List.of();
        String modelFile;
        Long modelBytes;
        Timing timing;
        long started;

        Measured(TrialTiming.Job job, int trainingSize, int testSize) {
            this.job = job;
            this.trainingSize = trainingSize;
            this.testSize = testSize;
        }

        TrialResult result(TrialStatus status, String error) {
            MemoryMonitor.Peaks peaks = memory == null ? null : memory.peaks();
            var plugin = job.plugin();
            return new TrialResult(new TrialResult.Outcome(plugin.id(), job.seed(), status, error),
                    new TrialResult.PluginInfo(plugin.library(), plugin.libraryVersion(), plugin.family(), plugin.description(),
                            job.params().asMap(), libraryProvenance),
                    new TrialResult.Evaluation(trainingSize, testSize, metrics, predictions, mistakes, calibration, robustness),
                    new TrialResult.Times(trainSeconds, predictSeconds, started == 0 ? null : trialSeconds(started), Instant.now()),
                    new TrialResult.Network(parameterCount, layers, history),
                    new TrialResult.Resources(peaks == null ? null : peaks.heapBytes(), peaks == null ? null : peaks.rssBytes(),
                            started == 0 ? null : Machine.current(), modelBytes),
                    modelFile, timing);
        }
    }

    private static List<DigitImage> mistakes(Dataset test, Predictions p) {
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            if (p.labels()[i] != test.label(i)) {
                wrong.add(i);
            }
        }
        if (p.hasProbabilities()) {
            wrong.sort(java.util.Comparator.comparingDouble((Integer i) -> -p.probabilities()[i][p.labels()[i]])
                    .thenComparingInt(i -> i));
        }
        return wrong.stream().limit(MISTAKES).map(i -> DigitImage.of(test, i, p.labels()[i],
                p.hasProbabilities() ? p.probabilities()[i][p.labels()[i]] : null)).toList();
    }

    /**
     * Seconds since the trial began: since this JVM started, when the JVM is the trial's own (its start-up and data
     * loading are part of the trial's cost), else since the trial's body began.
     */
    private static double trialSeconds(long bodyStarted) {
        double body = (System.nanoTime() - bodyStarted) / 1e9;
        if (Boolean.getBoolean(OWN_JVM_PROPERTY)) {
            double jvm = (System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
            return Math.max(body, jvm);
        }
        return body;
    }

    /** Set in a trial's own JVM. */
    public static final String OWN_JVM_PROPERTY = "digitbench.trialJvm";

}
