package org.digitbench.data;

import org.digitbench.api.Dataset;
import org.digitbench.api.SourceFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds, fetches, verifies and loads the MNIST split (60,000 training and 10,000 test images).
 *
 * <p>The directory is, in this order: the {@code --data-dir} option, the {@value #ENV} environment
 * variable, or {@code data/mnist}. Each file may be gzip ({@code name.gz}) or raw ({@code name});
 * its decompressed content must have the published SHA-256.
 */
public final class Mnist {
    /** Environment variable naming the MNIST directory. */
    public static final String ENV = "DIGITBENCH_DATA";
    /** The directory used when neither the option nor the environment variable is set. */
    public static final Path DEFAULT_DIR = Path.of("data", "mnist");

    /** The four files, with the SHA-256 of their decompressed content. */
    public enum File {
        TRAIN_IMAGES("train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
        TRAIN_LABELS("train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
        TEST_IMAGES("t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
        TEST_LABELS("t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

        public final String baseName;
        public final String sha256;

        File(String baseName, String sha256) {
            this.baseName = baseName;
            this.sha256 = sha256;
        }

        /** The gzip file name used by the mirrors. */
        public String gzName() {
            return baseName + ".gz";
        }
    }

    /** Where the directory came from, for messages. */
    public record Location(Path dir, String origin, boolean explicit) {
    }

    /**
     * The training and test sets, raw pixel values 0..255.
     *
     * @param classNames the name of each class by label, from the folder's descriptor, or empty
     */
    public record Split(Dataset train, Dataset test, List<String> classNames) {
        public Split {
            classNames = classNames == null ? List.of() : List.copyOf(classNames);
        }

        public Split(Dataset train, Dataset test) {
            this(train, test, List.of());
        }
    }

    private Mnist() {
    }

    /** The directory to use: the option if given, else the environment variable, else {@code data/mnist}. */
    public static Location locate(Path option, String envValue) {
        if (option != null) {
            return new Location(option, "--data-dir", true);
        }
        if (envValue != null && !envValue.isBlank()) {
            return new Location(Path.of(envValue), "the " + ENV + " environment variable", true);
        }
        return new Location(DEFAULT_DIR, "the default", false);
    }

    /** As {@link #locate(Path, String)}, reading the environment variable. */
    public static Location locate(Path option) {
        return locate(option, System.getenv(ENV));
    }

    /**
     * Loads both sets, downloading missing files with {@code fetcher} when it is present.
     *
     * @throws DataFormatException for a missing directory or file, a corrupt or foreign file, or a failed download
     */
    public static Split load(Location location, Optional<MnistFetcher> fetcher) {
        Path dir = location.dir();
        if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir)) {
            String what;
            try {
                what = Files.isSymbolicLink(dir) && !Files.exists(dir) ? "a symbolic link that leads nowhere ("
                        + (isLoop(dir) ? "a loop" : "to " + Files.readSymbolicLink(dir)) + ")" : "a file, not a folder";
            } catch (java.io.IOException e) {
                what = "not a folder (" + e.getMessage() + ")";
            }
            throw new DataFormatException("data directory '" + dir + "' (from " + location.origin() + ") is " + what
                    + "; point it at the folder that holds the four MNIST files");
        }
        if (!Files.isDirectory(dir)) {
            if (location.explicit() || fetcher.isEmpty()) {
                throw new DataFormatException("data directory '" + dir + "' (from " + location.origin()
                        + ") does not exist; point it at the folder that holds the four MNIST files ("
                        + String.join(", ", fileNames()) + ", gzip or raw)"
                        + (location.explicit() ? ", or create the folder to download MNIST into it" : ""));
            }
        }
        List<File> missing = new ArrayList<>();
        for (File f : File.values()) {
            if (find(dir, f).isEmpty()) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            if (fetcher.isEmpty()) {
                throw new DataFormatException("MNIST file(s) missing in '" + dir + "': "
                        + String.join(", ", missing.stream().map(File::gzName).toList())
                        + "; put them there (gzip or raw IDX) or allow downloading");
            }
            for (File f : missing) {
                fetcher.get().fetch(f, dir);
            }
        }
        Dataset train = read(dir, File.TRAIN_IMAGES, File.TRAIN_LABELS, "mnist-train");
        Dataset test = read(dir, File.TEST_IMAGES, File.TEST_LABELS, "mnist-test");
        return new Split(train, test);
    }

    /**
     * Loads the four files of an IDX folder laid out as MNIST's (the same names, gzip or raw, or Kaggle's spelling),
     * whatever their content: their SHA-256 sums are recorded in the datasets' sources, not compared with MNIST's,
     * and the images may have any size.
     *
     * @throws DataFormatException for a missing folder or file, or a file that is not IDX
     */
    public static Split loadIdx(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DataFormatException("--dataset idx:" + dir + ": no such folder; expected one holding "
                    + String.join(", ", fileNames()) + " (gzip or raw IDX)");
        }
        List<String> missing = new ArrayList<>();
        for (File f : File.values()) {
            if (find(dir, f).isEmpty()) {
                missing.add(f.gzName());
            }
        }
        if (!missing.isEmpty()) {
            throw new DataFormatException("--dataset idx:" + dir + ": missing " + String.join(", ", missing)
                    + " (the four files take MNIST's names, gzip or raw)");
        }
        Optional<DatasetDescriptor> descriptor = DatasetDescriptor.read(dir);
        Path name = dir.toAbsolutePath().normalize().getFileName();
        String base = descriptor.map(DatasetDescriptor::name).orElse(name == null ? "idx" : name.toString());
        Dataset train = IdxReader.read(find(dir, File.TRAIN_IMAGES).orElseThrow(), find(dir, File.TRAIN_LABELS).orElseThrow(),
                base + "-train");
        Dataset test = IdxReader.read(find(dir, File.TEST_IMAGES).orElseThrow(), find(dir, File.TEST_LABELS).orElseThrow(),
                base + "-test");
        int classes = Math.max(train.numClasses(), test.numClasses());
        if (descriptor.isPresent()) {
            List<SourceFile> read = new ArrayList<>(train.sources());
            read.addAll(test.sources());
            descriptor.get().check(dir, read);
            if (!descriptor.get().classes().isEmpty()) {
                // the descriptor's names are the classes: a label beyond them is an error in the files or the descriptor
                int named = descriptor.get().classes().size();
                if (classes > named) {
                    Dataset bad = train.numClasses() > named ? train : test;
                    throw new DataFormatException(bad.sources().get(1).path() + ": label " + (bad.numClasses() - 1) + ", but "
                            + dir.resolve(DatasetDescriptor.FILE) + " names " + named + " classes (labels 0 to " + (named - 1) + ")");
                }
                classes = named;
            }
        }
        return new Split(train.withNumClasses(classes), test.withNumClasses(classes),
                descriptor.map(DatasetDescriptor::classes).orElse(List.of()));
    }

    private static Dataset read(Path dir, File images, File labels, String name) {
        Path imagesPath = find(dir, images).orElseThrow();
        Path labelsPath = find(dir, labels).orElseThrow();
        Dataset data = IdxReader.read(imagesPath, labelsPath, name).withNumClasses(Dataset.NUM_CLASSES);
        verify(data.sources().get(0), images);
        verify(data.sources().get(1), labels);
        if (data.height() != 28 || data.width() != 28) {
            throw new DataFormatException(imagesPath + ": images are " + data.height() + "x" + data.width() + ", MNIST's are 28x28");
        }
        return data;
    }

    /** Checks a file's decompressed content against the published checksum. */
    static void verify(SourceFile source, File expected) {
        if (!source.sha256().equals(expected.sha256)) {
            throw new DataFormatException(source.path() + ": SHA-256 of the decompressed content is " + source.sha256()
                    + ", expected " + expected.sha256 + " (the published " + expected.baseName
                    + "); the file is corrupt or not MNIST: delete it to download it again");
        }
    }

    /**
     * Files a folder holds twice, by another name (gzip and raw side by side): one line each saying which one is read,
     * for the console; empty when every file has one name only.
     */
    public static List<String> shadowed(Path dir) {
        List<String> notes = new ArrayList<>();
        for (File f : File.values()) {
            List<String> present = new ArrayList<>();
            for (String name : candidates(f)) {
                if (Files.isRegularFile(dir.resolve(name))) {
                    present.add(name);
                }
            }
            if (present.size() > 1) {
                notes.add(dir + " holds " + String.join(" and ", present) + ": " + present.getFirst() + " is read, "
                        + String.join(", ", present.subList(1, present.size())) + " is not (remove the one you do not mean)");
            }
        }
        return notes;
    }

    private static List<String> candidates(File f) {
        return List.of(f.gzName(), f.baseName, f.baseName.replace("-idx", ".idx"), f.baseName.replace("-idx", ".idx") + ".gz");
    }

    /** The file in {@code dir}: gzip first, then raw, then the Kaggle spelling with a dot. */
    static Optional<Path> find(Path dir, File f) {
        for (String name : candidates(f)) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
            if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new DataFormatException(p + ": is " + HashingInput.kind(p) + ", not a data file; put the "
                        + f.gzName() + " file there instead");
            }
        }
        return Optional.empty();
    }

    private static boolean isLoop(Path link) {
        try {
            link.toRealPath();
            return false;
        } catch (java.nio.file.FileSystemException e) {
            return String.valueOf(e.getReason()).toLowerCase(java.util.Locale.ROOT).contains("too many levels")
                    || String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("too many levels");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static List<String> fileNames() {
        List<String> names = new ArrayList<>();
        for (File f : File.values()) {
            names.add(f.gzName());
        }
        return names;
    }
}
