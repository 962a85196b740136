package org.digitbench.plugins.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Map;
import org.digitbench.api.Hyperparameters;
import org.digitbench.testkit.TestData;
import org.junit.jupiter.api.Test;

/** djl-rnn starts as dl4j-rnn does: the LSTM's forget-gate bias at 1, every other gate bias at 0. */
class DjlRnnTest {
    @Test
    void theForgetGateBiasStartsAtOneAsInDeeplearning4j() {
        DjlRnn plugin = new DjlRnn();
        // a learning rate of 0: the trained network holds its initial parameters
        DjlModel model = (DjlModel) plugin.train(TestData.synthetic(5, 1), Hyperparameters.resolve(plugin.parameters(),
                Map.of("epochs", "1", "units", "4", "learning-rate", "1e-30", "validation-fraction", "0")), 1);
        List<Parameter> biases = model.block().getParameters().values().stream()
                .filter(p -> p.getType() == Parameter.Type.BIAS).toList();
        List<Parameter> input = biases.stream().filter(DjlNetworks.LSTM_INPUT_BIAS).toList();
        assertEquals(1, input.size(), "one input-to-hidden bias: " + model.block().getParameters().keys());
        assertArrayEquals(new float[] {0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0}, input.get(0).getArray().toFloatArray(), 1e-6f,
                "gates input, forget, cell, output of 4 units each");
        for (Parameter p : biases) {
            if (!DjlNetworks.LSTM_INPUT_BIAS.test(p)) {
                for (float v : p.getArray().toFloatArray()) {
                    assertEquals(0f, v, 1e-6f, p.getName());
                }
            }
        }
    }
}
