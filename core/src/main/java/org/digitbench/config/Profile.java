package org.digitbench.config;

import org.digitbench.api.DigitbenchException;

import java.util.Arrays;

/**
 * Named data sizes. {@code quick} trains on a seeded stratified subset to try things out in
 * minutes; {@code full} uses the whole 60,000/10,000 MNIST split. Hyper-parameters are the same.
 */
public enum Profile {
    QUICK("quick", 2_000, 1_000, "stratified 2,000 training / 1,000 test images: every plugin, timed, in 4 to 5 minutes"),
    FULL("full", 60_000, 10_000, "the whole 60,000 / 10,000 MNIST split");

    private final String id;
    private final int trainSize;
    private final int testSize;
    private final String description;

    Profile(String id, int trainSize, int testSize, String description) {
        this.id = id;
        this.trainSize = trainSize;
        this.testSize = testSize;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public int trainSize() {
        return trainSize;
    }

    public int testSize() {
        return testSize;
    }

    /** A quick run's share of another dataset's training images: MNIST's 2,000 of 60,000. */
    static final int QUICK_TRAIN_SHARE = 30;
    /** A quick run's share of another dataset's test images: MNIST's 1,000 of 10,000. */
    static final int QUICK_TEST_SHARE = 10;

    /** Of {@code available} images of a dataset other than MNIST: all for full, one in {@code share} (at least 10) for quick. */
    int share(int available, int share) {
        return this == FULL ? available : Math.min(available, Math.max(10, (int) Math.ceil(available / (double) share)));
    }

    /**
     * Images per corruption of the robustness suite: 500 for full (a Wilson half-width of about 2.6 points at 90%
     * accuracy, and what the full run's hour affords: the RBF SVMs predict at 11 to 16 ms an image), 100 for quick.
     */
    public int robustnessImages() {
        return this == FULL ? 500 : 100;
    }

    public String description() {
        return description;
    }

    public static Profile of(String id) {
        for (Profile p : values()) {
            if (p.id.equalsIgnoreCase(id)) {
                return p;
            }
        }
        throw new DigitbenchException("unknown profile '" + id + "'; expected one of "
                + String.join(", ", Arrays.stream(values()).map(Profile::id).toList()));
    }
}
