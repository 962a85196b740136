package org.digitbench.run;

import org.digitbench.api.ClassifierPlugin;
import org.digitbench.config.CheckedConfig;
import org.digitbench.config.RunConfig;
import org.digitbench.results.text.Format;

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
}
