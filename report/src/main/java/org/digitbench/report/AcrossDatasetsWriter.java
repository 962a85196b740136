package org.digitbench.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.digitbench.run.AcrossDatasets;
import org.digitbench.run.ResultsStore;
import org.digitbench.run.RunFolder;
import org.digitbench.run.RunResults;

/**
 * A page comparing models across datasets, one run per dataset: accuracy per model and dataset, ranks, mean
 * ranks, the Friedman test and a critical-difference diagram (Nemenyi), from the runs' results alone.
 */
public final class AcrossDatasetsWriter {
    /** The level of the tests. */
    public static final double ALPHA = 0.05;

    private AcrossDatasetsWriter() {
    }

    /** The page's file name for these runs. */
    public static String fileName(List<String> runIds) {
        String joined = runIds.size() <= 3 ? String.join("-", runIds.stream().map(AcrossDatasetsWriter::safe).toList())
                : safe(runIds.getFirst()) + "-and-" + (runIds.size() - 1) + "-more";
        return "across-" + joined + ".html";
    }

    /** Writes {@code reportsDir/across-….html} from the runs' results. */
    public static Path write(Path reportsDir, List<String> runIds) {
        List<RunResults> runs = new ArrayList<>();
        for (String id : runIds) {
            runs.add(ResultsStore.read(reportsDir.resolve(RunFolder.checkId(id, "run")).resolve(ResultsStore.FILE_NAME)));
        }
        AcrossDatasets across = AcrossDatasets.of(runIds, runs, ALPHA);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("x", across);
        List<Column> columns = new ArrayList<>();
        for (AcrossDatasets.Column c : across.datasets()) {
            // links from the folder names the user gave (checked run ids), never from what a results.json says
            columns.add(new Column(c.name(), c.runId(), URLEncoder.encode(c.runId(), StandardCharsets.UTF_8) + "/index.html",
                    String.format(Locale.ROOT, "%,d / %,d", c.train(), c.test()), c.seeds()));
        }
        context.put("columns", columns);
        List<Row> rows = new ArrayList<>();
        for (AcrossDatasets.Row r : across.models()) {
            List<String> cells = new ArrayList<>();
            for (int d = 0; d < r.accuracy().size(); d++) {
                cells.add(String.format(Locale.ROOT, "%.4f (%s)", r.accuracy().get(d), rank(r.ranks().get(d))));
            }
            rows.add(new Row(r.pluginId(), r.library(), cells, String.format(Locale.ROOT, "%.2f", r.meanRank())));
        }
        context.put("rows", rows);
        RankTestsView test = across.friedman() == null ? null : RankTestsView.of(across);
        context.put("test", test);
        context.put("chartData", ReportWriter.scriptJson(chart(across)));
        context.put("style", ReportWriter.STYLE);
        context.put("tablesort", ReportWriter.TABLESORT);
        context.put("echarts", ReportWriter.ECHARTS);
        Path file = reportsDir.resolve(fileName(runIds));
        ReportWriter.writeAtomically(file, ReportWriter.render("/across.peb", context));
        return file;
    }

    /** A dataset: its name, its run and the link to the run's report, its sizes and seeds. */
    public record Column(String name, String runId, String href, String sizes, int seeds) {
    }

    /** A model: its accuracy (rank) on each dataset and its mean rank. */
    public record Row(String id, String library, List<String> cells, String meanRank) {
    }

    /** The test's figures as the page says them. */
    public record RankTestsView(String chiSquared, String pChiSquared, String f, String pF, String criticalDifference,
                                boolean rejected, List<String> differing) {
        static RankTestsView of(AcrossDatasets x) {
            var f = x.friedman();
            return new RankTestsView(String.format(Locale.ROOT, "%.3f", f.chiSquared()), p(f.pChiSquared()),
                    f.f() == null ? "∞" : String.format(Locale.ROOT, "%.3f", f.f()), p(f.pF()),
                    String.format(Locale.ROOT, "%.3f", x.criticalDifference()), f.pF() < x.alpha(), x.differingPairs());
        }
    }

    /** What the diagram draws: each model's mean rank, and the critical difference ({@code null} without a test). */
    record Chart(List<Point> models, Double cd) {
    }

    record Point(String id, double meanRank) {
    }

    private static Chart chart(AcrossDatasets x) {
        return new Chart(x.models().stream().map(r -> new Point(r.pluginId(), r.meanRank())).toList(), x.criticalDifference());
    }

    private static String p(double p) {
        return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    private static String rank(double r) {
        return r == Math.rint(r) ? String.valueOf((int) r) : String.format(Locale.ROOT, "%.1f", r);
    }

    private static String safe(String runId) {
        return runId.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
