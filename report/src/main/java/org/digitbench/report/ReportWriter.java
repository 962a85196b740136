package org.digitbench.report;

import org.digitbench.api.DigitbenchException;
import org.digitbench.api.SourceFile;
import org.digitbench.data.SafeFiles;
import org.digitbench.results.RunResults;
import org.digitbench.results.TrialResult;
import org.digitbench.results.stats.SeedStats;
import org.digitbench.results.stats.TimeToAccuracy;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.results.text.Format;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a run's HTML report from its {@code results.json} alone, so a report can be re-rendered
 * without re-training. The page is self-contained: the charting library (Apache ECharts), the table
 * sorter (tablesort), the styles and the digit images are inlined, so it works offline. The
 * templates are Pebble templates with HTML auto-escaping: every name, label and parameter that came
 * from a user is escaped.
 */
public final class ReportWriter {
    public static final String FILE_NAME = "index.html";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PebbleEngine ENGINE = new PebbleEngine.Builder()
            .loader(classpathLoader())
            .autoEscaping(true)
            .strictVariables(true)
            .build();

    /** The inlined assets, read once per process. */
    static final String STYLE = asset("/org/digitbench/report/report.css");
    static final String TABLESORT = asset("/META-INF/resources/webjars/tablesort/" + Versions.TABLESORT + "/dist/tablesort.min.js")
            + "\n" + asset("/META-INF/resources/webjars/tablesort/" + Versions.TABLESORT + "/dist/sorts/tablesort.number.min.js");
    static final String ECHARTS = asset("/META-INF/resources/webjars/echarts/" + Versions.ECHARTS + "/echarts.min.js");
    private static final String SCRIPT = asset("/org/digitbench/report/report.js");

    private ReportWriter() {
    }

    private static ClasspathLoader classpathLoader() {
        ClasspathLoader loader = new ClasspathLoader(ReportWriter.class.getClassLoader());
        loader.setPrefix("org/digitbench/report");
        return loader;
    }

    /** Renders {@code runDir/results.json} into {@code runDir/index.html}. */
    public static Path render(Path runDir) {
        return render(runDir, TimeToAccuracy.DEFAULT_TARGETS);
    }

    /** Renders {@code runDir/results.json} into {@code runDir/index.html}, with the time to these validation accuracies. */
    public static Path render(Path runDir, List<Double> targets) {
        return write(ResultsStore.read(runDir.resolve(ResultsStore.FILE_NAME)), runDir, targets);
    }

    /** Writes the report of {@code results} into {@code dir/index.html}. */
    /** {@code digitbench verify}'s result, when the run folder has one; a file that does not read is said, not fatal. */
    private static void verification(Path dir, Map<String, Object> context) {
        Path file = dir.resolve(org.digitbench.results.Verification.FILE);
        context.put("verification", null);
        context.put("verificationError", null);
        if (!java.nio.file.Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            context.put("verification", org.digitbench.results.store.ResultsStore.readJson(file,
                    org.digitbench.results.Verification.class));
        } catch (org.digitbench.api.DigitbenchException e) {
            context.put("verificationError", e.getMessage());
        }
    }

    public static Path write(RunResults results, Path dir) {
        return write(results, dir, TimeToAccuracy.DEFAULT_TARGETS);
    }

