package org.digitbench.report;

import org.digitbench.api.LibraryVersion;

/** Versions of the web libraries inlined into reports, read from their WebJars. */
final class Versions {
    static final String ECHARTS = read("org.webjars", "echarts");
    static final String TABLESORT = read("org.webjars.npm", "tablesort");

    private Versions() {
    }

    private static String read(String group, String artifact) {
        String v = LibraryVersion.of(Versions.class, group, artifact);
        if (LibraryVersion.UNKNOWN.equals(v)) {
            throw new IllegalStateException("the " + group + ":" + artifact + " WebJar is not on the class path");
        }
        return v;
    }
}
