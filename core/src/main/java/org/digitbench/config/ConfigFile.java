package org.digitbench.config;

import org.digitbench.api.DigitbenchException;
import org.digitbench.results.RunResults;
import org.digitbench.results.store.ResultsStore;

import tools.jackson.core.JacksonException;

import java.nio.file.Files;
import java.nio.file.Path;

/** A run folder's {@code config.json}, written and read through the results store (atomic writes, its JSON settings). */
public final class ConfigFile {
    private ConfigFile() {
    }

    /**
     * {@code config.json}: what the run measures, and how it was first run (for provenance only: options that
     * run code are never taken from a run folder).
     */
    public record StoredConfig(int schemaVersion, RunConfig run, Execution execution) {
    }

    /** Writes the run's configuration into {@code dir/config.json}, atomically. */
    public static Path write(Path dir, RunConfig config, Execution execution) {
        return ResultsStore.writeAtomically(dir, ResultsStore.CONFIG_FILE, new StoredConfig(RunResults.SCHEMA_VERSION, config, execution));
    }

    /** Reads {@code dir/config.json}. */
    public static StoredConfig readStored(Path dir) {
        Path file = dir.resolve(ResultsStore.CONFIG_FILE);
        if (!Files.isRegularFile(file)) {
            throw new DigitbenchException(file + ": no such run configuration (an older digitbench made this run without one: run it again)");
        }
        StoredConfig stored;
        try {
            tools.jackson.databind.JsonNode root = ResultsStore.readTree(file);
            int version = root == null ? -1 : root.path("schemaVersion").asInt(-1);
            if (version > RunResults.SCHEMA_VERSION) {
                throw new DigitbenchException(file + ": a run configuration of a newer digitbench (schema version " + version
                        + ", this one reads " + RunResults.SCHEMA_VERSION + "): use that digitbench, or a newer one than this");
            }
            if (version != RunResults.SCHEMA_VERSION) {
                // checked before the rest is read: an older layout would only fail on its first field that moved
                throw new DigitbenchException(file + ": a run configuration of an older digitbench (" + (version < 2
                        ? "before trials" : "schema version " + version + ", this one writes " + RunResults.SCHEMA_VERSION)
                        + "); its report still renders, but the run cannot be resumed or timed again: run it again");
            }
            tools.jackson.databind.JsonNode run = root.get("run");
            stored = new StoredConfig(version, run == null || run.isNull() ? null : ResultsStore.treeToValue(run, RunConfig.class),
                    execution(root.get("execution")));
        } catch (JacksonException e) {
            throw new DigitbenchException(file + ": not a valid run configuration: " + e.getOriginalMessage(), e);
        }
        if (stored == null || stored.run() == null) {
            throw new DigitbenchException(file + ": not a valid run configuration: it holds no run");
        }
        return stored;
    }

    /**
     * The {@code execution} block: a record of how the run was first run, for provenance. One that does not read as an
     * {@link Execution} (another digitbench's, or edited) is left out rather than keeping the run from resuming.
     */
    private static Execution execution(tools.jackson.databind.JsonNode block) {
        if (block == null || block.isNull()) {
            return null;
        }
        try {
            return ResultsStore.treeToValue(block, Execution.class);
        } catch (JacksonException | IllegalArgumentException e) {
            return null;
        }
    }

    /** What the run measures, from {@code dir/config.json}. */
    public static RunConfig read(Path dir) {
        return readStored(dir).run();
    }
}
