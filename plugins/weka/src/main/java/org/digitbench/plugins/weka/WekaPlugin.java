package org.digitbench.plugins.weka;

import java.io.IOException;
import java.nio.file.Path;
import org.digitbench.api.AbstractClassifierPlugin;
import org.digitbench.api.Dataset;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.TrainedModel;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.core.Instances;

/** What every Weka adapter shares: the library, the conversion to {@code Instances}, training and loading. */
abstract class WekaPlugin<C extends AbstractClassifier> extends AbstractClassifierPlugin {
    static {
        WekaHome.ensure(); // before Weka's package manager first loads
    }

    private final Class<C> type;

    WekaPlugin(String id, String family, String description, Class<C> type) {
        super(id, family, description);
        this.type = type;
    }

    @Override
    public String library() {
        return "Weka";
    }

    @Override
    public String libraryVersion() {
        return weka.core.Version.VERSION;
    }

    /** The classifier for these hyper-parameters, untrained. */
    abstract C classifier(Hyperparameters p, long seed);

    /** Whether the classifier's distribution is a probability estimate (SMO's, without calibration, is votes). */
    boolean probabilities(Hyperparameters p) {
        return true;
    }

    @Override
    public TrainedModel train(Dataset train, Hyperparameters p, long seed) {
        Instances data = WekaData.of(train);
        C classifier = classifier(p, seed);
        classifier.setDebug(false);
        classifier.setDoNotCheckCapabilities(true); // Instances built here have what every classifier needs
        try {
            classifier.buildClassifier(data);
        } catch (Exception e) {
            throw new IllegalStateException("Weka's " + type.getSimpleName() + " failed to train: " + e, e);
        }
        return new WekaModel(classifier, new Instances(data, 0), probabilities(p));
    }

    @Override
    public TrainedModel load(Path file) throws IOException {
        return WekaModels.load(file, type);
    }

    /** Weka's seeds are ints: the run's seed folded into one. */
    static int seed(long seed) {
        return Long.hashCode(seed);
    }

    /** The classifier, trained, of a model this plugin made (for tests). */
    static Classifier classifierOf(TrainedModel model) {
        return ((WekaModel) model).classifier();
    }
}
