package org.digitbench.plugins.smile;

import org.digitbench.api.AbstractClassifierPlugin;
import org.digitbench.api.LibraryVersion;
import org.digitbench.api.TrainedModel;

import smile.classification.Classifier;
import smile.classification.DataFrameClassifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** What every Smile adapter shares: the library's name and version, and loading saved models. */
abstract class SmilePlugin extends AbstractClassifierPlugin {
    static {
        SmileBlas.ensure(); // before Smile's BLAS bindings load
    }

    static final String VERSION = LibraryVersion.of(smile.classification.Classifier.class, "com.github.haifengl", "smile-core");

    SmilePlugin(String id, String family, String description) {
        super(id, family, description);
    }

    @Override
    public String library() {
        return "Smile";
    }

    @Override
    public String libraryVersion() {
        return VERSION;
    }

    /**
     * What a Smile model file may hold: Smile's classes and the few JDK classes Smile's models are made of, within
     * limits of depth, references and array sizes. A model file is data from a run folder, so nothing else is
     * instantiated from it.
     */
    private static final ObjectInputFilter MODEL_CLASSES = ObjectInputFilter.Config.createFilter(
            "maxdepth=200;maxrefs=50000000;maxarray=100000000;smile.**;java.lang.Enum;java.lang.Number;java.lang.Integer;"
                    + "java.lang.Long;java.lang.Double;java.lang.Float;java.lang.Boolean;java.lang.String;java.util.ArrayList;"
                    + "java.util.HashMap;java.util.LinkedHashMap;java.util.TreeMap;java.util.HashSet;java.util.BitSet;java.lang.Object;java.util.Map$Entry;java.util.CollSer;"
                    + "java.util.ImmutableCollections$*;java.util.Collections$Unmodifiable*;java.util.Collections$Empty*;!*");

    /** The filter for one file: the limits above, the file's size as the byte limit, and a Smile object first. */
    private static ObjectInputFilter modelFilter(long fileBytes) {
        boolean[] first = {true};
        ObjectInputFilter size = ObjectInputFilter.Config.createFilter("maxbytes=" + Math.max(1024, fileBytes + 1024));
        return info -> {
            ObjectInputFilter.Status limits = size.checkInput(info);
            if (limits == ObjectInputFilter.Status.REJECTED) {
                return limits;
            }
            Class<?> c = info.serialClass();
            if (c != null && first[0]) {
                first[0] = false;
                if (!c.getName().startsWith("smile.")) {
                    return ObjectInputFilter.Status.REJECTED; // the top object must be Smile's: nothing else is read
                }
            }
            return MODEL_CLASSES.checkInput(info);
        };
    }

    /**
     * Most sets and maps a model file may hold. A Smile model holds one HashMap (measured for each plugin's model); a
     * stream of nested sets or maps makes each level hash all the levels below it, so a hundred levels of them (a few
     * hundred objects, well within the filter's limits) would take for ever to read. They are counted inner ones first,
     * so the reading stops at the eighth level from the bottom, whose hashing costs a few hundred steps.
     */
    static final int MAX_COLLECTIONS = 16;

    /** Counts the sets and maps as they are read, inner ones first, and stops past {@link #MAX_COLLECTIONS}. */
    private static final class CollectionBudget extends ObjectInputStream {
        private int collections;

        CollectionBudget(InputStream in) throws IOException {
            super(in);
            enableResolveObject(true);
        }

        @Override
        protected Object resolveObject(Object obj) throws IOException {
            if ((obj instanceof java.util.Collection<?> && !(obj instanceof java.util.List<?>)) || obj instanceof java.util.Map<?, ?>) {
                if (++collections > MAX_COLLECTIONS) {
                    throw new java.io.InvalidObjectException("more than " + MAX_COLLECTIONS + " sets and maps: a Smile model "
                            + "holds a few, a file with more is refused (nested ones would take for ever to read)");
                }
            }
            return obj;
        }
    }

    /** Reads a model that {@link SmileVectorModel#save} or {@link SmileFrameModel#save} wrote (Java serialisation). */
    @Override
    public TrainedModel load(Path file) throws IOException {
        Object model;
        try (InputStream in = Files.newInputStream(file); ObjectInputStream ois = new CollectionBudget(in)) {
            ois.setObjectInputFilter(modelFilter(Files.size(file)));
            model = ois.readObject();
        } catch (java.io.InvalidClassException e) {
            throw new IOException(file + ": not a Smile model file: it holds what a Smile model does not (" + e.getMessage()
                    + "), so it was not read", e);
        } catch (java.io.InvalidObjectException e) {
            throw new IOException(file + ": not read: " + e.getMessage(), e);
        } catch (java.io.StreamCorruptedException | java.io.EOFException e) {
            throw new IOException(file + ": not a Smile model file (" + e + ")", e);
        } catch (ClassNotFoundException | RuntimeException e) {
            throw new IOException(file + ": not a Smile model (" + e + ")", e);
        }
        if (model instanceof DataFrameClassifier frame) {
            long pixels = Arrays.stream(frame.schema().names()).filter(n -> !n.equals(SmileFrames.LABEL)).count();
            return new SmileFrameModel(frame, SmileFrames.predictorSchema((int) pixels));
        }
        if (model instanceof Classifier<?>) {
            @SuppressWarnings("unchecked") // Smile's vector classifiers here all take double[]
            Classifier<double[]> vector = (Classifier<double[]>) model;
            return new SmileVectorModel(vector);
        }
        throw new IOException(file + ": holds a " + model.getClass().getName() + ", not a Smile classifier");
    }
}
