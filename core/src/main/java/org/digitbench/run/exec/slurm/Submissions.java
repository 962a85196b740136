package org.digitbench.run.exec.slurm;

import org.digitbench.results.store.ResultsStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a run submitted to Slurm, kept in {@code work/slurm/submissions.json}: how a later driver finds its tasks. */
public final class Submissions {
    /** The file, in {@code work/slurm/}. */
    public static final String FILE = "submissions.json";

    private Submissions() {
    }

    /** One trial's array task. */
    public record Task(String trialId, String jobId, int index, Path log) {
        public String id() {
            return jobId + "_" + index;
        }
    }

    /**
     * One {@code sbatch} of the run: its array job, the marker job it waited for, and trial {@code i} of the list as
     * array task {@code i}.
     */
    public record Submission(String jobId, String markerJobId, Instant submittedAt, List<String> trials, String script) {
    }

    static Optional<Task> latest(List<Submission> submissions, String trialId, Path dir) {
        for (int s = submissions.size() - 1; s >= 0; s--) {
            int i = submissions.get(s).trials().indexOf(trialId);
            if (i >= 0) {
                String job = submissions.get(s).jobId();
                return Optional.of(new Task(trialId, job, i, dir.resolve(job + "_" + i + ".out")));
            }
        }
        return Optional.empty();
    }

    /** The run's submissions, oldest first; none when it made none. */
    public static List<Submission> read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        return Arrays.asList(ResultsStore.readJson(file, Submission[].class));
    }
}
