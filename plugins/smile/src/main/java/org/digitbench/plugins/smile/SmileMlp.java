package org.digitbench.plugins.smile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.ParamSpec;
import org.digitbench.api.TrainedModel;
import org.digitbench.api.TrainingListener;
import org.digitbench.api.Dataset;
import org.digitbench.api.Splits;
import smile.classification.MLP;
import smile.linalg.blas.cblas_h;
import smile.math.MathEx;
import smile.model.mlp.Layer;
import smile.model.mlp.LayerBuilder;
import smile.model.mlp.OutputFunction;
import smile.util.function.TimeFunction;

/** Smile's multilayer perceptron: ReLU hidden layers, softmax output, mini-batch SGD with momentum. */
public final class SmileMlp extends SmilePlugin {
    public SmileMlp() {
        super("smile-mlp", "mlp",
                "multilayer perceptron, ReLU hidden layers, softmax output, mini-batch SGD with momentum");
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.ofString("hidden", "256", "hidden layer sizes, comma-separated, e.g. 256 or 512,128"),
                ParamSpec.ofInt("epochs", 6, 1, 10_000, "passes over the training set"),
                ParamSpec.ofInt("batch-size", 32, 1, 100_000, "mini-batch size"),
                ParamSpec.ofDouble("learning-rate", 0.05, 1e-9, 10, "SGD learning rate"),
                ParamSpec.ofDouble("momentum", 0.9, 0, 0.999, "SGD momentum"),
                ParamSpec.ofDouble("weight-decay", 1e-5, 0, 1, "L2 weight decay"),
                ParamSpec.ofDouble("dropout", 0.0, 0, 0.9, "dropout rate of the hidden layers"),
                ParamSpec.ofInt("blas-threads", 1, 1, 1024, "OpenBLAS threads; Smile's MLP does one small matrix-vector "
                        + "product per image, where more threads only contend"));
    }

    @Override
    public void validate(Hyperparameters p) {
        hiddenSizes(p.getString("hidden"));
        double decay = 1.0 - 2 * p.getDouble("learning-rate") * p.getDouble("weight-decay");
        if (decay < 0.9) {
            throw new IllegalArgumentException("hyper-parameters 'learning-rate' and 'weight-decay' must satisfy "
                    + "2 * learning-rate * weight-decay <= 0.1 (Smile's limit), got " + (1 - decay));
        }
    }

    static int[] hiddenSizes(String spec) {
        String[] parts = spec.split(",");
        int[] sizes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                sizes[i] = Integer.parseInt(parts[i].strip());
            } catch (NumberFormatException e) {
                sizes[i] = -1;
            }
            if (sizes[i] < 1 || sizes[i] > 100_000) {
                throw new IllegalArgumentException("hyper-parameter 'hidden' must be layer sizes from 1 to 100000 "
                        + "separated by commas, e.g. 256 or 512,128, got '" + spec + "'");
            }
        }
        return sizes;
    }

    @Override
    public TrainedModel train(Dataset train, Hyperparameters p, long seed) {
        return train(train, p, seed, TrainingListener.NONE);
    }

    @Override
    public TrainedModel train(Dataset train, Hyperparameters p, long seed, TrainingListener listener) {
        cblas_h.openblas_set_num_threads(p.getInt("blas-threads")); // process-wide
        MathEx.setSeed(seed); // weight initialisation and dropout use this thread's generator
        List<LayerBuilder> layers = new ArrayList<>();
        layers.add(Layer.input(train.numFeatures()));
        double dropout = p.getDouble("dropout");
        for (int size : hiddenSizes(p.getString("hidden"))) {
            layers.add(Layer.rectifier(size, dropout));
        }
        layers.add(Layer.mle(train.numClasses(), OutputFunction.SOFTMAX));
        MLP mlp = new MLP(layers.toArray(LayerBuilder[]::new));
        mlp.setLearningRate(TimeFunction.constant(p.getDouble("learning-rate")));
        mlp.setMomentum(TimeFunction.constant(p.getDouble("momentum")));
        mlp.setWeightDecay(p.getDouble("weight-decay"));

        double[][] x = train.toDoubleRows();
        int[] y = train.labels();
        int epochs = p.getInt("epochs");
        int batch = p.getInt("batch-size");
        Random random = new Random(seed);
        int[] order = new int[x.length];
        Arrays.setAll(order, i -> i);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            Splits.shuffle(order, random);
            for (int start = 0; start < x.length; start += batch) {
                int size = Math.min(batch, x.length - start);
                double[][] bx = new double[size][];
                int[] by = new int[size];
                for (int j = 0; j < size; j++) {
                    bx[j] = x[order[start + j]];
                    by[j] = y[order[start + j]];
                }
                mlp.update(bx, by);
            }
            listener.progress("epoch", epoch, epochs);
        }
        return new SmileVectorModel(mlp);
    }
}
