package org.digitbench.plugins.tribuo;

import java.util.List;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.ParamSpec;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.Entropy;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.dtree.impurity.LabelImpurity;

/** A single CART tree. */
public final class TribuoDecisionTree extends TribuoPlugin {
    public TribuoDecisionTree() {
        super("tribuo-decision-tree", "decision-tree",
                "CART decision tree (Gini impurity), CARTClassificationTrainer");
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.ofInt("max-depth", 20, 1, 10_000, "maximum depth of the tree"),
                ParamSpec.ofDouble("min-child-weight", 5, 0, 1_000_000, "minimum number of samples in a child"),
                ParamSpec.ofChoice("impurity", "gini", List.of("gini", "entropy"), "impurity measure for splits"));
    }

    @Override
    Trainer<Label> trainer(Hyperparameters p, long seed) {
        return new CARTClassificationTrainer(p.getInt("max-depth"), (float) p.getDouble("min-child-weight"), 0.0f, 1.0f,
                false, impurity(p.getString("impurity")), seed);
    }

    static LabelImpurity impurity(String name) {
        return name.equals("entropy") ? new Entropy() : new GiniIndex();
    }
}
