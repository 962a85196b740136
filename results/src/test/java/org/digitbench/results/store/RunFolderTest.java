package org.digitbench.results.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.DigitbenchException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

class RunFolderTest {
    @TempDir
    Path out;

    @Test
    void runIdsArePlainFolderNames() {
        assertEquals("20261201-full", RunFolder.checkId("20261201-full", "--run-id"));
        for (String bad : List.of("../x", "a/b", "/etc", ".hidden", "..", "", "a b", "x\ny")) {
            DigitbenchException e = assertThrows(DigitbenchException.class, () -> RunFolder.checkId(bad, "--resume"));
            assertTrue(e.getMessage().startsWith("--resume '" + bad + "': a run id is a folder name"), e.getMessage());
        }
        assertThrows(DigitbenchException.class, () -> RunFolder.existing(out, "../" + out.getFileName(), "report"));
    }

    @Test
    void aDatasetOfARunOverSeveralIsNamedRunSlashDataset() {
        assertEquals(out.resolve("both").resolve("mnist"), RunFolder.resolve(out, "both/mnist", "--run"));
        for (String bad : List.of("both/../x", "both/", "/both/mnist", "both/mnist/x", "../both/mnist", "both//mnist")) {
            DigitbenchException e = assertThrows(DigitbenchException.class, () -> RunFolder.resolve(out, bad, "--run"));
            assertTrue(e.getMessage().startsWith("--run '"), e.getMessage());
        }
    }

    @Test
    void filesARunNamesStayInsideIt() {
        RunFolder f = RunFolder.at(out.resolve("run"));
        assertEquals(out.resolve("run/models/a.model"), f.inside("models/a.model", "manifest"));
        for (String bad : List.of("../other/x", "/etc/passwd", "models/../../x", ".", "")) {
            DigitbenchException e = assertThrows(DigitbenchException.class, () -> f.inside(bad, "results.json: modelFile"));
            assertTrue(e.getMessage().startsWith("results.json: modelFile: "), e.getMessage());
        }
    }

    @Test
    void aChosenRunIdIsClaimedOnceEvenByRacingRuns() throws InterruptedException {
        List<Object> outcomes = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    outcomes.add(RunFolder.create(out, "same", true));
                } catch (DigitbenchException e) {
                    outcomes.add(e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, outcomes.stream().filter(o -> o instanceof RunFolder).count(), outcomes.toString());
        assertTrue(outcomes.stream().filter(o -> o instanceof String).allMatch(o -> ((String) o).contains("already exists; choose another --run-id")));
        // a generated id gets a suffix instead
        assertEquals("same-2", RunFolder.create(out, "same", false).runId());
    }

    @Test
    void aRunHasOneWriterAtATime() {
        RunFolder f = RunFolder.create(out, "locked", true);
        try (RunFolder.Lock lock = f.lock("digitbench run")) {
            DigitbenchException e = assertThrows(DigitbenchException.class, () -> f.lock("digitbench timing"));
            assertTrue(e.getMessage().contains("run locked is in use by another digitbench (pid " + ProcessHandle.current().pid()
                    + ": digitbench run)"), e.getMessage());
        }
        try (RunFolder.Lock again = f.lock("digitbench report")) {
            assertTrue(Files.exists(f.dir().resolve(".lock")), "released, so it can be taken again");
        }
    }
}
