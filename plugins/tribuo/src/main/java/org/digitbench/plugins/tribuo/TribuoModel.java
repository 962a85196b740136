package org.digitbench.plugins.tribuo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.digitbench.api.Predictions;
import org.digitbench.api.TrainedModel;
import org.digitbench.api.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

/** A trained Tribuo model. */
final class TribuoModel implements TrainedModel {
    private final Model<Label> model;
    private final String[] names;
    private final TribuoData.Converted data;
    private final OptionalInt trainingSize;
    private final int numClasses;

    TribuoModel(Model<Label> model, TribuoData.Converted data, OptionalInt trainingSize) {
        this.model = model;
        this.names = data.featureNames();
        this.data = data;
        this.trainingSize = trainingSize;
        this.numClasses = numClasses(model);
    }

    /** A model read back from a file: the conversion of its training data is not known. */
    TribuoModel(Model<Label> model, int numFeatures) {
        this.model = model;
        this.names = TribuoData.featureNames(numFeatures);
        this.data = null;
        this.trainingSize = OptionalInt.empty();
        this.numClasses = numClasses(model);
    }

    /** The classes the model tells apart: one more than the largest label in its output domain (its training labels). */
    private static int numClasses(Model<Label> model) {
        return 1 + model.getOutputIDInfo().getDomain().stream().mapToInt(TribuoData::digit).max().orElse(Dataset.NUM_CLASSES - 1);
    }

    @Override
    public OptionalInt trainingSize() {
        return trainingSize;
    }

    @Override
    public int predict(float[] image) {
        return TribuoData.digit(model.predict(TribuoData.example(names, image)).getOutput());
    }

    @Override
    public boolean hasProbabilities() {
        return model.generatesProbabilities();
    }

    @Override
    public double[] probabilities(float[] image) {
        return scores(model.predict(TribuoData.example(names, image)));
    }

    /**
     * Predicts through Tribuo's own batch path, on all cores: Tribuo's batch path predicts one example after
     * another, so the examples are cut into one contiguous chunk per core and the chunks predicted at once
     * (Tribuo's models keep no state between predictions). XGBoost's model is left to its own threads.
     */
    @Override
    public Predictions predict(Dataset test) {
        List<Example<Label>> examples = new ArrayList<>(test.size());
        float[] row = new float[test.numFeatures()];
        for (int i = 0; i < test.size(); i++) {
            test.copyRow(i, row);
            examples.add(TribuoData.example(names, row));
        }
        List<Prediction<Label>> predictions = predictInChunks(model, examples, chunks(model, examples.size()));
        int[] labels = new int[predictions.size()];
        double[][] probabilities = hasProbabilities() ? new double[labels.length][] : null;
        for (int i = 0; i < labels.length; i++) {
            labels[i] = TribuoData.digit(predictions.get(i).getOutput());
            if (probabilities != null) {
                probabilities[i] = scores(predictions.get(i));
            }
        }
        return new Predictions(labels, probabilities);
    }

    /** How many chunks a batch of {@code n} examples is predicted in: one per core, none smaller than 64 examples. */
    static int chunks(Model<Label> model, int n) {
        if (model.getClass().getName().startsWith("org.tribuo.common.xgboost.")) {
            return 1; // XGBoost predicts a batch on its own threads
        }
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), n / 64));
    }

    /** Tribuo's batch prediction of {@code examples}, in {@code parts} contiguous chunks at once; results in order. */
    static List<Prediction<Label>> predictInChunks(Model<Label> model, List<Example<Label>> examples, int parts) {
        if (parts <= 1) {
            return model.predict(examples);
        }
        int n = examples.size();
        List<List<Prediction<Label>>> results = IntStream.range(0, parts).parallel()
                .mapToObj(k -> model.predict(examples.subList((int) ((long) n * k / parts), (int) ((long) n * (k + 1) / parts))))
                .toList();
        List<Prediction<Label>> all = new ArrayList<>(n);
        results.forEach(all::addAll);
        return all;
    }

    private double[] scores(Prediction<Label> prediction) {
        double[] p = new double[numClasses];
        for (Map.Entry<String, Label> e : prediction.getOutputScores().entrySet()) {
            p[Integer.parseInt(e.getKey())] = e.getValue().getScore();
        }
        return p;
    }

    @Override
    public void save(Path file) throws IOException {
        model.serializeToFile(file);
    }

    @Override
    public Map<String, String> provenance() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("tribuoModel", model.getProvenance().toString());
        if (data != null) {
            p.put("trainingConversionSeconds", String.format(java.util.Locale.ROOT, "%.3f", data.seconds()));
            p.put("trainingConversionShared", Boolean.toString(data.reused()));
        }
        return p;
    }
}
