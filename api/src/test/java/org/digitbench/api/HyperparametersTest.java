package org.digitbench.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HyperparametersTest {
    private final List<ParamSpec> specs = List.of(
            ParamSpec.ofInt("trees", 100, 1, 1000, "trees"),
            ParamSpec.ofPositive("C", 1.0, "penalty"),
            ParamSpec.ofChoice("rule", "gini", List.of("gini", "entropy"), "rule"),
            ParamSpec.ofBoolean("bias", true, "bias"));

    @Test
    void defaultsAndOverrides() {
        Hyperparameters d = Hyperparameters.defaults(specs);
        assertEquals(100, d.getInt("trees"));
        assertEquals(1.0, d.getDouble("C"));
        Hyperparameters o = Hyperparameters.resolve(specs, Map.of("trees", "7", "C", "0.5", "rule", "entropy", "bias", "FALSE"));
        assertEquals(7, o.getInt("trees"));
        assertEquals(0.5, o.getDouble("C"));
        assertEquals("entropy", o.getString("rule"));
        assertEquals(false, o.getBoolean("bias"));
        assertEquals(List.of("trees", "C", "rule", "bias"), List.copyOf(o.asMap().keySet()));
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Hyperparameters.resolve(specs, Map.of("tress", "7")));
        assertTrue(e.getMessage().contains("unknown hyper-parameter 'tress'"), e.getMessage());
        assertTrue(e.getMessage().contains("trees, C, rule, bias"), e.getMessage());
    }

    @Test
    void invalidValuesNameTheParameterAndTheRange() {
        assertMessage(Map.of("trees", "0"), "hyper-parameter 'trees' must be an integer in [1, 1000], got '0'");
        assertMessage(Map.of("trees", "1.5"), "hyper-parameter 'trees' must be an integer in [1, 1000], got '1.5'");
        assertMessage(Map.of("C", "0"), "hyper-parameter 'C' must be a number > 0, got '0'");
        assertMessage(Map.of("C", "NaN"), "hyper-parameter 'C' must be a number > 0, got 'NaN'");
        assertMessage(Map.of("C", "abc"), "hyper-parameter 'C' must be a number > 0, got 'abc'");
        assertMessage(Map.of("rule", "gain"), "hyper-parameter 'rule' must be one of gini, entropy, got 'gain'");
        assertMessage(Map.of("bias", "yes"), "hyper-parameter 'bias' must be true or false, got 'yes'");
    }

    private void assertMessage(Map<String, String> overrides, String expected) {
        var e = assertThrows(IllegalArgumentException.class, () -> Hyperparameters.resolve(specs, overrides));
        assertEquals(expected, e.getMessage());
    }
}
