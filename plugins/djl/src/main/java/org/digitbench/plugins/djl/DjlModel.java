package org.digitbench.plugins.djl;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.digitbench.api.Dataset;
import org.digitbench.api.EpochStats;
import org.digitbench.api.LayerInfo;
import org.digitbench.api.Predictions;
import org.digitbench.api.TrainedModel;

/** A trained DJL network: predictions in inference mode (no dropout), softmax over its logits. */
final class DjlModel implements TrainedModel {
    static final String MAGIC = "digitbench djl model 2";
    /** The first format, without the thread count: read with the plugin's default threads. */
    static final String MAGIC_1 = "digitbench djl model 1";
    /**
     * Images predicted at once, chosen by measurement (docs/algorithms.md): libtorch on the CPU predicts 64 images at a
     * call 7x faster than 500 for the CNN and 6x for the LSTM (and the MLP as fast), so a larger batch is cut into these.
     */
    static final int CHUNK = 64;
    /** The largest model file read back: far above these networks' few MB. */
    static final long MAX_MODEL_BYTES = 1L << 30;

    private final DjlPlugin plugin;
    private final Model model;
    private final int height;
    private final int width;
    private final int classes;
    private final int shapeParameter;
    private final int threads;
    private final List<EpochStats> history;
    private final Map<String, String> provenance;
    private final int trainingSize;

    DjlModel(DjlPlugin plugin, Model model, int height, int width, int classes, int shapeParameter, int threads,
             List<EpochStats> history, Map<String, String> provenance, int trainingSize) {
        this.plugin = plugin;
        this.model = model;
        this.height = height;
        this.width = width;
        this.classes = classes;
        this.shapeParameter = shapeParameter;
        this.threads = threads;
        this.history = List.copyOf(history);
        this.provenance = Map.copyOf(provenance);
        this.trainingSize = trainingSize;
    }

    /** Rows {@code order[from..to)} of {@code data} (or {@code from..to} without an order) as the layout's array. */
    static NDArray features(NDManager manager, DjlNetworks.Layout layout, Dataset data, int[] order, int from, int to) {
        int f = data.numFeatures();
        float[] buf = new float[(to - from) * f];
        float[] row = new float[f];
        for (int k = 0; k < to - from; k++) {
            data.copyRow(order == null ? from + k : order[from + k], row);
            System.arraycopy(row, 0, buf, k * f, f); // row-major pixels are NCHW and batch-first rows alike
        }
        return manager.create(buf, layout.shape(to - from, data.height(), data.width()));
    }

    /** Class probabilities of every image of {@code data}, in inference mode. */
    static float[][] probabilities(Model model, DjlNetworks.Layout layout, Dataset data) {
        float[][] out = new float[data.size()][];
        for (int from = 0; from < data.size(); from += CHUNK) {
            int to = Math.min(from + CHUNK, data.size());
            try (NDManager batch = model.getNDManager().newSubManager()) {
                NDArray x = features(batch, layout, data, null, from, to);
                NDArray logits = model.getBlock().forward(new ParameterStore(batch, false), new NDList(x), false).singletonOrThrow();
                float[] p = logits.softmax(-1).toFloatArray();
                int k = p.length / (to - from);
                for (int i = from; i < to; i++) {
                    out[i] = java.util.Arrays.copyOfRange(p, (i - from) * k, (i - from + 1) * k);
                }
            }
        }
        return out;
    }

