package org.digitbench.run.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class CodeHashTest {
    @TempDir
    Path tmp;

    private Path jar(String name, String classBytes, String manifest, long time) throws Exception {
        Path jar = tmp.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (String[] entry : new String[][]{{"META-INF/MANIFEST.MF", manifest},
                    {"META-INF/maven/org.digitbench/p/pom.properties", "built " + time},
                    {"org/example/Knn.class", classBytes}}) {
                ZipEntry e = new ZipEntry(entry[0]);
                e.setLastModifiedTime(FileTime.fromMillis(time));
                zip.putNextEntry(e);
                zip.write(entry[1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void aJarRebuiltFromTheSameClassesHasTheSameHashAndAChangedClassAnother() throws Exception {
        String once = CodeHash.hash(jar("a.jar", "CAFEBABE v1", "Built-By: me", 1_000_000L));
        assertEquals(once, CodeHash.hash(jar("b.jar", "CAFEBABE v1", "Built-By: you", 9_000_000L)),
                "entry times, the manifest and Maven's files do not count");
        assertNotEquals(once, CodeHash.hash(jar("c.jar", "CAFEBABE v2", "Built-By: me", 1_000_000L)));
    }

    @Test
    void aClassesFolderIsHashedByItsFilesNamesAndContent() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("classes/org/example"));
        Files.writeString(dir.resolve("Knn.class"), "v1");
        String once = CodeHash.hash(tmp.resolve("classes"));
        assertEquals(once, CodeHash.hash(tmp.resolve("classes")));
        Files.writeString(dir.resolve("Knn.class"), "v2");
        assertNotEquals(once, CodeHash.hash(tmp.resolve("classes")));
        Files.writeString(dir.resolve("Knn.class"), "v1");
        Files.move(dir.resolve("Knn.class"), dir.resolve("Knn2.class"));
        assertNotEquals(once, CodeHash.hash(tmp.resolve("classes")), "a renamed class");
    }
}
