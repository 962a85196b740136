package org.digitbench.run;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The table printed at the end of a run, best accuracy first, failed models last. */
public final class Leaderboard {
    private Leaderboard() {
    }

    public static String format(RunResults results) {
        List<RunResults.ModelResult> rows = results.models().stream()
                .sorted(Comparator.comparing((RunResults.ModelResult m) -> !m.ok())
                        .thenComparing(m -> m.ok() ? -m.metrics().accuracy() : 0))
                .toList();
        int idWidth = Math.max(5, rows.stream().mapToInt(m -> m.pluginId().length()).max().orElse(5));
        int libWidth = Math.max(7, rows.stream().mapToInt(m -> m.library().length()).max().orElse(7));
        StringBuilder sb = new StringBuilder();
        String header = String.format(Locale.ROOT, "%-" + idWidth + "s  %-" + libWidth + "s  %-19s  %8s  %-17s  %8s  %9s  %9s  %7s  %8s%n",
                "model", "library", "family", "accuracy", "95% CI", "macro F1", "train s", "predict s", "train n", "peak MiB");
        sb.append(header);
        sb.append("-".repeat(header.length() - 1)).append(System.lineSeparator());
        for (RunResults.ModelResult m : rows) {
            if (m.ok()) {
                var x = m.metrics();
                sb.append(String.format(Locale.ROOT, "%-" + idWidth + "s  %-" + libWidth + "s  %-19s  %8.4f  [%.4f, %.4f]  %8.4f  %9.1f  %9.2f  %7d  %8s%n",
                        m.pluginId(), m.library(), m.family(), x.accuracy(), x.accuracyCi95().low(), x.accuracyCi95().high(),
                        x.macro().f1(), m.trainSeconds(), m.predictSeconds(), m.trainingSize(),
                        m.peakRssBytes() == null ? "-" : String.valueOf(m.peakRssBytes() >> 20)));
            } else {
                sb.append(String.format(Locale.ROOT, "%-" + idWidth + "s  %-" + libWidth + "s  %-19s  FAILED: %s%n",
                        m.pluginId(), m.library(), m.family(), m.error()));
            }
        }
        if (!rows.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "tested on %d images; train n = training images used; times are wall-clock for one run; "
                    + "peak MiB = the process's peak resident memory while the model ran%n",
                    rows.get(0).testSize()));
        }
        return sb.toString();
    }
}
