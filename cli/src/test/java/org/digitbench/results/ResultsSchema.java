package org.digitbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.digitbench.Repo;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** docs/results.schema.json, the published format of results.json, held against the files digitbench writes. */
public final class ResultsSchema {
    /** The schema's file, from the project's root. */
    public static final String FILE = "docs/results.schema.json";
    private static final Schema SCHEMA = load();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ResultsSchema() {
    }

    /** What is wrong with this results.json: one line per violation, empty when it keeps the schema. */
    public static List<String> violations(Path resultsJson) {
        try {
            return violations(JSON.readTree(resultsJson.toFile()));
        } catch (tools.jackson.core.JacksonException e) {
            return List.of(resultsJson + ": not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    public static List<String> violations(JsonNode results) {
        return SCHEMA.validate(results).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    /** Fails the test when the file does not keep the schema. */
    public static void check(Path resultsJson) {
        assertEquals(List.of(), violations(resultsJson), resultsJson + " does not keep " + FILE);
    }

    private static Schema load() {
        try (InputStream in = Files.newInputStream(Repo.root().resolve(FILE))) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
