package org.digitbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.Repo;
import org.digitbench.report.ReportFixtures;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.run.ReferenceEstimates;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * results.json keeps the published schema (docs/results.schema.json): what digitbench writes, every committed reference
 * and confirmation run, and the schema itself refuses what it must (the integration tests check each run they make).
 */
class ResultsSchemaTest {
    @TempDir
    Path dir;

    @Test
    void whatTheStoreWritesKeepsTheSchema() {
        Path file = ResultsStore.write(dir, ReportFixtures.results("<script>alert(1)</script>"));
        ResultsSchema.check(file);
    }

    private static final String TUNE = "tune.json";

    /** The committed tunings (digitbench tune's tune.json, not runs) read as digitbench writes them, their choice on the front. */
    @Test
    void everyCommittedTuningReads() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Repo.root().resolve("benchmarks/results"))) {
            files = s.filter(p -> p.getFileName().toString().equals(TUNE)).sorted().toList();
        }
        assertTrue(files.size() >= 2, "the committed tunings: " + files);
        for (Path f : files) {
            for (org.digitbench.results.TuneResults.PluginTuning t : ResultsStore.readJson(f, org.digitbench.results.TuneResults.class).plugins()) {
                assertTrue(t.chosen() != null && t.pareto().contains(t.chosen()), f + ": " + t.pluginId() + " chose on its Pareto front");
            }
        }
    }

    /** The committed runs stay as they were measured (some of an older schema): as digitbench reads and writes them. */
    @Test
    void everyCommittedRunKeepsTheSchema() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Repo.root().resolve("benchmarks/results"))) {
            s.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().equals(ReferenceEstimates.FILE)
                    && !p.getFileName().toString().equals(TUNE)).sorted().forEach(files::add);
        }
        assertTrue(files.size() >= 2, "the full and quick references at least: " + files);
        for (Path f : files) {
            Path copy = Files.createDirectories(dir.resolve(f.getParent().getFileName() + "-" + f.getFileName()));
            ResultsSchema.check(ResultsStore.write(copy, ResultsStore.read(f)));
        }
    }

    /**
     * A trial JVM reads only the run's data from results.json ({@link ResultsStore#readData}): the same data a whole read
     * gives, for every committed run, older schemas (read whole, through their migration) included; a file of today's
     * schema without data is refused, naming the file.
     */
    @Test
    void theDataReadAloneIsTheDataOfTheWholeRead() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Repo.root().resolve("cli/src/test/resources/results/v1-results.json"),
                Repo.root().resolve("cli/src/test/resources/results/v2-results.json")));
        files.add(Repo.root().resolve("benchmarks/results/quick/results.json"));
        files.add(Repo.root().resolve("benchmarks/results/full/results.json"));
        for (Path f : files) {
            assertEquals(ResultsStore.toJson(ResultsStore.read(f).data()), ResultsStore.toJson(ResultsStore.readData(f)), f.toString());
        }
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode noData = (ObjectNode) json.readTree(files.get(2).toFile());
        noData.remove("data");
        Path bad = dir.resolve("results.json");
        Files.writeString(bad, noData.toString());
        org.digitbench.api.DigitbenchException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.digitbench.api.DigitbenchException.class, () -> ResultsStore.readData(bad));
        assertTrue(e.getMessage().startsWith(bad + ": not a valid results file: it has no data"), e.getMessage());
    }

    /**
     * The records' sub-records ({@code @JsonUnwrapped}) change nothing in the file: a committed run of today's schema
     * reads and writes back as the very same JSON, every field in its place.
     */
    @Test
    void aCommittedRunOfTodaysSchemaWritesBackUnchanged() {
        JsonMapper json = JsonMapper.builder().build();
        for (String run : List.of("quick", "full")) {
            Path f = Repo.root().resolve("benchmarks/results/" + run + "/results.json");
            JsonNode original = json.readTree(f.toFile());
            assertEquals(RunResults.SCHEMA_VERSION, original.path("schemaVersion").asInt(), f + " is of today's schema");
            Path copy = ResultsStore.write(dir.resolve(run), ResultsStore.read(f));
            assertEquals(original, json.readTree(copy.toFile()), f + " written back");
        }
    }

    @Test
    void theSchemaRefusesWhatIsNotResults() {
        JsonNode good = JsonMapper.builder().build().readTree(ResultsStore.write(dir, ReportFixtures.results("x")).toFile());
        assertEquals(List.of(), ResultsSchema.violations(good));

        ObjectNode unknownStatus = (ObjectNode) good.deepCopy();
        ((ObjectNode) unknownStatus.get("trials").get(0)).put("status", "fine");
        assertFalse(ResultsSchema.violations(unknownStatus).isEmpty(), "a trial status outside ok, failed");

        ObjectNode extra = (ObjectNode) good.deepCopy();
        extra.put("accuracy", 1.0);
        assertFalse(ResultsSchema.violations(extra).isEmpty(), "a field the format does not have");

        ObjectNode missing = (ObjectNode) good.deepCopy();
        ((ObjectNode) missing.get("trials").get(0)).remove("seed");
        assertTrue(ResultsSchema.violations(missing).stream().anyMatch(v -> v.contains("seed")), "a trial without its seed");

        ObjectNode badChecksum = (ObjectNode) good.deepCopy();
        ((ObjectNode) badChecksum.get("data").get("train").get("sources").get(0)).put("sha256", "abc");
        assertFalse(ResultsSchema.violations(badChecksum).isEmpty(), "a checksum that is not SHA-256");
    }
}
