package org.digitbench.plugins.djl;

import ai.djl.nn.Block;
import java.util.List;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.ParamSpec;

/**
 * dl4j-rnn's lstm in DJL: an LSTM of 64 units over the pixel rows, last step, Adam, 10 epochs of 128 images, one thread,
 * its forget-gate bias starting at 1 as Deeplearning4j's does.
 */
public final class DjlRnn extends DjlPlugin {
    public DjlRnn() {
        super("djl-rnn", "rnn", "recurrent network over pixel rows (LSTM 64, last step), Adam (DJL, PyTorch engine)",
                DjlNetworks.Layout.ROWS_AS_TIME_STEPS, 10, 128, 1);
    }

    @Override
    List<ParamSpec> ownParameters() {
        return List.of(ParamSpec.ofInt("units", 64, 1, 100_000, "LSTM units"));
    }

    @Override
    int shapeParameter(Hyperparameters p) {
        return p.getInt("units");
    }

    @Override
    Block network(Hyperparameters p, int classes) {
        return DjlNetworks.lstm(p.getInt("units"), classes);
    }

    /** Deeplearning4j starts an LSTM's forget-gate bias at 1 ({@code forgetGateBiasInit}); so does this one. */
    @Override
    ai.djl.training.DefaultTrainingConfig initializers(ai.djl.training.DefaultTrainingConfig config) {
        return config.optInitializer(DjlNetworks.forgetGateBias(1f), DjlNetworks.LSTM_INPUT_BIAS);
    }

    @Override
    Block network(int shapeParameter, int classes) {
        return DjlNetworks.lstm(shapeParameter, classes);
    }
}
