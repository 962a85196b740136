package org.digitbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.DigitbenchException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/** An output never destroys an input: where {@code predict --submission} refuses to write, before any work. */
class KaggleSubmissionTest {
    @TempDir
    Path dir;

    private void assertRefused(Path submission, Path csv, String why) {
        DigitbenchException e = assertThrows(DigitbenchException.class, () -> KaggleSubmission.checkTarget(submission, csv));
        assertTrue(e.getMessage().startsWith("--submission " + submission + ": ") && e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void aRunsOwnFilesAreNotOverwritten() throws Exception {
        Path run = Files.createDirectories(dir.resolve("reports/base"));
        Path results = Files.writeString(run.resolve("results.json"), "{\"schemaVersion\": 3}");
        assertRefused(results, null, "is inside the run folder " + run);
        assertRefused(run.resolve("models/new.csv"), null, "does not exist");
        Files.createDirectories(run.resolve("models"));
        assertRefused(run.resolve("models/new.csv"), null, "is inside the run folder " + run);
        assertEquals("{\"schemaVersion\": 3}", Files.readString(results));
    }

    @Test
    void devicesPipesFoldersAndLinksAreRefused() throws Exception {
        assertRefused(Path.of("/dev/full"), null, "is not a regular file");
        assertRefused(Path.of("/dev/null"), null, "is not a regular file");
        assertRefused(dir, null, "is a folder");
        Path target = Files.writeString(dir.resolve("elsewhere.txt"), "keep");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), target);
        assertRefused(link, null, "is not a regular file");
        assertEquals("keep", Files.readString(target));
    }

    @Test
    void theCsvReadIsNotTheFileWritten() throws Exception {
        Path csv = Files.writeString(dir.resolve("test.csv"), "pixel0\n0\n");
        assertRefused(csv, csv, "is the CSV file the images are read from");
    }

    @Test
    void aNewFileOrARegularOneIsWritten() throws Exception {
        assertEquals(dir.resolve("submission.csv"), KaggleSubmission.checkTarget(dir.resolve("submission.csv"), null));
        Path old = Files.writeString(dir.resolve("old.csv"), "ImageId,Label\n");
        assertEquals(old, KaggleSubmission.checkTarget(old, dir.resolve("test.csv")));
    }
}
