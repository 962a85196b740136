package org.digitbench.run;

import org.digitbench.api.DigitbenchException;
import org.digitbench.api.SourceFile;
import org.digitbench.config.CheckedConfig;
import org.digitbench.config.Execution;
import org.digitbench.config.RunConfig;
import org.digitbench.data.DataSource;
import org.digitbench.data.Mnist;
import org.digitbench.data.MnistFetcher;
import org.digitbench.results.RunResults;
import org.digitbench.results.RunStatus;
import org.digitbench.results.store.DatasetsFile;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.results.store.RunFolder;
import org.digitbench.trial.SuiteData;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A run over several datasets ({@code --dataset} given more than once): one trial per dataset, plugin and seed.
 * Its folder holds {@code datasets.json} (this run's configuration and its datasets) and one run folder per
 * dataset, named by the dataset's key, each an ordinary run (its own results.json, report, saved models and
 * normalisation fitted on its own training set), so everything that reads a run reads a dataset's part as
 * {@code RUN/DATASET}. The run's own page ({@code index.html}) has a section per dataset and compares the models
 * across them. Every dataset is loaded and checked before the first trial; the datasets then run one after the
 * other, and a resumed run goes on with the first part that is not complete.
 */
public final class SeveralDatasets {
    /** The version of {@code datasets.json}. */
    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /**
     * A dataset of the run.
     *
     * @param key  the folder of its run inside this run's folder
     * @param data the dataset and its sizes and normalisation
     */
    public record Part(String key, RunConfig.DataChoice data) {
        public Part {
            RunFolder.checkId(key, "datasets.json: a dataset's key");
            java.util.Objects.requireNonNull(data, "data");
        }
    }

    /**
     * {@code datasets.json}.
     *
     * @param config    what every dataset's run measures (its dataset is the first part's)
     * @param execution how the run was first run, for provenance
     */
    public record Manifest(int schemaVersion, String runId, Instant startedAt, RunConfig config, Execution execution,
                           List<Part> parts) {
        public Manifest {
            parts = List.copyOf(parts);
        }

        public List<String> keys() {
            return parts.stream().map(Part::key).toList();
        }
    }

    private final Runner runner;
    private final Execution execution;
    private final PrintStream out;
    private final PrintStream err;
    private final Consumer<Path> afterPart;

    /** @param afterPart called with this run's folder after each dataset's run (the command line renders the page) */
    public SeveralDatasets(Runner runner, Execution execution, PrintStream out, PrintStream err, Consumer<Path> afterPart) {
        this.runner = runner;
        this.execution = execution;
        this.out = out;
        this.err = err;
        this.afterPart = afterPart;
    }

    /** Reads {@code dir/datasets.json} whole, after {@link DatasetsFile#read} has checked it. */
    public static Manifest read(Path dir) {
        DatasetsFile.read(dir);
        Path file = dir.resolve(RunFolder.DATASETS);
        Manifest m = ResultsStore.readJson(file, Manifest.class);
        if (m.config() == null) {
            throw new DigitbenchException(file + ": not a run over several datasets (expected its configuration)");
        }
        return m;
    }

    /**
     * Each dataset's key: the dataset's folder or file name, made a plain folder name; a repeated one gets
     * {@code -2}, {@code -3}, ...
     */
    public static List<String> keys(List<DataSource> sources) {
        List<String> keys = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (DataSource s : sources) {
            String name = switch (s.kind()) {
                case MNIST -> "mnist";
                case IDX -> s.dir().toAbsolutePath().normalize().getFileName() == null ? "idx"
                        : s.dir().toAbsolutePath().normalize().getFileName().toString();
                case CSV -> s.train().getFileName().toString().replaceFirst("(\\.csv)?(\\.gz)?$", "");
            };
            String key = name.replaceAll("[^A-Za-z0-9._-]", "-").replaceFirst("^[^A-Za-z0-9]+", "");
            key = key.isEmpty() ? "dataset" : key;
            String unique = key;
            for (int k = 2; !taken.add(unique.toLowerCase(Locale.ROOT)); k++) {
                unique = key + "-" + k;
            }
            keys.add(unique);
        }
        return keys;
    }

