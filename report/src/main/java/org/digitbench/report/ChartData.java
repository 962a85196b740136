package org.digitbench.report;

import org.digitbench.api.EpochStats;
import org.digitbench.eval.Calibration;
import org.digitbench.eval.ClassificationMetrics;
import org.digitbench.eval.MedianInterval;
import org.digitbench.results.Measurement;
import org.digitbench.results.ModelSummary;
import org.digitbench.results.RunResults;
import org.digitbench.results.Timing;
import org.digitbench.results.TrialResult;
import org.digitbench.results.text.Stability;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What the report's charts draw, as JSON for its script.
 *
 * @param jmhTraining whether the training times are JMH's single shots (when every model has one) rather than the wall clock
 */
record ChartData(List<ModelPoint> models, boolean jmhTraining) {

    /**
     * One model in the charts; the fields of its parts stand at the top level of the script's JSON, in this order.
     *
     * @param accuracy its accuracy on the test set with its 95% interval
     * @param times    its times, and whether it is on the accuracy/training-time Pareto front
     * @param classes  per-class F1 and the confusion matrix
     * @param epochs   for networks, the training history
     * @param jmh      JMH's figures
     */
    record ModelPoint(String id, String library, String anchor, @JsonUnwrapped Accuracy accuracy, @JsonUnwrapped Times times,
                      @JsonUnwrapped Classes classes, @JsonUnwrapped Epochs epochs, @JsonUnwrapped Jmh jmh,
                      @JsonUnwrapped Reliability reliability) {
    }

    /**
     * @param ece  expected calibration error, or null for a model without probabilities
     * @param bins the reliability diagram's bins that hold images: [mean confidence, accuracy, images]
     */
    record Reliability(Double ece, List<double[]> bins) {
        static Reliability of(Calibration c) {
            return c == null ? new Reliability(null, List.of()) : new Reliability(c.ece(), c.reliability().stream()
                    .filter(b -> b.count() > 0).map(b -> new double[]{b.confidence(), b.accuracy(), b.count()}).toList());
        }
    }

    /** Test accuracy and the ends of its 95% interval. */
    record Accuracy(double accuracy, double low, double high) {
    }

    /**
     * @param trainSeconds the training's time (JMH's single shot when {@code jmhTraining}, else the wall clock)
     * @param pareto       whether no other model is both more accurate and faster to train
     */
    record Times(Double trainSeconds, Double predictSeconds, boolean pareto) {
    }

    /** Per-class F1 and the confusion matrix. */
    record Classes(List<Double> perClassF1, int[][] confusion) {
    }

    /** @param overfitting for networks: the epoch after which validation loss rose while training loss fell, else null */
    record Epochs(List<EpochStats> history, Integer overfitting) {
    }

    /**
     * @param jmhTrain the training time in seconds: across seeds the mean with its 95% interval, else the single shot
     * @param jmhBatch the batch benchmark's time per image in milliseconds: the median of its iterations with its 95%
     *                 order-statistic interval (never below zero), or JMH's score alone where no iterations were kept
     * @param imagesPerSecondBySize images per second by images per call (1, the batch sizes, the batch)
     */
    record Jmh(Interval jmhTrain, Interval jmhBatch, java.util.SortedMap<Integer, Double> imagesPerSecondBySize) {
    }

    /** A JMH score with the ends of its interval ({@code null} when JMH gave none). */
    record Interval(double score, Double low, Double high) {
        static Interval of(Measurement m) {
            return m == null ? null : new Interval(m.score(), m.ciLow(), m.ciHigh());
        }
    }

    static ChartData of(List<TrialResult> models, RunResults results) {
        boolean jmh = !models.isEmpty() && models.stream().allMatch(m -> m.timing() != null && m.timing().training() != null);
        Function<TrialResult, Double> trainTime = jmh ? m -> m.timing().training().score() : (TrialResult t) -> t.times().trainSeconds();
        List<ModelPoint> points = new ArrayList<>();
        for (TrialResult m : models) {
            ClassificationMetrics x = m.metrics();
            Timing t = m.timing();
            points.add(new ModelPoint(m.pluginId(), m.plugin().library(), ReportWriter.anchor(m.pluginId()),
                    new Accuracy(x.accuracy(), x.accuracyCi95().low(), x.accuracyCi95().high()),
                    new Times(trainTime.apply(m), m.times().predictSeconds(), onParetoFront(m, models, trainTime)),
                    new Classes(x.perClass().stream().map(ClassificationMetrics.ClassScores::f1).toList(), x.confusion()),
                    new Epochs(m.network().history() == null ? List.of() : m.network().history(), overfitting(m.network().history())),
                    new Jmh(t == null ? null : training(m, results), t == null ? null : perImage(t),
                            t == null ? null : t.imagesPerSecondBySize()),
                    Reliability.of(m.evaluation().calibration())));
        }
        return new ChartData(points, jmh);
    }

    /** The training time: the mean over seeds with its 95% interval where there are several, else the one single shot. */
    private static Interval training(TrialResult m, RunResults results) {
        var summary = results.summary(m.pluginId()).map(ModelSummary::trainSeconds).orElse(null);
        if (summary != null && summary.n() > 1) {
            return new Interval(summary.mean(), summary.ciLow(), summary.ciHigh());
        }
        return Interval.of(m.timing().training());
    }

    /** The batch benchmark's time per image (ms): the median of its iterations with its order-statistic interval. */
    private static Interval perImage(Timing t) {
        if (t.batch() == null || t.batchImages() == null) {
            return null;
        }
        double n = t.batchImages();
        Measurement b = t.batch();
        MedianInterval mi = Stability.of(b, t, 0).interval();
        return mi == null ? new Interval(b.score() / n, null, null) : new Interval(mi.median() / n, mi.low() / n, mi.high() / n);
    }

    static boolean onParetoFront(TrialResult m, List<TrialResult> all) {
        return onParetoFront(m, all, (TrialResult t) -> t.times().trainSeconds());
    }

    /** No other model is at least as accurate and at least as fast to train, and better in one of the two. */
    static boolean onParetoFront(TrialResult m, List<TrialResult> all,
                                 Function<TrialResult, Double> trainTime) {
        Double mine = trainTime.apply(m);
        if (mine == null) {
            return false;
        }
        for (TrialResult o : all) {
            Double theirs = trainTime.apply(o);
            if (o == m || theirs == null) {
                continue;
            }
            double a = m.metrics().accuracy();
            double b = o.metrics().accuracy();
            if (b >= a && theirs <= mine && (b > a || theirs < mine)) {
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
