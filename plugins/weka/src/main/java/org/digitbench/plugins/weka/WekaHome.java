package org.digitbench.plugins.weka;

import java.nio.file.Path;

/**
 * Where Weka keeps its files, set before Weka's package manager first loads. Weka creates {@code WEKA_HOME} (by default
 * {@code ~/wekafiles}) with its packages and property folders, and reads property files a user left there over its
 * own defaults. A trial's Weka gets a folder of its own under {@code java.io.tmpdir} (which a trial's JVM has inside
 * its run folder), so nothing is written to the user's home and no user's Weka settings change a result. The BLAS
 * behind Weka's matrix library is the pure-Java one, which every machine computes alike, unless a user chose another.
 */
final class WekaHome {
    static final String FOLDER = "digitbench-weka-home";

    private static final String[][] NETLIB = {
        {"com.github.fommil.netlib.BLAS", "com.github.fommil.netlib.F2jBLAS"},
        {"com.github.fommil.netlib.LAPACK", "com.github.fommil.netlib.F2jLAPACK"},
        {"com.github.fommil.netlib.ARPACK", "com.github.fommil.netlib.F2jARPACK"}};

    private WekaHome() {
    }

    /** Sets {@code WEKA_HOME} and the pure-Java BLAS; idempotent. */
    static synchronized void ensure() {
        System.setProperty("WEKA_HOME", folder().toString());
        for (String[] p : NETLIB) {
            if (System.getProperty(p[0]) == null) {
                System.setProperty(p[0], p[1]);
            }
        }
    }

    /** The folder: {@value #FOLDER} under {@code java.io.tmpdir}. */
    static Path folder() {
        return Path.of(System.getProperty("java.io.tmpdir"), FOLDER).toAbsolutePath();
    }
}
