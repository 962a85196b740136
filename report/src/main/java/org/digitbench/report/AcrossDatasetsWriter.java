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
        List<Map<String, String>> columns = new ArrayList<>();
        for (AcrossDatasets.Column c : across.datasets()) {
            // links from the folder names the user gave (checked run ids), never from what a results.json says
            columns.add(Map.of("name", c.name(), "runId", c.runId(),
                    "href", URLEncoder.encode(c.runId(), StandardCharsets.UTF_8) + "/index.html",
                    "sizes", String.format(Locale.ROOT, "%,d / %,d", c.train(), c.test()), "seeds", String.valueOf(c.seeds())));
        }
        context.put("columns", columns);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AcrossDatasets.Row r : across.models()) {
            List<String> cells = new ArrayList<>();
            for (int d = 0; d < r.accuracy().size(); d++) {
                cells.add(String.format(Locale.ROOT, "%.4f (%s)", r.accuracy().get(d), rank(r.ranks().get(d))));
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", r.pluginId());
            row.put("library", r.library());
            row.put("cells", cells);
            row.put("meanRank", String.format(Locale.ROOT, "%.2f", r.meanRank()));
            rows.add(row);
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

    private static Map<String, Object> chart(AcrossDatasets x) {
        List<Map<String, Object>> models = new ArrayList<>();
        for (AcrossDatasets.Row r : x.models()) {
            models.add(Map.of("id", r.pluginId(), "meanRank", r.meanRank()));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("models", models);
        chart.put("cd", x.criticalDifference());
        return chart;
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
