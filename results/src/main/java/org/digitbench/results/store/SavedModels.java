package org.digitbench.results.store;

import org.digitbench.api.DigitbenchException;
import org.digitbench.api.SourceFile;
import org.digitbench.data.Normalization;
import org.digitbench.results.RunResults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code models/manifest.json}: what a run's saved models need to be used on new images, so that a
 * model is only ever fed pixels prepared the way its training images were.
 *
 * @param normalization the normalisation's id
 * @param mean          z-score only: the training set's per-pixel means, else null
 * @param std           z-score only: the training set's per-pixel standard deviations, else null
 * @param height        image height the models take
 * @param width         image width
 * @param trainingData  the training files with their SHA-256 sums
 * @param models        the saved models
 * @param classNames    the dataset's class names by label (from its descriptor), or empty
 */
public record SavedModels(String runId, String normalization, double[] mean, double[] std, int height, int width,
                          List<SourceFile> trainingData, List<Entry> models, List<String> classNames) {
    public SavedModels {
        classNames = classNames == null ? List.of() : List.copyOf(classNames); // manifests written before class names
    }

    public static final String FILE = "models/manifest.json";

    /**
     * One saved model: its file relative to the run folder, and how it was made.
     *
     * @param sha256 the file's SHA-256 as the run wrote it, checked before the file is read (null in manifests written
     *               before it was recorded: such a file is read unchecked)
     */
    public record Entry(String pluginId, String library, String file, Map<String, Object> hyperparameters, long seed,
                        double accuracy, String sha256) {
    }

    /** The SHA-256 of a file, in hex. */
    public static String sha256(Path file) {
        try (var in = Files.newInputStream(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            throw new DigitbenchException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Refuses the model file of {@code entry} when it is not the file the run saved (by its recorded SHA-256). */
    public static void requireUnchanged(Entry entry, Path file) {
        if (entry.sha256() == null) {
            return;
        }
        String now = sha256(file);
        if (!now.equalsIgnoreCase(entry.sha256())) {
            throw new DigitbenchException(FILE + ": the file of " + entry.pluginId() + ", " + entry.file() + ", has SHA-256 "
                    + now + ", not the " + entry.sha256() + " the run recorded: it changed or was swapped since, so it is not read");
        }
    }

    public static void write(Path runDir, RunResults results, Normalization.Fitted fitted, int height, int width) {
        List<Entry> saved = results.mainTrials().stream().filter(m -> m.ok() && m.modelFile() != null)
                .map(m -> new Entry(m.pluginId(), m.plugin().library(), m.modelFile(), m.plugin().hyperparameters(), m.seed(),
                        m.metrics().accuracy(), sha256(RunFolder.at(runDir).inside(m.modelFile(), "the model of " + m.trialId()))))
                .toList();
        if (saved.isEmpty()) {
            return;
        }
        ResultsStore.writeJson(runDir.resolve(FILE), new SavedModels(results.runId(), fitted.kind().id(), fitted.mean(),
                fitted.std(), height, width, results.data().train().sources(), saved, results.data().classNames()));
    }

    /** Reads a run's manifest, or says how to get one. */
    public static SavedModels read(Path runDir) {
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new DigitbenchException("run " + runDir.getFileName() + " has no saved models (no " + FILE
                    + "): run it again with --save-models");
        }
        SavedModels manifest = ResultsStore.readJson(file, SavedModels.class);
        manifest.check(file);
        return manifest;
    }

    /** A manifest is data from a folder: everything the models will be given is checked before any is loaded. */
    private void check(Path file) {
        java.util.function.Consumer<String> bad = why -> {
            throw new DigitbenchException(file + ": not a valid manifest of saved models: " + why);
        };
        if (models == null || models.isEmpty()) {
            bad.accept("it lists no models");
        }
        for (Entry e : models) {
            if (e == null || e.pluginId() == null || e.file() == null) {
                bad.accept("a model entry lacks its plugin id or file");
            }
        }
        if (height < 1 || width < 1 || (long) height * width > 4096L * 4096) {
            bad.accept("image size " + height + "x" + width);
        }
        try {
            Normalization kind = Normalization.of(String.valueOf(normalization));
            if (kind == Normalization.ZSCORE && (mean == null || std == null || mean.length != height * width
                    || std.length != height * width)) {
                bad.accept("zscore needs " + height * width + " means and standard deviations");
            }
        } catch (IllegalArgumentException | DigitbenchException ex) {
            bad.accept(ex.getMessage());
        }
    }

    /** A label as the dataset names it: "3 · Dress" where it has class names, else the label alone. */
    public String className(int label) {
        return label >= 0 && label < classNames.size() ? label + " · " + classNames.get(label) : String.valueOf(label);
    }

    /** The normalisation the models were trained with. */
    public Normalization.Fitted fitted() {
        return Normalization.Fitted.of(Normalization.of(normalization), mean, std);
    }
}
