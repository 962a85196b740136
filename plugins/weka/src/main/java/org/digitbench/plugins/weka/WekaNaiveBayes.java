package org.digitbench.plugins.weka;

import java.util.List;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.ParamSpec;
import weka.classifiers.bayes.NaiveBayes;

/**
 * Naive Bayes (Weka's NaiveBayes): the pixels independent within a class. By default each pixel is discretised by
 * Fayyad and Irani's supervised MDL method: Weka's normal (and kernel) densities of pixels that hardly vary within a
 * class are narrow peaks whose product over hundreds of pixels overflows to infinity, and its class distribution to
 * NaN (Weka guards against underflow only); a discretised pixel's probability is at most 1.
 */
public final class WekaNaiveBayes extends WekaPlugin<NaiveBayes> {
    public WekaNaiveBayes() {
        super("weka-naive-bayes", "naive-bayes", "naive Bayes (Weka), pixels discretised by supervised MDL", NaiveBayes.class);
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.ofChoice("estimator", "discretized", List.of("discretized", "normal", "kernel"),
                "each pixel's distribution within a class: MDL-discretised, normal, or a kernel density"));
    }

    @Override
    NaiveBayes classifier(Hyperparameters p, long seed) {
        NaiveBayes bayes = new NaiveBayes();
        bayes.setUseSupervisedDiscretization(p.getString("estimator").equals("discretized"));
        bayes.setUseKernelEstimator(p.getString("estimator").equals("kernel"));
        return bayes;
    }
}
