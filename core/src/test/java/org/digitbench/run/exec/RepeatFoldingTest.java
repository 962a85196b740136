package org.digitbench.run.exec;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RepeatFoldingTest {
    private static String fold(String... writes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RepeatFolding folding = new RepeatFolding(out);
        for (String w : writes) {
            folding.write(w.getBytes(StandardCharsets.UTF_8));
        }
        folding.close();
        return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    @Test
    void aNativeLibrarysWarningAtEveryCallBecomesOneLineAndACount() throws IOException {
        String nnpack = "[W1205 18:15:20.%d NNPACK.cpp:57] Could not initialize NNPACK! Reason: Unsupported hardware.\n";
        StringBuilder many = new StringBuilder("  djl-cnn: benchmarking inference\n");
        for (int i = 0; i < 2_000; i++) {
            many.append(String.format(nnpack, 336883603 + i));
        }
        many.append("      accuracy 0.9390\n");
        String folded = fold(many.toString());
        assertEquals("  djl-cnn: benchmarking inference\n" + String.format(nnpack, 336883603)
                + "  (the line above 1999 more times)\n      accuracy 0.9390\n", folded);
    }

    @Test
    void linesSplitAcrossWritesAreJoinedAndDifferentLinesAllPass() throws IOException {
        assertEquals("[1/2] a: training\n[2/2] b: training\nepoch 1\nepoch 2\n",
                fold("[1/2] a: trai", "ning\n[2/2] b: training\nep", "och 1\nepoch 2\n"));
        assertEquals("same\n  (the line above 1 more time)\nlast without an end",
                fold("same\nsame\n", "last without an end"));
    }

    @Test
    void aProgressBarsRedrawingPassesThroughUnfolded() throws IOException {
        assertEquals("\r[==  ] 50%\r[==  ] 50%\r[====] 100%\n", fold("\r[==  ] 50%", "\r[==  ] 50%", "\r[====] 100%\n"));
    }
}
