package org.digitbench.report;

import java.util.ArrayList;
import java.util.List;
import org.digitbench.api.EpochStats;
import org.digitbench.eval.ClassificationMetrics;
import org.digitbench.run.RunResults;

/** What the report's charts draw, as JSON for its script. */
record ChartData(List<ModelPoint> models) {

    /**
     * @param overfitting for networks: the epoch after which validation loss rose while training loss fell, else null
     */
    record ModelPoint(String id, String library, String anchor, double accuracy, double low, double high, Double trainSeconds,
                      Double predictSeconds, boolean pareto, List<Double> perClassF1, int[][] confusion,
                      List<EpochStats> history, Integer overfitting) {
    }

    static ChartData of(List<RunResults.ModelResult> models) {
        List<ModelPoint> points = new ArrayList<>();
        for (RunResults.ModelResult m : models) {
            ClassificationMetrics x = m.metrics();
            points.add(new ModelPoint(m.pluginId(), m.library(), ReportWriter.anchor(m.pluginId()), x.accuracy(),
                    x.accuracyCi95().low(), x.accuracyCi95().high(), m.trainSeconds(), m.predictSeconds(),
                    onParetoFront(m, models), x.perClass().stream().map(ClassificationMetrics.ClassScores::f1).toList(),
                    x.confusion(), m.history() == null ? List.of() : m.history(), overfitting(m.history())));
        }
        return new ChartData(points);
    }

    /** No other model is at least as accurate and at least as fast to train, and better in one of the two. */
    static boolean onParetoFront(RunResults.ModelResult m, List<RunResults.ModelResult> all) {
        if (m.trainSeconds() == null) {
            return false;
        }
        for (RunResults.ModelResult o : all) {
            if (o == m || o.trainSeconds() == null) {
                continue;
            }
            double a = m.metrics().accuracy();
            double b = o.metrics().accuracy();
            if (b >= a && o.trainSeconds() <= m.trainSeconds() && (b > a || o.trainSeconds() < m.trainSeconds())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The best epoch by validation loss when, after it, validation loss ended more than 2% higher
     * while training loss went on falling; {@code null} when there is no such sign of over-fitting.
     */
    static Integer overfitting(List<EpochStats> history) {
        if (history == null || history.size() < 3 || history.getLast().validationLoss() == null) {
            return null;
        }
        EpochStats best = history.getFirst();
        for (EpochStats e : history) {
            if (e.validationLoss() < best.validationLoss()) {
                best = e;
            }
        }
        EpochStats last = history.getLast();
        boolean rose = last.validationLoss() > best.validationLoss() * 1.02;
        boolean trainFell = last.trainLoss() < best.trainLoss();
        return best != last && rose && trainFell ? best.epoch() : null;
    }
}
