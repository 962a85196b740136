package org.digitbench.it;

import java.io.PrintStream;
import java.util.Optional;
import org.digitbench.data.Mnist;
import org.digitbench.data.MnistFetcher;

/**
 * The real MNIST for integration tests: from {@code DIGITBENCH_DATA} (CI points it at
 * ../shared/data/mnist), else {@code data/mnist}, downloaded there if missing.
 */
final class RealMnist {
    private static Mnist.Split split;

    private RealMnist() {
    }

    static Mnist.Location location() {
        return Mnist.locate(null);
    }

    static synchronized Mnist.Split load() {
        if (split == null) {
            split = Mnist.load(location(), Optional.of(new MnistFetcher(new PrintStream(System.err))));
        }
        return split;
    }
}
