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
 * Only the plugin packages talk to the ML libraries (and only serve/ to the web server); the SPI imports nothing but the JDK and
 * itself; no two source files share a class name.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/org/digitbench");
    /** The JMH benchmarks' sources, checked as the folder {@code benchmarks/}. */
    private static final Path BENCHMARKS = Path.of("benchmarks/java/org/digitbench");
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

    @Test
    void theApiImportsOnlyTheJdkAndDigitbench() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            if (!relative(file).startsWith("api/")) {
                continue;
            }
            Matcher m = IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                String imported = m.group(2);
                if (!imported.startsWith("java.") && !imported.startsWith("org.digitbench.")) {
                    violations.add(file.getFileName() + " imports " + imported);
                }
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

    private static List<Path> sources() throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path root : List.of(MAIN, BENCHMARKS)) {
            try (Stream<Path> s = Files.walk(root)) {
                all.addAll(s.filter(p -> p.toString().endsWith(".java")).toList());
            }
        }
        return all;
    }

    /** The file's path below org/digitbench, or below benchmarks/ for the benchmarks. */
    private static String relative(Path file) {
        String rel = file.startsWith(BENCHMARKS) ? "benchmarks/" + BENCHMARKS.relativize(file) : MAIN.relativize(file).toString();
        return rel.replace('\\', '/');
    }
}
