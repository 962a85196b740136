package org.digitbench.report;

import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.DigitbenchException;
import org.digitbench.results.TuneResults;
import org.digitbench.results.text.Format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The tables of benchmarks/TUNING.md that come from the committed tunings ({@code <dir>/tuning/<id>/tune.json}): per
 * tuning, the command that made it and its duration; per plugin, its rule, what it tried on the whole training set, what
 * it chose, and whether that is the plugin's default today. They replace what stands between {@code <!-- tuning -->} and
 * {@code <!-- /tuning -->}.
 */
public final class TuningTables {
    /** The folder of the committed tunings, under the reference results. */
    public static final String FOLDER = "tuning";

    private TuningTables() {
    }

    /** The committed tunings: {@code <dir>/tuning/<id>/tune.json}, by folder name. */
    public static List<Path> find(Path dir) {
        Path folder = dir.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.resolve("tune.json")).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new DigitbenchException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * The Markdown of the tunings.
     *
     * @param tunings the tunings, in order
     * @param files   where each is committed (shown as its link), relative to the Markdown file
     * @param plugins the plugin of an id, to compare a choice with its defaults today (empty: not installed)
     */
    public static String markdown(List<TuneResults> tunings, List<String> files, Function<String, Optional<ClassifierPlugin>> plugins) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tunings.size(); i++) {
            TuneResults t = tunings.get(i);
            String took = t.finishedAt() == null ? "unfinished"
                    : Format.duration(Duration.between(t.startedAt(), t.finishedAt()).toMillis() / 1000.0);
            sb.append("### ").append(t.tuneId()).append("\n\n");
            sb.append(String.format(Locale.ROOT, "[%s](%s), made %s, profile %s, %s; %s.%n%n", files.get(i), files.get(i),
                    t.startedAt().toString().substring(0, 10), t.profile(), took, t.search()));
            if (t.commandLine() != null) {
                sb.append("    ./digitbench ").append(String.join(" ", t.commandLine().stream().map(TuningTables::shellWord).toList()))
                        .append("\n\n");
            }
            sb.append("| plugin | rule | on the whole training set: validation accuracy (training s) | chosen | the default today | same? |\n");
            sb.append("| --- | --- | --- | --- | --- | --- |\n");
            for (TuneResults.PluginTuning p : t.plugins()) {
                sb.append("| `").append(p.pluginId()).append("` | ").append(t.ruleOf(p)).append(" | ")
                        .append(tried(p)).append(" | ");
                if (p.chosen() == null) {
                    sb.append(p.noChoice()).append(" | | |\n");
                    continue;
                }
                TuneResults.Configuration chosen = p.configurations().get(p.chosen());
                sb.append('`').append(chosen.describeParams()).append("` | ");
                Optional<ClassifierPlugin> plugin = plugins.apply(p.pluginId());
                if (plugin.isEmpty()) {
                    sb.append("(not installed) | |\n");
                    continue;
                }
                Map<String, Object> today = plugin.get().resolve(Map.of()).asMap();
                Map<String, Object> picked = plugin.get().resolve(chosen.params()).asMap();
                List<String> names = chosen.params().keySet().stream().sorted().toList();
                sb.append('`').append(String.join(" ", names.stream().map(n -> n + "=" + today.get(n)).toList())).append("` | ");
                List<String> differ = names.stream().filter(n -> !today.get(n).equals(picked.get(n))).toList();
                sb.append(differ.isEmpty() ? "yes" : "no (" + String.join(", ", differ) + ")").append(" |\n");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The configurations trained on the whole training set, as {@code epochs=3: 0.9682 (7.0)}, and how many on fewer images. */
    private static String tried(TuneResults.PluginTuning p) {
        int full = p.configurations().stream().mapToInt(TuneResults.Configuration::trainSize).max().orElse(0);
        List<String> parts = new ArrayList<>();
        int fewer = 0;
        for (TuneResults.Configuration c : p.configurations()) {
            if (c.trainSize() < full) {
                fewer++;
            } else {
                parts.add(c.describeParams() + ": " + (c.ok() ? String.format(Locale.ROOT, "%.4f (%.1f)", c.accuracy(), c.trainSeconds())
                        : "failed"));
            }
        }
        return String.join("; ", parts) + (fewer == 0 ? "" : String.format(Locale.ROOT, "; and %d on fewer images", fewer));
    }

    private static String shellWord(String word) {
        return word.matches("[A-Za-z0-9_./:=,@%+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** Replaces the {@code <!-- tuning -->} region of {@code file} with {@code markdown}; false when it has no such region. */
    public static boolean update(Path file, String markdown) {
        return !MarkedRegions.update(file, Map.of("tuning", markdown)).isEmpty();
    }
}
