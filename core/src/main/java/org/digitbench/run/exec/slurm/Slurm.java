package org.digitbench.run.exec.slurm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Slurm commands the executor uses: {@link SlurmCommands} runs the real ones, tests give their own. */
public interface Slurm {
    /**
     * A job or array task as Slurm reports it.
     *
     * @param state    Slurm's job state: PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, TIMEOUT, OUT_OF_MEMORY, ...
     * @param reason   why it waits or ended, or {@code null}
     * @param node     the node it runs or ran on, or {@code null}
     * @param exitCode the script's exit code and the signal that ended it ({@code 0:15}), or {@code null}
     */
    record Job(String state, String reason, String node, String exitCode) {
        public boolean waiting() {
            return "PENDING".equals(state) || "CONFIGURING".equals(state) || "REQUEUED".equals(state);
        }
    }

    /**
     * Submits a batch script ({@code sbatch --parsable}).
     *
     * @return the job id
     */
    String submit(Path script);

    /** The jobs of this name still queued, running or completing, by id ({@code 12_3} for array task 3 of job 12). */
    Map<String, Job> queue(String jobName);

    /** What Slurm still knows of a job that left the queue ({@code scontrol show job}, else {@code sacct}). */
    Optional<Job> ended(String jobId);

    /** Cancels jobs or array tasks ({@code scancel}). */
    void cancel(List<String> jobIds);

    /** The cores of each node of the partition ({@code null}: the default one). */
    List<Integer> nodeCores(String partition);
}
