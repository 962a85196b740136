package org.digitbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.digitbench.api.PluginRegistry;
import picocli.CommandLine.Option;

/** {@code --plugin-path}: where a command finds plugins besides the class path (shared by every command that loads plugins). */
final class PluginPathOption {
    @Option(names = "--plugin-path", paramLabel = "PATH", split = ":",
            description = "jars or class folders with more plugins (META-INF/services entries), besides the class path")
    List<Path> pluginPath = new ArrayList<>();

    /** The plugins on the class path and the plugin path. */
    PluginRegistry registry() {
        return PluginRegistry.discover(pluginPath);
    }
}
