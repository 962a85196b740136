package org.digitbench.results.tables;

import org.digitbench.eval.ClassificationMetrics;
import org.digitbench.results.Measurement;
import org.digitbench.results.RunResults;
import org.digitbench.results.Timing;
import org.digitbench.results.TrialResult;
import org.digitbench.results.stats.TimeToAccuracy;
import org.digitbench.results.text.Stability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The tables of a run, each a list of columns and rows of plain values (strings, numbers, booleans, or null). */
public final class Tables {
    private Tables() {
    }

    /** The tables there are; their columns are documented in docs/usage.md#exporting-tables. */
    public enum Table {
        /** one row per trial: what it is and its headline figures */
        TRIALS("run_id", "plugin", "library", "library_version", "family", "seed", "status", "error", "training_images",
                "test_images", "accuracy", "macro_f1", "train_seconds", "predict_seconds", "images_per_second",
                "peak_heap_bytes", "model_bytes"),
        /** one row per trial and metric (long format) */
        METRICS("run_id", "plugin", "seed", "metric", "value"),
        /** one row per trial and benchmark: the median of the iterations with its 95% interval, and JMH's own score */
        TIMING("run_id", "plugin", "seed", "benchmark", "images_per_call", "unit", "median", "interval_low", "interval_high",
                "unstable", "jmh_score", "jmh_error", "images_per_second", "allocated_bytes_per_call", "cpu_cores",
                "iterations"),
        /** one row per trial and class */
        PER_CLASS("run_id", "plugin", "seed", "class", "precision", "recall", "f1", "support"),
        /** one row per trial and test image: the model's prediction */
        PREDICTIONS("run_id", "plugin", "seed", "image", "predicted");

        private final List<String> columns;

        Table(String... columns) {
            this.columns = List.of(columns);
        }

        public List<String> columns() {
            return columns;
        }

        /** Its name on the command line and in file names: trials, metrics, timing, per-class, predictions. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The table named {@code id}, or an {@link IllegalArgumentException} listing the names. */
        public static Table of(String id) {
            for (Table t : values()) {
                if (t.id().equals(id)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown table '" + id + "'; expected one of "
                    + String.join(", ", Arrays.stream(values()).map(Table::id).toList()));
        }
    }

