package org.digitbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.digitbench.api.DigitbenchException;
import org.digitbench.run.ResultsStore;
import org.digitbench.run.RunResults;
import org.digitbench.run.TrialResult;

/** {@code reports/index.html}: every run in the folder, newest first, with a link to its report. */
public final class RunsIndex {
    private RunsIndex() {
    }

    /**
     * One run of the list.
     *
     * @param id           its folder's name
     * @param started      when it started, as the page says it
     * @param startedSort  the same, sortable
     * @param models       main-seed trials
     * @param failed       trials that failed
     * @param hasReport    whether its index.html exists
     * @param best         the most accurate model, or {@code null}
     * @param bestAccuracy its accuracy, or {@code null}
     */
    public record Run(String id, String started, String startedSort, String profile, org.digitbench.run.RunStatus status,
                      int models, long failed, boolean hasReport, String best, String bestAccuracy) {
    }

    public static Path write(Path reportsDir) {
        List<Run> runs = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(reportsDir)) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve(ResultsStore.FILE_NAME))).sorted().toList()) {
                try {
                    RunResults r = ResultsStore.read(dir.resolve(ResultsStore.FILE_NAME));
                    TrialResult best = r.mainTrials().stream().filter(m -> m.ok() && m.metrics() != null)
                            .max(Comparator.comparingDouble(m -> m.metrics().accuracy())).orElse(null);
                    runs.add(new Run(dir.getFileName().toString(), r.startedAt() == null ? "" : ReportWriter.TIME.format(r.startedAt()),
                            r.startedAt() == null ? "" : r.startedAt().toString(), r.profile(), r.status(), r.mainTrials().size(),
                            r.trials().stream().filter(m -> !m.ok()).count(), Files.isRegularFile(dir.resolve(ReportWriter.FILE_NAME)),
                            best == null ? null : best.pluginId(), best == null ? null : LeaderboardRows.f4(best.metrics().accuracy())));
                } catch (DigitbenchException e) {
                    unreadable.add(dir.getFileName() + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new DigitbenchException("cannot list " + reportsDir + ": " + e.getMessage(), e);
        }
        runs.sort(Comparator.comparing(Run::startedSort).reversed());
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("runs", runs);
        context.put("unreadable", unreadable);
        context.put("style", ReportWriter.STYLE);
        context.put("tablesort", ReportWriter.TABLESORT);
        Path file = reportsDir.resolve("index.html");
        ReportWriter.writeAtomically(file, ReportWriter.render("/runs.peb", context));
        return file;
    }
}
