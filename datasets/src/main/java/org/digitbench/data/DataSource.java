package org.digitbench.data;

import org.digitbench.api.Dataset;
import org.digitbench.api.DigitbenchException;
import org.digitbench.api.Splits;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a run's training and test images come from ({@code --dataset}): MNIST, checked against its published
 * checksums and downloaded when missing; an IDX folder with the same four files and any content (their SHA-256
 * sums are recorded, not compared with MNIST's); or CSV files in Kaggle's layout, whose test set is either a
 * second labelled file or a seeded stratified part of the training file. Saved in {@code config.json}, so every
 * trial JVM loads the same images.
 *
 * @param kind         which of the three
 * @param dir          the MNIST or IDX folder; {@code null} for CSV
 * @param origin       where the folder came from, for messages ({@code --data-dir}, the environment, ...)
 * @param explicit     whether the user named the MNIST folder (a named folder is never created by a download)
 * @param train        the CSV training file; {@code null} otherwise
 * @param test         the labelled CSV test file, or {@code null}
 * @param testFraction the stratified part of a CSV training file held out as the test set when there is no test
 *                     file; {@code null} otherwise
 */
public record DataSource(Kind kind, Path dir, String origin, boolean explicit, Path train, Path test, Double testFraction) {

    /** The three kinds of dataset. */
    public enum Kind { MNIST, IDX, CSV }

    /** What {@code --dataset} holds by default. */
    public static final String DEFAULT = "mnist";
    /** Held out of a lone CSV training file as its test set: a sixth, 7,000 of Kaggle's 42,000. */
    public static final double DEFAULT_TEST_FRACTION = 1.0 / 6;

    public DataSource {
        kind = kind == null ? Kind.MNIST : kind; // config.json files written before --dataset hold MNIST's folder only
    }

    /** MNIST in this folder. */
    public static DataSource mnist(Mnist.Location location) {
        return new DataSource(Kind.MNIST, location.dir(), location.origin(), location.explicit(), null, null, null);
    }

    /**
     * The dataset a {@code --dataset} value names: {@code mnist}, {@code idx:DIR} or {@code csv:TRAIN[,TEST]}.
     *
     * @param mnist        where MNIST is, for {@code mnist}
     * @param testFraction {@code --test-fraction}, or {@code null}; only a lone CSV training file takes one
     */
    public static DataSource parse(String spec, Mnist.Location mnist, Double testFraction) {
        String s = spec.strip();
        DataSource source;
        if (s.equals(DEFAULT)) {
            source = mnist(mnist);
        } else if (s.startsWith("idx:") && s.length() > 4) {
            source = new DataSource(Kind.IDX, Path.of(s.substring(4)), "--dataset", true, null, null, null);
        } else if (s.startsWith("csv:") && s.length() > 4) {
            String[] files = s.substring(4).split(",", -1);
            if (files.length > 2 || files[0].isBlank() || (files.length == 2 && files[1].isBlank())) {
                throw new DigitbenchException("--dataset " + spec + ": expected csv:TRAIN or csv:TRAIN,TEST (two files at most)");
            }
            Path test = files.length == 2 ? Path.of(files[1]) : null;
            if (test != null && testFraction != null) {
                throw new DigitbenchException("--test-fraction: " + spec + " has a test file; a fraction is held out only of a "
                        + "lone training file");
            }
            source = new DataSource(Kind.CSV, null, "--dataset", true, Path.of(files[0]), test,
                    test == null ? (testFraction == null ? DEFAULT_TEST_FRACTION : testFraction) : null);
        } else {
            throw new DigitbenchException("--dataset " + spec + ": expected mnist, idx:DIR (a folder with the four IDX files) "
                    + "or csv:TRAIN[,TEST] (Kaggle's CSV layout)");
        }
        if (source.kind != Kind.CSV && testFraction != null) {
            throw new DigitbenchException("--test-fraction is for --dataset csv:TRAIN (a lone training file); " + spec
                    + " has its own test set");
        }
        if (source.testFraction != null && !(source.testFraction > 0 && source.testFraction < 1)) {
            throw new DigitbenchException("--test-fraction " + source.testFraction + ": expected a fraction between 0 and 1, "
                    + "e.g. 0.2");
        }
        return source;
    }

    public boolean isMnist() {
        return kind == Kind.MNIST;
    }

    /** MNIST's folder, for {@link Mnist#load}. */
    public Mnist.Location location() {
        return new Mnist.Location(dir, origin, explicit);
    }

    /** What {@code --dataset} would say to load this again. */
    public String spec() {
        return switch (kind) {
            case MNIST -> DEFAULT;
            case IDX -> "idx:" + dir;
            case CSV -> "csv:" + train + (test == null ? "" : "," + test);
        };
    }

    /** Where the images come from, for the console. */
    public String describe() {
        return switch (kind) {
            case MNIST -> "MNIST from " + dir + " (" + origin + ")";
            case IDX -> "the IDX files in " + dir;
            case CSV -> train + (test != null ? ", tested on " + test
                    : ", a stratified " + String.format(java.util.Locale.ROOT, "%.3g", testFraction) + " of it held out as the test set");
        };
    }

    /**
     * Reads the training and test sets (raw pixel values), downloading missing MNIST files with {@code fetcher}
     * when it is present.
     *
     * @param seed draws the held-out test images of a lone CSV training file
     */
    public Mnist.Split load(Optional<MnistFetcher> fetcher, long seed) {
        Mnist.Split split = switch (kind) {
            case MNIST -> Mnist.load(location(), fetcher);
            case IDX -> Mnist.loadIdx(dir);
            case CSV -> loadCsv(seed);
        };
        Dataset a = split.train();
        Dataset b = split.test();
        if (a.height() != b.height() || a.width() != b.width()) {
            throw new DataFormatException(spec() + ": the training images are " + a.height() + "x" + a.width()
                    + " but the test images " + b.height() + "x" + b.width() + "; both sets must have one image size");
        }
        return split;
    }

    private Mnist.Split loadCsv(long seed) {
        Dataset all = readCsv(train, "training");
        if (test != null) {
            Dataset tested = readCsv(test, "test");
            int classes = Math.max(all.numClasses(), tested.numClasses());
            return new Mnist.Split(all.withNumClasses(classes), tested.withNumClasses(classes));
        }
        Splits.Split s = Splits.stratifiedSplit(all, testFraction, seed);
        return new Mnist.Split(s.train(), s.validation());
    }

    private static Dataset readCsv(Path file, String role) {
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(file + ": no such file (the " + role + " set of --dataset csv:...)");
        }
        String name = file.getFileName().toString().replaceFirst("(\\.csv)?(\\.gz)?$", "");
        Dataset d = new CsvReader().read(file, name);
        if (!d.isLabelled()) {
            throw new DataFormatException(file + ": has no labels, so it cannot be a " + role + " set; "
                    + (role.equals("test") ? "to label it with a run's models, use digitbench predict --run RUN_ID --csv " + file
                    : "a training file's first column is the label"));
        }
        return d;
    }
}
