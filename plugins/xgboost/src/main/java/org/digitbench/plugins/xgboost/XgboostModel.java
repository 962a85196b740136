package org.digitbench.plugins.xgboost;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.digitbench.api.Dataset;
import org.digitbench.api.Predictions;
import org.digitbench.api.TrainedModel;

/**
 * A trained booster. Predictions go through XGBoost's in-place prediction on the pixels as they are (no DMatrix, so
 * nothing native is left for the garbage collector to free), on XGBoost's own threads.
 */
final class XgboostModel implements TrainedModel {
    /** Booster attributes saved with the model: what a loaded model must know to predict as the trained one did. */
    static final String CLASSES = "digitbench.classes";
    static final String MISSING = "digitbench.missing";

    private final Booster booster;
    private final int numClasses;
    private final int numFeatures;
    private final float missing;

    XgboostModel(Booster booster, int numClasses, int numFeatures, float missing) {
        this.booster = booster;
        this.numClasses = numClasses;
        this.numFeatures = numFeatures;
        this.missing = missing;
    }

    /** The model in a file {@link #save} wrote; anything else is refused with what was expected. */
    static XgboostModel loaded(Booster booster, Path file) throws IOException {
        try {
            String classes = booster.getAttr(CLASSES);
            String missing = booster.getAttr(MISSING);
            long features = booster.getNumFeature();
            if (classes == null || missing == null) {
                throw new IOException(file + ": an XGBoost model, but not one digitbench saved (no " + CLASSES + " attribute)");
            }
            int k = Integer.parseInt(classes);
            if (k < 2 || k > Dataset.MAX_CLASSES || features < 1 || features > Integer.MAX_VALUE) {
                throw new IOException(file + ": an XGBoost model of " + k + " classes and " + features + " pixels; expected 2 to "
                        + Dataset.MAX_CLASSES + " classes");
            }
            return new XgboostModel(booster, k, (int) features, Float.parseFloat(missing));
        } catch (XGBoostError | NumberFormatException e) {
            throw new IOException(file + ": an XGBoost model without readable digitbench attributes (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public int predict(float[] image) {
        return TrainedModel.argMax(probabilities(image));
    }

    @Override
    public boolean hasProbabilities() {
        return true;
    }

    @Override
    public double[] probabilities(float[] image) {
        return toDouble(predict(image, 1)[0]);
    }

    @Override
    public Predictions predict(Dataset test) {
        float[][] scores = predict(test.pixels(), test.size());
        for (float[] row : scores) {
            checkClasses(row);
        }
        return Predictions.ofProbabilities(scores);
    }

    private float[][] predict(float[] pixels, int rows) {
        if (pixels.length != (long) rows * numFeatures) {
            throw new IllegalArgumentException("images of " + pixels.length / Math.max(1, rows) + " pixels; this model was trained on "
                    + numFeatures);
        }
        try {
            return booster.inplace_predict(pixels, rows, numFeatures, missing);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to predict: " + e.getMessage(), e);
        }
    }

    /** XGBoost's softmax in single precision, renormalised in double so that each row sums to 1. */
    private double[] toDouble(float[] scores) {
        checkClasses(scores);
        return Predictions.normalized(scores);
    }

    private void checkClasses(float[] scores) {
        if (scores.length != numClasses) {
            throw new IllegalStateException("XGBoost gave " + scores.length + " scores for a model of " + numClasses + " classes");
        }
    }

    @Override
    public void save(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            booster.setAttr(CLASSES, Integer.toString(numClasses));
            booster.setAttr(MISSING, Float.toString(missing));
            booster.saveModel(out, "ubj");
        } catch (XGBoostError e) {
            throw new IOException(file + ": XGBoost could not save the model (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public Map<String, String> provenance() {
        try {
            return Map.of("boostedRounds", Integer.toString(booster.getNumBoostedRound()), "missing", Float.toString(missing));
        } catch (XGBoostError e) {
            return Map.of("missing", Float.toString(missing));
        }
    }
}
