package org.digitbench.plugins.smile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.Dataset;
import org.digitbench.api.TrainedModel;
import org.digitbench.run.exec.JvmArgs;
import org.digitbench.testkit.TestData;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Smile's BLAS without a system OpenBLAS: JavaCPP's OpenBLAS jar, which ND4J brings too. */
class SmileBlasTest {
    /** In a fresh JVM (Smile binds its BLAS once per JVM): trains smile-mlp, which multiplies matrices, and prints. */
    public static void main(String[] args) {
        SmileMlp mlp = new SmileMlp();
        Dataset data = TestData.synthetic(30, 7);
        TrainedModel model = mlp.train(data, mlp.resolve(Map.of("epochs", "2", "hidden", "16")), 1);
        int correct = 0;
        for (int i = 0; i < data.size(); i++) {
            correct += model.predict(data.row(i)) == data.label(i) ? 1 : 0;
        }
        System.out.println("blas: " + model.provenance().get("blas"));
        System.out.println("correct: " + correct + " of " + data.size());
    }

    private static String run(String... properties) throws Exception {
        List<String> command = new ArrayList<>(List.of(JvmArgs.java()));
        command.addAll(JvmArgs.current());
        command.addAll(List.of(properties));
        command.addAll(List.of("-cp", JvmArgs.classPath(), SmileBlasTest.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void trainsWithJavacppsOpenBlasWhenTheSystemHasNone() throws Exception {
        String out = run("-D" + SmileBlas.FORCE + "=bundled");
        assertTrue(out.contains("blas: JavaCPP's OpenBLAS from "), out);
        assertTrue(out.contains("(org.bytedeco:openblas 0.3.19"), out);
        int correct = Integer.parseInt(out.substring(out.indexOf("correct: ") + 9).split(" ")[0]);
        assertTrue(correct > 150, "it learned: " + out);
    }

    @Test
    void usesTheSystemsOpenBlasWhereThereIsOne() throws Exception {
        String out = run();
        assertTrue(out.contains("blas: the system's OpenBLAS (libopenblas.so)") || out.contains("blas: JavaCPP's OpenBLAS"), out);
    }
}
