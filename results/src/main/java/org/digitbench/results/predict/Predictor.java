package org.digitbench.results.predict;

import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.Dataset;
import org.digitbench.api.DigitbenchException;
import org.digitbench.api.PluginRegistry;
import org.digitbench.api.TrainedModel;
import org.digitbench.data.DigitPreprocessor;
import org.digitbench.data.Normalization;
import org.digitbench.results.store.RunFolder;
import org.digitbench.results.store.SavedModels;
import org.digitbench.results.text.Format;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's saved models, loaded once, predicting users' images side by side: each image is made an
 * MNIST image of the run's image size ({@link DigitPreprocessor}), normalised as the models' training images were (from the
 * manifest), and given to every model; the majority vote goes with it. A model that fails to load or
 * to predict is reported as such, and the others go on.
 *
 * <p>Plugins' models need not be thread-safe (a DL4J network, for one, is not documented to be): the
 * predictor lets one thread at a time use each model; concurrent requests wait for a model, not for each other.
 */
public final class Predictor {
    /** A model of the run: loaded, or why not. */
    public record Model(SavedModels.Entry entry, TrainedModel model, String error) {
    }

    /**
     * One model's answer for one image: the label (and its name, "3 · Dress", where the dataset names its classes) and
     * class probabilities (when it has them), or an error.
     */
    public record ModelPrediction(String pluginId, String library, Integer label, String className, double[] probabilities,
                                  String error) {
    }

    /**
     * What the models say about one image. The fields of {@link Source} and {@link Majority} stand at the top level of
     * its JSON.
     *
     * @param source   the picture as it was given
     * @param height   the image's height as the models saw it
     * @param width    its width
     * @param pixels   the image the models saw (the run's image size, 28×28 for MNIST), raw 0..255
     * @param models   each model's answer
     * @param majority the majority vote
     */
    public record Prediction(@JsonUnwrapped Source source, int height, int width, float[] pixels,
                             List<ModelPrediction> models, @JsonUnwrapped Majority majority) {
        public String image() {
            return source.image();
        }

        public int sourceWidth() {
            return source.sourceWidth();
        }

        public int sourceHeight() {
            return source.sourceHeight();
        }

        public boolean inverted() {
            return source.inverted();
        }

        public Integer vote() {
            return majority.vote();
        }

        public String voteClass() {
            return majority.voteClass();
        }

        public int votes() {
            return majority.votes();
        }
    }

    /**
     * A picture as it was given.
     *
     * @param image        its name
     * @param sourceWidth  its width
     * @param sourceHeight its height
     * @param inverted     whether it was dark on light, and inverted
     */
    public record Source(String image, int sourceWidth, int sourceHeight, boolean inverted) {
    }

    /**
     * The models' majority vote.
     *
     * @param vote      the label most models gave (ties: the smallest), or null when no model answered
     * @param voteClass the vote as the dataset names it, or null
     * @param votes     how many models gave it
     */
    public record Majority(Integer vote, String voteClass, int votes) {
    }

    private final SavedModels manifest;
    private final Normalization.Fitted normalization;
    private final List<Model> models;

    private Predictor(SavedModels manifest, List<Model> models) {
        this.manifest = manifest;
        this.normalization = manifest.fitted();
        this.models = List.copyOf(models);
    }

    /**
     * Loads the saved models of the run in {@code runDir}. Every file the manifest names must be a file in the
     * run's {@code models/} folder: a manifest is data from a folder someone may have handed over.
     */
    public static Predictor open(Path runDir, PluginRegistry registry) {
        SavedModels manifest = SavedModels.read(runDir);
        RunFolder folder = RunFolder.at(runDir);
        List<Model> loaded = new ArrayList<>();
        for (SavedModels.Entry e : manifest.models()) {
            try {
                Path file = folder.inside(e.file(), SavedModels.FILE + ": the file of " + e.pluginId());
                if (!file.startsWith(runDir.resolve("models").normalize())) {
                    throw new org.digitbench.api.DigitbenchException(SavedModels.FILE + ": the file of " + e.pluginId() + ", '"
                            + e.file() + "', is not in the run's models/ folder");
                }
                ClassifierPlugin plugin = registry.get(e.pluginId());
                SavedModels.requireUnchanged(e, file);
                loaded.add(new Model(e, plugin.load(file), null));
            } catch (org.digitbench.api.DigitbenchException ex) {
                loaded.add(new Model(e, null, ex.getMessage()));
            } catch (Exception | LinkageError | OutOfMemoryError ex) {
                loaded.add(new Model(e, null, "cannot load " + e.file() + ": " + Format.failure(ex)));
            }
        }
        return new Predictor(manifest, loaded);
    }

