package org.digitbench.run;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.digitbench.BuildInfo;
import org.digitbench.api.ClassifierPlugin;

/** Collects the facts a reader needs to trust and rerun a run. */
final class ProvenanceCollector {
    private ProvenanceCollector() {
    }

    static RunResults.Provenance collect(List<ClassifierPlugin> plugins, long seed) {
        Map<String, String> libraries = new TreeMap<>();
        for (ClassifierPlugin p : plugins) {
            libraries.put(p.library(), p.libraryVersion());
        }
        return new RunResults.Provenance(
                BuildInfo.version(),
                BuildInfo.gitCommit(),
                BuildInfo.gitDirty(),
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
}
