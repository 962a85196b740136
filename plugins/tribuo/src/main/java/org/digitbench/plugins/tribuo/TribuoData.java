package org.digitbench.plugins.tribuo;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.digitbench.api.Dataset;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Converts a {@link Dataset} to Tribuo's examples. Tribuo's examples are sparse: a pixel whose
 * value is exactly 0 is left out, which Tribuo reads as 0 (XGBoost reads it as missing).
 * The training set's conversion is cached, so the Tribuo plugins of one run share it.
 */
final class TribuoData {
    static final LabelFactory FACTORY = new LabelFactory();
    private static final Label[] LABELS = new Label[Dataset.MAX_CLASSES];

    static {
        for (int c = 0; c < LABELS.length; c++) {
            LABELS[c] = new Label(Integer.toString(c));
        }
    }

    /** A converted training set and what the conversion cost. */
    record Converted(MutableDataset<Label> dataset, String[] featureNames, double seconds, boolean reused) {
    }

    private static WeakReference<Dataset> lastSource = new WeakReference<>(null);
    private static Converted lastConverted;

    private TribuoData() {
    }

    /** The Tribuo dataset for this training set, converted once per {@link Dataset} object. */
    static synchronized Converted training(Dataset data) {
        if (lastSource.get() == data && lastConverted != null) {
            return new Converted(lastConverted.dataset(), lastConverted.featureNames(), lastConverted.seconds(), true);
        }
        long t0 = System.nanoTime();
        String[] names = featureNames(data.numFeatures());
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("digitbench " + data.name() + " " + String.join(" | ", data.transforms()), FACTORY),
                FACTORY);
        float[] row = new float[data.numFeatures()];
        List<Example<Label>> examples = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            data.copyRow(i, row);
            examples.add(example(LABELS[data.label(i)], names, row));
        }
        dataset.addAll(examples);
        Converted converted = new Converted(dataset, names, (System.nanoTime() - t0) / 1e9, false);
        lastSource = new WeakReference<>(data);
        lastConverted = converted;
        return converted;
    }

    /** An example for prediction (its label is Tribuo's "unknown"). */
    static Example<Label> example(String[] names, float[] image) {
        return example(FACTORY.getUnknownOutput(), names, image);
    }

    private static Example<Label> example(Label label, String[] names, float[] image) {
        int nonZero = 0;
        for (float v : image) {
            if (v != 0f) {
                nonZero++;
            }
        }
        String[] n = new String[nonZero];
        double[] v = new double[nonZero];
        for (int j = 0, k = 0; j < image.length; j++) {
            if (image[j] != 0f) {
                n[k] = names[j];
                v[k++] = image[j];
            }
        }
        return new ArrayExample<>(label, n, v);
    }

    /** Names that sort in pixel order: p000, p001, ... */
    static String[] featureNames(int n) {
        int width = Integer.toString(n - 1).length();
        String[] names = new String[n];
        for (int j = 0; j < n; j++) {
            names[j] = "p" + "0".repeat(width - Integer.toString(j).length()) + j;
        }
        return names;
    }

    /** The class label a Tribuo label stands for. */
    static int digit(Label label) {
        return Integer.parseInt(label.getLabel());
    }
}
