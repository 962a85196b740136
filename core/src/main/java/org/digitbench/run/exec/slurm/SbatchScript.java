package org.digitbench.run.exec.slurm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The batch scripts digitbench submits: the marker job that checks the nodes see the run folder, and the array job
 * whose task {@code i} runs trial {@code i} in a JVM of its own, as {@code --executor local} would on this machine.
 * Every value is in the script (no options on sbatch's command line), so the script in the run folder says exactly
 * what was asked of Slurm.
 */
public final class SbatchScript {
    private SbatchScript() {
    }

    /**
     * One array task.
     *
     * @param spec     the trial's spec file
     * @param crashLog where its JVM writes a crash log
     */
    public record Task(Path spec, Path crashLog) {
    }

    /**
     * What every job of a run asks Slurm for, besides cores, memory and time.
     *
     * @param jobName the jobs' name (squeue follows it)
     */
    public record Common(String jobName, SlurmOptions options) {
        void append(StringBuilder sb, boolean everything) {
            if (options.partition() != null) {
                sbatch(sb, "--partition=" + options.partition());
            }
            if (options.account() != null) {
                sbatch(sb, "--account=" + options.account());
            }
            if (options.qos() != null) {
                sbatch(sb, "--qos=" + options.qos());
            }
            if (everything) {
                if (options.exclusive()) {
                    sbatch(sb, "--exclusive");
                }
                options.sbatchArgs().forEach(a -> sbatch(sb, a));
            }
        }
    }

    /**
     * The marker job: it succeeds only where {@code marker} holds {@code token}, and then writes {@code marker.seen}.
     */
    public static String marker(Common common, Path marker, String token, Path log) {
        StringBuilder sb = new StringBuilder("#!/bin/bash\n");
        sb.append("# digitbench: can the compute nodes read and write the run folder?\n");
        sbatch(sb, "--job-name=" + common.jobName());
        sbatch(sb, "--output=" + log);
        sbatch(sb, "--cpus-per-task=1");
        sbatch(sb, "--mem=100M");
        sbatch(sb, "--time=5");
        common.append(sb, false);
        sb.append("m=").append(quote(marker.toString())).append('\n');
        sb.append("if [ \"$(cat \"$m\" 2>/dev/null)\" = ").append(quote(token)).append(" ]; then\n");
        sb.append("  echo \"seen on $(hostname)\" > \"$m.seen\"\n");
        sb.append("else\n");
        sb.append("  echo \"digitbench: $(hostname) cannot read $m: the run folder is not on a filesystem this node shares\" >&2\n");
        sb.append("  exit 1\n");
        sb.append("fi\n");
        return sb.toString();
    }

    /**
     * The array job.
     *
     * @param coresPerTrial {@code --cpus-per-task}
     * @param memMb         {@code --mem}
     * @param timeMinutes   {@code --time}, or {@code null} for the partition's limit
     * @param afterJob      the job that must succeed first ({@code --dependency=afterok}), or {@code null}
     * @param logPattern    {@code --output}, with Slurm's {@code %A} and {@code %a}
     * @param javaCommand   the java executable, its options, {@code -cp} with the class path and the main class
     */
    public static String array(Common common, List<Task> tasks, int coresPerTrial, long memMb, Long timeMinutes, String afterJob,
                               Path logPattern, List<String> javaCommand) {
        StringBuilder sb = new StringBuilder("#!/bin/bash\n");
        sb.append("# digitbench: array task i runs trial i of this list in its own JVM (as --executor local would)\n");
        sbatch(sb, "--job-name=" + common.jobName());
        sbatch(sb, "--array=0-" + (tasks.size() - 1) + (common.options().throttle() == null ? "" : "%" + common.options().throttle()));
        sbatch(sb, "--cpus-per-task=" + coresPerTrial);
        sbatch(sb, "--ntasks=1");
        sbatch(sb, "--mem=" + memMb + "M");
        if (timeMinutes != null) {
            sbatch(sb, "--time=" + timeMinutes);
        }
        sbatch(sb, "--output=" + logPattern);
        if (afterJob != null) {
            sbatch(sb, "--dependency=afterok:" + afterJob);
            sbatch(sb, "--kill-on-invalid-dep=yes");
        }
        common.append(sb, true);
        sb.append("set -u\n");
        sb.append("specs=(\n");
        tasks.forEach(t -> sb.append("  ").append(quote(t.spec().toString())).append('\n'));
        sb.append(")\n");
        sb.append("crashes=(\n");
        tasks.forEach(t -> sb.append("  ").append(quote(t.crashLog().toString())).append('\n'));
        sb.append(")\n");
        sb.append("i=$SLURM_ARRAY_TASK_ID\n");
        sb.append("echo \"digitbench: trial ${specs[$i]} on $(hostname), cores $(taskset -cp $$ 2>/dev/null | sed 's/.*: //')\"\n");
        sb.append("# the libraries' native thread pools get the task's cores\n");
        sb.append("export OMP_NUM_THREADS=${SLURM_CPUS_PER_TASK:-1} OPENBLAS_NUM_THREADS=${SLURM_CPUS_PER_TASK:-1}\n");
        List<String> command = new ArrayList<>(javaCommand);
        int main = command.size() - 1;
        command.add(main - 2, "-XX:ErrorFile=${crashes[$i]}"); // before -cp CLASSPATH MAIN
        sb.append("exec");
        for (int i = 0; i < command.size(); i++) {
            String arg = command.get(i);
            sb.append(" \\\n  ").append(arg.startsWith("-XX:ErrorFile=${") ? "\"" + arg + "\"" : quote(arg));
        }
        sb.append(" \\\n  \"${specs[$i]}\"\n");
        return sb.toString();
    }

    private static void sbatch(StringBuilder sb, String option) {
        if (option.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("sbatch option '" + option + "' has a control character");
        }
        sb.append("#SBATCH ").append(option).append('\n');
    }

    /** One word for bash, whatever it holds. */
    static String quote(String s) {
        if (s.matches("[A-Za-z0-9_./:=@%+,-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** The characters a path may have to go into sbatch's #SBATCH lines and the job's bash script unquoted. */
    private static final java.util.regex.Pattern PLAIN_PATH = java.util.regex.Pattern.compile("[A-Za-z0-9._/+,=@%:-]*");

    /**
     * Refuses a path that sbatch's {@code #SBATCH} lines or the job script could not hold as it is (a space, a quote,
     * {@code $}, a backquote, ...), naming the first such character. The driver checks {@code -o} with it before the run's
     * folder is made.
     */
    public static void requirePlainPath(Path path, String what) {
        String s = path.toString();
        if (!PLAIN_PATH.matcher(s).matches()) {
            int bad = s.chars().filter(c -> !PLAIN_PATH.matcher(String.valueOf((char) c)).matches()).findFirst().orElse('?');
            throw new org.digitbench.api.DigitbenchException(what + " " + s + " has " + (Character.isWhitespace(bad) ? "a space"
                    : "the character '" + (char) bad + "'") + " in its path, which sbatch's #SBATCH lines and the job script "
                    + "cannot hold: give -o a folder whose path has only letters, digits and . _ / + , = @ % : -");
        }
    }
}
