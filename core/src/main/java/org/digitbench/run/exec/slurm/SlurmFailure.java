package org.digitbench.run.exec.slurm;

import org.digitbench.run.exec.LocalJvmExecutor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** Why an array task ended without a result: Slurm's state and reason, else what the trial's JVM left in its log. */
final class SlurmFailure {
    private SlurmFailure() {
    }

    /**
     * @param runDir      the run folder, for paths relative to it ({@code null}: as they are)
     * @param timeMinutes the {@code --time} the task had, or {@code null} when not known here
     * @param memMb       the {@code --mem} it had, or 0 when not known here
     */
    static String why(Submissions.Task task, Optional<Slurm.Job> ended, String tail, Path crashLog, Path runDir, Long timeMinutes,
                      long memMb) {
        String where = " (Slurm job " + task.id() + (ended.map(Slurm.Job::node).map(n -> " on " + n).orElse("")) + "; log "
                + (runDir == null ? task.log() : runDir.relativize(task.log())) + ")";
        if (ended.isEmpty() && !Files.exists(task.log())) {
            // a pending array task that is cancelled leaves no record at all where the cluster keeps no accounting
            return "cancelled in Slurm before it started (scancel, by a user or the cluster): Slurm no longer lists it, and it "
                    + "never wrote its log" + where;
        }
        if (ended.isEmpty()) {
            String last = LocalJvmExecutor.why(1, tail, crashLog);
            return "its Slurm job left the queue without a result, and Slurm no longer says how it ended (its log's last word: "
                    + (last.contains(": ") ? last.substring(last.indexOf(": ") + 2) : "none") + ")" + where;
        }
        Slurm.Job j = ended.get();
        String state = j.state() == null ? "UNKNOWN" : j.state();
        return switch (state) {
            case "TIMEOUT" -> "timed out: Slurm stopped it at its time limit (--time=" + (timeMinutes == null ? "the partition's"
                    : timeMinutes + " min, from --timeout") + ")" + where;
            case "CANCELLED" -> "cancelled in Slurm before it finished (scancel, by a user or the cluster)"
                    + (j.reason() == null ? "" : ", reason " + j.reason()) + where;
            case "OUT_OF_MEMORY" -> "ran out of memory: Slurm's limit --mem=" + (memMb == 0 ? "?" : memMb + "M")
                    + " (--mem-per-trial) was reached" + where;
            case "NODE_FAIL", "BOOT_FAIL", "PREEMPTED", "DEADLINE" -> "Slurm ended it: " + state + where;
            default -> {
                int code = 1;
                String[] parts = j.exitCode() == null ? new String[0] : j.exitCode().split(":");
                try {
                    code = parts.length == 2 && !"0".equals(parts[1]) ? 128 + Integer.parseInt(parts[1]) : Integer.parseInt(parts[0]);
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException ignored) {
                    // keep 1
                }
                yield LocalJvmExecutor.why(code, tail, crashLog) + ", Slurm state " + state + where;
            }
        };
    }

    /** The last 16 KiB of a task's log, or nothing. */
    static String tail(Path log) {
        try {
            byte[] bytes = Files.readAllBytes(log);
            int from = Math.max(0, bytes.length - 16_384);
            return new String(Arrays.copyOfRange(bytes, from, bytes.length), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
