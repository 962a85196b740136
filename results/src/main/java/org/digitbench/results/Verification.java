package org.digitbench.results;

import java.time.Instant;
import java.util.List;

/**
 * What {@code digitbench verify} found: the run's trials trained again, their predictions held against the ones the
 * run recorded ({@code verification.json} in the run folder; the report shows it).
 *
 * @param checkedAt when the check ended
 * @param checkRun  the run folder, inside {@code verify/} of the run, that holds the trials trained again
 * @param trials    each trial checked
 */
public record Verification(Instant checkedAt, String checkRun, List<Check> trials) {
    /** The file in the run folder. */
    public static final String FILE = "verification.json";

    public Verification {
        trials = List.copyOf(trials);
    }

    /** Whether every trial checked predicted exactly what the run recorded. */
    public boolean allIdentical() {
        return trials.stream().allMatch(c -> c.status() == Status.IDENTICAL);
    }

    /** How a trial's check ended. */
    public enum Status {
        /** every prediction the same */
        IDENTICAL,
        /** some predictions differ */
        DIFFERENT,
        /** it could not be trained again (or the run has no predictions of it) */
        FAILED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One trial's check.
     *
     * @param pluginId    the plugin
     * @param seed        the seed
     * @param status      identical, different or failed
     * @param compared    predictions compared (the test images)
     * @param differing   how many differ
     * @param first       the first test image that differs, or {@code null}
     * @param environment where the run's environment and the check's differ ({@code "java: 25.0.1 ≠ 25.0.2"}), empty when
     *                    they agree
     * @param error       why it failed, or {@code null}
     */
    public record Check(String pluginId, long seed, Status status, int compared, int differing, Difference first,
                        List<String> environment, String error) {
        public Check {
            environment = environment == null ? List.of() : List.copyOf(environment);
        }
    }

    /**
     * A test image the two predicted differently.
     *
     * @param index the image's index in the test set
     * @param was   the label the run predicted
     * @param now   the label the check predicted
     */
    public record Difference(int index, int was, int now) {
    }
}
