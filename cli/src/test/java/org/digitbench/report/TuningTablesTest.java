package org.digitbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.PluginRegistry;
import org.digitbench.results.TuneResults;
import org.digitbench.results.store.ResultsStore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** benchmarks/TUNING.md's tables of the committed tunings, from their tune.json alone, compared with the plugins' defaults. */
class TuningTablesTest {
    private static final Path REFERENCE = Path.of("..", "benchmarks", "results");
    private static final Path DOC = Path.of("..", "benchmarks", "TUNING.md");

    private static Function<String, Optional<ClassifierPlugin>> installed() {
        return PluginRegistry.discover()::find;
    }

    private static TuneResults.Configuration c(String depth, int images, Double accuracy) {
        return new TuneResults.Configuration(Map.of("max-depth", depth), images, images < 1000 ? 0 : 1, accuracy,
                accuracy == null ? null : 2.0, "configs/x", null, accuracy == null ? "boom" : null);
    }

    @Test
    void aChoiceIsComparedWithThePluginsDefaultTodayAndAMissingChoiceSaysWhy(@TempDir Path dir) throws IOException {
        TuneResults t = new TuneResults("depths", Instant.parse("2026-12-06T05:00:00Z"), Instant.parse("2026-12-06T05:01:05Z"), "quick",
                "grid", "best", List.of(
                new TuneResults.PluginTuning("smile-decision-tree", List.of(c("8", 300, 0.7), c("8", 1000, 0.8), c("20", 1000, 0.81)),
                        List.of(1, 2), 2, List.of("-P smile-decision-tree.max-depth=20"), "the highest validation accuracy"),
                new TuneResults.PluginTuning("tribuo-decision-tree", List.of(c("8", 1000, 0.8)), List.of(0), 0,
                        List.of("-P tribuo-decision-tree.max-depth=8"), null),
                new TuneResults.PluginTuning("smile-mlp", List.of(c("8", 1000, 0.5)), List.of(0), null, List.of(),
                        "the fastest training with a validation accuracy of at least 0.9710"),
                new TuneResults.PluginTuning("nobody-here", List.of(c("8", 1000, null)), List.of(), null, List.of(), "best")),
                List.of("tune", "-m", "smile-decision-tree", "--rule", "best within", "-P", "smile-decision-tree.max-depth=8,20"));
        String md = TuningTables.markdown(List.of(t), List.of("results/tuning/depths/tune.json"), installed());
        assertTrue(md.contains("profile quick, 1 min 05 s; grid."), md);
        assertTrue(md.contains("    ./digitbench tune -m smile-decision-tree --rule 'best within' -P smile-decision-tree.max-depth=8,20\n"), md);
        assertTrue(md.contains("| `smile-decision-tree` | the highest validation accuracy | max-depth=8: 0.8000 (2.0); max-depth=20: 0.8100 (2.0);"
                + " and 1 on fewer images | `max-depth=20` | `max-depth=20` | yes |"), md);
        assertTrue(md.contains("| `tribuo-decision-tree` | best | max-depth=8: 0.8000 (2.0) | `max-depth=8` | `max-depth=20` | no (max-depth) |"),
                "a tuning of before per-plugin rules shows the tuning's rule: " + md);
        assertTrue(md.contains("| `smile-mlp` | the fastest training with a validation accuracy of at least 0.9710 | max-depth=8: 0.5000 (2.0) | "
                + "None of the configurations trained on the whole training set met the rule | | |"), md);
        assertTrue(md.contains("| `nobody-here` | best | max-depth=8: failed | No configuration finished on the whole training set | | |"), md);

        Path doc = dir.resolve("TUNING.md");
        Files.writeString(doc, "# Head\n\n<!-- tuning -->\nold\n<!-- /tuning -->\n\n## History\n");
        assertTrue(TuningTables.update(doc, md));
        assertEquals("# Head\n\n<!-- tuning -->\n" + md + "<!-- /tuning -->\n\n## History\n", Files.readString(doc));
        Path none = dir.resolve("OTHER.md");
        Files.writeString(none, "no region\n");
        assertFalse(TuningTables.update(none, md));
        assertEquals("no region\n", Files.readString(none));
    }

    /** The committed TUNING.md is what {@code digitbench reference} makes of the committed tunings: regenerate it when this fails. */
    @Test
    void theCommittedTuningDocIsGeneratedFromTheCommittedTunings() throws IOException {
        List<Path> files = TuningTables.find(REFERENCE);
        assertFalse(files.isEmpty(), "committed tunings under " + REFERENCE.resolve(TuningTables.FOLDER));
        String md = TuningTables.markdown(files.stream().map(f -> ResultsStore.readJson(f, TuneResults.class)).toList(),
                files.stream().map(f -> DOC.toAbsolutePath().getParent().relativize(f.toAbsolutePath()).toString()).toList(), installed());
        String doc = Files.readString(DOC);
        int from = doc.indexOf("<!-- tuning -->\n") + "<!-- tuning -->\n".length();
        assertEquals(md, doc.substring(from, doc.indexOf("<!-- /tuning -->")),
                "benchmarks/TUNING.md is out of date: ./digitbench reference regenerates it");
    }
}
