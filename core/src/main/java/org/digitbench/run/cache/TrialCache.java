package org.digitbench.run.cache;

import org.digitbench.api.DigitbenchException;
import org.digitbench.data.SafeFiles;
import org.digitbench.results.TrialResult;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.results.store.RunFolder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder of finished trials ({@code reports/.trial-cache/} by default), one entry per {@link TrialKey#hash()}: the
 * key's components ({@code entry.json}), the trial's result ({@code trial.json}) and its JMH files. Entries are made in
 * a temporary folder and renamed into place in one step, so a reader never sees half an entry, and of two processes
 * storing the same trial the first one's entry stays. An entry is only ever read as JSON into digitbench's own records —
 * never loaded as code (the cache keeps no model files) — and one whose key differs from the trial's, whose files are
 * links or oddly named, or whose JSON does not parse, is refused with a warning: the trial then runs again.
 */
public final class TrialCache {
    /** The cache's folder inside the output folder, by default. */
    public static final String DEFAULT_FOLDER = ".trial-cache";
    private static final int VERSION = 1;
    private static final Pattern JMH_FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.(json|log)");

    private final Path dir;
    private final PrintStream err;

    /**
     * @param dir the cache's folder (made when the first trial is stored); the user named it, so it may be a link, but
     *            nothing inside it may be
     * @param err where refused entries are reported
     */
    public TrialCache(Path dir, PrintStream err) {
        this.dir = dir.toAbsolutePath().normalize();
        this.err = err;
    }

    public Path dir() {
        return dir;
    }

    /** What {@code entry.json} holds: the format's version, the key, and where and when the trial was measured. */
    public record Stored(int version, SortedMap<String, String> key, String runId, Instant storedAt, List<String> jmhFiles) {
    }

    /**
     * The trial with this key, if the cache has a sound entry for it, copied into {@code folder}: its JMH files into
     * {@code jmh/}, its result, marked with the run that measured it, into {@code trials/}.
     */
    public Optional<TrialResult> reuse(TrialKey key, String pluginId, long seed, RunFolder folder) {
        Path entry = dir.resolve(key.hash());
        if (!Files.isDirectory(dir) || !Files.exists(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            SafeFiles.requireNoLinkInside(dir, entry, "trial cache entry");
            Stored stored = ResultsStore.readJson(entry.resolve("entry.json"), Stored.class);
            if (stored.version() != VERSION) {
                throw new DigitbenchException("made by another version of the cache (" + stored.version() + ", expected " + VERSION + ")");
            }
            if (!key.components().equals(stored.key())) {
                throw new DigitbenchException("its key is not the one its name stands for: "
                        + String.join("; ", key.differences(new TrialKey(stored.key()))));
            }
            RunFolder.checkId(stored.runId(), "the run it names");
            TrialResult trial = ResultsStore.readJson(entry.resolve("trial.json"), TrialResult.class);
            if (!trial.ok() || !pluginId.equals(trial.pluginId()) || trial.seed() != seed) {
                throw new DigitbenchException("it holds " + trial.trialId() + " (" + trial.status() + "), not a finished "
                        + TrialResult.trialId(pluginId, seed));
            }
            List<Path> jmh = new ArrayList<>();
            for (String name : stored.jmhFiles()) {
                Path f = entry.resolve("jmh").resolve(name);
                if (!JMH_FILE.matcher(name).matches() || !name.startsWith(trial.trialId() + ".") || !SafeFiles.isRegularFile(f)) {
                    throw new DigitbenchException("its JMH file '" + name + "' is not a plain file of " + trial.trialId());
                }
                jmh.add(f);
            }
            if (!jmh.isEmpty()) {
                SafeFiles.createDirectory(folder.jmh(), "cannot copy the cached trial's JMH files");
            }
            for (Path f : jmh) {
                SafeFiles.writeAtomically(folder.jmh(), f.getFileName().toString(), out -> Files.copy(f, out));
            }
            TrialResult reused = trial.reusedFrom(stored.runId());
            folder.writeTrial(reused);
            return Optional.of(reused);
        } catch (DigitbenchException | java.io.UncheckedIOException e) {
            err.println("digitbench: warning: trial cache entry " + entry + " refused (" + e.getMessage() + "); "
                    + TrialResult.trialId(pluginId, seed) + " runs again (delete the entry to clear the warning)");
            return Optional.empty();
        }
    }

    /**
     * Stores a trial that ran in {@code runId} (its JMH files read from {@code folder}); an entry already there stays.
     *
     * @return whether this call made the entry
     */
    public boolean store(TrialKey key, TrialResult trial, String runId, RunFolder folder) {
        Path entry = dir.resolve(key.hash());
        Path tmp = dir.resolve(".tmp-" + key.hash() + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            SafeFiles.createDirectory(dir, "cannot make the trial cache");
            if (Files.exists(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            SafeFiles.createDirectory(tmp, "cannot store a trial in the cache");
            List<String> jmhFiles = new ArrayList<>();
            if (Files.isDirectory(folder.jmh())) {
                try (Stream<Path> files = Files.list(folder.jmh())) {
                    for (Path f : files.filter(f -> f.getFileName().toString().startsWith(trial.trialId() + "."))
                            .filter(SafeFiles::isRegularFile).sorted().toList()) {
                        String name = f.getFileName().toString();
                        if (JMH_FILE.matcher(name).matches()) {
                            Path into = SafeFiles.createDirectory(tmp.resolve("jmh"), "cannot store a trial in the cache");
                            Files.copy(f, into.resolve(name), java.nio.file.LinkOption.NOFOLLOW_LINKS);
                            jmhFiles.add(name);
                        }
                    }
                }
            }
            ResultsStore.writeAtomically(tmp, "trial.json", trial.reusedFrom(null));
            ResultsStore.writeAtomically(tmp, "entry.json", new Stored(VERSION, key.components(), runId, Instant.now(), jmhFiles));
            try {
                Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new DigitbenchException("the file system of " + dir + " cannot rename a folder in one step", e);
            } catch (FileSystemException e) {
                if (Files.exists(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    return false; // another process stored the same trial first: its entry stays
                }
                throw e;
            }
            return true;
        } catch (IOException | DigitbenchException e) {
            err.println("digitbench: warning: " + trial.trialId() + " is not stored in the trial cache " + dir + ": "
                    + e.getMessage() + " (its result is in the run folder)");
            return false;
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static void deleteQuietly(Path tree) {
        if (!Files.exists(tree, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(tree)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a leftover temporary folder; the next store uses another name
        }
    }
}
