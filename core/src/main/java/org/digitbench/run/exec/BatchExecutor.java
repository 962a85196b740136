package org.digitbench.run.exec;

import org.digitbench.results.store.RunFolder;
import org.digitbench.trial.TrialSpec;

import java.util.List;

/**
 * An executor that hands all of a run's trials to a batch system at once ({@code --executor slurm}) and then waits
 * for each: the driver calls {@link #submit} with every trial still to run, then {@link #run} for each of them (from
 * threads of its own, so trials finish in any order), then {@link #close}.
 */
public interface BatchExecutor extends TrialExecutor, AutoCloseable {
    /**
     * Submits the trials, or takes over those a previous submission of the run still has queued or running.
     *
     * @param folder the run folder, which the batch system's nodes must see
     */
    void submit(RunFolder folder, List<TrialSpec> specs);

    /** Whether the driver stops after submitting ({@code --detach}): the trials' results are gathered later. */
    boolean detached();

    /** The trials are all done, or the driver is stopping. */
    @Override
    void close();
}
