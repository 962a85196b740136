package org.digitbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.digitbench.api.EpochStats;
import org.digitbench.run.ResultsStore;
import org.digitbench.run.RunResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        assertTrue(html.contains("12.00 ± 0.50 s"), "leaderboard: JMH training score ± error");
        assertTrue(html.contains("250 ± 10 ms"), "leaderboard: JMH batch score ± error");
        assertTrue(html.contains("± 0.500 [11.50, 12.50]"), "timing table: interval");
        assertTrue(html.contains("75.00 / 150.0 us/op"), "timing table: p50 / p99 of the single-image samples");
        assertTrue(html.contains("0.50 → 1.90"), "timing table: the load seen");
        assertTrue(html.contains("skipped: the machine was busy"), "a skipped model says why");
        assertTrue(html.contains("href=\"jmh/fixture-network.train.json\""), "links JMH's JSON");
        assertTrue(html.contains("\"jmhTraining\":false"), "not every model has a JMH training score: the Pareto chart uses wall-clock times");
    }

    @Test
    void saysWhenARunHasNoTimingPass() throws IOException {
        RunResults r = ReportFixtures.results("fixture-tree").with((RunResults.TimingPass) null);
        String html = Files.readString(ReportWriter.write(r, dir));
        assertTrue(html.contains("id=\"timing-none\""));
    }

    @Test
    void pointsToPredictAndServeWhenModelsWereSaved() throws IOException {
        RunResults r = ReportFixtures.results("fixture-tree");
        assertFalse(Files.readString(ReportWriter.write(r, dir)).contains("id=\"saved-models\""), "no models saved, no hint");
        RunResults.ModelResult first = r.models().get(0);
        String html = Files.readString(ReportWriter.write(
                r.with(first.withTiming("models/" + first.pluginId() + ".model", first.timing()), r.timing()), dir));
        assertTrue(html.contains("Saved models: 1, in <code>models/</code>"), "the hint counts saved models");
        assertTrue(html.contains("digitbench serve --run fixture-run"), "and names the commands");
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
        assertTrue(index.contains("fixture-network") && index.contains("1 failed"), index);
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
    void paretoFrontAndOverfitting() {
        RunResults r = ReportFixtures.results("fixture-tree");
        List<RunResults.ModelResult> ok = r.models().stream().filter(RunResults.ModelResult::ok).toList();
        // the network is more accurate, the tree faster: both on the front
        assertTrue(ChartData.onParetoFront(ok.get(0), ok) && ChartData.onParetoFront(ok.get(1), ok));
        assertEquals(3, ChartData.overfitting(ok.get(0).history()), "validation loss lowest at epoch 3, then rising");
        assertEquals(null, ChartData.overfitting(List.of(new EpochStats(1, 1, 0.5, 1.0, 0.5, 1),
                new EpochStats(2, 0.5, 0.8, 0.6, 0.8, 1), new EpochStats(3, 0.4, 0.9, 0.5, 0.85, 1))));
    }
}
