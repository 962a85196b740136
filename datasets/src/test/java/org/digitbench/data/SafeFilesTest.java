package org.digitbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.DigitbenchException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A handed-over folder's links are never written through: each case builds the hostile link, then checks the outside. */
class SafeFilesTest {
    @TempDir
    Path tmp;
    Path folder;
    Path outside;

    @BeforeEach
    void setUp() throws Exception {
        folder = Files.createDirectory(tmp.resolve("run"));
        outside = Files.writeString(tmp.resolve("precious.txt"), "precious");
    }

    private static SafeFiles.Content text(String s) {
        return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    private void assertRefusedNaming(Path link, Runnable write) throws Exception {
        DigitbenchException e = assertThrows(DigitbenchException.class, write::run);
        assertTrue(e.getMessage().contains(link + " is a symbolic link"), e.getMessage());
        assertEquals("precious", Files.readString(outside), "the file the link points at is untouched");
    }

    @Test
    void aTemporaryFileThatIsALinkIsRefusedNotWrittenThrough() throws Exception {
        Path link = Files.createSymbolicLink(folder.resolve("results.json.tmp"), outside);
        assertRefusedNaming(link, () -> SafeFiles.writeAtomically(folder, "results.json", text("{}")));
        assertTrue(Files.isSymbolicLink(link));
        assertFalse(Files.exists(folder.resolve("results.json")));
    }

    @Test
    void aTargetThatIsALinkIsRefused() throws Exception {
        Path link = Files.createSymbolicLink(folder.resolve("index.html"), outside);
        assertRefusedNaming(link, () -> SafeFiles.writeAtomically(folder, "index.html", text("<html>")));
        assertTrue(Files.isSymbolicLink(link), "the link is not replaced either");
    }

    @Test
    void aFolderThatIsALinkIsRefused() throws Exception {
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(folder.resolve("trials"), elsewhere);
        assertRefusedNaming(link, () -> SafeFiles.writeAtomically(link, "a.seed1.json", text("{}")));
        assertRefusedNaming(link, () -> SafeFiles.createDirectory(link, "trials"));
        assertEquals(List.of(), Files.list(elsewhere).toList(), "nothing was written into the folder it points at");
    }

    @Test
    void aLinkAnywhereBelowTheRootIsRefused() throws Exception {
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("a.model"), "other run's model");
        Path link = Files.createSymbolicLink(folder.resolve("models"), elsewhere);
        assertRefusedNaming(link, () -> SafeFiles.requireNoLinkBelow(folder, folder.resolve("models/a.model"), "model"));
        Path root = Files.createSymbolicLink(tmp.resolve("linked-run"), folder);
        assertRefusedNaming(root, () -> SafeFiles.requireNoLinkBelow(root, root.resolve("results.json"), "run"));
    }

    @Test
    void aCrashsLeftoverIsReplacedAndTheWriteSucceeds() throws Exception {
        Files.writeString(folder.resolve("results.json.tmp"), "half a file");
        Path written = SafeFiles.writeAtomically(folder, "results.json", text("{\"ok\":true}"));
        assertEquals("{\"ok\":true}", Files.readString(written));
        assertFalse(Files.exists(folder.resolve("results.json.tmp")));
    }

    @Test
    void anOutputFolderTheUserLinkedIsFineButNotALinkedPageInIt() throws Exception {
        Path reports = Files.createSymbolicLink(tmp.resolve("reports"), folder);
        SafeFiles.writeAtomicallyInOutputFolder(reports, "index.html", text("<html>"));
        assertEquals("<html>", Files.readString(folder.resolve("index.html")));
        Path link = Files.createSymbolicLink(folder.resolve("compare.html"), outside);
        assertRefusedNaming(reports.resolve("compare.html"),
                () -> SafeFiles.writeAtomicallyInOutputFolder(reports, "compare.html", text("<html>")));
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void aDescriptorsTemporaryFileThatIsALinkIsRefused() throws Exception {
        Path link = Files.createSymbolicLink(folder.resolve(DatasetDescriptor.FILE + ".tmp"), outside);
        DatasetDescriptor d = new DatasetDescriptor("digits", List.of(), java.util.Map.of());
        assertRefusedNaming(link, () -> d.write(folder));
    }
}
