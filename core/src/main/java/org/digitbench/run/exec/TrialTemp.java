package org.digitbench.run.exec;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.digitbench.results.store.RunFolder;

/**
 * A trial JVM's temporary folder ({@code java.io.tmpdir}), inside the run folder: what its libraries unpack or keep
 * there (XGBoost's native library, JMH's files, Weka's home) stays inside the run folder and goes when the trial ends.
 */
final class TrialTemp {
    private TrialTemp() {
    }

    /** {@code work/TRIAL.tmp}, emptied and made anew (a symbolic link on the way is refused). */
    static Path create(RunFolder folder, String trialId) throws IOException {
        Path tmp = folder.work().resolve(trialId + ".tmp");
        delete(tmp);
        return folder.folder(tmp);
    }

    /** Deletes the folder and what it holds; a symbolic link inside is removed, never followed. */
    static void delete(Path dir) throws IOException {
        if (Files.isSymbolicLink(dir)) {
            Files.delete(dir);
            return;
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
