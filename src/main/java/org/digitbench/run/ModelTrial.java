package org.digitbench.run;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.EpochStats;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.LayerInfo;
import org.digitbench.api.Predictions;
import org.digitbench.api.TrainedModel;
import org.digitbench.data.Dataset;
import org.digitbench.eval.ClassificationMetrics;

/** One model's quality pass: train, predict the test set, measure, and save the model. */
final class ModelTrial {
    private ModelTrial() {
    }

    /**
     * Trains and tests one model, measuring time and memory; saves the model into {@code saveIn} when it is not null.
     * Whatever the plugin throws (an {@link OutOfMemoryError} too) becomes a failed result that keeps what was measured.
     */
    static RunResults.ModelResult run(ClassifierPlugin plugin, Hyperparameters hp, long seed, Dataset train, Dataset test,
                                      Path saveIn, ProgressReporter progress, PrintStream err) {
        int[] truth = test.labels();
        Measured m = new Measured(plugin, hp, seed, train.size(), test.size());
        try (MemoryMonitor memory = new MemoryMonitor(); ProgressReporter.Task task = progress.start(plugin.id())) {
            m.memory = memory;
            long t0 = System.nanoTime();
            TrainedModel model = plugin.train(train, hp, seed, task.listener());
            long t1 = System.nanoTime();
            m.trainSeconds = (t1 - t0) / 1e9;
            if (model == null) {
                throw new IllegalStateException("train() returned null");
            }
            task.phase("predicting");
            Predictions predictions = model.predict(test);
            m.predictSeconds = (System.nanoTime() - t1) / 1e9;
            if (predictions == null || predictions.labels().length != truth.length) {
                throw new IllegalStateException("predict() returned " + (predictions == null ? "null"
                        : predictions.labels().length + " labels for " + truth.length + " images"));
            }
            m.metrics = ClassificationMetrics.of(truth, predictions.labels(), predictions.probabilities(), Dataset.NUM_CLASSES);
            m.predictions = predictions.labels();
            m.trainingSize = model.trainingSize().orElse(train.size());
            m.libraryProvenance = model.provenance();
            m.parameterCount = model.parameterCount().isPresent() ? model.parameterCount().getAsLong() : null;
            m.layers = model.layers();
            m.history = model.history();
            m.mistakes = mistakes(test, predictions);
            if (saveIn != null) {
                m.modelFile = save(model, plugin, saveIn, err);
            }
            return m.result("ok", null);
        } catch (Exception | OutOfMemoryError | StackOverflowError | LinkageError e) {
            return m.result("failed", describe(e));
        }
    }

    /** Saves the model; a model that cannot be saved is still a result, so this only warns. */
    private static String save(TrainedModel model, ClassifierPlugin plugin, Path runDir, PrintStream err) {
        String relative = Runner.modelFile(plugin.id());
        Path file = runDir.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            model.save(file);
            return relative;
        } catch (java.io.IOException | RuntimeException e) {
            err.println("digitbench: warning: " + plugin.id() + ": the model could not be saved to " + file + ": " + describe(e));
            return null;
        }
    }

    /** A failed result for a model whose trial produced none (its worker JVM crashed, or ran out of time). */
    static RunResults.ModelResult failed(ClassifierPlugin plugin, Hyperparameters hp, long seed, int trainSize, int testSize,
                                         String error) {
        return new Measured(plugin, hp, seed, trainSize, testSize).result("failed", error);
    }

    /** What is known of one model so far; a failure keeps what was measured before it. */
    private static final class Measured {
        final ClassifierPlugin plugin;
        final Hyperparameters hp;
        final long seed;
        final int testSize;
        int trainingSize;
        MemoryMonitor memory;
        Double trainSeconds;
        Double predictSeconds;
        ClassificationMetrics metrics;
        int[] predictions;
        Map<String, String> libraryProvenance = Map.of();
        Long parameterCount;
        List<LayerInfo> layers = List.of();
        List<EpochStats> history = List.of();
        List<DigitImage> mistakes = List.of();
        String modelFile;

        Measured(ClassifierPlugin plugin, Hyperparameters hp, long seed, int trainingSize, int testSize) {
            this.plugin = plugin;
            this.hp = hp;
            this.seed = seed;
            this.trainingSize = trainingSize;
            this.testSize = testSize;
        }

        RunResults.ModelResult result(String status, String error) {
            MemoryMonitor.Peaks peaks = memory == null ? null : memory.peaks();
            return new RunResults.ModelResult(plugin.id(), plugin.library(), plugin.libraryVersion(), plugin.family(),
                    plugin.description(), status, error, hp.asMap(), seed, trainingSize, testSize, trainSeconds,
                    predictSeconds, metrics, predictions, libraryProvenance, parameterCount, layers, history,
                    peaks == null ? null : peaks.heapBytes(), peaks == null ? null : peaks.rssBytes(), mistakes, Instant.now(), modelFile, null);
        }
    }

    /** Misclassified images kept per model. */
    static final int MISTAKES = 12;

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

    /** A failure in one line, with a hint where the cause is a known setup problem. */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            sb.append(": ").append(e.getMessage().lines().findFirst().orElse(""));
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("openblas")) {
                sb.append(" (Smile needs the system OpenBLAS: on Debian/Ubuntu, apt-get install libopenblas-dev)");
                break;
            }
        }
        if (e instanceof OutOfMemoryError) {
            sb.append(" (give the JVM more heap, e.g. --worker-jvm-arg=-Xmx16g, or use a smaller --train-size)");
        }
        return sb.toString();
    }
}
