package org.digitbench.plugins.weka;

import java.util.List;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.ParamSpec;
import weka.classifiers.functions.SMO;
import weka.classifiers.functions.supportVector.Kernel;
import weka.classifiers.functions.supportVector.PolyKernel;
import weka.classifiers.functions.supportVector.RBFKernel;
import weka.core.SelectedTag;

/**
 * Platt's SMO (Weka's), one-against-one for several classes, on the run's normalised pixels (Weka's own rescaling off):
 * {@code weka-smo-linear} with the linear kernel, {@code weka-smo-rbf} with the RBF kernel at the width of
 * {@code tribuo-svm-rbf}'s default. Without calibration models its distribution is votes, not probabilities.
 */
public abstract sealed class WekaSmo extends WekaPlugin<SMO> permits WekaSmo.Linear, WekaSmo.Rbf {
    WekaSmo(String id, String description) {
        super(id, id.endsWith("linear") ? "linear-svm" : "svm-rbf", description, SMO.class);
    }

    /** The SVM with a linear kernel. */
    public static final class Linear extends WekaSmo {
        public Linear() {
            super("weka-smo-linear", "linear SVM (Weka's SMO, polynomial kernel of exponent 1), one-against-one");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.ofPositive("C", 1.0, "soft-margin penalty"),
                    ParamSpec.ofPositive("tol", 1e-3, "tolerance of the KKT conditions"));
        }

        /** Measured: docs/algorithms.md, benchmarks/TUNING.md. */
        @Override
        public java.util.Optional<String> leftOutOfDefaultSet() {
            return java.util.Optional.of("14 s to train on 10,000 images (0.9153 on the validation split), but on 50,000 it was still "
                    + "training after 8 minutes (SMO's time grows faster than the images): far too long for "
                    + "the full run's hour; tribuo-linear-svm (LibLinear) is the linear SVM of the default set");
        }

        @Override
        Kernel kernel(Hyperparameters p) {
            PolyKernel kernel = new PolyKernel();
            kernel.setExponent(1.0);
            return kernel;
        }
    }

    /** The SVM with a Gaussian kernel. */
    public static final class Rbf extends WekaSmo {
        public Rbf() {
            super("weka-smo-rbf", "RBF SVM (Weka's SMO), gamma 0.01, one-against-one");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.ofPositive("C", 5.0, "soft-margin penalty"),
                    ParamSpec.ofPositive("gamma", 0.01, "kernel width: exp(-gamma |x - y|^2)"),
                    ParamSpec.ofPositive("tol", 1e-3, "tolerance of the KKT conditions"));
        }

        /** Measured: docs/algorithms.md, benchmarks/TUNING.md. */
        @Override
        public java.util.Optional<String> leftOutOfDefaultSet() {
            return java.util.Optional.of("on 10,000 training images it took 33 s to train and 193 s to predict the 10,000 validation "
                    + "images (19 ms an image, one thread; 0.9650), and more images make more support vectors: far too long "
                    + "for the full run's hour; smile-svm-rbf is the RBF SVM of the default set");
        }

        @Override
        Kernel kernel(Hyperparameters p) {
            RBFKernel kernel = new RBFKernel();
            kernel.setGamma(p.getDouble("gamma"));
            return kernel;
        }
    }

    abstract Kernel kernel(Hyperparameters p);

    @Override
    boolean probabilities(Hyperparameters p) {
        return false;
    }

    @Override
    SMO classifier(Hyperparameters p, long seed) {
        SMO smo = new SMO();
        smo.setKernel(kernel(p));
        smo.setC(p.getDouble("C"));
        smo.setToleranceParameter(p.getDouble("tol"));
        smo.setFilterType(new SelectedTag(SMO.FILTER_NONE, SMO.TAGS_FILTER));
        smo.setRandomSeed(seed(seed));
        return smo;
    }
}
