package org.digitbench.plugins.weka;

import java.util.List;
import java.util.Map;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.ParamSpec;
import weka.classifiers.trees.RandomForest;

/** Breiman's random forest of Weka's RandomTree, trees built on all cores. */
public final class WekaRandomForest extends WekaPlugin<RandomForest> {
    public WekaRandomForest() {
        super("weka-random-forest", "random-forest", "random forest (Weka), 100 trees, log2(pixels)+1 pixels per split", RandomForest.class);
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.ofInt("trees", 100, 1, 100_000, "trees in the forest"),
                ParamSpec.ofInt("features", 0, 0, 1_000_000, "pixels tried at each split; 0 = log2(pixels) + 1 (Weka's default)"),
                ParamSpec.ofInt("max-depth", 0, 0, 10_000, "deepest a tree grows; 0 = unlimited"),
                ParamSpec.ofInt("threads", Runtime.getRuntime().availableProcessors(), 1, 1024, "trees built at once"));
    }

    @Override
    public Map<String, String> smokeTestOverrides() {
        return Map.of("trees", "20");
    }

    @Override
    RandomForest classifier(Hyperparameters p, long seed) {
        RandomForest forest = new RandomForest();
        forest.setNumIterations(p.getInt("trees"));
        forest.setNumFeatures(p.getInt("features"));
        forest.setMaxDepth(p.getInt("max-depth"));
        forest.setNumExecutionSlots(p.getInt("threads"));
        forest.setSeed(seed(seed));
        return forest;
    }
}
