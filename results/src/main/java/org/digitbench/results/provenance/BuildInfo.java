package org.digitbench.results.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version and git commit the build recorded (in {@code org/digitbench/build.properties}). */
public final class BuildInfo {
    private static final Properties PROPERTIES = load();

    private BuildInfo() {
    }

    public static String version() {
        return value("version").orElse("unknown");
    }

    /** The commit the build was made from, or {@code unknown} outside a git checkout. */
    public static String gitCommit() {
        return value("git.commit").orElse("unknown");
    }

    /** Whether the build had uncommitted changes, or {@code null} when unknown. */
    public static Boolean gitDirty() {
        return value("git.dirty").map(Boolean::valueOf).orElse(null);
    }

    private static java.util.Optional<String> value(String key) {
        String v = PROPERTIES.getProperty(key, "");
        // an unfiltered ${...} placeholder means Maven could not tell
        return v.isBlank() || v.startsWith("${") ? java.util.Optional.empty() : java.util.Optional.of(v);
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/org/digitbench/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // everything then reads "unknown"
        }
        return p;
    }
}
