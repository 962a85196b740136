package org.digitbench.run.exec.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The scripts digitbench gives sbatch (golden file: {@code slurm/array.sbatch}, regenerated with
 * {@code -Ddigitbench.writeGolden=DIR}), Slurm's outputs as digitbench reads them, and the options' checks.
 */
class SbatchScriptTest {
    private static final SlurmOptions OPTIONS = new SlurmOptions(new SlurmOptions.Request(2, null, true), new SlurmOptions.Queue("cpu", "ml-lab", "normal"), List.of("--constraint=avx2"), 3, false, null, false);

    static String array() {
        SbatchScript.Common common = new SbatchScript.Common("digitbench-run-1", OPTIONS);
        List<SbatchScript.Task> tasks = List.of(
                new SbatchScript.Task(Path.of("/shared/runs/run-1/work/smile-mlp.seed42.trial.json"), Path.of("/shared/runs/run-1/work/smile-mlp.seed42.hs_err.log")),
                new SbatchScript.Task(Path.of("/shared/runs/run-1/work/dl4j-cnn.seed42.trial.json"), Path.of("/shared/runs/run-1/work/dl4j-cnn.seed42.hs_err.log")));
        return SbatchScript.array(common, tasks, 2, 12288, 240L, "4711", Path.of("/shared/runs/run-1/work/slurm/%A_%a.out"),
                List.of("/opt/jdk-25/bin/java", "--enable-native-access=ALL-UNNAMED", "-Xmx8g", "-Dname=it's", "-cp",
                        "/opt/digitbench/lib/a.jar:/opt/digitbench/lib/b.jar", "org.digitbench.benchmarks.TrialJvm"));
    }

    @Test
    void theArrayScriptIsTheGoldenOne() throws IOException {
        String script = array();
        String dir = System.getProperty("digitbench.writeGolden");
        if (dir != null) {
            Files.writeString(Path.of(dir, "array.sbatch"), script);
        }
        try (InputStream in = SbatchScriptTest.class.getResourceAsStream("/slurm/array.sbatch")) {
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), script);
        }
    }

    @Test
    void theMarkerJobChecksTheFolderAndWritesItsAnswerBeside() {
        String marker = SbatchScript.marker(new SbatchScript.Common("digitbench-r", OPTIONS), Path.of("/shared/r/work/slurm/marker-1"),
                "token-1", Path.of("/shared/r/work/slurm/marker-%j.out"));
        assertTrue(marker.contains("#SBATCH --account=ml-lab\n") && marker.contains("#SBATCH --partition=cpu\n"), marker);
        assertTrue(!marker.contains("--exclusive") && !marker.contains("--constraint"), "the marker asks for little: " + marker);
        assertTrue(marker.contains("= token-1 ]; then") && marker.contains("> \"$m.seen\""), marker);
    }

    @Test
    void quotesForBash() {
        assertEquals("/a/b.jar:/c", SbatchScript.quote("/a/b.jar:/c"));
        assertEquals("'it'\\''s $HOME'", SbatchScript.quote("it's $HOME"));
    }

    @Test
    void readsSqueueAndScontrol() {
        Map<String, Slurm.Job> q = SlurmCommands.parseQueue("12_0|RUNNING|None|node1\n12_1|PENDING|JobArrayTaskLimit|\n13|PENDING|Dependency|\n");
        assertEquals(new Slurm.Job("RUNNING", null, "node1", null), q.get("12_0"));
        assertEquals(new Slurm.Job("PENDING", "JobArrayTaskLimit", null, null), q.get("12_1"));
        assertEquals(3, q.size());
        Slurm.Job ended = SlurmCommands.parseScontrol("JobId=15 ArrayJobId=12 ArrayTaskId=1 JobName=digitbench-x UserId=root(0) "
                + "JobState=TIMEOUT Reason=TimeLimit Dependency=(null) ExitCode=0:15 NodeList=localhost BatchHost=localhost");
        assertEquals(new Slurm.Job("TIMEOUT", "TimeLimit", "localhost", "0:15"), ended);
    }

    @Test
    void optionsAreCheckedBeforeAnythingIsSubmitted() {
        assertEquals(12288, SlurmOptions.parseMb("12G", "--mem-per-trial"));
        assertEquals(4096, SlurmOptions.parseMb("4096", "--mem-per-trial"));
        assertEquals(1, SlurmOptions.parseMb("100k", "--mem-per-trial"));
        var e = assertThrows(IllegalArgumentException.class, () -> SlurmOptions.parseMb("lots", "--mem-per-trial"));
        assertTrue(e.getMessage().contains("'lots'") && e.getMessage().contains("12G"), e.getMessage());
        for (List<String> bad : List.of(List.of("--array=0-9"), List.of("--constraint=a\n#SBATCH --x"), List.of("-N 2"),
                List.of("--output=/tmp/x"))) {
            assertThrows(IllegalArgumentException.class, () -> new SlurmOptions(null, null, bad, null, false, null, false), bad.toString());
        }
        // one --sbatch-arg is one option: a space would let sbatch read more, and a prefix is sbatch's name for the option
        var smuggled = assertThrows(IllegalArgumentException.class, () -> new SlurmOptions(null, null,
                List.of("--constraint=avx2 --output=/tmp/x-%A.out --array=0-99"), null, false, null, false));
        assertTrue(smuggled.getMessage().contains("holds a space"), smuggled.getMessage());
        for (String prefix : List.of("--outp=/tmp/x", "--arr=0-9", "--dep=afterok:1", "--job-n=x", "--err=/tmp/e")) {
            var p = assertThrows(IllegalArgumentException.class, () -> new SlurmOptions(null, null, List.of(prefix), null, false,
                    null, false), prefix);
            assertTrue(p.getMessage().contains("digitbench sets") && p.getMessage().contains("sbatch reads"), p.getMessage());
        }
        new SlurmOptions(null, null, List.of("--constraint=avx2", "--nice=10", "--exclusive"), null, false, null, false);
        assertThrows(IllegalArgumentException.class, () -> new SlurmOptions(null, new SlurmOptions.Queue("a b", null, null), List.of(), null, false, null, false));
        assertThrows(IllegalArgumentException.class, () -> new SlurmOptions(new SlurmOptions.Request(0, null, false), null, List.of(), null, false, null, false));
        assertThrows(IllegalArgumentException.class, () -> new SlurmOptions(new SlurmOptions.Request(null, 100L, false), null, List.of(), null, false, null, false));
        assertThrows(IllegalArgumentException.class, () -> new SlurmOptions(null, null, List.of(), 0, false, null, false));
        assertThrows(IllegalArgumentException.class, () -> new SlurmOptions(null, null, List.of(), null, false, Duration.ofDays(1), false));
    }
}
