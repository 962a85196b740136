package org.digitbench.report;

import org.digitbench.results.RunResults;
import org.digitbench.results.TrialResult;
import org.digitbench.results.store.ResultsStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A page comparing two runs model by model: change in accuracy and in training and prediction time. */
public final class CompareWriter {
    private CompareWriter() {
    }

    /**
     * One model in both runs.
     *
     * @param accuracy     accuracies and their change (B − A)
     * @param accDeltaSort the change as a plain number, for sorting
     * @param train        training times and their ratio (B / A)
     * @param predict      prediction times and their ratio (B / A)
     * @param note         only in one run, or failed in one
     */
    public record Row(String id, Change accuracy, String accDeltaSort, Change train, Change predict, String note) {
    }

    /** A figure in run A, in run B, and how it changed. */
    public record Change(String a, String b, String change) {
    }

    /** Writes {@code reportsDir/compare-A-vs-B.html} from the two runs' results. */
    public static Path write(Path reportsDir, String runA, String runB) {
        RunResults a = ResultsStore.read(reportsDir.resolve(runA).resolve(ResultsStore.FILE_NAME));
        RunResults b = ResultsStore.read(reportsDir.resolve(runB).resolve(ResultsStore.FILE_NAME));
        Map<String, TrialResult> byIdA = byId(a);
        Map<String, TrialResult> byIdB = byId(b);
        Set<String> ids = new LinkedHashSet<>(byIdA.keySet());
        ids.addAll(byIdB.keySet());
        List<Row> rows = new ArrayList<>();
        for (String id : ids) {
            TrialResult ma = byIdA.get(id);
            TrialResult mb = byIdB.get(id);
            rows.add(new Row(id, new Change(accuracy(ma), accuracy(mb),
                    both(ma, mb) ? String.format(Locale.ROOT, "%+.2f pp", 100 * (mb.metrics().accuracy() - ma.metrics().accuracy())) : "–"),
                    both(ma, mb) ? String.valueOf(mb.metrics().accuracy() - ma.metrics().accuracy()) : "",
                    new Change(ma == null ? "–" : LeaderboardRows.seconds(ma.times().trainSeconds()),
                            mb == null ? "–" : LeaderboardRows.seconds(mb.times().trainSeconds()),
                            ratio(ma == null ? null : ma.times().trainSeconds(), mb == null ? null : mb.times().trainSeconds())),
                    new Change(ma == null ? "–" : LeaderboardRows.seconds(ma.times().predictSeconds()),
                            mb == null ? "–" : LeaderboardRows.seconds(mb.times().predictSeconds()),
                            ratio(ma == null ? null : ma.times().predictSeconds(), mb == null ? null : mb.times().predictSeconds())),
                    ma == null ? "only in " + runB : mb == null ? "only in " + runA
                            : !ma.ok() || !mb.ok() ? "failed in " + (!ma.ok() ? runA : runB) : ""));
        }
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("a", a);
        context.put("b", b);
        // links from the folder names the user gave (checked run ids), never from what a results.json says
        context.put("nameA", org.digitbench.results.store.RunFolder.checkId(runA, "run"));
        context.put("nameB", org.digitbench.results.store.RunFolder.checkId(runB, "run"));
        context.put("hrefA", java.net.URLEncoder.encode(runA, java.nio.charset.StandardCharsets.UTF_8) + "/index.html");
        context.put("hrefB", java.net.URLEncoder.encode(runB, java.nio.charset.StandardCharsets.UTF_8) + "/index.html");
        context.put("rows", rows);
        context.put("style", ReportWriter.STYLE);
        context.put("tablesort", ReportWriter.TABLESORT);
        Path file = reportsDir.resolve("compare-" + safe(runA) + "-vs-" + safe(runB) + ".html");
        ReportWriter.writeInOutputFolder(file, ReportWriter.render("/compare.peb", context));
        return file;
    }

    private static Map<String, TrialResult> byId(RunResults r) {
        Map<String, TrialResult> m = new LinkedHashMap<>();
        r.mainTrials().forEach(x -> m.put(x.pluginId(), x));
        return m;
    }

    private static boolean both(TrialResult a, TrialResult b) {
        return a != null && b != null && a.ok() && b.ok();
    }

    private static String accuracy(TrialResult m) {
        return m == null ? "–" : m.ok() ? LeaderboardRows.f4(m.metrics().accuracy()) : "failed";
    }

    private static String ratio(Double a, Double b) {
        return a == null || b == null || a <= 0 ? "–" : String.format(Locale.ROOT, "×%.2f", b / a);
    }

    private static String safe(String runId) {
        return runId.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
