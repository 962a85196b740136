package org.digitbench.plugins.smile;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import org.bytedeco.javacpp.Loader;

/**
 * Where Smile's BLAS and LAPACK come from. Smile 6 calls OpenBLAS through the FFM API and finds it by name
 * ({@code -Dsmile.lib.blas}, {@code -Dsmile.lib.lapack}, default {@code openblas}: the system's
 * {@code libopenblas.so}); without it, every model that multiplies matrices fails. So, before Smile's bindings load:
 * <ul>
 *   <li>with {@code -Dsmile.lib.blas} set, Smile does what it says;</li>
 *   <li>else, with a system OpenBLAS, Smile uses it (as before);</li>
 *   <li>else, the OpenBLAS that JavaCPP ships as a jar ({@code org.bytedeco:openblas}, the one ND4J uses too) is
 *       loaded into this class loader, and Smile is pointed at it: its bindings look a symbol up in the library it
 *       names and then in the libraries this class loader loaded, so the name given is {@code jvm}, whose
 *       {@code libjvm.so} is always loaded, and every BLAS and LAPACK symbol is then found in JavaCPP's OpenBLAS.</li>
 * </ul>
 * {@code -Ddigitbench.smile.blas=bundled} takes the last way even where the system has OpenBLAS (to test it).
 */
final class SmileBlas {
    static final String FORCE = "digitbench.smile.blas";

    private static String source;

    private SmileBlas() {
    }

    /** Makes sure Smile will find a BLAS; returns where it comes from, for provenance. */
    static synchronized String ensure() {
        if (source != null) {
            return source;
        }
        String given = System.getProperty("smile.lib.blas");
        if (given != null) {
            source = "as set by -Dsmile.lib.blas=" + given;
        } else if (!"bundled".equals(System.getProperty(FORCE)) && canOpen(System.mapLibraryName("openblas"))) {
            source = "the system's OpenBLAS (" + System.mapLibraryName("openblas") + ")";
        } else {
            source = bundled();
        }
        return source;
    }

    private static boolean canOpen(String library) {
        try {
            SymbolLookup.libraryLookup(library, Arena.global());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String bundled() {
        try {
            // loads libopenblas.so.0 (and its JNI wrapper) from the org.bytedeco:openblas jar, through System.load
            String jni = Loader.load(org.bytedeco.openblas.global.openblas.class);
            String lib = java.nio.file.Path.of(jni).getParent() + " (org.bytedeco:openblas " + Loader.getVersion("org.bytedeco", "openblas") + ")";
            System.setProperty("smile.lib.blas", "jvm");
            if (System.getProperty("smile.lib.lapack") == null) {
                System.setProperty("smile.lib.lapack", "jvm");
            }
            return "JavaCPP's OpenBLAS from " + lib + ": the system has none";
        } catch (RuntimeException | LinkageError | java.io.IOException e) {
            return "none: the system has no OpenBLAS and JavaCPP's could not be loaded (" + e + ")";
        }
    }
}
