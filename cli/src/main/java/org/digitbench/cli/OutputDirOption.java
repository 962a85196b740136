package org.digitbench.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -o}: the folder that holds the run folders (shared by every command that reads or writes runs). */
final class OutputDirOption {
    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", defaultValue = "reports",
            description = "the folder holding the run folders; default: ${DEFAULT-VALUE}")
    Path dir;
}
