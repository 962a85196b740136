package org.digitbench.testkit;

import java.nio.file.Path;
import java.util.List;
import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.ParamSpec;
import org.digitbench.api.TrainedModel;
import org.digitbench.api.Dataset;

/** A plugin for tests: a given id, and training that does what the test says (by default, predicts 0). */
public class FakePlugin implements ClassifierPlugin {
    /** What {@link #train} does. */
    @FunctionalInterface
    public interface Training {
        TrainedModel train(Dataset train, Hyperparameters params, long seed);
    }

    private final String id;
    private final Training training;

    public FakePlugin(String id) {
        this(id, (train, params, seed) -> new TrainedModel() {
            @Override
            public int predict(float[] image) {
                return 0;
            }

            @Override
            public void save(Path file) {
            }
        });
    }

    public FakePlugin(String id, Training training) {
        this.id = id;
        this.training = training;
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
        return "a plugin for tests";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of();
    }

    @Override
    public TrainedModel train(Dataset train, Hyperparameters params, long seed) {
        return training.train(train, params, seed);
    }
}
