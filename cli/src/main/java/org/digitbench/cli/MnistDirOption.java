package org.digitbench.cli;

import org.digitbench.data.Mnist;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir} alone, for the commands that read MNIST but no other dataset ({@code tune}, {@code verify}). */
final class MnistDirOption {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "folder with the MNIST files (default: $" + Mnist.ENV + ", else data/mnist); never taken from a run folder")
    Path dir;

    Mnist.Location location() {
        return Mnist.locate(dir);
    }
}
