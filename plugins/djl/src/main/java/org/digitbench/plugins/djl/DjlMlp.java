package org.digitbench.plugins.djl;

import ai.djl.nn.Block;
import java.util.List;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.ParamSpec;

/** dl4j-mlp's network in DJL: 784-128-10, ReLU, dropout 0.2, Adam, 20 epochs of 64 images, one thread. */
public final class DjlMlp extends DjlPlugin {
    static final int HIDDEN = 128;

    public DjlMlp() {
        super("djl-mlp", "mlp", "multilayer perceptron 784-128-10, ReLU, dropout, Adam (DJL, PyTorch engine)", DjlNetworks.Layout.DENSE,
                20, 64, 1);
    }

    @Override
    List<ParamSpec> ownParameters() {
        return List.of(ParamSpec.ofDouble("dropout", 0.2, 0, 0.9, "dropout rate after the hidden layer; 0 = none"));
    }

    @Override
    Block network(Hyperparameters p, int classes) {
        return DjlNetworks.mlp(HIDDEN, (float) p.getDouble("dropout"), classes);
    }

    /** Whether the network has its dropout layer: the saved parameters follow the layers, dropout's included. */
    @Override
    int shapeParameter(Hyperparameters p) {
        return p.getDouble("dropout") > 0 ? 1 : 0;
    }

    @Override
    Block network(int shapeParameter, int classes) {
        return DjlNetworks.mlp(HIDDEN, shapeParameter == 1 ? 0.5f : 0f, classes); // the rate is inactive in inference
    }
}
