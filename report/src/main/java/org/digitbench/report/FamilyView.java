package org.digitbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.digitbench.results.TrialResult;

/**
 * The answer to "which library for this algorithm?": the models grouped by family across libraries (every random
 * forest together), each against the family's best accuracy and its fastest training and prediction. Families with a
 * single model are left out: there is nothing to compare.
 */
final class FamilyView {
    private FamilyView() {
    }

    /** One family's models, best accuracy first. */
    record Family(String family, List<Member> members) {
    }

    /**
     * One model of a family.
     *
     * @param behind       accuracy points behind the family's best ("best" for the best)
     * @param trainTimes   its training time as a multiple of the family's fastest ("fastest" for the fastest)
     * @param predictTimes its batch throughput's shortfall: the family's highest images/s over its own, as a multiple
     */
    record Member(String id, String library, String accuracy, String behind, String train, String trainTimes, String imagesPerSecond,
                  String predictTimes) {
    }

    static List<Family> of(List<TrialResult> ok) {
        Map<String, List<TrialResult>> byFamily = new LinkedHashMap<>();
        for (TrialResult t : ok) {
            byFamily.computeIfAbsent(t.plugin().family(), k -> new ArrayList<>()).add(t);
        }
        List<Family> families = new ArrayList<>();
        byFamily.forEach((family, models) -> {
            if (models.size() < 2) {
                return;
            }
            double best = models.stream().mapToDouble(t -> t.metrics().accuracy()).max().orElse(0);
            double fastest = models.stream().map(t -> t.times().trainSeconds()).filter(s -> s != null && s > 0)
                    .mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            double quickest = models.stream().map(FamilyView::imagesPerSecond).filter(s -> s != null && s > 0)
                    .mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            List<Member> members = models.stream()
                    .sorted(java.util.Comparator.comparingDouble((TrialResult t) -> -t.metrics().accuracy()))
                    .map(t -> member(t, best, fastest, quickest)).toList();
            families.add(new Family(family, members));
        });
        families.sort(java.util.Comparator.comparing(Family::family));
        return families;
    }

    private static Member member(TrialResult t, double best, double fastest, double quickest) {
        double accuracy = t.metrics().accuracy();
        Double train = t.times().trainSeconds();
        Double ips = imagesPerSecond(t);
        return new Member(t.pluginId(), t.plugin().library(), LeaderboardRows.f4(accuracy),
                accuracy >= best ? "best" : String.format(Locale.ROOT, "−%.2f", 100 * (best - accuracy)),
                LeaderboardRows.seconds(train), times(train, fastest, false),
                ips == null ? "–" : String.format(Locale.ROOT, "%,.0f", ips), times(ips, quickest, true));
    }

    /** Images/s of the batch benchmark (JMH), or of the evaluation without it. */
    private static Double imagesPerSecond(TrialResult t) {
        if (t.timing() != null && t.timing().imagesPerSecond() != null) {
            return t.timing().imagesPerSecond();
        }
        Double predict = t.times().predictSeconds();
        return predict == null || predict <= 0 ? null : t.evaluation().testSize() / predict;
    }

    /** "fastest", or how many times slower than the fastest of the family. */
    private static String times(Double value, double extreme, boolean higherIsFaster) {
        if (value == null || value <= 0 || Double.isNaN(extreme)) {
            return "–";
        }
        double ratio = higherIsFaster ? extreme / value : value / extreme;
        return ratio <= 1.0 + 1e-9 ? "fastest" : String.format(Locale.ROOT, "%.1f×", ratio);
    }
}
