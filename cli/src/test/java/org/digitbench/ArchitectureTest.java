package org.digitbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the modules' poms cannot keep: a module sees its dependencies' dependencies too, so this checks that only the
 * plugin modules talk to the ML libraries (and only serve to the web server, only benchmarks to JMH), and that no two
 * source files share a class name, and no main source file is over 350 lines. (That {@code digitbench-api} imports nothing but the JDK, the build keeps: its pom
 * has no dependency, and an enforcer rule fails the build if one is added.)
 */
class ArchitectureTest {
    private static final Path ROOT = Repo.root();
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    /** Library package prefix to the only source folders allowed to import it. */
    private static final Map<String, List<String>> OWNERS = Map.of(
            "smile.", List.of("plugins/smile"),
            "org.tribuo.", List.of("plugins/tribuo"),
            "org.deeplearning4j.", List.of("plugins/dl4j"),
            "libsvm.", List.of("plugins/tribuo"),
            "ml.dmlc.", List.of("plugins/tribuo"),
            "org.nd4j.", List.of("plugins/dl4j"),
            // JavaCPP: ND4J's natives, and the OpenBLAS jar Smile falls back on
            "org.bytedeco.", List.of("plugins/dl4j", "plugins/smile"),
            "org.openjdk.jmh.", List.of("benchmarks"),
            "io.javalin.", List.of("serve"),
            "org.eclipse.jetty.", List.of("serve"));

    @Test
    void librariesAreImportedOnlyByTheirPlugins() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String rel = relative(file);
            Matcher m = IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                String imported = m.group(2);
                OWNERS.forEach((prefix, owners) -> {
                    if (imported.startsWith(prefix) && owners.stream().noneMatch(owner -> rel.startsWith(owner + "/"))) {
                        violations.add(rel + " imports " + imported);
                    }
                });
            }
        }
        assertEquals(List.of(), violations);
    }

    /** A class name means one thing: two packages each with a Leaderboard made every reader check the imports. */
    @Test
    void noClassNameIsUsedInTwoPackages() throws IOException {
        Map<String, List<String>> byName = new java.util.TreeMap<>();
        for (Path file : sources()) {
            byName.computeIfAbsent(file.getFileName().toString(), k -> new ArrayList<>()).add(relative(file));
        }
        byName.values().removeIf(files -> files.size() < 2);
        assertEquals(Map.of(), byName);
    }

    /** A file a newcomer can read in one sitting: longer ones are split along what they do. */
    @Test
    void noMainSourceFileIsOver350Lines() throws IOException {
        Map<String, Integer> tooLong = new java.util.TreeMap<>();
        for (Path file : sources()) {
            int lines = Files.readAllLines(file).size();
            if (lines > 350) {
                tooLong.put(relative(file), lines);
            }
        }
        assertEquals(Map.of(), tooLong);
    }

    /** Every module's main sources (tests are left out: they may use anything their module's pom gives them). */
    static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(p -> p.toString().endsWith(".java") && relative(p).contains("/src/main/java/")).sorted().toList();
        }
    }

    /** The file's path from the project's root, e.g. {@code plugins/smile/src/main/java/...}. */
    private static String relative(Path file) {
        return ROOT.relativize(file).toString().replace('\\', '/');
    }
}
