package org.digitbench.data;

import org.digitbench.api.Dataset;
import org.digitbench.api.SourceFile;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dataset folder's own description, {@value #FILE}: its name, its class names, and the SHA-256 of each file's
 * decompressed content. digitbench checks a folder against it when it is there ({@code --dataset idx:DIR}), and
 * {@code digitbench data --write-descriptor} writes one from the files as they are.
 *
 * @param name    the dataset's name (letters, digits, '.', '_' and '-'), used in place of the folder's
 * @param classes the name of each class, by label ({@code classes[3]} names label 3), or empty for none
 * @param sha256  file name to the SHA-256 of its decompressed content, for every file of the dataset
 */
public record DatasetDescriptor(String name, List<String> classes, Map<String, String> sha256) {
    /** The descriptor's file name in a dataset folder. */
    public static final String FILE = "dataset.json";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public DatasetDescriptor {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("'name' must be 1 to 64 letters, digits, '.', '_' or '-' (starting with a letter "
                    + "or digit), got " + (name == null ? "none" : "'" + name + "'"));
        }
        classes = classes == null ? List.of() : List.copyOf(classes);
        if (!classes.isEmpty() && (classes.size() < 2 || classes.size() > Dataset.MAX_CLASSES)) {
            throw new IllegalArgumentException("'classes' names " + classes.size() + " classes; a dataset has 2 to "
                    + Dataset.MAX_CLASSES + " (labels 0 to their count - 1), or none named");
        }
        for (String c : classes) {
            if (c == null || c.isBlank() || c.length() > 40) {
                throw new IllegalArgumentException("each class name must be 1 to 40 characters, got " + (c == null ? "null" : "'" + c + "'"));
            }
        }
        if (classes.stream().distinct().count() != classes.size()) {
            throw new IllegalArgumentException("'classes' names a class twice: " + classes);
        }
        sha256 = sha256 == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(sha256));
        sha256.forEach((file, sum) -> {
            if (sum == null || !sum.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("'sha256' of " + file + " must be 64 lower-case hex digits, got " + sum);
            }
        });
    }

    /** The descriptor of {@code dir}, if it has one. */
    public static Optional<DatasetDescriptor> read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(file + ": not a file; expected the dataset's descriptor (JSON: name, classes, sha256)");
        }
        try {
            DatasetDescriptor d = JSON.readValue(file.toFile(), DatasetDescriptor.class);
            if (d == null) {
                throw new DataFormatException(file + ": empty; expected JSON with name, classes and sha256");
            }
            return Optional.of(d);
        } catch (JacksonException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            String why = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
            throw new DataFormatException(file + ": not a valid dataset descriptor: " + why
                    + " (expected {\"name\": ..., \"classes\": [10 names], \"sha256\": {file: checksum}})", e);
        }
    }

    /**
     * Checks the files as read against the descriptor: each must have its SHA-256, and it must name no other file.
     *
     * @throws DataFormatException naming the first file that differs
     */
    public void check(Path dir, List<SourceFile> read) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (SourceFile s : read) {
            String file = Path.of(s.path()).getFileName().toString();
            seen.put(file, s.sha256());
            String expected = sha256.get(file);
            if (expected == null) {
                throw new DataFormatException(dir.resolve(FILE) + ": has no SHA-256 for " + file + ", which the dataset reads; "
                        + "write the descriptor again (digitbench data --dataset idx:" + dir + " --write-descriptor)");
            }
            if (!expected.equals(s.sha256())) {
                throw new DataFormatException(dir.resolve(file) + ": SHA-256 of the decompressed content is " + s.sha256() + ", "
                        + dir.resolve(FILE) + " expects " + expected + "; the file has changed since the descriptor was written");
            }
        }
        for (String file : sha256.keySet()) {
            if (!seen.containsKey(file)) {
                throw new DataFormatException(dir.resolve(FILE) + ": names " + file + ", which is not among the files read ("
                        + String.join(", ", seen.keySet()) + ")");
            }
        }
    }

    /** The descriptor of these datasets' files as they are. */
    public static DatasetDescriptor of(String name, List<String> classes, List<Dataset> sets) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (Dataset d : sets) {
            for (SourceFile s : d.sources()) {
                sums.put(Path.of(s.path()).getFileName().toString(), s.sha256());
            }
        }
        return new DatasetDescriptor(name, classes, sums);
    }

    /** Writes the descriptor into {@code dir}, refusing to replace one. */
    public Path write(Path dir) {
        Path file = dir.resolve(FILE);
        if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new DataFormatException(file + ": exists; remove it first to write a new descriptor");
        }
        byte[] json = (JSON.writeValueAsString(this) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return SafeFiles.writeAtomicallyInOutputFolder(dir, FILE, out -> out.write(json));
    }
}
