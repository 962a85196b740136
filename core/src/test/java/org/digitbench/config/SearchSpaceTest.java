package org.digitbench.config;

import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.DigitbenchException;
import org.digitbench.api.ParamSpec;
import org.digitbench.testkit.FakePlugin;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchSpaceTest {
    /** A plugin with an integer, a positive real and a choice. */
    static final ClassifierPlugin SVM = new FakePlugin("svm") {
        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.ofPositive("C", 5, "penalty"), ParamSpec.ofPositive("gamma", 0.02, "kernel width"),
                    ParamSpec.ofInt("depth", 4, 1, 100, "depth"), ParamSpec.ofChoice("kernel", "rbf", List.of("rbf", "linear"), "kernel"));
        }
    };

    private static SearchSpace parse(String... options) {
        return SearchSpace.parse(List.of(options), List.of(SVM));
    }

    @Test
    void listsAndRangesExpandAsTheParameterTakesThem() {
        SearchSpace s = parse("svm.C=1,5,10", "svm.gamma=0.005:0.05:log:3", "svm.depth=1:100:log:5", "svm.kernel=rbf,linear,rbf");
        Map<String, List<String>> values = s.values().get("svm");
        assertEquals(List.of("1", "5", "10"), values.get("C"));
        assertEquals(List.of("0.005", "0.01581", "0.05"), values.get("gamma"), "geometric, four significant digits");
        assertEquals(List.of("1", "3", "10", "32", "100"), values.get("depth"), "whole numbers for an integer");
        assertEquals(List.of("rbf", "linear"), values.get("kernel"), "repeats dropped");
        assertEquals(List.of("1", "2", "3"), parse("svm.depth=1:3:lin:5").values().get("svm").get("depth"), "rounded, repeats dropped");
    }

    @Test
    void theGridIsEveryCombinationTheFirstParameterSlowest() {
        List<Map<String, String>> grid = parse("svm.C=1,5", "svm.kernel=rbf,linear").grid("svm");
        assertEquals(List.of(Map.of("C", "1", "kernel", "rbf"), Map.of("C", "1", "kernel", "linear"),
                Map.of("C", "5", "kernel", "rbf"), Map.of("C", "5", "kernel", "linear")), grid);
        assertEquals(List.of(Map.of()), parse().grid("svm"), "nothing to search: the defaults, once");
    }

    @Test
    void aRandomDrawHasNoRepeatsAndDependsOnTheSeedAlone() {
        SearchSpace s = parse("svm.C=1,2,3,4,5", "svm.depth=1,2,3,4");
        List<Map<String, String>> draw = s.random("svm", 6, 7);
        assertEquals(6, draw.size());
        assertEquals(6, draw.stream().distinct().count());
        assertEquals(draw, s.random("svm", 6, 7));
        assertTrue(s.grid("svm").containsAll(draw));
        assertEquals(20, s.random("svm", 100, 7).size(), "at most the whole grid");
    }

    @Test
    void badOptionsAreRefusedNamingWhatWasExpected() {
        assertTrue(assertThrows(DigitbenchException.class, () -> parse("svm.C")).getMessage().contains("expected PLUGIN.NAME=VALUES"));
        assertTrue(assertThrows(DigitbenchException.class, () -> parse("knn.C=1")).getMessage().contains("'knn' is not being tuned"));
        assertTrue(assertThrows(DigitbenchException.class, () -> parse("svm.nu=1")).getMessage().contains("has no hyper-parameter 'nu'"));
        assertTrue(assertThrows(DigitbenchException.class, () -> parse("svm.C=-1,5")).getMessage().contains("refuses C=-1"));
        assertTrue(assertThrows(DigitbenchException.class, () -> parse("svm.gamma=0:1:log:3")).getMessage().contains("above 0 for log"));
        assertTrue(assertThrows(DigitbenchException.class, () -> parse("svm.gamma=1:2:cube:3")).getMessage().contains("FROM:TO:log|lin:COUNT"));
        assertTrue(assertThrows(DigitbenchException.class, () -> parse("svm.C=1", "svm.C=2")).getMessage().contains("given twice"));
    }
}
