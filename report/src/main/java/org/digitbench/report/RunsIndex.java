package org.digitbench.report;

import org.digitbench.api.DigitbenchException;
import org.digitbench.results.RunResults;
import org.digitbench.results.TrialResult;
import org.digitbench.results.store.DatasetsFile;
import org.digitbench.results.store.ResultsStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** {@code reports/index.html}: every run in the folder, newest first, with a link to its report. */
public final class RunsIndex {
    private RunsIndex() {
    }

    /**
     * One run of the list.
     *
     * @param id           its folder's name
     * @param started      when it started, as the page says it and sortable
     * @param models       main-seed trials
     * @param failed       trials that failed
     * @param hasReport    whether its index.html exists
     * @param best         the most accurate model, or {@code null}
     * @param bestAccuracy its accuracy, or {@code null}
     */
    public record Run(String id, Started started, String profile, org.digitbench.results.RunStatus status,
                      int models, long failed, boolean hasReport, String best, String bestAccuracy) {
    }

    /**
     * When a run started.
     *
     * @param text as the page says it
     * @param sort the same, sortable
     */
    public record Started(String text, String sort) {
        static Started of(java.time.Instant at) {
            return at == null ? new Started("", "") : new Started(ReportWriter.TIME.format(at), at.toString());
        }
    }

    /** A run over several datasets: its datasets' trials together, its best model named with its dataset. */
    private static Run severalDatasets(Path dir) {
        DatasetsFile m = DatasetsFile.read(dir);
        List<String> done = DatasetsFile.finishedKeys(dir);
        int models = 0;
        long failed = 0;
        boolean complete = done.size() == m.keys().size();
        String best = null;
        double bestAccuracy = -1;
        for (String key : done) {
            RunResults r = ResultsStore.read(dir.resolve(key).resolve(ResultsStore.FILE_NAME));
            models += r.mainTrials().size();
            failed += r.trials().stream().filter(t -> !t.ok()).count();
            complete &= r.status() == org.digitbench.results.RunStatus.COMPLETE;
            for (TrialResult t : r.mainTrials()) {
                if (t.ok() && t.metrics() != null && t.metrics().accuracy() > bestAccuracy) {
                    bestAccuracy = t.metrics().accuracy();
                    best = t.pluginId() + " on " + key;
                }
            }
        }
        return new Run(dir.getFileName().toString(), Started.of(m.startedAt()), m.profile() + ", " + m.keys().size() + " datasets",
                complete ? org.digitbench.results.RunStatus.COMPLETE : org.digitbench.results.RunStatus.RUNNING, models, failed,
                Files.isRegularFile(dir.resolve(ReportWriter.FILE_NAME)), best, best == null ? null : LeaderboardRows.f4(bestAccuracy));
    }

    public static Path write(Path reportsDir) {
        List<Run> runs = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(reportsDir)) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve(ResultsStore.FILE_NAME)) || DatasetsFile.isRun(d))
                    .sorted().toList()) {
                try {
                    if (!Files.isRegularFile(dir.resolve(ResultsStore.FILE_NAME))) {
                        runs.add(severalDatasets(dir));
                        continue;
                    }
                    RunResults r = ResultsStore.read(dir.resolve(ResultsStore.FILE_NAME));
                    TrialResult best = r.mainTrials().stream().filter(m -> m.ok() && m.metrics() != null)
                            .max(Comparator.comparingDouble(m -> m.metrics().accuracy())).orElse(null);
                    runs.add(new Run(dir.getFileName().toString(), Started.of(r.startedAt()), r.profile(), r.status(), r.mainTrials().size(),
                            r.trials().stream().filter(m -> !m.ok()).count(), Files.isRegularFile(dir.resolve(ReportWriter.FILE_NAME)),
                            best == null ? null : best.pluginId(), best == null ? null : LeaderboardRows.f4(best.metrics().accuracy())));
                } catch (DigitbenchException e) {
                    unreadable.add(dir.getFileName() + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new DigitbenchException("cannot list " + reportsDir + ": " + e.getMessage(), e);
        }
        runs.sort(Comparator.comparing((Run r) -> r.started().sort()).reversed());
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("runs", runs);
        context.put("unreadable", unreadable);
        context.put("style", ReportWriter.STYLE);
        context.put("tablesort", ReportWriter.TABLESORT);
        Path file = reportsDir.resolve("index.html");
        ReportWriter.writeInOutputFolder(file, ReportWriter.render("/runs.peb", context));
        return file;
    }
}
