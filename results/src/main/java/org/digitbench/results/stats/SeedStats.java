package org.digitbench.results.stats;

import org.digitbench.eval.Statistics;
import org.digitbench.results.RunResults;
import org.digitbench.results.TrialResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Scores across seeds ({@code --seeds}): per model the mean, standard deviation and 95% interval of every
 * metric over the trials it succeeded in, and a paired t-test of accuracy between every two models over
 * their common seeds, with Holm's correction over the pairs that have a p-value.
 */
public record SeedStats(List<Row> rows, List<Pair> pairs) {

    /** One model across seeds; {@code logLoss} is null for models without probabilities. */
    public record Row(String pluginId, List<Long> seeds, Statistics.Summary accuracy, Statistics.Summary macroPrecision,
                      Statistics.Summary macroRecall, Statistics.Summary macroF1, Statistics.Summary logLoss,
                      Statistics.Summary trainSeconds, Statistics.Summary predictSeconds) {
    }

    /** Two models' accuracies, paired by seed; {@code holmP} is null when the test has no p-value. */
    public record Pair(String modelA, String modelB, Statistics.PairedT test, Double holmP) {
    }

    public static SeedStats of(RunResults r) {
        Map<String, List<TrialResult>> bySeed = new LinkedHashMap<>();
        for (TrialResult t : r.trials()) {
            if (t.ok() && t.metrics() != null) {
                bySeed.computeIfAbsent(t.pluginId(), k -> new ArrayList<>()).add(t);
            }
        }
        List<Row> rows = new ArrayList<>();
        bySeed.forEach((id, xs) -> rows.add(new Row(id, xs.stream().map(TrialResult::seed).toList(),
                stat(xs, t -> t.metrics().accuracy()), stat(xs, t -> t.metrics().macro().precision()),
                stat(xs, t -> t.metrics().macro().recall()), stat(xs, t -> t.metrics().macro().f1()),
                xs.stream().allMatch(x -> x.metrics().logLoss() != null) ? stat(xs, t -> t.metrics().logLoss()) : null,
                stat(xs, t -> t.times().trainSeconds()), stat(xs, t -> t.times().predictSeconds()))));

        List<String> ids = new ArrayList<>(bySeed.keySet());
        Map<String, Map<Long, Double>> accuracy = new LinkedHashMap<>();
        bySeed.forEach((id, xs) -> accuracy.put(id, accuracies(xs)));
        List<Statistics.PairedT> tests = new ArrayList<>();
        List<String[]> names = new ArrayList<>();
        for (int a = 0; a < ids.size(); a++) {
            for (int b = a + 1; b < ids.size(); b++) {
                Map<Long, Double> accA = accuracy.get(ids.get(a));
                Map<Long, Double> accB = accuracy.get(ids.get(b));
                List<Long> common = accA.keySet().stream().filter(accB::containsKey).sorted().toList();
                double[] x = common.stream().mapToDouble(accA::get).toArray();
                double[] y = common.stream().mapToDouble(accB::get).toArray();
                tests.add(Statistics.pairedT(x, y));
                names.add(new String[]{ids.get(a), ids.get(b)});
            }
        }
        double[] defined = tests.stream().filter(t -> t.pValue() != null).mapToDouble(Statistics.PairedT::pValue).toArray();
        double[] adjusted = Statistics.holm(defined);
        List<Pair> pairs = new ArrayList<>();
        int k = 0;
        for (int i = 0; i < tests.size(); i++) {
            Statistics.PairedT t = tests.get(i);
            pairs.add(new Pair(names.get(i)[0], names.get(i)[1], t, t.pValue() == null ? null : adjusted[k++]));
        }
        return new SeedStats(rows, pairs);
    }

    private static Map<Long, Double> accuracies(List<TrialResult> xs) {
        Map<Long, Double> m = new LinkedHashMap<>();
        xs.forEach(x -> m.put(x.seed(), x.metrics().accuracy()));
        return m;
    }

    private static Statistics.Summary stat(List<TrialResult> xs, Function<TrialResult, Double> f) {
        return Statistics.Summary.of(xs.stream().map(f).filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).toArray());
    }
}
