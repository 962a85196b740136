package org.digitbench.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Finds a library's version, for provenance. */
public final class LibraryVersion {
    /** What {@link #of} returns when the version cannot be found. */
    public static final String UNKNOWN = "unknown";

    private LibraryVersion() {
    }

    /**
     * The version in the {@code pom.properties} that Maven puts into a library's jar, else the jar
     * manifest's Implementation-Version of {@code anchor}'s package, else {@link #UNKNOWN}.
     *
     * @param anchor a class from the library's jar
     */
    public static String of(Class<?> anchor, String groupId, String artifactId) {
        try (InputStream in = anchor.getResourceAsStream("/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) {
                    return v;
                }
            }
        } catch (IOException ignored) {
            // fall through to the manifest
        }
        String v = anchor.getPackage() == null ? null : anchor.getPackage().getImplementationVersion();
        return v == null ? UNKNOWN : v;
    }
}
