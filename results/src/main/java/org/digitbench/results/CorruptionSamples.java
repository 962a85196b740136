package org.digitbench.results;

import java.util.List;

/**
 * The robustness suite of a run as results.json records it once for all its models: which corruptions, on how many
 * images, and a few example images of each, clean and corrupted, for the report to show next to what each model said.
 *
 * @param suite       {@code default} (MNIST-C's fifteen) or {@code all} (also dilate, erode and invert)
 * @param description what the suite holds, in words
 * @param images      images per corruption: a stratified subset of the test set, the same for every corruption and model
 * @param seed        the seed that drew the subset and the corruptions' randomness
 * @param clean       the example images uncorrupted
 * @param corruptions each corruption, in the suite's order
 */
public record CorruptionSamples(String suite, String description, int images, long seed, List<DigitImage> clean,
                                List<Corruption> corruptions) {
    public CorruptionSamples {
        clean = clean == null ? List.of() : List.copyOf(clean);
        corruptions = corruptions == null ? List.of() : List.copyOf(corruptions);
    }

    /**
     * One corruption of the suite.
     *
     * @param id          e.g. {@code motion-blur}
     * @param description what it does, with its parameters
     * @param mnistC      whether it is one of MNIST-C's fifteen
     * @param examples    the example images corrupted by it, in the order of {@code clean}
     */
    public record Corruption(String id, String description, boolean mnistC, List<DigitImage> examples) {
        public Corruption {
            examples = examples == null ? List.of() : List.copyOf(examples);
        }
    }
}
