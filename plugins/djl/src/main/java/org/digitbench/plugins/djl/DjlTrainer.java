package org.digitbench.plugins.djl;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.digitbench.api.Dataset;
import org.digitbench.api.EpochStats;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.Splits;
import org.digitbench.api.TrainingListener;

/**
 * The training loop, the Deeplearning4j plugins' own: a stratified validation split, seeded shuffling, mini-batches
 * with Adam on the softmax cross-entropy, and after each epoch loss and accuracy on a fixed sample of 5,000 training
 * images and on the validation images, in inference mode.
 */
final class DjlTrainer {
    /** Training images whose loss and accuracy are measured after each epoch (a fixed stratified sample). */
    static final int HISTORY_SAMPLE = 5_000;

    private DjlTrainer() {
    }

    static DjlModel train(DjlPlugin plugin, Dataset data, Hyperparameters p, long seed, TrainingListener listener) {
        Engine engine = DjlEngine.pytorch(p.getInt("threads"));
        engine.setRandomSeed((int) seed); // initial weights and dropout draw from libtorch's generator
        Dataset train = data;
        Dataset validation = null;
        if (p.getDouble("validation-fraction") > 0) {
            Splits.Split split = Splits.stratifiedSplit(data, p.getDouble("validation-fraction"), seed);
            train = split.train();
            validation = split.validation();
        }
        Dataset historySample = Splits.stratifiedSubset(train, HISTORY_SAMPLE, seed);
        int classes = data.numClasses();
        Block block = plugin.network(p, classes);
        Model model = Model.newInstance(plugin.id(), engine.defaultDevice(), "PyTorch");
        model.setBlock(block);
        DefaultTrainingConfig config = plugin.initializers(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) p.getDouble("learning-rate"))).build())
                // DL4J's XAVIER: normal with variance 2 / (fan in + fan out)
                .optInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.AVG, 1),
                        Parameter.Type.WEIGHT)
                .optDevices(new ai.djl.Device[] {engine.defaultDevice()}));
        DjlNetworks.Layout layout = plugin.layout();
        int batch = Math.min(p.getInt("batch-size"), train.size());
        List<EpochStats> history = new ArrayList<>();
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(layout.shape(batch, data.height(), data.width()));
            Random shuffle = new Random(seed);
            int[] order = new int[train.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            int epochs = p.getInt("epochs");
            for (int epoch = 1; epoch <= epochs; epoch++) {
                Splits.shuffle(order, shuffle);
                long t0 = System.nanoTime();
                for (int from = 0; from < order.length; from += batch) {
                    step(trainer, model.getNDManager(), layout, train, order, from, Math.min(from + batch, order.length));
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                double[] trainEval = DjlModel.evaluate(model, layout, historySample);
                double[] validationEval = validation == null ? null : DjlModel.evaluate(model, layout, validation);
                history.add(new EpochStats(epoch, trainEval[0], trainEval[1], validationEval == null ? null : validationEval[0],
                        validationEval == null ? null : validationEval[1], seconds));
                listener.progress("epoch", epoch, epochs);
            }
        }
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("engine", engine.getEngineName() + " " + engine.getVersion());
        provenance.put("threads", String.valueOf(p.getInt("threads")));
        provenance.put("trainingImages", String.valueOf(train.size()));
        provenance.put("validationImages", String.valueOf(validation == null ? 0 : validation.size()));
        provenance.put("historyTrainingSample", String.valueOf(historySample.size()));
        provenance.put("network", block.toString().replaceAll("\\s+", " "));
        return new DjlModel(plugin, model, data.height(), data.width(), classes, plugin.shapeParameter(p), p.getInt("threads"),
                history, provenance, train.size() < data.size() ? train.size() : -1);
    }

    /** One mini-batch: forward, the loss's gradient, Adam's step; the batch's arrays freed with its sub-manager. */
    private static void step(Trainer trainer, NDManager parent, DjlNetworks.Layout layout, Dataset data, int[] order, int from, int to) {
        try (NDManager batch = parent.newSubManager()) {
            NDArray x = DjlModel.features(batch, layout, data, order, from, to);
            float[] labels = new float[to - from];
            for (int k = 0; k < labels.length; k++) {
                labels[k] = data.label(order[from + k]);
            }
            NDArray y = batch.create(labels);
            try (GradientCollector gradients = trainer.newGradientCollector()) {
                NDList out = trainer.forward(new NDList(x));
                NDArray loss = trainer.getLoss().evaluate(new NDList(y), out);
                gradients.backward(loss);
            }
            trainer.step();
        }
    }
}
