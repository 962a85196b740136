package org.digitbench.results.text;

import org.digitbench.eval.Statistics;
import org.digitbench.results.Measurement;
import org.digitbench.results.Plan;

import java.util.Locale;

/** Numbers, durations and measurements as the console, the report and the README print them. */
public final class Format {
    private Format() {
    }

    /** What {@code --jobs} did to every time of the run, said wherever its times are shown. */
    public static String concurrentNote(Plan plan) {
        return "every trial ran while up to " + (plan.jobs() - 1) + " other" + (plan.jobs() == 2 ? "" : "s") + " did (--jobs "
                + plan.jobs() + ", each on its own cores): its times were taken concurrently; compare them with a run of one "
                + "trial at a time only with that in mind";
    }

    /** A fraction as a percentage with at most two decimals and no trailing zeros: 0.97 "97%", 0.98125 "98.13%". */
    public static String percent(double fraction) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.2f", 100 * fraction)).stripTrailingZeros().toPlainString() + "%";
    }

    /** Seconds with digits to match: "0.23 s", "4.1 s", "123 s"; "–" for none. */
    public static String seconds(Double s) {
        if (s == null) {
            return "–";
        }
        return s >= 100 ? String.format(Locale.ROOT, "%.0f s", s) : s >= 1 ? String.format(Locale.ROOT, "%.1f s", s)
                : String.format(Locale.ROOT, "%.2f s", s);
    }

    /** "0.9812 ± 0.0011 [0.9790, 0.9834] (n = 3)", or "0.9812 (n = 1)"; {@code digits} a format such as "%.4f". */
    public static String summary(Statistics.Summary s, String digits) {
        if (s == null) {
            return "–";
        }
        if (s.sd() == null) {
            return String.format(Locale.ROOT, digits + " (n = 1)", s.mean());
        }
        return String.format(Locale.ROOT, digits + " ± " + digits + " [" + digits + ", " + digits + "] (n = %d)", s.mean(), s.sd(),
                s.ciLow(), s.ciHigh(), s.n());
    }

    /** "12.35 ± 0.68" followed by {@code unit}, or the score alone without an error, or "-"; digits as {@link #number}. */
    public static String scoreWithError(Measurement m, String unit) {
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

    /** A rate in three significant figures at most: "8.4", "412", "13.1k", "231k", "1.20M". */
    public static String compact(double v) {
        double a = Math.abs(v);
        if (a >= 1e6) {
            return String.format(Locale.ROOT, a >= 1e7 ? "%.1fM" : "%.2fM", v / 1e6);
        }
        if (a >= 1e3) {
            return String.format(Locale.ROOT, a >= 1e5 ? "%.0fk" : a >= 1e4 ? "%.1fk" : "%.2fk", v / 1e3);
        }
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
    }

    /** A size in bytes, binary units: "812 B", "41.3 KiB", "2.4 MiB", "1.2 GiB". */
    public static String bytes(double b) {
        String[] units = {"B", "KiB", "MiB", "GiB"};
        int u = 0;
        while (b >= 1024 && u < units.length - 1) {
            b /= 1024;
            u++;
        }
        return u == 0 ? String.format(Locale.ROOT, "%.0f B", b) : String.format(Locale.ROOT, b >= 100 ? "%.0f %s" : "%.1f %s", b, units[u]);
    }

    /** "25 s", "3 min 05 s", "4 h 00 min". */
    public static String duration(double seconds) {
        java.time.Duration d = java.time.Duration.ofSeconds(Math.round(seconds));
        return d.toHours() > 0 ? String.format(Locale.ROOT, "%d h %02d min", d.toHours(), d.toMinutesPart())
                : d.toMinutes() > 0 ? String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart())
                : d.toSeconds() + " s";
    }

    /** A failure in one line, with a hint where the cause is a known setup problem. */
    public static String failure(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            sb.append(": ").append(e.getMessage().lines().findFirst().orElse(""));
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("openblas")) {
                sb.append(" (Smile could not load OpenBLAS: see the README's requirements)");
                break;
            }
        }
        if (e instanceof OutOfMemoryError) {
            sb.append(" (give the JVM more heap, e.g. --worker-jvm-arg=-Xmx16g, or use a smaller --train-size)");
        }
        return sb.toString();
    }
}
