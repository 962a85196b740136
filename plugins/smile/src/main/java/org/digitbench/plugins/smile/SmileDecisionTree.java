package org.digitbench.plugins.smile;

import java.util.List;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.ParamSpec;
import org.digitbench.api.TrainedModel;
import org.digitbench.api.Dataset;
import smile.classification.DecisionTree;
import smile.model.cart.SplitRule;

/** A single CART decision tree. */
public final class SmileDecisionTree extends SmilePlugin {
    public SmileDecisionTree() {
        super("smile-decision-tree", "decision-tree",
                "CART decision tree (Gini impurity)");
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.ofChoice("split-rule", "gini", List.of("gini", "entropy", "classification-error"), "impurity measure for splits"),
                ParamSpec.ofInt("max-depth", 20, 2, 1000, "maximum depth of the tree"),
                ParamSpec.ofInt("max-nodes", 0, 0, Integer.MAX_VALUE, "maximum number of leaves; 0 = training size / 5"),
                ParamSpec.ofInt("node-size", 5, 1, 1_000_000, "minimum number of samples in a leaf"));
    }

    @Override
    public TrainedModel train(Dataset train, Hyperparameters p, long seed) {
        var options = new DecisionTree.Options(splitRule(p.getString("split-rule")), p.getInt("max-depth"),
                maxNodes(p.getInt("max-nodes"), train.size()), p.getInt("node-size"));
        var tree = DecisionTree.fit(SmileFrames.FORMULA, SmileFrames.withLabels(train), options);
        return new SmileFrameModel(tree, SmileFrames.predictorSchema(train));
    }

    static SplitRule splitRule(String name) {
        return switch (name) {
            case "gini" -> SplitRule.GINI;
            case "entropy" -> SplitRule.ENTROPY;
            case "classification-error" -> SplitRule.CLASSIFICATION_ERROR;
            default -> throw new IllegalArgumentException("hyper-parameter 'split-rule' must be gini, entropy or classification-error, got '" + name + "'");
        };
    }

    static int maxNodes(int param, int n) {
        return param > 0 ? param : Math.max(2, n / 5);
    }
}
