package org.digitbench.benchmarks;

import org.digitbench.results.Measurement;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What JMH's GC profiler saw in a benchmark, for its {@link Measurement.Profile}. */
final class Profiles {
    private Profiles() {
    }

    /**
     * The heap allocated per operation and the garbage collector's pause in each measurement iteration, with
     * {@code cores}, the cores the JVM kept busy; the GC figures {@code null} when the profiler did not run.
     */
    static Measurement.Profile of(RunResult run, Double cores) {
        Result<?> alloc = run.getSecondaryResults().get("gc.alloc.rate.norm");
        Double bytesPerOp = alloc == null || Double.isNaN(alloc.getScore()) ? null : alloc.getScore();
        return new Measurement.Profile(bytesPerOp, cores, bytesPerOp == null ? null : gcMillis(run));
    }

    /**
     * Milliseconds of collection in each iteration: JMH reports {@code gc.time} only for iterations that had a
     * collection ({@code gc.count} for all), so an iteration without it paused for none.
     */
    private static List<Double> gcMillis(RunResult run) {
        List<Double> millis = new ArrayList<>();
        for (BenchmarkResult br : run.getBenchmarkResults()) {
            for (IterationResult ir : br.getIterationResults()) {
                Map<String, Result> secondary = ir.getSecondaryResults();
                Result<?> time = secondary.get("gc.time");
                millis.add(time == null || Double.isNaN(time.getScore()) ? 0.0 : time.getScore());
            }
        }
        return millis;
    }
}
