package org.digitbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    private static final String PACKAGE_INFO = "package-info.java";
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    /** Library package prefix to the only source folders allowed to import it. */
    private static final Map<String, List<String>> OWNERS = Map.ofEntries(
            Map.entry("smile.", List.of("plugins/smile")),
            Map.entry("org.tribuo.", List.of("plugins/tribuo")),
            Map.entry("org.deeplearning4j.", List.of("plugins/dl4j")),
            Map.entry("libsvm.", List.of("plugins/tribuo")),
            Map.entry("ml.dmlc.", List.of("plugins/tribuo", "plugins/xgboost")),
            Map.entry("weka.", List.of("plugins/weka")),
            Map.entry("ai.djl.", List.of("plugins/djl")),
            Map.entry("org.nd4j.", List.of("plugins/dl4j")),
            // JavaCPP: ND4J's natives, and the OpenBLAS jar Smile falls back on
            Map.entry("org.bytedeco.", List.of("plugins/dl4j", "plugins/smile")),
            Map.entry("org.openjdk.jmh.", List.of("benchmarks")),
            Map.entry("io.javalin.", List.of("serve")),
            Map.entry("org.eclipse.jetty.", List.of("serve")));

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
            if (!file.getFileName().toString().equals(PACKAGE_INFO)) {
                byName.computeIfAbsent(file.getFileName().toString(), k -> new ArrayList<>()).add(relative(file));
            }
        }
        byName.values().removeIf(files -> files.size() < 2);
        assertEquals(Map.of(), byName);
    }

    /**
     * What each of digitbench's packages may use of the others (besides itself): the arrows of docs/architecture.md,
     * pointing down only. {@code results.*} stands for {@code results} and every package below it. The poms keep the
     * modules apart; this keeps the packages inside a module apart too (results, config and trial never see the run
     * driver, the executors never see the driver that calls them) and keeps report and serve off the driver.
     */
    static final Map<String, List<String>> MAY_IMPORT = Map.ofEntries(
            Map.entry("api", List.of()),
            Map.entry("eval", List.of()),
            Map.entry("data", List.of("api")),
            Map.entry("results.provenance", List.of("api")),
            Map.entry("results", List.of("api", "data", "eval", "results.provenance")),
            Map.entry("results.text", List.of("api", "eval", "results")),
            Map.entry("results.stats", List.of("api", "eval", "results", "results.text")),
            Map.entry("results.store", List.of("api", "data", "eval", "results", "results.provenance", "results.text")),
            Map.entry("results.predict", List.of("api", "data", "results", "results.store", "results.text")),
            Map.entry("results.tables", List.of("api", "eval", "results", "results.stats", "results.text")),
            Map.entry("config", List.of("api", "data", "eval", "results.*")),
            Map.entry("trial", List.of("api", "data", "eval", "results.*", "config")),
            Map.entry("run.exec", List.of("api", "data", "eval", "results.*", "config", "trial")),
            Map.entry("run.exec.slurm", List.of("api", "data", "eval", "results.*", "config", "trial", "run.exec")),
            Map.entry("run.cache", List.of("api", "data", "eval", "results.*", "config", "trial")),
            Map.entry("run", List.of("api", "data", "eval", "results.*", "config", "trial", "run.exec.*", "run.cache")),
            Map.entry("testkit", List.of("api")),
            Map.entry("plugins.smile", List.of("api")),
            Map.entry("plugins.tribuo", List.of("api")),
            Map.entry("plugins.dl4j", List.of("api")),
            Map.entry("plugins.xgboost", List.of("api")),
            Map.entry("plugins.weka", List.of("api")),
            Map.entry("plugins.djl", List.of("api")),
            Map.entry("report", List.of("api", "data", "eval", "results.*")),
            Map.entry("serve", List.of("api", "data", "eval", "results.*")),
            Map.entry("benchmarks", List.of("api", "data", "eval", "results.*", "config", "trial", "run.*")),
            Map.entry("cli", List.of("*")));
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+org\\.digitbench\\.([\\w.]+);", Pattern.MULTILINE);
    /** A reference to a class of digitbench, by import or by its full name in the code: its package. */
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.digitbench\\.((?:[a-z]\\w*\\.)*[a-z]\\w*)\\.[A-Z]");

    @Test
    void packagesImportOnlyWhatTheyMay() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            Matcher p = PACKAGE.matcher(Files.readString(file));
            if (!p.find()) {
                continue; // the example plugin, outside digitbench's packages
            }
            String from = p.group(1);
            List<String> allowed = MAY_IMPORT.get(from);
            if (allowed == null) {
                violations.add(relative(file) + ": package " + from + " has no rule in ArchitectureTest.MAY_IMPORT");
                continue;
            }
            Matcher m = REFERENCE.matcher(withoutComments(Files.readString(file)));
            while (m.find()) {
                String to = m.group(1);
                if (!to.equals(from) && !allows(allowed, to)) {
                    violations.add(relative(file) + " (" + from + ") uses " + to);
                }
            }
        }
        assertEquals(List.of(), violations.stream().distinct().toList());
    }

    @Test
    void everyPackageSaysWhatItHoldsAndMayImport() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path dir : sources().stream().map(Path::getParent).distinct().toList()) {
            Path info = dir.resolve(PACKAGE_INFO);
            if (!Files.isRegularFile(info) || !Files.readString(info).contains("May import:")) {
                missing.add(relative(dir));
            }
        }
        assertEquals(List.of(), missing);
    }

    /** The rules themselves: a package that imports one above it, or the driver from results, is caught. */
    @Test
    void theRulesCatchAnArrowBackUp() {
        assertTrue(allows(MAY_IMPORT.get("run"), "run.exec.slurm"));
        assertTrue(allows(MAY_IMPORT.get("report"), "results.store"));
        assertFalse(allows(MAY_IMPORT.get("results"), "run"));
        assertFalse(allows(MAY_IMPORT.get("results.provenance"), "results"));
        assertFalse(allows(MAY_IMPORT.get("config"), "trial"));
        assertFalse(allows(MAY_IMPORT.get("trial"), "run"));
        assertFalse(allows(MAY_IMPORT.get("run.exec"), "run"));
        assertFalse(allows(MAY_IMPORT.get("serve"), "run.exec"));
        assertFalse(allows(MAY_IMPORT.get("report"), "config"));
    }

    private static boolean allows(List<String> allowed, String to) {
        for (String a : allowed) {
            if (a.equals("*") || a.equals(to) || a.endsWith(".*") && (to.equals(a.substring(0, a.length() - 2))
                    || to.startsWith(a.substring(0, a.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** Comments, string and character literals blanked out, in one pass from the left (so "/*" in a string is a string). */
    private static String withoutComments(String source) {
        return LITERALS_AND_COMMENTS.matcher(source).replaceAll(" ");
    }

    private static final Pattern LITERALS_AND_COMMENTS = Pattern.compile(
            "(?s)/\\*.*?\\*/|//[^\\n]*|\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'");

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
