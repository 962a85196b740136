package org.digitbench.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.digitbench.eval.Statistics;

/**
 * Scores across seeds ({@code --seeds}): per model the mean and standard deviation of every metric
 * over the seeds it succeeded with, and a paired t-test of accuracy between every two models over
 * their common seeds, with Holm's correction over the pairs that have a p-value.
 */
public record SeedStats(List<Row> rows, List<Pair> pairs) {

    /** One model across seeds; {@code logLoss} is null for models without probabilities. */
    public record Row(String pluginId, List<Long> seeds, Statistics.MeanSd accuracy, Statistics.MeanSd macroPrecision,
                      Statistics.MeanSd macroRecall, Statistics.MeanSd macroF1, Statistics.MeanSd logLoss,
                      Statistics.MeanSd trainSeconds, Statistics.MeanSd predictSeconds) {
    }

    /** Two models' accuracies, paired by seed; {@code holmP} is null when the test has no p-value. */
    public record Pair(String modelA, String modelB, Statistics.PairedT test, Double holmP) {
    }

    /** Whether the run has repeats at all. */
    public static boolean applies(RunResults r) {
        return !r.repeats().isEmpty();
    }

    public static SeedStats of(RunResults r) {
        Map<String, List<RunResults.Repeat>> bySeed = new LinkedHashMap<>();
        for (RunResults.ModelResult m : r.models()) {
            if (m.ok()) {
                bySeed.computeIfAbsent(m.pluginId(), k -> new ArrayList<>()).add(RunResults.Repeat.of(m));
            }
        }
        for (RunResults.Repeat x : r.repeats()) {
            if (x.ok() && bySeed.containsKey(x.pluginId())) {
                bySeed.get(x.pluginId()).add(x);
            }
        }
        List<Row> rows = new ArrayList<>();
        bySeed.forEach((id, xs) -> rows.add(new Row(id, xs.stream().map(RunResults.Repeat::seed).toList(),
                stat(xs, RunResults.Repeat::accuracy), stat(xs, RunResults.Repeat::macroPrecision),
                stat(xs, RunResults.Repeat::macroRecall), stat(xs, RunResults.Repeat::macroF1),
                xs.stream().allMatch(x -> x.logLoss() != null) ? stat(xs, RunResults.Repeat::logLoss) : null,
                stat(xs, RunResults.Repeat::trainSeconds), stat(xs, RunResults.Repeat::predictSeconds))));

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

    private static Map<Long, Double> accuracies(List<RunResults.Repeat> xs) {
        Map<Long, Double> m = new LinkedHashMap<>();
        xs.forEach(x -> m.put(x.seed(), x.accuracy()));
        return m;
    }

    private static Statistics.MeanSd stat(List<RunResults.Repeat> xs, Function<RunResults.Repeat, Double> f) {
        return Statistics.MeanSd.of(xs.stream().map(f).filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).toArray());
    }
}
