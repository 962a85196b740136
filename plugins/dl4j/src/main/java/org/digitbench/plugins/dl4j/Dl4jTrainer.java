package org.digitbench.plugins.dl4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.digitbench.api.EpochStats;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.Predictions;
import org.digitbench.api.TrainingListener;
import org.digitbench.api.Dataset;
import org.digitbench.api.Splits;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training loop every DL4J plugin uses: a stratified validation split, seeded shuffling,
 * mini-batches, per-epoch loss and accuracy on training and validation data, optional early
 * stopping with the best epoch's weights restored.
 */
final class Dl4jTrainer {
    /** Training images whose loss and accuracy are measured after each epoch (a fixed stratified sample). */
    static final int HISTORY_SAMPLE = 5_000;

    private Dl4jTrainer() {
    }

    /** How an image is given to a network. */
    enum Layout {
        /** One row of height x width pixels, for dense layers. */
        DENSE,
        /** The same flat row, which DL4J reshapes to height x width x 1 for convolutions. */
        IMAGE,
        /** A sequence: one time step per pixel row, the row's pixels as features ([batch, width, height] in DL4J's NCW). */
        ROWS_AS_TIME_STEPS;

        InputType inputType(int height, int width) {
            return switch (this) {
                case DENSE -> InputType.feedForward((long) height * width);
                case IMAGE -> InputType.convolutionalFlat(height, width, 1);
                case ROWS_AS_TIME_STEPS -> InputType.recurrent(width, height);
            };
        }

        /**
         * Images predicted at one call of the network, chosen by measurement (docs/algorithms.md): the convolutions
         * predict 64 images at a call 2.7x faster than 1,000, the dense and recurrent networks are fastest near 500.
         */
        int predictionBatch() {
            return this == IMAGE ? 64 : 500;
        }

        INDArray features(Dataset data, int[] indices, int from, int to) {
            int n = to - from;
            int h = data.height();
            int w = data.width();
            int f = h * w;
            float[] buf = new float[n * f];
            float[] row = new float[f];
            for (int k = 0; k < n; k++) {
                data.copyRow(indices == null ? from + k : indices[from + k], row);
                if (this != ROWS_AS_TIME_STEPS) {
                    System.arraycopy(row, 0, buf, k * f, f);
                } else {
                    for (int t = 0; t < h; t++) {
                        for (int c = 0; c < w; c++) {
                            buf[k * f + c * h + t] = row[t * w + c];
                        }
                    }
                }
            }
            long[] shape = this != ROWS_AS_TIME_STEPS ? new long[] {n, f} : new long[] {n, w, h};
            return Nd4j.create(buf, shape, 'c');
        }

        INDArray one(float[] image, int height, int width) {
            Dataset single = new Dataset("image", height, width, image, new int[] {0}, List.of(), List.of());
            return features(single, null, 0, 1);
        }
    }

    static INDArray oneHot(Dataset data, int[] indices, int from, int to) {
        int n = to - from;
        int classes = data.numClasses();
        float[] buf = new float[n * classes];
        for (int k = 0; k < n; k++) {
            buf[k * classes + data.label(indices == null ? from + k : indices[from + k])] = 1f;
        }
        return Nd4j.create(buf, new long[] {n, classes}, 'c');
    }

