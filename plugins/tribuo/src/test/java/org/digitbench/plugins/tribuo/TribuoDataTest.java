package org.digitbench.plugins.tribuo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.digitbench.testkit.TestData;
import org.digitbench.api.TrainingListener;
import org.digitbench.api.Dataset;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.ensemble.WeightedEnsembleModel;

class TribuoDataTest {
    @Test
    void featureNamesSortInPixelOrder() {
        String[] names = TribuoData.featureNames(784);
        assertEquals("p000", names[0]);
        assertEquals("p783", names[783]);
        String[] sorted = names.clone();
        java.util.Arrays.sort(sorted);
        assertArrayEquals(names, sorted);
    }

    @Test
    void examplesLeaveOutZeroPixels() {
        Example<Label> e = TribuoData.example(TribuoData.featureNames(4), new float[]{0, 0.5f, 0, 1});
        List<String> names = new java.util.ArrayList<>();
        for (Feature f : e) {
            names.add(f.getName() + "=" + f.getValue());
        }
        assertEquals(List.of("p1=0.5", "p3=1.0"), names);
    }

    @Test
    void theTrainingSetIsConvertedOncePerDataset() {
        Dataset a = TestData.synthetic(5, 1);
        TribuoData.Converted first = TribuoData.training(a);
        TribuoData.Converted again = TribuoData.training(a);
        assertFalse(first.reused());
        assertTrue(again.reused());
        assertSame(first.dataset(), again.dataset());
        assertEquals(50, first.dataset().size());
        TribuoData.Converted other = TribuoData.training(TestData.synthetic(5, 1));
        assertNotSame(first.dataset(), other.dataset(), "an equal but different Dataset object is converted again");
    }

    @Test
    void randomForestGrowsTheRequestedTreesAcrossThreads() {
        TribuoRandomForest rf = new TribuoRandomForest();
        var p = rf.resolve(Map.of("trees", "7", "threads", "3"));
        var model = rf.fit(TribuoData.training(TestData.synthetic(10, 3)), p, 5, TrainingListener.NONE);
        assertEquals(7, ((WeightedEnsembleModel<Label>) model).getNumModels());
    }

    @Test
    void chunkedBatchPredictionEqualsTribuosOwnInOrder() {
        TribuoRandomForest rf = new TribuoRandomForest();
        var p = rf.resolve(Map.of("trees", "5"));
        var model = rf.fit(TribuoData.training(TestData.synthetic(10, 3)), p, 5, TrainingListener.NONE);
        Dataset test = TestData.synthetic(13, 9);
        List<Example<Label>> examples = new java.util.ArrayList<>();
        float[] row = new float[test.numFeatures()];
        for (int i = 0; i < test.size(); i++) {
            test.copyRow(i, row);
            examples.add(TribuoData.example(TribuoData.featureNames(row.length), row));
        }
        List<String> expected = model.predict(examples).stream().map(q -> q.getOutput().getLabel()).toList();
        for (int parts : new int[]{2, 3, 7}) {
            var chunked = TribuoModel.predictInChunks(model, examples, parts);
            assertEquals(expected, chunked.stream().map(q -> q.getOutput().getLabel()).toList(), parts + " chunks");
            for (int i = 0; i < examples.size(); i++) {
                assertSame(examples.get(i), chunked.get(i).getExample(), "prediction " + i + " belongs to its example");
            }
        }
        assertEquals(1, TribuoModel.chunks(model, 100), "fewer than 64 examples per core: one chunk");
    }
}
