package org.digitbench.report;

import org.digitbench.api.Dataset;
import org.digitbench.api.EpochStats;
import org.digitbench.api.LayerInfo;
import org.digitbench.api.SourceFile;
import org.digitbench.data.DatasetSummary;
import org.digitbench.eval.ClassificationMetrics;
import org.digitbench.eval.Robustness;
import org.digitbench.eval.Statistics;
import org.digitbench.results.CorruptionSamples;
import org.digitbench.results.DigitImage;
import org.digitbench.results.Measurement;
import org.digitbench.results.Plan;
import org.digitbench.results.RunResults;
import org.digitbench.results.RunStatus;
import org.digitbench.results.Timing;
import org.digitbench.results.TrialResult;
import org.digitbench.results.TrialStatus;
import org.digitbench.results.provenance.Provenance;
import org.digitbench.testkit.TestData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A fixed, machine-independent results.json for report tests: three models (one a network), one failure. */
public final class ReportFixtures {
    private ReportFixtures() {
    }

    private static Map<String, Double> percentiles(double low, double high) {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("p0", low);
        p.put("p50", (low + high) / 2);
        p.put("p90", high);
        p.put("p99", high);
        p.put("p100", high);
        return p;
    }

    /** Two more seeds of the network and the tree (the failed model has none), for the report's across-seeds table. */
    private static List<TrialResult> seedTrials(String hostileName, int[] truth, Random random, Dataset test) {
        List<TrialResult> trials = new ArrayList<>();
        int[][] network = {noisy(truth, 0.08, random), noisy(truth, 0.06, random)};
        int[][] tree = {noisy(truth, 0.30, random), null};
        for (int k = 0; k < 2; k++) {
            long seed = 43 + k;
            trials.add(seeded(model("fixture-network", "NetLib", "mlp", "a network", TrialStatus.OK, null, truth, network[k], confident(network[k]),
                    12.0 + k, 0.25, 101_770L, List.of(), List.of(), test), seed));
            trials.add(seeded(model(hostileName, "Tree<Lib>", "decision-tree", "description with " + hostileName,
                    tree[k] == null ? TrialStatus.FAILED : TrialStatus.OK, tree[k] == null ? "IllegalStateException: seed 44" : null, truth, tree[k], null,
                    tree[k] == null ? null : 1.4, tree[k] == null ? null : 0.01, null, List.of(), List.of(), test), seed));
        }
        return trials;
    }

    /** Probabilities that put 0.82 on the predicted class. */
    private static double[][] confident(int[] predicted) {
        double[][] probabilities = new double[predicted.length][];
        for (int i = 0; i < predicted.length; i++) {
            probabilities[i] = new double[Dataset.NUM_CLASSES];
            java.util.Arrays.fill(probabilities[i], 0.02);
            probabilities[i][predicted[i]] = 0.82;
        }
        return probabilities;
    }

    private static TrialResult seeded(TrialResult t, long seed) {
        return new TrialResult(new TrialResult.Outcome(t.pluginId(), seed, t.status(), t.error()), t.plugin(), t.evaluation(), t.times(), t.network(),
                t.resources(), t.modelFile(), t.timing());
    }

