package org.digitbench.run;

import org.digitbench.results.RunResults;
import org.digitbench.results.Timing;
import org.digitbench.results.TrialResult;
import org.digitbench.results.stats.SeedStats;
import org.digitbench.results.text.Format;
import org.digitbench.results.text.Stability;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The tables printed at the end of a run, best accuracy first, failed models last. */
public final class Leaderboard {
    private Leaderboard() {
    }

    private static List<TrialResult> ranked(RunResults results) {
        return results.mainTrials().stream()
                .sorted(Comparator.comparing((TrialResult m) -> !m.ok())
                        .thenComparing(m -> m.ok() ? -m.metrics().accuracy() : 0))
                .toList();
    }

    /** The main seed's trials: one per model. */
    public static String format(RunResults results) {
        List<TrialResult> rows = ranked(results);
        int idWidth = Math.max(5, rows.stream().mapToInt(m -> m.pluginId().length()).max().orElse(5));
        int libWidth = Math.max(7, rows.stream().mapToInt(m -> m.plugin().library().length()).max().orElse(7));
        StringBuilder sb = new StringBuilder();
        String header = String.format(Locale.ROOT, "%-" + idWidth + "s  %-" + libWidth + "s  %-19s  %8s  %-17s  %8s  %9s  %9s  %7s  %8s%n",
                "model", "library", "family", "accuracy", "95% CI", "macro F1", "train s", "predict s", "train n", "peak MiB");
        sb.append(header);
        sb.append("-".repeat(header.length() - 1)).append(System.lineSeparator());
        for (TrialResult m : rows) {
            if (m.ok()) {
                var x = m.metrics();
                sb.append(String.format(Locale.ROOT, "%-" + idWidth + "s  %-" + libWidth + "s  %-19s  %8.4f  [%.4f, %.4f]  %8.4f  %9.1f  %9.2f  %7d  %8s%n",
                        m.pluginId(), m.plugin().library(), m.plugin().family(), x.accuracy(), x.accuracyCi95().low(), x.accuracyCi95().high(),
                        x.macro().f1(), m.times().trainSeconds(), m.times().predictSeconds(), m.evaluation().trainingSize(),
                        m.resources().peakRssBytes() == null ? "-" : String.valueOf(m.resources().peakRssBytes() >> 20)));
            } else {
                sb.append(String.format(Locale.ROOT, "%-" + idWidth + "s  %-" + libWidth + "s  %-19s  FAILED: %s%n",
                        m.pluginId(), m.plugin().library(), m.plugin().family(), m.error()));
            }
        }
        if (!rows.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "seed %d, one trial per model (n = 1); tested on %d images; train n = training "
                    + "images used; train s = %s; predict s = wall clock for the whole test set; peak MiB = the trial JVM's peak "
                    + "resident memory while the model trained and predicted%n", results.plan().mainSeed(), rows.get(0).evaluation().testSize(),
                    results.plan().jmh() ? "JMH's single-shot time of the training that made the model" : "wall clock"));
            if (results.plan().concurrent()) {
                sb.append(Format.concurrentNote(results.plan())).append(System.lineSeparator());
            }
        }
        return sb.toString();
    }

    /** The JMH timings of the main seed's trials, in the order of the leaderboard. */
    public static String formatTiming(RunResults results) {
        List<TrialResult> rows = ranked(results).stream().filter(m -> m.timing() != null).toList();
        int idWidth = Math.max(5, rows.stream().mapToInt(m -> m.pluginId().length()).max().orElse(5));
        StringBuilder sb = new StringBuilder();
        String header = String.format(Locale.ROOT, "%-" + idWidth + "s  %-14s  %-24s  %10s  %-40s  %-20s  %10s  %10s%n",
                "model", "train (JMH, s)", "batch predict (JMH, ms)", "images/s", "images/s by images per call", "one image p50 / p99 (us)",
                "heap/image", "model size");
        sb.append(header);
        sb.append("-".repeat(header.length() - 1)).append(System.lineSeparator());
        for (TrialResult m : rows) {
            Timing t = m.timing();
            if (t.training() == null && t.batch() == null) {
                sb.append(String.format(Locale.ROOT, "%-" + idWidth + "s  %s: %s%n", m.pluginId(), t.status(), t.error()));
                continue;
            }
            int cores = m.resources().machine() == null ? 0 : m.resources().machine().cores();
            Stability batch = Stability.of(t.batch(), t, cores);
            Stability single = Stability.of(t.single(), t, cores);
            String marks = (batch.unstable() ? "  (batch unstable: " + String.join("; ", batch.reasons()) + ")" : "")
                    + (single.unstable() ? "  (one image unstable: " + String.join("; ", single.reasons()) + ")" : "");
            sb.append(String.format(Locale.ROOT, "%-" + idWidth + "s  %-14s  %-24s  %10s  %-40s  %-20s  %10s  %10s%s%s%n", m.pluginId(),
                    Format.scoreWithError(t.training(), ""), batch.figure(Format.scoreWithError(t.batch(), ""))
                            + (t.batchImages() == null ? "" : " /" + t.batchImages()),
                    t.imagesPerSecond() == null ? "-" : String.format(Locale.ROOT, "%,.0f", t.imagesPerSecond()), ladder(t),
                    t.single() == null ? "-" : String.format(Locale.ROOT, "%.1f / %.1f", t.single().percentiles().get("p50"),
                            t.single().percentiles().get("p99")),
                    t.bytesPerImage() == null ? "-" : Format.bytes(t.bytesPerImage()),
                    m.resources().modelBytes() == null ? "-" : Format.bytes(m.resources().modelBytes()),
                    t.ok() ? "" : "  (" + t.status() + ": " + t.error() + ")", marks));
        }
        sb.append("train: one single shot (n = 1), the training that made the evaluated model; batch: median of JMH's iterations "
                + "[95% order-statistic interval, or their range when too few], per call of /N images, unstable when the interval's "
                + "half-width is over 10% of the median; images/s by images per call: JMH's scores, 1 = the single-image benchmark; "
                + "heap/image: bytes allocated per image of the batch (JMH's GC profiler); model size: the saved model file; "
                + "settings per trial in results.json\n");
        return sb.toString();
    }

    /** "1: 131k  32: 190k  256: 205k  10000: 210k". */
    static String ladder(Timing t) {
        StringBuilder sb = new StringBuilder();
        t.imagesPerSecondBySize().forEach((n, ips) -> sb.append(sb.isEmpty() ? "" : "  ").append(n).append(": ").append(Format.compact(ips)));
        return sb.isEmpty() ? "-" : sb.toString();
    }

    /** Means, standard deviations and 95% intervals across seeds, and the paired t-tests of accuracy. */
    public static String formatSeeds(RunResults results, SeedStats stats) {
        int idWidth = Math.max(5, stats.rows().stream().mapToInt(r -> r.pluginId().length()).max().orElse(5));
        StringBuilder sb = new StringBuilder();
        String header = String.format(Locale.ROOT, "%-" + idWidth + "s  %-46s  %-46s%n", "model", "accuracy", "train s");
        sb.append(header).append("-".repeat(header.length() - 1)).append(System.lineSeparator());
        for (SeedStats.Row r : stats.rows()) {
            sb.append(String.format(Locale.ROOT, "%-" + idWidth + "s  %-46s  %-46s%n", r.pluginId(), Format.summary(r.accuracy(), "%.4f"),
                    Format.summary(r.trainSeconds(), "%.2f")));
        }
        sb.append("mean ± sample standard deviation [95% interval of the mean, Student's t] over the seeds each model succeeded "
                + "with (n); same data for every seed; train s: " + (results.plan().jmh() ? "JMH single shots" : "wall clock") + "\n");
        for (SeedStats.Pair p : stats.pairs()) {
            sb.append(String.format(Locale.ROOT, "  %s vs %s: accuracy difference %+.4f over %d seeds, %s%n", p.modelA(), p.modelB(),
                    p.test().meanDifference(), p.test().n(), p.test().pValue() == null ? "no p-value (the difference does not vary)"
                            : String.format(Locale.ROOT, "paired t-test p = %.3g (Holm %.3g)", p.test().pValue(), p.holmP())));
        }
        return sb.toString();
    }

    /** What the console says of a trial when it ends: its accuracy and times, or why it failed. */
    static String trialLine(TrialResult r) {
        if (!r.ok()) {
            return "FAILED: " + r.error();
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "accuracy %.4f, macro F1 %.4f, train %s (%s), predict %.2f s",
                r.metrics().accuracy(), r.metrics().macro().f1(), Format.seconds(r.times().trainSeconds()),
                r.timing() != null && r.timing().training() != null ? "JMH single shot" : "wall clock", r.times().predictSeconds()));
        if (r.timing() != null) {
            Timing t = r.timing();
            if (t.imagesPerSecond() != null) {
                sb.append(String.format(Locale.ROOT, ", %,.0f images/s", t.imagesPerSecond()));
            }
            if (t.single() != null) {
                sb.append(String.format(Locale.ROOT, ", one image p50 %s p99 %s µs", Format.number(t.single().percentiles().get("p50")),
                        Format.number(t.single().percentiles().get("p99"))));
            }
            if (!t.ok()) {
                sb.append("; timing failed: ").append(t.error());
            }
        }
        if (r.resources().peakRssBytes() != null) {
            sb.append(", peak memory ").append(r.resources().peakRssBytes() >> 20).append(" MiB");
        }
        if (r.times().trialSeconds() != null) {
            sb.append("; trial ").append(Format.duration(r.times().trialSeconds()));
        }
        return sb.toString();
    }
}
