package org.digitbench.run.cache;

import org.digitbench.results.TrialResult;
import org.digitbench.results.TrialStatus;
import org.digitbench.results.store.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrialCacheTest {
    @TempDir
    Path tmp;
    private final ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(warnings, true, StandardCharsets.UTF_8);

    private static TrialKey key(String seed) {
        return new TrialKey(new TreeMap<>(Map.of("plugin.id", "knn", "seed", seed)));
    }

    private static TrialResult trial(String pluginId, long seed, TrialStatus status) {
        return new TrialResult(new TrialResult.Outcome(pluginId, seed, status, null),
                new TrialResult.PluginInfo("Fake", "1.0", "knn", "a fake", Map.of("k", 3), Map.of()),
                new TrialResult.Evaluation(100, 10, null, new int[]{1, 2, 3}, List.of()),
                new TrialResult.Times(1.5, 0.1, 4.0, Instant.parse("2026-12-06T01:00:00Z")), null, null, "models/knn.seed42.model", null);
    }

    /** A run folder that measured knn.seed42, with two JMH files. */
    private RunFolder measured() throws Exception {
        RunFolder run = RunFolder.create(tmp.resolve("reports"), "first", true);
        Files.createDirectories(run.jmh());
        Files.writeString(run.jmh().resolve("knn.seed42.batch.json"), "[]");
        Files.writeString(run.jmh().resolve("knn.seed42.batch.log"), "log");
        Files.writeString(run.jmh().resolve("other.seed42.batch.json"), "[]");
        return run;
    }

    @Test
    void aStoredTrialIsReusedIntoAnotherRunMarkedWithTheRunThatMeasuredIt() throws Exception {
        TrialCache cache = new TrialCache(tmp.resolve("cache"), err);
        RunFolder first = measured();
        assertTrue(cache.store(key("42"), trial("knn", 42, TrialStatus.OK), "first", first));

        RunFolder second = RunFolder.create(tmp.resolve("reports"), "second", true);
        Optional<TrialResult> reused = cache.reuse(key("42"), "knn", 42, second);
        assertTrue(reused.isPresent());
        assertEquals("first", reused.get().reusedFrom());
        assertNull(reused.get().modelFile(), "the cache keeps no model");
        assertEquals("first", second.readTrial("knn.seed42").orElseThrow().reusedFrom());
        assertEquals(List.of("knn.seed42.batch.json", "knn.seed42.batch.log"),
                Files.list(second.jmh()).map(p -> p.getFileName().toString()).sorted().toList());
        assertTrue(cache.reuse(key("43"), "knn", 43, second).isEmpty(), "another key");
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theFirstEntryStaysAndNothingIsLeftHalfWritten() throws Exception {
        TrialCache cache = new TrialCache(tmp.resolve("cache"), err);
        RunFolder first = measured();
        assertTrue(cache.store(key("42"), trial("knn", 42, TrialStatus.OK), "first", first));
        assertFalse(cache.store(key("42"), trial("knn", 42, TrialStatus.OK), "later", first));
        assertEquals("first", cache.reuse(key("42"), "knn", 42, RunFolder.create(tmp.resolve("r"), "x", true)).orElseThrow().reusedFrom());
        assertEquals(List.of(key("42").hash()), Files.list(cache.dir()).map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void concurrentWritersOfOneTrialLeaveOneSoundEntry() throws Exception {
        TrialCache cache = new TrialCache(tmp.resolve("cache"), err);
        RunFolder first = measured();
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Boolean>> made = new java.util.ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String run = "run" + w;
                made.add(pool.submit(() -> {
                    start.await();
                    return new TrialCache(tmp.resolve("cache"), err).store(key("42"), trial("knn", 42, TrialStatus.OK), run, first);
                }));
            }
            start.countDown();
            int stored = 0;
            for (Future<Boolean> f : made) {
                stored += f.get() ? 1 : 0;
            }
            assertEquals(1, stored, "one writer made the entry");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(key("42").hash()), Files.list(cache.dir()).map(p -> p.getFileName().toString()).toList(),
                "no temporary folder left");
        assertTrue(cache.reuse(key("42"), "knn", 42, RunFolder.create(tmp.resolve("r"), "x", true)).isPresent());
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anEntryWhoseKeyWasAlteredIsRefusedNamingTheDifference() throws Exception {
        TrialCache cache = new TrialCache(tmp.resolve("cache"), err);
        cache.store(key("42"), trial("knn", 42, TrialStatus.OK), "first", measured());
        Path entry = cache.dir().resolve(key("42").hash()).resolve("entry.json");
        Files.writeString(entry, Files.readString(entry).replace("\"seed\" : \"42\"", "\"seed\" : \"41\""));
        assertTrue(cache.reuse(key("42"), "knn", 42, RunFolder.create(tmp.resolve("r"), "x", true)).isEmpty());
        String said = warnings.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("refused") && said.contains("seed: 42 ≠ 41") && said.contains("knn.seed42 runs again"), said);
    }

    @Test
    void corruptedAndHostileEntriesAreRefusedNeverRead() throws Exception {
        TrialCache cache = new TrialCache(tmp.resolve("cache"), err);
        RunFolder first = measured();
        cache.store(key("1"), trial("knn", 1, TrialStatus.OK), "first", first);
        Path entry1 = cache.dir().resolve(key("1").hash());
        Files.writeString(entry1.resolve("trial.json"), "{ not json");

        cache.store(key("42"), trial("knn", 42, TrialStatus.OK), "first", first);
        Path entry42 = cache.dir().resolve(key("42").hash());
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "private");
        Path jmhFile = entry42.resolve("jmh").resolve("knn.seed42.batch.json");
        Files.delete(jmhFile);
        Files.createSymbolicLink(jmhFile, secret);

        cache.store(key("7"), trial("other", 7, TrialStatus.OK), "first", first);

        RunFolder second = RunFolder.create(tmp.resolve("reports"), "second", true);
        assertTrue(cache.reuse(key("1"), "knn", 1, second).isEmpty());
        assertTrue(cache.reuse(key("42"), "knn", 42, second).isEmpty());
        assertTrue(cache.reuse(key("7"), "knn", 7, second).isEmpty(), "it holds another trial");
        String said = warnings.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("not valid JSON"), said);
        assertTrue(said.contains("not a plain file"), said);
        assertTrue(said.contains("holds other.seed7"), said);
        assertTrue(second.readTrials().isEmpty(), "nothing refused reaches the run");
        assertFalse(Files.exists(second.jmh().resolve("knn.seed42.batch.json")));
    }

    @Test
    void aFailedTrialInAnEntryIsNotReused() throws Exception {
        TrialCache cache = new TrialCache(tmp.resolve("cache"), err);
        cache.store(key("42"), trial("knn", 42, TrialStatus.FAILED), "first", measured());
        assertTrue(cache.reuse(key("42"), "knn", 42, RunFolder.create(tmp.resolve("r"), "x", true)).isEmpty());
    }
}
