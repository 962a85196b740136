package org.digitbench.plugins.tribuo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.digitbench.api.AbstractClassifierPlugin;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.TrainedModel;
import org.digitbench.api.TrainingListener;
import org.digitbench.api.Dataset;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;

/**
 * What every Tribuo adapter shares: the library's name and version, the conversion of the
 * training set (done once per dataset and shared by all Tribuo plugins), and the model wrapper.
 */
abstract class TribuoPlugin extends AbstractClassifierPlugin {
    /** Tribuo logs every bagged model at INFO through java.util.logging; keep its warnings only. */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(Level.WARNING);
    }
    TribuoPlugin(String id, String family, String description) {
        super(id, family, description);
    }

    @Override
    public String library() {
        return "Tribuo";
    }

    @Override
    public String libraryVersion() {
        return Tribuo.VERSION;
    }

    /**
     * Reads a model that {@link TribuoModel#save} wrote (Tribuo's protobuf format). Models are of
     * MNIST-sized images: Tribuo's feature map holds only the pixels that were ever non-zero.
     */
    @Override
    public TrainedModel load(Path file) throws IOException {
        Model<?> model;
        try {
            model = Model.deserializeFromFile(file);
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a Tribuo model (" + e + ")", e);
        }
        if (!model.validate(Label.class)) {
            throw new IOException(file + ": a Tribuo model, but not a classifier");
        }
        @SuppressWarnings("unchecked") // validated above
        Model<Label> labels = (Model<Label>) model;
        return new TribuoModel(labels, MNIST_PIXELS);
    }

    /** Pixels per MNIST image. */
    static final int MNIST_PIXELS = 28 * 28;

    /** The trainer for these hyper-parameters. */
    abstract Trainer<Label> trainer(Hyperparameters p, long seed);

    @Override
    public TrainedModel train(Dataset train, Hyperparameters p, long seed) {
        return train(train, p, seed, TrainingListener.NONE);
    }

    @Override
    public TrainedModel train(Dataset train, Hyperparameters p, long seed, TrainingListener listener) {
        Dataset used = trainingSet(train, p, seed);
        TribuoData.Converted data = TribuoData.training(used);
        Model<Label> model = fit(data, p, seed, listener);
        return new TribuoModel(model, data, used.size() < train.size() ? OptionalInt.of(used.size()) : OptionalInt.empty());
    }

    /** The images to train on: all of them, unless a plugin that does not scale says otherwise. */
    Dataset trainingSet(Dataset train, Hyperparameters p, long seed) {
        return train;
    }

    /** Trains on the converted data; plugins that can use several cores override this. */
    Model<Label> fit(TribuoData.Converted data, Hyperparameters p, long seed, TrainingListener listener) {
        return trainer(p, seed).train(data.dataset());
    }
}
