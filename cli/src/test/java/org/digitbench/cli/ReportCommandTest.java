package org.digitbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.digitbench.report.ReportFixtures;
import org.digitbench.results.store.ResultsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code digitbench report}: its options (the rendering itself is ReportWriterTest's). */
class ReportCommandTest {
    @TempDir
    Path dir;

    @Test
    void timeToAccuracyTargetsAreTheUsersOrAClearError() throws Exception {
        ResultsStore.write(dir.resolve("run1"), ReportFixtures.results("fixture"));
        CliRun ok = CliRun.of("report", "run1", "-o", dir.toString(), "--time-to-accuracy", "0.5,0.755");
        assertEquals(0, ok.code(), ok.printed());
        String html = Files.readString(dir.resolve("run1").resolve("index.html"));
        assertTrue(html.contains("<th>to 50%</th><th>to 75.5%</th>"), "the targets asked for head the table");
        assertFalse(html.contains("<th>to 97%</th>"));

        CliRun bad = CliRun.of("report", "run1", "-o", dir.toString(), "--time-to-accuracy", "97");
        assertEquals(1, bad.code(), bad.printed());
        assertTrue(bad.err().contains("--time-to-accuracy 97: 97 is not an accuracy between 0 and 1 (e.g. 0.97)"), bad.err());
    }
}