    static Dl4jModel train(Dl4jPlugin plugin, Dataset data, Hyperparameters p, long seed, TrainingListener listener) {
        double validationFraction = p.getDouble("validation-fraction");
        Dataset train = data;
        Dataset validation = null;
        if (validationFraction > 0) {
            Splits.Split split = Splits.stratifiedSplit(data, validationFraction, seed);
            train = split.train();
            validation = split.validation();
        }
        Dataset historySample = Splits.stratifiedSubset(train, HISTORY_SAMPLE, seed);
        String architecture = p.getString("architecture");
        MultiLayerConfiguration conf = plugin.network(architecture, train, p, seed);
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        String helpers = Dl4jNatives.useOneDnn(net);

        Layout layout = plugin.layout();
        int batch = Math.min(p.getInt("batch-size"), train.size());
        int batches = (train.size() + batch - 1) / batch;
        Dataset trainData = train;
        Dl4jThreads.Choice threads = Dl4jThreads.choose(p.getString("threads"),
                plugin.id() + "/" + architecture + "/" + batch + "/" + trainData.numFeatures(), () -> {
                    MultiLayerNetwork probe = net.clone(); // calibration must not train the real network
                    Dl4jNatives.useOneDnn(probe);
                    return i -> {
                        int from = (i % batches) * batch;
                        int to = Math.min(from + batch, trainData.size());
                        probe.fit(layout.features(trainData, null, from, to), oneHot(trainData, null, from, to));
                    };
                });

        Nd4j.getRandom().setSeed(seed); // dropout draws from ND4J's generator
        Random shuffle = new Random(seed);
        int[] order = new int[train.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int epochs = p.getInt("epochs");
        int patience = p.getInt("early-stopping");
        List<EpochStats> history = new ArrayList<>();
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        INDArray bestParams = null;
        boolean stoppedEarly = false;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            Splits.shuffle(order, shuffle);
            long t0 = System.nanoTime();
            for (int from = 0; from < order.length; from += batch) {
                int to = Math.min(from + batch, order.length);
                net.fit(layout.features(train, order, from, to), oneHot(train, order, from, to));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double[] trainEval = evaluate(net, layout, historySample);
            double[] validationEval = validation == null ? null : evaluate(net, layout, validation);
            history.add(new EpochStats(epoch, trainEval[0], trainEval[1], validationEval == null ? null : validationEval[0],
                    validationEval == null ? null : validationEval[1], seconds));
            listener.progress("epoch", epoch, epochs);
            if (patience > 0) {
                if (validationEval[0] < bestLoss) {
                    bestLoss = validationEval[0];
                    bestEpoch = epoch;
                    bestParams = net.params().dup();
                } else if (epoch - bestEpoch >= patience) {
                    stoppedEarly = true;
                    break;
                }
            }
        }
        if (bestParams != null && bestEpoch < history.size()) {
            net.setParams(bestParams);
        }

        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("architecture", architecture);
        provenance.put("threads", threads.describe());
        provenance.put("nd4jBackend", Nd4j.getBackend().getClass().getSimpleName());
        provenance.putAll(Dl4jNatives.provenance());
        provenance.put("helpers", helpers);
        provenance.put("dataType", String.valueOf(conf.getDataType()));
        provenance.put("trainingImages", String.valueOf(train.size()));
        provenance.put("validationImages", String.valueOf(validation == null ? 0 : validation.size()));
        provenance.put("historyTrainingSample", String.valueOf(historySample.size()));
        provenance.put("epochsTrained", String.valueOf(history.size()));
        if (patience > 0) {
            provenance.put("bestEpoch", String.valueOf(bestEpoch));
            provenance.put("stoppedEarly", String.valueOf(stoppedEarly));
        }
        provenance.put("configuration", conf.toJson().replaceAll("\\s+", " "));
        return new Dl4jModel(net, layout, data.height(), data.width(), history, provenance,
                train.size() < data.size() ? train.size() : -1);
    }

    /** Mean cross-entropy (natural log) and accuracy, in inference mode. */
    static double[] evaluate(MultiLayerNetwork net, Layout layout, Dataset data) {
        Predictions p = Dl4jModel.predict(net, layout, data);
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < data.size(); i++) {
            loss -= Math.log(Math.max(p.probabilities()[i][data.label(i)], 1e-12));
            if (p.labels()[i] == data.label(i)) {
                correct++;
            }
        }
        return new double[] {loss / data.size(), (double) correct / data.size()};
    }

    /** A shape as {@code 32x26x26}; a dimension DL4J does not track (-1, e.g. time steps after some wrappers) is {@code ?}. */
    static String shape(long[] shape) {
        StringBuilder sb = new StringBuilder();
        for (long d : shape) {
            sb.append(sb.isEmpty() ? "" : "x").append(d < 0 ? "?" : String.valueOf(d));
        }
        return sb.toString();
    }
}
