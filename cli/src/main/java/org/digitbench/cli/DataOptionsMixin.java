package org.digitbench.cli;

import picocli.CommandLine;

/** Lets picocli inject {@link DataOptions} into several commands. */
final class DataOptionsMixin {
    @CommandLine.ArgGroup(exclusive = false, heading = "Data:%n")
    DataOptions options = new DataOptions();
}
