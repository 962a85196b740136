package org.digitbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one JMH benchmark, as JMH computed it. The fields of {@link Estimate} and {@link Iterations} stand at
 * the measurement's top level in the JSON, as they always have.
 *
 * @param benchmark  JMH's benchmark name
 * @param mode       JMH's mode ({@code ss}, {@code avgt}, {@code sample})
 * @param unit       the score's unit, e.g. {@code s/op}
 * @param estimate   the score, its interval and the measurements it is made of
 * @param iterations how JMH was set to run: forks, warm-up and measurement iterations, their length
 * @param loadBefore the 1-minute load average just before
 * @param loadAfter  the 1-minute load average just after
 * @param jsonFile   JMH's JSON output, relative to the run folder
 * @param wallSeconds how long JMH ran
 */
public record Measurement(String benchmark, String mode, String unit, @JsonUnwrapped Estimate estimate,
                          @JsonUnwrapped Iterations iterations, double loadBefore, double loadAfter, String jsonFile,
                          double wallSeconds) {

    public Measurement {
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(iterations, "iterations");
    }

    /**
     * The score as JMH computed it.
     *
     * @param score           the mean over all measurements
     * @param scoreError      half-width of JMH's 99.9% confidence interval, or {@code null} when it has none
     *                        (a single measurement)
     * @param ciLow           lower end of that interval, or {@code null}
     * @param ciHigh          upper end, or {@code null}
     * @param sampleCount     measurements the score is made of
     * @param iterationScores each measurement iteration's score
     * @param percentiles     p0, p50, p90, p99, p100 of the samples (for sampled modes; also filled for others)
     * @param profile         what the profilers saw: heap allocated, cores busy, garbage collection per iteration
     *                        (its fields stand at the estimate's level in the JSON)
     */
    public record Estimate(double score, Double scoreError, Double ciLow, Double ciHigh, long sampleCount,
                           List<Double> iterationScores, Map<String, Double> percentiles, @JsonUnwrapped Profile profile) {
        /** An estimate without the profilers' figures. */
        public Estimate(double score, Double scoreError, Double ciLow, Double ciHigh, long sampleCount,
                        List<Double> iterationScores, Map<String, Double> percentiles) {
            this(score, scoreError, ciLow, ciHigh, sampleCount, iterationScores, percentiles, Profile.NONE);
        }

        /** An estimate with the heap and cores profiled, but not the collections per iteration. */
        public Estimate(double score, Double scoreError, Double ciLow, Double ciHigh, long sampleCount,
                        List<Double> iterationScores, Map<String, Double> percentiles, Double allocatedBytesPerOp,
                        Double cpuCores) {
            this(score, scoreError, ciLow, ciHigh, sampleCount, iterationScores, percentiles,
                    new Profile(allocatedBytesPerOp, cpuCores, null));
        }

        public Estimate {
            profile = profile == null ? Profile.NONE : profile;
        }

        /** Heap bytes allocated per operation, or {@code null} when not profiled. */
        public Double allocatedBytesPerOp() {
            return profile.allocatedBytesPerOp();
        }

        /** About how many cores the JVM kept busy, or {@code null} when not measured. */
        public Double cpuCores() {
            return profile.cpuCores();
        }
    }

    /**
     * What the profilers saw while the benchmark ran; each field {@code null} when not measured (runs before it was).
     *
     * @param allocatedBytesPerOp heap bytes allocated per operation, by JMH's GC profiler ({@code gc.alloc.rate.norm},
     *                            every thread of the JVM)
     * @param cpuCores            the JVM's CPU time over the wall-clock time of the measurement: about how many cores
     *                            the library kept busy
     * @param iterationGcMillis   milliseconds the garbage collector paused in each measurement iteration (JMH's GC
     *                            profiler, {@code gc.time}), in the order of {@code iterationScores}
     */
    public record Profile(@JsonInclude(JsonInclude.Include.NON_NULL) Double allocatedBytesPerOp,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Double cpuCores,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> iterationGcMillis) {
        /** Nothing profiled. */
        public static final Profile NONE = new Profile(null, null, null);

        public Profile {
            iterationGcMillis = iterationGcMillis == null ? null : List.copyOf(iterationGcMillis);
        }
    }

    /**
     * How JMH was set to run.
     *
     * @param forks                 forked JVMs: 0, since a trial's JVM is itself fresh (version 1: the timing pass's forks)
     * @param warmupIterations      warm-up iterations
     * @param measurementIterations measurement iterations
     * @param iterationTime         the length of a time-based iteration, or {@code null} for single-shot
     * @param steadyWarmup          the checked warm-up before JMH's own: iterations of the same length run until
     *                              consecutive ones agreed, or {@code null} when there was none
     * @param remeasured            the measurement this one replaced, because the collector's pauses made it unstable,
     *                              or {@code null} when this is the first
     */
    public record Iterations(int forks, int warmupIterations, int measurementIterations, String iterationTime,
                             @JsonInclude(JsonInclude.Include.NON_NULL) SteadyWarmup steadyWarmup,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Remeasured remeasured) {
        /** Iterations without a checked warm-up. */
        public Iterations(int forks, int warmupIterations, int measurementIterations, String iterationTime) {
            this(forks, warmupIterations, measurementIterations, iterationTime, null, null);
        }

        /** Iterations of a first measurement. */
        public Iterations(int forks, int warmupIterations, int measurementIterations, String iterationTime,
                          SteadyWarmup steadyWarmup) {
            this(forks, warmupIterations, measurementIterations, iterationTime, steadyWarmup, null);
        }
    }

    /**
     * A first measurement that was replaced: its figure was unstable and the iterations in which the collector paused
     * were the slow ones, so the benchmark was measured again with iterations long enough to hold several pauses each.
     * Kept so that the replaced figure stays in the results.
     *
     * @param reason                why, in words
     * @param iterationTime         the first measurement's iteration length
     * @param iterationScores       its iterations' scores, in the measurement's unit
     * @param iterationGcMillis     the collector's pauses in each of them (milliseconds)
     * @param jsonFile              its JMH JSON, relative to the run folder
     * @param wallSeconds           how long it ran
     */
    public record Remeasured(String reason, String iterationTime, List<Double> iterationScores,
                             List<Double> iterationGcMillis, String jsonFile, double wallSeconds) {
        public Remeasured {
            iterationScores = List.copyOf(iterationScores);
            iterationGcMillis = iterationGcMillis == null ? null : List.copyOf(iterationGcMillis);
        }
    }

    /**
     * A warm-up that ran until the prediction path had settled: timed iterations until the last two agreed within
     * {@code tolerance}, or until the cap.
     *
     * @param iterations how many ran
     * @param seconds    how long they took
     * @param settled    whether the last two agreed ({@code false}: the cap was reached first)
     * @param tolerance  the relative difference allowed between the last two
     * @param scores     each iteration's time per operation, in the measurement's unit
     */
    public record SteadyWarmup(int iterations, double seconds, boolean settled, double tolerance, List<Double> scores) {
        public SteadyWarmup {
            scores = scores == null ? List.of() : List.copyOf(scores);
        }
    }

    /** This measurement, recorded as the one that replaced {@code first}. */
    public Measurement replacing(Remeasured first) {
        Iterations i = iterations;
        return new Measurement(benchmark, mode, unit, estimate, new Iterations(i.forks(), i.warmupIterations(),
                i.measurementIterations(), i.iterationTime(), i.steadyWarmup(), first), loadBefore, loadAfter, jsonFile, wallSeconds);
    }

    public double score() {
        return estimate.score();
    }

    public Double scoreError() {
        return estimate.scoreError();
    }

    public Double ciLow() {
        return estimate.ciLow();
    }

    public Double ciHigh() {
        return estimate.ciHigh();
    }

    public long sampleCount() {
        return estimate.sampleCount();
    }

    public List<Double> iterationScores() {
        return estimate.iterationScores();
    }

    public Map<String, Double> percentiles() {
        return estimate.percentiles();
    }

    public int forks() {
        return iterations.forks();
    }

    public int warmupIterations() {
        return iterations.warmupIterations();
    }

    public int measurementIterations() {
        return iterations.measurementIterations();
    }

    public String iterationTime() {
        return iterations.iterationTime();
    }

    /** Heap bytes allocated per operation, or {@code null} when not profiled. */
    public Double allocatedBytesPerOp() {
        return estimate.allocatedBytesPerOp();
    }
}
