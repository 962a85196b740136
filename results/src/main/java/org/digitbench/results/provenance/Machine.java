package org.digitbench.results.provenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a trial ran, seen from inside its JVM: what its times can be compared with.
 *
 * @param host             the host name
 * @param cpuModel         the CPU's model name ({@code /proc/cpuinfo}), or {@code null} where it cannot be read
 * @param cores            the processors the JVM may use ({@code --jobs} pins a trial to its share)
 * @param coreIds          the cores the process is allowed on ({@code Cpus_allowed_list}), or {@code null} off Linux
 * @param maxHeapBytes     the JVM's maximum heap
 * @param slurmJobId       Slurm's job id, when the trial ran as a Slurm job
 * @param slurmArrayTaskId its array task id, when it was one task of an array
 */
public record Machine(String host, String cpuModel, int cores, String coreIds, long maxHeapBytes, String slurmJobId,
                      String slurmArrayTaskId) {

    /** This JVM's machine. */
    public static Machine current() {
        return new Machine(hostName(), procLine(Path.of("/proc/cpuinfo"), "model name").orElse(null),
                Runtime.getRuntime().availableProcessors(), procLine(Path.of("/proc/self/status"), "Cpus_allowed_list").orElse(null),
                Runtime.getRuntime().maxMemory(), System.getenv("SLURM_JOB_ID"), System.getenv("SLURM_ARRAY_TASK_ID"));
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown");
        }
    }

    /** The value of the first {@code key: value} line of a /proc file. */
    static Optional<String> procLine(Path file, String key) {
        try (var lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith(key)).findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
