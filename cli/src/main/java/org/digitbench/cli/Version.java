package org.digitbench.cli;

import org.digitbench.api.PluginRegistry;
import org.digitbench.results.provenance.BuildInfo;
import org.digitbench.results.provenance.ProvenanceCollector;

import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The version from the build, the Java it runs on and the versions of the libraries it benchmarks with. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        List<String> lines = new ArrayList<>(List.of("digitbench " + BuildInfo.version() + " (commit " + BuildInfo.gitCommit() + ")",
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                        + System.getProperty("java.vendor") + ")"));
        Map<String, String> libraries = new TreeMap<>();
        try { // the libraries of the plugins on the class path, and JMH, as a run's provenance records them
            libraries.putAll(ProvenanceCollector.collect(PluginRegistry.discover().all(), 0).libraries());
        } catch (RuntimeException e) {
            lines.add("plugins: cannot be listed: " + e.getMessage());
        }
        libraries.put("picocli", CommandLine.VERSION);
        libraries.forEach((name, version) -> lines.add(name + " " + version));
        return lines.toArray(String[]::new);
    }
}
