package org.digitbench.plugins.tribuo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.ParamSpec;
import org.digitbench.api.TrainingListener;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.ensemble.WeightedEnsembleModel;

/**
 * A random forest of CART trees. Tribuo's bagging trainer grows its trees one after another, so
 * this plugin grows {@code threads} smaller forests at once, each with its own seed, and joins
 * their trees into one voting ensemble.
 */
public final class TribuoRandomForest extends TribuoPlugin {
    public TribuoRandomForest() {
        super("tribuo-random-forest", "random-forest",
                "random forest of CART trees (bootstrap samples, a fraction of features per split), majority vote");
    }

    /** Measured in the full reference run at 8f90685 and the run of the new libraries at 1a34da9 (benchmarks/results/). */
    @Override
    public java.util.Optional<String> leftOutOfDefaultSet() {
        return java.util.Optional.of("450 s of training (a 495 s trial, 0.9656, a 150 MiB model) in the full reference run at 8f90685: "
                + "too long for the full run's hour once "
                + "the plugins of XGBoost4J, Weka and DJL share it; the random forests of the default set reached 0.9668 "
                + "(smile-random-forest, 154 s) and 0.9676 (weka-random-forest, 42 s)");
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.ofInt("trees", 30, 1, 100_000, "number of trees"),
                ParamSpec.ofDouble("feature-fraction", 0.07, 1e-4, 1.0, "fraction of the pixels drawn per split (0.07 of 784 = 55)"),
                ParamSpec.ofInt("max-depth", 1000, 1, 100_000, "maximum depth of each tree"),
                ParamSpec.ofChoice("impurity", "entropy", List.of("gini", "entropy"), "impurity measure for splits"),
                ParamSpec.ofInt("threads", Runtime.getRuntime().availableProcessors(), 1, 1024,
                        "forests grown at once (Tribuo's own trainer is single-threaded)"));
    }

    @Override
    Trainer<Label> trainer(Hyperparameters p, long seed) {
        return forest(p, p.getInt("trees"), seed);
    }

    private RandomForestTrainer<Label> forest(Hyperparameters p, int trees, long seed) {
        var tree = new CARTClassificationTrainer(p.getInt("max-depth"), 1.0f, 0.0f, (float) p.getDouble("feature-fraction"),
                false, TribuoDecisionTree.impurity(p.getString("impurity")), seed);
        return new RandomForestTrainer<>(tree, new VotingCombiner(), trees, seed);
    }

    @Override
    Model<Label> fit(TribuoData.Converted data, Hyperparameters p, long seed, TrainingListener listener) {
        int trees = p.getInt("trees");
        int parts = Math.min(p.getInt("threads"), trees);
        long[] seeds = new Random(seed).longs(parts).toArray();
        AtomicInteger done = new AtomicInteger();
        List<Model<Label>> forests = IntStream.range(0, parts).parallel().mapToObj(k -> {
            int share = trees / parts + (k < trees % parts ? 1 : 0);
            Model<Label> m = forest(p, share, seeds[k]).train(data.dataset());
            listener.progress("tree", done.addAndGet(share), trees);
            return m;
        }).toList();
        if (forests.size() == 1) {
            return forests.get(0);
        }
        List<Model<Label>> members = new ArrayList<>();
        for (Model<Label> f : forests) {
            members.addAll(((WeightedEnsembleModel<Label>) f).getModels());
        }
        return WeightedEnsembleModel.createEnsembleFromExistingModels("tribuo-random-forest", members, new VotingCombiner());
    }
}
