package org.digitbench.cli;

import org.digitbench.api.DigitbenchException;
import org.digitbench.run.exec.slurm.SlurmOptions;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/** Where a run's trials run: here, one at a time ({@code local}), or as Slurm array tasks ({@code slurm}). */
final class ExecutorOptions {
    /** The keys a {@code --slurm-config} file may have: the options' names without their dashes. */
    static final Set<String> CONFIG_KEYS = Set.of("partition", "account", "qos", "cores-per-trial", "mem-per-trial", "exclusive",
            "throttle", "sbatch-args", "poll");

    @Option(names = "--executor", paramLabel = "local|slurm", defaultValue = "local",
            description = {"local: each trial in its own JVM on this machine (default); slurm: each trial one task of an sbatch",
                    "--array job, on a cluster whose nodes share the run folder (-o) and have this JDK at the same path;",
                    "see docs/slurm.md"})
    String executor;

    @Option(names = "--cores-per-trial", paramLabel = "N",
            description = "slurm: --cpus-per-task of each trial; default: all cores of the partition's smallest node (clean timings)")
    Integer coresPerTrial;

    @Option(names = "--mem-per-trial", paramLabel = "SIZE", description = {"slurm: --mem of each trial, e.g. 12G; default: the trial",
            "JVM's -Xmx plus 4G for the libraries' native memory (DL4J's reached 2.4 GB beyond its heap)"})
    String memPerTrial;

    @Option(names = "--exclusive", description = "slurm: give each trial a node of its own (sbatch --exclusive)")
    boolean exclusive;

    @Option(names = "--partition", paramLabel = "NAME", description = "slurm: the partition to submit to")
    String partition;

    @Option(names = "--account", paramLabel = "NAME", description = "slurm: the account to charge")
    String account;

    @Option(names = "--qos", paramLabel = "NAME", description = "slurm: the quality of service")
    String qos;

    @Option(names = "--sbatch-arg", paramLabel = "OPTION",
            description = "slurm: another sbatch option for the trials (repeatable), e.g. --sbatch-arg=--constraint=avx2")
    List<String> sbatchArgs = new ArrayList<>();

    @Option(names = "--throttle", paramLabel = "N", description = "slurm: at most N trials at once (--array=...%%N)")
    Integer throttle;

    @Option(names = "--detach", description = "slurm: submit the trials and exit; digitbench collect RUN gathers them later")
    boolean detach;

    @Option(names = "--poll", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "slurm: how often to ask Slurm about the trials; default: 10s")
    Duration poll;

    @Option(names = "--slurm-config", paramLabel = "FILE", description = {"slurm: a properties file with defaults for the",
            "options above (partition=, account=, qos=, cores-per-trial=, mem-per-trial=, exclusive=, throttle=,",
            "sbatch-args= separated by spaces, poll=); the command line wins"})
    Path slurmConfig;

    /** {@code null} for the local executor. */
    SlurmOptions slurm() {
        boolean slurm = switch (executor) {
            case "local" -> false;
            case "slurm" -> true;
            default -> throw new DigitbenchException("--executor " + executor + ": expected local or slurm");
        };
        if (!slurm) {
            if (coresPerTrial != null || memPerTrial != null || exclusive || partition != null || account != null || qos != null
                    || !sbatchArgs.isEmpty() || throttle != null || detach || poll != null || slurmConfig != null) {
                throw new DigitbenchException("the Slurm options (--cores-per-trial, --mem-per-trial, --exclusive, --partition, "
                        + "--account, --qos, --sbatch-arg, --throttle, --detach, --poll, --slurm-config) need --executor slurm");
            }
            return null;
        }
        Properties file = slurmConfig == null ? new Properties() : read(slurmConfig);
        SlurmOptions options;
        try {
            String mem = memPerTrial != null ? memPerTrial : file.getProperty("mem-per-trial");
            List<String> args = new ArrayList<>();
            if (file.getProperty("sbatch-args") != null) {
                args.addAll(Arrays.stream(file.getProperty("sbatch-args").strip().split("\\s+")).filter(s -> !s.isEmpty()).toList());
            }
            args.addAll(sbatchArgs);
            String pollText = file.getProperty("poll");
            var request = new SlurmOptions.Request(coresPerTrial != null ? coresPerTrial : integer(file, "cores-per-trial"),
                    mem == null ? null : SlurmOptions.parseMb(mem, "--mem-per-trial"),
                    exclusive || Boolean.parseBoolean(file.getProperty("exclusive", "false").strip()));
            var queue = new SlurmOptions.Queue(partition != null ? partition : file.getProperty("partition"),
                    account != null ? account : file.getProperty("account"), qos != null ? qos : file.getProperty("qos"));
            options = new SlurmOptions(request, queue, args, throttle != null ? throttle : integer(file, "throttle"), detach,
                    poll != null ? poll : pollText == null ? null : new DurationConverter().convert(pollText.strip()), false);
        } catch (IllegalArgumentException | picocli.CommandLine.TypeConversionException e) {
            throw new DigitbenchException(e.getMessage() + (slurmConfig == null ? "" : " (options and " + slurmConfig + ")"), e);
        }
        if (!onPath("sbatch")) {
            throw new DigitbenchException("--executor slurm needs Slurm's commands (sbatch, squeue, scontrol, scancel, sinfo) on "
                    + "the PATH: run digitbench on the cluster's login node (see docs/slurm.md)");
        }
        return options;
    }

    static boolean onPath(String command) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, command))) {
                return true;
            }
        }
        return false;
    }

    private static Integer integer(Properties file, String key) {
        String v = file.getProperty(key);
        if (v == null) {
            return null;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + v + ": expected a whole number");
        }
    }

    /** The most a Slurm configuration file may hold: a few lines of properties. */
    static final int MAX_CONFIG_BYTES = 64 * 1024;

    private static Properties read(Path file) {
        Properties p = new Properties();
        if (!Files.isRegularFile(file)) {
            throw new DigitbenchException("--slurm-config " + file + ": " + (Files.exists(file) ? "not a regular file (a device, "
                    + "a pipe or a folder)" : "no such file") + "; expected a properties file");
        }
        try (java.io.InputStream raw = Files.newInputStream(file)) {
            byte[] bytes = raw.readNBytes(MAX_CONFIG_BYTES + 1);
            if (bytes.length > MAX_CONFIG_BYTES) {
                throw new DigitbenchException("--slurm-config " + file + ": larger than " + MAX_CONFIG_BYTES / 1024
                        + " KiB; expected a few lines of properties");
            }
            p.load(new java.io.StringReader(new String(bytes, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new DigitbenchException("--slurm-config " + file + ": cannot read it (" + e.getMessage() + ")", e);
        }
        for (String key : p.stringPropertyNames()) {
            if (!CONFIG_KEYS.contains(key)) {
                throw new DigitbenchException("--slurm-config " + file + ": unknown key '" + key + "'; expected one of "
                        + new java.util.TreeSet<>(CONFIG_KEYS));
            }
        }
        return p;
    }
}
