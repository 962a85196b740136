package org.digitbench.plugins.smile;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.ParamSpec;
import org.digitbench.api.TrainedModel;
import org.digitbench.api.TrainingListener;
import org.digitbench.api.Dataset;
import smile.classification.OneVersusOne;
import smile.classification.SVM;
import smile.math.MathEx;
import smile.math.kernel.GaussianKernel;

/**
 * A support vector machine with a Gaussian (RBF) kernel, one-versus-one over the class pairs (45 for ten digits),
 * trained with Smile's LASVM solver on all cores, with Platt scaling for class probabilities.
 */
public final class SmileSvm extends SmilePlugin {
    public SmileSvm() {
        super("smile-svm-rbf", "svm",
                "RBF-kernel SVM, one-vs-one, LASVM solver, Platt-scaled probabilities");
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.ofPositive("C", 10, "soft-margin penalty"),
                ParamSpec.ofPositive("sigma", 7, "kernel width: k(x,y) = exp(-||x-y||^2 / (2 sigma^2)), i.e. gamma = 1/(2 sigma^2) = 0.0102"),
                ParamSpec.ofPositive("tol", 1e-2, "convergence tolerance"),
                ParamSpec.ofInt("epochs", 1, 1, 100, "LASVM passes over the data (1 or 2 is usually enough)"));
    }

    @Override
    public TrainedModel train(Dataset train, Hyperparameters p, long seed) {
        return train(train, p, seed, TrainingListener.NONE);
    }

    @Override
    public TrainedModel train(Dataset train, Hyperparameters p, long seed, TrainingListener listener) {
        double[][] x = train.toDoubleRows();
        var kernel = new GaussianKernel(p.getDouble("sigma"));
        var options = new SVM.Options(p.getDouble("C"), p.getDouble("tol"), p.getInt("epochs"));
        // The 45 binary problems are trained on a parallel stream, each with the thread's own RNG.
        // Seed each from its own samples, so the result does not depend on which thread ran it.
        Map<double[], Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < x.length; i++) {
            index.put(x[i], i);
        }
        int pairs = train.numClasses() * (train.numClasses() - 1) / 2;
        AtomicInteger done = new AtomicInteger();
        var model = OneVersusOne.fit(x, train.labels(), (xi, yi) -> {
            long first = index.get(xi[0]);
            long last = index.get(xi[xi.length - 1]);
            MathEx.setSeed(seed * 1_000_003L + first * 65_537L + last);
            var svm = SVM.fit(xi, yi, kernel, options);
            listener.progress("digit pair", done.incrementAndGet(), pairs);
            return svm;
        });
        return new SmileVectorModel(model);
    }
}
