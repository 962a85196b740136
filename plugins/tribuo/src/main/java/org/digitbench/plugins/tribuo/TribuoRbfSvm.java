package org.digitbench.plugins.tribuo;

import java.util.List;
import libsvm.svm;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.ParamSpec;
import org.digitbench.api.Dataset;
import org.digitbench.api.Splits;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;

/**
 * An RBF-kernel C-SVM from LibSVM (one-vs-one). LibSVM trains on one thread, in time that grows
 * superlinearly with the training size; it trains on all the training images by default
 * ({@code train-size} opts in to a stratified subset, and the results record the size used). Batches are
 * predicted on all cores ({@link TribuoModel#predict(Dataset)}). Class probabilities are off by default:
 * LibSVM gets them from an internal 5-fold cross-validation, which multiplies the training time.
 */
public final class TribuoRbfSvm extends TribuoPlugin {
    public TribuoRbfSvm() {
        super("tribuo-svm-rbf", "svm",
                "RBF-kernel C-SVM, LibSVM, one-vs-one (trains on one thread, predicts batches on all cores)");
    }

    /** Measured in the full reference run at 8f90685 (benchmarks/results/README.md). */
    @Override
    public java.util.Optional<String> leftOutOfDefaultSet() {
        return java.util.Optional.of("571 s of training on one thread and 111 s to predict the test set (a 768 s trial, 0.9831) in the full "
                + "reference run at 8f90685: too long for the full run's hour once "
                + "the plugins of XGBoost4J, Weka and DJL share it; smile-svm-rbf, the RBF SVM of the "
                + "default set, reached 0.9834 in 207 s of training (a 423 s trial)");
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.ofInt("train-size", 0, 0, Integer.MAX_VALUE,
                        "train on a stratified subset of this many images (0 = all, the default); LibSVM is single-threaded and superlinear"),
                ParamSpec.ofPositive("C", 10, "soft-margin penalty"),
                ParamSpec.ofPositive("gamma", 0.01, "kernel coefficient: k(x,y) = exp(-gamma ||x-y||^2)"),
                ParamSpec.ofPositive("cache-mb", 1000, "kernel cache size in MB"),
                ParamSpec.ofPositive("tol", 1e-2, "LibSVM's stopping tolerance (eps)"),
                ParamSpec.ofBoolean("probabilities", false, "fit LibSVM's probability model (5-fold CV: several times slower)"));
    }

    @Override
    Dataset trainingSet(Dataset train, Hyperparameters p, long seed) {
        int n = p.getInt("train-size");
        return n > 0 ? Splits.stratifiedSubset(train, n, seed) : train;
    }

    static {
        svm.svm_set_print_string_function(message -> { }); // LibSVM prints its progress to stdout otherwise
    }

    @Override
    Trainer<Label> trainer(Hyperparameters p, long seed) {
        SVMParameters<Label> params = new SVMParameters<>(new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC), KernelType.RBF);
        params.setCost(p.getDouble("C"));
        params.setGamma(p.getDouble("gamma"));
        params.setCacheSize(p.getDouble("cache-mb"));
        params.getParameters().eps = p.getDouble("tol");
        if (p.getBoolean("probabilities")) {
            params.setProbability();
        }
        return new LibSVMClassificationTrainer(params, seed);
    }
}
