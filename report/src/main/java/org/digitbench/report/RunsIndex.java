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

/** {@code reports/index.html}: every run in the folder, newest first, with a link to its report. */
public final class RunsIndex {
    private RunsIndex() {
    }

    public static Path write(Path reportsDir) {
        List<Map<String, Object>> runs = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(reportsDir)) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve(ResultsStore.FILE_NAME))).sorted().toList()) {
                try {
                    RunResults r = ResultsStore.read(dir.resolve(ResultsStore.FILE_NAME));
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("id", dir.getFileName().toString());
                    v.put("started", r.startedAt() == null ? "" : ReportWriter.TIME.format(r.startedAt()));
                    v.put("startedSort", r.startedAt() == null ? "" : r.startedAt().toString());
                    v.put("profile", r.profile());
                    v.put("status", r.status());
                    v.put("models", r.mainTrials().size());
                    v.put("failed", r.trials().stream().filter(m -> !m.ok()).count());
                    v.put("hasReport", Files.isRegularFile(dir.resolve(ReportWriter.FILE_NAME)));
                    r.mainTrials().stream().filter(m -> m.ok() && m.metrics() != null)
                            .max(Comparator.comparingDouble(m -> m.metrics().accuracy()))
                            .ifPresent(best -> {
                                v.put("best", best.pluginId());
                                v.put("bestAccuracy", LeaderboardRows.f4(best.metrics().accuracy()));
                            });
                    runs.add(v);
                } catch (DigitbenchException e) {
                    unreadable.add(dir.getFileName() + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new DigitbenchException("cannot list " + reportsDir + ": " + e.getMessage(), e);
        }
        runs.sort(Comparator.comparing((Map<String, Object> v) -> (String) v.get("startedSort")).reversed());
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
