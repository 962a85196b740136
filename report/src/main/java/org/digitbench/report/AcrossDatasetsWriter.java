package org.digitbench.report;

import org.digitbench.eval.Statistics;
import org.digitbench.results.ModelSummary;
import org.digitbench.results.RunResults;
import org.digitbench.results.stats.AcrossDatasets;
import org.digitbench.results.store.DatasetsFile;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.results.store.RunFolder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
        Map<String, Object> context = context(reportsDir, runIds, read(reportsDir, runIds));
        context.put("run", null);
        context.put("sections", List.of());
        Path file = reportsDir.resolve(fileName(runIds));
        ReportWriter.writeInOutputFolder(file, ReportWriter.render("/across.peb", context));
        return file;
    }

    /**
     * Writes the page of a run over several datasets, {@code runDir/index.html}: a section per dataset whose run has
     * results (its leaderboard, linked to its own report) and, with two or more, the comparison across them.
     */
    public static Path writeRun(Path runDir) {
        DatasetsFile manifest = DatasetsFile.read(runDir);
        List<String> keys = DatasetsFile.finishedKeys(runDir);
        List<RunResults> runs = read(runDir, keys);
        Map<String, Object> context = keys.size() >= 2 ? context(runDir, keys, runs) : new LinkedHashMap<>();
        context.putIfAbsent("x", null);
        context.put("style", ReportWriter.STYLE);
        context.put("tablesort", ReportWriter.TABLESORT);
        context.put("run", new RunView(manifest.runId(), manifest.keys().size(), manifest.keys().size() - keys.size()));
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            sections.add(Section.of(keys.get(i), runs.get(i)));
        }
        context.put("sections", sections);
        Path file = runDir.resolve(ReportWriter.FILE_NAME);
        ReportWriter.writeAtomically(file, ReportWriter.render("/across.peb", context));
        return file;
    }

    private static List<RunResults> read(Path dir, List<String> runIds) {
        List<RunResults> runs = new ArrayList<>();
        for (String id : runIds) {
            runs.add(ResultsStore.read(dir.resolve(RunFolder.checkId(id, "run")).resolve(ResultsStore.FILE_NAME)));
        }
        return runs;
    }

    private static Map<String, Object> context(Path reportsDir, List<String> runIds, List<RunResults> runs) {
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
        context.put("rows", rows(across));
        context.put("corrupted", corrupted(runIds, runs));
        RankTestsView test = across.friedman() == null ? null : RankTestsView.of(across);
        context.put("test", test);
        context.put("chartData", ReportWriter.scriptJson(chart(across)));
        context.put("style", ReportWriter.STYLE);
        context.put("tablesort", ReportWriter.TABLESORT);
        context.put("echarts", ReportWriter.ECHARTS);
        return context;
    }

    /**
     * The models ranked by mean corruption accuracy on each dataset, or {@code null} when no run has a robustness suite.
     *
     * @param rows   each model's mean corruption accuracy (rank) on each dataset, best mean rank first
     * @param test   Friedman's test over these ranks, in words, or why there is none
     */
    public record CorruptedView(List<Row> rows, List<AcrossDatasets.LeftOut> leftOut, String test) {
    }

    private static CorruptedView corrupted(List<String> runIds, List<RunResults> runs) {
        if (runs.stream().allMatch(r -> r.data().robustness() == null)) {
            return null;
        }
        AcrossDatasets x = AcrossDatasets.of(runIds, runs, ALPHA, AcrossDatasets.Score.CORRUPTED);
        String test = x.friedman() == null ? x.noTest() : String.format(Locale.ROOT, "Friedman's test (Iman–Davenport F): p = %s%s",
                p(x.friedman().pF()), x.friedman().pF() < x.alpha() ? "; significantly different: "
                        + (x.differingPairs().isEmpty() ? "no two models a critical difference apart" : String.join(", ", x.differingPairs()))
                        : "; the ranks may differ by chance");
        return new CorruptedView(rows(x), x.leftOut(), test);
    }

    /** Each model's score (rank) on each dataset, and its mean rank, as the tables show them. */
    private static List<Row> rows(AcrossDatasets x) {
        List<Row> rows = new ArrayList<>();
        for (AcrossDatasets.Row r : x.models()) {
            List<String> cells = new ArrayList<>();
            for (int d = 0; d < r.accuracy().size(); d++) {
                cells.add(String.format(Locale.ROOT, "%.4f (%s)", r.accuracy().get(d), rank(r.ranks().get(d))));
            }
            rows.add(new Row(r.pluginId(), r.library(), cells, String.format(Locale.ROOT, "%.2f", r.meanRank())));
        }
        return rows;
    }

    /** The run over several datasets: its id, its datasets, and how many have no results yet. */
    public record RunView(String id, int datasets, int pending) {
    }

    /** A dataset's part of a run over several: its key (the folder of its run), name, sizes, classes and leaderboard. */
    public record Section(String key, String name, String href, String sizes, String classes, List<SectionRow> rows) {
        static Section of(String key, RunResults r) {
            List<SectionRow> rows = new ArrayList<>();
            List<ModelSummary> models = new ArrayList<>(r.models());
            models.sort(java.util.Comparator.comparingDouble((ModelSummary m) -> m.accuracy() == null ? -1 : m.accuracy().mean()).reversed());
            for (ModelSummary m : models) {
                rows.add(new SectionRow(m.pluginId(), m.library(), figure(m.accuracy(), "%.4f"), figure(m.macroF1(), "%.4f"),
                        figure(m.trainSeconds(), "%.2f"), m.succeeded() + " / " + m.trials()));
            }
            String classes = r.data().classNames() == null || r.data().classNames().isEmpty() ? ""
                    : String.join(", ", r.data().classNames());
            return new Section(key, AcrossDatasets.name(r), URLEncoder.encode(key, StandardCharsets.UTF_8) + "/index.html",
                    String.format(Locale.ROOT, "%,d / %,d", r.data().train().size(), r.data().test().size()), classes, rows);
        }

        private static String figure(Statistics.Summary s, String format) {
            return s == null || s.n() == 0 ? "–" : String.format(Locale.ROOT, format, s.mean());
        }
    }

    /** A model in a dataset's section: means over its seeds, and its successful trials out of those run. */
    public record SectionRow(String id, String library, String accuracy, String macroF1, String trainSeconds, String trials) {
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
