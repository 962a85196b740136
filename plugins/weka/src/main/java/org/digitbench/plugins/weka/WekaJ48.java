package org.digitbench.plugins.weka;

import java.util.List;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.ParamSpec;
import weka.classifiers.trees.J48;

/** Quinlan's C4.5 decision tree, as Weka's J48, with its pruning defaults. */
public final class WekaJ48 extends WekaPlugin<J48> {
    public WekaJ48() {
        super("weka-j48", "decision-tree", "C4.5 decision tree (Weka's J48), pruned at confidence 0.25", J48.class);
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.ofDouble("confidence", 0.25, 1e-6, 0.5, "pruning confidence (smaller prunes more)"),
                ParamSpec.ofInt("min-leaf", 2, 1, 1_000_000, "fewest images in a leaf"));
    }

    @Override
    J48 classifier(Hyperparameters p, long seed) {
        J48 tree = new J48();
        tree.setConfidenceFactor((float) p.getDouble("confidence"));
        tree.setMinNumObj(p.getInt("min-leaf"));
        return tree;
    }
}
