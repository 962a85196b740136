package org.digitbench.plugins.smile;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.digitbench.api.AbstractClassifierPlugin;
import org.digitbench.api.LibraryVersion;
import org.digitbench.api.TrainedModel;
import smile.classification.Classifier;
import smile.classification.DataFrameClassifier;

/** What every Smile adapter shares: the library's name and version, and loading saved models. */
abstract class SmilePlugin extends AbstractClassifierPlugin {
    static {
        SmileBlas.ensure(); // before Smile's BLAS bindings load
    }

    static final String VERSION = LibraryVersion.of(smile.classification.Classifier.class, "com.github.haifengl", "smile-core");

    SmilePlugin(String id, String family, String description) {
        super(id, family, description);
    }

    @Override
    public String library() {
        return "Smile";
    }

    @Override
    public String libraryVersion() {
        return VERSION;
    }

    /**
     * Only Smile's and the JDK's classes may be deserialised from a model file, so a file that is not
     * a Smile model cannot make the JVM instantiate anything else.
     */
    private static final ObjectInputFilter MODEL_CLASSES = ObjectInputFilter.Config.createFilter(
            "maxdepth=200;smile.**;java.**;!*");

    /** Reads a model that {@link SmileVectorModel#save} or {@link SmileFrameModel#save} wrote (Java serialisation). */
    @Override
    public TrainedModel load(Path file) throws IOException {
        Object model;
        try (InputStream in = Files.newInputStream(file); ObjectInputStream ois = new ObjectInputStream(in)) {
            ois.setObjectInputFilter(MODEL_CLASSES);
            model = ois.readObject();
        } catch (ClassNotFoundException | RuntimeException e) {
            throw new IOException(file + ": not a Smile model (" + e + ")", e);
        }
        if (model instanceof DataFrameClassifier frame) {
            long pixels = Arrays.stream(frame.schema().names()).filter(n -> !n.equals(SmileFrames.LABEL)).count();
            return new SmileFrameModel(frame, SmileFrames.predictorSchema((int) pixels));
        }
        if (model instanceof Classifier<?>) {
            @SuppressWarnings("unchecked") // Smile's vector classifiers here all take double[]
            Classifier<double[]> vector = (Classifier<double[]>) model;
            return new SmileVectorModel(vector);
        }
        throw new IOException(file + ": holds a " + model.getClass().getName() + ", not a Smile classifier");
    }
}
