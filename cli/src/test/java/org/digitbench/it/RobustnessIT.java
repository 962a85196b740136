package org.digitbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.cli.CliRun;
import org.digitbench.eval.Robustness;
import org.digitbench.results.ResultsSchema;
import org.digitbench.results.RunResults;
import org.digitbench.results.TrialResult;
import org.digitbench.results.store.ResultsStore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The robustness suite in a run on real MNIST, and {@code digitbench robustness} on a run's saved models. */
class RobustnessIT {
    @TempDir
    Path out;

    private CliRun run(String id, String robustness, String plugins, boolean save) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", "--profile", "quick", "--test-size", "300",
                "--no-timing", "--robustness", robustness, "-m", plugins, "--run-id", id, "-o", out.toString(),
                "--data-dir", RealMnist.location().dir().toString(), "-q"));
        if (save) {
            args.add("--save-models");
        }
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.out() + r.err());
        return r;
    }

    private RunResults results(String id) {
        return ResultsStore.read(out.resolve(id).resolve(ResultsStore.FILE_NAME));
    }

    /** What a run measures in its trial and what the command measures on the saved model are the same: same images, same model. */
    @Test
    void aRunsTrialAndTheCommandOnItsSavedModelAgreeToTheImage() throws IOException {
        run("inline", "default", "smile-logistic-regression", true);
        RunResults first = results("inline");
        ResultsSchema.check(out.resolve("inline").resolve(ResultsStore.FILE_NAME));
        assertNotNull(first.data().robustness());
        assertEquals(15, first.data().robustness().corruptions().size());
        assertEquals(4, first.data().robustness().clean().size(), "four example images");
        Robustness inTrial = first.trials().getFirst().evaluation().robustness();
        assertEquals(100, inTrial.images(), "the quick profile's 100 images a corruption");
        assertEquals(15, inTrial.corruptions().size());
        assertTrue(inTrial.complete());
        assertTrue(inTrial.meanAccuracy() < inTrial.cleanAccuracy(), "corruptions cost accuracy: " + inTrial);

        CliRun again = CliRun.of("robustness", "inline", "-o", out.toString(), "-q");
        assertEquals(0, again.code(), again.out() + again.err());
        assertTrue(again.out().contains("mean corruption accuracy"), again.out());
        Robustness fromCommand = results("inline").trials().getFirst().evaluation().robustness();
        assertEquals(inTrial.meanAccuracy(), fromCommand.meanAccuracy(), "the same images in another JVM: the same answers");
        for (int c = 0; c < 15; c++) {
            assertEquals(inTrial.corruptions().get(c).correct(), fromCommand.corruptions().get(c).correct(),
                    inTrial.corruptions().get(c).corruption());
        }
        String html = Files.readString(out.resolve("inline").resolve("index.html"));
        assertTrue(html.contains("<section id=\"robustness\">") && html.contains(">canny-edges<"), "the report shows it");
    }

    @Test
    void theCommandEvaluatesARunMadeWithoutCorruptionsOnTheSuiteAskedFor() throws IOException {
        run("plain", "none", "smile-logistic-regression,tribuo-decision-tree", true);
        assertNull(results("plain").data().robustness(), "--robustness none: no suite");
        assertNull(results("plain").trials().getFirst().evaluation().robustness());

        CliRun r = CliRun.of("robustness", "plain", "--suite", "all", "-o", out.toString(), "-q");
        assertEquals(0, r.code(), r.out() + r.err());
        RunResults after = results("plain");
        ResultsSchema.check(out.resolve("plain").resolve(ResultsStore.FILE_NAME));
        assertEquals("all", after.data().robustness().suite());
        for (TrialResult t : after.trials()) {
            assertEquals(18, t.evaluation().robustness().corruptions().size(), t.pluginId());
            assertNotNull(t.evaluation().metrics(), "the clean evaluation stays");
        }
        assertTrue(Files.readString(out.resolve("plain").resolve("config.json")).contains("\"robustness\" : \"all\""),
                "the run's suite is now all");
    }

    @Test
    void badRequestsSayWhatIsWrong() {
        run("nosave", "none", "smile-logistic-regression", false);
        CliRun none = CliRun.of("robustness", "nosave", "--suite", "none", "-o", out.toString());
        assertEquals(1, none.code(), none.out() + none.err());
        assertTrue(none.err().contains("--suite none evaluates nothing"), none.err());
        CliRun unknown = CliRun.of("robustness", "nosave", "--suite", "most", "-o", out.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown robustness suite 'most'; expected one of none, default, all"), unknown.err());
        CliRun unsaved = CliRun.of("robustness", "nosave", "-o", out.toString());
        assertEquals(1, unsaved.code(), unsaved.out() + unsaved.err());
        assertTrue(unsaved.err().contains("has no saved models to evaluate") && unsaved.err().contains("--save-models"), unsaved.err());
        CliRun missing = CliRun.of("robustness", "no-such-run", "-o", out.toString());
        assertEquals(1, missing.code());
    }
}
