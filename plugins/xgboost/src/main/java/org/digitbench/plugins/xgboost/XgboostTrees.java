package org.digitbench.plugins.xgboost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.digitbench.api.AbstractClassifierPlugin;
import org.digitbench.api.Dataset;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.LibraryVersion;
import org.digitbench.api.ParamSpec;
import org.digitbench.api.TrainedModel;
import org.digitbench.api.TrainingListener;

/**
 * Gradient-boosted trees from XGBoost4J directly: the histogram method on all cores, softmax probabilities. Its
 * defaults are its own, chosen on the validation split (benchmarks/TUNING.md, t053-t062): 150 rounds at eta 0.3,
 * depth 6, 16 histogram bins, zero pixels as zeros. {@code -P xgboost4j-trees.rounds=60 -P xgboost4j-trees.eta=0.5
 * -P xgboost4j-trees.max-bin=256 -P xgboost4j-trees.zero-missing=true} is {@code tribuo-xgboost}'s configuration (zero
 * pixels missing, as Tribuo's sparse examples make them): the two then train the same trees and differ only by
 * Tribuo's wrapper.
 */
public final class XgboostTrees extends AbstractClassifierPlugin {
    static final String VERSION = LibraryVersion.of(XGBoost.class, "ml.dmlc", "xgboost4j_2.12");

    /** The largest model file read back: far above a model of MNIST's size (a few MB), far below the heap. */
    static final long MAX_MODEL_BYTES = 1L << 30;

    public XgboostTrees() {
        super("xgboost4j-trees", "gradient-boosting", "gradient-boosted trees, XGBoost4J (hist), softmax objective");
    }

    @Override
    public String library() {
        return "XGBoost4J";
    }

    @Override
    public String libraryVersion() {
        return VERSION;
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.ofInt("rounds", 150, 1, 100_000, "boosting rounds (one tree per class each)"),
                ParamSpec.ofDouble("eta", 0.3, 1e-6, 1, "learning rate"),
                ParamSpec.ofInt("max-depth", 6, 1, 64, "maximum depth of each tree"),
                ParamSpec.ofDouble("subsample", 1.0, 1e-6, 1, "fraction of images sampled per round"),
                ParamSpec.ofDouble("colsample", 1.0, 1e-6, 1, "fraction of pixels sampled per tree"),
                ParamSpec.ofInt("max-bin", 16, 2, 65_536, "histogram bins per pixel"),
                ParamSpec.ofBoolean("zero-missing", false,
                        "zero pixels are XGBoost's missing value (as in Tribuo's sparse examples; else zeros)"),
                ParamSpec.ofInt("threads", Runtime.getRuntime().availableProcessors(), 1, 1024, "XGBoost threads"));
    }

    @Override
    public Map<String, String> smokeTestOverrides() {
        return Map.of("rounds", "10");
    }

    @Override
    public TrainedModel train(Dataset train, Hyperparameters p, long seed) {
        return train(train, p, seed, TrainingListener.NONE);
    }

    @Override
    public TrainedModel train(Dataset train, Hyperparameters p, long seed, TrainingListener listener) {
        float missing = missing(p);
        int rounds = p.getInt("rounds");
        float[] labels = new float[train.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = train.label(i);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("booster", "gbtree");
        params.put("tree_method", "hist");
        params.put("objective", "multi:softprob");
        params.put("num_class", train.numClasses());
        params.put("eta", p.getDouble("eta"));
        params.put("max_depth", p.getInt("max-depth"));
        params.put("min_child_weight", 1.0);
        params.put("gamma", 0.0);
        params.put("lambda", 1.0);
        params.put("alpha", 0.0);
        params.put("subsample", p.getDouble("subsample"));
        params.put("colsample_bytree", p.getDouble("colsample"));
        params.put("max_bin", p.getInt("max-bin"));
        params.put("nthread", p.getInt("threads"));
        params.put("seed", seed);
        params.put("verbosity", 0);
        DMatrix data = null;
        try {
            data = new DMatrix(train.pixels(), train.size(), train.numFeatures(), missing);
            data.setLabel(labels);
            Booster booster = XGBoost.train(data, params, 0, Map.of(), null, null);
            for (int round = 0; round < rounds; round++) {
                booster.update(data, round);
                listener.progress("round", round + 1, rounds);
            }
            return new XgboostModel(booster, train.numClasses(), train.numFeatures(), missing);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to train: " + e.getMessage(), e);
        } finally {
            if (data != null) {
                data.dispose();
            }
        }
    }

    static float missing(Hyperparameters p) {
        return p.getBoolean("zero-missing") ? 0f : Float.NaN;
    }

    /** Reads a model {@link XgboostModel#save} wrote: XGBoost's own UBJSON format, with its class and pixel counts. */
    @Override
    public TrainedModel load(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_MODEL_BYTES) {
            throw new IOException(file + ": " + size + " bytes, larger than an XGBoost model of these images can be ("
                    + MAX_MODEL_BYTES + ")");
        }
        Booster booster;
        try {
            booster = XGBoost.loadModel(Files.readAllBytes(file));
        } catch (XGBoostError | RuntimeException e) {
            throw new IOException(file + ": not an XGBoost model (" + e.getMessage() + ")", e);
        }
        return XgboostModel.loaded(booster, file);
    }
}
