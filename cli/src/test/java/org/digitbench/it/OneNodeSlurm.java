package org.digitbench.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The one-node Slurm cluster of {@code scripts/slurm-one-node}, for {@link SlurmIT}: started once, stopped at the
 * end. Under CI ({@code CI=true}) it must start; elsewhere a machine without Slurm, or without root, skips the tests.
 */
final class OneNodeSlurm {
    private static final Path DIR = Path.of(System.getProperty("digitbench.slurm.dir", "target/slurm"));
    private static final Path SCRIPT = Path.of(System.getProperty("digitbench.slurm.script", "../scripts/slurm-one-node"));
    private static boolean started;

    private OneNodeSlurm() {
    }

    static synchronized void start() throws IOException, InterruptedException {
        if (started) {
            return;
        }
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!ci) {
            Assumptions.assumeTrue(onPath("slurmctld") && onPath("munged"),
                    "SlurmIT skipped: no Slurm here (apt-get install slurm-wlm munge; CI=true makes this a failure)");
            Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                    "SlurmIT skipped: scripts/slurm-one-node needs root (CI=true makes this a failure)");
        }
        String expected = DIR.toAbsolutePath().resolve("slurm.conf").toString();
        if (!expected.equals(System.getenv("SLURM_CONF"))) {
            throw new IllegalStateException("SLURM_CONF must be " + expected + " (cli/pom.xml sets it for the integration tests), "
                    + "is " + System.getenv("SLURM_CONF"));
        }
        Result r = exec(List.of("bash", SCRIPT.toString(), "start", DIR.toString()), 180);
        if (r.code != 0) {
            throw new IllegalStateException("the one-node Slurm cluster did not start (" + SCRIPT + " start " + DIR + ", exit code "
                    + r.code + "):\n" + r.output);
        }
        started = true;
        Runtime.getRuntime().addShutdownHook(new Thread(OneNodeSlurm::stop));
    }

    static void stop() {
        try {
            exec(List.of("bash", SCRIPT.toString(), "stop", DIR.toString()), 60);
        } catch (IOException | InterruptedException ignored) {
            // the JVM is ending
        }
    }

    /** Runs a command with the cluster's configuration; its exit code and output. */
    static Result exec(List<String> command, int seconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("slurm-cmd", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out: " + Files.readString(log, StandardCharsets.UTF_8));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Result(p.exitValue(), out);
    }

    record Result(int code, String output) {
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", command));
    }
}
