package org.digitbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.digitbench.api.Dataset;
import org.digitbench.data.CsvReader;
import org.digitbench.api.DigitbenchException;
import org.digitbench.data.DataSource;
import org.digitbench.data.DatasetDescriptor;
import org.digitbench.data.DatasetSummary;
import org.digitbench.data.Mnist;
import org.digitbench.data.MnistFetcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(name = "data", mixinStandardHelpOptions = true,
        description = {"Checks a dataset's files (MNIST by default: its checksums, downloading what is missing) and summarises them.",
                "With --csv, reads and summarises Kaggle-style CSV files instead.",
                "With --write-descriptor, writes DIR/dataset.json for --dataset idx:DIR (its name, class names and the SHA-256 "
                        + "of each file), which later runs check the folder against."})
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

    @Option(names = "--write-descriptor",
            description = "write the folder's descriptor, " + DatasetDescriptor.FILE + ", from its files as they are now (--dataset idx:DIR only)")
    boolean writeDescriptor;

    @Option(names = "--name", paramLabel = "NAME",
            description = "with --write-descriptor: the dataset's name (default: the folder's)")
    String name;

    @Option(names = "--classes", split = ",", paramLabel = "NAME",
            description = "with --write-descriptor: the class names, by label from 0 (one per class), comma-separated")
    List<String> classes = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!writeDescriptor && (name != null || !classes.isEmpty())) {
            throw new DigitbenchException("--name and --classes describe a dataset for --write-descriptor; give it too");
        }
        if (writeDescriptor) {
            return writeDescriptor(out);
        }
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

    private int writeDescriptor(PrintWriter out) {
        DataSource source = data.options.source();
        if (!csv.isEmpty() || source.kind() != DataSource.Kind.IDX) {
            throw new DigitbenchException("--write-descriptor describes an IDX folder: give --dataset idx:DIR");
        }
        Path file = source.dir().resolve(DatasetDescriptor.FILE);
        if (java.nio.file.Files.exists(file)) {
            throw new DigitbenchException(file + ": exists; remove it first to write a new descriptor");
        }
        Mnist.Split split = Mnist.loadIdx(source.dir());
        if (!classes.isEmpty() && classes.size() < split.train().numClasses()) {
            throw new DigitbenchException("--classes names " + classes.size() + " classes, but the labels of " + source.dir()
                    + " go up to " + (split.train().numClasses() - 1) + ": name all " + split.train().numClasses());
        }
        Path folder = source.dir().toAbsolutePath().normalize().getFileName();
        DatasetDescriptor descriptor;
        try {
            descriptor = DatasetDescriptor.of(name != null ? name : folder == null ? "idx" : folder.toString(), classes,
                    List.of(split.train(), split.test()));
        } catch (IllegalArgumentException e) {
            throw new DigitbenchException((name == null && e.getMessage().startsWith("'name'") ? "the folder's name cannot be the "
                    + "dataset's (give --name): " : "--name/--classes: ") + e.getMessage(), e);
        }
        out.println("Wrote " + descriptor.write(source.dir()) + ": " + descriptor.name() + ", " + descriptor.sha256().size()
                + " files" + (descriptor.classes().isEmpty() ? "" : ", classes " + String.join(", ", descriptor.classes())));
        return 0;
    }
}
