package org.digitbench.benchmarks;

import org.digitbench.results.text.Format;
import org.digitbench.trial.ProgressReporter;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.format.OutputFormat;

import java.io.IOException;
import java.util.Collection;
import java.util.Locale;

/**
 * JMH's output, twice: all of it to the log file in the run folder (through JMH's own format), and
 * each inference iteration's score to the trial's progress (its own line when verbose, else the bar's or the next
 * heartbeat's detail), so that a benchmark shows progress. Remembers the
 * first line that names an exception, for the results when a benchmark fails.
 */
final class ProgressFormat implements OutputFormat {
    private final OutputFormat log;
    private final ProgressReporter progress;
    private final String label;
    private final boolean perIteration;
    private String firstError;

    /**
     * @param perIteration show each iteration's score as progress (inference); else only in the log (the training's
     *                     single shot, whose score the trial prints itself)
     */
    ProgressFormat(OutputFormat log, ProgressReporter progress, String label, boolean perIteration) {
        this.log = log;
        this.progress = progress;
        this.label = label;
        this.perIteration = perIteration;
    }

    String firstError() {
        return firstError;
    }

    @Override
    public void iteration(BenchmarkParams benchmark, IterationParams iteration, int n) {
        log.iteration(benchmark, iteration, n);
    }

    @Override
    public void iterationResult(BenchmarkParams benchmark, IterationParams iteration, int n, IterationResult data) {
        log.iterationResult(benchmark, iteration, n, data);
        if (perIteration) {
            progress.iteration(String.format(Locale.ROOT, "      %-8s %s %d/%d: %s", label,
                    iteration.getType() == IterationType.WARMUP ? "warm-up" : "measurement", n, iteration.getCount(),
                    format(data.getPrimaryResult().getScore(), data.getPrimaryResult().getScoreUnit())));
        }
    }

    static String format(double score, String unit) {
        return Format.number(score) + " " + unit;
    }

    @Override
    public void startBenchmark(BenchmarkParams benchmark) {
        log.startBenchmark(benchmark);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        log.endBenchmark(result);
    }

    @Override
    public void startRun() {
        log.startRun();
    }

    @Override
    public void endRun(Collection<RunResult> results) {
        log.endRun(results);
    }

    @Override
    public void print(String s) {
        log.print(s);
    }

    @Override
    public void println(String s) {
        log.println(s);
        if (s == null) {
            return;
        }
        if (firstError == null && (s.contains("Exception") || s.contains("Error:") || s.contains("forked VM failed"))) {
            firstError = s.strip();
        }
    }

    @Override
    public void flush() {
        log.flush();
    }

    @Override
    public void close() {
        log.close();
    }

    @Override
    public void verbosePrintln(String s) {
        log.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        log.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        log.write(b);
    }
}
