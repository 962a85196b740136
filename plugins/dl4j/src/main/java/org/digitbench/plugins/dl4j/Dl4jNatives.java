package org.digitbench.plugins.dl4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Which of ND4J's native CPU builds runs, and whether convolutions reach oneDNN.
 *
 * <p>Build: digitbench ships ND4J's generic {@code linux-x86_64} build and the {@code linux-x86_64-onednn-avx2} build
 * (libnd4j compiled for AVX2, linked with oneDNN). Before ND4J loads, this picks the oneDNN build when the CPU has
 * AVX2 and FMA and that build is on the class path, through JavaCPP's {@value #EXTENSION} property; JavaCPP falls
 * back to the generic build when the chosen one is absent. A value the user set (e.g.
 * {@code -Dorg.bytedeco.javacpp.platform.extension=}) is kept.
 *
 * <p>Helpers: Deeplearning4j 1.0.0-M2.1 has oneDNN helpers for its convolution and pooling layers, but never uses
 * them: helper creation is off unless {@code -Dorg.eclipse.deeplearning4j.helpers.disable=false}, and even then
 * {@code BaseMKLDNNHelper.mklDnnEnabled()} looks the environment up as {@code org.nd4j.nativeblas.Nd4jCpu$Environment},
 * a class that moved to {@code org.nd4j.linalg.cpu.nativecpu.bindings} in that release, so the check always fails
 * and the layers fall back to their Java im2col path, whose strided im2col takes most of a training step (measured
 * figures in benchmarks/TUNING.md). So when the loaded build
 * has oneDNN, {@link #useOneDnn} sets the helpers on a network's convolution and pooling layers itself
 * ({@code -Ddigitbench.dl4j.onednnHelpers=false} does not, and {@code -Dorg.bytedeco.javacpp.platform.extension=}
 * loads the generic build: both to measure the difference).
 */
final class Dl4jNatives {
    /** JavaCPP's property that selects a build variant of a native library. */
    static final String EXTENSION = "org.bytedeco.javacpp.platform.extension";
    static final String ONEDNN_AVX2 = "-onednn-avx2";
    /** Set to {@code false} to leave DL4J's layers as DL4J configures them (to measure what the helpers bring). */
    static final String HELPERS = "digitbench.dl4j.onednnHelpers";
    private static final String BINDINGS = "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64";

    private static volatile String chosen;

    private Dl4jNatives() {
    }

    /** Chooses the build, once, before ND4J's first use in this JVM. */
    static synchronized void select() {
        if (chosen != null) {
            return;
        }
        String given = System.getProperty(EXTENSION);
        if (given != null) {
            chosen = given.isEmpty() ? "generic (set by " + EXTENSION + ")" : given + " (set by " + EXTENSION + ")";
            return;
        }
        Set<String> flags = cpuFlags();
        boolean onClassPath = Dl4jNatives.class.getClassLoader().getResource(BINDINGS + ONEDNN_AVX2 + "/libjnind4jcpu.so") != null
                && Dl4jNatives.class.getClassLoader().getResource("org/bytedeco/dnnl/linux-x86_64/libdnnl.so.2") != null;
        if (onClassPath && flags.contains("avx2") && flags.contains("fma")
                && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                && "amd64".equals(System.getProperty("os.arch"))) {
            System.setProperty(EXTENSION, ONEDNN_AVX2);
            chosen = ONEDNN_AVX2.substring(1) + " (the CPU has AVX2 and FMA)";
        } else {
            chosen = "generic" + (onClassPath ? " (the CPU lacks AVX2 or FMA)" : " (no oneDNN build on the class path)");
        }
    }

    /** The CPU's feature flags, from /proc/cpuinfo (Linux); empty elsewhere. */
    static Set<String> cpuFlags() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    return Set.of(line.substring(line.indexOf(':') + 1).strip().split("\\s+"));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
        return Set.of();
    }

    /** Whether the loaded libnd4j was built with oneDNN. */
    static boolean hasOneDnn() {
        return buildInfo().contains("HAVE_ONEDNN");
    }

    private static String buildInfo() {
        try {
            return String.valueOf(NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo());
        } catch (RuntimeException | LinkageError e) {
            return "";
        }
    }

    /**
     * Sets oneDNN helpers on the network's convolution and pooling layers when the loaded build has oneDNN, and says
     * what it did: for provenance.
     */
    static String useOneDnn(MultiLayerNetwork net) {
        if (!hasOneDnn()) {
            return "none (the loaded libnd4j has no oneDNN)";
        }
        if ("false".equals(System.getProperty(HELPERS))) {
            return "none (-D" + HELPERS + "=false: DL4J's own im2col convolutions, as DL4J configures itself)";
        }
        int conv = 0;
        int pool = 0;
        for (Layer layer : net.getLayers()) {
            if (layer instanceof ConvolutionLayer c && c.getClass() == ConvolutionLayer.class) {
                setHelper(c, ConvolutionLayer.class, new MKLDNNConvHelper(net.getLayerWiseConfigurations().getDataType()));
                conv++;
            } else if (layer instanceof SubsamplingLayer s && s.getClass() == SubsamplingLayer.class) {
                setHelper(s, SubsamplingLayer.class, new MKLDNNSubsamplingHelper(net.getLayerWiseConfigurations().getDataType()));
                pool++;
            }
        }
        return conv + pool == 0 ? "none (no convolution or pooling layers)"
                : "oneDNN: MKLDNNConvHelper on " + conv + " convolution layer" + (conv == 1 ? "" : "s")
                + ", MKLDNNSubsamplingHelper on " + pool + " pooling layer" + (pool == 1 ? "" : "s");
    }

    private static void setHelper(Object layer, Class<?> declaring, Object helper) {
        try {
            var field = declaring.getDeclaredField("helper");
            field.setAccessible(true);
            field.set(layer, helper);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot set Deeplearning4j's oneDNN helper on " + declaring.getSimpleName()
                    + " (this digitbench is written for Deeplearning4j 1.0.0-M2.1): " + e, e);
        }
    }

    /** What was loaded and why, for each model's provenance. */
    static Map<String, String> provenance() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("nd4jBuild", String.valueOf(chosen));
        String info = buildInfo();
        p.put("nd4jBuildInfo", String.join(" ", List.of(info.split("\\s+")).stream().filter(w -> w.startsWith("HAVE_")
                || w.contains("AVX") || w.contains("avx")).toList()));
        p.put("blasVendor", String.valueOf(Nd4j.factory().blas().getBlasVendor()));
        return p;
    }
}
