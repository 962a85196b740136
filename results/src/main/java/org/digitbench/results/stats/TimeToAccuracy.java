package org.digitbench.results.stats;

import org.digitbench.api.EpochStats;

import java.util.ArrayList;
import java.util.List;

/**
 * How long a model that learns in steps (a network's epochs) took to first reach an accuracy on its validation split,
 * as DAWNBench reports time to accuracy: the training time summed over the epochs up to and including the first whose
 * validation accuracy is at least the target (each epoch's wall-clock training, without its evaluation), from the
 * history in results.json alone.
 */
public final class TimeToAccuracy {
    /** The accuracies asked for when the user names none. */
    public static final List<Double> DEFAULT_TARGETS = List.of(0.97, 0.98);

    private TimeToAccuracy() {
    }

    /**
     * One target: reached at an epoch after so many seconds of training, or not reached ({@code epoch} and
     * {@code seconds} null).
     */
    public record Reached(double target, Integer epoch, Double seconds) {
        public boolean reached() {
            return epoch != null;
        }
    }

    /** Each target's first epoch and training time; empty when the history has no validation accuracy. */
    public static List<Reached> of(List<EpochStats> history, List<Double> targets) {
        if (history == null || history.isEmpty() || history.stream().allMatch(e -> e.validationAccuracy() == null)) {
            return List.of();
        }
        List<Reached> reached = new ArrayList<>();
        for (double target : targets) {
            double seconds = 0;
            Reached r = new Reached(target, null, null);
            for (EpochStats e : history) {
                seconds += e.seconds();
                if (e.validationAccuracy() != null && e.validationAccuracy() >= target) {
                    r = new Reached(target, e.epoch(), seconds);
                    break;
                }
            }
            reached.add(r);
        }
        return reached;
    }

    /** Targets from the command line: fractions in (0, 1], e.g. "0.97,0.98"; a clear message for anything else. */
    public static List<Double> parse(String text) {
        List<Double> targets = new ArrayList<>();
        for (String part : text.split(",")) {
            double t;
            try {
                t = Double.parseDouble(part.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not a number");
            }
            if (!(t > 0 && t <= 1)) {
                throw new IllegalArgumentException(part.strip() + " is not an accuracy between 0 and 1 (e.g. 0.97)");
            }
            targets.add(t);
        }
        return List.copyOf(targets);
    }
}
