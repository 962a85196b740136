package org.digitbench.results.store;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.DigitbenchException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A handed-over run folder's files are untrusted input: what they may not say (the second hardening round, group 4). */
class HandedOverFolderTest {
    @TempDir
    Path run;

    private static void assertRefused(String expected, Runnable action) {
        DigitbenchException e = assertThrows(DigitbenchException.class, action::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aKeyGivenTwiceIsRefusedNotTheLastOneWins() throws Exception {
        Path file = Files.writeString(run.resolve("config.json"), "{\"schemaVersion\": 3, \"timing\": false, \"timing\": true}");
        assertRefused("Duplicate Object property \"timing\"", () -> ResultsStore.readJson(file, Map.class));
        Path results = Files.writeString(run.resolve("results.json"), "{\"schemaVersion\": 3, \"runId\": \"a\", \"runId\": \"b\"}");
        assertRefused("Duplicate Object property \"runId\"", () -> ResultsStore.read(results));
    }

    @Test
    void aNewerSchemaIsCalledNewer() throws Exception {
        Path results = Files.writeString(run.resolve("results.json"), "{\"schemaVersion\": 4}");
        assertRefused("results schema version 4 (a newer digitbench's); this digitbench reads versions 1 to 3",
                () -> ResultsStore.read(results));
    }

    @Test
    void aTrialFileHoldsTheTrialItIsNamedAfter() throws Exception {
        Files.createDirectories(run.resolve("trials"));
        Files.writeString(run.resolve("trials/smile-mlp.seed42.json"), "{\"pluginId\": \"tribuo-xgboost\", \"seed\": 42,"
                + " \"status\": \"ok\"}");
        RunFolder folder = RunFolder.at(run);
        assertRefused("holds the result of trial tribuo-xgboost.seed42, not of smile-mlp.seed42", folder::readTrials);
        assertRefused("holds the result of trial tribuo-xgboost.seed42", () -> folder.readTrial("smile-mlp.seed42"));
    }
}
