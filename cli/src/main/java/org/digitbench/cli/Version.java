package org.digitbench.cli;

import org.digitbench.results.provenance.BuildInfo;

import picocli.CommandLine;

/** The version from the build. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[]{"digitbench " + BuildInfo.version() + " (commit " + BuildInfo.gitCommit() + ")",
                "Java " + System.getProperty("java.version")};
    }
}
