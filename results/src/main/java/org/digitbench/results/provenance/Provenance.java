package org.digitbench.results.provenance;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the numbers come from: the build, the Java it ran on, the machine, the libraries and the seed. The fields of
 * {@link Build}, {@link Java} and {@link Host} stand at the top level of the JSON, as they always have.
 *
 * @param build     digitbench's version and commit
 * @param java      the Java it ran on
 * @param host      the machine, as the driver's JVM saw it
 * @param libraries library name to version, for the plugins in the run
 * @param seed      the run's main seed
 */
public record Provenance(@JsonUnwrapped Build build, @JsonUnwrapped Java java, @JsonUnwrapped Host host,
                         Map<String, String> libraries, long seed) {

    public Provenance {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(host, "host");
    }

    /**
     * @param digitbenchVersion the project's version
     * @param gitCommit         the commit the build was made from, or {@code unknown}
     * @param gitDirty          whether the build had uncommitted changes
     */
    public record Build(String digitbenchVersion, String gitCommit, Boolean gitDirty) {
    }

    /**
     * @param javaVersion  {@code java.version}
     * @param javaVendor   {@code java.vendor}
     * @param jvm          the JVM's name and version
     * @param jvmArguments the JVM's input arguments
     */
    public record Java(String javaVersion, String javaVendor, String jvm, List<String> jvmArguments) {
    }

    /**
     * @param os           operating system name, version and architecture
     * @param cpus         available processors
     * @param maxHeapBytes maximum heap
     */
    public record Host(String os, int cpus, long maxHeapBytes) {
    }

    public String digitbenchVersion() {
        return build.digitbenchVersion();
    }

    public String gitCommit() {
        return build.gitCommit();
    }

    public Boolean gitDirty() {
        return build.gitDirty();
    }

    public String javaVersion() {
        return java.javaVersion();
    }

    public String javaVendor() {
        return java.javaVendor();
    }

    public String jvm() {
        return java.jvm();
    }

    public List<String> jvmArguments() {
        return java.jvmArguments();
    }

    public String os() {
        return host.os();
    }

    public int cpus() {
        return host.cpus();
    }

    public long maxHeapBytes() {
        return host.maxHeapBytes();
    }
}
