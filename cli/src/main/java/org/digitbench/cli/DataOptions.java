package org.digitbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.digitbench.data.DataSource;
import org.digitbench.data.Mnist;
import picocli.CommandLine.Option;

/** Options shared by commands that read a dataset. */
final class DataOptions {
    @Option(names = "--dataset", paramLabel = "SPEC", defaultValue = DataSource.DEFAULT,
            description = {"mnist (checked against its published SHA-256 sums, downloaded when missing), idx:DIR (the four",
                    "IDX files under MNIST's names, any content) or csv:TRAIN[,TEST] (Kaggle's layout, gzip or plain; TEST",
                    "labelled; without it a stratified part of TRAIN is the test set); default: ${DEFAULT-VALUE}.",
                    "digitbench run takes it more than once: one run over several datasets, compared across them"})
    List<String> datasets = new ArrayList<>();

    @Option(names = "--test-fraction", paramLabel = "F",
            description = "with --dataset csv:TRAIN alone, the stratified part of it held out as the test set; default: 1/6")
    Double testFraction;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "folder with the MNIST files (default: $" + Mnist.ENV + ", else data/mnist)")
    Path dataDir;

    @Option(names = "--no-download", description = "never download missing MNIST files")
    boolean noDownload;

    Mnist.Location location() {
        return Mnist.locate(dataDir);
    }

    /** The dataset the options name; only one may be named. */
    DataSource source() {
        if (datasets.size() > 1) {
            throw new org.digitbench.api.DigitbenchException("--dataset is given " + datasets.size() + " times; this command "
                    + "reads one dataset (only digitbench run takes several)");
        }
        return sources().getFirst();
    }

    /** Every dataset the options name, in the order given. */
    List<DataSource> sources() {
        List<String> specs = datasets.isEmpty() ? List.of(DataSource.DEFAULT) : datasets;
        List<DataSource> sources = new ArrayList<>();
        for (String spec : specs) {
            // with several datasets, --test-fraction is for the CSV ones (a lone training file each)
            boolean csv = specs.size() == 1 || spec.strip().startsWith("csv:");
            sources.add(DataSource.parse(spec, location(), csv ? testFraction : null));
        }
        if (testFraction != null && sources.stream().noneMatch(s -> s.testFraction() != null)) {
            throw new org.digitbench.api.DigitbenchException("--test-fraction is for --dataset csv:TRAIN (a lone training file); "
                    + "none of the datasets given is one");
        }
        if (dataDir != null && sources.stream().noneMatch(DataSource::isMnist)) {
            throw new org.digitbench.api.DigitbenchException("--data-dir is MNIST's folder; --dataset " + String.join(" --dataset ", datasets)
                    + " names its own files");
        }
        return sources;
    }
}
