package org.digitbench.plugins.dl4j;

import org.digitbench.api.AbstractClassifierPlugin;
import org.digitbench.api.Dataset;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.LibraryVersion;
import org.digitbench.api.ParamSpec;
import org.digitbench.api.TrainedModel;
import org.digitbench.api.TrainingListener;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the Deeplearning4j adapters share: Adam and cross-entropy, the hyper-parameters every
 * network takes, the training loop ({@link Dl4jTrainer}) and loading saved networks.
 */
abstract class Dl4jPlugin extends AbstractClassifierPlugin {
    static {
        Dl4jNatives.select(); // before anything loads ND4J
    }

    static final String VERSION = LibraryVersion.of(MultiLayerNetwork.class, "org.deeplearning4j", "deeplearning4j-nn");

    private final Dl4jTrainer.Layout layout;
    private final List<String> architectures;
    private final int defaultEpochs;
    private final int defaultBatchSize;
    private final String defaultThreads;

    /**
     * @param architectures  the named networks, the first one the default
     * @param defaultThreads the {@code threads} default: fixed per network, so every run of the defaults computes the same
     *                       way (the last images of a 0.99 floor move with the thread count)
     */
    Dl4jPlugin(String id, String family, String description, Dl4jTrainer.Layout layout, List<String> architectures,
               int defaultEpochs, int defaultBatchSize, String defaultThreads) {
        super(id, family, description);
        this.layout = layout;
        this.architectures = List.copyOf(architectures);
        this.defaultEpochs = defaultEpochs;
        this.defaultBatchSize = defaultBatchSize;
        this.defaultThreads = defaultThreads;
    }

    @Override
    public String library() {
        return "Deeplearning4j";
    }

    @Override
    public String libraryVersion() {
        return VERSION;
    }

    /** How images are fed to this plugin's networks. */
    final Dl4jTrainer.Layout layout() {
        return layout;
    }

    /** The layers of one architecture, added to a list that has the shared settings. */
    abstract void addLayers(String architecture, NeuralNetConfiguration.ListBuilder list, Hyperparameters p);

    /** The network for one architecture: Adam, Xavier initialisation, L2, softmax output with cross-entropy. */
    /** Builds the network for an image of this shape: DL4J works out every layer's size, and refuses one that vanishes. */
    @Override
    public void checkShape(int height, int width, int numClasses, Hyperparameters p) {
        Dataset shape = new Dataset("shape", height, width, new float[height * width], new int[] {0}, numClasses, List.of(), List.of());
        String architecture = p.getString("architecture");
        String problem;
        try {
            MultiLayerConfiguration conf = network(architecture, shape, p, 0);
            // DL4J only warns when a layer's output shrinks to nothing: each layer's output must keep some values
            List<org.deeplearning4j.nn.conf.inputs.InputType> outputs = conf.getLayerActivationTypes(layout.inputType(height, width));
            problem = null;
            for (int i = 0; i < outputs.size() && problem == null; i++) {
                if (outputs.get(i).arrayElementsPerExample() <= 0) {
                    problem = "layer " + conf.getConf(i).getLayer().getLayerName() + " would output " + outputs.get(i);
                }
            }
        } catch (RuntimeException e) { // DL4J's DL4JInvalidConfigException / InvalidInputTypeException, among others
            problem = e.getMessage();
        }
        if (problem != null) {
            throw new IllegalArgumentException("the " + architecture + " network cannot take " + height + "x" + width + " images ("
                    + problem + "); choose another -P " + id() + ".architecture");
        }
    }

