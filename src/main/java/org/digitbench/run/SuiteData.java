package org.digitbench.run;

import java.util.Optional;
import org.digitbench.data.Dataset;
import org.digitbench.data.Mnist;
import org.digitbench.data.MnistFetcher;
import org.digitbench.data.Splits;

/**
 * The training and test sets of a run: MNIST, the seeded stratified subsets of the configured sizes,
 * and the normalisation fitted on the training subset. The quality pass and every JMH fork build them
 * here, so they train and predict on the same images.
 */
public record SuiteData(Dataset train, Dataset test, org.digitbench.data.Normalization.Fitted normalization) {

    public static SuiteData prepare(RunConfig config, Optional<MnistFetcher> fetcher) {
        Mnist.Split split = Mnist.load(config.data(), fetcher);
        Dataset train = Splits.stratifiedSubset(split.train(), config.effectiveTrainSize(), config.seed());
        Dataset test = Splits.stratifiedSubset(split.test(), config.effectiveTestSize(), config.seed());
        var normalization = config.normalization().fit(train);
        return new SuiteData(normalization.apply(train), normalization.apply(test), normalization);
    }
}
