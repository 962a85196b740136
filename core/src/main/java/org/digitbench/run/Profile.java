package org.digitbench.run;

import java.util.Arrays;
import org.digitbench.api.DigitbenchException;

/**
 * Named data sizes. {@code quick} trains on a seeded stratified subset to try things out in
 * minutes; {@code full} uses the whole 60,000/10,000 MNIST split. Hyper-parameters are the same.
 */
public enum Profile {
    QUICK("quick", 2_000, 1_000, "stratified 2,000 training / 1,000 test images: every plugin, timed, in about 5 minutes"),
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
