package org.digitbench.plugins.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.digitbench.testkit.TestData;
import org.digitbench.api.EpochStats;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.LayerInfo;
import org.digitbench.api.Dataset;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class Dl4jTest {
    private static final Dataset DATA = TestData.synthetic(20, 3);

    /** The layer summary of an untrained network of one architecture. */
    private static List<LayerInfo> layers(Dl4jPlugin plugin, String architecture) {
        Hyperparameters p = plugin.resolve(Map.of("architecture", architecture));
        MultiLayerNetwork net = new MultiLayerNetwork(plugin.network(architecture, DATA, p, 1));
        net.init();
        Dl4jModel model = new Dl4jModel(net, plugin.layout(), 28, 28, List.of(), Map.of(), -1);
        assertEquals(net.numParams(), model.layers().stream().mapToLong(LayerInfo::parameters).sum());
        return model.layers();
    }

    @Test
    void architecturesHaveTheTutorialsParameterCounts() {
        // 784*128+128 and 128*10+10
        assertEquals(List.of(100_480L, 0L, 1_290L), layers(new Dl4jMlp(), "784-128-10").stream().map(LayerInfo::parameters).toList());
        assertEquals(784 * 50 + 50 + 50 * 50 + 50 + 50 * 10 + 10,
                layers(new Dl4jMlp(), "784-50-50-10").stream().mapToLong(LayerInfo::parameters).sum());
        List<LayerInfo> cnn = layers(new Dl4jCnn(), "keras-cnn");
        // conv 3x3x1x32+32, conv 3x3x32x64+64, pool, dropout, dense 12*12*64*256+256, dropout, output 256*10+10
        assertEquals(List.of(320L, 18_496L, 0L, 0L, 2_359_552L, 0L, 2_570L), cnn.stream().map(LayerInfo::parameters).toList());
        assertEquals("32x26x26", cnn.get(0).outputShape());
        assertEquals("64x12x12", cnn.get(2).outputShape());
        assertEquals("ConvolutionLayer", cnn.get(0).type());
        assertEquals("conv1", cnn.get(0).name());
        List<LayerInfo> lenet = layers(new Dl4jCnn(), "lenet5");
        assertEquals("6x28x28", lenet.get(0).outputShape());
        assertEquals("16x5x5", lenet.get(3).outputShape());
        assertEquals(61_706L, lenet.stream().mapToLong(LayerInfo::parameters).sum()); // LeNet-5's well-known count
        assertEquals("16x3x3", layers(new Dl4jCnn(), "three-block").get(7).outputShape());
        List<LayerInfo> lstm = layers(new Dl4jRnn(), "lstm");
        // 4 gates x (28 inputs + 64 recurrent + 1 bias) x 64 (the default units), then 64*10+10
        assertEquals(List.of(4L * (28 + 64 + 1) * 64, 650L), lstm.stream().map(LayerInfo::parameters).toList());
        assertEquals("LastTimeStep(LSTM)", lstm.get(0).type());
        assertEquals("64", lstm.get(0).outputShape());
        List<LayerInfo> bilstm = layers(new Dl4jRnn(), "bilstm");
        assertEquals(2L * 4 * (28 + 64 + 1) * 64, bilstm.get(0).parameters());
        assertEquals("128x?", bilstm.get(0).outputShape()); // DL4J does not carry the time steps through Bidirectional
    }

    /**
     * Where the CPU has AVX2, the oneDNN build of ND4J is loaded and the convolution and pooling layers get DL4J's oneDNN
     * helpers (which DL4J 1.0.0-M2.1 would never set itself); the choice is in the model's provenance either way.
     */
    @Test
    void convolutionsReachOneDnnWhereTheCpuAllowsIt() {
        Dl4jCnn cnn = new Dl4jCnn();
        Dl4jModel model = (Dl4jModel) cnn.train(TestData.synthetic(20, 5), cnn.resolve(Map.of("architecture", "keras-cnn",
                "epochs", "1", "threads", "1", "validation-fraction", "0.2")), 3);
        Map<String, String> p = model.provenance();
        assertTrue(p.containsKey("nd4jBuild") && p.containsKey("helpers") && p.containsKey("nd4jBuildInfo"), p.toString());
        boolean avx2 = Dl4jNatives.cpuFlags().containsAll(java.util.Set.of("avx2", "fma"));
        if (avx2) { // this project's machines: the oneDNN build is in the pom
            assertTrue(p.get("nd4jBuild").startsWith("onednn-avx2"), p.toString());
            assertTrue(p.get("nd4jBuildInfo").contains("HAVE_ONEDNN"), p.toString());
            assertEquals("oneDNN: MKLDNNConvHelper on 2 convolution layers, MKLDNNSubsamplingHelper on 1 pooling layer", p.get("helpers"));
        } else {
            assertTrue(p.get("helpers").startsWith("none"), p.toString());
        }
    }

    @Test
    void aNetworkThatWouldShrinkTheImageToNothingRefusesItsShape() {
        Dl4jCnn cnn = new Dl4jCnn();
        cnn.checkShape(28, 28, 10, cnn.resolve(Map.of()));
        cnn.checkShape(14, 14, 26, cnn.resolve(Map.of("architecture", "lenet5")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cnn.checkShape(8, 8, 10, cnn.resolve(Map.of("architecture", "lenet5"))));
        assertTrue(e.getMessage().startsWith("the lenet5 network cannot take 8x8 images ("), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> cnn.checkShape(3, 3, 10, cnn.resolve(Map.of())));
        assertThrows(IllegalArgumentException.class, () -> cnn.checkShape(5, 5, 10, cnn.resolve(Map.of("architecture", "keras-convnet"))));
        new Dl4jRnn().checkShape(5, 7, 3, new Dl4jRnn().resolve(Map.of())); // a row is a time step: any shape
    }

    @Test
    void rowsBecomeTimeSteps() {
        INDArray x = Dl4jTrainer.Layout.ROWS_AS_TIME_STEPS.features(DATA, new int[] {5, 2}, 0, 2);
        assertEquals(List.of(2L, 28L, 28L), List.of(x.shape()[0], x.shape()[1], x.shape()[2]));
        for (int t = 0; t < 28; t++) {
            for (int c = 0; c < 28; c++) {
                assertEquals(DATA.pixel(5, t * 28 + c), x.getFloat(0, c, t), "row " + t + " column " + c);
                assertEquals(DATA.pixel(2, t * 28 + c), x.getFloat(1, c, t));
            }
        }
        INDArray flat = Dl4jTrainer.Layout.IMAGE.features(DATA, null, 3, 4);
        assertEquals(DATA.pixel(3, 100), flat.getFloat(0, 100));
    }

    @Test
    void earlyStoppingKeepsTheBestEpoch() {
        Dl4jMlp mlp = new Dl4jMlp();
        Hyperparameters p = mlp.resolve(Map.of("epochs", "40", "early-stopping", "2", "validation-fraction", "0.25",
                "threads", "1", "learning-rate", "0.01"));
        Dl4jModel model = (Dl4jModel) mlp.train(DATA, p, 5);
        List<EpochStats> history = model.history();
        int best = Integer.parseInt(model.provenance().get("bestEpoch"));
        double bestLoss = history.stream().mapToDouble(EpochStats::validationLoss).min().orElseThrow();
        assertEquals(bestLoss, history.get(best - 1).validationLoss());
        if (Boolean.parseBoolean(model.provenance().get("stoppedEarly"))) {
            assertEquals(best + 2, history.size(), "stops 2 epochs after the best");
        } else {
            assertEquals(40, history.size());
        }
        assertEquals(150, model.trainingSize().orElseThrow(), "a quarter of 200 images held out");
        assertEquals("150", model.provenance().get("trainingImages"));
        assertEquals("50", model.provenance().get("validationImages"));
        for (EpochStats e : history) {
            assertTrue(e.validationAccuracy() >= 0 && e.validationAccuracy() <= 1);
        }
    }

    @Test
    void rejectsSettingsThatCannotWork() {
        Dl4jCnn cnn = new Dl4jCnn();
        var e = assertThrows(IllegalArgumentException.class,
                () -> cnn.resolve(Map.of("early-stopping", "3", "validation-fraction", "0")));
        assertTrue(e.getMessage().contains("'early-stopping'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> cnn.resolve(Map.of("threads", "many")));
        assertTrue(e.getMessage().contains("'threads'") && e.getMessage().contains("many"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> cnn.resolve(Map.of("architecture", "resnet")));
        assertTrue(e.getMessage().contains("'architecture'"), e.getMessage());
    }

    @Test
    void autoThreadsTimesTheCandidatesAndRecordsTheChoice() {
        Dl4jMlp mlp = new Dl4jMlp();
        Dl4jModel model = (Dl4jModel) mlp.train(DATA, mlp.resolve(Map.of("epochs", "1", "validation-fraction", "0",
                "threads", "auto")), 1);
        String threads = model.provenance().get("threads");
        if (Runtime.getRuntime().availableProcessors() > 1) {
            assertTrue(threads.matches("\\d+ \\(auto: 1 thread [\\d.]+ ms/batch, .*\\)"), threads);
        } else {
            assertEquals("1 (auto)", threads);
        }
    }

    @Test
    void eachNetworkHasAFixedThreadDefaultSoRunsOfTheDefaultsComputeAlike() {
        assertEquals("all", new Dl4jCnn().resolve(Map.of()).getString("threads"));
        assertEquals("1", new Dl4jMlp().resolve(Map.of()).getString("threads"));
        assertEquals("1", new Dl4jRnn().resolve(Map.of()).getString("threads"));
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(cores, Dl4jThreads.parse("all"));
        Dl4jCnn cnn = new Dl4jCnn();
        Dl4jModel model = (Dl4jModel) cnn.train(DATA, cnn.resolve(Map.of("epochs", "1", "validation-fraction", "0",
                "architecture", "lenet5")), 1);
        assertEquals(cores + " (all cores)", model.provenance().get("threads"));
    }
}
