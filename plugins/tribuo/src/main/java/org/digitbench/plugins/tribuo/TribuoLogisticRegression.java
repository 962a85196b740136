package org.digitbench.plugins.tribuo;

import java.util.List;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.ParamSpec;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

/** Multinomial logistic regression: Tribuo's linear SGD trainer with the log-multiclass objective. */
public final class TribuoLogisticRegression extends TribuoPlugin {
    public TribuoLogisticRegression() {
        super("tribuo-logistic-regression", "logistic-regression",
                "multinomial logistic regression, LinearSGDTrainer with LogMulticlass and AdaGrad");
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.ofInt("epochs", 10, 1, 10_000, "passes over the training set"),
                ParamSpec.ofPositive("learning-rate", 0.5, "AdaGrad's initial learning rate"),
                ParamSpec.ofInt("batch-size", 16, 1, 100_000, "mini-batch size"));
    }

    @Override
    Trainer<Label> trainer(Hyperparameters p, long seed) {
        return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(p.getDouble("learning-rate"), 0.1),
                p.getInt("epochs"), -1, p.getInt("batch-size"), seed);
    }
}
