package org.digitbench.results.provenance;

import org.digitbench.api.ClassifierPlugin;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects the facts a reader needs to trust and rerun a run. */
public final class ProvenanceCollector {
    private ProvenanceCollector() {
    }

    /** Where JMH's version is recorded among the libraries. */
    static final String JMH = "JMH";

    public static Provenance collect(List<ClassifierPlugin> plugins, long seed) {
        Map<String, String> libraries = new TreeMap<>();
        for (ClassifierPlugin p : plugins) {
            libraries.put(p.library(), p.libraryVersion());
        }
        libraries.put(JMH, jmhOnClassPath());
        return new Provenance(
                new Provenance.Build(BuildInfo.version(), BuildInfo.gitCommit(), BuildInfo.gitDirty()),
                new Provenance.Java(System.getProperty("java.version"), System.getProperty("java.vendor"),
                        System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                        ManagementFactory.getRuntimeMXBean().getInputArguments()),
                new Provenance.Host(System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                        Runtime.getRuntime().maxMemory()),
                libraries,
                seed);
    }

    /** JMH's version from its jar (read by resource name: only the benchmarks import JMH). */
    private static String jmhOnClassPath() {
        try (java.io.InputStream in = ProvenanceCollector.class.getResourceAsStream("/META-INF/maven/org.openjdk.jmh/jmh-core/pom.properties")) {
            if (in == null) {
                return org.digitbench.api.LibraryVersion.UNKNOWN;
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version", org.digitbench.api.LibraryVersion.UNKNOWN);
        } catch (java.io.IOException e) {
            return org.digitbench.api.LibraryVersion.UNKNOWN;
        }
    }

    /** The JMH version a run's provenance records. */
    public static String jmhVersion(Provenance provenance) {
        String v = provenance == null || provenance.libraries() == null ? null : provenance.libraries().get(JMH);
        return v == null ? org.digitbench.api.LibraryVersion.UNKNOWN : v;
    }
}
