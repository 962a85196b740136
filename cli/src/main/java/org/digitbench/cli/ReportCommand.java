package org.digitbench.cli;

import org.digitbench.api.DigitbenchException;
import org.digitbench.report.AcrossDatasetsWriter;
import org.digitbench.report.CompareWriter;
import org.digitbench.report.ReportWriter;
import org.digitbench.report.RunsIndex;
import org.digitbench.results.stats.TimeToAccuracy;
import org.digitbench.results.store.DatasetsFile;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.results.store.RunFolder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Re-renders reports/<run-id>/index.html from the run's results.json (no training), and reports/index.html;",
                "for a run over several datasets, each dataset's report and the run's page.",
                "With --compare, writes a page comparing two runs model by model.",
                "With --across-datasets, writes a page comparing the models of runs on different datasets (one run per dataset): "
                        + "accuracy and rank per dataset, mean ranks, the Friedman test and a critical-difference diagram (Nemenyi)."})
final class ReportCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    Main parent;

    @CommandLine.Parameters(paramLabel = "RUN_ID", arity = "0..*",
            description = "runs to render (default: every run in the output folder)")
    List<String> runIds = new ArrayList<>();

    @Option(names = "--compare", arity = "2", paramLabel = "RUN_ID",
            description = "two runs to compare: A then B")
    List<String> compare;

    @Option(names = "--across-datasets", arity = "2..*", paramLabel = "RUN_ID",
            description = "runs on different datasets, one per dataset, to compare models across (3 or more for the tests)")
    List<String> across;

    @Option(names = "--time-to-accuracy", paramLabel = "A,B,...",
            description = "validation accuracies whose training time the report gives for models that learn in epochs, "
                    + "e.g. 0.95,0.99; default: 0.97,0.98")
    String timeToAccuracy;

    @CommandLine.Mixin
    OutputDirOption output = new OutputDirOption();

    private java.util.List<Double> targets() {
        if (timeToAccuracy == null) {
            return TimeToAccuracy.DEFAULT_TARGETS;
        }
        try {
            return TimeToAccuracy.parse(timeToAccuracy);
        } catch (IllegalArgumentException e) {
            throw new DigitbenchException("--time-to-accuracy " + timeToAccuracy + ": " + e.getMessage());
        }
    }

    @Override
    public Integer call() throws java.io.IOException {
        if (!java.nio.file.Files.isDirectory(output.dir)) {
            throw new DigitbenchException("no reports folder " + output.dir + "; run digitbench run first, or give --output-dir");
        }
        targets(); // a malformed --time-to-accuracy stops here, before any report is written
        if (compare != null && across != null) {
            throw new DigitbenchException("--compare and --across-datasets write different pages: give one of them");
        }
        if (across != null) {
            for (String id : across) {
                Main.requireRun(output.dir, id);
            }
            parent.out.println("Across datasets: " + AcrossDatasetsWriter.write(output.dir, across));
            return 0;
        }
        if (compare != null) {
            for (String id : compare) {
                Main.requireRun(output.dir, id);
            }
            parent.out.println("Comparison: " + CompareWriter.write(output.dir, compare.get(0), compare.get(1)));
            return 0;
        }
        List<String> ids = runIds;
        if (ids.isEmpty()) {
            try (var dirs = java.nio.file.Files.list(output.dir)) {
                ids = dirs.filter(d -> java.nio.file.Files.isRegularFile(d.resolve(ResultsStore.FILE_NAME)) || DatasetsFile.isRun(d))
                        .map(d -> d.getFileName().toString()).sorted().toList();
            }
            if (ids.isEmpty()) {
                throw new DigitbenchException("no runs in " + output.dir + " (no folder there has a results.json)");
            }
        }
        int failed = 0;
        for (String id : ids) {
            // one broken or busy run does not keep the others, or the index, from being rendered
            try {
                java.nio.file.Path dir = RunFolder.resolve(output.dir, id, "report");
                if (DatasetsFile.isRun(dir) && !java.nio.file.Files.isRegularFile(dir.resolve(ResultsStore.FILE_NAME))) {
                    // a run over several datasets: each dataset's report, then the run's page
                    for (String key : DatasetsFile.finishedKeys(dir)) {
                        RunFolder part = RunFolder.at(dir.resolve(key));
                        try (RunFolder.Lock lock = part.lock("digitbench report")) {
                            parent.out.println("Report: " + ReportWriter.render(part.dir(), targets()));
                        }
                    }
                    parent.out.println("Report: " + AcrossDatasetsWriter.writeRun(dir));
                    continue;
                }
                RunFolder folder = RunFolder.existing(output.dir, id, "report");
                try (RunFolder.Lock lock = folder.lock("digitbench report")) {
                    parent.out.println("Report: " + ReportWriter.render(folder.dir(), targets()));
                }
            } catch (DigitbenchException e) {
                parent.err.println("digitbench: error: " + e.getMessage());
                failed++;
            } catch (RuntimeException e) { // a results.json that parses but does not hold together
                parent.err.println("digitbench: error: " + output.dir.resolve(id).resolve(ResultsStore.FILE_NAME)
                        + ": cannot be rendered (" + e + ")");
                failed++;
            }
        }
        parent.out.println("Index: " + RunsIndex.write(output.dir));
        if (failed > 0) {
            parent.err.println("digitbench: " + failed + " of " + ids.size() + " run" + (ids.size() == 1 ? "" : "s")
                    + " could not be rendered (see above); the others and the index were");
            return 1;
        }
        return 0;
    }
}
