package org.digitbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.digitbench.report.ReportFixtures;
import org.digitbench.run.Leaderboard;
import org.junit.jupiter.api.Test;

/**
 * The console's timing table (printed at the end of a timed run and by {@code digitbench timing}) against a golden file:
 * every inference figure with the median's interval, the throughput by images per call, heap per image and model size,
 * an unstable figure marked with its reasons, a failed benchmark with why.
 */
class ConsoleTimingTableTest {
    /** Set -Ddigitbench.updateGolden=true to rewrite the golden file after an intended change, then review the diff. */
    private static final Path GOLDEN = Path.of("src/test/resources/console/timing-table.txt");

    @Test
    void timingTableMatchesTheGoldenFile() throws IOException {
        String table = Leaderboard.formatTiming(ReportFixtures.results("fixture-tree"));
        if (Boolean.getBoolean("digitbench.updateGolden")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, table, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(GOLDEN), GOLDEN + " is missing: create it with -Ddigitbench.updateGolden=true and review it");
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), table,
                "the console's timing table changed; if intended, rerun with -Ddigitbench.updateGolden=true and review the diff");
    }
}
