package org.digitbench.plugins.weka;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.digitbench.api.TrainedModel;
import weka.classifiers.Classifier;
import weka.core.Instances;

/** A trained Weka classifier with the attributes it predicts against. Weka predicts one image at a time. */
final class WekaModel implements TrainedModel {
    private final Classifier classifier;
    private final Instances header;
    private final boolean probabilities;

    WekaModel(Classifier classifier, Instances header, boolean probabilities) {
        this.classifier = classifier;
        this.header = header;
        this.probabilities = probabilities;
    }

    Classifier classifier() {
        return classifier;
    }

    int numClasses() {
        return header.numClasses();
    }

    int numPixels() {
        return header.numAttributes() - 1;
    }

    @Override
    public int predict(float[] image) {
        return TrainedModel.argMax(distribution(image));
    }

    @Override
    public boolean hasProbabilities() {
        return probabilities;
    }

    @Override
    public double[] probabilities(float[] image) {
        if (!probabilities) {
            return TrainedModel.super.probabilities(image);
        }
        return distribution(image);
    }

    /** Weka's class distribution for the image (for SMO without calibration, its normalised pairwise votes). */
    private double[] distribution(float[] image) {
        double[] distribution;
        try {
            distribution = classifier.distributionForInstance(WekaData.image(header, image));
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Weka's " + classifier.getClass().getSimpleName() + " failed to predict: " + e, e);
        }
        for (double v : distribution) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("Weka's " + classifier.getClass().getSimpleName() + " gave a class distribution of "
                        + java.util.Arrays.toString(distribution) + " (its densities overflowed; for naive Bayes, estimator=discretized avoids it)");
            }
        }
        return distribution;
    }

    /** Writes {@link WekaModels#MAGIC}, the pixel and class counts, whether it has probabilities, then the classifier. */
    @Override
    public void save(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); DataOutputStream data = new DataOutputStream(out)) {
            data.writeUTF(WekaModels.MAGIC);
            data.writeInt(numPixels());
            data.writeInt(numClasses());
            data.writeBoolean(probabilities);
            data.flush();
            ObjectOutputStream objects = new ObjectOutputStream(out);
            objects.writeObject(classifier);
            objects.flush();
        }
    }

    @Override
    public Map<String, String> provenance() {
        String options = classifier instanceof weka.core.OptionHandler h ? String.join(" ", h.getOptions()) : "";
        return Map.of("wekaClassifier", classifier.getClass().getName(), "wekaOptions", options);
    }
}
