package org.digitbench.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.config.ConfigFile;
import org.digitbench.data.IdxReader;
import org.digitbench.data.Mnist;
import org.digitbench.testkit.TestData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Bad input gets one clear line on stderr and a non-zero exit, never a bare stack trace. */
class MainTest {
    @TempDir
    Path dir;

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static void assertCleanError(CliRun r, int code, String expected) {
        assertEquals(code, r.code(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("\tat "), "stack trace printed: " + r.err());
    }

    @Test
    void aPluginThatCannotTakeTheImagesRefusesTheRunBeforeItsFolderIsMade() throws java.io.IOException {
        Path folder = java.nio.file.Files.createDirectories(dir.resolve("tiny"));
        org.digitbench.testkit.TestData.idxPair(folder, "train", org.digitbench.testkit.TestData.cycling(40, 10, 8, 8));
        org.digitbench.testkit.TestData.idxPair(folder, "t10k", org.digitbench.testkit.TestData.cycling(20, 10, 8, 8));
        Path out = dir.resolve("reports");
        assertCleanError(run("run", "--no-timing", "--dataset", "idx:" + folder, "-m", "smile-decision-tree,dl4j-cnn",
                "-P", "dl4j-cnn.architecture=lenet5", "--run-id", "tiny", "-o", out.toString()), 1,
                "digitbench: error: plugin dl4j-cnn: the lenet5 network cannot take 8x8 images");
        assertFalse(java.nio.file.Files.exists(out.resolve("tiny")), "refused before the run folder is made");
        assertCleanError(run("run", "--no-timing", "--dataset", "idx:" + folder, "--dataset", "mnist", "--data-dir", dir.toString(),
                "-m", "dl4j-cnn", "-P", "dl4j-cnn.architecture=lenet5", "-o", out.toString()), 1,
                "digitbench: error: plugin dl4j-cnn: the lenet5 network cannot take 8x8 images");
    }

    @Test
    void listShowsPluginsWithDefaults() {
        CliRun r = run("list");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("smile-svm-rbf  (Smile "), r.out());
        assertTrue(r.out().contains("C              = 10.0"), r.out());
    }

    /**
     * picocli formats every description line of an option with String.format: a bare '%' makes it print a warning and
     * the raw line. Checked on the annotations as written, in every command's class and its mixins' classes.
     */
    @Test
    void everyHelpLineFormats() {
        java.util.Set<Class<?>> classes = new java.util.LinkedHashSet<>();
        java.util.Deque<picocli.CommandLine.Model.CommandSpec> specs = new java.util.ArrayDeque<>();
        picocli.CommandLine root = new picocli.CommandLine(new Main());
        specs.add(root.getCommandSpec());
        root.getSubcommands().values().forEach(c -> specs.add(c.getCommandSpec()));
        while (!specs.isEmpty()) {
            var spec = specs.pop();
            if (spec.userObject() != null) {
                classes.add(spec.userObject().getClass());
            }
            specs.addAll(spec.mixins().values());
        }
        int lines = 0;
        for (Class<?> c : classes) {
            for (var field : c.getDeclaredFields()) {
                var option = field.getAnnotation(picocli.CommandLine.Option.class);
                var parameters = field.getAnnotation(picocli.CommandLine.Parameters.class);
                String[] description = option != null ? option.description() : parameters != null ? parameters.description() : new String[0];
                for (String line : description) {
                    lines++;
                    assertDoesNotThrow(() -> String.format(line), c.getSimpleName() + "." + field.getName() + ": " + line);
                }
            }
        }
        assertTrue(lines > 40, "found the options' descriptions: " + lines);
    }

    @Test
    void helpAndVersion() {
        assertTrue(run("--help").out().contains("run"));
        assertTrue(run("run", "--help").out().contains("--profile"));
        assertTrue(run("--version").out().contains("digitbench "));
    }

