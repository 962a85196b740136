package org.digitbench.cli;

import org.digitbench.api.DigitbenchException;
import org.digitbench.report.AcrossDatasetsWriter;
import org.digitbench.report.ReportWriter;
import org.digitbench.report.RunsIndex;
import org.digitbench.results.RunResults;
import org.digitbench.results.store.DatasetsFile;
import org.digitbench.results.store.RunFolder;

import picocli.CommandLine.Command;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The {@code digitbench} command line. */
@Command(name = "digitbench", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Benchmarks handwritten-digit classifiers on MNIST.",
        subcommands = {ListCommand.class, RunCommand.class, CollectCommand.class, TimingCommand.class, RobustnessCommand.class, VerifyCommand.class, TuneCommand.class, ReportCommand.class,
                PredictCommand.class, ServeCommand.class,
                DataCommand.class, ReferenceCommand.class, ExportCommand.class, CompletionCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code of a run in which at least one model failed (results are still written). */
    public static final int EXIT_MODEL_FAILED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where commands print; set by {@link #execute}. */
    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: use list, run, collect, timing, report, predict, serve, data, reference, export or completion");
    }

    /**
     * The ids {@code -m} gave: empty when it was not given (the default set); an empty list or an empty id ({@code -m ,},
     * {@code -m a,,b}) is an error, never "every plugin".
     */
    static java.util.List<String> pluginIds(java.util.List<String> ids, picocli.CommandLine.Model.CommandSpec spec) {
        boolean given = spec.commandLine().getParseResult().hasMatchedOption("-m");
        if (given && (ids.isEmpty() || ids.stream().anyMatch(String::isBlank))) {
            throw new org.digitbench.api.DigitbenchException("-m " + String.join(",", ids) + ": expected plugin ids separated by "
                    + "commas, e.g. -m smile-mlp,tribuo-xgboost (see digitbench list); leave -m out to run the default set");
        }
        return ids;
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the command line and returns the exit code, printing to the given streams. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        Main main = new Main();
        main.out = out;
        main.err = err;
        CommandLine cmd = new CommandLine(main);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof DigitbenchException || e instanceof IllegalArgumentException) {
                commandLine.getErr().println("digitbench: error: " + e.getMessage());
                return 1;
            }
            commandLine.getErr().println("digitbench: internal error: " + e);
            e.printStackTrace(commandLine.getErr());
            return 70;
        });
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static void writeReport(Path runDir, RunResults results) {
        ReportWriter.write(results, runDir);
        Path parentDir = runDir.toAbsolutePath().getParent();
        if (DatasetsFile.isRun(parentDir)) { // a dataset's part of a run over several: that run's page, not an index
            writeRunPage(parentDir);
        } else {
            RunsIndex.write(parentDir);
        }
    }

    /** The page of a run over several datasets, and the index of the folder holding it. */
    static void writeRunPage(Path runDir) {
        AcrossDatasetsWriter.writeRun(runDir);
        RunsIndex.write(runDir.toAbsolutePath().getParent());
    }

    /** The folder of run {@code id}, which must hold a results.json; the id is a plain folder name. */
    static Path requireRun(Path outputDir, String id) {
        return RunFolder.existing(outputDir, id, "run").dir();
    }

    static void printReportPath(Main parent, Path runDir) {
        Path report = runDir.resolve(ReportWriter.FILE_NAME);
        if (java.nio.file.Files.isRegularFile(report)) {
            parent.out.println("Report: " + report);
        }
    }

}
