package org.digitbench.report;

import org.digitbench.eval.Robustness;
import org.digitbench.results.CorruptionSamples;
import org.digitbench.results.RunResults;
import org.digitbench.results.TrialResult;
import org.digitbench.results.text.Format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What the report's Robustness section shows: a heat map of each model's accuracy on each corruption, its rank by mean
 * corruption accuracy next to its rank by clean accuracy, and the example images with what each model said of them.
 *
 * @param suite       the run's suite ({@code default} or {@code all})
 * @param description what it holds
 * @param images      images per corruption
 * @param columns     the corruptions, in the suite's order
 * @param rows        the models evaluated on the run's suite, best mean corruption accuracy first
 * @param examples    each example image with every model's answers
 * @param missing     models of the run without results on this suite, and why
 */
public record RobustnessView(String suite, String description, int images, List<Column> columns, List<Row> rows,
                             List<Example> examples, List<String> missing) {

    /** A corruption, with its first example image. */
    public record Column(String id, String description, String src) {
    }

    /**
     * One model's row.
     *
     * @param cleanRank  its rank by accuracy on the whole (clean) test set
     * @param rank       its rank by mean corruption accuracy
     * @param clean      its accuracy on the suite's images uncorrupted
     * @param cells      its accuracy on each corruption, in the order of the columns
     * @param error      why its evaluation stopped early, or {@code null}
     */
    public record Row(String model, String anchor, int cleanRank, int rank, String clean, String mean, String meanSort,
                      String drop, String worst, List<Cell> cells, String error) {
    }

    /**
     * @param text  the accuracy as a percentage, "–" when not evaluated
     * @param title its Wilson interval and counts
     * @param style the cell's background, red (0%) through yellow to green (100%)
     */
    public record Cell(String text, String title, String sort, String style) {
    }

    /** One example image: uncorrupted and under each corruption, and what each model said of each. */
    public record Example(int label, int index, String cleanSrc, List<String> srcs, List<Answers> answers) {
    }

    /** What one model said of one example image under each corruption. */
    public record Answers(String model, String anchor, List<Answer> said) {
    }

    /** @param right whether it is the true label; {@code text} is "–" when not evaluated */
    public record Answer(String text, boolean right) {
    }

    /** The section of a run, or {@code null} when the run has no robustness suite. */
    static RobustnessView of(List<TrialResult> ok, RunResults.DataInfo data) {
        CorruptionSamples suite = data.robustness();
        if (suite == null) {
            return null;
        }
        List<String> ids = suite.corruptions().stream().map(CorruptionSamples.Corruption::id).toList();
        List<TrialResult> byClean = ok.stream().sorted(Comparator.comparingDouble((TrialResult m) -> -m.metrics().accuracy())).toList();
        List<TrialResult> evaluated = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (TrialResult m : ok) {
            Robustness r = m.evaluation().robustness();
            if (r == null || r.meanAccuracy() == null) {
                missing.add(m.pluginId() + (r != null && r.error() != null ? " (failed: " + r.error() + ")"
                        : " (not evaluated: digitbench robustness RUN evaluates saved models)"));
            } else if (!suite.suite().equals(r.suite())) {
                missing.add(m.pluginId() + " (evaluated on the " + r.suite() + " suite, not this run's " + suite.suite() + ")");
            } else {
                evaluated.add(m);
            }
        }
        evaluated.sort(Comparator.comparingDouble((TrialResult m) -> -m.evaluation().robustness().meanAccuracy()));
        List<Row> rows = new ArrayList<>();
        for (TrialResult m : evaluated) {
            Robustness r = m.evaluation().robustness();
            List<Cell> cells = ids.stream().map(id -> cell(r.of(id), r.images())).toList();
            rows.add(new Row(m.pluginId(), ReportWriter.anchor(m.pluginId()), byClean.indexOf(m) + 1, rows.size() + 1,
                    Format.percent(r.cleanAccuracy()), Format.percent(r.meanAccuracy()), String.format(Locale.ROOT, "%.6f", r.meanAccuracy()),
                    points(r.drop()), r.worst(), cells, r.error()));
        }
        List<Column> columns = suite.corruptions().stream().map(c -> new Column(c.id(), c.description(),
                c.examples().isEmpty() ? null : ModelView.png(c.examples().getFirst()))).toList();
        List<Example> examples = new ArrayList<>();
        for (int k = 0; k < suite.clean().size(); k++) {
            int e = k;
            List<Answers> answers = evaluated.stream().map(m -> new Answers(m.pluginId(), ReportWriter.anchor(m.pluginId()),
                    ids.stream().map(id -> answer(m.evaluation().robustness().of(id), e, suite.clean().get(e).label())).toList())).toList();
            examples.add(new Example(suite.clean().get(k).label(), suite.clean().get(k).index(), ModelView.png(suite.clean().get(k)),
                    suite.corruptions().stream().map(c -> c.examples().size() > e ? ModelView.png(c.examples().get(e)) : null).toList(),
                    answers));
        }
        return new RobustnessView(suite.suite(), suite.description(), suite.images(), columns, rows, examples, missing);
    }

    private static Cell cell(Robustness.Corrupted c, int images) {
        if (c == null) {
            return new Cell("–", "not evaluated", "", "");
        }
        int hue = (int) Math.round(120 * c.accuracy());
        return new Cell(Format.percent(c.accuracy()).replace("%", ""), String.format(Locale.ROOT, "%d of %d right; Wilson 95%%: %s – %s",
                c.correct(), images,
                Format.percent(c.ci95().low()), Format.percent(c.ci95().high())),
                String.format(Locale.ROOT, "%.6f", c.accuracy()), "background:hsl(" + hue + ",70%,80%)");
    }

    private static Answer answer(Robustness.Corrupted c, int example, int label) {
        if (c == null || c.examples() == null || c.examples().length <= example) {
            return new Answer("–", false);
        }
        return new Answer(String.valueOf(c.examples()[example]), c.examples()[example] == label);
    }

    /** A drop in accuracy in percentage points, "12.3 points". */
    private static String points(Double drop) {
        return drop == null ? "–" : String.format(Locale.ROOT, "%.1f points", 100 * drop);
    }
}
