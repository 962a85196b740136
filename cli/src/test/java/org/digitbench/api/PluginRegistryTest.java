package org.digitbench.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.testkit.FakePlugin;

import org.junit.jupiter.api.Test;

import java.util.List;

class PluginRegistryTest {

    @Test
    void discoversTheBuiltInPlugins() {
        List<String> ids = PluginRegistry.discover().all().stream().map(ClassifierPlugin::id).toList();
        assertTrue(ids.containsAll(List.of("smile-logistic-regression", "smile-decision-tree", "smile-random-forest",
                "smile-svm-rbf", "smile-mlp")), ids.toString());
    }

    @Test
    void duplicateIdsFailLoudlyNamingBothClasses() {
        var e = assertThrows(DigitbenchException.class, () -> new PluginRegistry(List.of(new FakePlugin("a-b"), new FakePlugin("a-b") { })));
        assertTrue(e.getMessage().contains("two plugins have the id 'a-b'"), e.getMessage());
        assertTrue(e.getMessage().contains(FakePlugin.class.getName() + " and " + PluginRegistryTest.class.getName() + "$"), e.getMessage());
    }

    @Test
    void idsMustBeKebabCase() {
        for (String bad : List.of("Smile_SVM", "svm ", "-svm", "svm--rbf", "")) {
            var e = assertThrows(DigitbenchException.class, () -> new PluginRegistry(List.of(new FakePlugin(bad))));
            assertTrue(e.getMessage().contains("kebab-case"), e.getMessage());
        }
    }

    @Test
    void unknownIdNamesTheKnownOnes() {
        var registry = new PluginRegistry(List.of(new FakePlugin("x-one"), new FakePlugin("x-two")));
        var e = assertThrows(DigitbenchException.class, () -> registry.select(List.of("x-one", "x-three")));
        assertEquals("unknown plugin 'x-three'; known plugins: x-one, x-two (digitbench list shows them)", e.getMessage());
        assertEquals(List.of("x-two", "x-one"), registry.select(List.of("x-two", "x-one", "x-two")).stream().map(ClassifierPlugin::id).toList());
        assertEquals(2, registry.select(List.of()).size());
    }
}