    /**
     * Runs {@code base} on each of {@code datasets}: checks the plugins and loads every dataset first (a bad file
     * is named before anything is trained), then runs the datasets one after the other.
     */
    public List<Runner.Outcome> run(RunConfig base, List<RunConfig.DataChoice> datasets) {
        if (datasets.size() < 2) {
            throw new IllegalArgumentException("a run over several datasets needs two or more");
        }
        CheckedConfig checked = runner.check(base);
        List<String> keys = keys(datasets.stream().map(RunConfig.DataChoice::source).toList());
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < datasets.size(); i++) {
            parts.add(new Part(keys.get(i), datasets.get(i)));
        }
        checkData(checked, parts);
        Instant started = Instant.now();
        String runId = base.runId() != null ? base.runId() : RUN_ID_TIME.format(started) + "-" + base.profile().id();
        RunFolder folder = RunFolder.create(base.outputDir(), runId, base.runId() != null);
        RunConfig config = base.withRunId(folder.runId()).onDataset(datasets.getFirst(), base.outputDir(), folder.runId());
        Manifest manifest = new Manifest(DatasetsFile.SCHEMA_VERSION, folder.runId(), started, config, execution, parts);
        try (RunFolder.Lock lock = folder.lock("digitbench run (several datasets)")) {
            ResultsStore.writeJson(folder.dir().resolve(RunFolder.DATASETS), manifest);
            return runParts(folder, manifest, null);
        }
    }

    /** Goes on with a run over several datasets: resumes each dataset's run that is not complete, starts those not begun. */
    public List<Runner.Outcome> resume(RunFolder folder) {
        return resume(folder, Mnist.locate(null));
    }

    /** As {@link #resume(RunFolder)}, with MNIST in {@code mnist}, never where the run folder says it is. */
    public List<Runner.Outcome> resume(RunFolder folder, Mnist.Location mnist) {
        Manifest manifest = read(folder.dir());
        try (RunFolder.Lock lock = folder.lock("digitbench run --resume (several datasets)")) {
            return runParts(folder, manifest, mnist);
        }
    }

    /** @param mnist where MNIST is on a resume (the run's manifest is then not trusted with it), {@code null} on a start */
    private List<Runner.Outcome> runParts(RunFolder folder, Manifest manifest, Mnist.Location mnist) {
        out.printf("Run %s over %d datasets: %s (a run folder each, in %s)%n", manifest.runId(), manifest.parts().size(),
                String.join(", ", manifest.keys()), folder.dir());
        runner.resumeHint(manifest.runId(), folder.dir().getParent());
        List<Runner.Outcome> outcomes = new ArrayList<>();
        int n = 0;
        for (Part part : manifest.parts()) {
            n++;
            Path dir = folder.dir().resolve(part.key());
            RunConfig config = manifest.config().onDataset(part.data(), folder.dir(), part.key());
            config = mnist == null ? config : config.withMnistAt(mnist);
            out.printf("%nDataset %d of %d: %s (%s)%n", n, manifest.parts().size(), part.key(), part.data().source().spec());
            Runner.Outcome outcome;
            if (Files.isRegularFile(dir.resolve(RunFolder.RESULTS))) {
                RunResults done = ResultsStore.read(dir.resolve(RunFolder.RESULTS));
                Runner.Outcome kept = new Runner.Outcome(dir.resolve(RunFolder.RESULTS), done);
                if (done.status() == RunStatus.COMPLETE && kept.allSucceeded()) {
                    out.println("Already complete: " + done.trials().size() + " trials");
                    outcome = kept;
                } else {
                    outcome = runner.resume(RunFolder.at(dir), mnist == null ? Mnist.locate(null) : mnist);
                }
            } else if (Files.isDirectory(dir)) {
                outcome = runner.startIn(RunFolder.at(dir), config);
            } else {
                outcome = runner.run(config);
            }
            outcomes.add(outcome);
            afterPart.accept(folder.dir());
        }
        return outcomes;
    }

    /**
     * Loads each dataset as its run will, so that a missing or bad file, or images a plugin cannot take, fail before the
     * first trial, and refuses the same files given twice (a comparison across datasets needs different ones).
     */
    private void checkData(CheckedConfig checked, List<Part> parts) {
        RunConfig base = checked.config();
        Map<List<String>, String> seen = new LinkedHashMap<>();
        for (Part part : parts) {
            RunConfig config = base.onDataset(part.data(), base.outputDir(), base.runId());
            out.println("Checking " + part.data().source().describe());
            SuiteData data = SuiteData.prepare(config, part.data().download() ? Optional.of(new MnistFetcher(err)) : Optional.empty());
            data.requireLearnableBy(checked.params());
            List<String> sums = new ArrayList<>();
            data.train().sources().stream().map(SourceFile::sha256).forEach(sums::add);
            sums.add("|");
            data.test().sources().stream().map(SourceFile::sha256).forEach(sums::add);
            String before = seen.putIfAbsent(sums, part.data().source().spec());
            if (before != null) {
                throw new DigitbenchException("--dataset " + before + " and --dataset " + part.data().source().spec()
                        + " are the same files (the same SHA-256 sums): a run over several datasets needs different ones");
            }
        }
    }
}
