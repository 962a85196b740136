package org.digitbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.cli.CliRun;
import org.digitbench.report.ReportWriter;
import org.digitbench.results.RunResults;
import org.digitbench.results.TrialResult;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.results.store.RunFolder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A third-party plugin, as a user adds one: the example k-nearest-neighbours jar (examples/knn, built against
 * digitbench-api alone and kept off this module's test class path) is benchmarked through {@code --plugin-path}, JMH
 * timing included, next to a built-in plugin, on real MNIST.
 */
class PluginPathIT {
    @TempDir
    Path out;

    static Path knnJar() {
        String jar = System.getProperty("digitbench.example.knn.jar");
        assertNotNull(jar, "the build passes the example plugin's jar in digitbench.example.knn.jar (cli/pom.xml)");
        Path path = Path.of(jar);
        assertTrue(Files.isRegularFile(path), path + " is not built");
        return path;
    }

    @Test
    void benchmarksTheExamplePluginNextToABuiltInOne() throws Exception {
        CliRun list = CliRun.of("list", "--plugin-path", knnJar().toString());
        assertEquals(0, list.code(), list.printed());
        assertTrue(list.stdout().contains("example-knn"), list.stdout());
        CliRun notThere = CliRun.of("list");
        assertTrue(!notThere.stdout().contains("example-knn"), "not on the class path without --plugin-path");

        CliRun run = CliRun.of("run", "--profile", "quick", "--train-size", "600", "--test-size", "300", "--allow-busy",
                "--plugin-path", knnJar().toString(), "-m", "example-knn,smile-decision-tree", "--run-id", "knn",
                "--data-dir", RealMnist.location().dir().toString(), "-o", out.toString());
        assertEquals(0, run.code(), run.printed());

        org.digitbench.results.ResultsSchema.check(out.resolve("knn").resolve(RunFolder.RESULTS));

        RunResults r = ResultsStore.read(out.resolve("knn").resolve(RunFolder.RESULTS));
        assertEquals(List.of("example-knn", "smile-decision-tree"), r.plan().plugins());
        for (TrialResult t : r.trials()) {
            assertEquals(org.digitbench.results.TrialStatus.OK, t.status(), t.pluginId() + ": " + t.error());
            assertEquals(org.digitbench.results.TrialStatus.OK, t.timing().status(), t.pluginId() + ": " + t.timing().error());
            assertEquals(1, t.timing().training().sampleCount(), "JMH timed the one training");
        }
        TrialResult knn = r.trials().getFirst();
        assertEquals("example", knn.plugin().library());
        assertEquals("nearest-neighbours", knn.plugin().family());
        // 3-NN on 600 real digits: far from the 0.1 of chance
        assertTrue(knn.metrics().accuracy() > 0.75, "k-NN accuracy " + knn.metrics().accuracy());
        String html = Files.readString(out.resolve("knn").resolve(ReportWriter.FILE_NAME));
        assertTrue(html.contains("example-knn"), "the report shows the plugin");
    }
}
