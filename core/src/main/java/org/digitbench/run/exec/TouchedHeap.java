package org.digitbench.run.exec;

import org.digitbench.config.ConfigFile;
import org.digitbench.trial.TrialSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The heap options of a timed trial JVM: the whole heap committed and touched before the trial starts
 * ({@code -Xms} equal to the maximum, {@code -XX:+AlwaysPreTouch}), in transparent huge pages on Linux.
 * <p>
 * Why: the first write to a page of memory costs a page fault, and on a virtual machine a costly one (measured on
 * the reference machine: 8 GiB touched in 17–20 s with 4 KiB pages, 2.5 s with huge pages). A heap that grows
 * while a benchmark allocates runs the benchmark at the speed of first touches until it stops growing: one model's
 * whole-test-set batch measured 1.2 ms an iteration in one phase and 18–27 ms in the next, and its figure jumped by
 * a factor of 13 from one run to the next. Touched up front, the heap never grows during a trial
 * (docs/methodology.md). Nothing is added when the trial JVMs' heaps would take more than three quarters of the
 * machine's memory; {@code --worker-jvm-arg=-XX:-AlwaysPreTouch} turns it off (a later option wins).
 */
public final class TouchedHeap {
    /** The share of the machine's memory the trials' heaps may commit together. */
    static final double MAX_SHARE = 0.75;

    private TouchedHeap() {
    }

    /**
     * The options for a trial JVM whose other options are {@code optionsSoFar} (with the {@code --worker-jvm-arg}s, which
     * {@link JvmArgs#trialJvm(List, List, String, java.util.function.Function)} places after these) when {@code jobs}
     * trial JVMs run at once on a machine of {@code physicalBytes} (0: unknown, as for a Slurm node, whose memory is the
     * trial's request).
     */
    public static List<String> options(List<String> optionsSoFar, int jobs, long physicalBytes, String osName) {
        long heapMb = JvmArgs.heapMb(optionsSoFar);
        if (physicalBytes > 0 && (double) heapMb * jobs > MAX_SHARE * (physicalBytes >> 20)) {
            return List.of();
        }
        List<String> options = new ArrayList<>(List.of("-Xms" + heapMb + "m", "-XX:+AlwaysPreTouch"));
        if (osName.toLowerCase(java.util.Locale.ROOT).startsWith("linux")) {
            options.add("-XX:+UseTransparentHugePages");
        }
        return List.copyOf(options);
    }

    /** The options for trial JVMs on this machine. */
    public static List<String> options(List<String> optionsSoFar, int jobs) {
        long physical = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize();
        return options(optionsSoFar, jobs, physical, System.getProperty("os.name", ""));
    }

    /** Whether the trial measures times that a growing heap would disturb: a timed trial's, or inference's again. */
    public static boolean wanted(TrialSpec spec) {
        if (TrialSpec.INFERENCE.equals(spec.task())) {
            return true;
        }
        if (!TrialSpec.TRIAL.equals(spec.task())) {
            return false;
        }
        try {
            return ConfigFile.read(spec.runDir()).timing();
        } catch (RuntimeException e) {
            return true; // the trial itself reports an unreadable configuration
        }
    }
}
