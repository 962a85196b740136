package org.digitbench.plugins.dl4j;

import java.util.List;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.ParamSpec;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.nd4j.linalg.activations.Activation;

/**
 * Recurrent networks that read an image as a sequence of its pixel rows (28 time steps of 28 pixels):
 * <ul>
 *   <li>{@code lstm}: one LSTM layer, its output at the last time step to the softmax layer;</li>
 *   <li>{@code bilstm}: a bidirectional LSTM (forward and backward outputs concatenated), max-pooled over
 *       the time steps, because the backward direction's output at the last step has seen only one row.</li>
 * </ul>
 * There is no GRU: DL4J 1.0.0-M2.1's layer API has none (only SameDiff and the Keras importer do).
 */
public final class Dl4jRnn extends Dl4jPlugin {
    public Dl4jRnn() {
        super("dl4j-rnn", "rnn", "recurrent network over pixel rows (lstm: LSTM 64, last step; bilstm), Adam",
                Dl4jTrainer.Layout.ROWS_AS_TIME_STEPS, List.of("lstm", "bilstm"), 10, 128, "1");
    }

    @Override
    List<ParamSpec> ownParameters() {
        return List.of(ParamSpec.ofInt("units", 64, 1, 100_000, "LSTM units (per direction for bilstm)"));
    }

    @Override
    void addLayers(String architecture, NeuralNetConfiguration.ListBuilder list, Hyperparameters p) {
        LSTM lstm = new LSTM.Builder().name("lstm").nOut(p.getInt("units")).activation(Activation.TANH).build();
        switch (architecture) {
            case "lstm" -> list.layer(new LastTimeStep(lstm));
            case "bilstm" -> {
                list.layer(new Bidirectional(Bidirectional.Mode.CONCAT, lstm));
                list.layer(new GlobalPoolingLayer.Builder(PoolingType.MAX).name("max-over-time").build());
            }
            default -> throw new IllegalArgumentException("unknown architecture '" + architecture + "'");
        }
    }
}
