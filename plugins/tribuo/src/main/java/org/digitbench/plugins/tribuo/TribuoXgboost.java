package org.digitbench.plugins.tribuo;

import java.util.List;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.ParamSpec;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer;

/** Gradient-boosted trees from XGBoost (histogram method, all cores). Zero pixels are XGBoost's "missing". */
public final class TribuoXgboost extends TribuoPlugin {
    public TribuoXgboost() {
        super("tribuo-xgboost", "gradient-boosting",
                "gradient-boosted trees, XGBoost (hist), softmax objective");
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.ofInt("rounds", 60, 1, 100_000, "boosting rounds (one tree per class each)"),
                ParamSpec.ofDouble("eta", 0.5, 1e-6, 1, "learning rate"),
                ParamSpec.ofInt("max-depth", 6, 1, 64, "maximum depth of each tree"),
                ParamSpec.ofDouble("subsample", 1.0, 1e-6, 1, "fraction of images sampled per round"),
                ParamSpec.ofDouble("colsample", 1.0, 1e-6, 1, "fraction of pixels sampled per tree"),
                ParamSpec.ofInt("threads", Runtime.getRuntime().availableProcessors(), 1, 1024, "XGBoost threads"));
    }

    @Override
    Trainer<Label> trainer(Hyperparameters p, long seed) {
        return new XGBoostClassificationTrainer(XGBoostTrainer.BoosterType.GBTREE, XGBoostTrainer.TreeMethod.HIST,
                p.getInt("rounds"), p.getDouble("eta"), 0.0, p.getInt("max-depth"), 1.0, p.getDouble("subsample"),
                p.getDouble("colsample"), 1.0, 0.0, p.getInt("threads"), XGBoostTrainer.LoggingVerbosity.SILENT, seed);
    }
}