    public static RunResults results(String hostileName) {
        Dataset test = TestData.synthetic(10, 9);
        int[] truth = test.labels();
        Random random = new Random(3);
        int[] good = noisy(truth, 0.05, random);
        int[] fair = noisy(truth, 0.25, random);
        double[][] probabilities = new double[truth.length][];
        for (int i = 0; i < truth.length; i++) {
            probabilities[i] = new double[Dataset.NUM_CLASSES];
            java.util.Arrays.fill(probabilities[i], 0.02);
            probabilities[i][good[i]] = 0.82;
        }
        List<EpochStats> history = List.of(
                new EpochStats(1, 0.9, 0.70, 0.95, 0.68, 3.0),
                new EpochStats(2, 0.5, 0.85, 0.60, 0.83, 2.9),
                new EpochStats(3, 0.3, 0.92, 0.58, 0.86, 2.9),
                new EpochStats(4, 0.2, 0.95, 0.65, 0.85, 3.1));
        List<LayerInfo> layers = List.of(new LayerInfo("dense1", "DenseLayer", "128", 100_480),
                new LayerInfo("output", "OutputLayer", "10", 1_290));
        List<TrialResult> models = new ArrayList<>();
        models.add(model("fixture-network", "NetLib", "mlp", "a network", TrialStatus.OK, null, truth, good, probabilities,
                12.5, 0.25, 101_770L, layers, history, test));
        models.add(model(hostileName, "Tree<Lib>", "decision-tree", "description with " + hostileName, TrialStatus.OK, null, truth, fair,
                null, 1.5, 0.01, null, List.of(), List.of(), test));
        models.add(model("fixture-broken", "NetLib", "cnn", "always fails", TrialStatus.FAILED, "IllegalStateException: boom <b>",
                truth, null, null, null, null, null, List.of(), List.of(), test));
        // JMH in each trial: the network timed completely, the other model's inference benchmark failed after its training
        Measurement train = new Measurement("org.digitbench.benchmarks.TrainingBenchmark.train", "ss", "s/op",
                new Measurement.Estimate(12.5, null, null, null, 1, List.of(12.5), percentiles(12.5, 12.5)),
                new Measurement.Iterations(0, 0, 1, null), 0.5, 1.9, "jmh/fixture-network.seed42.train.json", 13.0);
        Measurement batch = new Measurement("org.digitbench.benchmarks.InferenceBenchmark.batch", "avgt", "ms/op",
                new Measurement.Estimate(25.0, 1.0, 24.0, 26.0, 5, List.of(24.5, 25.0, 25.5, 25.0, 25.0), percentiles(24.5, 25.5),
                        73_728.0, 1.9),
                new Measurement.Iterations(0, 1, 5, "1 s", new Measurement.SteadyWarmup(4, 4.1, true, 0.05,
                        List.of(31.0, 26.0, 25.2, 25.0))), 0.4, 1.0, "jmh/fixture-network.seed42.batch.json", 6.0);
        Measurement batch32 = new Measurement("org.digitbench.benchmarks.BatchSizeBenchmark.batch", "avgt", "ms/op",
                new Measurement.Estimate(64.0, 20.0, 44.0, 84.0, 10, List.of(60.0, 61.0, 62.0, 63.0, 63.0, 64.0, 64.0, 65.0, 66.0, 112.0),
                        percentiles(60.0, 112.0), 262_144.0, 1.2),
                new Measurement.Iterations(0, 1, 10, "0.2 s"), 0.4, 1.0, "jmh/fixture-network.seed42.batch32.json", 2.2);
        Measurement single = new Measurement("org.digitbench.benchmarks.InferenceBenchmark.single", "sample", "us/op",
                new Measurement.Estimate(80.0, 2.0, 78.0, 82.0, 40_000, List.of(70.0, 80.0, 95.0), Map.of("p0", 60.0, "p50", 75.0,
                        "p90", 90.0, "p99", 150.0, "p100", 900.0)),
                new Measurement.Iterations(0, 1, 5, "1 s"), 0.4, 1.0, "jmh/fixture-network.seed42.single.json", 6.0);
        Measurement treeTrain = new Measurement("org.digitbench.benchmarks.TrainingBenchmark.train", "ss", "s/op",
                new Measurement.Estimate(1.5, null, null, null, 1, List.of(1.5), percentiles(1.5, 1.5)),
                new Measurement.Iterations(0, 0, 1, null), 3.5, 3.4, "javascript:alert(1)", 2.0);
        models.set(0, models.get(0).withTiming(null, new Timing(TrialStatus.OK, null, train, batch, single,
                new Timing.Throughput(9 / 0.025, 9, List.of(new Timing.BatchSize(32, batch32, 32 / 0.0635, null),
                        new Timing.BatchSize(256, null, null, "the test set has 20 images"))), new Timing.Load(0.5, false), 1.0)));
        models.set(1, models.get(1).withTiming(null, new Timing(TrialStatus.FAILED,
                "batch: IllegalStateException: no batch path", treeTrain, null, null, null, 9, new Timing.Load(3.5, true), 0.2)));
        // robustness: two corruptions; the network evaluated on both, the tree stopped on the second
        int[] examples = {0, 1};
        Random corrupting = new Random(7);
        List<DigitImage> clean = List.of(image(test, 0, null, null), image(test, 1, null, null));
        CorruptionSamples suite = new CorruptionSamples("default", "MNIST-C's fifteen corruptions", truth.length, 42, clean, List.of(
                new CorruptionSamples.Corruption("shot-noise", "Poisson noise", true, clean),
                new CorruptionSamples.Corruption("fog", "a plasma fractal <b>added</b>", true, clean)));
        models.set(0, models.get(0).withRobustness(Robustness.of("default", truth, good, List.of(
                Robustness.corrupted("shot-noise", truth, noisy(truth, 0.2, corrupting), examples),
                Robustness.corrupted("fog", truth, noisy(truth, 0.5, corrupting), examples)), null)));
        models.set(1, models.get(1).withRobustness(Robustness.of("default", truth, fair, List.of(
                Robustness.corrupted("shot-noise", truth, noisy(truth, 0.6, corrupting), examples)), "fog: OutOfMemoryError: <i>heap</i>")));
        List<RunResults.Comparison> comparisons = List.of(new RunResults.Comparison("fixture-network", hostileName,
                Statistics.mcnemar(truth, good, fair)));
        SourceFile images = new SourceFile("data/mnist/t10k-images-idx3-ubyte.gz", "ab".repeat(32), 1_648_877);
        RunResults.DatasetInfo trainInfo = new RunResults.DatasetInfo("mnist-train", 300, List.of(images),
                List.of("normalised: unit"), DatasetSummary.of(TestData.synthetic(30, 1)));
        RunResults.DatasetInfo testInfo = new RunResults.DatasetInfo("mnist-test", truth.length, List.of(images),
                List.of("normalised: unit"), DatasetSummary.of(test));
        List<DigitImage> samples = new ArrayList<>();
        for (int i = 0; i < Dataset.NUM_CLASSES; i++) {
            samples.add(image(test, i, null, null));
        }
        Map<String, String> libraries = new LinkedHashMap<>();
        libraries.put("NetLib", "1.0");
        libraries.put("Tree<Lib>", "2.0");
        libraries.put("JMH", "1.37");
        Provenance provenance = new Provenance(new Provenance.Build("0.0.0-test", "0123456789abcdef", false),
                new Provenance.Java("25", "Vendor", "Test VM 25", List.of("-Xmx8g")), new Provenance.Host("Linux 6.1 amd64", 2, 8L << 30),
                libraries, 42);
        models.addAll(seedTrials(hostileName, truth, random, test));
        Plan plan = new Plan(List.of("fixture-network", hostileName, "fixture-broken"), List.of(42L, 43L, 44L),
                Plan.JMH, false);
        RunResults base = new RunResults(new RunResults.Header(RunResults.SCHEMA_VERSION, "fixture-run", RunStatus.COMPLETE,
                Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-01-02T03:14:05Z"), "quick", List.of("run", "--profile", "quick")),
                provenance,
                new RunResults.DataInfo("unit", "pixel / 255, into [0, 1]", trainInfo, testInfo, samples).withRobustness(suite), plan, List.of(),
                List.of(), comparisons);
        return base.withTrials(models, base.status(), base.finishedAt(), truth);
    }

    /** The fixture with the network's batch figure unstable: one slow iteration among five (a collection, say). */
    public static RunResults unstableBatch() {
        RunResults r = results("fixture-tree");
        List<TrialResult> trials = new ArrayList<>(r.trials());
        for (int i = 0; i < trials.size(); i++) {
            TrialResult t = trials.get(i);
            if (t.timing() != null && t.timing().batch() != null) {
                Timing old = t.timing();
                Measurement b = old.batch();
                Measurement.Estimate e = b.estimate();
                Measurement slow = new Measurement(b.benchmark(), b.mode(), b.unit(), new Measurement.Estimate(e.score(), e.scoreError(),
                        e.ciLow(), e.ciHigh(), e.sampleCount(), List.of(24.5, 25.0, 25.5, 25.0, 90.0), e.percentiles(), e.profile()),
                        b.iterations(), b.loadBefore(), b.loadAfter(), b.jsonFile(), b.wallSeconds());
                trials.set(i, t.withTiming(t.modelFile(), new Timing(old.status(), old.error(), old.training(), slow, old.single(),
                        old.throughput(), old.load(), old.warmupSeconds())));
            }
        }
        return r.withTrials(trials, r.status(), r.finishedAt(), null);
    }

    private static TrialResult model(String id, String library, String family, String description, TrialStatus status,
                                                String error, int[] truth, int[] predicted, double[][] probabilities,
                                                Double train, Double predict, Long params, List<LayerInfo> layers,
                                                List<EpochStats> history, Dataset test) {
        ClassificationMetrics metrics = predicted == null ? null
                : ClassificationMetrics.of(truth, predicted, probabilities, Dataset.NUM_CLASSES);
        List<DigitImage> mistakes = new ArrayList<>();
        if (predicted != null) {
            for (int i = 0; i < truth.length && mistakes.size() < 3; i++) {
                if (predicted[i] != truth[i]) {
                    mistakes.add(image(test, i, predicted[i], probabilities == null ? null : 0.82));
                }
            }
        }
        Map<String, Object> hp = new LinkedHashMap<>();
        hp.put("depth", 20);
        hp.put("note", "<i>" + id + "</i>");
        return new TrialResult(new TrialResult.Outcome(id, 42, status, error),
                new TrialResult.PluginInfo(library, "1.0", family, description, hp, Map.of("trainer", "Trainer<" + id + ">")),
                new TrialResult.Evaluation(300, truth.length, metrics, predicted, mistakes, predicted == null || probabilities == null
                        ? null : org.digitbench.eval.Calibration.of(truth, probabilities, org.digitbench.eval.Calibration.BINS)),
                new TrialResult.Times(train, predict, 20.0, Instant.parse("2026-01-02T03:10:00Z")),
                new TrialResult.Network(params, layers, history),
                new TrialResult.Resources(1L << 28, 1L << 30,
                        new org.digitbench.results.provenance.Machine("fixture-host", "Fixture CPU 2.0GHz", 2, "0-1", 1L << 33, null, null),
                        params == null ? null : 4L * params + 2048),
                null, null);
    }

    /** A test image the way the runner records it (through the public JSON shape). */
    private static DigitImage image(Dataset data, int i, Integer predicted, Double confidence) {
        float[] row = data.row(i);
        byte[] bytes = new byte[row.length];
        for (int j = 0; j < row.length; j++) {
            bytes[j] = (byte) Math.round(row[j] * 255);
        }
        return new DigitImage(i, data.label(i), predicted, confidence, data.height(), data.width(),
                java.util.Base64.getEncoder().encodeToString(bytes));
    }

    private static int[] noisy(int[] truth, double errorRate, Random random) {
        int[] p = truth.clone();
        for (int i = 0; i < p.length; i++) {
            if (random.nextDouble() < errorRate) {
                p[i] = (p[i] + 1 + random.nextInt(9)) % Dataset.NUM_CLASSES;
            }
        }
        return p;
    }
}