    /** Writes the report of {@code results} into {@code dir/index.html}, with the time to these validation accuracies. */
    public static Path write(RunResults results, Path dir, List<Double> targets) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("run", results);
        context.put("cpuWarning", MachineNotes.warning(results.mainTrials()));
        context.put("concurrentNote", results.plan().concurrent() ? Format.concurrentNote(results.plan()) : null);
        context.put("started", results.startedAt() == null ? "" : TIME.format(results.startedAt()));
        context.put("finished", results.finishedAt() == null ? "not finished" : TIME.format(results.finishedAt()));
        List<TrialResult> main = results.mainTrials();
        List<TrialResult> ok = main.stream().filter(m -> m.ok() && m.metrics() != null)
                .sorted(Comparator.comparingDouble((TrialResult m) -> -m.metrics().accuracy())).toList();
        List<TrialResult> failed = main.stream().filter(m -> !m.ok()).toList();
        context.put("headline", headline(ok, failed));
        context.put("rows", LeaderboardRows.rows(ok, targets));
        context.put("families", FamilyView.of(ok));
        context.put("timed", ok.stream().anyMatch(m -> m.timing() != null));
        context.put("jmhVersion", org.digitbench.results.provenance.ProvenanceCollector.jmhVersion(results.provenance()));
        context.put("savedModels", ok.stream().filter(m -> m.modelFile() != null).count());
        SeedStats seeds = results.hasSeeds() ? SeedStats.of(results) : null;
        context.put("seedRows", seeds == null ? List.of() : TableRows.seeds(seeds, results));
        context.put("seedPairs", seeds == null ? List.of() : TableRows.seedPairs(seeds));
        context.put("failedTrials", results.trials().stream().filter(x -> !x.ok() && x.seed() != results.plan().mainSeed()).toList());
        context.put("timingRows", TableRows.timing(main));
        context.put("failed", failed);
        context.put("models", ok.stream().map(m -> ModelView.of(m, results.data())).toList());
        context.put("mcnemar", McNemarMatrix.of(ok, results.comparisons()));
        context.put("samples", results.data().samples() == null ? List.of()
                : results.data().samples().stream().map(ModelView.Image::of).toList());
        context.put("checksums", checksums(results));
        context.put("downloads", TableDownloads.of(results));
        context.put("robustness", RobustnessView.of(ok, results.data()));
        context.put("calibration", TableRows.calibration(ok));
        context.put("calibrationBins", org.digitbench.eval.Calibration.BINS);
        context.put("targets", targets.stream().map(Format::percent).toList());
        verification(dir, context);
        context.put("timeToAccuracy", TableRows.timeToAccuracy(ok, targets));
        context.put("chartData", scriptJson(ChartData.of(ok, results)));
        context.put("echarts", ECHARTS);
        context.put("tablesort", TABLESORT);
        context.put("style", STYLE);
        context.put("script", SCRIPT);
        Path file = dir.resolve(FILE_NAME);
        writeAtomically(file, render("/run.peb", context));
        return file;
    }

    private static final java.util.regex.Pattern JMH_FILE = java.util.regex.Pattern.compile("jmh/[A-Za-z0-9][A-Za-z0-9._-]*\\.json");

    /**
     * The link to a JMH JSON file of the run, URL-encoded: only a plain {@code jmh/NAME.json} inside the run folder;
     * anything else that results.json names is shown as text, never linked.
     */
    static String jmhLink(String jsonFile) {
        if (jsonFile == null || !JMH_FILE.matcher(jsonFile).matches()) {
            return null;
        }
        return "jmh/" + java.net.URLEncoder.encode(jsonFile.substring(4), StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String render(String template, Map<String, Object> context) {
        PebbleTemplate t = ENGINE.getTemplate(template.substring(1));
        StringWriter out = new StringWriter();
        try {
            t.evaluate(out, context, Locale.ROOT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes a run's page into its run folder (which must be a folder itself), without following any link. */
    static void writeAtomically(Path file, String html) {
        Path dir = file.toAbsolutePath().getParent();
        SafeFiles.createDirectory(dir, "cannot write " + file);
        SafeFiles.writeAtomically(dir, file.getFileName().toString(), out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes a page of the output folder (the runs index, a comparison): the folder may be a link, the page may not. */
    static void writeInOutputFolder(Path file, String html) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DigitbenchException("cannot write " + file + ": " + e.getMessage(), e);
        }
        SafeFiles.writeAtomicallyInOutputFolder(dir, file.getFileName().toString(),
                out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static String headline(List<TrialResult> ok, List<TrialResult> failed) {
        if (ok.isEmpty()) {
            return failed.isEmpty() ? "No model has finished yet." : "Every model failed.";
        }
        TrialResult best = ok.getFirst();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Most accurate: %s (%s), %.2f%% [%.2f, %.2f].",
                best.pluginId(), best.plugin().library(), 100 * best.metrics().accuracy(), 100 * best.metrics().accuracyCi95().low(),
                100 * best.metrics().accuracyCi95().high()));
        ok.stream().filter(m -> m.times().trainSeconds() != null && m.metrics().accuracy() >= best.metrics().accuracy() - 0.01)
                .min(Comparator.comparingDouble((TrialResult t) -> t.times().trainSeconds()))
                .filter(fast -> fast != best)
                .ifPresent(fast -> sb.append(String.format(Locale.ROOT,
                        " Fastest to train within one point of it: %s (%s), %.2f%% in %s.", fast.pluginId(), fast.plugin().library(),
                        100 * fast.metrics().accuracy(), LeaderboardRows.seconds(fast.times().trainSeconds()))));
        if (!failed.isEmpty()) {
            sb.append(' ').append(failed.size()).append(failed.size() == 1 ? " model failed." : " models failed.");
        }
        return sb.toString();
    }

    static String anchor(String pluginId) {
        return "model-" + pluginId.replaceAll("[^A-Za-z0-9_-]", "_");
    }


    private static List<SourceFile> checksums(RunResults r) {
        List<SourceFile> all = new ArrayList<>(r.data().train().sources());
        for (SourceFile f : r.data().test().sources()) {
            if (!all.contains(f)) {
                all.add(f);
            }
        }
        return all;
    }

    /**
     * JSON for a {@code <script type="application/json">} element: {@code <}, {@code >} and {@code &}
     * (which JSON allows only inside strings) become unicode escapes, so nothing in it is markup.
     */
    static String scriptJson(Object value) {
        return JSON.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static String asset(String resource) {
        try (InputStream in = ReportWriter.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " (is the jar complete?)");
            }
            // inline scripts must not contain a closing script tag
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
