package org.digitbench;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's root folder, for the tests that read its README, docs and every module's sources. */
public final class Repo {
    private Repo() {
    }

    /** The nearest folder at or above the working directory (a module's, under Maven) that holds {@code mvnw}. */
    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docs"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no project root (a folder with mvnw and docs/) at or above " + Path.of("").toAbsolutePath());
    }
}
