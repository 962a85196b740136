package org.digitbench.plugins.weka;

import java.util.List;
import java.util.Map;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.ParamSpec;
import weka.classifiers.functions.Logistic;

/**
 * Multinomial logistic regression with a ridge penalty (le Cessie and van Houwelingen), Weka's Logistic. Its
 * quasi-Newton optimiser keeps a dense matrix of (pixels + 1) x (classes - 1) squared entries, 50 million doubles for
 * MNIST, so conjugate gradient descent (Weka's option for many attributes) is the default.
 */
public final class WekaLogistic extends WekaPlugin<Logistic> {
    public WekaLogistic() {
        super("weka-logistic", "logistic-regression", "multinomial logistic regression with a ridge (Weka's Logistic), conjugate gradient",
                Logistic.class);
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.ofDouble("ridge", 1e-8, 0, 1e6, "ridge penalty on the weights"),
                ParamSpec.ofInt("max-iter", 100, 1, 1_000_000, "most iterations of the optimiser"),
                ParamSpec.ofChoice("optimizer", "cg", List.of("cg", "bfgs"), "conjugate gradient descent or quasi-Newton (BFGS)"));
    }

    /** Measured: docs/algorithms.md, benchmarks/TUNING.md. */
    @Override
    public java.util.Optional<String> leftOutOfDefaultSet() {
        return java.util.Optional.of("100 iterations on 50,000 images took 271 s of training (0.9204 on the validation split), "
                + "too long for the full run's hour; smile-logistic-regression reaches 0.9199 in 61 s");
    }

    @Override
    public Map<String, String> smokeTestOverrides() {
        return Map.of("max-iter", "20");
    }

    @Override
    Logistic classifier(Hyperparameters p, long seed) {
        Logistic logistic = new Logistic();
        logistic.setRidge(p.getDouble("ridge"));
        logistic.setMaxIts(p.getInt("max-iter"));
        logistic.setUseConjugateGradientDescent(p.getString("optimizer").equals("cg"));
        logistic.setDoNotStandardizeAttributes(true); // the run's normalisation is every plugin's
        return logistic;
    }
}