    public List<Model> models() {
        return models;
    }

    public SavedModels manifest() {
        return manifest;
    }

    /**
     * The model that labels a whole file: the one named, or the loaded model with the highest test accuracy in its run.
     *
     * @param pluginId a plugin id, or {@code null} for the most accurate model
     */
    public Model choose(String pluginId) {
        List<Model> loaded = models.stream().filter(m -> m.model() != null).toList();
        if (pluginId == null) {
            return loaded.stream().max(java.util.Comparator.comparingDouble(m -> m.entry().accuracy()))
                    .orElseThrow(() -> new org.digitbench.api.DigitbenchException("run " + manifest.runId() + " has no model that loads"));
        }
        for (Model m : models) {
            if (m.entry().pluginId().equals(pluginId)) {
                if (m.model() == null) {
                    throw new org.digitbench.api.DigitbenchException("--model " + pluginId + ": " + m.error());
                }
                return m;
            }
        }
        throw new org.digitbench.api.DigitbenchException("--model " + pluginId + ": run " + manifest.runId() + " saved no such model; it has "
                + String.join(", ", models.stream().map(m -> m.entry().pluginId()).toList()));
    }

    /**
     * One model's labels for every image of {@code images} (raw pixel values 0..255 of the run's image size),
     * normalised as the model's training images were.
     */
    public int[] predictAll(Model model, Dataset images) {
        if (images.height() != manifest.height() || images.width() != manifest.width()) {
            throw new org.digitbench.api.DigitbenchException(images.name() + ": images are " + images.height() + "x" + images.width()
                    + ", but run " + manifest.runId() + " was trained on " + manifest.height() + "x" + manifest.width());
        }
        Dataset x = normalization.apply(images);
        synchronized (model) {
            return model.model().predict(x).labels();
        }
    }

    /** Every model's prediction for one preprocessed image. Safe to call from several threads. */
    public Prediction predict(String name, DigitPreprocessor.Result image) {
        if (image.height() != manifest.height() || image.width() != manifest.width()) {
            throw new IllegalArgumentException(name + ": a " + image.height() + "x" + image.width() + " image for models of "
                    + manifest.height() + "x" + manifest.width());
        }
        Dataset one = new Dataset(name, manifest.height(), manifest.width(), image.pixels(), null, List.of(), List.of());
        float[] x = normalization.apply(one).row(0);
        List<ModelPrediction> answers = new ArrayList<>();
        Map<Integer, Integer> counts = new TreeMap<>();
        for (Model m : models) {
            if (m.model() == null) {
                answers.add(new ModelPrediction(m.entry().pluginId(), m.entry().library(), null, null, null, m.error()));
                continue;
            }
            try {
                int label;
                double[] p = null;
                synchronized (m) {
                    if (m.model().hasProbabilities()) {
                        p = m.model().probabilities(x);
                        label = TrainedModel.argMax(p);
                    } else {
                        label = m.model().predict(x);
                    }
                }
                answers.add(new ModelPrediction(m.entry().pluginId(), m.entry().library(), label, manifest.className(label), p, null));
                counts.merge(label, 1, Integer::sum);
            } catch (Exception | LinkageError e) {
                answers.add(new ModelPrediction(m.entry().pluginId(), m.entry().library(), null, null, null,
                        "prediction failed: " + Format.failure(e)));
            }
        }
        Integer vote = null;
        int votes = 0;
        for (Map.Entry<Integer, Integer> c : counts.entrySet()) {
            if (c.getValue() > votes) {
                vote = c.getKey();
                votes = c.getValue();
            }
        }
        return new Prediction(new Source(name, image.sourceWidth(), image.sourceHeight(), image.inverted()), image.height(),
                image.width(), image.pixels(), answers, new Majority(vote, vote == null ? null : manifest.className(vote), votes));
    }
}
