package org.digitbench.report;

import org.digitbench.eval.Statistics;
import org.digitbench.results.Measurement;
import org.digitbench.results.RunResults;
import org.digitbench.results.Timing;
import org.digitbench.results.TrialResult;
import org.digitbench.results.stats.SeedStats;
import org.digitbench.results.stats.TimeToAccuracy;
import org.digitbench.results.text.Format;
import org.digitbench.results.text.Stability;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The rows of the report's tables "Across seeds" and "Timing", formatted for the page. */
public final class TableRows {
    private TableRows() {
    }

    /** One model across its seeds: each figure as mean ± sd [95% interval] (n). */
    public record SeedRow(String model, String seeds, String accuracy, String f1, String logLoss, String train, String predict,
                          String imagesPerSecond) {
    }

    /** A paired t-test of two models' accuracies over their common seeds, with Holm's correction. */
    public record SeedPair(String a, String b, String difference, int n, String p, String holm, boolean significant) {
    }

    /**
     * One JMH benchmark of one model; {@code first} marks a model's first row (which carries its status).
     *
     * @param score the score as shown and as sorted, its interval and the number of measurements
     * @param json  JMH's JSON file
     */
    public record TimingRow(boolean first, String model, String status, String benchmark, Score score, String settings,
                            String percentiles, Conditions conditions, JsonLink json) {
        static final Score NO_SCORE = new Score("", "", "", "");
    }

    /**
     * What else was measured while a benchmark ran.
     *
     * @param load  the 1-minute load average before → after
     * @param cores the JVM's CPU time over the wall-clock time, or empty
     * @param heap  heap bytes allocated per call (JMH's GC profiler), or empty
     */
    public record Conditions(String load, String cores, String heap) {
        static final Conditions NONE = new Conditions("", "", "");
    }

    /**
     * A JMH score.
     *
     * @param text as shown, with its unit
     * @param sort the plain number, for sorting
     * @param ci   its 99.9% interval, as shown
     * @param n    the measurements it is made of
     */
    public record Score(String text, String sort, String ci, String n) {
    }

    /**
     * @param href the link to JMH's JSON file, or {@code null} when it is not a plain file of the run
     * @param name the file's name as results.json gives it, shown as the link's text
     */
    public record JsonLink(String href, String name) {
    }

    /**
     * One model's calibration, as shown; {@code measured} false for a model without probabilities.
     *
     * @param anchor the model's section in the report
     */
    public record CalibrationRow(String model, String anchor, boolean measured, String ece, String mce, String brier,
                                 String logLoss) {
    }

    static List<CalibrationRow> calibration(List<TrialResult> models) {
        return models.stream().map(m -> {
            var c = m.evaluation().calibration();
            Double logLoss = m.metrics() == null ? null : m.metrics().logLoss();
            return c == null ? new CalibrationRow(m.pluginId(), ReportWriter.anchor(m.pluginId()), false, "", "", "", "")
                    : new CalibrationRow(m.pluginId(), ReportWriter.anchor(m.pluginId()), true, fixed(c.ece()), fixed(c.mce()),
                    fixed(c.brier()), logLoss == null ? "" : fixed(logLoss));
        }).toList();
    }

    private static String fixed(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }

    /** A model that learns in epochs: the training time to each target validation accuracy ("not reached"), as shown. */
    public record TimeToAccuracyRow(String model, String anchor, List<String> times, String best) {
    }

    static List<TimeToAccuracyRow> timeToAccuracy(List<TrialResult> models, List<Double> targets) {
        List<TimeToAccuracyRow> rows = new java.util.ArrayList<>();
        for (TrialResult m : models) {
            List<TimeToAccuracy.Reached> reached = TimeToAccuracy.of(m.network().history(), targets);
            if (reached.isEmpty()) {
                continue;
            }
            double best = m.network().history().stream().filter(e -> e.validationAccuracy() != null)
                    .mapToDouble(e -> e.validationAccuracy()).max().orElse(Double.NaN);
            rows.add(new TimeToAccuracyRow(m.pluginId(), ReportWriter.anchor(m.pluginId()), reached.stream()
                    .map(r -> r.reached() ? Format.seconds(r.seconds()) + " (epoch " + r.epoch() + ")" : "not reached").toList(),
                    Format.percent(best)));
        }
        return rows;
    }

