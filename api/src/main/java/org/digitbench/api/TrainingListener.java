package org.digitbench.api;

/**
 * Receives progress from a plugin while it trains, so the runner can show it. Plugins that have
 * natural steps (epochs, trees) report them; others report nothing and the runner shows elapsed time.
 */
@FunctionalInterface
public interface TrainingListener {
    /** A listener that ignores everything. */
    TrainingListener NONE = (unit, done, total) -> { };

    /**
     * @param unit  what is counted, e.g. "epoch" or "tree"
     * @param done  how many are finished
     * @param total how many there will be
     */
    void progress(String unit, long done, long total);
}
