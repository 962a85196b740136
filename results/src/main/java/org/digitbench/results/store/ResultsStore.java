package org.digitbench.results.store;

import org.digitbench.api.DigitbenchException;
import org.digitbench.data.SafeFiles;
import org.digitbench.results.ResultsMigration;
import org.digitbench.results.RunResults;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes {@code results.json}. Writes go to a temporary file that then atomically
 * replaces the old one, so the file on disk is always complete, valid JSON.
 */
public final class ResultsStore {
    public static final String FILE_NAME = "results.json";
    /** The run's configuration, which the timing pass's forks read to rebuild the run's data and models. */
    public static final String CONFIG_FILE = "config.json";

    /** Indented; a key given twice is an error, not "the last one wins" (a handed-over file is untrusted). */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ResultsStore() {
    }

    /** Writes the results into {@code dir/results.json}, atomically. */
    public static Path write(Path dir, RunResults results) {
        return writeAtomically(dir, FILE_NAME, results);
    }

    /**
     * Writes the results, then hands them to {@code afterWrite} (the command line renders the report from
     * them); what that throws is only a warning, since the results are saved.
     */
    public static void publish(Path dir, RunResults results, java.util.function.BiConsumer<Path, RunResults> afterWrite,
                               java.io.PrintStream err) {
        write(dir, results);
        try {
            afterWrite.accept(dir, results);
        } catch (RuntimeException e) {
            err.println("digitbench: warning: results are saved, but the report could not be written: " + e.getMessage());
        }
    }

    /** The JSON tree of a file, with the store's settings. */
    public static tools.jackson.databind.JsonNode readTree(Path file) {
        SafeFiles.requireNoLink(file, "cannot read " + file);
        return MAPPER.readTree(file.toFile());
    }

    /** A JSON tree as a record, with the store's settings. */
    public static <T> T treeToValue(tools.jackson.databind.JsonNode tree, Class<T> type) {
        return MAPPER.treeToValue(tree, type);
    }

    /** Any record as indented JSON, for scripts. */
    public static String toJson(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** Writes any record as JSON, atomically (a trial's result, say). */
    public static void writeJson(Path file, Object value) {
        writeAtomically(file.toAbsolutePath().getParent(), file.getFileName().toString(), value);
    }

    /** Reads what {@link #writeJson} wrote. */
    public static <T> T readJson(Path file, Class<T> type) {
        SafeFiles.requireNoLink(file, "cannot read " + file);
        try {
            T value = MAPPER.readValue(file.toFile(), type);
            if (value == null) {
                throw new DigitbenchException(file + ": empty, expected JSON for " + type.getSimpleName());
            }
            return value;
        } catch (JacksonException e) {
            throw new DigitbenchException(file + ": not valid JSON for " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Writes {@code value} as {@code dir/name}: into a temporary file first, then renamed over the old one. */
    public static Path writeAtomically(Path dir, String name, Object value) {
        Path target = dir.resolve(name);
        SafeFiles.createDirectory(dir, "cannot write " + target);
        try {
            return SafeFiles.writeAtomically(dir, name, out -> MAPPER.writeValue(out, value));
        } catch (JacksonException e) {
            throw new DigitbenchException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * What a {@code results.json} records of its run's data, read without turning its trials into objects: a trial JVM
     * checks its images against it, and needs none of the rest. A file of an older schema is read whole, through its
     * migration.
     */
    public static RunResults.DataInfo readData(Path file) {
        SafeFiles.requireNoLink(file, "cannot read " + file);
        if (!Files.isRegularFile(file)) {
            throw new DigitbenchException(file + ": no such results file");
        }
        try {
            tools.jackson.databind.JsonNode root = MAPPER.readTree(file.toFile());
            if (root == null || !root.isObject() || root.path("schemaVersion").asInt(-1) != RunResults.SCHEMA_VERSION) {
                return read(file).data();
            }
            tools.jackson.databind.JsonNode data = root.get("data");
            if (data == null || !data.isObject()) {
                throw new DigitbenchException(file + ": not a valid results file: it has no data");
            }
            return MAPPER.treeToValue(data, RunResults.DataInfo.class);
        } catch (JacksonException e) {
            throw new DigitbenchException(file + ": not a valid results file: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a {@code results.json}. */
    public static RunResults read(Path file) {
        SafeFiles.requireNoLink(file, "cannot read " + file);
        if (!Files.isRegularFile(file)) {
            throw new DigitbenchException(file + ": no such results file");
        }
        try {
            tools.jackson.databind.JsonNode root = MAPPER.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new DigitbenchException(file + ": not a valid results file: expected a JSON object");
            }
            int version = root.path("schemaVersion").asInt(-1);
            RunResults results = switch (version) {
                case 1 -> ResultsMigration.fromV1(root, MAPPER);
                case 2 -> ResultsMigration.fromV2(root, MAPPER);
                case RunResults.SCHEMA_VERSION -> MAPPER.treeToValue(root, RunResults.class);
                default -> throw new DigitbenchException(file + ": results schema version " + version + " ("
                        + (version > RunResults.SCHEMA_VERSION ? "a newer digitbench's" : "not a version digitbench wrote")
                        + "); this digitbench reads versions 1 to " + RunResults.SCHEMA_VERSION);
            };
            if (results.plan() == null || results.data() == null) {
                throw new DigitbenchException(file + ": not a valid results file: it has no " + (results.plan() == null ? "plan" : "data"));
            }
            return results;
        } catch (JacksonException e) {
            throw new DigitbenchException(file + ": not a valid results file: " + e.getOriginalMessage(), e);
        }
    }
}