    @Test
    void reportNamesWhatIsMissing() throws java.io.IOException {
        assertCleanError(run("report", "-o", dir.resolve("nowhere").toString()), 1,
                "digitbench: error: no reports folder " + dir.resolve("nowhere"));
        assertCleanError(run("report", "-o", dir.toString()), 1, "digitbench: error: no runs in " + dir);
        assertCleanError(run("report", "-o", dir.toString(), "some-run"), 1,
                "digitbench: error: run 'some-run' not found: expected " + dir.resolve("some-run").resolve("results.json"));
        java.nio.file.Files.createDirectories(dir.resolve("broken"));
        java.nio.file.Files.writeString(dir.resolve("broken").resolve("results.json"), "{ not json");
        CliRun r = run("report", "-o", dir.toString(), "broken");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("digitbench: error: " + dir.resolve("broken").resolve("results.json") + ": not a valid results file"), r.err());
        assertCleanError(run("report", "-o", dir.toString(), "--compare", "a"), 2, "");
    }

    @Test
    void dataWritesADescriptorThatLaterReadsCheck() throws java.io.IOException {
        Path folder = java.nio.file.Files.createDirectories(dir.resolve("clothes"));
        org.digitbench.testkit.TestData.idxPair(folder, "train", org.digitbench.testkit.TestData.cycling(40, 10, 28, 28));
        org.digitbench.testkit.TestData.idxPair(folder, "t10k", org.digitbench.testkit.TestData.cycling(20, 10, 28, 28));
        assertCleanError(run("data", "--write-descriptor", "--classes", "a,b"), 1, "--write-descriptor describes an IDX folder");
        assertCleanError(run("data", "--dataset", "idx:" + folder, "--name", "x"), 1, "give it too");
        assertCleanError(run("data", "--dataset", "idx:" + folder, "--write-descriptor", "--classes", "a,b"), 1,
                "--classes names 2 classes, but the labels of " + folder + " go up to 9: name all 10");
        CliRun w = run("data", "--dataset", "idx:" + folder, "--write-descriptor", "--name", "fashion-mini",
                "--classes", "T-shirt/top,Trouser,Pullover,Dress,Coat,Sandal,Shirt,Sneaker,Bag,Ankle boot");
        assertEquals(0, w.code(), w.err());
        assertTrue(w.stdout().contains("Wrote " + folder.resolve("dataset.json") + ": fashion-mini, 4 files"), w.stdout());
        CliRun read = run("data", "--dataset", "idx:" + folder);
        assertEquals(0, read.code(), read.err());
        assertTrue(read.stdout().contains("fashion-mini-train"), read.stdout());
        assertCleanError(run("data", "--dataset", "idx:" + folder, "--write-descriptor"), 1, "exists; remove it first");
        org.digitbench.testkit.TestData.idxPair(folder, "train", org.digitbench.testkit.TestData.cycling(41, 10, 28, 28));
        assertCleanError(run("data", "--dataset", "idx:" + folder), 1,
                folder.resolve("train-images-idx3-ubyte.gz") + ": SHA-256 of the decompressed content is ");
    }

    @Test
    void reportAcrossDatasetsNamesWhatIsWrong() {
        assertCleanError(run("report", "-o", dir.toString(), "--across-datasets", "a"), 2, "");
        org.digitbench.results.store.ResultsStore.write(dir.resolve("one"), org.digitbench.report.ReportFixtures.results("fixture-tree"));
        assertCleanError(run("report", "-o", dir.toString(), "--across-datasets", "one", "two"), 1,
                "digitbench: error: run 'two' not found: expected " + dir.resolve("two").resolve("results.json"));
        org.digitbench.results.store.ResultsStore.write(dir.resolve("again"), org.digitbench.report.ReportFixtures.results("fixture-tree"));
        CliRun same = run("report", "-o", dir.toString(), "--across-datasets", "one", "again");
        assertEquals(1, same.code());
        assertTrue(same.err().startsWith("digitbench: error: runs one and again are on the same dataset"), same.err());
        CliRun both = run("report", "-o", dir.toString(), "--across-datasets", "one", "again", "--compare", "one", "again");
        assertEquals(1, both.code());
        assertTrue(both.err().contains("give one of them"), both.err());
    }

    @Test
    void timingNamesWhatIsMissing() throws java.io.IOException {
        assertCleanError(run("timing", "-o", dir.toString(), "some-run"), 1,
                "digitbench: error: run 'some-run' not found: expected " + dir.resolve("some-run").resolve("results.json"));
        Path old = dir.resolve("old");
        org.digitbench.results.store.ResultsStore.write(old, org.digitbench.report.ReportFixtures.results("fixture-tree"));
        assertCleanError(run("timing", "-o", dir.toString(), "old"), 1,
                "digitbench: error: " + old.resolve("config.json") + ": no such run configuration");
        Path older = dir.resolve("older");
        org.digitbench.results.store.ResultsStore.write(older, org.digitbench.report.ReportFixtures.results("fixture-tree"));
        java.nio.file.Files.writeString(older.resolve("config.json"), "{\"schemaVersion\": 2, \"run\": {\"profile\": \"quick\", "
                + "\"data\": {\"kind\": \"MNIST\"}, \"download\": true, \"trainSize\": 500}}");
        assertCleanError(run("timing", "-o", dir.toString(), "older"), 1, "digitbench: error: " + older.resolve("config.json")
                + ": a run configuration of an older digitbench (schema version 2, this one writes 3)");
        Path made = dir.resolve("made");
        org.digitbench.results.store.ResultsStore.write(made, org.digitbench.report.ReportFixtures.results("fixture-tree"));
        ConfigFile.write(made, new org.digitbench.config.RunConfig(org.digitbench.config.Profile.QUICK,
                java.util.List.of("fixture-network"), java.util.Map.of(), java.util.List.of(42L), new org.digitbench.config.RunConfig.DataChoice(org.digitbench.data.DataSource.mnist(Mnist.locate(dir, null)), false,
                org.digitbench.data.Normalization.UNIT, null, null, false), true, new org.digitbench.config.RunConfig.Output(true, dir, "made"), java.util.List.of("run")),
                org.digitbench.config.Execution.isolated(org.digitbench.config.Profile.QUICK));
        assertCleanError(run("timing", "-o", dir.toString(), "made", "-m", "nope"), 1,
                "digitbench: error: run made has no trial of plugin 'nope'");
        assertCleanError(run("timing", "-o", dir.toString(), "made"), 1,
                "digitbench: error: run made has no saved models to time; run it with --save-models");
        assertCleanError(run("timing", "-o", dir.toString(), "../made"), 1,
                "digitbench: error: timing '../made': a run id is a folder name in the output folder");
        assertCleanError(run("timing"), 2, "");
    }

    /**
     * A handed-over run folder names no place to work in: its config.json's MNIST folder (here one a download would
     * create) is not used on --resume; MNIST's folder comes from --data-dir (or the defaults), and the run's config.json
     * then records it. A config of a newer digitbench is called newer; an execution block that does not read is left out.
     */
    @Test
    void aResumedRunTakesMnistsFolderFromTheCommandLineNotFromItsFolder() throws java.io.IOException {
        Path handed = dir.resolve("handed");
        org.digitbench.results.store.ResultsStore.write(handed, org.digitbench.report.ReportFixtures.results("fixture-tree"));
        Path evil = dir.resolve("evil-target");
        var source = new org.digitbench.data.DataSource(org.digitbench.data.DataSource.Kind.MNIST, evil, "the default", false,
                null, null, null);
        ConfigFile.write(handed, new org.digitbench.config.RunConfig(org.digitbench.config.Profile.QUICK,
                java.util.List.of("smile-decision-tree"), java.util.Map.of(), java.util.List.of(42L),
                new org.digitbench.config.RunConfig.DataChoice(source, true, org.digitbench.data.Normalization.UNIT, null, null, false),
                false, new org.digitbench.config.RunConfig.Output(false, dir, "handed"), java.util.List.of("run")), null);
        Path empty = java.nio.file.Files.createDirectories(dir.resolve("empty-mnist"));
        CliRun r = run("run", "-o", dir.toString(), "--resume", "handed", "--data-dir", empty.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains(empty.toString()) && !r.err().contains(evil.toString()), r.err());
        assertFalse(java.nio.file.Files.exists(evil), "nothing was made where the folder said");
        assertTrue(java.nio.file.Files.readString(handed.resolve("config.json")).contains(empty.toString()),
                "config.json records the folder this resume used");

        java.nio.file.Files.writeString(handed.resolve("config.json"), "{\"schemaVersion\": 4, \"run\": {}}");
        assertCleanError(run("run", "-o", dir.toString(), "--resume", "handed"), 1, "digitbench: error: "
                + handed.resolve("config.json") + ": a run configuration of a newer digitbench (schema version 4, this one reads 3)");
    }

    @Test
    void anExecutionBlockThatDoesNotReadIsOnlyARecordAndIsLeftOut() throws java.io.IOException {
        Path made = dir.resolve("made");
        ConfigFile.write(made, new org.digitbench.config.RunConfig(org.digitbench.config.Profile.QUICK,
                java.util.List.of("smile-decision-tree"), java.util.Map.of(), java.util.List.of(42L),
                new org.digitbench.config.RunConfig.DataChoice(org.digitbench.data.DataSource.mnist(Mnist.locate(dir, null)), false,
                        org.digitbench.data.Normalization.UNIT, null, null, false),
                false, new org.digitbench.config.RunConfig.Output(false, dir, "made"), java.util.List.of("run")), null);
        Path file = made.resolve("config.json");
        String json = java.nio.file.Files.readString(file);
        java.nio.file.Files.writeString(file, json.replaceFirst("\"execution\" : null", "\"execution\" : {\"timeout\": \"soon\", "
                + "\"jobs\": -3}"));
        assertTrue(java.nio.file.Files.readString(file).contains("\"soon\""), "the block is in the file");
        ConfigFile.StoredConfig stored = ConfigFile.readStored(made);
        assertEquals(java.util.List.of("smile-decision-tree"), stored.run().pluginIds());
        assertEquals(null, stored.execution());
    }

    /** One bad run never breaks the others: a run whose plan has no seeds is named and skipped, the rest render. */
    @Test
    void aBrokenRunIsNamedAndTheOthersRender() throws java.io.IOException {
        Path good = dir.resolve("good");
        org.digitbench.results.store.ResultsStore.write(good, org.digitbench.report.ReportFixtures.results("fixture-tree"));
        Path bad = dir.resolve("bad");
        org.digitbench.results.store.ResultsStore.write(bad, org.digitbench.report.ReportFixtures.results("fixture-tree"));
        String json = java.nio.file.Files.readString(bad.resolve("results.json"));
        java.nio.file.Files.writeString(bad.resolve("results.json"),
                json.replaceFirst("\"seeds\" : \\[[^\\]]*\\]", "\"seeds\" : [ ]"));
        CliRun r = run("report", "-o", dir.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains(bad.resolve("results.json") + ": not a valid results file") && r.err().contains("plan.seeds is empty")
                && !r.err().contains("internal error"), r.err());
        assertTrue(java.nio.file.Files.isRegularFile(good.resolve("index.html")), "the good run rendered");
        assertTrue(java.nio.file.Files.isRegularFile(dir.resolve("index.html")), "and the index");
    }

    /** collect gathers what was submitted to Slurm; a local run is refused, and its results stay complete. */
    @Test
    void collectRefusesARunNotSubmittedToSlurm() throws java.io.IOException {
        Path local = dir.resolve("local");
        org.digitbench.results.store.ResultsStore.write(local, org.digitbench.report.ReportFixtures.results("fixture-tree"));
        String before = java.nio.file.Files.readString(local.resolve("results.json"));
        assertCleanError(run("collect", "-o", dir.toString(), "local"), 1,
                "digitbench: error: collect 'local': the run was not submitted to Slurm");
        assertEquals(before, java.nio.file.Files.readString(local.resolve("results.json")));
    }

    /** Options that would have done something else than asked are refused, each naming itself. */
    @Test
    void optionsThatSaidSomethingElseAreRefused() throws java.io.IOException {
        assertCleanError(run("run", "-m", ",", "--data-dir", dir.toString()), 1, "digitbench: error: -m : expected plugin ids");
        assertCleanError(run("run", "-m", "smile-mlp,,tribuo-xgboost", "--data-dir", dir.toString()), 1,
                "digitbench: error: -m smile-mlp,,tribuo-xgboost: expected plugin ids");
        assertCleanError(run("run", "--jobs", "0", "--data-dir", dir.toString()), 1, "digitbench: error: --jobs 0: expected at least 1");
        assertCleanError(run("run", "--seed", "9223372036854775807", "--seeds", "2", "--data-dir", dir.toString()), 1,
                "digitbench: error: --seed 9223372036854775807 --seeds 2: the seeds from 9223372036854775807 on would pass");
        Path tiny = java.nio.file.Files.createDirectories(dir.resolve("tiny"));
        org.digitbench.testkit.TestData.idxPair(tiny, "train", org.digitbench.testkit.TestData.cycling(40, 10, 8, 8));
        org.digitbench.testkit.TestData.idxPair(tiny, "t10k", org.digitbench.testkit.TestData.cycling(20, 10, 8, 8));
        Path file = java.nio.file.Files.writeString(dir.resolve("afile"), "x");
        assertCleanError(run("run", "-o", file.toString(), "-m", "smile-decision-tree", "--no-timing", "--dataset", "idx:" + tiny),
                1, "digitbench: error: the output folder " + file + " (-o) is a file, not a folder");
    }

    /** Slurm's options are checked before anything is made: -o sbatch cannot hold, a config that is a device. */
    @Test
    void slurmPathsAndConfigAreCheckedBeforeTheRunFolderIsMade() {
        Path spaced = dir.resolve("a b");
        assertCleanError(run("run", "--executor", "slurm", "-o", spaced.toString(), "-m", "smile-decision-tree", "--data-dir",
                dir.toString()), 1, "digitbench: error: -o " + spaced + " has a space in its path");
        assertFalse(java.nio.file.Files.exists(spaced), "no folder was made");
        Path dollar = dir.resolve("s$(touch y)");
        assertCleanError(run("run", "--executor", "slurm", "-o", dollar.toString(), "--data-dir", dir.toString()), 1,
                "has the character '$' in its path");
        assertFalse(java.nio.file.Files.exists(dollar), "no folder was made");
        assertCleanError(run("run", "--executor", "slurm", "--slurm-config", "/dev/zero", "--data-dir", dir.toString()), 1,
                "digitbench: error: --slurm-config /dev/zero: not a regular file");
    }

    @Test
    void seedsAreACountOrAList() {
        assertEquals(java.util.List.of(42L), RunCommand.seeds(42, null));
        assertEquals(java.util.List.of(42L, 43L, 44L), RunCommand.seeds(42, "3"));
        assertEquals(java.util.List.of(7L, 1L, 99L), RunCommand.seeds(42, "7, 1,99"));
        assertCleanError(run("run", "--seeds", "0", "--data-dir", dir.toString()), 1,
                "digitbench: error: --seeds 0: expected a count from 1 to 100, or a list such as 1,2,3");
        assertCleanError(run("run", "--seeds", "1,x", "--data-dir", dir.toString()), 1,
                "digitbench: error: --seeds 1,x: expected a count, or a comma-separated list of integers");
        assertCleanError(run("run", "--seeds", "1,2,1", "--data-dir", dir.toString()), 1,
                "digitbench: error: --seeds 1,2,1: a seed is repeated");
    }

    @Test
    void resumeNamesWhatIsMissingAndWhatCannotBeChanged() {
        assertCleanError(run("run", "--resume", "gone", "-o", dir.toString()), 1,
                "digitbench: error: run 'gone' not found: expected " + dir.resolve("gone").resolve("results.json"));
        assertCleanError(run("run", "--resume", "gone", "-m", "smile-mlp"), 1,
                "digitbench: error: --resume uses the run's own configuration: --plugins cannot be given with it");
        assertCleanError(run("run", "--timeout", "soon", "--data-dir", dir.toString()), 2, "");
        assertCleanError(run("run", "--in-process", "--timeout", "5m", "--data-dir", dir.toString()), 1,
                "digitbench: error: --timeout needs trial JVMs: it cannot be used with --in-process");
        assertCleanError(run("run", "--resume", "../../elsewhere/run", "-o", dir.toString()), 1,
                "digitbench: error: --resume '../../elsewhere/run': a run id is a folder name in the output folder");
        assertCleanError(run("run", "--plugin-path", dir.resolve("no-such.jar").toString(), "--data-dir", dir.toString()), 1,
                "digitbench: error: plugin path " + dir.resolve("no-such.jar") + " does not exist; expected a jar or a folder of classes");
    }

    @Test
    void dryRunPrintsTheTrialsAndRunsNothing() {
        CliRun r = run("run", "--dry-run", "-m", "smile-decision-tree,tribuo-logistic-regression", "--seeds", "2",
                "-P", "tribuo-logistic-regression.epochs=7", "-o", dir.resolve("out").toString(), "--data-dir", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("2 plugins × 2 seeds = 4 trials"), r.out());
        assertTrue(r.out().contains("no reference trial with these hyper-parameters"), "an override has no reference: " + r.out());
        assertTrue(r.out().contains("Expected total:"), r.out());
        assertTrue(r.out().matches("(?s).*smile-decision-tree +42 +\\d.*"), "a default trial is estimated from the reference: " + r.out());
        assertFalse(Files.exists(dir.resolve("out")), "a dry run writes nothing");
    }

    @Test
    void repeatedPluginsAndParametersAreRefused() {
        assertCleanError(run("run", "-m", "smile-mlp,smile-mlp", "--data-dir", dir.toString()), 1,
                "-m names a plugin twice: [smile-mlp, smile-mlp]");
        assertCleanError(run("run", "-P", "smile-mlp.epochs=2", "-P", "smile-mlp.epochs=3", "--data-dir", dir.toString()), 1,
                "-P smile-mlp.epochs is given twice");
    }

    @Test
    void unknownPlugin() {
        assertCleanError(run("run", "--plugins", "smile-svm", "--data-dir", dir.toString()), 1,
                "digitbench: error: unknown plugin 'smile-svm'; known plugins: ");
    }

    @Test
    void invalidHyperparameter() {
        assertCleanError(run("run", "-m", "smile-svm-rbf", "-P", "smile-svm-rbf.C=-1", "--data-dir", dir.toString()), 1,
                "digitbench: error: plugin smile-svm-rbf: hyper-parameter 'C' must be a number > 0, got '-1'");
        assertCleanError(run("run", "-P", "smile-mlp.hidden=256,x", "--data-dir", dir.toString()), 1,
                "hyper-parameter 'hidden' must be layer sizes");
        assertCleanError(run("run", "-P", "smile-mlp", "--data-dir", dir.toString()), 1,
                "-P 'smile-mlp': expected PLUGIN.NAME=VALUE");
        assertCleanError(run("run", "-m", "smile-mlp", "-P", "smile-svm-rbf.C=2", "--data-dir", dir.toString()), 1,
                "hyper-parameters are set for plugin 'smile-svm-rbf', which is not in this run");
    }

    @Test
    void wrongOptions() {
        assertCleanError(run("run", "--profile", "medium"), 1, "unknown profile 'medium'; expected one of quick, full");
        assertCleanError(run("run", "--normalization", "minmax"), 1, "unknown normalisation 'minmax'");
        assertCleanError(run("run", "--train-size", "many"), 2, "Invalid value for option '--train-size'");
        assertCleanError(run("run", "--train-size", "3"), 1, "--train-size must be at least 10, got 3");
        assertCleanError(run("frobnicate"), 2, "Unmatched argument");
        assertCleanError(run(), 2, "missing command");
        assertCleanError(run("run", "--dataset", "fashion", "-o", dir.toString()), 1,
                "--dataset fashion: expected mnist, idx:DIR (a folder with the four IDX files) or csv:TRAIN[,TEST]");
        assertCleanError(run("run", "--test-fraction", "0.2", "-o", dir.toString()), 1, "--test-fraction is for --dataset csv:TRAIN");
        assertCleanError(run("run", "--dataset", "idx:" + dir, "--data-dir", dir.toString(), "-o", dir.toString()), 1,
                "--data-dir is MNIST's folder");
        assertCleanError(run("run", "--dataset", "idx:" + dir.resolve("none"), "-m", "smile-decision-tree", "-o",
                dir.resolve("out").toString()), 1, "no such folder");
        assertCleanError(run("predict", "--run", "r", "--submission", "s.csv", "-o", dir.toString()), 1, "--submission goes with --csv FILE");
        assertCleanError(run("predict", "--run", "r", "-o", dir.toString()), 1, "nothing to predict");
    }

    @Test
    void missingDataDirectory() {
        Path missing = dir.resolve("mnist");
        assertCleanError(run("run", "--data-dir", missing.toString(), "-o", dir.resolve("reports").toString()), 1,
                "digitbench: error: data directory '" + missing + "' (from --data-dir) does not exist");
        assertCleanError(run("data", "--data-dir", missing.toString()), 1, "does not exist");
    }

    @Test
    void corruptDataFile() throws IOException {
        for (Mnist.File f : Mnist.File.values()) {
            Files.write(dir.resolve(f.gzName()), new byte[]{1, 2, 3});
        }
        // a truncated images file
        TestData.write(dir.resolve(Mnist.File.TRAIN_IMAGES.gzName()),
                TestData.idxImages(IdxReader.IMAGES_MAGIC, 60000, 28, 28, new byte[100]), true);
        CliRun r = run("run", "--data-dir", dir.toString(), "--no-download", "-o", dir.resolve("reports").toString());
        assertCleanError(r, 1, "train-images-idx3-ubyte.gz: truncated: the header promises 47040000 pixel bytes but the file has 100");
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void csvFilesAreCheckedThroughTheCli() throws IOException {
        StringBuilder header = new StringBuilder("label");
        StringBuilder good = new StringBuilder("3");
        for (int j = 0; j < 784; j++) {
            header.append(",pixel").append(j);
            good.append(",").append(j % 256);
        }
        Path ok = Files.writeString(dir.resolve("ok.csv"), header + "\n" + good + "\n");
        CliRun r = run("data", "--csv", ok.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("ok.csv: 1 images of 28x28, pixel values 0..255"), r.out());

        Path narrow = Files.writeString(dir.resolve("narrow.csv"), header + "\n" + good + "\n3,1,2\n");
        assertCleanError(run("data", "--csv", narrow.toString()), 1, narrow + ": line 3 has 3 values, expected 785");
        Path text = Files.writeString(dir.resolve("text.csv"), header + "\n" + good.toString().replace(",5,", ",five,") + "\n");
        assertCleanError(run("data", "--csv", text.toString()), 1, "column pixel5: 'five' is not a number");
        Path range = Files.writeString(dir.resolve("range.csv"), header + "\n" + good.toString().replace(",7,", ",700,") + "\n");
        assertCleanError(run("data", "--csv", range.toString()), 1, "column pixel7: value 700 is outside the pixel range 0..255");
        assertCleanError(run("data", "--csv", dir.resolve("none.csv").toString()), 1, "none.csv: file not found");
    }

    @Test
    void serveNamesBadOptionsAndMissingRuns() {
        assertCleanError(run("serve", "--run", "r", "-o", dir.toString(), "--port", "70000"), 1, "--port 70000: expected 0 to 65535");
        assertCleanError(run("serve", "--run", "r", "-o", dir.toString(), "--host", "no-such-host.invalid"), 1,
                "--host no-such-host.invalid: unknown address");
        assertCleanError(run("serve", "--run", "r", "-o", dir.toString()), 1, "digitbench: error: run 'r' not found: expected " + dir.resolve("r").resolve("results.json"));
        assertCleanError(run("serve", "-o", dir.toString()), 2, "Missing required option: '--run=RUN_ID'");
        assertTrue(run("serve", "--help").out().contains("POST /api/predict"));
    }

    /** A run folder holding one saved model (or, with {@code broken}, a file that is not one). */
    private Path savedRun(String id, boolean broken) throws IOException {
        Path run = dir.resolve(id);
        org.digitbench.results.store.ResultsStore.write(run, org.digitbench.report.ReportFixtures.results("x"));
        Files.createDirectories(run.resolve("models"));
        var plugin = org.digitbench.api.PluginRegistry.discover().get("tribuo-logistic-regression");
        if (broken) {
            Files.writeString(run.resolve("models/lr.model"), "not a model");
        } else {
            plugin.train(TestData.synthetic(20, 1), plugin.resolve(java.util.Map.of()), 3).save(run.resolve("models/lr.model"));
        }
        var manifest = new org.digitbench.results.store.SavedModels(id, "unit", null, null, 28, 28, java.util.List.of(),
                java.util.List.of(new org.digitbench.results.store.SavedModels.Entry(plugin.id(), plugin.library(), "models/lr.model", java.util.Map.of(), 3, 0.9, null)), java.util.List.of());
        Files.writeString(run.resolve(org.digitbench.results.store.SavedModels.FILE), org.digitbench.results.store.ResultsStore.toJson(manifest));
        return run;
    }

    @Test
    void predictReadsNoDeviceAndFailsWithoutAModel() throws IOException {
        savedRun("good", false);
        savedRun("bad", true);
        Path png = Files.write(dir.resolve("one.png"), TestData.png(TestData.blackBarOnWhite(120, 160, 55, 20, 12, 120)));
        CliRun ok = run("predict", "-o", dir.toString(), "--run", "good", png.toString());
        assertEquals(0, ok.code(), ok.err());
        assertCleanError(run("predict", "-o", dir.toString(), "--run", "good", "/dev/zero"), 1,
                "/dev/zero: not a regular file (a device, pipe or socket)");
        assertCleanError(run("predict", "-o", dir.toString(), "--run", "bad", png.toString()), 1,
                "none of the 1 saved models of run bad could be loaded");
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not a jar");
        assertCleanError(run("predict", "-o", dir.toString(), "--plugin-path", notes.toString(), "--run", "good", png.toString()), 1,
                "plugin path " + notes + " is neither a jar nor a folder of classes");
    }

    @Test
    void aDataDirectoryThatIsAFileOrALoopIsNamedAsSuch() throws IOException {
        Path file = Files.writeString(dir.resolve("mnist"), "a file");
        assertCleanError(run("run", "-o", dir.resolve("out").toString(), "--data-dir", file.toString(), "-m", "smile-decision-tree"), 1, "is a file, not a folder");
        Path loop = dir.resolve("loop");
        Files.createSymbolicLink(loop, loop);
        assertCleanError(run("run", "-o", dir.resolve("out").toString(), "--data-dir", loop.toString(), "-m", "smile-decision-tree"), 1, "a symbolic link that leads nowhere (a loop)");
    }

    @Test
    void reportOfAllRunsGoesOnPastABrokenOne() throws IOException {
        org.digitbench.results.store.ResultsStore.write(dir.resolve("a-broken"), org.digitbench.report.ReportFixtures.results("x"));
        Files.writeString(dir.resolve("a-broken").resolve("results.json"), "{ not json");
        org.digitbench.results.store.ResultsStore.write(dir.resolve("b-good"), org.digitbench.report.ReportFixtures.results("fixture-tree"));
        CliRun r = run("report", "-o", dir.toString());
        assertCleanError(r, 1, dir.resolve("a-broken").resolve("results.json") + ": not a valid results file");
        assertTrue(r.err().contains("1 of 2 runs could not be rendered"), r.err());
        assertTrue(Files.isRegularFile(dir.resolve("b-good").resolve("index.html")), "the run after the broken one is rendered");
        assertTrue(Files.isRegularFile(dir.resolve("index.html")), "and the index");
    }

    @Test
    void slurmOptionsAreCheckedBeforeAnyDataIsRead() throws IOException {
        String out = dir.resolve("reports").toString();
        assertCleanError(run("run", "--partition", "cpu", "-o", out), 1, "need --executor slurm");
        assertCleanError(run("run", "--executor", "pbs", "-o", out), 1, "--executor pbs: expected local or slurm");
        Path conf = dir.resolve("site.properties");
        Files.writeString(conf, "partition=cpu\nnodes=4\n");
        assertCleanError(run("run", "--executor", "slurm", "--slurm-config", conf.toString(), "-o", out), 1,
                "--slurm-config " + conf + ": unknown key 'nodes'");
        assertCleanError(run("run", "--executor", "slurm", "--mem-per-trial", "lots", "-o", out), 1, "--mem-per-trial 'lots'");
        assertCleanError(run("run", "--executor", "slurm", "--sbatch-arg=--array=1-3", "-o", out), 1, "digitbench sets --array");
        Files.writeString(conf, "throttle=many\n");
        assertCleanError(run("run", "--executor", "slurm", "--slurm-config", conf.toString(), "-o", out), 1, "throttle=many");
        assertFalse(Files.exists(dir.resolve("reports")), "nothing was written");
        assertCleanError(run("collect", "nothing-here", "-o", out), 1, "nothing-here");
    }
}
