package org.digitbench.cli;

import java.nio.file.Path;
import org.digitbench.data.Mnist;
import picocli.CommandLine.Option;

/** Options shared by commands that read MNIST. */
final class DataOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "folder with the MNIST files (default: $" + Mnist.ENV + ", else data/mnist)")
    Path dataDir;

    @Option(names = "--no-download", description = "never download missing MNIST files")
    boolean noDownload;

    Mnist.Location location() {
        return Mnist.locate(dataDir);
    }
}
