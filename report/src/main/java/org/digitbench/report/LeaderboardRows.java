package org.digitbench.report;

import org.digitbench.results.Measurement;
import org.digitbench.results.Timing;
import org.digitbench.results.TrialResult;
import org.digitbench.results.text.Format;
import org.digitbench.results.text.Stability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The report's leaderboard rows: formatted values, sort keys, and the best value of each column marked. */
final class LeaderboardRows {
    private LeaderboardRows() {
    }

    /** A column: how to read its value, whether higher is better, how to show it. */
    private record Column(String key, Function<TrialResult, Double> value, boolean higherIsBetter,
                          BiFunction<TrialResult, Double, String> text) {
        Column(String key, Function<TrialResult, Double> value, boolean higherIsBetter, Function<Double, String> format) {
            this(key, value, higherIsBetter, (m, v) -> format.apply(v));
        }
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("accuracy", m -> m.metrics().accuracy(), true, LeaderboardRows::f4),
            new Column("precision", m -> m.metrics().macro().precision(), true, LeaderboardRows::f4),
            new Column("recall", m -> m.metrics().macro().recall(), true, LeaderboardRows::f4),
            new Column("f1", m -> m.metrics().macro().f1(), true, LeaderboardRows::f4),
            new Column("train", (TrialResult t) -> t.times().trainSeconds(), false, LeaderboardRows::seconds),
            new Column("predict", (TrialResult t) -> t.times().predictSeconds(), false, LeaderboardRows::seconds),
            new Column("latency", LeaderboardRows::latencyMs, false, v -> String.format(Locale.ROOT, "%.3f ms", v)),
            new Column("params", m -> m.network().parameterCount() == null ? null : m.network().parameterCount().doubleValue(), false,
                    v -> String.format(Locale.ROOT, "%,d", v.longValue())),
            new Column("memory", m -> m.resources().peakRssBytes() == null ? null : m.resources().peakRssBytes() / 1048576.0, false,
                    v -> String.format(Locale.ROOT, "%,.0f MiB", v)),
            new Column("trainSize", m -> (double) m.evaluation().trainingSize(), true, v -> String.format(Locale.ROOT, "%,d", v.longValue())),
            // under images/s: the batch's size (and on a line of its own, whether its figure is unstable: Row.batchUnstable)
            new Column("batchImages", m -> m.timing() == null || m.timing().batchImages() == null ? null
                    : m.timing().batchImages().doubleValue(), true, v -> String.format(Locale.ROOT, "batch of %,d", v.longValue())),
            new Column("modelSize", m -> m.resources().modelBytes() == null ? null : m.resources().modelBytes().doubleValue(), false,
                    Format::bytes),
            // JMH's inference benchmarks of the trial's model
            new Column("imagesPerSecond", m -> m.timing() == null ? null : m.timing().imagesPerSecond(), true,
                    v -> String.format(Locale.ROOT, "%,.0f", v)),
            new Column("p50", m -> percentile(m, "p50"), false,
                    (m, v) -> String.format(Locale.ROOT, "%,.1f / %,.1f µs", v, percentile(m, "p99"))),
            new Column("heapPerImage", m -> m.timing() == null ? null : m.timing().bytesPerImage(), false, Format::bytes));

    static Double score(TrialResult m, Function<Timing, Measurement> which) {
        return m.timing() == null || which.apply(m.timing()) == null ? null : which.apply(m.timing()).score();
    }

    static Double percentile(TrialResult m, String p) {
        return m.timing() == null || m.timing().single() == null ? null : m.timing().single().percentiles().get(p);
    }

    static Double latencyMs(TrialResult m) {
        return m.times().predictSeconds() == null || m.evaluation().testSize() == 0 ? null : 1000 * m.times().predictSeconds() / m.evaluation().testSize();
    }

    /**
     * One model's row of the leaderboard.
     *
     * @param m      the main seed's trial
     * @param anchor the id of its section
     * @param ciLow  the lower end of its accuracy's Wilson 95% interval
     * @param ciHigh the upper end
     * @param cells  for each column key, the cell
     * @param corrupted  its mean accuracy on the run's corrupted images, or {@code null} without them
     * @param toAccuracy the last target validation accuracy and the training time it took to first reach it ("to 98%",
     *                   "41.2 s" or "never"), or {@code null} for a model that does not learn in epochs
     * @param batchUnstable whether its batch figure is unstable (shown on a line of its own under images/s, so the
     *                      column stays narrow enough for the leaderboard to fit a 1,366-pixel window)
     */
    public record Row(TrialResult m, String anchor, String ciLow, String ciHigh, Map<String, Cell> cells, String corrupted,
                      List<String> toAccuracy, boolean batchUnstable) {
    }

    /**
     * @param text what the cell shows ("–" without a value)
     * @param sort the value to sort by, or empty
     * @param best whether it is the column's best value (of two models or more)
     */
    public record Cell(String text, String sort, boolean best) {
    }

    static List<Row> rows(List<TrialResult> models) {
        return rows(models, org.digitbench.results.stats.TimeToAccuracy.DEFAULT_TARGETS);
    }

    /** @param targets the validation accuracies of time to accuracy; the leaderboard shows the last */
    static List<Row> rows(List<TrialResult> models, List<Double> targets) {
        List<Row> rows = new ArrayList<>();
        for (TrialResult m : models) {
            Map<String, Cell> cells = new LinkedHashMap<>();
            for (Column c : COLUMNS) {
                Double best = null;
                for (TrialResult o : models) {
                    Double v = c.value().apply(o);
                    if (v != null && (best == null || (c.higherIsBetter() ? v > best : v < best))) {
                        best = v;
                    }
                }
                Double v = c.value().apply(m);
                cells.put(c.key(), new Cell(v == null ? "–" : c.text().apply(m, v), v == null ? "" : String.format(Locale.ROOT, "%.9g", v),
                        v != null && v.equals(best) && models.size() > 1));
            }
            var robustness = m.evaluation().robustness();
            rows.add(new Row(m, ReportWriter.anchor(m.pluginId()), f4(m.metrics().accuracyCi95().low()),
                    f4(m.metrics().accuracyCi95().high()), cells, robustness == null || robustness.meanAccuracy() == null ? null
                    : f4(robustness.meanAccuracy()), toAccuracy(m, targets),
                    m.timing() != null && batchStability(m).unstable()));
        }
        return rows;
    }

    private static List<String> toAccuracy(TrialResult m, List<Double> targets) {
        if (targets.isEmpty()) {
            return null;
        }
        double highest = targets.getLast(); // the report's last target, as its note says
        var reached = org.digitbench.results.stats.TimeToAccuracy.of(m.network().history(), List.of(highest));
        return reached.isEmpty() ? null : List.of("to " + Format.percent(highest),
                reached.getFirst().reached() ? seconds(reached.getFirst().seconds()) : "never");
    }

    static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static String seconds(Double s) {
        if (s == null) {
            return "–";
        }
        return s >= 100 ? String.format(Locale.ROOT, "%.0f s", s) : s >= 1 ? String.format(Locale.ROOT, "%.1f s", s)
                : String.format(Locale.ROOT, "%.2f s", s);
    }

    /** The stability of the batch benchmark, whose score gives images/s. */
    static Stability batchStability(TrialResult m) {
        return Stability.of(m.timing().batch(), m.timing(), m.resources().machine() == null ? 0 : m.resources().machine().cores());
    }
}
