package org.digitbench.results;

import java.util.List;
import java.util.Map;

/**
 * The result of one JMH benchmark, as JMH computed it.
 *
 * @param benchmark        JMH's benchmark name
 * @param mode             JMH's mode ({@code ss}, {@code avgt}, {@code sample})
 * @param unit             the score's unit, e.g. {@code s/op}
 * @param score            the mean over all measurements
 * @param scoreError       half-width of JMH's 99.9% confidence interval, or {@code null} when it has none
 *                         (a single measurement)
 * @param ciLow            lower end of that interval, or {@code null}
 * @param ciHigh           upper end, or {@code null}
 * @param sampleCount      measurements the score is made of
 * @param iterationScores  each measurement iteration's score
 * @param percentiles      p0, p50, p90, p99, p100 of the samples (for sampled modes; also filled for others)
 * @param forks            forked JVMs: 0, since a trial's JVM is itself fresh (version 1: the timing pass's forks)
 * @param warmupIterations warm-up iterations
 * @param measurementIterations measurement iterations
 * @param iterationTime    the length of a time-based iteration, or {@code null} for single-shot
 * @param loadBefore       the 1-minute load average just before
 * @param loadAfter        the 1-minute load average just after
 * @param jsonFile         JMH's JSON output, relative to the run folder
 * @param wallSeconds      how long JMH ran
 */
public record Measurement(String benchmark, String mode, String unit, double score, Double scoreError, Double ciLow,
                          Double ciHigh, long sampleCount, List<Double> iterationScores, Map<String, Double> percentiles,
                          int forks, int warmupIterations, int measurementIterations, String iterationTime,
                          double loadBefore, double loadAfter, String jsonFile, double wallSeconds) {
}
