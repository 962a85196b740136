package org.digitbench.run;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.digitbench.DigitbenchException;
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

    /** Writes the run's configuration into {@code dir/config.json}, atomically. */
    public static Path writeConfig(Path dir, RunConfig config) {
        return writeAtomically(dir, CONFIG_FILE, config);
    }

    /** Reads {@code dir/config.json}. */
    public static RunConfig readConfig(Path dir) {
        Path file = dir.resolve(CONFIG_FILE);
        if (!Files.isRegularFile(file)) {
            throw new DigitbenchException(file + ": no such run configuration (an older digitbench made this run without one: run it again)");
        }
        try {
            return MAPPER.readValue(file.toFile(), RunConfig.class);
        } catch (JacksonException e) {
            throw new DigitbenchException(file + ": not a valid run configuration: " + e.getOriginalMessage(), e);
        }
    }

    /** Any record as indented JSON, for scripts. */
    public static String toJson(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** Writes any record as JSON, atomically (a worker's result, say). */
    static void writeJson(Path file, Object value) {
        writeAtomically(file.toAbsolutePath().getParent(), file.getFileName().toString(), value);
    }

    /** Reads what {@link #writeJson} wrote. */
    static <T> T readJson(Path file, Class<T> type) {
        try {
            return MAPPER.readValue(file.toFile(), type);
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
            RunResults results = MAPPER.readValue(file.toFile(), RunResults.class);
            if (results.schemaVersion() != RunResults.SCHEMA_VERSION) {
                throw new DigitbenchException(file + ": results schema version " + results.schemaVersion()
                        + ", this digitbench reads version " + RunResults.SCHEMA_VERSION);
            }
            return results;
        } catch (JacksonException e) {
            throw new DigitbenchException(file + ": not a valid results file: " + e.getOriginalMessage(), e);
        }
    }
}
