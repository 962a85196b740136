package org.digitbench.results.store;

import org.digitbench.api.DigitbenchException;
import org.digitbench.data.SafeFiles;
import org.digitbench.results.TrialResult;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A run's folder and what it holds:
 * <pre>
 * config.json        what the run measures ({@code RunConfig}), and how it was first run ({@code Execution}, for provenance)
 * results.json       assembled from the trials' results after each trial
 * trials/ID.json     one trial's result (ID = plugin.seedN), written by the trial's JVM
 * jmh/ID.*.json      JMH's JSON (and log) of the trial's benchmarks
 * models/ID.model    the trial's model, with --save-models; models/manifest.json lists the main seed's
 * work/              trial specifications, crash logs
 * index.html         the report
 * .lock              held by the digitbench that is writing the run
 * </pre>
 * Every run id given on a command line and every file a run folder names resolves inside the folder it
 * belongs to. A run folder is handed around (Slurm, colleagues, the committed reference runs), so nothing in it is
 * trusted: no symbolic link in it, the folder itself included, is followed for reading or writing ({@link SafeFiles}).
 */
public final class RunFolder {
    public static final String RESULTS = "results.json";
    public static final String CONFIG = "config.json";
    /** What marks a run over several datasets: its folder holds one run folder per dataset ({@link DatasetsFile}). */
    public static final String DATASETS = "datasets.json";
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path dir;

    private RunFolder(Path dir) {
        this.dir = dir;
    }

    /** The folder of a run whose folder is known to be one (a trial JVM's, say). */
    public static RunFolder at(Path dir) {
        return new RunFolder(dir);
    }

    public Path dir() {
        return dir;
    }

    public String runId() {
        return dir.getFileName().toString();
    }

    public Path results() {
        return dir.resolve(RESULTS);
    }

    public Path config() {
        return dir.resolve(CONFIG);
    }

    public Path trials() {
        return dir.resolve("trials");
    }

    public Path trialFile(String trialId) {
        return trials().resolve(trialId + ".json");
    }

    public Path work() {
        return dir.resolve("work");
    }

    public Path jmh() {
        return dir.resolve("jmh");
    }

    /**
     * Makes a folder inside the run folder where it is missing ({@code trials/}, {@code work/slurm}, ...), refusing
     * it, the run folder or any folder between them that is a symbolic link.
     */
    public Path folder(Path inside) {
        SafeFiles.requireNoLinkBelow(dir, inside, "run " + runId());
        return SafeFiles.createDirectory(inside, "run " + runId());
    }

