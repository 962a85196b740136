package org.digitbench.results;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a run stands: {@code running} until its last trial has a result, then {@code complete}. */
public enum RunStatus {
    RUNNING, COMPLETE;

    /** The name in results.json and the report. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status of this name in results.json. */
    public static RunStatus of(String id) {
        for (RunStatus s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown run status '" + id + "'; expected running or complete");
    }

    @Override
    public String toString() {
        return id();
    }
}
