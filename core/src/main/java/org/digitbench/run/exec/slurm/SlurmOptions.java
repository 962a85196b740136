package org.digitbench.run.exec.slurm;

import org.digitbench.run.exec.JvmArgs;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How {@code --executor slurm} submits a run's trials: what each array task asks Slurm for, and how the driver follows
 * them. Checked here, so that a bad value fails before anything is submitted.
 *
 * @param request       what each trial asks for: cores, memory, a node of its own
 * @param queue         where the trials go: partition, account, QOS
 * @param sbatchArgs    more {@code sbatch} options, each one as {@code --name=value}
 * @param throttle      at most this many trials at once ({@code --array=...%P}), or {@code null} for no cap
 * @param detach        submit and exit; {@code digitbench collect} gathers the results
 * @param poll          how often the driver asks Slurm about its jobs
 * @param collectOnly   submit nothing: follow and gather what earlier submissions of the run left ({@code digitbench collect})
 */
public record SlurmOptions(Request request, Queue queue, List<String> sbatchArgs, Integer throttle, boolean detach,
                           Duration poll, boolean collectOnly) {
    /**
     * Memory a trial JVM uses beyond its heap (native libraries, thread stacks, metaspace): in the committed full
     * reference run up to 2.4 GB (dl4j-mlp: 3.86 GB resident with a 1.44 GB heap), so 4 GiB by default.
     */
    public static final long NATIVE_ALLOWANCE_MB = 4096;
    /** How often the driver asks Slurm by default. */
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(10);

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:+-]{1,128}");
    private static final Pattern SBATCH_ARG = Pattern.compile("--[a-z][a-z0-9-]*(=[^\\p{Cntrl}\\s]*)?");
    /** The sbatch options digitbench writes into every script itself. */
    private static final List<String> OWNED = List.of("--array", "--output", "--error", "--dependency", "--job-name", "--wrap",
            "--kill-on-invalid-dep");

    /**
     * What each array task asks Slurm for.
     *
     * @param coresPerTrial {@code --cpus-per-task}; {@code null}: all the cores of the smallest node of the partition, so
     *                      that a trial has its node to itself and its times are clean
     * @param memPerTrialMb {@code --mem} in MiB; {@code null}: the trial JVM's maximum heap plus {@link #NATIVE_ALLOWANCE_MB}
     * @param exclusive     {@code --exclusive}: no other job on a trial's node
     */
    public record Request(Integer coresPerTrial, Long memPerTrialMb, boolean exclusive) {
        public Request {
            if (coresPerTrial != null && (coresPerTrial < 1 || coresPerTrial > 100_000)) {
                throw new IllegalArgumentException("--cores-per-trial " + coresPerTrial + ": expected 1 or more cores");
            }
            if (memPerTrialMb != null && memPerTrialMb < 256) {
                throw new IllegalArgumentException("--mem-per-trial " + memPerTrialMb + "M: expected at least 256M (a trial "
                        + "JVM needs its heap and the libraries' native memory)");
            }
        }
    }

    /**
     * Where the trials are queued.
     *
     * @param partition {@code --partition}, or {@code null}
     * @param account   {@code --account}, or {@code null}
     * @param qos       {@code --qos}, or {@code null}
     */
    public record Queue(String partition, String account, String qos) {
        public Queue {
            name("--partition", partition);
            name("--account", account);
            name("--qos", qos);
        }
    }

    public SlurmOptions {
        request = request == null ? new Request(null, null, false) : request;
        queue = queue == null ? new Queue(null, null, null) : queue;
        sbatchArgs = sbatchArgs == null ? List.of() : List.copyOf(sbatchArgs);
        poll = poll == null ? DEFAULT_POLL : poll;
        if (throttle != null && throttle < 1) {
            throw new IllegalArgumentException("--throttle " + throttle + ": expected at least 1 trial at once");
        }
        if (poll.isNegative() || poll.isZero() || poll.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("--poll " + poll + ": expected an interval from 1s to 1h");
        }
        for (String a : sbatchArgs) {
            if (a.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("--sbatch-arg '" + a + "': holds a space, so sbatch would read more than one "
                        + "option from it; give each option its own --sbatch-arg (e.g. --sbatch-arg=--constraint=avx2)");
            }
            if (!SBATCH_ARG.matcher(a).matches()) {
                throw new IllegalArgumentException("--sbatch-arg '" + a + "': expected one sbatch option as --name or "
                        + "--name=value, on one line (e.g. --sbatch-arg=--constraint=avx2)");
            }
            String option = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            for (String owned : OWNED) {
                if (owned.startsWith(option)) { // sbatch takes a unique prefix of a long option for the option: --outp is --output
                    throw new IllegalArgumentException("--sbatch-arg " + a + ": digitbench sets " + owned + " itself"
                            + (owned.equals(option) ? "" : " (sbatch reads " + option + " as " + owned + ")"));
                }
            }
        }
    }

    public Integer coresPerTrial() {
        return request.coresPerTrial();
    }

    public Long memPerTrialMb() {
        return request.memPerTrialMb();
    }

    public boolean exclusive() {
        return request.exclusive();
    }

    public String partition() {
        return queue.partition();
    }

    public String account() {
        return queue.account();
    }

    public String qos() {
        return queue.qos();
    }

    private static void name(String option, String value) {
        if (value != null && !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(option + " '" + value + "': expected a Slurm name (letters, digits, . _ : + -)");
        }
    }

    /** Submits nothing: gathers what the run's earlier submissions left. */
    public static SlurmOptions collecting(Duration poll) {
        return new SlurmOptions(null, null, List.of(), null, false, poll, true);
    }

    /**
     * A memory size as sbatch and the JVM write it: a number of MiB, or a number with K, M, G or T.
     *
     * @return MiB, rounded up
     */
    public static long parseMb(String text, String option) {
        long mb = JvmArgs.sizeMb(text, 1L << 20);
        if (mb < 0) {
            throw new IllegalArgumentException(option + " '" + text + "': expected a size such as 12G or 4096M");
        }
        return mb;
    }
}
