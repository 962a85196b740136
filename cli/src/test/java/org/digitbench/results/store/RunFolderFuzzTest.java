package org.digitbench.results.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.Dataset;
import org.digitbench.cli.CliRun;
import org.digitbench.config.ConfigFile;
import org.digitbench.config.Execution;
import org.digitbench.config.Profile;
import org.digitbench.config.RunConfig;
import org.digitbench.data.Mnist;
import org.digitbench.data.Normalization;
import org.digitbench.plugins.smile.SmileDecisionTree;
import org.digitbench.report.ReportFixtures;
import org.digitbench.results.RunResults;
import org.digitbench.testkit.TestData;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The run folder as hostile input (jqwik, a bounded number of tries): random and mutated {@code results.json},
 * {@code config.json} and {@code models/manifest.json} must end, for {@code report}, {@code predict} and
 * {@code run --resume}, in a result or a clear error: never a stack trace, never a file outside the run folder
 * opened (a FIFO waits outside it: opening it would hang the command past its time), never code or JVM options
 * taken from the folder.
 */
class RunFolderFuzzTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Path out;
    private static Path run;
    private static Path image;
    private static byte[] results;
    private static byte[] config;
    private static byte[] manifest;

    @BeforeContainer
    static void makeRun() throws Exception {
        out = Files.createTempDirectory("digitbench-folder-fuzz").resolve("reports");
        run = out.resolve("r");
        Files.createDirectories(run.resolve("models"));
        // a trap outside the run folder: a FIFO that no one writes, so whatever opens it for reading hangs
        Process mkfifo = new ProcessBuilder("mkfifo", out.getParent().resolve("trap").toString()).start();
        assertTrue(mkfifo.waitFor() == 0, "mkfifo");
        RunResults r = ReportFixtures.results("fixture-tree");
        ResultsStore.write(run, r);
        ConfigFile.write(run, new RunConfig(Profile.QUICK, List.of("smile-decision-tree"), Map.of(), List.of(42L), new RunConfig.DataChoice(org.digitbench.data.DataSource.mnist(Mnist.locate(out.resolve("no-data"), null)), false, Normalization.UNIT, null, null, false), true, new RunConfig.Output(true, out, "r"),
                List.of("run")), new Execution(true, Duration.ofMinutes(1), List.of("-Xmx1g"), List.of(), false, null));
        SmileDecisionTree tree = new SmileDecisionTree();
        Dataset train = TestData.synthetic(20, 3);
        tree.train(train, tree.resolve(tree.smokeTestOverrides()), 42).save(run.resolve("models/smile-decision-tree.seed42.model"));
        ResultsStore.writeJson(run.resolve(SavedModels.FILE), new SavedModels("r", "unit", null, null, 28, 28, List.of(),
                List.of(new SavedModels.Entry("smile-decision-tree", "Smile", "models/smile-decision-tree.seed42.model", Map.of(), 42, 0.5, null)), List.of()));
        image = out.getParent().resolve("seven.png");
        Files.write(image, TestData.png(TestData.blackBarOnWhite(56, 56, 24, 8, 8, 40)));
        results = Files.readAllBytes(run.resolve(RunFolder.RESULTS));
        config = Files.readAllBytes(run.resolve(RunFolder.CONFIG));
        manifest = Files.readAllBytes(run.resolve(SavedModels.FILE));
    }

    @AfterContainer
    static void remove() throws IOException {
        try (var files = Files.walk(out.getParent())) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Values a hostile folder might put where a file, a name or a number is expected. */
    private static final List<Object> HOSTILE = Arrays.asList("../trap", "../../trap", "/etc/passwd", "models/../../trap",
            "javascript:alert(1)", "", null, -1, 1e12, "x".repeat(3000), List.of("../trap"), Map.of("a", "../trap"));

    /** The keys whose values are replaced. */
    private static final List<String> KEYS = List.of("modelFile", "jsonFile", "file", "runId", "pluginId", "normalization",
            "profile", "height", "width", "schemaVersion", "pluginPath", "workerJvmArgs", "seeds", "models", "trials", "plan",
            "data", "mean", "status", "timing", "dir", "outputDir");

    /** One mutation: which file, and either a byte-level change or a hostile value for a key. */
    record Mutation(int file, int kind, int position, byte value, int key, int hostile) {
        byte[] apply(byte[] valid) {
            if (kind == 4) {
                return semantic(valid);
            }
            int at = Math.floorMod(position, valid.length);
            return switch (kind) {
                case 0 -> {
                    byte[] b = valid.clone();
                    b[at] = value;
                    yield b;
                }
                case 1 -> Arrays.copyOf(valid, at);
                case 2 -> {
                    byte[] b = Arrays.copyOf(valid, valid.length + 1 + Math.abs(position % 64));
                    Arrays.fill(b, valid.length, b.length, value);
                    yield b;
                }
                default -> {
                    byte[] b = valid.clone();
                    for (int i = at; i < Math.min(b.length, at + 1 + Math.abs(position % 32)); i++) {
                        b[i] = value;
                    }
                    yield b;
                }
            };
        }

        /** Every occurrence of the key, anywhere in the tree, gets the hostile value. */
        private byte[] semantic(byte[] valid) {
            JsonNode root = JSON.readTree(valid);
            String name = KEYS.get(Math.floorMod(key, KEYS.size()));
            Object v = HOSTILE.get(Math.floorMod(hostile, HOSTILE.size()));
            replace(root, name, JSON.valueToTree(v));
            return JSON.writeValueAsBytes(root);
        }

        private static void replace(JsonNode node, String key, JsonNode value) {
            if (node instanceof ObjectNode o) {
                if (o.has(key)) {
                    o.set(key, value);
                }
            }
            for (JsonNode child : node) {
                replace(child, key, value);
            }
        }
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 4),
                Arbitraries.integers(), Arbitraries.bytes(), Arbitraries.integers().between(0, 100),
                Arbitraries.integers().between(0, 100)).as(Mutation::new);
    }

    @Property(tries = 40)
    void aMutatedRunFolderEndsInAResultOrACleanError(@ForAll("mutations") Mutation m) throws IOException {
        Files.write(run.resolve(RunFolder.RESULTS), m.file() == 0 ? m.apply(results) : results);
        Files.write(run.resolve(RunFolder.CONFIG), m.file() == 1 ? m.apply(config) : config);
        Files.write(run.resolve(SavedModels.FILE), m.file() == 2 ? m.apply(manifest) : manifest);
        for (String[] args : List.of(
                new String[]{"report", "r", "-o", out.toString()},
                new String[]{"predict", "--run", "r", "-o", out.toString(), image.toString()},
                // the folder recorded -Xmx1g for its trial JVMs; resuming without giving it again must refuse, not use it
                new String[]{"run", "--resume", "r", "-o", out.toString()})) {
            CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.of(args),
                    () -> String.join(" ", args) + " hung: did it open the FIFO outside the run folder? " + m);
            String what = String.join(" ", args) + " after " + m + ":\n" + r.printed();
            assertTrue(r.code() == 0 || r.code() == 1 || r.code() == 3, what);
            assertFalse(r.err().contains("\tat ") || r.err().contains("internal error"), what);
            if (args[0].equals("run")) {
                assertTrue(r.code() == 1, "a resume of this folder never runs: " + what);
                assertFalse(r.printed().contains("[1/"), "no trial started: " + what);
            }
        }
    }

    /** Shapes a handed-over folder can take besides its files' bytes: links (one to the FIFO trap), keys twice, a trial file of another trial. */
    enum Shape { RESULTS_LINK, CONFIG_LINK, MANIFEST_LINK, MODELS_FOLDER_LINK, LOCK_LINK, RESULTS_KEY_TWICE, CONFIG_KEY_TWICE,
        MISMATCHED_TRIAL }

    private static void shape(Shape s, int key) throws IOException {
        Path trap = out.getParent().resolve("trap");
        Path elsewhere = Files.createDirectories(out.getParent().resolve("elsewhere"));
        String name = KEYS.get(Math.floorMod(key, KEYS.size()));
        switch (s) {
            case RESULTS_LINK -> link(run.resolve(RunFolder.RESULTS), trap);
            case CONFIG_LINK -> link(run.resolve(RunFolder.CONFIG), trap);
            case MANIFEST_LINK -> link(run.resolve(SavedModels.FILE), trap);
            case MODELS_FOLDER_LINK -> {
                try (var files = Files.list(run.resolve("models"))) {
                    for (Path p : files.toList()) {
                        Files.copy(p, elsewhere.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        Files.delete(p);
                    }
                }
                Files.delete(run.resolve("models"));
                Files.createSymbolicLink(run.resolve("models"), elsewhere);
            }
            case LOCK_LINK -> link(run.resolve(".lock"), trap);
            case RESULTS_KEY_TWICE -> Files.writeString(run.resolve(RunFolder.RESULTS),
                    new String(results, java.nio.charset.StandardCharsets.UTF_8).replaceFirst("\\{", "{\"" + name + "\": null,"));
            case CONFIG_KEY_TWICE -> Files.writeString(run.resolve(RunFolder.CONFIG),
                    new String(config, java.nio.charset.StandardCharsets.UTF_8).replaceFirst("\\{", "{\"schemaVersion\": 3,"));
            case MISMATCHED_TRIAL -> {
                Files.createDirectories(run.resolve("trials"));
                Files.writeString(run.resolve("trials/smile-decision-tree.seed42.json"),
                        "{\"pluginId\": \"fixture-network\", \"seed\": 42, \"status\": \"ok\"}");
            }
        }
    }

    private static void link(Path file, Path target) throws IOException {
        Files.deleteIfExists(file);
        Files.createSymbolicLink(file, target);
    }

    /** Restores the folder as made: every file regular, models/ a folder of its own, no trial files. */
    private static void restore() throws IOException {
        for (Path p : List.of(run.resolve(RunFolder.RESULTS), run.resolve(RunFolder.CONFIG), run.resolve(SavedModels.FILE),
                run.resolve(".lock"), run.resolve("trials/smile-decision-tree.seed42.json"))) {
            if (Files.isSymbolicLink(p)) {
                Files.delete(p);
            }
        }
        Path models = run.resolve("models");
        if (Files.isSymbolicLink(models)) {
            Files.delete(models);
            Files.createDirectories(models);
            try (var files = Files.list(out.getParent().resolve("elsewhere"))) {
                for (Path p : files.toList()) {
                    Files.move(p, models.resolve(p.getFileName()));
                }
            }
        }
        Files.deleteIfExists(run.resolve("trials/smile-decision-tree.seed42.json"));
        Files.write(run.resolve(RunFolder.RESULTS), results);
        Files.write(run.resolve(RunFolder.CONFIG), config);
        Files.write(run.resolve(SavedModels.FILE), manifest);
    }

    @Property(tries = 24)
    void linksKeysTwiceAndMismatchedTrialsAreCleanErrors(@ForAll Shape s, @ForAll int key) throws IOException {
        restore();
        shape(s, key);
        try {
            for (String[] args : List.of(
                    new String[]{"report", "r", "-o", out.toString()},
                    new String[]{"predict", "--run", "r", "-o", out.toString(), image.toString()},
                    new String[]{"run", "--resume", "r", "-o", out.toString()})) {
                CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.of(args),
                        () -> String.join(" ", args) + " hung: did it follow a link to the FIFO outside the run folder? " + s);
                String what = String.join(" ", args) + " with " + s + ":\n" + r.printed();
                assertTrue(r.code() == 0 || r.code() == 1 || r.code() == 3, what);
                assertFalse(r.err().contains("\tat ") || r.err().contains("internal error"), what);
                if (args[0].equals("run")) {
                    assertFalse(r.printed().contains("[1/"), "no trial started: " + what);
                }
            }
            assertFalse(Files.isRegularFile(out.getParent().resolve("trap")), "nothing replaced the FIFO outside the folder");
        } finally {
            restore();
        }
    }

    @Property(tries = 10)
    void randomBytesAreCleanErrors(@ForAll byte[] junk) throws IOException {
        for (Path f : List.of(run.resolve(RunFolder.RESULTS), run.resolve(RunFolder.CONFIG), run.resolve(SavedModels.FILE))) {
            Files.write(run.resolve(RunFolder.RESULTS), results);
            Files.write(run.resolve(RunFolder.CONFIG), config);
            Files.write(run.resolve(SavedModels.FILE), manifest);
            Files.write(f, junk);
            for (String[] args : List.of(new String[]{"report", "r", "-o", out.toString()},
                    new String[]{"predict", "--run", "r", "-o", out.toString(), image.toString()})) {
                CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.of(args));
                String what = f.getFileName() + " random, " + String.join(" ", args) + ":\n" + r.printed();
                assertTrue(r.code() == 0 || r.code() == 1, what);
                assertFalse(r.err().contains("\tat ") || r.err().contains("internal error"), what);
            }
        }
    }
}
