package org.digitbench.run;

import org.digitbench.config.RunConfig;

import java.util.Map;
import java.util.OptionalDouble;

/** How long a trial is expected to take, for the time left in a run and for {@code --dry-run}. */
@FunctionalInterface
public interface Estimates {
    /** Knows nothing. */
    Estimates NONE = (pluginId, hyperparameters, config) -> OptionalDouble.empty();

    /**
     * The expected wall-clock seconds of one trial of this plugin with these (resolved) hyper-parameters in a run of
     * this configuration, if known.
     */
    OptionalDouble trialSeconds(String pluginId, Map<String, Object> hyperparameters, RunConfig config);
}
