package org.digitbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.DigitbenchException;
import org.digitbench.api.SourceFile;
import org.digitbench.eval.RankTests;
import org.digitbench.eval.Statistics;
import org.digitbench.results.ModelSummary;
import org.digitbench.results.Plan;
import org.digitbench.results.RunResults;
import org.digitbench.results.stats.AcrossDatasets;
import org.digitbench.results.store.ResultsStore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Models compared across datasets (one run each): the table, the ranks, the tests, and the page. */
class AcrossDatasetsTest {
    private static final List<String> MODELS = List.of("a-tree", "b-net", "c-linear", "d-knn");

    @TempDir
    Path dir;

    /** The fixture run, as if made on dataset {@code name}, with these mean accuracies (NaN: the model failed). */
    static RunResults on(String name, double... accuracy) {
        RunResults r = ReportFixtures.results("fixture-tree");
        String sha = String.format("%064x", new java.math.BigInteger(1, name.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        RunResults.DatasetInfo train = new RunResults.DatasetInfo(name + "-train", 600,
                List.of(new SourceFile(name + "/train-images-idx3-ubyte.gz", sha, 1000)), List.of(), r.data().train().summary());
        RunResults.DatasetInfo test = new RunResults.DatasetInfo(name + "-test", 300,
                List.of(new SourceFile(name + "/t10k-images-idx3-ubyte.gz", sha, 500)), List.of(), r.data().test().summary());
        RunResults.DataInfo data = new RunResults.DataInfo(r.data().normalization(), r.data().normalizationDescription(), train, test,
                List.of());
        List<ModelSummary> models = new ArrayList<>();
        for (int i = 0; i < accuracy.length; i++) {
            boolean ok = !Double.isNaN(accuracy[i]);
            models.add(new ModelSummary(MODELS.get(i), "Lib", "family", 1, ok ? 1 : 0,
                    new ModelSummary.Quality(ok ? Statistics.Summary.of(new double[] {accuracy[i]}) : null, null),
                    new ModelSummary.Speed(null, "jmh", null, null, null, null)));
        }
        Plan plan = new Plan(MODELS.subList(0, accuracy.length), List.of(42L), "jmh", false);
        return new RunResults(r.header().withRunId(name), r.provenance(), data, plan, models, List.of(), List.of());
    }

    /** The whole fixture run (its trials evaluated on corrupted images) as if made on dataset {@code name}. */
    static RunResults corruptedOn(String name) {
        RunResults r = ReportFixtures.results("fixture-tree");
        RunResults shaped = on(name, 0.9);
        return r.withData(shaped.data().withRobustness(r.data().robustness()));
    }

    @Test
    void ranksByMeanCorruptionAccuracyToo() throws IOException {
        List<RunResults> runs = List.of(corruptedOn("mnist"), corruptedOn("fashion"));
        AcrossDatasets x = AcrossDatasets.of(List.of("r1", "r2"), runs, 0.05, AcrossDatasets.Score.CORRUPTED);
        assertEquals(List.of("fixture-network", "fixture-tree"), x.models().stream().map(AcrossDatasets.Row::pluginId).toList(),
                "the network holds up better on the corrupted images");
        double networkMean = runs.getFirst().mainTrials().getFirst().evaluation().robustness().meanAccuracy();
        assertEquals(networkMean, x.models().getFirst().accuracy().getFirst(), 1e-12, "the main seed's mean corruption accuracy");
        assertEquals(List.of("fixture-broken"), x.leftOut().stream().map(AcrossDatasets.LeftOut::pluginId).toList());
        for (int i = 0; i < runs.size(); i++) {
            ResultsStore.write(Files.createDirectories(dir.resolve("r" + (i + 1))), runs.get(i));
        }
        String html = Files.readString(AcrossDatasetsWriter.write(dir, List.of("r1", "r2")));
        assertTrue(html.contains("id=\"across-corrupted\""), "a second table, by mean corruption accuracy");
        assertTrue(html.indexOf("fixture-network", html.indexOf("id=\"across-corrupted\""))
                < html.indexOf("fixture-tree", html.indexOf("id=\"across-corrupted\"")), "in that order");
    }

    @Test
    void ranksAndTestsOverThreeDatasets() {
        List<RunResults> runs = List.of(on("mnist", 0.97, 0.99, 0.92, 0.96), on("fashion", 0.80, 0.90, 0.84, 0.85),
                on("kmnist", 0.70, 0.95, 0.70, 0.90));
        AcrossDatasets x = AcrossDatasets.of(List.of("r1", "r2", "r3"), runs, 0.05);
        assertEquals(List.of("b-net", "d-knn", "a-tree", "c-linear"), x.models().stream().map(AcrossDatasets.Row::pluginId).toList(),
                "best mean rank first");
        AcrossDatasets.Row net = x.models().getFirst();
        assertEquals(List.of(1.0, 1.0, 1.0), net.ranks());
        AcrossDatasets.Row tree = x.models().get(2);
        assertEquals(List.of(2.0, 4.0, 3.5), tree.ranks(), "a tie on kmnist shares ranks 3 and 4");
        assertEquals(9.5 / 3, tree.meanRank(), 1e-12);
        RankTests.Friedman f = x.friedman();
        assertEquals(3.5, x.models().getLast().meanRank(), 1e-12, "c-linear: ranks 4, 3 and 3.5");
        // by hand: mean ranks 1, 7/3, 9.5/3, 3.5; χ²F = 12·3/(4·5)·(Σ R² − 4·25/4)
        double sum = 1 + Math.pow(7 / 3.0, 2) + Math.pow(9.5 / 3, 2) + 3.5 * 3.5;
        assertEquals(12.0 * 3 / 20 * (sum - 25), f.chiSquared(), 1e-9);
        assertEquals(3, f.datasets());
        assertEquals(4, f.models());
        assertEquals(2.569 * Math.sqrt(4 * 5 / 18.0), x.criticalDifference(), 0.002, "Demšar's q0.05 for k = 4");
        assertTrue(f.pF() < 0.05, "b-net first on every dataset: p = " + f.pF());
        assertEquals(List.of(), x.differingPairs(), "with 3 datasets CD is " + x.criticalDifference() + ", more than 3.5 − 1");

        List<RunResults> six = new ArrayList<>();
        for (int d = 0; d < 6; d++) {
            six.add(on("set" + d, 0.97, 0.99, 0.92, 0.96)); // ranks 2, 1, 4, 3 on every one
        }
        AcrossDatasets y = AcrossDatasets.of(List.of("s0", "s1", "s2", "s3", "s4", "s5"), six, 0.05);
        assertEquals(2.569 * Math.sqrt(20 / 36.0), y.criticalDifference(), 0.002);
        assertEquals(List.of("b-net vs d-knn", "b-net vs c-linear", "a-tree vs c-linear"), y.differingPairs(),
                "mean ranks 1, 2, 3, 4 in order b, a, d, c: pairs 2 or more apart, CD " + y.criticalDifference());
        assertNull(x.noTest());
    }

    @Test
    void twoDatasetsGiveTheTableAndRanksButNoTest() {
        AcrossDatasets x = AcrossDatasets.of(List.of("r1", "r2"), List.of(on("mnist", 0.9, 0.8), on("fashion", 0.7, 0.75)), 0.05);
        assertNull(x.friedman());
        assertNull(x.criticalDifference());
        assertTrue(x.noTest().contains("with 2 datasets there is no test"), x.noTest());
        assertEquals(List.of(1.5, 1.5), x.models().stream().map(AcrossDatasets.Row::meanRank).toList());
    }

    @Test
    void aModelWithoutAnAccuracyOnSomeDatasetIsLeftOutAndSaysWhere() {
        AcrossDatasets x = AcrossDatasets.of(List.of("r1", "r2", "r3"),
                List.of(on("mnist", 0.9, 0.8, 0.7), on("fashion", 0.7, Double.NaN, 0.6), on("kmnist", 0.6, 0.5, 0.4)), 0.05);
        assertEquals(List.of("a-tree", "c-linear"), x.models().stream().map(AcrossDatasets.Row::pluginId).sorted().toList());
        assertEquals(List.of(new AcrossDatasets.LeftOut("b-net", "failed in run r2 (fashion)")), x.leftOut());
        AcrossDatasets y = AcrossDatasets.of(List.of("r1", "r2", "r3"),
                List.of(on("mnist", 0.9, 0.8, 0.7), on("fashion", 0.7, 0.6, 0.6), on("kmnist", 0.6, 0.5)), 0.05);
        assertEquals(List.of(new AcrossDatasets.LeftOut("c-linear", "not in run r3 (kmnist)")), y.leftOut());
    }

    @Test
    void refusesTwoRunsOfOneDataset() {
        DigitbenchException e = assertThrows(DigitbenchException.class,
                () -> AcrossDatasets.of(List.of("quick", "full"), List.of(on("mnist", 0.9, 0.8), on("mnist", 0.95, 0.9)), 0.05));
        assertTrue(e.getMessage().contains("runs quick and full are on the same dataset (mnist") && e.getMessage().contains("--compare"),
                e.getMessage());
        assertThrows(DigitbenchException.class, () -> AcrossDatasets.of(List.of("one"), List.of(on("mnist", 0.9)), 0.05));
    }

    @Test
    void thePageShowsTableTestAndDiagramWithEverythingEscaped() throws IOException {
        List<String> ids = List.of("r1", "r2", "r3");
        List<RunResults> runs = List.of(on("mnist", 0.97, 0.99, 0.92, 0.96), on("<b>fashion</b>", 0.80, 0.90, 0.84, 0.85),
                on("kmnist", 0.70, 0.95, 0.70, 0.90));
        for (int i = 0; i < 3; i++) {
            ResultsStore.write(Files.createDirectories(dir.resolve(ids.get(i))), runs.get(i));
        }
        Path page = AcrossDatasetsWriter.write(dir, ids);
        assertEquals("across-r1-r2-r3.html", page.getFileName().toString());
        String html = Files.readString(page);
        assertTrue(html.contains("id=\"across\"") && html.contains("id=\"friedman\"") && html.contains("id=\"cd\""));
        assertTrue(html.contains("0.9900 (1)") && html.contains("0.7000 (3.5)"), "accuracy with its rank");
        assertTrue(html.contains("&lt;b&gt;fashion&lt;/b&gt;") && !html.contains("<b>fashion</b>"), "names escaped");
        assertTrue(html.contains("<a href=\"r1/index.html\">r1</a>"), "each dataset links to its run's report");
        assertFalse(html.contains("id=\"no-test\""));

        Path two = AcrossDatasetsWriter.write(dir, ids.subList(0, 2));
        String twoHtml = Files.readString(two);
        assertTrue(twoHtml.contains("id=\"no-test\"") && twoHtml.contains("with 2 datasets there is no test"), "says why");
        assertTrue(twoHtml.contains("id=\"across\""), "and still shows the table");
    }
}
