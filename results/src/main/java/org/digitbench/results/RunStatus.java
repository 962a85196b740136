package org.digitbench.results;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Where a run stands: {@code running} until its last trial has a result, then {@code complete}; {@code stopped} when
 * its digitbench was stopped (Ctrl-C, SIGTERM) before that, until {@code --resume} goes on with it.
 */
public enum RunStatus {
    RUNNING, COMPLETE, STOPPED;

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
        throw new IllegalArgumentException("unknown run status '" + id + "'; expected running, complete or stopped");
    }

    @Override
    public String toString() {
        return id();
    }
}
