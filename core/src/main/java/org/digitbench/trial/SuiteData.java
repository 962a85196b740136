package org.digitbench.trial;

import org.digitbench.api.Dataset;
import org.digitbench.api.DigitbenchException;
import org.digitbench.api.SourceFile;
import org.digitbench.api.Splits;
import org.digitbench.config.RunConfig;
import org.digitbench.data.CorruptionSuite;
import org.digitbench.data.DatasetSummary;
import org.digitbench.data.Mnist;
import org.digitbench.data.MnistFetcher;
import org.digitbench.results.CorruptionSamples;
import org.digitbench.results.DigitImage;
import org.digitbench.results.RunResults;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The training and test sets of a run: MNIST, the seeded stratified subsets of the configured sizes,
 * and the normalisation fitted on the training subset. The driver and every trial JVM build them
 * here, so they train and predict on the same images. With {@code validation}, the test set is a
 * stratified sixth of the training images and the training set the rest.
 */
public record SuiteData(Dataset train, Dataset test, org.digitbench.data.Normalization.Fitted normalization,
                        List<String> classNames, CorruptionSuite corrupted) {

    public SuiteData {
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
    }

    /** Without class names or corrupted images. */
    public SuiteData(Dataset train, Dataset test, org.digitbench.data.Normalization.Fitted normalization) {
        this(train, test, normalization, List.of(), null);
    }

    public static SuiteData prepare(RunConfig config, Optional<MnistFetcher> fetcher) {
        Mnist.Split split = config.dataset().source().load(fetcher, config.mainSeed());
        Dataset trainAll = split.train();
        Dataset testAll = split.test();
        requireImages(trainAll, "training");
        requireImages(testAll, "test");
        if (config.dataset().validation()) {
            // choosing hyper-parameters: a stratified part of the training images stands in for the test set
            Splits.Split s = Splits.stratifiedSplit(trainAll, RunConfig.VALIDATION_FRACTION, config.mainSeed());
            trainAll = s.train();
            testAll = s.validation();
        }
        // a size asked for that the data cannot give is refused, not quietly cut (the profiles ask for at most what MNIST has)
        if (config.dataset().trainSize() != null && config.dataset().trainSize() > trainAll.size()) {
            throw new DigitbenchException("--train-size " + config.dataset().trainSize() + ": the training set has only "
                    + trainAll.size() + " images" + (config.dataset().validation() ? " besides the validation split" : ""));
        }
        if (config.dataset().testSize() != null && config.dataset().testSize() > testAll.size()) {
            throw new DigitbenchException("--test-size " + config.dataset().testSize() + ": the " + (config.dataset().validation() ? "validation split"
                    : "test set") + " has only " + testAll.size() + " images");
        }
        Dataset train = Splits.stratifiedSubset(trainAll, config.trainSize(trainAll.size()), config.mainSeed());
        Dataset test = Splits.stratifiedSubset(testAll, config.testSize(testAll.size()), config.mainSeed());
        requireEveryClassTested(train, test, config);
        var normalization = config.dataset().normalization().fit(train);
        CorruptionSuite corrupted = config.robustness() == CorruptionSuite.Choice.NONE ? null
                : CorruptionSuite.of(config.robustness(), test, config.robustnessImages(test.size()), config.mainSeed(), normalization);
        return new SuiteData(normalization.apply(train), normalization.apply(test), normalization, split.classNames(), corrupted);
    }

    /**
     * Each plugin says whether it can learn images of this data's shape and class count, with the run's hyper-parameters.
     *
     * @param params the run's plugins, in run order, with their resolved hyper-parameters
     */
    public void requireLearnableBy(java.util.Map<org.digitbench.api.ClassifierPlugin, org.digitbench.api.Hyperparameters> params) {
        for (var entry : params.entrySet()) {
            org.digitbench.api.ClassifierPlugin plugin = entry.getKey();
            try {
                plugin.checkShape(train.height(), train.width(), train.numClasses(), entry.getValue());
            } catch (IllegalArgumentException e) {
                throw new DigitbenchException("plugin " + plugin.id() + ": " + e.getMessage() + " (" + train.name() + ": "
                        + train.height() + "x" + train.width() + " images, " + train.numClasses() + " classes)", e);
            }
        }
    }

    /** A class the model learns but is never tested on would enter the macro averages with an F1 of 0: refused. */
    /** A set with no image is named by its files, before any subset is drawn from it. */
    private static void requireImages(Dataset data, String which) {
        if (data.size() == 0) {
            throw new DigitbenchException(files(data) + ": the " + which + " set holds no image; expected a dataset with images");
        }
    }

    private static String files(Dataset data) {
        return data.sources().isEmpty() ? data.name()
                : String.join(", ", data.sources().stream().map(org.digitbench.api.SourceFile::path).toList());
    }

    private static void requireEveryClassTested(Dataset train, Dataset test, RunConfig config) {
        int[] trained = new int[train.numClasses()];
        int[] tested = new int[test.numClasses()];
        for (int label : train.labels()) {
            trained[label]++;
        }
        for (int label : test.labels()) {
            tested[label]++;
        }
        long learned = java.util.Arrays.stream(trained).filter(n -> n > 0).count();
        if (learned < 2) {
            throw new DigitbenchException(files(train) + ": the training set (" + train.size() + " images) has "
                    + (learned == 0 ? "no class" : "one class only") + "; a classifier learns from two classes or more");
        }
        for (int c = 0; c < tested.length; c++) {
            if (tested[c] > 0 && (c >= trained.length || trained[c] == 0)) {
                throw new DigitbenchException(files(train) + ": the training set (" + train.size() + " images) has no image of "
                        + "class " + c + ", which the test set has " + tested[c] + " of; no model could ever predict it: give a "
                        + "training set with every class, or more training images");
            }
        }
        for (int c = 0; c < trained.length; c++) {
            if (trained[c] > 0 && tested[c] == 0) {
                String where = config.dataset().source().test() != null ? config.dataset().source().test().toString() : config.dataset().source().spec();
                throw new DigitbenchException(where + ": the test set (" + test.size() + " images) has no image of class " + c
                        + ", which the training set has " + trained[c] + " of; every class needs test images for its precision, "
                        + "recall and F1 to mean anything: give a test set with every class, or more test images");
            }
        }
    }

    /**
     * Checks that these are the images a run recorded: the same files (by SHA-256), sizes and transforms.
     *
     * @param what how the error message starts, e.g. "cannot resume run X"
     */
    public void requireSameAs(RunResults.DataInfo recorded, String what) {
        check(train, recorded.train(), what);
        check(test, recorded.test(), what);
    }

    private static void check(Dataset d, RunResults.DatasetInfo recorded, String what) {
        List<String> now = d.sources().stream().map(SourceFile::sha256).toList();
        List<String> then = recorded.sources().stream().map(SourceFile::sha256).toList();
        if (!now.equals(then) || d.size() != recorded.size() || !d.transforms().equals(recorded.transforms())) {
            throw new DigitbenchException(what + ": its " + d.name() + " data differs from the run's (SHA-256 "
                    + now.stream().map(h -> h.substring(0, 12)).toList() + " vs " + then.stream().map(h -> h.substring(0, 12)).toList()
                    + ", " + d.size() + " vs " + recorded.size() + " images)");
        }
    }

    /** What results.json records of the data: its normalisation, both sets with their files, sample test images, class names. */
    public RunResults.DataInfo info(org.digitbench.data.Normalization n) {
        return new RunResults.DataInfo(n.id(), n.description(), info(train), info(test), samples(test), classNames,
                corrupted == null ? null : corruptionSamples(corrupted));
    }

    /** The suite as results.json records it: its corruptions, and each one's example images. */
    private static CorruptionSamples corruptionSamples(CorruptionSuite suite) {
        int[] examples = suite.examples();
        int[] positions = suite.positions();
        java.util.function.Function<Dataset, List<DigitImage>> pictures = d -> java.util.stream.IntStream.range(0, d.size())
                .mapToObj(k -> DigitImage.raw(d, k, positions[examples[k]])).toList();
        return new CorruptionSamples(suite.choice().id(), suite.choice().description(), suite.size(), suite.seed(),
                pictures.apply(suite.clean().subset(examples, "examples")),
                suite.corruptions().stream().map(c -> new CorruptionSamples.Corruption(c.id(), c.description(), c.mnistC(),
                        pictures.apply(suite.raw(c, examples)))).toList());
    }

    /** Sample images per class in the results. */
    static final int SAMPLES_PER_CLASS = 8;

    private static List<DigitImage> samples(Dataset test) {
        List<DigitImage> samples = new ArrayList<>();
        // MNIST's 8 per class; with more classes fewer per class, about as many images in all (and at least one per class)
        int perClass = Math.max(1, SAMPLES_PER_CLASS * Dataset.NUM_CLASSES / test.numClasses());
        int[] taken = new int[test.numClasses()];
        for (int i = 0; i < test.size() && samples.size() < perClass * test.numClasses(); i++) {
            if (taken[test.label(i)]++ < perClass) {
                samples.add(DigitImage.of(test, i, null, null));
            }
        }
        samples.sort(java.util.Comparator.comparingInt(DigitImage::label).thenComparingInt(DigitImage::index));
        return samples;
    }

    private static RunResults.DatasetInfo info(Dataset d) {
        return new RunResults.DatasetInfo(d.name(), d.size(), d.sources(), d.transforms(), DatasetSummary.of(d));
    }
}
