package org.digitbench.it;

import org.digitbench.cli.CliRun;
import org.digitbench.results.RunResults;
import org.digitbench.results.TrialResult;
import org.digitbench.results.store.ResultsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trial cache on real MNIST, through the command line: a repeated run trains nothing, a changed plugin alone retrains. */
class TrialCacheIT {
    @TempDir
    Path out;

    private static final String PLUGINS = "smile-decision-tree,tribuo-logistic-regression,weka-naive-bayes";

    private CliRun run(String runId, String... more) {
        return runOf(runId, PLUGINS, more);
    }

    private CliRun runOf(String runId, String plugins, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--profile", "quick", "-m", plugins, "--robustness", "none",
                "--no-timing", "-o", out.toString(), "--run-id", runId, "--data-dir", RealMnist.location().dir().toString()));
        args.addAll(List.of(more));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.printed());
        return r;
    }

    /** Each plugin's trial in a run: the run it was measured in (its own id when it ran there). */
    private Map<String, String> measuredIn(String runId) {
        RunResults r = ResultsStore.read(out.resolve(runId).resolve("results.json"));
        return r.trials().stream().collect(Collectors.toMap(TrialResult::pluginId,
                t -> t.reusedFrom() != null ? t.reusedFrom() : runId, (a, b) -> a, java.util.TreeMap::new));
    }

    @Test
    void aRepeatedRunTrainsNothingAndAChangedHyperParameterRetrainsThatPluginAlone() throws Exception {
        run("first");
        assertEquals(Map.of("smile-decision-tree", "first", "tribuo-logistic-regression", "first", "weka-naive-bayes", "first"),
                measuredIn("first"));

        CliRun again = run("again");
        assertEquals(Map.of("smile-decision-tree", "first", "tribuo-logistic-regression", "first", "weka-naive-bayes", "first"),
                measuredIn("again"), again.printed());
        assertTrue(again.out().contains("3 of 3 trials reused"), again.out());
        assertTrue(!again.out().contains("(Smile decision-tree), seed 42"), "no trial started:\n" + again.out());
        RunResults first = ResultsStore.read(out.resolve("first").resolve("results.json"));
        RunResults reused = ResultsStore.read(out.resolve("again").resolve("results.json"));
        for (int i = 0; i < first.trials().size(); i++) {
            assertTrue(java.util.Arrays.equals(first.trials().get(i).evaluation().predictions(),
                    reused.trials().get(i).evaluation().predictions()), "the same predictions");
        }
        org.digitbench.results.ResultsSchema.check(out.resolve("again").resolve("results.json"));
        assertTrue(Files.readString(out.resolve("again").resolve("index.html")).contains("Reused from run first"),
                "the report names the run a reused trial came from");

        run("changed", "-P", "smile-decision-tree.max-depth=8");
        assertEquals(Map.of("smile-decision-tree", "changed", "tribuo-logistic-regression", "first", "weka-naive-bayes", "first"),
                measuredIn("changed"));

        CliRun forced = runOf("forced", "smile-decision-tree", "--no-cache");
        assertEquals(Map.of("smile-decision-tree", "forced"), measuredIn("forced"), forced.printed());
    }
}
