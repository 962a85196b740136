package org.digitbench.cli;

import java.nio.file.Path;
import org.digitbench.data.DataSource;
import org.digitbench.data.Mnist;
import picocli.CommandLine.Option;

/** Options shared by commands that read a dataset. */
final class DataOptions {
    @Option(names = "--dataset", paramLabel = "SPEC", defaultValue = DataSource.DEFAULT,
            description = {"mnist (checked against its published SHA-256 sums, downloaded when missing), idx:DIR (the four",
                    "IDX files under MNIST's names, any content) or csv:TRAIN[,TEST] (Kaggle's layout, gzip or plain; TEST",
                    "labelled; without it a stratified part of TRAIN is the test set); default: ${DEFAULT-VALUE}"})
    String dataset;

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

    /** The dataset the options name. */
    DataSource source() {
        DataSource source = DataSource.parse(dataset, location(), testFraction);
        if (!source.isMnist() && dataDir != null) {
            throw new org.digitbench.api.DigitbenchException("--data-dir is MNIST's folder; --dataset " + dataset
                    + " names its own files");
        }
        return source;
    }
}
