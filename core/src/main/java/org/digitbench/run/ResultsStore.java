package org.digitbench.run;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.digitbench.api.DigitbenchException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@code results.json}. Writes go to a temporary file that then atomically
 * replaces the old one, so the file on disk is always complete, valid JSON.
 */
public final class ResultsStore {
    public static final String FILE_NAME = "results.json";
    /** The run's configuration, which the timing pass's forks read to rebuild the run's data and models. */
    public static final String CONFIG_FILE = "config.json";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
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

    /**
     * {@code config.json}: what the run measures, and how it was first run (for provenance only: options that
     * run code are never taken from a run folder).
     */
    public record StoredConfig(int schemaVersion, RunConfig run, Execution execution) {
    }

    /** Writes the run's configuration into {@code dir/config.json}, atomically. */
    public static Path writeConfig(Path dir, RunConfig config, Execution execution) {
        return writeAtomically(dir, CONFIG_FILE, new StoredConfig(RunResults.SCHEMA_VERSION, config, execution));
    }

    /** Reads {@code dir/config.json}. */
    public static StoredConfig readStoredConfig(Path dir) {
        Path file = dir.resolve(CONFIG_FILE);
        if (!Files.isRegularFile(file)) {
            throw new DigitbenchException(file + ": no such run configuration (an older digitbench made this run without one: run it again)");
        }
        StoredConfig stored;
        try {
            tools.jackson.databind.JsonNode root = MAPPER.readTree(file.toFile());
            int version = root == null ? -1 : root.path("schemaVersion").asInt(-1);
            if (version != RunResults.SCHEMA_VERSION) {
                // checked before the rest is read: an older layout would only fail on its first field that moved
                throw new DigitbenchException(file + ": a run configuration of an older digitbench (" + (version < 2
                        ? "before trials" : "schema version " + version + ", this one writes " + RunResults.SCHEMA_VERSION)
                        + "); its report still renders, but the run cannot be resumed or timed again: run it again");
            }
            stored = MAPPER.treeToValue(root, StoredConfig.class);
        } catch (JacksonException e) {
            throw new DigitbenchException(file + ": not a valid run configuration: " + e.getOriginalMessage(), e);
        }
        if (stored == null || stored.run() == null) {
            throw new DigitbenchException(file + ": not a valid run configuration: it holds no run");
        }
        return stored;
    }

    /** What the run measures, from {@code dir/config.json}. */
    public static RunConfig readConfig(Path dir) {
        return readStoredConfig(dir).run();
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

    private static Path writeAtomically(Path dir, String name, Object value) {
        Path target = dir.resolve(name);
        Path tmp = dir.resolve(name + ".tmp");
        try {
            Files.createDirectories(dir);
            MAPPER.writeValue(tmp.toFile(), value);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException | JacksonException e) {
            throw new DigitbenchException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Reads a {@code results.json}. */
    public static RunResults read(Path file) {
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
                default -> throw new DigitbenchException(file + ": results schema version " + version
                        + ", this digitbench reads versions 1 to " + RunResults.SCHEMA_VERSION);
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
