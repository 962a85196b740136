package org.digitbench.plugins.smile;

import org.digitbench.data.Dataset;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.type.StructType;
import smile.data.vector.IntVector;

/** Conversion of a {@link Dataset} to the data frame Smile's tree learners take. */
final class SmileFrames {
    static final String LABEL = "label";
    static final Formula FORMULA = Formula.lhs(LABEL);

    private SmileFrames() {
    }

    /** Pixel columns p0..p(n-1) plus the label column. */
    static DataFrame withLabels(Dataset data) {
        return pixels(data).merge(new DataFrame(new IntVector(LABEL, data.labels())));
    }

    /** The schema of the pixel columns alone, for building prediction tuples. */
    static StructType predictorSchema(Dataset data) {
        return pixels(data.subset(new int[]{0}, "schema")).schema();
    }

    private static DataFrame pixels(Dataset data) {
        String[] names = new String[data.numFeatures()];
        for (int j = 0; j < names.length; j++) {
            names[j] = "p" + j;
        }
        return DataFrame.of(data.toDoubleRows(), names);
    }
}