    /** A table's columns and rows. */
    public record Data(Table table, List<String> columns, List<List<Object>> rows) {
        public Data {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    /** Table {@code t} of {@code results}. */
    public static Data of(RunResults results, Table t) {
        List<List<Object>> rows = new ArrayList<>();
        String run = results.runId();
        int cores = results.provenance() == null ? 0 : results.provenance().cpus();
        for (TrialResult r : results.trials()) {
            switch (t) {
                case TRIALS -> rows.add(trialRow(run, r));
                case METRICS -> metrics(run, r, rows);
                case TIMING -> timing(run, r, cores, rows);
                case PER_CLASS -> {
                    if (r.metrics() != null && r.metrics().perClass() != null) {
                        for (ClassificationMetrics.ClassScores c : r.metrics().perClass()) {
                            rows.add(Arrays.asList(run, r.pluginId(), r.seed(), c.label(), c.precision(), c.recall(), c.f1(),
                                    c.support()));
                        }
                    }
                }
                case PREDICTIONS -> {
                    int[] predicted = r.evaluation() == null ? null : r.evaluation().predictions();
                    for (int i = 0; predicted != null && i < predicted.length; i++) {
                        rows.add(Arrays.asList(run, r.pluginId(), r.seed(), i, predicted[i]));
                    }
                }
            }
        }
        return new Data(t, t.columns(), rows);
    }

    private static List<Object> trialRow(String run, TrialResult r) {
        ClassificationMetrics m = r.metrics();
        return Arrays.asList(run, r.pluginId(), r.plugin() == null ? null : r.plugin().library(),
                r.plugin() == null ? null : r.plugin().libraryVersion(), r.plugin() == null ? null : r.plugin().family(), r.seed(),
                r.status().toString(), r.error(), r.evaluation() == null ? null : r.evaluation().trainingSize(),
                r.evaluation() == null ? null : r.evaluation().testSize(), m == null ? null : m.accuracy(),
                m == null || m.macro() == null ? null : m.macro().f1(), r.times() == null ? null : r.times().trainSeconds(),
                r.times() == null ? null : r.times().predictSeconds(), imagesPerSecond(r), r.resources().peakHeapBytes(),
                r.resources().modelBytes());
    }

    private static Double imagesPerSecond(TrialResult r) {
        return r.timing() == null ? null : r.timing().imagesPerSecond();
    }

    private static void metrics(String run, TrialResult r, List<List<Object>> rows) {
        ClassificationMetrics m = r.metrics();
        if (m != null) {
            add(rows, run, r, "accuracy", m.accuracy());
            if (m.accuracyCi95() != null) {
                add(rows, run, r, "accuracy_ci95_low", m.accuracyCi95().low());
                add(rows, run, r, "accuracy_ci95_high", m.accuracyCi95().high());
            }
            averages(rows, run, r, "macro", m.macro());
            averages(rows, run, r, "weighted", m.weighted()); // absent in results of schema version 1
            add(rows, run, r, "log_loss", m.logLoss());
        }
        var calibration = r.evaluation() == null ? null : r.evaluation().calibration();
        if (calibration != null) {
            add(rows, run, r, "ece", calibration.ece());
            add(rows, run, r, "mce", calibration.mce());
            add(rows, run, r, "brier", calibration.brier());
        }
        var robustness = r.evaluation() == null ? null : r.evaluation().robustness();
        if (robustness != null && robustness.meanAccuracy() != null) {
            add(rows, run, r, "mean_corruption_accuracy", robustness.meanAccuracy());
            add(rows, run, r, "corruption_clean_accuracy", robustness.cleanAccuracy());
            robustness.corruptions().forEach(c -> add(rows, run, r, "corruption_accuracy_" + c.corruption(), c.accuracy()));
        }
        if (r.times() != null) {
            add(rows, run, r, "train_seconds", r.times().trainSeconds());
            add(rows, run, r, "predict_seconds", r.times().predictSeconds());
        }
        for (TimeToAccuracy.Reached reached : TimeToAccuracy.of(r.network().history(), TimeToAccuracy.DEFAULT_TARGETS)) {
            add(rows, run, r, "seconds_to_validation_accuracy_" + reached.target(), reached.seconds());
        }
        add(rows, run, r, "images_per_second", imagesPerSecond(r));
        add(rows, run, r, "peak_heap_bytes", r.resources().peakHeapBytes());
        add(rows, run, r, "model_bytes", r.resources().modelBytes());
    }

    private static void averages(List<List<Object>> rows, String run, TrialResult r, String kind, ClassificationMetrics.Averages a) {
        if (a != null) {
            add(rows, run, r, kind + "_precision", a.precision());
            add(rows, run, r, kind + "_recall", a.recall());
            add(rows, run, r, kind + "_f1", a.f1());
        }
    }

    /** A metric's row, when it has a value (a long table has no row for what was not measured). */
    private static void add(List<List<Object>> rows, String run, TrialResult r, String metric, Number value) {
        if (value != null) {
            rows.add(Arrays.asList(run, r.pluginId(), r.seed(), metric, value));
        }
    }

    private static void timing(String run, TrialResult r, int cores, List<List<Object>> rows) {
        Timing t = r.timing();
        if (t == null) {
            return;
        }
        benchmark(rows, run, r, "training", null, t.training(), null, t, cores);
        benchmark(rows, run, r, "batch", t.batchImages(), t.batch(), t.imagesPerSecond(), t, cores);
        if (t.batchSizes() != null) {
            for (Timing.BatchSize b : t.batchSizes()) {
                benchmark(rows, run, r, "batch-" + b.images(), b.images(), b.measurement(), b.imagesPerSecond(), t, cores);
            }
        }
        benchmark(rows, run, r, "single", 1, t.single(), null, t, cores);
    }

    /** Seconds in a unit of JMH's time per operation ("us/op": 1e-6), or NaN for another unit. */
    static double secondsPer(String unit) {
        return switch (unit == null ? "" : unit) {
            case "s/op" -> 1;
            case "ms/op" -> 1e-3;
            case "us/op" -> 1e-6;
            case "ns/op" -> 1e-9;
            default -> Double.NaN;
        };
    }

    private static void benchmark(List<List<Object>> rows, String run, TrialResult r, String name, Integer images,
                                  Measurement m, Double imagesPerSecond, Timing t, int cores) {
        if (m == null) {
            return;
        }
        Stability s = Stability.of(m, t, cores);
        boolean interval = s.interval() != null;
        if (imagesPerSecond == null && images != null) { // the single image's: from the median, as every images/s
            double seconds = (interval ? s.interval().median() : m.score()) * secondsPer(m.unit());
            imagesPerSecond = seconds > 0 ? images / seconds : null;
        }
        rows.add(Arrays.asList(run, r.pluginId(), r.seed(), name, images, m.unit(), interval ? s.interval().median() : m.score(),
                interval ? s.interval().low() : null, interval ? s.interval().high() : null, s.unstable(), m.score(),
                m.scoreError(), imagesPerSecond, m.allocatedBytesPerOp(), m.estimate().cpuCores(),
                m.iterationScores() == null ? null : m.iterationScores().size()));
    }
}
