package org.digitbench.eval;

import java.util.Comparator;
import java.util.List;

/**
 * How a model did on corrupted copies of a stratified subset of the test images (MNIST-C's measure): its accuracy on each
 * corruption with a Wilson interval, the mean over the corruptions (mean corruption accuracy, mCA) and the drop from its
 * accuracy on the same images uncorrupted.
 *
 * @param suite         which corruptions ({@code default}: MNIST-C's fifteen; {@code all}: also dilate, erode, invert)
 * @param images        images per corruption
 * @param cleanAccuracy accuracy on the same images uncorrupted ({@code null} when the evaluation could not start)
 * @param meanAccuracy  mean corruption accuracy: the unweighted mean of the corruptions' accuracies
 * @param drop          {@code cleanAccuracy - meanAccuracy}
 * @param worst         the corruption with the lowest accuracy
 * @param corruptions   each corruption's result, in the suite's order
 * @param error         why the evaluation stopped, or {@code null}; the corruptions before it are kept
 */
public record Robustness(String suite, int images, Double cleanAccuracy, Double meanAccuracy, Double drop, String worst,
                         List<Corrupted> corruptions, String error) {

    public Robustness {
        corruptions = corruptions == null ? List.of() : List.copyOf(corruptions);
    }

    /**
     * One corruption's result.
     *
     * @param corruption its id, e.g. {@code motion-blur}
     * @param correct    images predicted right
     * @param accuracy   {@code correct / images}
     * @param ci95       Wilson 95% interval of the accuracy
     * @param examples   what the model predicted for the suite's example images, in their order
     */
    public record Corrupted(String corruption, int correct, double accuracy, Statistics.Interval ci95, int[] examples) {
    }

    /** One corruption's result from the true labels and the model's predictions for the corrupted images. */
    public static Corrupted corrupted(String corruption, int[] truth, int[] predicted, int[] examples) {
        int correct = correct(truth, predicted);
        int[] said = new int[examples.length];
        for (int k = 0; k < examples.length; k++) {
            said[k] = predicted[examples[k]];
        }
        return new Corrupted(corruption, correct, (double) correct / truth.length, Statistics.wilson(correct, truth.length, 0.95), said);
    }

    /**
     * The result over the corruptions evaluated.
     *
     * @param cleanPredicted the model's predictions for the subset's images uncorrupted
     * @param error          why the evaluation stopped early, or {@code null}
     */
    public static Robustness of(String suite, int[] truth, int[] cleanPredicted, List<Corrupted> corruptions, String error) {
        double clean = (double) correct(truth, cleanPredicted) / truth.length;
        Double mean = corruptions.isEmpty() ? null : corruptions.stream().mapToDouble(Corrupted::accuracy).average().orElseThrow();
        String worst = corruptions.stream().min(Comparator.comparingDouble(Corrupted::accuracy)).map(Corrupted::corruption).orElse(null);
        return new Robustness(suite, truth.length, clean, mean, mean == null ? null : clean - mean, worst, corruptions, error);
    }

    /** An evaluation that could not run at all, and why. */
    public static Robustness failed(String error) {
        return new Robustness(null, 0, null, null, null, null, List.of(), error);
    }

    /** Whether every corruption of the suite was evaluated. */
    public boolean complete() {
        return error == null;
    }

    /** The result of {@code id}, or {@code null} when it was not evaluated. */
    public Corrupted of(String id) {
        return corruptions.stream().filter(c -> c.corruption().equals(id)).findFirst().orElse(null);
    }

    private static int correct(int[] truth, int[] predicted) {
        if (predicted.length != truth.length) {
            throw new IllegalArgumentException(predicted.length + " predictions for " + truth.length + " images");
        }
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            if (predicted[i] == truth[i]) {
                correct++;
            }
        }
        return correct;
    }
}
