package org.digitbench.plugins.tribuo;

import java.util.List;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.ParamSpec;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;

/** A linear SVM (L2-regularised, squared hinge loss, dual solver) from LibLinear, one-vs-rest. */
public final class TribuoLinearSvm extends TribuoPlugin {
    public TribuoLinearSvm() {
        super("tribuo-linear-svm", "svm",
                "linear SVM, LibLinear L2R_L2LOSS_SVC_DUAL, one-vs-rest");
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.ofPositive("C", 0.1, "soft-margin penalty"),
                ParamSpec.ofInt("max-iter", 1000, 1, 1_000_000, "maximum solver iterations"),
                ParamSpec.ofPositive("tol", 0.1, "stopping tolerance"));
    }

    @Override
    Trainer<Label> trainer(Hyperparameters p, long seed) {
        return new LibLinearClassificationTrainer(new LinearClassificationType(LinearClassificationType.LinearType.L2R_L2LOSS_SVC_DUAL),
                p.getDouble("C"), p.getInt("max-iter"), p.getDouble("tol"), seed);
    }
}
