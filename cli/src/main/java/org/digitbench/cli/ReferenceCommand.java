package org.digitbench.cli;

import org.digitbench.api.DigitbenchException;
import org.digitbench.api.PluginRegistry;
import org.digitbench.report.ReferenceTables;
import org.digitbench.report.TuningTables;
import org.digitbench.results.TuneResults;
import org.digitbench.results.RunResults;
import org.digitbench.results.RunStatus;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.results.store.RunFolder;
import org.digitbench.run.ReferenceEstimates;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "reference", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Makes runs the project's reference results and regenerates what is derived from them: copies each",
                "run's results.json to benchmarks/results/<profile>/ (no models, no HTML), writes the trial-time estimates",
                "that run --dry-run and the progress display use (a plugin the reference lacks is estimated from the runs in",
                "benchmarks/results/<profile>/additions/, if one has it), and rewrites the measured tables of benchmarks/results/README.md."})
final class ReferenceCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    Main parent;

    @CommandLine.Parameters(paramLabel = "RUN_ID", arity = "0..*",
            description = "finished runs to commit as their profile's reference (default: regenerate from what is there)")
    List<String> runIds = new ArrayList<>();

    @CommandLine.Mixin
    OutputDirOption output = new OutputDirOption();

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "benchmarks/results",
            description = "where the reference results are kept; default: ${DEFAULT-VALUE}")
    Path dir;

    @Option(names = "--readme", paramLabel = "FILE", defaultValue = "benchmarks/results/README.md",
            description = "the file whose <!-- reference:PROFILE --> regions get the tables; default: ${DEFAULT-VALUE}")
    Path readme;

    @Option(names = "--tuning-doc", paramLabel = "FILE", defaultValue = "benchmarks/TUNING.md",
            description = "the file whose <!-- tuning --> region gets the tables of the tunings in <dir>/tuning/; default: ${DEFAULT-VALUE}")
    Path tuningDoc;

    @CommandLine.Mixin
    PluginPathOption pluginPath = new PluginPathOption();

    @Override
    public Integer call() throws java.io.IOException {
        for (String id : runIds) {
            RunFolder folder = RunFolder.existing(output.dir, id, "reference");
            RunResults r = ResultsStore.read(folder.results());
            if (r.status() != RunStatus.COMPLETE) {
                throw new DigitbenchException("run " + id + " is " + r.status() + ", not complete: only a finished run can be a reference");
            }
            Path target = dir.resolve(r.profile()).resolve(ResultsStore.FILE_NAME);
            java.nio.file.Files.createDirectories(target.getParent());
            java.nio.file.Files.copy(folder.results(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            parent.out.println("Reference of profile " + r.profile() + ": " + target + " (from run " + id + ")");
        }
        List<Path> files = ReferenceTables.find(dir);
        if (files.isEmpty()) {
            throw new DigitbenchException("no reference results in " + dir + " (expected " + dir.resolve("full/results.json")
                    + " or " + dir.resolve("quick/results.json") + "); give a finished run's id");
        }
        List<RunResults> runs = files.stream().map(ResultsStore::read).toList();
        List<String> names = files.stream().map(Path::toString).toList();
        List<Path> additions = ReferenceTables.additions(dir);
        List<RunResults> estimated = new ArrayList<>(runs);
        List<String> estimatedNames = new ArrayList<>(names);
        for (Path f : additions) {
            estimated.add(ResultsStore.read(f));
            estimatedNames.add(f.toString());
        }
        Path estimates = dir.resolve(ReferenceEstimates.FILE);
        ResultsStore.writeJson(estimates, ReferenceEstimates.from(estimated, estimatedNames));
        parent.out.println("Estimates: " + estimates + (additions.isEmpty() ? ""
                : " (with the plugins its references lack from " + additions.size() + " addition" + (additions.size() == 1 ? "" : "s") + ")"));
        if (java.nio.file.Files.isRegularFile(readme)) {
            List<String> updated = ReferenceTables.updateReadme(readme, runs, names);
            parent.out.println(updated.isEmpty() ? "No <!-- reference:PROFILE --> regions in " + readme
                    : "Tables of " + String.join(", ", updated) + " written into " + readme);
        }
        List<Path> tunings = TuningTables.find(dir);
        if (!tunings.isEmpty() && java.nio.file.Files.isRegularFile(tuningDoc)) {
            PluginRegistry registry = pluginPath.registry();
            String markdown = TuningTables.markdown(tunings.stream().map(f -> ResultsStore.readJson(f, TuneResults.class)).toList(),
                    tunings.stream().map(f -> tuningDoc.toAbsolutePath().getParent().relativize(f.toAbsolutePath()).toString()).toList(),
                    registry::find);
            parent.out.println(TuningTables.update(tuningDoc, markdown)
                    ? "Tables of " + tunings.size() + " tuning" + (tunings.size() == 1 ? "" : "s") + " written into " + tuningDoc
                    : "No <!-- tuning --> region in " + tuningDoc);
        }
        return 0;
    }
}
