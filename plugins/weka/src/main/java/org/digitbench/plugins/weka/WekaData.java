package org.digitbench.plugins.weka;

import java.util.ArrayList;
import java.util.List;
import org.digitbench.api.Dataset;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

/** A {@code Dataset} as Weka's {@code Instances}: one numeric attribute per pixel, then the class, nominal "0" to "k-1". */
final class WekaData {
    private WekaData() {
    }

    /** The attributes alone, for images of {@code pixels} pixels and {@code classes} classes: what a model predicts against. */
    static Instances header(int pixels, int classes) {
        ArrayList<Attribute> attributes = new ArrayList<>(pixels + 1);
        for (int i = 0; i < pixels; i++) {
            attributes.add(new Attribute("p" + i));
        }
        List<String> labels = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            labels.add(Integer.toString(c));
        }
        attributes.add(new Attribute("class", labels));
        Instances header = new Instances("digits", attributes, 0);
        header.setClassIndex(pixels);
        return header;
    }

    /** Every image of {@code data} with its label, in order. */
    static Instances of(Dataset data) {
        Instances instances = header(data.numFeatures(), data.numClasses());
        instances = new Instances(instances, data.size());
        float[] row = new float[data.numFeatures()];
        for (int i = 0; i < data.size(); i++) {
            data.copyRow(i, row);
            double[] values = new double[row.length + 1];
            for (int j = 0; j < row.length; j++) {
                values[j] = row[j];
            }
            values[row.length] = data.label(i);
            instances.add(new DenseInstance(1.0, values));
        }
        return instances;
    }

    /** One image, its class missing, against {@code header}. */
    static Instance image(Instances header, float[] image) {
        int pixels = header.numAttributes() - 1;
        if (image.length != pixels) {
            throw new IllegalArgumentException("an image of " + image.length + " pixels; this model was trained on " + pixels);
        }
        double[] values = new double[pixels + 1];
        for (int j = 0; j < pixels; j++) {
            values[j] = image[j];
        }
        values[pixels] = weka.core.Utils.missingValue();
        Instance instance = new DenseInstance(1.0, values);
        instance.setDataset(header);
        return instance;
    }
}
