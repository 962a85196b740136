package org.digitbench.run;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The table printed at the end of a run, best accuracy first, failed models last. */
public final class Leaderboard {
    private Leaderboard() {
    }

    public static String format(RunResults results) {
        List<RunResults.ModelResult> rows = results.models().stream()
                .sorted(Comparator.comparing((RunResults.ModelResult m) -> !m.ok())
                        .thenComparing(m -> m.ok() ? -m.metrics().accuracy() : 0))
                .toList();
        int idWidth = Math.max(5, rows.stream().mapToInt(m -> m.pluginId().length()).max().orElse(5));
        int libWidth = Math.max(7, rows.stream().mapToInt(m -> m.library().length()).max().orElse(7));
        StringBuilder sb = new StringBuilder();
        String header = String.format(Locale.ROOT, "%-" + idWidth + "s  %-" + libWidth + "s  %-19s  %8s  %-17s  %8s  %9s  %9s  %7s  %8s%n",
                "model", "library", "family", "accuracy", "95% CI", "macro F1", "train s", "predict s", "train n", "peak MiB");
        sb.append(header);
        sb.append("-".repeat(header.length() - 1)).append(System.lineSeparator());
        for (RunResults.ModelResult m : rows) {
            if (m.ok()) {
                var x = m.metrics();
                sb.append(String.format(Locale.ROOT, "%-" + idWidth + "s  %-" + libWidth + "s  %-19s  %8.4f  [%.4f, %.4f]  %8.4f  %9.1f  %9.2f  %7d  %8s%n",
                        m.pluginId(), m.library(), m.family(), x.accuracy(), x.accuracyCi95().low(), x.accuracyCi95().high(),
                        x.macro().f1(), m.trainSeconds(), m.predictSeconds(), m.trainingSize(),
                        m.peakRssBytes() == null ? "-" : String.valueOf(m.peakRssBytes() >> 20)));
            } else {
                sb.append(String.format(Locale.ROOT, "%-" + idWidth + "s  %-" + libWidth + "s  %-19s  FAILED: %s%n",
                        m.pluginId(), m.library(), m.family(), m.error()));
            }
        }
        if (!rows.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "tested on %d images; train n = training images used; times are wall-clock for one run; "
                    + "peak MiB = the process's peak resident memory while the model ran%n",
                    rows.get(0).testSize()));
        }
        return sb.toString();
    }

    /** The JMH timings of a run's models, in the order of the leaderboard. */
    public static String formatTiming(RunResults results) {
        List<RunResults.ModelResult> rows = results.models().stream().filter(m -> m.timing() != null)
                .sorted(Comparator.comparing((RunResults.ModelResult m) -> !m.ok())
                        .thenComparing(m -> m.ok() ? -m.metrics().accuracy() : 0))
                .toList();
        int idWidth = Math.max(5, rows.stream().mapToInt(m -> m.pluginId().length()).max().orElse(5));
        StringBuilder sb = new StringBuilder();
        String header = String.format(Locale.ROOT, "%-" + idWidth + "s  %-24s  %-24s  %10s  %-25s%n",
                "model", "train (JMH, s)", "batch predict (JMH, ms)", "images/s", "one image p50 / p99 (us)");
        sb.append(header);
        sb.append("-".repeat(header.length() - 1)).append(System.lineSeparator());
        for (RunResults.ModelResult m : rows) {
            RunResults.Timing t = m.timing();
            if (t.training() == null && t.batch() == null) {
                sb.append(String.format(Locale.ROOT, "%-" + idWidth + "s  %s: %s%n", m.pluginId(), t.status(), t.error()));
                continue;
            }
            sb.append(String.format(Locale.ROOT, "%-" + idWidth + "s  %-24s  %-24s  %10s  %-25s%s%n", m.pluginId(),
                    scoreWithError(t.training(), ""), scoreWithError(t.batch(), ""),
                    t.imagesPerSecond() == null ? "-" : String.format(Locale.ROOT, "%,.0f", t.imagesPerSecond()),
                    t.single() == null ? "-" : String.format(Locale.ROOT, "%.1f / %.1f", t.single().percentiles().get("p50"),
                            t.single().percentiles().get("p99")),
                    t.ok() ? "" : "  (" + t.status() + ": " + t.error() + ")"));
        }
        sb.append(String.format(Locale.ROOT, "mean ± half-width of JMH's 99.9%% confidence interval; "
                + "train and batch: %d test images; settings per model in results.json%n", rows.isEmpty() ? 0 : rows.get(0).testSize()));
        return sb.toString();
    }

    /** "12.35 ± 0.68" followed by {@code unit}, or the score alone without an error, or "-"; digits as {@link #number}. */
    public static String scoreWithError(RunResults.Measurement m, String unit) {
        if (m == null) {
            return "-";
        }
        String digits = digits(m.score());
        return String.format(Locale.ROOT, digits, m.score())
                + (m.scoreError() == null ? "" : " ± " + String.format(Locale.ROOT, digits, m.scoreError())) + unit;
    }

    /** A timing with as many digits as it deserves: "16,423", "2.72", "0.3297". */
    public static String number(double v) {
        return String.format(Locale.ROOT, digits(v), v);
    }

    private static String digits(double v) {
        return Math.abs(v) >= 100 ? "%,.0f" : Math.abs(v) >= 1 ? "%.2f" : "%.4f";
    }

    /** "25 s", "3 min 05 s", "4 h 00 min". */
    public static String duration(double seconds) {
        java.time.Duration d = java.time.Duration.ofSeconds(Math.round(seconds));
        return d.toHours() > 0 ? String.format(Locale.ROOT, "%d h %02d min", d.toHours(), d.toMinutesPart())
                : d.toMinutes() > 0 ? String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart())
                : d.toSeconds() + " s";
    }

    /** Means and standard deviations across seeds, and the paired t-tests of accuracy. */
    public static String formatSeeds(SeedStats stats) {
        int idWidth = Math.max(5, stats.rows().stream().mapToInt(r -> r.pluginId().length()).max().orElse(5));
        StringBuilder sb = new StringBuilder();
        String header = String.format(Locale.ROOT, "%-" + idWidth + "s  %5s  %-17s  %-17s  %-17s%n", "model", "seeds",
                "accuracy", "macro F1", "train s");
        sb.append(header).append("-".repeat(header.length() - 1)).append(System.lineSeparator());
        for (SeedStats.Row r : stats.rows()) {
            sb.append(String.format(Locale.ROOT, "%-" + idWidth + "s  %5d  %.4f ± %.4f    %.4f ± %.4f    %.1f ± %.1f%n", r.pluginId(),
                    r.seeds().size(), r.accuracy().mean(), r.accuracy().sd(), r.macroF1().mean(), r.macroF1().sd(),
                    r.trainSeconds().mean(), r.trainSeconds().sd()));
        }
        sb.append("mean ± sample standard deviation over the seeds each model succeeded with; same data for every seed\n");
        for (SeedStats.Pair p : stats.pairs()) {
            sb.append(String.format(Locale.ROOT, "  %s vs %s: accuracy difference %+.4f over %d seeds, %s%n", p.modelA(), p.modelB(),
                    p.test().meanDifference(), p.test().n(), p.test().pValue() == null ? "no p-value (the difference does not vary)"
                            : String.format(Locale.ROOT, "paired t-test p = %.3g (Holm %.3g)", p.test().pValue(), p.holmP())));
        }
        return sb.toString();
    }
}
