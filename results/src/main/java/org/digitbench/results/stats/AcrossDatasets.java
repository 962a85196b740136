package org.digitbench.results.stats;

import org.digitbench.api.DigitbenchException;
import org.digitbench.api.SourceFile;
import org.digitbench.eval.RankTests;
import org.digitbench.results.ModelSummary;
import org.digitbench.results.RunResults;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Models compared across datasets, one run per dataset: each model's accuracy on each, its rank there, its mean
 * rank, and (with 3 datasets or more) the Friedman test and the Nemenyi critical difference (Demšar 2006). A model
 * enters only where it has an accuracy on every dataset, since the tests need complete blocks; where it has several
 * seeds, its accuracy is their mean.
 *
 * @param datasets           the datasets, in the order given
 * @param models             the models compared, best mean rank first
 * @param leftOut            models some dataset has no accuracy for, and why
 * @param friedman           the Friedman test, or {@code null} when there is none ({@code noTest} says why)
 * @param criticalDifference the Nemenyi critical difference at {@code alpha}, or {@code null} without a test
 * @param alpha              the level of the tests
 * @param noTest             why there is no test, or {@code null}
 */
public record AcrossDatasets(List<Column> datasets, List<Row> models, List<LeftOut> leftOut, RankTests.Friedman friedman,
                             Double criticalDifference, double alpha, String noTest) {

    /** Datasets needed for the tests. */
    public static final int MIN_DATASETS_FOR_TESTS = 3;

    /**
     * @param runId  the run of this dataset
     * @param name   the dataset's name (its training set's, less {@code -train})
     * @param train  training images
     * @param test   test images
     * @param seeds  seeds per model
     */
    public record Column(String runId, String name, int train, int test, int seeds) {
    }

    /**
     * @param pluginId the model
     * @param library  its library
     * @param accuracy mean test accuracy on each dataset, in the datasets' order
     * @param ranks    its rank on each dataset (1 is the best; ties share the mean rank)
     * @param meanRank the mean of its ranks
     */
    public record Row(String pluginId, String library, List<Double> accuracy, List<Double> ranks, double meanRank) {
    }

    /** A model not compared: {@code reason} names the dataset it has no accuracy on. */
    public record LeftOut(String pluginId, String reason) {
    }

    /** Whether two models' mean ranks differ significantly: the Friedman test rejected and they are a CD apart. */
    public boolean differ(Row a, Row b) {
        return friedman != null && friedman.pF() < alpha && Math.abs(a.meanRank() - b.meanRank()) >= criticalDifference;
    }

    /** The pairs of models whose ranks differ significantly, as "a vs b". */
    public List<String> differingPairs() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            for (int j = i + 1; j < models.size(); j++) {
                if (differ(models.get(i), models.get(j))) {
                    out.add(models.get(i).pluginId() + " vs " + models.get(j).pluginId());
                }
            }
        }
        return out;
    }

    /**
     * Compares the runs' models.
     *
     * @param runIds the runs' folder names, in the order of {@code runs}
     */
    public static AcrossDatasets of(List<String> runIds, List<RunResults> runs, double alpha) {
        return of(runIds, runs, alpha, Score.ACCURACY);
    }

    /** What the models are ranked by on each dataset. */
    public enum Score {
        /** Test accuracy, the mean over the seeds. */
        ACCURACY("accuracy"),
        /** Mean corruption accuracy of the main seed's trial, on the run's robustness suite. */
        CORRUPTED("mean corruption accuracy");

        private final String description;

        Score(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        /** The model's score in a run, or {@code null} when it has none there. */
        Double of(RunResults run, String pluginId) {
            if (this == ACCURACY) {
                return run.summary(pluginId).filter(s -> s.accuracy() != null).map(s -> s.accuracy().mean()).orElse(null);
            }
            return run.mainTrials().stream().filter(t -> t.pluginId().equals(pluginId) && t.ok())
                    .map(t -> t.evaluation().robustness()).filter(r -> r != null && r.meanAccuracy() != null)
                    .map(org.digitbench.eval.Robustness::meanAccuracy).findFirst().orElse(null);
        }
    }

    /**
     * Compares the runs' models by {@code score}.
     *
     * @param runIds the runs' folder names, in the order of {@code runs}
     */
    public static AcrossDatasets of(List<String> runIds, List<RunResults> runs, double alpha, Score score) {
        if (runs.size() < 2) {
            throw new DigitbenchException("a comparison across datasets needs at least 2 runs, one per dataset; got " + runs.size());
        }
        requireDistinctDatasets(runIds, runs);
        List<Column> columns = new ArrayList<>();
        for (int d = 0; d < runs.size(); d++) {
            RunResults r = runs.get(d);
            columns.add(new Column(runIds.get(d), name(r), r.data().train().size(), r.data().test().size(), r.plan().seeds().size()));
        }
        Set<String> ids = new LinkedHashSet<>();
        runs.forEach(r -> ids.addAll(r.plan().plugins()));
        List<String> compared = new ArrayList<>();
        List<LeftOut> left = new ArrayList<>();
        List<double[]> byModel = new ArrayList<>();
        for (String id : ids) {
            double[] acc = new double[runs.size()];
            String missing = null;
            for (int d = 0; d < runs.size() && missing == null; d++) {
                Optional<ModelSummary> s = runs.get(d).summary(id);
                Double value = score.of(runs.get(d), id);
                if (s.isEmpty() || value == null) {
                    missing = (s.isEmpty() ? "not in run " : s.get().accuracy() == null ? "failed in run "
                            : "no " + score.description() + " in run ") + runIds.get(d) + " (" + columns.get(d).name() + ")";
                } else {
                    acc[d] = value;
                }
            }
            if (missing == null) {
                compared.add(id);
                byModel.add(acc);
            } else {
                left.add(new LeftOut(id, missing));
            }
        }
        double[][] scores = new double[runs.size()][compared.size()];
        for (int m = 0; m < compared.size(); m++) {
            for (int d = 0; d < runs.size(); d++) {
                scores[d][m] = byModel.get(m)[d];
            }
        }
        double[][] ranks = compared.isEmpty() ? new double[runs.size()][0] : RankTests.ranks(scores);
        double[] mean = compared.isEmpty() ? new double[0] : RankTests.meanRanks(ranks);
        List<Row> rows = new ArrayList<>();
        for (int m = 0; m < compared.size(); m++) {
            List<Double> acc = new ArrayList<>();
            List<Double> rk = new ArrayList<>();
            for (int d = 0; d < runs.size(); d++) {
                acc.add(scores[d][m]);
                rk.add(ranks[d][m]);
            }
            String id = compared.get(m);
            String library = runs.stream().map(r -> r.summary(id)).flatMap(Optional::stream).findFirst()
                    .map(ModelSummary::library).orElse("");
            rows.add(new Row(id, library, List.copyOf(acc), List.copyOf(rk), mean[m]));
        }
        rows.sort(java.util.Comparator.comparingDouble(Row::meanRank));
        if (compared.size() < 2) {
            return new AcrossDatasets(columns, rows, left, null, null, alpha, "only " + compared.size()
                    + " model has its " + score.description() + " on every dataset; ranks need two at least");
        }
        if (runs.size() < MIN_DATASETS_FOR_TESTS) {
            return new AcrossDatasets(columns, rows, left, null, null, alpha, "with " + runs.size() + " datasets there is no test: "
                    + "Friedman's statistic is compared with a chi-squared or F distribution, an approximation that needs "
                    + "more datasets than that; give " + MIN_DATASETS_FOR_TESTS + " or more (Demšar 2006 uses 14)");
        }
        RankTests.Friedman f = RankTests.friedman(mean, runs.size());
        double cd = RankTests.nemenyiCriticalDifference(compared.size(), runs.size(), alpha);
        return new AcrossDatasets(columns, rows, left, f, cd, alpha, null);
    }

    /** The dataset's name: its training set's, without {@code -train}. */
    public static String name(RunResults r) {
        String n = r.data().train().name();
        return n == null ? "?" : n.replaceFirst("-train$", "");
    }

    private static void requireDistinctDatasets(List<String> runIds, List<RunResults> runs) {
        for (int a = 0; a < runs.size(); a++) {
            for (int b = a + 1; b < runs.size(); b++) {
                if (checksums(runs.get(a)).equals(checksums(runs.get(b)))) {
                    throw new DigitbenchException("runs " + runIds.get(a) + " and " + runIds.get(b) + " are on the same dataset ("
                            + name(runs.get(a)) + ", files with the same SHA-256); a comparison across datasets needs one run "
                            + "per dataset (to compare two runs of one dataset, use --compare A B)");
                }
            }
        }
    }

    private static List<String> checksums(RunResults r) {
        List<String> sums = new ArrayList<>();
        for (RunResults.DatasetInfo d : List.of(r.data().train(), r.data().test())) {
            d.sources().stream().map(SourceFile::sha256).sorted().forEach(sums::add);
            sums.add("|");
        }
        return sums;
    }
}
