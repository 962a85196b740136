package org.digitbench.plugins.weka;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.digitbench.api.Dataset;
import weka.classifiers.Classifier;

/**
 * Reads what {@link WekaModel#save} wrote. The classifier is Java serialization, so a file from a run folder is read
 * through a filter: Weka's classes and the JDK's collections and numbers only, a Weka classifier first, within limits
 * of depth, references, array length and the file's size. Nothing else is instantiated from it.
 */
final class WekaModels {
    static final String MAGIC = "digitbench weka model 1";

    private static final ObjectInputFilter CLASSES = ObjectInputFilter.Config.createFilter(
            "maxdepth=500;maxrefs=100000000;maxarray=200000000;weka.**;java.lang.Number;java.lang.Integer;java.lang.Long;"
                    + "java.lang.Double;java.lang.Float;java.lang.Boolean;java.lang.String;java.lang.Enum;java.lang.Object;"
                    + "java.util.ArrayList;java.util.Vector;java.util.Hashtable;java.util.HashMap;java.util.LinkedHashMap;"
                    + "java.util.HashSet;java.util.Map$Entry;java.util.Random;java.util.BitSet;java.util.Collections$*;java.util.concurrent.atomic.AtomicLong;!*");

    private WekaModels() {
    }

    static WekaModel load(Path file, Class<? extends Classifier> expected) throws IOException {
        long bytes = Files.size(file);
        try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
            String magic;
            try {
                magic = data.readUTF();
            } catch (IOException e) {
                magic = "";
            }
            if (!MAGIC.equals(magic)) {
                throw new IOException(file + ": not a digitbench Weka model (expected a file that starts with '" + MAGIC + "')");
            }
            int pixels = data.readInt();
            int classes = data.readInt();
            boolean probabilities = data.readBoolean();
            if (pixels < 1 || pixels > 1 << 24 || classes < 2 || classes > Dataset.MAX_CLASSES) {
                throw new IOException(file + ": a Weka model of " + pixels + " pixels and " + classes + " classes; expected 1 to "
                        + (1 << 24) + " pixels and 2 to " + Dataset.MAX_CLASSES + " classes");
            }
            ObjectInputStream objects = new ObjectInputStream(in);
            String[] rejected = {null};
            objects.setObjectInputFilter(filter(bytes, expected, rejected));
            Object read;
            try {
                read = objects.readObject();
            } catch (ClassNotFoundException | RuntimeException | java.io.InvalidClassException e) {
                throw new IOException(file + ": not a Weka " + expected.getSimpleName() + " digitbench reads ("
                        + (rejected[0] != null ? "it holds " + rejected[0] + ", which a model file may not" : e) + ")", e);
            }
            if (!expected.isInstance(read)) {
                throw new IOException(file + ": holds a " + read.getClass().getName() + ", expected a Weka " + expected.getSimpleName());
            }
            return new WekaModel(expected.cast(read), WekaData.header(pixels, classes), probabilities);
        }
    }

    /** The filter for one file: the classes above, its size as the byte limit, and the expected classifier first. */
    private static ObjectInputFilter filter(long fileBytes, Class<?> expected, String[] rejected) {
        boolean[] first = {true};
        ObjectInputFilter size = ObjectInputFilter.Config.createFilter("maxbytes=" + Math.max(1024, fileBytes + 1024));
        return info -> {
            if (size.checkInput(info) == ObjectInputFilter.Status.REJECTED) {
                rejected[0] = "more than its file's size or depth allows";
                return ObjectInputFilter.Status.REJECTED;
            }
            Class<?> c = info.serialClass();
            if (c != null && first[0]) {
                first[0] = false;
                if (!expected.isAssignableFrom(c)) {
                    rejected[0] = c.getName() + " first";
                    return ObjectInputFilter.Status.REJECTED;
                }
            }
            ObjectInputFilter.Status status = CLASSES.checkInput(info);
            if (status == ObjectInputFilter.Status.REJECTED) {
                rejected[0] = c != null ? c.getName() : "more objects, references or array items than it may";
            }
            return status;
        };
    }
}
