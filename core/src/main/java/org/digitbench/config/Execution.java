package org.digitbench.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How a run's trials are run, as opposed to what they measure ({@link RunConfig}). It comes from the
 * command line of whoever starts or resumes the run; the run folder records it for provenance only, since
 * the options here that run code (JVM options, the plugin path) must never come from a folder alone.
 *
 * @param isolate       run each trial in its own JVM, so that a crash, an {@code OutOfMemoryError} or a hang
 *                      of one plugin cannot take the run down, and every trial starts from a fresh JVM
 * @param timeout       how long one trial may take before its JVM is killed; {@code null} for no limit (only
 *                      with {@code isolate})
 * @param workerJvmArgs JVM options for the trial JVMs, after this JVM's own (e.g. {@code -Xmx16g})
 * @param pluginPath    jars and folders searched for more plugins, besides the class path
 * @param allowBusy     start trials on a busy machine without waiting for it to settle
 * @param busyWait      how long a trial waits for the load average to fall to the core count before it starts
 *                      anyway (its timings are then marked as taken on a busy machine)
 * @param jobs          trials run at once, each in its own JVM on its own share of the cores ({@code --jobs}); 1,
 *                      the default, keeps timings clean
 */
public record Execution(boolean isolate, Duration timeout, List<String> workerJvmArgs, List<Path> pluginPath,
                        boolean allowBusy, Duration busyWait, int jobs) {

    /** The default wait for a busy machine before a trial starts anyway. */
    public static final Duration DEFAULT_BUSY_WAIT = Duration.ofMinutes(10);

    public Execution {
        workerJvmArgs = workerJvmArgs == null ? List.of() : List.copyOf(workerJvmArgs);
        pluginPath = pluginPath == null ? List.of() : List.copyOf(pluginPath);
        busyWait = busyWait == null ? DEFAULT_BUSY_WAIT : busyWait;
        jobs = jobs == 0 ? 1 : jobs; // recorded before --jobs existed
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs " + jobs + ": expected at least 1");
        }
        if (jobs > 1 && !isolate) {
            throw new IllegalArgumentException("--jobs needs trial JVMs: it cannot be used with --in-process");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("--timeout must be positive, got " + timeout);
        }
        if (timeout != null && !isolate) {
            throw new IllegalArgumentException("--timeout needs trial JVMs: it cannot be used with --in-process");
        }
    }

    /** One trial at a time. */
    public Execution(boolean isolate, Duration timeout, List<String> workerJvmArgs, List<Path> pluginPath, boolean allowBusy,
                     Duration busyWait) {
        this(isolate, timeout, workerJvmArgs, pluginPath, allowBusy, busyWait, 1);
    }

    /**
     * The cores of job slot {@code slot} of {@link #jobs}: this machine's cores split into equal, disjoint parts.
     *
     * @throws IllegalArgumentException when there are fewer cores than jobs
     */
    public List<Integer> cores(int slot) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (jobs > cores) {
            throw new IllegalArgumentException("--jobs " + jobs + ": expected 1 to " + cores + " (this machine's cores; each "
                    + "trial gets at least one of its own)");
        }
        int per = Runtime.getRuntime().availableProcessors() / jobs;
        return java.util.stream.IntStream.range(slot * per, (slot + 1) * per).boxed().toList();
    }

    /** Trials in their own JVMs with the profile's time limit, nothing else. */
    public static Execution isolated(Profile profile) {
        return new Execution(true, defaultTimeout(profile), List.of(), List.of(), false, null);
    }

    /** The default time limit per trial: half an hour in the quick profile, four hours in the full one. */
    public static Duration defaultTimeout(Profile profile) {
        return profile == Profile.QUICK ? Duration.ofMinutes(30) : Duration.ofHours(4);
    }

    /**
     * The trial JVMs' options a profile starts with, before the {@code --worker-jvm-arg}s (so that one overrides them):
     * the quick profile's trials, on 2,000 training and 1,000 test images, get a heap of 2 GiB rather than the driver's
     * 8 GiB. A timed trial's heap is touched before it starts ({@code TouchedHeap}), and on a virtual machine that
     * returns freed memory to its host, touching 8 GiB took 2.5 to 10 s at the start of a run against 0.3 s right after
     * another trial (docs/methodology.md).
     */
    public static List<String> defaultWorkerJvmArgs(Profile profile) {
        return profile == Profile.QUICK ? List.of("-Xmx2g") : List.of();
    }

    /** A trial JVM's options: the profile's own, then the user's {@code --worker-jvm-arg}s. */
    public static List<String> workerJvmArgs(Profile profile, List<String> userArgs) {
        List<String> all = new java.util.ArrayList<>(defaultWorkerJvmArgs(profile));
        all.addAll(userArgs);
        return all;
    }

    public Execution withPluginPath(List<Path> path) {
        return new Execution(isolate, timeout, workerJvmArgs, path, allowBusy, busyWait, jobs);
    }

    /**
     * Options that run code (JVM options, the plugin path) come from the command line of whoever resumes a run, never
     * from its folder: a run made with them ({@code recorded}, from its config.json) needs them given again (the
     * {@link #defaultWorkerJvmArgs profile's own} are not the user's, and come back by themselves).
     */
    public void requireGivenAgain(Execution recorded, String runId, Profile profile) {
        if (recorded == null) {
            return;
        }
        List<String> defaults = defaultWorkerJvmArgs(profile);
        if (!recorded.pluginPath().isEmpty() && pluginPath().isEmpty()) {
            throw new org.digitbench.api.DigitbenchException("run " + runId + " was made with --plugin-path "
                    + String.join(":", recorded.pluginPath().stream().map(java.nio.file.Path::toString).toList())
                    + "; a run folder cannot say which code to run: give --plugin-path again to resume it");
        }
        if (!beyond(recorded.workerJvmArgs(), defaults).isEmpty() && beyond(workerJvmArgs(), defaults).isEmpty()) {
            throw new org.digitbench.api.DigitbenchException("run " + runId + " was made with --worker-jvm-arg "
                    + beyond(recorded.workerJvmArgs(), defaults) + "; a run folder cannot say which JVM options to use: give them "
                    + "again with --worker-jvm-arg to resume it");
        }
    }

    /** The options after the profile's own, which lead the list when the command line built it. */
    private static List<String> beyond(List<String> args, List<String> defaults) {
        return args.size() >= defaults.size() && args.subList(0, defaults.size()).equals(defaults)
                ? args.subList(defaults.size(), args.size()) : args;
    }
}
