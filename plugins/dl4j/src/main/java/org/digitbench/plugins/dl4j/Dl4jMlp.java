package org.digitbench.plugins.dl4j;

import java.util.List;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.ParamSpec;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.nd4j.linalg.activations.Activation;

/** Multilayer perceptrons of the common tutorials: ReLU hidden layers, dropout after each, softmax output. */
public final class Dl4jMlp extends Dl4jPlugin {
    public Dl4jMlp() {
        super("dl4j-mlp", "mlp", "multilayer perceptron (784-128-10, 784-50-50-10 or 784-128-32-10), ReLU, dropout, Adam",
                Dl4jTrainer.Layout.DENSE, List.of("784-128-10", "784-50-50-10", "784-128-32-10"), 20, 64, "1");
    }

    @Override
    List<ParamSpec> ownParameters() {
        return List.of(ParamSpec.ofDouble("dropout", 0.2, 0, 0.9, "dropout rate after each hidden layer; 0 = none"));
    }

    @Override
    void addLayers(String architecture, NeuralNetConfiguration.ListBuilder list, Hyperparameters p) {
        String[] sizes = architecture.split("-");
        double dropout = p.getDouble("dropout");
        for (int i = 1; i < sizes.length - 1; i++) {
            list.layer(new DenseLayer.Builder().name("dense" + i).nOut(Integer.parseInt(sizes[i]))
                    .activation(Activation.RELU).build());
            if (dropout > 0) {
                list.layer(dropout("dropout" + i, dropout));
            }
        }
    }
}
