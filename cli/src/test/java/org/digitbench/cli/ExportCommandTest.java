package org.digitbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.digitbench.eval.ClassificationMetrics;
import org.digitbench.report.ReportFixtures;
import org.digitbench.results.RunResults;
import org.digitbench.results.TrialResult;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.results.text.Stability;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import tools.jackson.databind.json.JsonMapper;

/** {@code digitbench export}: every table, read back as pandas would read it, says what results.json says. */
class ExportCommandTest {
    @TempDir
    Path dir;
    private RunResults run;

    @BeforeEach
    void writeRun() {
        run = ReportFixtures.results("fixture");
        ResultsStore.write(dir.resolve("run1"), run);
    }

    private List<Map<String, String>> csv(String table) {
        CliRun r = CliRun.of("export", "run1", "-o", dir.toString(), "--what", table);
        assertEquals(0, r.code(), r.printed());
        List<Map<String, String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(r.stdout(), CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            parser.forEach(record -> rows.add(record.toMap()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return rows;
    }

    private static double number(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    @Test
    void trialsAndMetricsRoundTrip() {
        List<Map<String, String>> trials = csv("trials");
        assertEquals(run.trials().size(), trials.size());
        List<Map<String, String>> metrics = csv("metrics");
        for (int i = 0; i < trials.size(); i++) {
            TrialResult t = run.trials().get(i);
            Map<String, String> row = trials.get(i);
            assertEquals(t.pluginId(), row.get("plugin"));
            assertEquals(String.valueOf(t.seed()), row.get("seed"));
            assertEquals(t.status().toString(), row.get("status"));
            ClassificationMetrics m = t.metrics();
            if (m == null) {
                assertEquals("", row.get("accuracy"), "a failed trial's accuracy is an empty cell");
                assertEquals(t.error(), row.get("error"), "its error, quoted as CSV needs");
                continue;
            }
            assertEquals(m.accuracy(), number(row, "accuracy"));
            assertEquals(m.macro().f1(), number(row, "macro_f1"));
            Map<String, Double> mine = new java.util.HashMap<>();
            metrics.stream().filter(x -> x.get("plugin").equals(t.pluginId()) && x.get("seed").equals(String.valueOf(t.seed())))
                    .forEach(x -> mine.put(x.get("metric"), number(x, "value")));
            assertEquals(m.accuracy(), mine.get("accuracy"));
            assertEquals(m.accuracyCi95().low(), mine.get("accuracy_ci95_low"));
            assertEquals(m.weighted().recall(), mine.get("weighted_recall"));
            assertEquals(t.times().trainSeconds(), mine.get("train_seconds"));
        }
    }

    @Test
    void timingPerClassAndPredictionsRoundTrip() {
        List<Map<String, String>> timing = csv("timing");
        List<Map<String, String>> perClass = csv("per-class");
        List<Map<String, String>> predictions = csv("predictions");
        int cores = run.provenance().cpus();
        int timedRows = 0;
        for (TrialResult t : run.trials()) {
            String seed = String.valueOf(t.seed());
            if (t.timing() != null && t.timing().batch() != null) {
                Map<String, String> batch = timing.stream().filter(x -> x.get("plugin").equals(t.pluginId())
                        && x.get("seed").equals(seed) && x.get("benchmark").equals("batch")).findFirst().orElseThrow();
                Stability s = Stability.of(t.timing().batch(), t.timing(), cores);
                assertEquals(s.interval().median(), number(batch, "median"));
                assertEquals(s.interval().low(), number(batch, "interval_low"));
                assertEquals(String.valueOf(s.unstable()), batch.get("unstable"));
                assertEquals(t.timing().imagesPerSecond(), number(batch, "images_per_second"));
                timedRows++;
            }
            if (t.metrics() == null) {
                continue;
            }
            List<Map<String, String>> classes = perClass.stream().filter(x -> x.get("plugin").equals(t.pluginId())
                    && x.get("seed").equals(seed)).toList();
            assertEquals(t.metrics().perClass().size(), classes.size());
            for (int c = 0; c < classes.size(); c++) {
                assertEquals(t.metrics().perClass().get(c).f1(), number(classes.get(c), "f1"));
                assertEquals(t.metrics().perClass().get(c).support(), (int) number(classes.get(c), "support"));
            }
            int[] predicted = t.evaluation().predictions();
            List<Map<String, String>> mine = predictions.stream().filter(x -> x.get("plugin").equals(t.pluginId())
                    && x.get("seed").equals(seed)).toList();
            assertEquals(predicted.length, mine.size());
            for (Map<String, String> p : mine) {
                assertEquals(predicted[Integer.parseInt(p.get("image"))], Integer.parseInt(p.get("predicted")));
            }
        }
        assertTrue(timedRows > 0, "the fixture has timed trials");
    }

    @Test
    void jsonLinesHoldTheSameRowsAndToWritesAFile() throws Exception {
        List<Map<String, String>> csv = csv("trials");
        CliRun r = CliRun.of("export", "run1", "-o", dir.toString(), "--what", "trials", "--format", "jsonl");
        assertEquals(0, r.code(), r.printed());
        List<String> lines = r.stdout().lines().toList();
        assertEquals(csv.size(), lines.size());
        Map<?, ?> first = JsonMapper.builder().build().readValue(lines.get(0), Map.class);
        assertEquals(csv.get(0).get("plugin"), first.get("plugin"));
        assertEquals(number(csv.get(0), "accuracy"), ((Number) first.get("accuracy")).doubleValue());

        Path file = dir.resolve("metrics.csv");
        CliRun to = CliRun.of("export", "run1", "-o", dir.toString(), "--to", file.toString());
        assertEquals(0, to.code(), to.printed());
        assertTrue(Files.readString(file).startsWith("run_id,plugin,seed,metric,value\n"), "metrics by default");
    }

    @Test
    void badOptionsSayWhatWasExpected() {
        CliRun what = CliRun.of("export", "run1", "-o", dir.toString(), "--what", "accuracy");
        assertEquals(1, what.code());
        assertTrue(what.err().contains("--what accuracy: expected trials, metrics, timing, per-class or predictions"), what.err());
        CliRun format = CliRun.of("export", "run1", "-o", dir.toString(), "--format", "xlsx");
        assertEquals(1, format.code());
        assertTrue(format.err().contains("--format 'xlsx': expected csv or jsonl"), format.err());
        CliRun missing = CliRun.of("export", "nope", "-o", dir.toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("nope"), missing.err());
    }
}
