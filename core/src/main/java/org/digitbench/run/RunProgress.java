package org.digitbench.run;

import org.digitbench.api.ClassifierPlugin;
import org.digitbench.config.CheckedConfig;
import org.digitbench.config.Execution;
import org.digitbench.config.RunConfig;
import org.digitbench.results.text.Format;
import org.digitbench.run.exec.BatchExecutor;
import org.digitbench.run.exec.TrialExecutor;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Elapsed and remaining time of a run, from the reference estimates scaled by how this machine is doing so far. */
final class RunProgress {
    /** One trial still to run. */
    record Planned(ClassifierPlugin plugin, long seed) {
    }

    private final Map<Planned, Double> expected = new LinkedHashMap<>();
    /** Trials to run that no reference estimates: the time left leaves them out, and says so. */
    private final Set<Planned> unknown = new HashSet<>();
    private final long started = System.nanoTime();
    private double expectedDone;
    private double actualDone;

    RunProgress(List<Planned> todo, CheckedConfig checked, RunConfig config, Estimates estimates) {
        for (Planned p : todo) {
            estimates.trialSeconds(p.plugin().id(), checked.params().get(p.plugin()).asMap(), config)
                    .ifPresentOrElse(s -> expected.put(p, s), () -> unknown.add(p));
        }
    }

    void finished(Planned p, double seconds) {
        unknown.remove(p);
        Double e = expected.remove(p);
        if (e != null) {
            expectedDone += e;
            actualDone += seconds;
        }
    }

    String header(Planned p) {
        double elapsed = (System.nanoTime() - started) / 1e9;
        String e = elapsed < 1 ? "" : ", elapsed " + Format.duration(elapsed);
        if (expected.isEmpty()) {
            return e;
        }
        double left = expected.values().stream().mapToDouble(Double::doubleValue).sum();
        double scale = expectedDone > 0 ? actualDone / expectedDone : 1;
        Double mine = expected.get(p);
        return e + (mine == null ? "" : "; this trial about " + Format.duration(mine * scale))
                + "; about " + Format.duration(left * scale) + " left"
                + (unknown.isEmpty() ? "" : " plus " + unknown.size() + " trial" + (unknown.size() == 1 ? "" : "s")
                + " of unknown cost");
    }

    /** The run's trials in one line: how many, how they run, how they are timed. */
    static String describe(RunConfig config, Execution execution, TrialExecutor executor) {
        StringBuilder sb = new StringBuilder("Trials: ").append(config.pluginIds().size()).append(" plugin")
                .append(config.pluginIds().size() == 1 ? "" : "s").append(" × ").append(config.seeds().size())
                .append(config.seeds().size() == 1 ? " seed" : " seeds").append(executor instanceof BatchExecutor ? ", by "
                        + executor + ", " : execution.jobs() == 1 ? ", one at a time, " : ", " + execution.jobs() + " at a time on "
                        + execution.cores(0).size() + " cores each (--jobs: their times are taken concurrently), ");
        sb.append(execution.isolate() ? "each in its own JVM" : "in this JVM (--in-process)");
        if (execution.timeout() != null) {
            sb.append(" for at most ").append(Format.duration(execution.timeout().toSeconds())).append(" (--timeout)");
        }
        sb.append(config.timing() ? "; training timed by JMH (one single shot: the evaluated model's), then batch and "
                + "single-image inference benchmarked" : "; wall-clock times only (--no-timing)");
        return sb.toString();
    }
}
