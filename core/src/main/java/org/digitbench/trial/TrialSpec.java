package org.digitbench.trial;

import org.digitbench.results.Timing;
import org.digitbench.results.TrialResult;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a trial JVM is told besides the run folder's {@code config.json}: which plugin and seed, and how
 * to run. The driver writes it into the run's {@code work/} folder for the trial it is about to start.
 *
 * @param runDir      the run folder (absolute)
 * @param pluginId    the plugin
 * @param seed        the seed
 * @param console     how the trial shows its progress: bars on a terminal, lines in a file or pipe, how much
 * @param pluginPath  jars and folders with more plugins, from the command line of the driver
 * @param timeLimit   the trial's time limit, or {@code null} for none (JMH's iteration timeout follows it)
 * @param task        {@code trial} for a whole trial, {@code inference} to benchmark the inference of the trial's
 *                    saved model again ({@code digitbench timing}), {@code robustness} to evaluate it on the run's
 *                    corrupted images ({@code digitbench robustness})
 * @param load        the 1-minute load average the driver saw just before starting the trial, and whether the machine
 *                    was still busy (load above its cores) after the driver's wait; its fields stand at the top level
 * @param cores       the cores the trial's JVM is pinned to ({@code --jobs}), or {@code null} for all of them
 * @param corruptedImages the SHA-256 of the run's corrupted images the driver wrote ({@link CorruptedImages}), or
 *                    {@code null}: the trial makes them itself
 */
public record TrialSpec(Path runDir, String pluginId, long seed, ConsoleMode console, List<Path> pluginPath,
                        Duration timeLimit, String task, @JsonUnwrapped Timing.Load load, List<Integer> cores,
                        String corruptedImages) {
    public static final String TRIAL = "trial";
    public static final String INFERENCE = "inference";
    public static final String ROBUSTNESS = "robustness";

    public TrialSpec {
        pluginPath = pluginPath == null ? List.of() : List.copyOf(pluginPath);
        console = console == null ? ConsoleMode.LOG : console;
        task = task == null ? TRIAL : task;
        load = load == null || load.loadBefore() == null || load.busy() == null ? new Timing.Load(
                load == null || load.loadBefore() == null ? 0.0 : load.loadBefore(), load != null && Boolean.TRUE.equals(load.busy()))
                : load;
        if (!TRIAL.equals(task) && !INFERENCE.equals(task) && !ROBUSTNESS.equals(task)) {
            throw new IllegalArgumentException("unknown trial task '" + task + "'");
        }
    }

    /** On every core. */
    public TrialSpec(Path runDir, String pluginId, long seed, ConsoleMode console, List<Path> pluginPath, Duration timeLimit,
                     String task, Timing.Load load) {
        this(runDir, pluginId, seed, console, pluginPath, timeLimit, task, load, null, null);
    }

    /** The 1-minute load average the driver saw just before starting the trial. */
    public double loadBefore() {
        return load.loadBefore();
    }

    /** Whether the machine was still busy after the driver's wait. */
    public boolean busy() {
        return load.busy();
    }

    /** The same trial on these cores. */
    public TrialSpec on(List<Integer> onCores) {
        return new TrialSpec(runDir, pluginId, seed, console, pluginPath, timeLimit, task, load, onCores, corruptedImages);
    }

    /** The same trial, told the SHA-256 of the run's corrupted images ({@code null}: it makes them itself). */
    public TrialSpec withCorruptedImages(String sha256) {
        return new TrialSpec(runDir, pluginId, seed, console, pluginPath, timeLimit, task, load, cores, sha256);
    }

    public String trialId() {
        return TrialResult.trialId(pluginId, seed);
    }
}
