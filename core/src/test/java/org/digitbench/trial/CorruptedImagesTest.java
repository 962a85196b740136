package org.digitbench.trial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.Dataset;
import org.digitbench.data.Corruption;
import org.digitbench.data.CorruptionSuite;
import org.digitbench.data.Normalization;
import org.digitbench.results.store.RunFolder;
import org.digitbench.testkit.TestData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The driver's corrupted images reach a trial only as written: another file, or a link, and the trial makes its own. */
class CorruptedImagesTest {
    @TempDir
    Path dir;

    private static SuiteData data() {
        Dataset unit = TestData.synthetic(10, 3);
        float[] px = unit.pixels();
        for (int i = 0; i < px.length; i++) {
            px[i] = Math.round(px[i] * 255);
        }
        Dataset raw = unit.withPixels(px, "raw");
        Normalization.Fitted n = Normalization.UNIT.fit(raw);
        return new SuiteData(n.apply(raw), n.apply(raw), n, java.util.List.of(),
                CorruptionSuite.of(CorruptionSuite.Choice.DEFAULT, raw, 30, 5, n));
    }

    @Test
    void aTrialReadsTheDriversImagesOnlyWhenTheyAreWhatTheDriverWrote() throws Exception {
        RunFolder folder = RunFolder.at(Files.createDirectories(dir.resolve("run")));
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(said, true, StandardCharsets.UTF_8);
        SuiteData data = data();
        String sha = CorruptedImages.write(folder, data.corrupted(), err);
        assertNotNull(sha, said.toString(StandardCharsets.UTF_8));

        SuiteData read = CorruptedImages.read(folder, sha, data(), err);
        for (Corruption c : data.corrupted().corruptions()) {
            assertArrayEquals(data.corrupted().normalized(c).pixels(), read.corrupted().normalized(c).pixels(), c.id());
        }
        assertTrue(said.toString(StandardCharsets.UTF_8).isEmpty(), said.toString(StandardCharsets.UTF_8));

        SuiteData mine = data();
        assertSame(mine, CorruptedImages.read(folder, null, mine, err), "no sum from the driver: the trial makes its own");
        assertSame(mine, CorruptedImages.read(folder, "0".repeat(64), mine, err), "another sum: the trial makes its own");
        assertTrue(said.toString(StandardCharsets.UTF_8).contains("SHA-256 " + sha.substring(0, 12) + ", the driver wrote 000000000000"),
                said.toString(StandardCharsets.UTF_8));

        // a note, not a failure: a trial that dies later without a message of its own is not said to have died of it
        String why = org.digitbench.run.exec.LocalJvmExecutor.why(139, said.toString(StandardCharsets.UTF_8), null);
        assertTrue(!why.contains("corrupted images"), why);

        Path file = folder.work().resolve(CorruptedImages.FILE);
        Path elsewhere = Files.move(file, dir.resolve("elsewhere.bin"));
        Files.createSymbolicLink(file, elsewhere);
        said.reset();
        assertSame(mine, CorruptedImages.read(folder, sha, mine, err), "a link is not followed");
        assertTrue(said.toString(StandardCharsets.UTF_8).contains("link"), said.toString(StandardCharsets.UTF_8));
    }
}
