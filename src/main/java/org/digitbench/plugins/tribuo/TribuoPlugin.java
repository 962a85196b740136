package org.digitbench.plugins.tribuo;

import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.TrainedModel;
import org.digitbench.api.TrainingListener;
import org.digitbench.data.Dataset;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;

/**
 * What every Tribuo adapter shares: the library's name and version, the conversion of the
 * training set (done once per dataset and shared by all Tribuo plugins), and the model wrapper.
 */
abstract class TribuoPlugin implements ClassifierPlugin {
    @Override
    public String library() {
        return "Tribuo";
    }

    @Override
    public String libraryVersion() {
        return Tribuo.VERSION;
    }

    /** The trainer for these hyper-parameters. */
    abstract Trainer<Label> trainer(Hyperparameters p, long seed);

    @Override
    public TrainedModel train(Dataset train, Hyperparameters p, long seed) {
        return train(train, p, seed, TrainingListener.NONE);
    }

    @Override
    public TrainedModel train(Dataset train, Hyperparameters p, long seed, TrainingListener listener) {
        TribuoData.Converted data = TribuoData.training(train);
        Model<Label> model = fit(data, p, seed, listener);
        return new TribuoModel(model, data);
    }

    /** Trains on the converted data; plugins that can use several cores override this. */
    Model<Label> fit(TribuoData.Converted data, Hyperparameters p, long seed, TrainingListener listener) {
        return trainer(p, seed).train(data.dataset());
    }
}
