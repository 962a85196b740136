package org.digitbench.report;

import org.digitbench.results.TuneResults;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code tune.html}: a tuning's page from its {@code tune.json} alone: per plugin, a chart of validation accuracy against
 * training time (every configuration on the whole training set, the Pareto front joined, the chosen one marked) and the
 * table of every configuration tried.
 */
public final class TuneWriter {
    public static final String FILE_NAME = "tune.html";

    private TuneWriter() {
    }

    /** A configuration as the page shows it. */
    public record Row(int index, String params, int trainSize, int rung, String accuracy, String trainSeconds, String run,
                      String note) {
    }

    /** One plugin's part of the page. */
    public record Section(String pluginId, String anchor, List<Row> rows, String chosen, String defaults, String rule, String noChoice,
                          String chartJson) {
    }

    public static Path write(TuneResults results, Path dir) {
        List<Section> sections = new ArrayList<>();
        for (TuneResults.PluginTuning t : results.plugins()) {
            List<Row> rows = new ArrayList<>();
            List<Map<String, Object>> points = new ArrayList<>();
            for (int i = 0; i < t.configurations().size(); i++) {
                TuneResults.Configuration c = t.configurations().get(i);
                String params = c.describeParams();
                boolean chosen = t.chosen() != null && t.chosen() == i;
                List<String> notes = new ArrayList<>();
                if (chosen) {
                    notes.add("chosen");
                }
                if (t.pareto().contains(i)) {
                    notes.add("Pareto front");
                }
                if (c.reusedFrom() != null) {
                    notes.add("reused from run " + c.reusedFrom());
                }
                if (c.error() != null) {
                    notes.add("failed: " + c.error());
                }
                String note = String.join(", ", notes);
                rows.add(new Row(i + 1, params, c.trainSize(), c.rung(), c.ok() ? String.format(Locale.ROOT, "%.4f", c.accuracy()) : "–",
                        c.ok() ? String.format(Locale.ROOT, "%.2f", c.trainSeconds()) : "–", c.runId(), note));
                if (c.ok()) {
                    Map<String, Object> point = new LinkedHashMap<>();
                    point.put("params", params);
                    point.put("images", c.trainSize());
                    point.put("seconds", c.trainSeconds());
                    point.put("accuracy", c.accuracy());
                    point.put("pareto", t.pareto().contains(i));
                    point.put("chosen", chosen);
                    points.add(point);
                }
            }
            sections.add(new Section(t.pluginId(), ReportWriter.anchor(t.pluginId()), rows,
                    t.chosen() == null ? null : rows.get(t.chosen()).params(), String.join(" ", t.defaults()),
                    results.ruleOf(t), t.noChoice(), ReportWriter.scriptJson(points)));
        }
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("tune", results);
        context.put("sections", sections);
        context.put("style", ReportWriter.STYLE);
        context.put("tablesort", ReportWriter.TABLESORT);
        context.put("echarts", ReportWriter.ECHARTS);
        Path file = dir.resolve(FILE_NAME);
        ReportWriter.writeAtomically(file, ReportWriter.render("/tune.peb", context));
        return file;
    }
}
