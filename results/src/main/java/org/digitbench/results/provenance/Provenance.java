package org.digitbench.results.provenance;

import java.util.List;
import java.util.Map;

/**
 * Where the numbers come from.
 *
 * @param digitbenchVersion the project's version
 * @param gitCommit         the commit the build was made from, or {@code unknown}
 * @param gitDirty          whether the build had uncommitted changes
 * @param javaVersion       {@code java.version}
 * @param javaVendor        {@code java.vendor}
 * @param jvm               the JVM's name and version
 * @param jvmArguments      the JVM's input arguments
 * @param os                operating system name, version and architecture
 * @param cpus              available processors
 * @param maxHeapBytes      maximum heap
 * @param libraries         library name to version, for the plugins in the run
 * @param seed              the run's main seed
 */
public record Provenance(String digitbenchVersion, String gitCommit, Boolean gitDirty, String javaVersion,
                         String javaVendor, String jvm, List<String> jvmArguments, String os, int cpus,
                         long maxHeapBytes, Map<String, String> libraries, long seed) {
}
