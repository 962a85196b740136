package org.digitbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.EpochStats;
import org.digitbench.results.Plan;
import org.digitbench.results.RunResults;
import org.digitbench.results.TrialResult;
import org.digitbench.results.store.ResultsStore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

class ReportWriterTest {
    private static final String HOSTILE = "x<script>alert(1)</script>";
    /** Set -Ddigitbench.updateGolden=true to rewrite the golden file after an intended change, then review the diff. */
    private static final Path GOLDEN = Path.of("src/test/resources/report/golden-run.html");

    @TempDir
    Path dir;

    @Test
    void reportMatchesTheGoldenFile() throws IOException {
        String html = Files.readString(ReportWriter.write(ReportFixtures.results("fixture-tree"), dir));
        String structure = structure(html);
        if (Boolean.getBoolean("digitbench.updateGolden")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, structure);
        }
        assertTrue(Files.exists(GOLDEN), GOLDEN + " is missing: create it with -Ddigitbench.updateGolden=true and review it");
        assertEquals(Files.readString(GOLDEN), structure,
                "report structure changed; if intended, rerun with -Ddigitbench.updateGolden=true and review the diff");
    }

    /** The page without the inlined libraries and styles, which are not this project's output. */
    static String structure(String html) {
        return Pattern.compile("<script>.*?</script>", Pattern.DOTALL).matcher(
                Pattern.compile("<style>.*?</style>", Pattern.DOTALL).matcher(html).replaceAll("<style>/* inlined */</style>"))
                .replaceAll("<script>/* inlined */</script>");
    }

    @Test
    void showsJmhScoresWithTheirErrorsAndWhyAModelWasNotTimed() throws IOException {
        String html = Files.readString(ReportWriter.write(ReportFixtures.results("fixture-tree"), dir));
        assertTrue(html.contains("12.5 s"), "leaderboard: the training's JMH single shot");
        assertTrue(html.contains("360<br><small>batch of 9</small>"), "leaderboard: images/s of the batch, and its size");
        assertTrue(html.contains("8.0 KiB"), "leaderboard: heap allocated per image (73,728 B a batch of 9)");
        assertTrue(html.contains("400 KiB"), "leaderboard: the model's size on disk (409,128 B)");
        assertTrue(html.contains("predict a batch of 32 images (avgt)") && html.contains("(504 images/s)"),
                "timing table: a batch size measured, its images/s from the median");
        assertTrue(html.contains("not measured: the test set has 20 images"), "timing table: a batch size not measured, and why");
        assertTrue(html.contains("checked warm-up 4 × 1 s (the last two within 5%) + 1 warm-up + 5 of 1 s"),
                "timing table: the checked warm-up");
        assertTrue(html.contains("JMH ± 1.00 [24.00, 26.00]; median 25.00 [24.50, 25.50]"),
                "timing table: JMH's interval beside the median's");
        assertTrue(html.contains("none (one measurement)"), "timing table: a single shot has no interval");
        assertTrue(html.contains("75.00 / 90.00 / 150.0 us/op"), "timing table: p50 / p90 / p99 of the single-image samples");
        assertTrue(html.contains("0.50 → 1.90"), "timing table: the load seen");
        assertTrue(html.contains("failed: batch: IllegalStateException: no batch path"), "a failed benchmark says why");
        assertTrue(html.contains("href=\"jmh/fixture-network.seed42.train.json\""), "links JMH's JSON");
        assertFalse(html.contains("href=\"javascript:"), "a file name from results.json that is not a JMH file in jmh/ is never a link");
        assertTrue(html.contains("\"jmhTraining\":true"), "every model's training was timed by JMH");
    }

    /** The unstable mark sits on a line of its own under the batch's size, not beside it (the column stays narrow). */
    @Test
    void marksAnUnstableBatchFigureInTheLeaderboard() throws IOException {
        String stable = Files.readString(ReportWriter.write(ReportFixtures.results("fixture-tree"), dir.resolve("stable")));
        assertTrue(stable.contains("360<br><small>batch of 9</small></td>"), "a stable figure is not marked");
        String html = Files.readString(ReportWriter.write(ReportFixtures.unstableBatch(), dir.resolve("unstable")));
        assertTrue(html.contains("360<br><small>batch of 9</small><br><small>unstable</small></td>"),
                "an unstable figure is marked under its batch's size");
    }

    @Test
    void showsAcrossSeedsWithIntervalsAndN() throws IOException {
        String html = Files.readString(ReportWriter.write(ReportFixtures.results("fixture-tree"), dir));
        assertTrue(html.contains("id=\"seed-table\""));
        assertTrue(Pattern.compile("0\\.9\\d{3} ± 0\\.0\\d{3} \\[\\d\\.\\d{4}, \\d\\.\\d{4}\\] \\(n = 3\\)").matcher(html).find(),
                "the network's accuracy over three seeds: mean ± sd [95% interval] (n = 3)");
        assertTrue(html.contains("(n = 2)"), "the tree succeeded with two of its three seeds");
        assertTrue(html.contains("seed 44: IllegalStateException: seed 44"), "a failed trial of another seed is listed");
    }

    /** The fixture as a --no-timing run: wall-clock plan, no JMH measurements. */
    static RunResults untimed(RunResults r) {
        Plan plan = new Plan(r.plan().plugins(), r.plan().seeds(), Plan.WALL_CLOCK, false);
        RunResults base = new RunResults(r.header(), r.provenance(), r.data(), plan, List.of(), List.of(), r.comparisons());
        return base.withTrials(r.trials().stream().map(t -> t.withTiming(t.modelFile(), null)).toList(), r.status(), r.finishedAt(), null);
    }

    @Test
    void saysWhereEachTrialRanAndWarnsWhenCpusDiffer() throws IOException {
        RunResults r = ReportFixtures.results("fixture-tree");
        String html = Files.readString(ReportWriter.write(r, dir));
        assertTrue(html.contains("fixture-host: Fixture CPU 2.0GHz, 2 cores (0-1), heap at most 8.0 GiB"), "each model's machine");
        assertFalse(html.contains("id=\"cpu-models\""), "one CPU model: no warning");
        org.digitbench.results.provenance.Machine other = new org.digitbench.results.provenance.Machine("b", "Other CPU", 4, "0-3", 1L << 30, "77", "1");
        assertEquals("b: Other CPU, 4 cores (0-3), heap at most 1.0 GiB, Slurm job 77 task 1", MachineNotes.describe(other));
        TrialResult t = r.mainTrials().getFirst();
        TrialResult moved = new TrialResult(new TrialResult.Outcome("elsewhere", 42, org.digitbench.results.TrialStatus.OK, null), t.plugin(), t.evaluation(),
                t.times(), null, new TrialResult.Resources(null, null, other), null, null);
        String warning = MachineNotes.warning(List.of(t, moved));
        assertTrue(warning != null && warning.contains("2 CPU models") && warning.contains("Other CPU (elsewhere)")
                && warning.contains("Fixture CPU 2.0GHz (" + t.pluginId() + ")"), warning);
    }

    @Test
    void namesTheClassesWhereTheDatasetDoes() throws IOException {
        RunResults r = ReportFixtures.results("fixture-tree");
        assertFalse(Files.readString(ReportWriter.write(r, dir)).contains("id=\"class-names\""), "MNIST: labels only");
        List<String> names = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "<b>boot</b>");
        RunResults.DataInfo d = r.data();
        RunResults named = new RunResults(r.header(), r.provenance(), new RunResults.DataInfo(d.normalization(), d.normalizationDescription(), d.train(),
                d.test(), d.samples(), names), r.plan(), r.models(), r.trials(), r.comparisons());
        String html = Files.readString(ReportWriter.write(named, dir));
        assertTrue(html.contains("id=\"class-names\"") && html.contains("3 · Dress"), "the data section lists them");
        assertTrue(html.contains("<td>3 · Dress</td>"), "the per-class table names them");
        assertTrue(html.contains("&lt;b&gt;boot&lt;/b&gt;") && !html.contains("<b>boot</b>"), "escaped");
        org.digitbench.results.ResultsSchema.check(ResultsStore.write(dir.resolve("named"), named));
    }

    @Test
    void saysWhenTrialsRanConcurrently() throws IOException {
        RunResults r = ReportFixtures.results("fixture-tree");
        assertFalse(Files.readString(ReportWriter.write(r, dir)).contains("id=\"concurrent\""), "one at a time: no mark");
        Plan plan = new Plan(r.plan().plugins(), r.plan().seeds(), r.plan().timing(), false, 2);
        RunResults jobs = new RunResults(r.header(), r.provenance(), r.data(), plan, r.models(), r.trials(), r.comparisons());
        String html = Files.readString(ReportWriter.write(jobs, dir));
        assertTrue(html.contains("id=\"concurrent\"") && html.contains("--jobs 2"), "--jobs 2 is said where the times are");
        assertTrue(org.digitbench.run.Leaderboard.format(jobs).contains("taken concurrently"), "and on the console");
    }

    /**
     * Models of one family from several libraries are compared in "By family": points behind the family's best, training
     * time and throughput against the family's fastest; the plugins a default run left out are named with why.
     */
    @Test
    void groupsAFamilyAcrossLibrariesAndNamesWhatTheDefaultSetLeftOut() throws IOException {
        RunResults r = ReportFixtures.results("fixture-tree");
        String plain = Files.readString(ReportWriter.write(r, dir));
        assertFalse(plain.contains("id=\"families\""), "no family with two models: no section");
        assertFalse(plain.contains("id=\"left-out\""), "nothing left out: no note");

        List<TrialResult> ok = r.mainTrials().stream().filter(TrialResult::ok).toList();
        TrialResult.PluginInfo p = ok.getFirst().plugin();
        List<TrialResult> sameFamily = r.trials().stream().map(t -> new TrialResult(t.outcome(), new TrialResult.PluginInfo(
                t.pluginId().equals(ok.getFirst().pluginId()) ? "LibraryA" : "LibraryB", p.libraryVersion(), "forest", p.description(),
                t.plugin().hyperparameters(), t.plugin().libraryProvenance()), t.evaluation(), t.times(), t.network(), t.resources(),
                t.modelFile(), t.timing())).toList();
        Plan plan = new Plan(r.plan().plugins(), r.plan().seeds(), r.plan().timing(), false, 1,
                java.util.Map.of("weka-smo-rbf", "did not finish training <60,000 images> in 12 min"));
        RunResults grouped = r.withPlan(plan).withTrials(sameFamily, r.status(), r.finishedAt(), null);
        String html = Files.readString(ReportWriter.write(grouped, dir));
        assertTrue(html.contains("<a href=\"#families\">By family</a>"), "the section is in the navigation");
        assertTrue(html.contains("<h3>forest</h3>"), html);
        assertTrue(html.contains("<td>LibraryA</td>") && html.contains("<td>LibraryB</td>"));
        assertTrue(html.contains("<td>best</td>") && html.contains("<td>fastest</td>"), "the family's best and fastest are marked");
        assertTrue(Pattern.compile("<td>−\\d+\\.\\d{2}</td>").matcher(html).find(), "the other is so many points behind");
        assertTrue(Pattern.compile("<td>\\d+\\.\\d×</td>").matcher(html).find(), "and so many times slower");
        assertTrue(html.contains("id=\"left-out\"") && html.contains("<b>weka-smo-rbf</b>: did not finish training &lt;60,000 images&gt; in 12 min"),
                "what was left out, escaped");
    }

    @Test
    void saysWhenARunWasNotTimed() throws IOException {
        String html = Files.readString(ReportWriter.write(untimed(ReportFixtures.results("fixture-tree")), dir));
        assertTrue(html.contains("id=\"timing-none\""));
    }

    @Test
    void pointsToPredictAndServeWhenModelsWereSaved() throws IOException {
        RunResults r = ReportFixtures.results("fixture-tree");
        assertFalse(Files.readString(ReportWriter.write(r, dir)).contains("id=\"saved-models\""), "no models saved, no hint");
        List<TrialResult> trials = new java.util.ArrayList<>(r.trials());
        TrialResult first = trials.get(0);
        trials.set(0, first.withTiming("models/" + first.trialId() + ".model", first.timing()));
        String html = Files.readString(ReportWriter.write(r.withTrials(trials, r.status(), r.finishedAt(), null), dir));
        assertTrue(html.contains("Saved models: 1, in <code>models/</code>"), "the hint counts saved models");
        assertTrue(html.contains("digitbench serve --run fixture-run"), "and names the commands");
    }

    /**
     * A run of schema version 2 as a run wrote it (the quick reference of 20261201-170835-quick), kept as it is: read,
     * it is migrated to today's schema with every value where it was, renders, and written again keeps today's schema.
     */
    @Test
    void rendersResultsOfSchemaVersionTwo() throws IOException {
        Path file = Path.of("src/test/resources/results/v2-results.json");
        tools.jackson.databind.JsonNode raw = tools.jackson.databind.json.JsonMapper.builder().build().readTree(file.toFile());
        assertEquals(2, raw.path("schemaVersion").asInt(), "the fixture is of version 2");
        RunResults run = ResultsStore.read(file);
        assertEquals(RunResults.SCHEMA_VERSION, run.schemaVersion(), "migrated on reading");
        assertEquals(org.digitbench.results.RunStatus.COMPLETE, run.status());
        assertEquals(14, run.trials().size());
        assertTrue(run.trials().stream().allMatch(TrialResult::timed), "every trial timed by JMH");
        for (int i = 0; i < run.trials().size(); i++) {
            tools.jackson.databind.JsonNode flat = raw.path("trials").get(i);
            TrialResult t = run.trials().get(i);
            assertEquals(flat.path("pluginId").asString(), t.pluginId());
            assertEquals(flat.path("library").asString(), t.plugin().library());
            assertEquals(flat.path("trainingSize").asInt(), t.evaluation().trainingSize());
            assertEquals(flat.path("metrics").path("accuracy").asDouble(), t.metrics().accuracy());
            assertEquals(flat.path("predictions").size(), t.evaluation().predictions().length);
            assertEquals(flat.path("trainSeconds").asDouble(), t.times().trainSeconds());
            assertEquals(flat.path("peakRssBytes").asLong(), t.resources().peakRssBytes());
            assertEquals(flat.path("machine").isObject(), t.resources().machine() != null, "no machine before it was recorded");
            assertEquals(flat.path("layers").size(), t.network().layers().size());
        }
        org.digitbench.results.ResultsSchema.check(ResultsStore.write(dir, run));
        String html = Files.readString(ReportWriter.write(run, dir));
        for (TrialResult t : run.trials()) {
            assertTrue(html.contains(t.pluginId()), t.pluginId());
        }
        assertTrue(html.contains("id=\"timing-table\""), "with the timings");
    }

    @Test
    void rendersResultsOfSchemaVersionOne() throws IOException {
        RunResults old = ResultsStore.read(Path.of("src/test/resources/results/v1-results.json"));
        assertEquals(RunResults.SCHEMA_VERSION, old.schemaVersion(), "migrated on reading");
        assertEquals(List.of(42L, 43L), old.plan().seeds());
        assertEquals(List.of("smile-decision-tree", "tribuo-logistic-regression"), old.plan().plugins());
        assertEquals(4, old.trials().size(), "two models and their repeats with seed 43");
        assertEquals(2, old.mainTrials().size());
        assertTrue(old.mainTrials().stream().allMatch(TrialResult::timed), "the old timing pass's scores are kept");
        assertEquals(2, old.models().size());
        assertEquals(2, old.models().get(0).accuracy().n(), "a summary over both seeds");
        String html = Files.readString(ReportWriter.write(old, dir));
        assertTrue(html.contains("smile-decision-tree") && html.contains("id=\"seed-table\""), "renders, with the seeds section");
    }

    @Test
    void escapesEverythingUserSupplied() throws IOException {
        String html = Files.readString(ReportWriter.write(ReportFixtures.results(HOSTILE), dir));
        assertFalse(html.contains("<script>alert(1)"), "a plugin id is not markup");
        assertTrue(html.contains("x&lt;script&gt;alert(1)&lt;/script&gt;"), "shown escaped");
        assertFalse(html.contains("Tree<Lib>"), "library names escaped");
        assertFalse(html.contains("<i>x"), "hyper-parameter values escaped");
        assertFalse(html.contains("boom <b>"), "errors escaped");
        // in the chart JSON nothing can close the script element
        String json = html.substring(html.indexOf("id=\"chart-data\">"), html.indexOf("</script>", html.indexOf("id=\"chart-data\">")));
        assertFalse(json.contains("</"), json);
    }

    @Test
    void showsEachModelsAccuracyOnEachCorruptionAndWhatItSaidOfTheExamples() throws IOException {
        String html = Files.readString(ReportWriter.write(ReportFixtures.results("fixture-tree"), dir));
        String section = html.substring(html.indexOf("<section id=\"robustness\">"), html.indexOf("<section id=\"calibration\">"));
        assertTrue(section.contains("<th>model</th>") && section.contains(">shot-noise<") && section.contains(">fog<"), "a column per corruption");
        assertTrue(section.indexOf("fixture-network") < section.indexOf("fixture-tree"), "the sturdier model first");
        assertTrue(section.contains("1 (1)"), "its rank by mean corruption accuracy, and by clean accuracy");
        assertTrue(section.contains("style=\"background:hsl("), "the heat map's colours");
        assertTrue(section.contains("stopped: fog: OutOfMemoryError: &lt;i&gt;heap&lt;/i&gt;"), "why an evaluation stopped, escaped");
        assertTrue(section.contains("a plasma fractal &lt;b&gt;added&lt;/b&gt;"), "descriptions escaped");
        assertTrue(section.contains("class=\"answers\"") && (section.contains("class=\"wrong\"") || section.contains("class=\"right\"")),
                "what each model said of the example images");
        assertTrue(html.contains("<a href=\"#robustness\">Robustness</a>"), "in the page's navigation");
        assertTrue(html.contains("corrupted 0."), "the leaderboard shows the mean corruption accuracy under the accuracy");

        RunResults without = ReportFixtures.results("fixture-tree");
        without = without.withData(without.data().withRobustness(null));
        String plain = Files.readString(ReportWriter.write(without, dir));
        assertFalse(plain.contains("id=\"robustness\""), "a run without corruptions has no such section");
    }

    @Test
    void isSelfContained() throws IOException {
        String html = Files.readString(ReportWriter.write(ReportFixtures.results("fixture-tree"), dir));
        assertFalse(Pattern.compile("<(script|link|img)[^>]+(src|href)=\"(https?:)?//").matcher(html).find(), "no remote resources");
        assertTrue(html.contains("echarts"), "charting library inlined");
        assertTrue(html.contains("Tablesort"), "table sorter inlined");
        assertTrue(html.contains("data:image/png;base64,"), "digit images inlined");
    }

    @Test
    void rendersFromResultsJsonAloneAndListsRuns() throws IOException {
        RunResults r = ReportFixtures.results("fixture-tree");
        Path runDir = dir.resolve(r.runId());
        ResultsStore.write(runDir, r);
        Path page = ReportWriter.render(runDir);
        assertTrue(Files.readString(page).contains("fixture-network"));
        RunsIndex.write(dir);
        String index = Files.readString(dir.resolve("index.html"));
        assertTrue(index.contains("href=\"fixture-run/index.html\""), index);
        assertTrue(index.contains("fixture-network") && index.contains("2 failed"), index);
    }

    @Test
    void comparesTwoRuns() throws IOException {
        RunResults a = ReportFixtures.results("fixture-tree");
        ResultsStore.write(dir.resolve("a"), a);
        ResultsStore.write(dir.resolve("b"), a);
        String html = Files.readString(CompareWriter.write(dir, "a", "b"));
        assertTrue(html.contains("+0.00 pp"), html);
        assertTrue(html.contains("×1.00"), html);
    }

    @Test
    void aComparisonLinksRunsByTheirFolderNeverByTheIdInsideResultsJson() throws IOException {
        RunResults a = ReportFixtures.results("fixture-tree");
        for (String run : List.of("a", "b")) {
            Path file = ResultsStore.write(dir.resolve(run), a);
            String json = Files.readString(file);
            Files.writeString(file, json.replace("\"runId\" : \"" + a.runId() + "\"", "\"runId\" : \"javascript:alert(1)\"")
                    .replace("\"runId\":\"" + a.runId() + "\"", "\"runId\":\"javascript:alert(1)\""));
            assertTrue(Files.readString(file).contains("javascript:alert(1)"), "the hostile id is in " + file);
        }
        String html = Files.readString(CompareWriter.write(dir, "a", "b"));
        assertFalse(html.contains("href=\"javascript:"), html);
        assertTrue(html.contains("href=\"a/index.html\"") && html.contains("href=\"b/index.html\""), html);
    }

    @Test
    void paretoFrontAndOverfitting() {
        RunResults r = ReportFixtures.results("fixture-tree");
        List<TrialResult> ok = r.mainTrials().stream().filter(TrialResult::ok).toList();
        // the network is more accurate, the tree faster: both on the front
        assertTrue(ChartData.onParetoFront(ok.get(0), ok) && ChartData.onParetoFront(ok.get(1), ok));
        assertEquals(3, ChartData.overfitting(ok.get(0).network().history()), "validation loss lowest at epoch 3, then rising");
        assertEquals(null, ChartData.overfitting(List.of(new EpochStats(1, 1, 0.5, 1.0, 0.5, 1),
                new EpochStats(2, 0.5, 0.8, 0.6, 0.8, 1), new EpochStats(3, 0.4, 0.9, 0.5, 0.85, 1))));
    }
}
