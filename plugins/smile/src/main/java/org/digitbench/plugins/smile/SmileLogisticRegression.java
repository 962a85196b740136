package org.digitbench.plugins.smile;

import java.util.List;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.ParamSpec;
import org.digitbench.api.TrainedModel;
import org.digitbench.api.Dataset;
import smile.classification.LogisticRegression;

/** Multinomial logistic regression (softmax), fitted with L-BFGS. */
public final class SmileLogisticRegression extends SmilePlugin {
    public SmileLogisticRegression() {
        super("smile-logistic-regression", "logistic-regression",
                "multinomial logistic regression, L2-regularised, L-BFGS");
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.ofDouble("lambda", 0.1, 0, 1e6, "L2 penalty on the weights (0 = none), on the summed log-likelihood"),
                ParamSpec.ofPositive("tol", 1e-3, "convergence tolerance of L-BFGS"),
                ParamSpec.ofInt("max-iter", 100, 1, 100_000, "maximum L-BFGS iterations"));
    }

    @Override
    public TrainedModel train(Dataset train, Hyperparameters p, long seed) {
        var options = new LogisticRegression.Options(p.getDouble("lambda"), p.getDouble("tol"), p.getInt("max-iter"));
        return new SmileVectorModel(LogisticRegression.multinomial(train.toDoubleRows(), train.labels(), options));
    }
}
