package org.digitbench.plugins.smile;

import java.util.List;
import java.util.Random;
import java.util.concurrent.Flow;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.ParamSpec;
import org.digitbench.api.TrainedModel;
import org.digitbench.api.TrainingListener;
import org.digitbench.api.Dataset;
import smile.classification.RandomForest;
import smile.util.IterativeAlgorithmController;

/** A random forest of CART trees, grown in parallel on all cores. */
public final class SmileRandomForest extends SmilePlugin {
    public SmileRandomForest() {
        super("smile-random-forest", "random-forest",
                "random forest of CART trees (bootstrap samples, entropy splits, 56 candidate features per split)");
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.ofInt("trees", 100, 1, 100_000, "number of trees"),
                ParamSpec.ofInt("mtry", 56, 0, 28 * 28, "features drawn per split (Smile makes a leaf when none of them "
                        + "splits the node); 0 = sqrt(number of pixels) = 28"),
                ParamSpec.ofChoice("split-rule", "entropy", List.of("gini", "entropy", "classification-error"), "impurity measure for splits"),
                ParamSpec.ofInt("max-depth", 30, 2, 1000, "maximum depth of each tree"),
                ParamSpec.ofInt("max-nodes", 0, 0, Integer.MAX_VALUE, "maximum leaves per tree; 0 = training size / 5"),
                ParamSpec.ofInt("node-size", 1, 1, 1_000_000, "minimum number of samples in a leaf"),
                ParamSpec.ofDouble("subsample", 1.0, 1e-6, 1.0, "bootstrap sample size as a fraction of the training set"));
    }

    @Override
    public TrainedModel train(Dataset train, Hyperparameters p, long seed) {
        return train(train, p, seed, TrainingListener.NONE);
    }

    @Override
    public TrainedModel train(Dataset train, Hyperparameters p, long seed, TrainingListener listener) {
        int trees = p.getInt("trees");
        long[] seeds = new Random(seed).longs(trees).toArray();
        try (var controller = new IterativeAlgorithmController<RandomForest.TrainingStatus>()) {
            controller.subscribe(new Progress(listener, trees));
            var options = new RandomForest.Options(trees, p.getInt("mtry"), SmileDecisionTree.splitRule(p.getString("split-rule")),
                    p.getInt("max-depth"), SmileDecisionTree.maxNodes(p.getInt("max-nodes"), train.size()), p.getInt("node-size"),
                    p.getDouble("subsample"), null, seeds, controller);
            var forest = RandomForest.fit(SmileFrames.FORMULA, SmileFrames.withLabels(train), options);
            return new SmileFrameModel(forest, SmileFrames.predictorSchema(train));
        }
    }

    /** Counts finished trees. */
    private static final class Progress implements Flow.Subscriber<RandomForest.TrainingStatus> {
        private final TrainingListener listener;
        private final int total;
        private int done;

        Progress(TrainingListener listener, int total) {
            this.listener = listener;
            this.total = total;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public synchronized void onNext(RandomForest.TrainingStatus item) {
            listener.progress("tree", ++done, total);
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }
}
