package org.digitbench.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One algorithm of one library, as digitbench trains and evaluates it.
 *
 * <p>Plugins are found with {@link java.util.ServiceLoader}: a jar with a
 * {@code META-INF/services/org.digitbench.api.ClassifierPlugin} file naming the implementation
 * class, put on the class path, adds a plugin. Implementations need a public no-argument constructor
 * and must not import anything that is not on the class path at discovery time.
 */
public interface ClassifierPlugin {

    /** A stable kebab-case id, unique among all plugins, e.g. {@code smile-random-forest}. */
    String id();

    /** The library that implements the algorithm, e.g. {@code Smile}. */
    String library();

    /** The library's version, for provenance; {@code "unknown"} when it cannot be found. */
    default String libraryVersion() {
        return "unknown";
    }

    /** The algorithm family, e.g. {@code logistic-regression}, {@code random-forest}, {@code mlp}. */
    String family();

    /** A one-line description of the algorithm and its defaults. */
    String description();

    /**
     * Why a run that names no plugins leaves this one out (it cannot train the full training set within the full run's
     * hour, say, with the figure that shows it), or empty when it is in the default set. A plugin left out still runs
     * when named with {@code -m}; {@code digitbench list} and the report say which were left out and why.
     */
    default Optional<String> leftOutOfDefaultSet() {
        return Optional.empty();
    }

    /** The hyper-parameters the plugin takes, with their defaults. */
    List<ParamSpec> parameters();

    /**
     * Checks constraints between hyper-parameters that single {@link ParamSpec}s cannot express.
     *
     * @throws IllegalArgumentException naming the parameter and what is expected
     */
    default void validate(Hyperparameters params) {
    }

    /**
     * Checks, before anything is trained, that the plugin can learn images of this shape and class count with these
     * hyper-parameters (a network whose convolutions and poolings would shrink the image to nothing cannot). The
     * driver calls it once the run's data is read, so a run is refused at its start, not one trial in.
     *
     * @throws IllegalArgumentException saying what the plugin needs
     */
    default void checkShape(int height, int width, int numClasses, Hyperparameters params) {
    }

    /**
     * Resolves command-line overrides against {@link #parameters()} and {@link #validate}s them.
     *
     * @throws IllegalArgumentException for an unknown or invalid hyper-parameter
     */
    default Hyperparameters resolve(Map<String, String> overrides) {
        Hyperparameters params = Hyperparameters.resolve(parameters(), overrides);
        validate(params);
        return params;
    }

    /**
     * Trains a model on labelled, already normalised data.
     *
     * @param train  the training set
     * @param params hyper-parameters resolved by {@link #resolve}
     * @param seed   the seed for every random choice the training makes
     */
    TrainedModel train(Dataset train, Hyperparameters params, long seed);

    /**
     * As {@link #train(Dataset, Hyperparameters, long)}, reporting progress; plugins with
     * natural steps (epochs, trees) override this one and let the other call it.
     */
    default TrainedModel train(Dataset train, Hyperparameters params, long seed, TrainingListener listener) {
        return train(train, params, seed);
    }

    /**
     * Reads a model that {@link TrainedModel#save} wrote. The loaded model predicts what the saved one did.
     *
     * @throws UnsupportedOperationException when the plugin cannot load models
     * @throws IOException when the file cannot be read or is not such a model
     */
    default TrainedModel load(Path file) throws IOException {
        throw new UnsupportedOperationException("plugin " + id() + " cannot load saved models");
    }

    /**
     * Hyper-parameter overrides that make training take seconds on a few hundred images, for tests
     * such as the plugin contract test (for example fewer epochs); empty when the defaults are fast enough.
     */
    default Map<String, String> smokeTestOverrides() {
        return Map.of();
    }
}