    static List<SeedRow> seeds(SeedStats stats, RunResults results) {
        List<SeedRow> rows = new ArrayList<>();
        for (SeedStats.Row r : stats.rows()) {
            rows.add(new SeedRow(r.pluginId(), r.seeds().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                    summary(r.accuracy(), "%.4f", ""), summary(r.macroF1(), "%.4f", ""),
                    r.logLoss() == null ? "–" : summary(r.logLoss(), "%.4f", ""), summary(r.trainSeconds(), "%.2f", " s"),
                    summary(r.predictSeconds(), "%.3f", " s"),
                    results.summary(r.pluginId()).map(m -> summary(m.imagesPerSecond(), "%,.0f", "")).orElse("–")));
        }
        return rows;
    }

    /** "0.9812 ± 0.0011 [0.9790, 0.9834] (n = 3)"; for n = 1 the value alone with its n. */
    static String summary(Statistics.Summary s, String digits, String unit) {
        if (s == null) {
            return "–";
        }
        if (s.sd() == null) {
            return String.format(Locale.ROOT, digits + "%s (n = 1)", s.mean(), unit);
        }
        return String.format(Locale.ROOT, digits + " ± " + digits + "%s [" + digits + ", " + digits + "] (n = %d)", s.mean(), s.sd(),
                unit, s.ciLow(), s.ciHigh(), s.n());
    }

    static List<SeedPair> seedPairs(SeedStats stats) {
        List<SeedPair> rows = new ArrayList<>();
        for (SeedStats.Pair p : stats.pairs()) {
            rows.add(new SeedPair(p.modelA(), p.modelB(), String.format(Locale.ROOT, "%+.4f", p.test().meanDifference()),
                    p.test().n(), p.test().pValue() == null ? "– (no variation)" : String.format(Locale.ROOT, "%.3g", p.test().pValue()),
                    p.holmP() == null ? "–" : String.format(Locale.ROOT, "%.3g", p.holmP()), p.holmP() != null && p.holmP() < 0.05));
        }
        return rows;
    }

    /**
     * One row per benchmark of each timed model (training, the batch, the smaller batch sizes, one image), a batch size
     * not measured with the reason; a model whose timing failed or was skipped gets one row saying why.
     */
    static List<TimingRow> timing(List<TrialResult> models) {
        List<TimingRow> rows = new ArrayList<>();
        for (TrialResult m : models) {
            Timing t = m.timing();
            if (t == null) {
                continue;
            }
            String status = t.status() + (t.error() == null ? "" : ": " + t.error());
            List<Bench> benchmarks = new ArrayList<>();
            benchmarks.add(new Bench("training", null, t.training(), null));
            benchmarks.add(new Bench("predict a batch of " + t.batchImages() + " images", t.imagesPerSecond(), t.batch(), null));
            for (Timing.BatchSize b : t.batchSizes()) {
                benchmarks.add(new Bench("predict a batch of " + b.images() + " images", b.imagesPerSecond(), b.measurement(),
                        b.skipped()));
            }
            benchmarks.add(new Bench("predict one image", null, t.single(), null));
            boolean first = true;
            for (Bench b : benchmarks) {
                if (b.m() == null && b.skipped() == null) {
                    continue;
                }
                rows.add(b.m() == null ? new TimingRow(first, m.pluginId(), first ? status : "", b.name(), TimingRow.NO_SCORE,
                        "not measured: " + b.skipped(), "", Conditions.NONE, new JsonLink(null, null)) : row(first, m, t, status, b));
                first = false;
            }
            if (first) {
                rows.add(new TimingRow(true, m.pluginId(), status, "", TimingRow.NO_SCORE, "", "", Conditions.NONE, new JsonLink(null, null)));
            }
        }
        return rows;
    }

