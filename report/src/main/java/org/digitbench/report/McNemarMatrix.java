package org.digitbench.report;

import org.digitbench.eval.Statistics;
import org.digitbench.results.RunResults;
import org.digitbench.results.TrialResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * McNemar's p-values between every pair of models, Holm-adjusted over all pairs of the run, as
 * table rows; a cell is significant when its adjusted p-value is below 0.05.
 */
final class McNemarMatrix {
    static final double ALPHA = 0.05;

    private McNemarMatrix() {
    }

    record Cell(String text, String title, boolean significant, boolean diagonal) {
    }

    record Row(String model, List<Cell> cells) {
    }

    /**
     * @param models the models, in the leaderboard's order (the rows' and columns' headings)
     * @param rows   one row per model
     * @param pairs  pairs tested (Holm's correction is over all of them)
     */
    record Matrix(List<String> models, List<Row> rows, int pairs) {
    }

    static Matrix of(List<TrialResult> models, List<RunResults.Comparison> comparisons) {
        List<RunResults.Comparison> pairs = comparisons == null ? List.of() : comparisons;
        double[] raw = pairs.stream().mapToDouble(c -> c.mcnemar().pValue()).toArray();
        double[] adjusted = Statistics.holm(raw);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            index.put(pairs.get(i).modelA() + "\u0000" + pairs.get(i).modelB(), i);
            index.put(pairs.get(i).modelB() + "\u0000" + pairs.get(i).modelA(), i);
        }
        List<Row> rows = new ArrayList<>();
        for (TrialResult a : models) {
            List<Cell> cells = new ArrayList<>();
            for (TrialResult b : models) {
                if (a == b) {
                    cells.add(new Cell("", "", false, true));
                    continue;
                }
                Integer k = index.get(a.pluginId() + "\u0000" + b.pluginId());
                if (k == null) {
                    cells.add(new Cell("–", "not compared", false, false));
                    continue;
                }
                Statistics.McNemar t = pairs.get(k).mcnemar();
                boolean aFirst = pairs.get(k).modelA().equals(a.pluginId());
                String title = String.format(Locale.ROOT, "%s right, %s wrong: %d; the reverse: %d; p = %.3g (%s), Holm-adjusted %.3g",
                        a.pluginId(), b.pluginId(), aFirst ? t.onlyA() : t.onlyB(), aFirst ? t.onlyB() : t.onlyA(),
                        t.pValue(), t.method(), adjusted[k]);
                cells.add(new Cell(format(adjusted[k]), title, adjusted[k] < ALPHA, false));
            }
            rows.add(new Row(a.pluginId(), cells));
        }
        return new Matrix(models.stream().map(TrialResult::pluginId).toList(), rows, pairs.size());
    }

    private static String format(double p) {
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }
}
