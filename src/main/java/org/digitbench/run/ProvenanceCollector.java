package org.digitbench.run;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.digitbench.api.ClassifierPlugin;

/** Collects the facts a reader needs to trust and rerun a run. */
final class ProvenanceCollector {
    private ProvenanceCollector() {
    }

    static RunResults.Provenance collect(List<ClassifierPlugin> plugins, long seed) {
        Properties build = buildProperties();
        Map<String, String> libraries = new TreeMap<>();
        for (ClassifierPlugin p : plugins) {
            libraries.put(p.library(), p.libraryVersion());
        }
        String commit = build.getProperty("git.commit", "");
        String dirty = build.getProperty("git.dirty", "");
        return new RunResults.Provenance(
                build.getProperty("version", "unknown"),
                commit.isBlank() || commit.startsWith("${") ? "unknown" : commit,
                dirty.isBlank() || dirty.startsWith("${") ? null : Boolean.valueOf(dirty),
                System.getProperty("java.version"),
                System.getProperty("java.vendor"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                ManagementFactory.getRuntimeMXBean().getInputArguments(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory(),
                libraries,
                seed);
    }

    static Properties buildProperties() {
        Properties p = new Properties();
        try (InputStream in = ProvenanceCollector.class.getResourceAsStream("/org/digitbench/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // provenance then says "unknown"
        }
        return p;
    }
}
