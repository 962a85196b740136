package org.digitbench.plugins.smile;

import org.digitbench.api.Dataset;
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
        return predictorSchema(data.numFeatures());
    }

    /** The schema of {@code n} pixel columns p0..p(n-1). */
    static StructType predictorSchema(int n) {
        return DataFrame.of(new double[1][n], names(n)).schema();
    }

    private static DataFrame pixels(Dataset data) {
        return DataFrame.of(data.toDoubleRows(), names(data.numFeatures()));
    }

    private static String[] names(int n) {
        String[] names = new String[n];
        for (int j = 0; j < names.length; j++) {
            names[j] = "p" + j;
        }
        return names;
    }
}
