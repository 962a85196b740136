package org.digitbench.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.digitbench.DigitbenchException;
import org.digitbench.data.Dataset;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {

    /** A minimal plugin with a given id. */
    static class Fake implements ClassifierPlugin {
        private final String id;

        Fake(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String library() {
            return "test";
        }

        @Override
        public String family() {
            return "test";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of();
        }

        @Override
        public TrainedModel train(Dataset train, Hyperparameters params, long seed) {
            return new TrainedModel() {
                @Override
                public int predict(float[] image) {
                    return 0;
                }

                @Override
                public void save(Path file) {
                }
            };
        }
    }

    static class OtherFake extends Fake {
        OtherFake(String id) {
            super(id);
        }
    }

    @Test
    void discoversTheBuiltInPlugins() {
        List<String> ids = PluginRegistry.discover().all().stream().map(ClassifierPlugin::id).toList();
        assertTrue(ids.containsAll(List.of("smile-logistic-regression", "smile-decision-tree", "smile-random-forest",
                "smile-svm-rbf", "smile-mlp")), ids.toString());
    }

    @Test
    void duplicateIdsFailLoudlyNamingBothClasses() {
        var e = assertThrows(DigitbenchException.class, () -> new PluginRegistry(List.of(new Fake("a-b"), new OtherFake("a-b"))));
        assertTrue(e.getMessage().contains("two plugins have the id 'a-b'"), e.getMessage());
        assertTrue(e.getMessage().contains(Fake.class.getName()) && e.getMessage().contains(OtherFake.class.getName()), e.getMessage());
    }

    @Test
    void idsMustBeKebabCase() {
        for (String bad : List.of("Smile_SVM", "svm ", "-svm", "svm--rbf", "")) {
            var e = assertThrows(DigitbenchException.class, () -> new PluginRegistry(List.of(new Fake(bad))));
            assertTrue(e.getMessage().contains("kebab-case"), e.getMessage());
        }
    }

    @Test
    void unknownIdNamesTheKnownOnes() {
        var registry = new PluginRegistry(List.of(new Fake("x-one"), new Fake("x-two")));
        var e = assertThrows(DigitbenchException.class, () -> registry.select(List.of("x-one", "x-three")));
        assertEquals("unknown plugin 'x-three'; known plugins: x-one, x-two (digitbench list shows them)", e.getMessage());
        assertEquals(List.of("x-two", "x-one"), registry.select(List.of("x-two", "x-one", "x-two")).stream().map(ClassifierPlugin::id).toList());
        assertEquals(2, registry.select(List.of()).size());
    }
}
