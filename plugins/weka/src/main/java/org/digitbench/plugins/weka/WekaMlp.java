package org.digitbench.plugins.weka;

import java.util.List;
import java.util.Map;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.ParamSpec;
import weka.classifiers.functions.MultilayerPerceptron;

/** Weka's MultilayerPerceptron: sigmoid units, back-propagation one image at a time with momentum. */
public final class WekaMlp extends WekaPlugin<MultilayerPerceptron> {
    public WekaMlp() {
        super("weka-mlp", "mlp", "multilayer perceptron (Weka), one hidden layer of 128 sigmoid units, per-image SGD with momentum",
                MultilayerPerceptron.class);
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.ofString("hidden", "128", "hidden layer sizes, comma-separated (Weka's -H)"),
                ParamSpec.ofInt("epochs", 10, 1, 100_000, "passes over the training set"),
                ParamSpec.ofDouble("learning-rate", 0.1, 1e-9, 1, "back-propagation's learning rate"),
                ParamSpec.ofDouble("momentum", 0.2, 0, 1, "momentum"));
    }

    @Override
    public void validate(Hyperparameters p) {
        if (!p.getString("hidden").matches("[1-9][0-9]{0,5}(,[1-9][0-9]{0,5})*")) {
            throw new IllegalArgumentException("weka-mlp.hidden: expected layer sizes such as 128 or 256,64, got '" + p.getString("hidden") + "'");
        }
    }

    /** Measured: docs/algorithms.md, benchmarks/TUNING.md. */
    @Override
    public java.util.Optional<String> leftOutOfDefaultSet() {
        return java.util.Optional.of("10 epochs of 50,000 images took 589 s of training (0.9720 on the validation split), "
                + "too long for the full run's hour; smile-mlp reaches 0.9749 in 24 s");
    }

    @Override
    public Map<String, String> smokeTestOverrides() {
        return Map.of("hidden", "16", "epochs", "20");
    }

    @Override
    MultilayerPerceptron classifier(Hyperparameters p, long seed) {
        MultilayerPerceptron mlp = new MultilayerPerceptron();
        mlp.setHiddenLayers(p.getString("hidden"));
        mlp.setTrainingTime(p.getInt("epochs"));
        mlp.setLearningRate(p.getDouble("learning-rate"));
        mlp.setMomentum(p.getDouble("momentum"));
        mlp.setNormalizeAttributes(false); // the run's normalisation is every plugin's
        mlp.setSeed(seed(seed));
        mlp.setGUI(false);
        return mlp;
    }
}
