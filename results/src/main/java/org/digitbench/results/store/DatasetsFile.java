package org.digitbench.results.store;

import org.digitbench.api.DigitbenchException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * {@code datasets.json}, the file that marks a run over several datasets, as its readers see it: the run, its profile
 * and its datasets' keys (each the folder of an ordinary run inside it). The driver writes the whole manifest, with
 * the run's configuration; this is the part the report, the run folder's rules and the commands need, so that they
 * read it without the driver.
 *
 * @param runId     the run's id
 * @param startedAt when it started, or {@code null}
 * @param profile   the profile's id ({@code quick}, {@code full})
 * @param keys      the datasets' folders, in the run's order
 */
public record DatasetsFile(String runId, Instant startedAt, String profile, List<String> keys) {
    /** The layout of {@code datasets.json}. */
    public static final int SCHEMA_VERSION = 1;

    public DatasetsFile {
        keys = List.copyOf(keys);
    }

    /** Whether {@code dir} is the folder of a run over several datasets. */
    public static boolean isRun(Path dir) {
        return Files.isRegularFile(dir.resolve(RunFolder.DATASETS));
    }

    /** Reads and checks {@code dir/datasets.json}: its version, and two or more datasets with different keys. */
    public static DatasetsFile read(Path dir) {
        Path file = dir.resolve(RunFolder.DATASETS);
        JsonNode root;
        try {
            root = ResultsStore.readTree(file);
        } catch (JacksonException e) {
            throw new DigitbenchException(file + ": not a valid run over several datasets: " + e.getOriginalMessage(), e);
        } catch (RuntimeException e) {
            throw new DigitbenchException(file + ": cannot read it: " + e.getMessage(), e);
        }
        int version = root == null ? -1 : root.path("schemaVersion").asInt(-1);
        if (version != SCHEMA_VERSION) {
            throw new DigitbenchException(file + ": schema version " + version + (version > SCHEMA_VERSION
                    ? " (a newer digitbench's)" : "") + ", this digitbench reads " + SCHEMA_VERSION);
        }
        List<String> keys = new ArrayList<>();
        for (JsonNode part : root.path("parts")) {
            keys.add(part.path("key").asString(""));
        }
        if (!root.path("config").isObject() || keys.size() < 2 || new HashSet<>(keys).size() != keys.size()) {
            throw new DigitbenchException(file + ": not a run over several datasets (expected its configuration and two or "
                    + "more datasets with different keys)");
        }
        for (String key : keys) {
            RunFolder.checkId(key, "datasets.json: a dataset's key");
        }
        String startedAt = root.path("startedAt").asString(null);
        return new DatasetsFile(root.path("runId").asString(null), startedAt == null ? null : Instant.parse(startedAt),
                root.path("config").path("profile").asString("").toLowerCase(Locale.ROOT), keys);
    }

    /** The datasets' keys of the run in {@code dir}, or an empty list when its datasets.json cannot be read. */
    public static List<String> keysIn(Path dir) {
        try {
            return read(dir).keys();
        } catch (DigitbenchException e) {
            return List.of();
        }
    }

    /** The datasets of {@code dir}'s run that have results, in the run's order. */
    public static List<String> finishedKeys(Path dir) {
        return read(dir).keys().stream().filter(k -> Files.isRegularFile(dir.resolve(k).resolve(RunFolder.RESULTS))).toList();
    }
}