    /** Mean cross-entropy (natural log) and accuracy, in inference mode. */
    static double[] evaluate(Model model, DjlNetworks.Layout layout, Dataset data) {
        float[][] p = probabilities(model, layout, data);
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < data.size(); i++) {
            loss -= Math.log(Math.max(p[i][data.label(i)], 1e-12));
            correct += argMax(p[i]) == data.label(i) ? 1 : 0;
        }
        return new double[] {loss / data.size(), (double) correct / data.size()};
    }

    private static int argMax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public int predict(float[] image) {
        return TrainedModel.argMax(probabilities(image));
    }

    @Override
    public boolean hasProbabilities() {
        return true;
    }

    @Override
    public double[] probabilities(float[] image) {
        if (image.length != height * width) {
            throw new IllegalArgumentException("an image of " + image.length + " pixels; this network takes " + height + "x" + width);
        }
        Dataset one = new Dataset("image", height, width, image, new int[] {0}, classes, List.of(), List.of());
        return Predictions.normalized(probabilities(model, plugin.layout(), one)[0]);
    }

    @Override
    public Predictions predict(Dataset test) {
        return Predictions.ofProbabilities(probabilities(model, plugin.layout(), test));
    }

    @Override
    public OptionalInt trainingSize() {
        return trainingSize < 0 ? OptionalInt.empty() : OptionalInt.of(trainingSize);
    }

    @Override
    public List<EpochStats> history() {
        return history;
    }

    @Override
    public Map<String, String> provenance() {
        return provenance;
    }

    /** The network, for this package's tests. */
    Block block() {
        return model.getBlock();
    }

    @Override
    public OptionalLong parameterCount() {
        return OptionalLong.of(model.getBlock().getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum());
    }

    /** Each layer of the network with its output shape (without the batch) and parameters. */
    @Override
    public List<LayerInfo> layers() {
        List<LayerInfo> layers = new ArrayList<>();
        Shape in = plugin.layout().shape(1, height, width);
        for (Pair<String, Block> child : model.getBlock().getChildren()) {
            Block b = child.getValue();
            in = b.getOutputShapes(new Shape[] {in})[0];
            long params = b.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
            StringBuilder shape = new StringBuilder();
            for (int d = 1; d < in.dimension(); d++) {
                shape.append(shape.isEmpty() ? "" : "x").append(in.get(d));
            }
            layers.add(new LayerInfo(child.getKey(), b.getClass().getSimpleName(), shape.toString(), params));
        }
        return layers;
    }

    /**
     * The header ({@link #MAGIC}, plugin, image shape, classes, shape parameter, threads), then DJL's parameters. The threads
     * are PyTorch's intra-op threads of the training: a loaded model predicts with them, so {@code predict} and
     * {@code serve} time what the trial timed.
     */
    @Override
    public void save(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); DataOutputStream data = new DataOutputStream(out)) {
            data.writeUTF(MAGIC);
            data.writeUTF(plugin.id());
            data.writeInt(height);
            data.writeInt(width);
            data.writeInt(classes);
            data.writeInt(shapeParameter);
            data.writeInt(threads);
            model.getBlock().saveParameters(data);
        }
    }

    static DjlModel load(DjlPlugin plugin, Path file) throws IOException {
        long bytes = Files.size(file);
        if (bytes > MAX_MODEL_BYTES) {
            throw new IOException(file + ": " + bytes + " bytes, larger than a network of these images can be (" + MAX_MODEL_BYTES + ")");
        }
        try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
            String magic;
            try {
                magic = data.readUTF();
            } catch (IOException e) {
                magic = "";
            }
            if (!MAGIC.equals(magic) && !MAGIC_1.equals(magic)) {
                throw new IOException(file + ": not a digitbench DJL model (expected a file that starts with '" + MAGIC + "')");
            }
            String id = data.readUTF();
            int height = data.readInt();
            int width = data.readInt();
            int classes = data.readInt();
            int shapeParameter = data.readInt();
            int threads = MAGIC_1.equals(magic) ? plugin.defaultThreads() : data.readInt();
            if (threads < 1 || threads > DjlPlugin.MAX_THREADS) {
                throw new IOException(file + ": a DJL model saved with " + threads + " threads; expected 1 to " + DjlPlugin.MAX_THREADS);
            }
            if (!id.equals(plugin.id()) || height < 1 || width < 1 || (long) height * width > 1 << 24 || classes < 2
                    || classes > Dataset.MAX_CLASSES || shapeParameter < 0 || shapeParameter > 100_000) {
                throw new IOException(file + ": a DJL model of " + id + ", " + height + "x" + width + " images, " + classes
                        + " classes; expected one of " + plugin.id() + " with 2 to " + Dataset.MAX_CLASSES + " classes");
            }
            DjlEngine.pytorch(threads);
            Model model = Model.newInstance(plugin.id(), "PyTorch");
            Block block = plugin.network(shapeParameter, classes);
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, plugin.layout().shape(1, height, width));
            try {
                block.loadParameters(model.getNDManager(), data);
            } catch (MalformedModelException | RuntimeException e) {
                throw new IOException(file + ": its parameters are not those of " + plugin.id() + "'s network (" + e.getMessage() + ")", e);
            }
            return new DjlModel(plugin, model, height, width, classes, shapeParameter, threads, List.of(),
                    Map.of("threads", String.valueOf(threads)), -1);
        }
    }
}
