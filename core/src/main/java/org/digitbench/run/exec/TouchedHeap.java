package org.digitbench.run.exec;

import org.digitbench.config.ConfigFile;
import org.digitbench.config.RunConfig;
import org.digitbench.run.exec.slurm.SlurmOptions;
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
 * machine's memory; {@code --worker-jvm-arg=-XX:-AlwaysPreTouch} turns it off (a later option wins). A small
 * training set's trial touches 2 GiB of it, not all.
 */
public final class TouchedHeap {
    /** The share of the machine's memory the trials' touched heaps may take together. */
    static final double MAX_SHARE = 0.75;
    /** Training sets up to this many images touch {@link #SMALL_TOUCH_MB} of the heap, not all of it. */
    static final int SMALL_TRAINING = 10_000;
    /**
     * What a trial on a small training set touches: the quick profile's trials peak at 0.3–0.7 GiB of heap, and
     * touching 8 GiB would take a quick trial 2.5 s of its 7–30 (the heap may still grow past it).
     */
    static final long SMALL_TOUCH_MB = 2048;
    /** Touch the whole heap. */
    static final long WHOLE = Long.MAX_VALUE;

    private TouchedHeap() {
    }

    /**
     * The options to add after {@code optionsSoFar} (the trial JVM's command up to then, with the
     * {@code --worker-jvm-arg}s) to touch up to {@code touchMb} of the heap when {@code jobs} trial JVMs run at once on a
     * machine of {@code physicalBytes} (0: unknown, as for a Slurm node, whose memory is the trial's request).
     */
    public static List<String> options(List<String> optionsSoFar, long touchMb, int jobs, long physicalBytes, String osName) {
        long mb = Math.min(SlurmOptions.heapMb(optionsSoFar), touchMb);
        if (mb <= 0 || physicalBytes > 0 && (double) mb * jobs > MAX_SHARE * (physicalBytes >> 20)) {
            return List.of();
        }
        List<String> options = new ArrayList<>(List.of("-Xms" + mb + "m", "-XX:+AlwaysPreTouch"));
        if (osName.toLowerCase(java.util.Locale.ROOT).startsWith("linux")) {
            options.add("-XX:+UseTransparentHugePages");
        }
        return List.copyOf(options);
    }

    /** The options for the trial JVM of {@code spec} on this machine. */
    public static List<String> options(List<String> optionsSoFar, TrialSpec spec, int jobs) {
        long physical = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize();
        return options(optionsSoFar, touchMb(spec), jobs, physical, System.getProperty("os.name", ""));
    }

    /**
     * How much of its heap the trial's JVM touches, in MiB: none when it measures nothing a growing heap would disturb
     * (robustness, {@code --no-timing}), {@link #SMALL_TOUCH_MB} for small training sets, else the whole heap.
     */
    public static long touchMb(TrialSpec spec) {
        if (TrialSpec.ROBUSTNESS.equals(spec.task())) {
            return 0;
        }
        RunConfig config;
        try {
            config = ConfigFile.read(spec.runDir());
        } catch (RuntimeException e) {
            return WHOLE; // the trial itself reports an unreadable configuration
        }
        if (TrialSpec.TRIAL.equals(spec.task()) && !config.timing()) {
            return 0;
        }
        Integer train = config.dataset() == null ? null : config.dataset().trainSize();
        return (train != null ? train : config.profile().trainSize()) <= SMALL_TRAINING ? SMALL_TOUCH_MB : WHOLE;
    }
}
