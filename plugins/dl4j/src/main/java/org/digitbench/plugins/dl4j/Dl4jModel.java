package org.digitbench.plugins.dl4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.digitbench.api.EpochStats;
import org.digitbench.api.LayerInfo;
import org.digitbench.api.Predictions;
import org.digitbench.api.TrainedModel;
import org.digitbench.api.Dataset;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A trained DL4J network. Prediction goes through {@link MultiLayerNetwork#output(org.nd4j.linalg.api.ndarray.INDArray, boolean)},
 * which DL4J synchronises, so concurrent callers are safe (and served one at a time).
 */
final class Dl4jModel implements TrainedModel {

    private final MultiLayerNetwork net;
    private final Dl4jTrainer.Layout layout;
    private final int height;
    private final int width;
    private final List<EpochStats> history;
    private final Map<String, String> provenance;
    private final int trainingSize;

    /**
     * @param trainingSize images trained on when fewer than given (a validation part was held out), else -1
     */
    Dl4jModel(MultiLayerNetwork net, Dl4jTrainer.Layout layout, int height, int width, List<EpochStats> history,
              Map<String, String> provenance, int trainingSize) {
        this.net = net;
        this.layout = layout;
        this.height = height;
        this.width = width;
        this.history = List.copyOf(history);
        this.provenance = Map.copyOf(provenance);
        this.trainingSize = trainingSize;
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
            throw new IllegalArgumentException("this network takes " + height + "x" + width + " = " + height * width
                    + " pixels, got " + image.length);
        }
        return toDouble(net.output(layout.one(image, height, width), false).toFloatVector());
    }

    @Override
    public Predictions predict(Dataset data) {
        return predict(net, layout, data);
    }

    /** Every image's class probabilities and most probable class, in batches of the layout's size, in inference mode. */
    static Predictions predict(MultiLayerNetwork net, Dl4jTrainer.Layout layout, Dataset data) {
        int n = data.size();
        int[] labels = new int[n];
        double[][] probabilities = new double[n][];
        int chunk = layout.predictionBatch();
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(from + chunk, n);
            float[][] out = net.output(layout.features(data, null, from, to), false).toFloatMatrix();
            for (int k = 0; k < out.length; k++) {
                probabilities[from + k] = toDouble(out[k]);
                labels[from + k] = TrainedModel.argMax(probabilities[from + k]);
            }
        }
        return new Predictions(labels, probabilities);
    }

    private static double[] toDouble(float[] values) {
        double[] d = new double[values.length];
        for (int c = 0; c < values.length; c++) {
            d[c] = values[c];
        }
        return d;
    }

    @Override
    public OptionalLong parameterCount() {
        return OptionalLong.of(net.numParams());
    }

    @Override
    public List<LayerInfo> layers() {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        List<InputType> outputs = conf.getLayerActivationTypes(layout.inputType(height, width));
        List<LayerInfo> layers = new ArrayList<>();
        for (int i = 0; i < net.getnLayers(); i++) {
            Layer layer = conf.getConf(i).getLayer();
            String name = layer.getLayerName() != null ? layer.getLayerName() : "layer" + i;
            layers.add(new LayerInfo(name, type(layer), Dl4jTrainer.shape(outputs.get(i).getShape(false)),
                    net.getLayer(i).numParams()));
        }
        return layers;
    }

    private static String type(Layer layer) {
        if (layer instanceof BaseWrapperLayer wrapper) {
            return layer.getClass().getSimpleName() + "(" + type(wrapper.getUnderlying()) + ")";
        }
        if (layer instanceof Bidirectional bidirectional) {
            return "Bidirectional[" + bidirectional.getMode() + "](" + type(bidirectional.getFwd()) + ")";
        }
        return layer.getClass().getSimpleName();
    }

    @Override
    public List<EpochStats> history() {
        return history;
    }

    @Override
    public Map<String, String> provenance() {
        return provenance;
    }

    @Override
    public OptionalInt trainingSize() {
        return trainingSize < 0 ? OptionalInt.empty() : OptionalInt.of(trainingSize);
    }

    /**
     * DL4J's own format (a zip of the configuration JSON and the parameters, without updater state),
     * plus the image height and width as an extra entry.
     */
    @Override
    public void save(Path file) throws IOException {
        ModelSerializer.writeModel(net, file.toFile(), false);
        ModelSerializer.addObjectToFile(file.toFile(), IMAGE_SHAPE_ENTRY, new int[] {height, width});
    }

    static final String IMAGE_SHAPE_ENTRY = "digitbench-image-shape";
}