    /** One benchmark of a trial: its name, a batch's images per second, its measurement or why it was not measured. */
    private record Bench(String name, Double imagesPerSecond, Measurement m, String skipped) {
    }

    private static TimingRow row(boolean first, TrialResult m, Timing t, String status, Bench b) {
        Measurement x = b.m();
        String name = b.name();
        String link = ReportWriter.jmhLink(x.jsonFile());
        Double ips = b.imagesPerSecond();
        Score score = new Score(String.format(Locale.ROOT, "%.4g %s", x.score(), x.unit())
                + (ips != null ? String.format(Locale.ROOT, " (%,.0f images/s)", ips) : ""),
                String.format(Locale.ROOT, "%.9g", x.score()), interval(x, t, m), String.valueOf(x.sampleCount()));
        var steady = x.iterations().steadyWarmup();
        var replaced = x.iterations().remeasured();
        String settings = (steady == null ? "" : String.format(Locale.ROOT, "checked warm-up %d × %s (%s) + ", steady.iterations(),
                replaced == null ? x.iterationTime() : replaced.iterationTime(), steady.settled() ? String.format(Locale.ROOT, "the last two within %.0f%%", 100 * steady.tolerance())
                        : "stopped at its cap, still moving"))
                + (x.forks() == 0 ? "" : x.forks() + " forks × ") + String.format(Locale.ROOT, "%d warm-up + %d%s",
                x.warmupIterations(), x.measurementIterations(), x.iterationTime() == null ? " single shot" : " of " + x.iterationTime())
                + (replaced == null ? "" : String.format(Locale.ROOT, ", measured again: the first %d of %s were unstable (%s)",
                replaced.iterationScores().size(), replaced.iterationTime(), replaced.reason()));
        String percentiles = x.percentiles() == null || !"sample".equals(x.mode()) ? ""
                : String.format(Locale.ROOT, "%.4g / %.4g / %.4g %s", x.percentiles().get("p50"),
                x.percentiles().getOrDefault("p90", Double.NaN), x.percentiles().get("p99"), x.unit());
        Conditions conditions = new Conditions(String.format(Locale.ROOT, "%.2f → %.2f", x.loadBefore(), x.loadAfter()),
                x.estimate().cpuCores() == null ? "" : String.format(Locale.ROOT, "%.1f", x.estimate().cpuCores()),
                x.allocatedBytesPerOp() == null ? "" : Format.bytes(x.allocatedBytesPerOp()));
        return new TimingRow(first, m.pluginId(), first ? status : "", name + " (" + x.mode() + ")", score, settings, percentiles,
                conditions, new JsonLink(link, link == null ? null : x.jsonFile()));
    }

    /**
     * JMH's 99.9% interval where it says something (one measurement has none; a lower end below zero is not printed),
     * then the median of the iterations with its order-statistic interval, and whether the figure is unstable and why.
     */
    static String interval(Measurement x, Timing t, TrialResult m) {
        if (x.scoreError() == null) {
            return "none (one measurement)";
        }
        String jmh = x.ciLow() != null && x.ciLow() < 0
                ? String.format(Locale.ROOT, "JMH ± %.3g (its interval reaches below zero)", x.scoreError())
                : String.format(Locale.ROOT, "JMH ± %.3g [%.4g, %.4g]", x.scoreError(), x.ciLow(), x.ciHigh());
        Stability s = Stability.of(x, t, m.resources().machine() == null ? 0 : m.resources().machine().cores());
        return s.interval() == null ? jmh : jmh + "; median " + s.text("");
    }
}
