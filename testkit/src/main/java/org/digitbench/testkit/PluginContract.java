package org.digitbench.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.EpochStats;
import org.digitbench.api.LayerInfo;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.ParamSpec;
import org.digitbench.api.PluginRegistry;
import org.digitbench.api.Predictions;
import org.digitbench.api.TrainedModel;
import org.digitbench.api.Dataset;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every plugin on the class path must keep, run on small synthetic data. A plugin's module runs it
 * with an empty subclass in its tests ({@code class MyContractTest extends PluginContract {}}) and
 * {@code digitbench-testkit} as a test dependency; it checks every plugin {@link PluginRegistry#discover()} finds.
 */
public abstract class PluginContract {
    private static final Dataset TRAIN = TestData.synthetic(30, 1);
    private static final Dataset TEST = TestData.synthetic(10, 2);

    @TempDir
    Path dir;

    protected static Stream<ClassifierPlugin> plugins() {
        return PluginRegistry.discover().all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plugins")
    public void describesItself(ClassifierPlugin plugin) {
        assertTrue(plugin.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), plugin.id());
        assertFalse(plugin.library().isBlank());
        assertFalse(plugin.family().isBlank());
        assertFalse(plugin.description().isBlank());
        assertFalse(plugin.libraryVersion().isBlank());
        for (ParamSpec spec : plugin.parameters()) {
            spec.check(spec.defaultValue()); // defaults are valid
        }
        plugin.resolve(Map.of()); // and pass the plugin's own checks
        plugin.resolve(plugin.smokeTestOverrides()); // and so do the fast test settings
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plugins")
    public void trainsAndPredictsTheRightShape(ClassifierPlugin plugin) throws IOException {
        TrainedModel model = plugin.train(TRAIN, plugin.resolve(plugin.smokeTestOverrides()), 7);
        assertNotNull(model);
        Predictions p = model.predict(TEST);
        assertEquals(TEST.size(), p.labels().length);
        for (int label : p.labels()) {
            assertTrue(label >= 0 && label < TRAIN.numClasses(), "label " + label);
        }
        assertEquals(model.hasProbabilities(), p.hasProbabilities());
        if (p.hasProbabilities()) {
            for (int i = 0; i < p.labels().length; i++) {
                double[] row = p.probabilities()[i];
                assertEquals(TRAIN.numClasses(), row.length);
                double sum = 0;
                for (double v : row) {
                    assertTrue(v >= 0 && v <= 1 + 1e-9, "probability " + v);
                    sum += v;
                }
                assertEquals(1.0, sum, 1e-6, "probabilities of image " + i + " sum to " + sum);
                assertEquals(TrainedModel.argMax(row), p.labels()[i], "label is the most probable class");
            }
        }
        // one image at a time gives what the batch gives, for every image: a plugin that predicts a batch in chunks
        // (the networks: 64 images a call) is checked across a chunk's boundary
        for (int i = 0; i < TEST.size(); i++) {
            assertEquals(p.labels()[i], model.predict(TEST.row(i)), "image " + i);
        }
        // the data is easy: far better than the 10% of guessing
        int correct = 0;
        for (int i = 0; i < TEST.size(); i++) {
            correct += p.labels()[i] == TEST.label(i) ? 1 : 0;
        }
        double accuracy = correct / (double) TEST.size();
        assertTrue(accuracy >= 0.8, plugin.id() + " accuracy " + accuracy + " on separable synthetic digits");

        Path file = dir.resolve(plugin.id() + ".model");
        model.save(file);
        assertTrue(Files.size(file) > 0);
        TrainedModel loaded;
        try {
            loaded = plugin.load(file);
        } catch (UnsupportedOperationException notSupported) {
            // the SPI lets a user's plugin leave loading out; the built-in ones all load (the timing pass needs it)
            assertFalse(plugin.getClass().getPackageName().startsWith("org.digitbench.plugins"),
                    plugin.id() + " is built in and must load its saved models");
            loaded = null;
        }
        if (loaded != null) { // a plugin that loads models gets back the same predictions
            Predictions again = loaded.predict(TEST);
            assertArrayEquals(p.labels(), again.labels(), "labels after save and load");
            if (p.hasProbabilities()) {
                for (int i = 0; i < p.labels().length; i++) {
                    assertArrayEquals(p.probabilities()[i], again.probabilities()[i], 1e-6, "probabilities of image " + i);
                }
            }
            Path junk = dir.resolve("not-a-model");
            Files.writeString(junk, "not a model");
            assertThrows(IOException.class, () -> plugin.load(junk), "loading a file that is not a model");
        }
        checkDescription(model, TRAIN.numClasses());
    }

    /**
     * The class count comes from the data: a model of 12 classes (more than MNIST's ten) predicts labels 0 to 11, gives
     * 12 probabilities (also once saved and loaded) and has an output layer of 12.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("plugins")
    public void learnsTheClassesItsDataHas(ClassifierPlugin plugin) throws IOException {
        Dataset train = TestData.synthetic(30, 12, 3);
        Dataset test = TestData.synthetic(5, 12, 4);
        TrainedModel model = plugin.train(train, plugin.resolve(plugin.smokeTestOverrides()), 7);
        Predictions p = model.predict(test);
        int correct = 0;
        for (int i = 0; i < test.size(); i++) {
            assertTrue(p.labels()[i] >= 0 && p.labels()[i] < 12, "label " + p.labels()[i]);
            correct += p.labels()[i] == test.label(i) ? 1 : 0;
            if (p.hasProbabilities()) {
                assertEquals(12, p.probabilities()[i].length, "probabilities of image " + i);
            }
        }
        assertTrue(correct >= 0.7 * test.size(), plugin.id() + ": " + correct + " of " + test.size() + " right with 12 classes");
        assertTrue(java.util.Arrays.stream(p.labels()).anyMatch(l -> l >= 10), plugin.id() + " predicts the classes past 9");
        Path file = dir.resolve(plugin.id() + "-12.model");
        model.save(file);
        TrainedModel loaded;
        try {
            loaded = plugin.load(file);
        } catch (UnsupportedOperationException notSupported) {
            loaded = null;
        }
        if (loaded != null && loaded.hasProbabilities()) {
            assertEquals(12, loaded.probabilities(test.row(0)).length, "probabilities after save and load");
        }
        checkDescription(model, 12);
    }

    /** What a model says about itself (parameters, layers, history) is consistent. */
    private static void checkDescription(TrainedModel model, int classes) {
        if (!model.layers().isEmpty()) {
            long sum = model.layers().stream().mapToLong(LayerInfo::parameters).sum();
            assertEquals(model.parameterCount().orElseThrow(), sum, "layer parameters add up to the model's");
            for (LayerInfo layer : model.layers()) {
                assertFalse(layer.name().isBlank() || layer.type().isBlank() || layer.outputShape().isBlank(), layer.toString());
            }
            assertEquals(String.valueOf(classes), model.layers().getLast().outputShape(), "output layer shape");
        }
        for (int i = 0; i < model.history().size(); i++) {
            EpochStats e = model.history().get(i);
            assertEquals(i + 1, e.epoch());
            assertTrue(Double.isFinite(e.trainLoss()) && e.trainLoss() >= 0, e.toString());
            assertTrue(e.trainAccuracy() >= 0 && e.trainAccuracy() <= 1, e.toString());
            assertTrue(e.seconds() >= 0, e.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plugins")
    public void sameSeedSamePredictions(ClassifierPlugin plugin) {
        Hyperparameters hp = plugin.resolve(plugin.smokeTestOverrides());
        int[] a = plugin.train(TRAIN, hp, 11).predict(TEST).labels();
        int[] b = plugin.train(TRAIN, hp, 11).predict(TEST).labels();
        assertArrayEquals(a, b);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plugins")
    public void rejectsInvalidHyperparametersBeforeTraining(ClassifierPlugin plugin) {
        var unknown = assertThrows(IllegalArgumentException.class, () -> plugin.resolve(Map.of("no-such-parameter", "1")));
        assertTrue(unknown.getMessage().contains("no-such-parameter"), unknown.getMessage());
        List<String> checked = new ArrayList<>();
        for (ParamSpec spec : plugin.parameters()) {
            String bad = switch (spec.type()) {
                case INT, DOUBLE -> spec.min() != null ? "-1e12" : spec.max() != null ? "1e12" : null;
                case CHOICE -> "not-a-choice";
                case BOOLEAN -> "maybe";
                case STRING -> null;
            };
            if (bad == null) {
                continue;
            }
            var e = assertThrows(IllegalArgumentException.class, () -> plugin.resolve(Map.of(spec.name(), bad)),
                    spec.name() + "=" + bad + " accepted");
            assertTrue(e.getMessage().contains("'" + spec.name() + "'"), e.getMessage());
            checked.add(spec.name());
        }
        assertFalse(checked.isEmpty() && !plugin.parameters().isEmpty() && plugin.parameters().stream()
                .allMatch(s -> s.type() != ParamSpec.Type.STRING), "no parameter was checked");
    }
}
