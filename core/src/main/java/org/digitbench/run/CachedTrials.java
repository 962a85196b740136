package org.digitbench.run;

import org.digitbench.config.CheckedConfig;
import org.digitbench.config.Execution;
import org.digitbench.config.RunConfig;
import org.digitbench.results.RunResults;
import org.digitbench.results.TrialResult;
import org.digitbench.results.provenance.Machine;
import org.digitbench.results.store.RunFolder;
import org.digitbench.run.cache.TrialCache;
import org.digitbench.run.cache.TrialKey;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A run's side of the trial cache: it takes the planned trials the cache holds into the run instead of running them,
 * and files the trials the run measures cleanly (finished, timed completely, on an idle machine, on this machine's CPU).
 * A run that saves its models reuses nothing: the cache keeps no model files.
 */
final class CachedTrials {
    private final TrialCache cache;
    private final RunConfig config;
    private final CheckedConfig checked;
    private final RunResults.DataInfo data;
    private final Execution execution;

    /** @param cache the cache, or {@code null} for none ({@code --no-cache}) */
    CachedTrials(TrialCache cache, CheckedConfig checked, RunResults.DataInfo data, Execution execution) {
        this.cache = cache;
        this.config = checked.config();
        this.checked = checked;
        this.data = data;
        this.execution = execution;
    }

    private TrialKey key(RunProgress.Planned p) {
        return TrialKey.of(config, p.plugin(), checked.params().get(p.plugin()), p.seed(), data, execution);
    }

    /**
     * Removes from {@code todo} the trials the cache has, copies them into the run folder, and says so on {@code out}.
     *
     * @param number the number of the last trial shown, and the trials in all, for the console's {@code [n/N]}
     * @return the trials reused
     */
    List<TrialResult> takeFrom(List<RunProgress.Planned> todo, RunFolder folder, int number, int total, PrintStream out) {
        List<TrialResult> reused = new ArrayList<>();
        if (cache == null || todo.isEmpty()) {
            return reused;
        }
        if (config.saveModels()) {
            out.println("Trial cache: not used, since --save-models keeps each trial's model and the cache holds none");
            return reused;
        }
        for (Iterator<RunProgress.Planned> it = todo.iterator(); it.hasNext(); ) {
            RunProgress.Planned p = it.next();
            Optional<TrialResult> hit = cache.reuse(key(p), p.plugin().id(), p.seed(), folder);
            if (hit.isPresent()) {
                it.remove();
                reused.add(hit.get());
                out.printf("[%d/%d] %s, seed %d: reused from run %s (trial cache)%n      %s%n", ++number, total, p.plugin().id(),
                        p.seed(), hit.get().reusedFrom(), Leaderboard.trialLine(hit.get()));
            }
        }
        if (!reused.isEmpty()) {
            out.printf("Trial cache %s: %d of %d trials reused; --no-cache runs them again%n", cache.dir(), reused.size(),
                    reused.size() + todo.size());
        }
        return reused;
    }

    /** A load above the cores: the trial started on a busy machine even when its timing says not ({@code --allow-busy}). */
    private static boolean busy(Double load) {
        return load != null && load > Runtime.getRuntime().availableProcessors();
    }

    /** Files a trial this run measured, when its figures are clean enough to stand for another run's. */
    void store(RunProgress.Planned p, TrialResult r, RunFolder folder) {
        if (cache == null || !r.ok() || r.reusedFrom() != null || config.timing() && !r.timed()
                || r.timing() != null && (Boolean.TRUE.equals(r.timing().load().busy()) || busy(r.timing().loadBefore()))) {
            return;
        }
        Machine ran = r.resources().machine();
        if (ran == null || !Objects.equals(ran.cpuModel(), Machine.current().cpuModel())) {
            return; // measured on another machine (a batch system's node): its key would name this one's CPU
        }
        cache.store(key(p), r, folder.runId(), folder);
    }
}
