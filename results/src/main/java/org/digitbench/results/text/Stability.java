package org.digitbench.results.text;

import org.digitbench.eval.MedianInterval;
import org.digitbench.eval.Statistics;
import org.digitbench.results.Measurement;
import org.digitbench.results.Timing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How far an inference figure can be trusted: the median of its measurement iterations with their order-statistic
 * interval ({@link MedianInterval}: 95%, or the iterations' range when there are too few of them to reach it, as with
 * five), and whether it is stable: an interval whose half-width is more than {@link #UNSTABLE_ABOVE} of the median is
 * marked unstable, with the reasons the results show (a busy machine: the trial started on one, or other processes
 * kept more than half the cores busy while it ran; too few iterations; garbage collection, when the iterations in
 * which the collector paused are the slow ones; a drift, when each iteration tends to be slower (or faster) than the
 * one before; and always how far the iterations disagree).
 * Computed from results.json alone (each measurement keeps its iterations' scores).
 *
 * @param interval the median and its interval, or {@code null} when the measurement kept no iteration scores
 * @param unstable whether the figure is not to be read as a bare number
 * @param reasons  why, in words; empty when stable
 */
public record Stability(MedianInterval interval, boolean unstable, List<String> reasons) {
    /** The confidence of the median's interval. */
    public static final double CONFIDENCE = 0.95;
    /** Relative half-width above which a figure is unstable. */
    public static final double UNSTABLE_ABOVE = 0.10;
    /** The significance at which the difference-sign test calls the iterations a drift. */
    static final double DRIFT_P = 0.001;
    /** Iterations the drift test needs (its normal approximation is poor for fewer; the plan measures 20). */
    static final int MIN_FOR_DRIFT = 10;

    public Stability {
        reasons = List.copyOf(reasons);
    }

    /** The stability of {@code m}, an inference measurement of {@code timing} (for the machine's load). */
    public static Stability of(Measurement m, Timing timing, int cores) {
        if (m == null || m.iterationScores() == null || m.iterationScores().isEmpty()) {
            return new Stability(null, false, List.of());
        }
        MedianInterval mi = MedianInterval.of(m.iterationScores().stream().mapToDouble(Double::doubleValue).toArray(), CONFIDENCE);
        List<String> reasons = new ArrayList<>();
        boolean wide = mi.relativeHalfWidth() > UNSTABLE_ABOVE;
        if (wide) {
            if (timing != null && Boolean.TRUE.equals(timing.busy()) || others(m) > cores / 2.0 && cores > 0) {
                reasons.add(String.format(Locale.ROOT, "busy machine (1-minute load %.2f → %.2f on %d cores%s)", m.loadBefore(),
                        m.loadAfter(), cores, m.estimate().cpuCores() == null ? ""
                                : String.format(Locale.ROOT, ", %.1f of them the benchmark's own JVM", m.estimate().cpuCores())));
            }
            if (!mi.reaches(CONFIDENCE)) {
                reasons.add(String.format(Locale.ROOT, "too few iterations (%d: the interval is their range, which covers the "
                        + "median with %.0f%%)", mi.n(), 100 * mi.coverage()));
            }
            String gc = collections(m);
            if (gc != null) {
                reasons.add(gc);
            }
            String drift = drift(m.iterationScores());
            if (drift != null) {
                reasons.add(drift);
            }
            Measurement.Remeasured first = m.iterations().remeasured();
            if (first != null) {
                reasons.add(String.format(Locale.ROOT, "measured twice: the first measurement (%d iterations of %s) was unstable "
                        + "from garbage collection, and this one, with iterations of %s to hold several pauses each, is too",
                        first.iterationScores().size(), first.iterationTime(), m.iterationTime()));
            }
            reasons.add(String.format(Locale.ROOT, "iterations disagree: ±%.0f%% of the median (JIT compilation, garbage "
                    + "collection or another process taking a core during the measurement)", 100 * mi.relativeHalfWidth()));
        }
        return new Stability(mi, wide, reasons);
    }

    /**
     * Why the collector's pauses make {@code m} unstable ("±22% of the median; garbage collection: …"): its interval is
     * wider than {@link #UNSTABLE_ABOVE} of the median and the iterations in which the collector paused are the slow
     * ones ({@link #collections}); {@code null} otherwise, or when the measurement kept no iterations or pauses.
     */
    public static String collectorBound(Measurement m) {
        if (m == null || m.iterationScores() == null || m.iterationScores().size() < 2) {
            return null;
        }
        MedianInterval mi = MedianInterval.of(m.iterationScores().stream().mapToDouble(Double::doubleValue).toArray(), CONFIDENCE);
        String gc = mi.relativeHalfWidth() > UNSTABLE_ABOVE ? collections(m) : null;
        return gc == null ? null : String.format(Locale.ROOT, "±%.0f%% of the median; %s", 100 * mi.relativeHalfWidth(), gc);
    }

    /**
     * "garbage collection: …" when the iterations in which the collector paused (the profile's per-iteration pauses)
     * are the slow ones: their median is more than {@link #UNSTABLE_ABOVE} above that of the others; else {@code null}.
     */
    static String collections(Measurement m) {
        List<Double> gc = m.estimate().profile().iterationGcMillis();
        List<Double> scores = m.iterationScores();
        if (gc == null || gc.size() != scores.size()) {
            return null;
        }
        List<Double> paused = new ArrayList<>();
        List<Double> others = new ArrayList<>();
        double longest = 0;
        for (int i = 0; i < scores.size(); i++) {
            (gc.get(i) > 0 ? paused : others).add(scores.get(i));
            longest = Math.max(longest, gc.get(i));
        }
        if (paused.isEmpty() || others.isEmpty()) {
            return null;
        }
        double slower = median(paused) / median(others) - 1;
        if (!(slower > UNSTABLE_ABOVE)) {
            return null;
        }
        return String.format(Locale.ROOT, "garbage collection: the %d of %d iterations in which the collector paused (up to "
                + "%.0f ms) took %.0f%% longer than the others (median against median)", paused.size(), scores.size(), longest,
                100 * slower);
    }

    /**
     * "iterations drift: …" when the iterations grow steadily slower or faster, by the difference-sign test at the
     * 0.1% level (a model that slows with use, or one not yet at steady state); else {@code null}.
     */
    static String drift(List<Double> scores) {
        if (scores.size() < MIN_FOR_DRIFT) {
            return null;
        }
        Statistics.DifferenceSign t = Statistics.DifferenceSign.of(scores.stream().mapToDouble(Double::doubleValue).toArray());
        if (t.pValue() >= DRIFT_P) {
            return null;
        }
        return String.format(Locale.ROOT, "iterations drift: each %s than the one before in %d of %d steps (difference-sign test, "
                + "p = %.1g): %s", t.z() > 0 ? "slower" : "faster", t.z() > 0 ? t.ups() : t.steps() - t.ups(), t.steps(),
                t.pValue(), t.z() > 0 ? "the model slows down with use" : "the prediction path had not reached steady state");
    }

    private static double median(List<Double> values) {
        return MedianInterval.of(values.stream().mapToDouble(Double::doubleValue).toArray(), 0.5).median();
    }

    /**
     * The load of other processes while the benchmark ran: the 1-minute load average less the cores the benchmark's JVM
     * kept busy (a prediction on every core makes the load the core count by itself); 0 when the measurement does not say
     * how many cores its JVM used (runs before it was recorded), where only the trial's start can say the machine was busy.
     */
    private static double others(Measurement m) {
        Double own = m.estimate().cpuCores();
        return own == null ? 0 : Math.max(m.loadBefore(), m.loadAfter()) - own;
    }

    /**
     * "25.0 [24.5, 25.5]" in the figure's unit as {@link Format#number} writes numbers, followed by " unstable: reasons"
     * when it is; {@code fallback} when the measurement kept no iterations.
     */
    public String text(String fallback) {
        return interval == null || !unstable ? figure(fallback) : figure(fallback) + " unstable: " + String.join("; ", reasons);
    }

    /** "25.0 [24.5, 25.5]" without the mark; {@code fallback} when the measurement kept no iterations. */
    public String figure(String fallback) {
        return interval == null ? fallback : Format.number(interval.median()) + " [" + Format.number(interval.low()) + ", "
                + Format.number(interval.high()) + "]";
    }
}
