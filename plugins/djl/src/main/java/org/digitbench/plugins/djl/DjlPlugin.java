package org.digitbench.plugins.djl;

import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.digitbench.api.AbstractClassifierPlugin;
import org.digitbench.api.Dataset;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.ParamSpec;
import org.digitbench.api.TrainedModel;
import org.digitbench.api.TrainingListener;

/**
 * What the DJL adapters share with each other and with the Deeplearning4j ones: Adam and cross-entropy, Xavier
 * initialisation, the epochs, batch size, learning rate and validation split, and the per-epoch history.
 */
abstract class DjlPlugin extends AbstractClassifierPlugin {
    private final DjlNetworks.Layout layout;
    private final int defaultEpochs;
    private final int defaultBatchSize;
    /** The most intra-op threads a model may ask for. */
    static final int MAX_THREADS = 1024;
    private final int defaultThreads;

    DjlPlugin(String id, String family, String description, DjlNetworks.Layout layout, int defaultEpochs, int defaultBatchSize,
              int defaultThreads) {
        super(id, family, description);
        this.layout = layout;
        this.defaultEpochs = defaultEpochs;
        this.defaultBatchSize = defaultBatchSize;
        this.defaultThreads = defaultThreads;
    }

    @Override
    public String library() {
        return "DJL";
    }

    @Override
    public String libraryVersion() {
        String v = ai.djl.engine.Engine.class.getPackage().getImplementationVersion();
        return (v == null ? org.digitbench.api.LibraryVersion.of(ai.djl.engine.Engine.class, "ai.djl", "api") : v) + " (PyTorch "
                + DjlEngine.NATIVE_ARTIFACT.split(":")[2] + ")";
    }

    final int defaultThreads() {
        return defaultThreads;
    }

    final DjlNetworks.Layout layout() {
        return layout;
    }

    /** The network for these hyper-parameters and classes. */
    abstract Block network(Hyperparameters p, int classes);

    /** What the network's shape depends on besides the class count, saved with the model (e.g. the LSTM's units). */
    int shapeParameter(Hyperparameters p) {
        return 0;
    }

    /** Initialisers besides the Xavier weights every network has (the LSTM's forget-gate bias). */
    ai.djl.training.DefaultTrainingConfig initializers(ai.djl.training.DefaultTrainingConfig config) {
        return config;
    }

    /** The network for a saved model: its class count and {@link #shapeParameter}. */
    abstract Block network(int shapeParameter, int classes);

    /** The parameters specific to the plugin, before the shared ones. */
    List<ParamSpec> ownParameters() {
        return List.of();
    }

    @Override
    public final List<ParamSpec> parameters() {
        List<ParamSpec> specs = new ArrayList<>(ownParameters());
        specs.add(ParamSpec.ofInt("epochs", defaultEpochs, 1, 100_000, "passes over the training data"));
        specs.add(ParamSpec.ofInt("batch-size", defaultBatchSize, 1, 1_000_000, "mini-batch size"));
        specs.add(ParamSpec.ofPositive("learning-rate", 1e-3, "Adam's learning rate"));
        specs.add(ParamSpec.ofDouble("validation-fraction", 0.1, 0, 0.5,
                "share of the training images held out (stratified) for validation loss and accuracy per epoch; 0 = none"));
        specs.add(ParamSpec.ofInt("threads", defaultThreads, 1, MAX_THREADS, "PyTorch's intra-op threads"));
        return List.copyOf(specs);
    }

    @Override
    public Map<String, String> smokeTestOverrides() {
        return Map.of("epochs", "5", "batch-size", "16", "threads", "1");
    }

    @Override
    public TrainedModel train(Dataset train, Hyperparameters p, long seed) {
        return train(train, p, seed, TrainingListener.NONE);
    }

    @Override
    public TrainedModel train(Dataset train, Hyperparameters p, long seed, TrainingListener listener) {
        return DjlTrainer.train(this, train, p, seed, listener);
    }

    @Override
    public TrainedModel load(Path file) throws IOException {
        return DjlModel.load(this, file);
    }
}
