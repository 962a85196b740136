package org.digitbench.results.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.DigitbenchException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A handed-over run folder that carries symbolic links: digitbench refuses each, naming it, and the file or folder the
 * link points at stays as it was (the cases of the second hardening round).
 */
class RunFolderLinksTest {
    @TempDir
    Path tmp;
    Path out;
    Path run;
    Path outside;

    @BeforeEach
    void setUp() throws Exception {
        out = Files.createDirectory(tmp.resolve("reports"));
        run = Files.createDirectory(out.resolve("base"));
        outside = Files.writeString(tmp.resolve("precious.txt"), "precious");
    }

    private void assertRefused(Path link, Runnable action) throws Exception {
        DigitbenchException e = assertThrows(DigitbenchException.class, action::run);
        assertTrue(e.getMessage().contains(link + " is a symbolic link"), e.getMessage());
        assertEquals("precious", Files.readString(outside), "the outside file is untouched");
    }

    @Test
    void theLockFileThatIsALinkIsNotTruncated() throws Exception {
        Path link = Files.createSymbolicLink(run.resolve(".lock"), outside);
        assertRefused(link, () -> RunFolder.at(run).lock("digitbench report"));
    }

    @Test
    void resultsAreNotWrittenThroughALinkedTemporaryFile() throws Exception {
        Path link = Files.createSymbolicLink(run.resolve("results.json.tmp"), outside);
        assertRefused(link, () -> ResultsStore.writeAtomically(run, ResultsStore.FILE_NAME, Map.of("schemaVersion", 3)));
        assertTrue(Files.isSymbolicLink(link), "and the link did not become the results file");
    }

    @Test
    void trialFilesAreNeitherWrittenNorReadThroughALinkedFolder() throws Exception {
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(run.resolve("trials"), elsewhere);
        RunFolder folder = RunFolder.at(run);
        assertRefused(link, () -> ResultsStore.writeJson(folder.trialFile("smile-mlp.seed42"), Map.of("pluginId", "x")));
        assertRefused(link, () -> folder.folder(folder.trials()));
        assertRefused(link, folder::readTrials);
        assertRefused(link, () -> folder.readTrial("smile-mlp.seed42"));
        assertEquals(List.of(), Files.list(elsewhere).toList());
    }

    @Test
    void aRunFolderThatIsItselfALinkIsRefused() throws Exception {
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve(RunFolder.RESULTS), "{}");
        Path link = Files.createSymbolicLink(out.resolve("linked"), elsewhere);
        assertRefused(link, () -> RunFolder.existing(out, "linked", "report"));
    }

    @Test
    void aModelFileOrResultsFileThatIsALinkIsNotRead() throws Exception {
        Files.createDirectory(run.resolve("models"));
        Path model = Files.createSymbolicLink(run.resolve("models/smile-mlp.seed42.model"), outside);
        assertRefused(model, () -> RunFolder.at(run).inside("models/smile-mlp.seed42.model", "manifest.json: the file of smile-mlp"));
        Path results = Files.createSymbolicLink(run.resolve(RunFolder.RESULTS), outside);
        assertRefused(results, () -> ResultsStore.read(results));
        assertRefused(results, () -> ResultsStore.readJson(results, Map.class));
    }

    /** The output folder the user named may itself be a link (reports/ on another disk): its runs are found as usual. */
    @Test
    void anOutputFolderThatIsALinkIsTheUsersChoice() throws Exception {
        Files.writeString(run.resolve(RunFolder.RESULTS), "{}");
        Path linkedOut = Files.createSymbolicLink(tmp.resolve("linked-reports"), out);
        assertEquals(linkedOut.resolve("base"), RunFolder.existing(linkedOut, "base", "report").dir());
    }
}
