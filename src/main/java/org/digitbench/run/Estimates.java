package org.digitbench.run;

import java.util.OptionalDouble;

/** How long a trial is expected to take, for the time left in a run and for {@code --dry-run}. */
@FunctionalInterface
public interface Estimates {
    /** Knows nothing. */
    Estimates NONE = (pluginId, config) -> OptionalDouble.empty();

    /** The expected wall-clock seconds of one trial of this plugin in a run of this configuration, if known. */
    OptionalDouble trialSeconds(String pluginId, RunConfig config);
}
