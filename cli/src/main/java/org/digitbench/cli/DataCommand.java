package org.digitbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.digitbench.api.Dataset;
import org.digitbench.data.CsvReader;
import org.digitbench.data.DataSource;
import org.digitbench.data.DatasetSummary;
import org.digitbench.data.Mnist;
import org.digitbench.data.MnistFetcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(name = "data", mixinStandardHelpOptions = true,
        description = {"Checks a dataset's files (MNIST by default: its checksums, downloading what is missing) and summarises them.",
                "With --csv, reads and summarises Kaggle-style CSV files instead."})
final class DataCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    Main parent;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "a CSV file in the Kaggle layout (label,pixel0..pixel783 or pixel0..pixel783), gzip or plain; repeatable")
    List<Path> csv = new ArrayList<>();

    @CommandLine.Mixin
    DataOptionsMixin data;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Dataset> sets = new ArrayList<>();
        if (!csv.isEmpty()) {
            for (Path file : csv) {
                sets.add(new CsvReader().read(file, file.getFileName().toString()));
            }
        } else {
            DataSource source = data.options.source();
            out.println(source.isMnist() ? "MNIST in " + source.dir() + " (" + source.origin() + ")" : "Dataset " + source.describe());
            Mnist.Split split = source.load(data.options.noDownload ? Optional.empty() : Optional.of(new MnistFetcher(parent.err)),
                    42);
            sets.add(split.train());
            sets.add(split.test());
        }
        for (Dataset d : sets) {
            out.print(DatasetSummary.of(d).format());
            d.sources().forEach(s -> out.printf("  %s  sha256 %s  (%d bytes decompressed)%n", s.path(), s.sha256(), s.bytes()));
        }
        if (csv.isEmpty() && data.options.source().isMnist()) {
            out.println("All four files match the published SHA-256 checksums.");
        }
        return 0;
    }
}
