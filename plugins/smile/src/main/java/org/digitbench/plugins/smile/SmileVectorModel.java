package org.digitbench.plugins.smile;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.digitbench.api.Predictions;
import org.digitbench.api.TrainedModel;
import org.digitbench.api.Dataset;
import smile.classification.Classifier;

/** A Smile classifier of {@code double[]} vectors (logistic regression, SVM, MLP). */
final class SmileVectorModel implements TrainedModel {
    private final Classifier<double[]> model;
    private final int numClasses;

    SmileVectorModel(Classifier<double[]> model) {
        this.model = model;
        this.numClasses = model.numClasses(); // the classes it was trained on, saved with it
    }

    @Override
    public int predict(float[] image) {
        return model.predict(toDouble(image));
    }

    @Override
    public boolean hasProbabilities() {
        return model.isSoft();
    }

    @Override
    public double[] probabilities(float[] image) {
        double[] p = new double[numClasses];
        model.predict(toDouble(image), p);
        return p;
    }

    /** Predicts in parallel over images; Smile's models are safe for concurrent prediction. */
    @Override
    public Predictions predict(Dataset data) {
        int n = data.size();
        int[] labels = new int[n];
        double[][] probabilities = hasProbabilities() ? new double[n][] : null;
        IntStream.range(0, n).parallel().forEach(i -> {
            double[] x = toDouble(data.row(i));
            if (probabilities != null) {
                double[] p = new double[numClasses];
                labels[i] = model.predict(x, p);
                probabilities[i] = p;
            } else {
                labels[i] = model.predict(x);
            }
        });
        return new Predictions(labels, probabilities);
    }

    @Override
    public void save(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ObjectOutputStream oos = new ObjectOutputStream(out)) {
            oos.writeObject(model);
        }
    }

    static double[] toDouble(float[] image) {
        double[] x = new double[image.length];
        for (int j = 0; j < image.length; j++) {
            x[j] = image[j];
        }
        return x;
    }

    @Override
    public java.util.Map<String, String> provenance() {
        return java.util.Map.of("blas", SmileBlas.ensure());
    }
}
