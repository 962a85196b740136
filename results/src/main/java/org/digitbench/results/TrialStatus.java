package org.digitbench.results;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How a trial, or its timing, ended; written as {@code ok} or {@code failed} (with the reason beside it). */
public enum TrialStatus {
    OK, FAILED;

    /** The name in results.json and the report. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status of this name in results.json. */
    public static TrialStatus of(String id) {
        for (TrialStatus s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown trial status '" + id + "'; expected ok or failed");
    }

    @Override
    public String toString() {
        return id();
    }
}