    final MultiLayerConfiguration network(String architecture, Dataset train, Hyperparameters p, long seed) {
        NeuralNetConfiguration.Builder builder = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(p.getDouble("learning-rate")))
                .weightInit(WeightInit.XAVIER)
                // keep each layer's forward results for its backward pass instead of computing them again
                // (-Ddigitbench.dl4j.cacheMode=NONE: DL4J's default, to measure the difference)
                .cacheMode(CacheMode.valueOf(System.getProperty("digitbench.dl4j.cacheMode", "HOST")));
        if (p.getDouble("l2") > 0) {
            builder.l2(p.getDouble("l2"));
        }
        NeuralNetConfiguration.ListBuilder list = builder.list();
        addLayers(architecture, list, p);
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("output")
                .nOut(train.numClasses()).activation(Activation.SOFTMAX).build());
        list.setInputType(layout.inputType(train.height(), train.width()));
        return list.build();
    }

    /** A dropout layer for a Keras-style rate (DL4J's own argument is the probability of keeping). */
    static DropoutLayer dropout(String name, double rate) {
        return new DropoutLayer.Builder(1.0 - rate).name(name).build();
    }

    /** The parameters specific to the plugin, after the architecture and before the shared ones. */
    List<ParamSpec> ownParameters() {
        return List.of();
    }

    @Override
    public final List<ParamSpec> parameters() {
        List<ParamSpec> specs = new ArrayList<>();
        specs.add(ParamSpec.ofChoice("architecture", architectures.getFirst(), architectures, "the network, see docs/algorithms.md"));
        specs.addAll(ownParameters());
        specs.add(ParamSpec.ofInt("epochs", defaultEpochs, 1, 100_000, "passes over the training data (at most, with early stopping)"));
        specs.add(ParamSpec.ofInt("batch-size", defaultBatchSize, 1, 1_000_000, "mini-batch size"));
        specs.add(ParamSpec.ofPositive("learning-rate", 1e-3, "Adam's learning rate"));
        specs.add(ParamSpec.ofDouble("l2", 0.0, 0, 1, "L2 regularisation coefficient of the weights"));
        specs.add(ParamSpec.ofDouble("validation-fraction", 0.1, 0, 0.5,
                "share of the training images held out (stratified) for validation loss and accuracy per epoch; 0 = none"));
        specs.add(ParamSpec.ofInt("early-stopping", 0, 0, 10_000,
                "stop after this many epochs without a lower validation loss and keep the best epoch's weights; 0 = off"));
        specs.add(ParamSpec.ofString("threads", defaultThreads,
                "ND4J/OpenBLAS threads: a number, all (the cores this JVM may use), or auto to time a few mini-batches with "
                        + "1..cores threads and keep the fastest"));
        return List.copyOf(specs);
    }

    @Override
    public void validate(Hyperparameters p) {
        if (p.getInt("early-stopping") > 0 && p.getDouble("validation-fraction") == 0) {
            throw new IllegalArgumentException("hyper-parameter 'early-stopping' needs validation data: set "
                    + "'validation-fraction' above 0, or early-stopping to 0");
        }
        Dl4jThreads.parse(p.getString("threads"));
    }

    @Override
    public Map<String, String> smokeTestOverrides() {
        return Map.of("epochs", "5", "batch-size", "16", "threads", "1");
    }

    @Override
    public TrainedModel train(Dataset train, Hyperparameters params, long seed) {
        return train(train, params, seed, TrainingListener.NONE);
    }

    @Override
    public TrainedModel train(Dataset train, Hyperparameters p, long seed, TrainingListener listener) {
        return Dl4jTrainer.train(this, train, p, seed, listener);
    }

    /** Where ModelSerializer.addObjectToFile puts {@link Dl4jModel#IMAGE_SHAPE_ENTRY}. */
    private static final String SHAPE_ENTRY = "objects/" + Dl4jModel.IMAGE_SHAPE_ENTRY;

    /** What a network file digitbench saves holds; anything else is refused before DL4J reads the file. */
    private static final java.util.Set<String> ENTRIES = java.util.Set.of("configuration.json", "coefficients.bin",
            "noParams.marker", "updaterState.bin", SHAPE_ENTRY);

    /**
     * The most bytes each entry of a saved network may inflate to: its configuration is JSON that DL4J reads whole (a
     * few kB for these networks), the parameters and updater state arrays (a few MB here).
     */
    static final Map<String, Long> ENTRY_BUDGET = Map.of("configuration.json", 8L << 20, "coefficients.bin", 256L << 20,
            "updaterState.bin", 256L << 20, "noParams.marker", 1024L, SHAPE_ENTRY, 1024L);

    /** Inflates the entry, counting, and refuses it past its budget (a small zip can inflate to gigabytes). */
    private static void requireWithinBudget(Path file, java.util.zip.ZipFile zip, java.util.zip.ZipEntry entry) throws IOException {
        long budget = ENTRY_BUDGET.getOrDefault(entry.getName(), 0L);
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = zip.getInputStream(entry)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > budget) {
                    throw new IOException(file + ": its entry '" + entry.getName() + "' inflates to more than " + budget
                            + " bytes, more than a network digitbench saved holds: refused before Deeplearning4j reads it");
                }
            }
        }
    }

    /**
     * Reads a network that {@link Dl4jModel#save} wrote. A model file is data from a run folder: DL4J's
     * {@code ModelSerializer} would Java-deserialize a {@code preprocessor.bin} entry without any filter, so the
     * file's entries are checked first, and the image-shape entry is read through a filter that admits an
     * {@code int[]} alone.
     */
    @Override
    public TrainedModel load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no saved network at " + file);
        }
        int[] shape;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            for (var e : java.util.Collections.list(zip.entries())) {
                if (!ENTRIES.contains(e.getName())) {
                    throw new IOException(file + " holds '" + e.getName() + "', which a network saved by digitbench never has: "
                            + "refused before Deeplearning4j reads it");
                }
                requireWithinBudget(file, zip, e);
            }
            var entry = zip.getEntry(SHAPE_ENTRY);
            if (entry == null || zip.getEntry("configuration.json") == null) {
                throw new IOException(file + " is not a network that digitbench saved (it lacks "
                        + (entry == null ? "digitbench's image-shape entry" : "configuration.json") + ")");
            }
            try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(zip.getInputStream(entry))) {
                in.setObjectInputFilter(java.io.ObjectInputFilter.Config.createFilter("maxdepth=1;maxbytes=1024;maxarray=2;[I;!*"));
                shape = (int[]) in.readObject();
            } catch (ClassNotFoundException | ClassCastException | java.io.InvalidClassException e) {
                throw new IOException(file + ": its image-shape entry is not two numbers: " + e.getMessage(), e);
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(file + " is not a network that digitbench saved with Deeplearning4j's ModelSerializer "
                    + "(not a zip file: " + e.getMessage() + ")", e);
        }
        if (shape == null || shape.length != 2 || shape[0] < 1 || shape[1] < 1 || shape[0] > 4096 || shape[1] > 4096) {
            throw new IOException(file + ": its image-shape entry is not a height and a width");
        }
        MultiLayerNetwork net;
        try {
            net = MultiLayerNetwork.load(file.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + " is not a network that digitbench saved with Deeplearning4j's ModelSerializer: "
                    + e.getMessage(), e);
        }
        Map<String, String> provenance = new java.util.LinkedHashMap<>(Dl4jNatives.provenance());
        provenance.put("helpers", Dl4jNatives.useOneDnn(net));
        provenance.put("loadedFrom", file.toString());
        return new Dl4jModel(net, layout(), shape[0], shape[1], List.of(), provenance, -1);
    }
}
