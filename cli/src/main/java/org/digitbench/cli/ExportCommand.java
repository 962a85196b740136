package org.digitbench.cli;

import org.digitbench.api.DigitbenchException;
import org.digitbench.data.SafeFiles;
import org.digitbench.results.RunResults;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.results.store.RunFolder;
import org.digitbench.results.tables.TableWriter;
import org.digitbench.results.tables.Tables;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes a table of a run's results for pandas, R or a spreadsheet, from its results.json: long and tidy",
                "(one row per trial and metric, per benchmark, per class or per test image), with a header row.",
                "Columns: docs/usage.md#exporting-tables. E.g. digitbench export RUN --what timing > timing.csv"})
final class ExportCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    Main parent;

    @CommandLine.Parameters(paramLabel = "RUN_ID", description = "the run (RUN_ID/DATASET for one dataset of a run over several)")
    String runId;

    @Option(names = "--what", paramLabel = "TABLE", defaultValue = "metrics", completionCandidates = TableNames.class,
            description = "trials, metrics, timing, per-class or predictions; default: ${DEFAULT-VALUE}")
    String what;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", completionCandidates = FormatNames.class,
            description = "csv (RFC 4180, a header row, empty cells for missing values) or jsonl (a JSON object a line); "
                    + "default: ${DEFAULT-VALUE}")
    String format;

    @Option(names = "--to", paramLabel = "FILE", description = "write the table to FILE (replaced) instead of standard output")
    Path to;

    @CommandLine.Mixin
    OutputDirOption output = new OutputDirOption();

    @Override
    public Integer call() throws IOException {
        Tables.Table table;
        try {
            table = Tables.Table.of(what);
        } catch (IllegalArgumentException e) {
            throw new DigitbenchException("--what " + what + ": expected trials, metrics, timing, per-class or predictions");
        }
        TableWriter.Format f = Arrays.stream(TableWriter.Format.values()).filter(x -> x.id().equals(format.toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new DigitbenchException("--format '" + format + "': expected csv or jsonl"));
        RunFolder folder = RunFolder.existing(output.dir, runId, "export");
        RunResults results = ResultsStore.read(folder.results());
        Tables.Data data = Tables.of(results, table);
        if (to == null) {
            Writer w = new OutputStreamWriter(parent.out, StandardCharsets.UTF_8);
            TableWriter.write(data, f, w);
            return 0;
        }
        SafeFiles.requireNoLink(to, "--to");
        Path target = to.toAbsolutePath().normalize();
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new DigitbenchException("--to " + to + ": its folder does not exist");
        }
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp" + ProcessHandle.current().pid());
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            TableWriter.write(data, f, w);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        parent.err.printf(Locale.ROOT, "%s: %,d rows of %s (%s)%n", to, data.rows().size(), table.id(), f.id());
        return 0;
    }

    /** The tables' names, for shell completion. */
    static final class TableNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Tables.Table.values()).map(Tables.Table::id).iterator();
        }
    }

    /** The formats, for shell completion. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(TableWriter.Format.values()).map(TableWriter.Format::id).iterator();
        }
    }
}
