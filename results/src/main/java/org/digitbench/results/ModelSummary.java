package org.digitbench.results;

import org.digitbench.eval.Statistics;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One plugin across its trials (its seeds). Each figure is a {@link Statistics.Summary}: n, mean, and for
 * n of 2 or more the sample standard deviation and the 95% confidence interval of the mean. The fields of
 * {@link Quality} and {@link Speed} stand at the summary's top level in the JSON, as they always have.
 *
 * @param trials    trials planned or run for this plugin
 * @param succeeded trials that succeeded (the n of accuracy)
 * @param quality   accuracy and macro F1 on the test set
 * @param speed     training and inference times
 */
public record ModelSummary(String pluginId, String library, String family, int trials, int succeeded,
                           @JsonUnwrapped Quality quality, @JsonUnwrapped Speed speed) {

    public ModelSummary {
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(speed, "speed");
    }

    /**
     * @param accuracy test accuracy
     * @param macroF1  macro F1
     */
    public record Quality(Statistics.Summary accuracy, Statistics.Summary macroF1) {
    }

    /**
     * @param trainSeconds    training time: JMH single shots, or wall-clock with {@code --no-timing}
     * @param trainTiming     {@code jmh} or {@code wall-clock}: where the training times come from
     * @param predictSeconds  wall-clock time to predict the test set
     * @param imagesPerSecond batch throughput (JMH), or {@code null}
     * @param singleP50Micros median single-image latency (JMH), or {@code null}
     * @param singleP99Micros 99th percentile single-image latency (JMH), or {@code null}
     */
    public record Speed(Statistics.Summary trainSeconds, String trainTiming, Statistics.Summary predictSeconds,
                        Statistics.Summary imagesPerSecond, Statistics.Summary singleP50Micros,
                        Statistics.Summary singleP99Micros) {
    }

    public Statistics.Summary accuracy() {
        return quality.accuracy();
    }

    public Statistics.Summary macroF1() {
        return quality.macroF1();
    }

    public Statistics.Summary trainSeconds() {
        return speed.trainSeconds();
    }

    public String trainTiming() {
        return speed.trainTiming();
    }

    public Statistics.Summary predictSeconds() {
        return speed.predictSeconds();
    }

    public Statistics.Summary imagesPerSecond() {
        return speed.imagesPerSecond();
    }

    public Statistics.Summary singleP50Micros() {
        return speed.singleP50Micros();
    }

    public Statistics.Summary singleP99Micros() {
        return speed.singleP99Micros();
    }

    /** One summary per plugin of {@code trials}, in the order the plugins first appear. */
    public static List<ModelSummary> of(List<TrialResult> trials) {
        Map<String, List<TrialResult>> byPlugin = new LinkedHashMap<>();
        for (TrialResult t : trials) {
            byPlugin.computeIfAbsent(t.pluginId(), k -> new ArrayList<>()).add(t);
        }
        List<ModelSummary> out = new ArrayList<>();
        byPlugin.forEach((id, ts) -> {
            List<TrialResult> ok = ts.stream().filter(TrialResult::ok).toList();
            TrialResult first = ts.getFirst();
            boolean jmh = ok.stream().anyMatch(t -> t.timing() != null && t.timing().training() != null);
            out.add(new ModelSummary(id, first.plugin().library(), first.plugin().family(), ts.size(), ok.size(),
                    new Quality(stat(ok, t -> t.metrics().accuracy()), stat(ok, t -> t.metrics().macro().f1())),
                    new Speed(stat(ok, t -> t.times().trainSeconds()), jmh ? Plan.JMH : Plan.WALL_CLOCK,
                            stat(ok, t -> t.times().predictSeconds()),
                            stat(ok, t -> t.timing() == null ? null : t.timing().imagesPerSecond()),
                            stat(ok, t -> percentile(t, "p50")), stat(ok, t -> percentile(t, "p99")))));
        });
        return out;
    }

    private static Double percentile(TrialResult t, String p) {
        return t.timing() == null || t.timing().single() == null || t.timing().single().percentiles() == null
                ? null : t.timing().single().percentiles().get(p);
    }

    private static Statistics.Summary stat(List<TrialResult> ts, Function<TrialResult, Double> f) {
        return Statistics.Summary.of(ts.stream().map(f).filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray());
    }
}
