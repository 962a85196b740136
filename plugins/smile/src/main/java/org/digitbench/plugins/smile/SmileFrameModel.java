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
import smile.classification.DataFrameClassifier;
import smile.data.Tuple;
import smile.data.type.StructType;

/** A Smile classifier of data-frame rows (decision tree, random forest). */
final class SmileFrameModel implements TrainedModel {
    private final DataFrameClassifier model;
    private final StructType schema;
    private final int numClasses;

    SmileFrameModel(DataFrameClassifier model, StructType predictors) {
        this.model = model;
        this.schema = predictors;
        this.numClasses = model.numClasses();
    }

    @Override
    public int predict(float[] image) {
        return model.predict(tuple(image));
    }

    @Override
    public boolean hasProbabilities() {
        return model.isSoft();
    }

    @Override
    public double[] probabilities(float[] image) {
        double[] p = new double[numClasses];
        model.predict(tuple(image), p);
        return p;
    }

    @Override
    public Predictions predict(Dataset data) {
        int n = data.size();
        int[] labels = new int[n];
        double[][] probabilities = hasProbabilities() ? new double[n][] : null;
        IntStream.range(0, n).parallel().forEach(i -> {
            Tuple x = tuple(data.row(i));
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

    private Tuple tuple(float[] image) {
        return Tuple.of(schema, SmileVectorModel.toDouble(image));
    }

    @Override
    public java.util.Map<String, String> provenance() {
        return java.util.Map.of("blas", SmileBlas.ensure());
    }
}
