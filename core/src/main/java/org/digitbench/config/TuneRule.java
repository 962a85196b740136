package org.digitbench.config;

import org.digitbench.api.DigitbenchException;
import org.digitbench.results.TuneResults;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How {@code digitbench tune} chooses a plugin's configuration among those trained on the whole training set:
 * {@code best} (the highest validation accuracy, the faster on a tie), {@code best-within=DURATION} (the highest
 * accuracy among those that trained within the time, e.g. {@code best-within=60s}), {@code fastest-within=POINTS}
 * (the fastest whose accuracy is within that many percentage points of the best; the default, with 0.1), or
 * {@code fastest-above=ACCURACY} (the fastest whose validation accuracy is at least that, e.g. an accuracy floor:
 * {@code fastest-above=0.971}; none when no configuration reaches it).
 *
 * @param kind   {@code best}, {@code best-within}, {@code fastest-within} or {@code fastest-above}
 * @param amount seconds for {@code best-within}, percentage points for {@code fastest-within}, an accuracy (0 to 1)
 *               for {@code fastest-above}, else 0
 */
public record TuneRule(String kind, double amount) {
    public static final TuneRule DEFAULT = new TuneRule("fastest-within", 0.1);

    public TuneRule {
        if (!List.of("best", "best-within", "fastest-within", "fastest-above").contains(kind) || amount < 0 || Double.isNaN(amount)
                || kind.equals("fastest-above") && amount > 1) {
            throw new IllegalArgumentException("a tuning rule is best, best-within=DURATION, fastest-within=POINTS or "
                    + "fastest-above=ACCURACY (0 to 1)");
        }
    }

    /** Parses {@code --rule}. */
    public static TuneRule parse(String text) {
        String t = text.strip();
        try {
            if (t.equals("best")) {
                return new TuneRule("best", 0);
            }
            if (t.startsWith("best-within=")) {
                return new TuneRule("best-within", seconds(t.substring("best-within=".length())));
            }
            if (t.startsWith("fastest-within=")) {
                return new TuneRule("fastest-within", Double.parseDouble(t.substring("fastest-within=".length())));
            }
            if (t.startsWith("fastest-above=")) {
                return new TuneRule("fastest-above", Double.parseDouble(t.substring("fastest-above=".length())));
            }
        } catch (IllegalArgumentException e) {
            // said below
        }
        throw new DigitbenchException("--rule " + text + ": expected best, best-within=DURATION (e.g. best-within=60s), "
                + "fastest-within=POINTS (e.g. fastest-within=0.1, percentage points of validation accuracy) or "
                + "fastest-above=ACCURACY (e.g. fastest-above=0.971, a validation accuracy from 0 to 1)");
    }

    /** {@code 90s}, {@code 2m} or {@code 1h} in seconds. */
    private static double seconds(String text) {
        var m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(s|m|h)").matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(text);
        }
        double n = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "s" -> n;
            case "m" -> n * 60;
            default -> n * 3600;
        };
    }

    /** The index of the configuration the rule chooses among {@code candidates} (finished ones), or {@code null}. */
    public Integer choose(List<TuneResults.Configuration> all, List<Integer> candidates) {
        Comparator<Integer> accuracy = Comparator.comparingDouble(i -> all.get(i).accuracy());
        Comparator<Integer> faster = Comparator.comparingDouble(i -> all.get(i).trainSeconds());
        return switch (kind) {
            case "best" -> candidates.stream().max(accuracy.thenComparing(faster.reversed())).orElse(null);
            case "best-within" -> candidates.stream().filter(i -> all.get(i).trainSeconds() <= amount)
                    .max(accuracy.thenComparing(faster.reversed())).orElse(null);
            case "fastest-above" -> candidates.stream().filter(i -> all.get(i).accuracy() >= amount - 1e-12).min(faster).orElse(null);
            default -> {
                double best = candidates.stream().mapToDouble(i -> all.get(i).accuracy()).max().orElse(Double.NaN);
                yield candidates.stream().filter(i -> all.get(i).accuracy() >= best - amount / 100 - 1e-12).min(faster).orElse(null);
            }
        };
    }

    /** The rule as {@code --rule} takes it: {@code best}, {@code best-within=60s}, {@code fastest-above=0.971}. */
    public String text() {
        return switch (kind) {
            case "best" -> "best";
            case "best-within" -> String.format(Locale.ROOT, "best-within=%.0fs", amount);
            default -> kind + "=" + BigDecimal.valueOf(amount).stripTrailingZeros().toPlainString();
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case "best" -> "the highest validation accuracy (the faster training on a tie)";
            case "best-within" -> String.format(Locale.ROOT, "the highest validation accuracy among trainings of at most %.0f s", amount);
            case "fastest-above" -> String.format(Locale.ROOT, "the fastest training with a validation accuracy of at least %.4f", amount);
            default -> String.format(Locale.ROOT, "the fastest training within %.2g percentage points of the best validation accuracy", amount);
        };
    }
}