    /** Checks a run id as given on a command line: a plain name, no path. */
    public static String checkId(String id, String option) {
        if (id == null || !RUN_ID.matcher(id).matches()) {
            throw new DigitbenchException(option + " '" + id + "': a run id is a folder name in the output folder: "
                    + "letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
        return id;
    }

    /**
     * The folder a run id names: a run's folder in {@code outputDir}, or, as {@code RUN/DATASET}, one dataset's run
     * inside a run over several datasets. Each part is a plain folder name; nothing else is accepted, and neither
     * part may be a symbolic link.
     */
    public static Path resolve(Path outputDir, String id, String option) {
        int slash = id == null ? -1 : id.indexOf('/');
        Path dir = slash > 0 && RUN_ID.matcher(id.substring(0, slash)).matches() && RUN_ID.matcher(id.substring(slash + 1)).matches()
                ? outputDir.resolve(id.substring(0, slash)).resolve(id.substring(slash + 1))
                : outputDir.resolve(checkId(id, option)); // anything else is refused, named whole
        return SafeFiles.requireNoLinkInside(outputDir, dir, option + " '" + id + "'"); // a linked run folder leads outside
    }

    /**
     * The existing run {@code id} in {@code outputDir} ({@code RUN} or {@code RUN/DATASET}); it must hold a results.json.
     */
    public static RunFolder existing(Path outputDir, String id, String option) {
        Path runDir = resolve(outputDir, id, option);
        if (Files.isRegularFile(runDir.resolve(DATASETS)) && !Files.isRegularFile(runDir.resolve(RESULTS))) {
            throw new DigitbenchException(option + " '" + id + "': a run over several datasets has a run per dataset: name one as "
                    + id + "/DATASET (" + String.join(", ", DatasetsFile.keysIn(runDir)) + ")");
        }
        if (!Files.isRegularFile(runDir.resolve(RESULTS))) {
            throw new DigitbenchException("run '" + id + "' not found: expected " + runDir.resolve(RESULTS));
        }
        return new RunFolder(runDir);
    }

    /**
     * Creates the folder of a new run, atomically, so that two runs can never share one. With an id the user
     * chose, an existing folder is an error; with a generated one, {@code -2}, {@code -3}, ... is appended.
     */
    public static RunFolder create(Path outputDir, String id, boolean chosen) {
        checkId(id, "--run-id");
        if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
            throw new DigitbenchException("the output folder " + outputDir + " (-o) is a file, not a folder; name a folder");
        }
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            throw new DigitbenchException("cannot create the output folder " + outputDir + ": " + e.getMessage(), e);
        }
        for (int k = 1; ; k++) {
            Path candidate = outputDir.resolve(k == 1 ? id : id + "-" + k);
            try {
                Files.createDirectory(candidate);
                return new RunFolder(candidate);
            } catch (FileAlreadyExistsException e) {
                if (chosen) {
                    throw new DigitbenchException("run folder " + candidate + " already exists; choose another --run-id", e);
                }
            } catch (IOException e) {
                throw new DigitbenchException("cannot create the run folder " + candidate + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * A file that the run folder's own files name ({@code models/x.model}, {@code jmh/x.json}), resolved inside
     * the folder; anything absolute or leading out of it is refused.
     *
     * @param what names the entry in the error, e.g. "results.json: modelFile of smile-mlp.seed42"
     */
    public Path inside(String relative, String what) {
        if (relative == null || relative.isBlank()) {
            throw new DigitbenchException(what + ": no file named");
        }
        Path p = Path.of(relative);
        Path resolved = dir.resolve(p).normalize();
        if (p.isAbsolute() || !resolved.startsWith(dir.normalize()) || resolved.equals(dir.normalize())) {
            throw new DigitbenchException(what + ": '" + relative + "' is not a file inside the run folder " + dir);
        }
        return SafeFiles.requireNoLinkBelow(dir, resolved, what);
    }

    /** Holds the run's lock while open. */
    public static final class Lock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private Lock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException ignored) {
                // the process is ending anyway
            }
        }
    }

    /**
     * Takes the run's lock, or fails naming who holds it: only one digitbench at a time writes a run
     * (run, resume, timing, report).
     *
     * @param what what this process is doing, written into the lock file for the error of the next one
     */
    public Lock lock(String what) {
        Path file = dir.resolve(".lock");
        SafeFiles.requireNoLink(dir, "cannot lock run " + runId());
        SafeFiles.requireNoLink(file, "cannot lock run " + runId());
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = "";
                try {
                    holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                } catch (IOException ignored) {
                    // say less
                }
                channel.close();
                throw new DigitbenchException("run " + runId() + " is in use by another digitbench"
                        + (holder.isEmpty() ? "" : " (" + holder + ")") + "; wait for it to end, or use another run");
            }
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ": " + what + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            return new Lock(channel, lock);
        } catch (IOException e) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // reported below
            }
            throw new DigitbenchException("cannot lock run " + runId() + " (" + file + "): " + e.getMessage(), e);
        }
    }

    /** Writes a trial's result, atomically. */
    public Path writeTrial(TrialResult trial) {
        Path file = trialFile(trial.trialId());
        ResultsStore.writeJson(file, trial);
        return file;
    }

    /** The trial's result, if it has one. */
    public Optional<TrialResult> readTrial(String trialId) {
        Path file = trialFile(trialId);
        SafeFiles.requireNoLinkBelow(dir, file, "the result of trial " + trialId);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(matching(file, ResultsStore.readJson(file, TrialResult.class)));
    }

    /** A trial's file holds that trial: {@code trials/ID.json} the result of trial ID, and nothing else. */
    private static TrialResult matching(Path file, TrialResult trial) {
        String expected = file.getFileName().toString().replaceFirst("\\.json$", "");
        if (trial.pluginId() == null || !trial.trialId().equals(expected)) {
            throw new DigitbenchException(file + ": holds the result of trial " + (trial.pluginId() == null ? "(no plugin id)"
                    : trial.trialId()) + ", not of " + expected + " as its name says; remove the file or give it its trial's name");
        }
        return trial;
    }

    /** Every trial result in {@code trials/}, in file-name order. */
    public List<TrialResult> readTrials() {
        SafeFiles.requireNoLinkBelow(dir, trials(), "the trials of run " + runId());
        if (!Files.isDirectory(trials())) {
            return List.of();
        }
        List<TrialResult> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(trials())) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                all.add(matching(f, ResultsStore.readJson(f, TrialResult.class)));
            }
        } catch (IOException e) {
            throw new DigitbenchException("cannot list " + trials() + ": " + e.getMessage(), e);
        }
        return all;
    }
}
