package org.digitbench.run;

import org.digitbench.api.DigitbenchException;
import org.digitbench.config.ConfigFile;
import org.digitbench.config.RunConfig;
import org.digitbench.data.CorruptionSuite;
import org.digitbench.data.Mnist;
import org.digitbench.results.RunResults;
import org.digitbench.results.TrialResult;
import org.digitbench.results.Verification;
import org.digitbench.results.provenance.Machine;
import org.digitbench.results.provenance.Provenance;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.results.store.RunFolder;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code digitbench verify}: trains a run's trials again, each in its own JVM with the run's data, seeds and
 * hyper-parameters (without timing or corrupted images: the predictions are what is checked), into a run folder inside
 * the run's {@code verify/}, and holds each one's predictions against those the run recorded. It writes
 * {@code verification.json} into the run folder and says which trials differ, where, and how the run's environment
 * (digitbench's commit, the JVM, the library's version, the CPU) differed from the check's.
 */
public final class Verify {
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private Verify() {
    }

    /**
     * @param runner  runs the check's trials (no trial cache: every trial trains again)
     * @param folder  the run to check
     * @param mnist   where MNIST is, from the command line or the defaults (never from the run folder)
     * @param plugins the plugins to check, or empty for all of the run's successful trials
     */
    public static Verification run(Runner runner, RunFolder folder, Mnist.Location mnist, List<String> plugins, PrintStream out) {
        RunResults recorded = ResultsStore.read(folder.results());
        List<TrialResult> trials;
        RunConfig stored;
        try (RunFolder.Lock lock = folder.lock("digitbench verify")) {
            stored = ConfigFile.readStored(folder.dir()).run().withMnistAt(mnist);
            trials = folder.readTrials().stream().filter(TrialResult::ok)
                    .filter(t -> plugins.isEmpty() || plugins.contains(t.pluginId())).toList();
        }
        for (String id : plugins) {
            if (trials.stream().noneMatch(t -> t.pluginId().equals(id))) {
                throw new DigitbenchException("run " + folder.runId() + " has no successful trial of plugin '" + id + "' to verify");
            }
        }
        if (trials.isEmpty()) {
            throw new DigitbenchException("run " + folder.runId() + " has no successful trial to verify");
        }
        List<String> ids = trials.stream().map(TrialResult::pluginId).distinct().toList();
        String checkId = ID.format(Instant.now());
        RunConfig check = new RunConfig(stored.profile(), ids, stored.overrides(), stored.seeds(), stored.dataset(), false,
                new RunConfig.Output(false, folder.dir().resolve("verify"), checkId), stored.commandLine(), CorruptionSuite.Choice.NONE);
        out.printf("Verifying %d trial%s of run %s: each trained again in its own JVM, its predictions held against the run's%n",
                trials.size(), trials.size() == 1 ? "" : "s", folder.runId());
        RunResults again = runner.run(check).results();
        List<Verification.Check> checks = new ArrayList<>();
        for (TrialResult was : trials) {
            Optional<TrialResult> now = again.trials().stream()
                    .filter(t -> t.pluginId().equals(was.pluginId()) && t.seed() == was.seed()).findFirst();
            checks.add(compare(was, now.orElse(null), recorded.provenance(), again.provenance()));
        }
        Verification v = new Verification(Instant.now(), "verify/" + checkId, checks);
        try (RunFolder.Lock lock = folder.lock("digitbench verify")) {
            ResultsStore.writeAtomically(folder.dir(), Verification.FILE, v);
        }
        out.println();
        out.print(format(v));
        return v;
    }

    static Verification.Check compare(TrialResult was, TrialResult now, Provenance runEnv, Provenance checkEnv) {
        List<String> env = new ArrayList<>();
        differ(env, "digitbench commit", runEnv.gitCommit() + (Boolean.TRUE.equals(runEnv.gitDirty()) ? " (uncommitted changes)" : ""),
                checkEnv.gitCommit() + (Boolean.TRUE.equals(checkEnv.gitDirty()) ? " (uncommitted changes)" : ""));
        differ(env, "java", runEnv.javaVersion() + " " + runEnv.jvm(), checkEnv.javaVersion() + " " + checkEnv.jvm());
        if (now == null || !now.ok()) {
            return new Verification.Check(was.pluginId(), was.seed(), Verification.Status.FAILED, 0, 0, null, env,
                    now == null ? "not trained again" : now.error());
        }
        differ(env, "library", was.plugin().library() + " " + was.plugin().libraryVersion(),
                now.plugin().library() + " " + now.plugin().libraryVersion());
        differ(env, "cpu", cpu(was.resources().machine()), cpu(now.resources().machine()));
        int[] a = was.evaluation().predictions();
        int[] b = now.evaluation().predictions();
        if (a == null || b == null || a.length != b.length) {
            return new Verification.Check(was.pluginId(), was.seed(), Verification.Status.FAILED, 0, 0, null, env,
                    a == null ? "the run recorded no predictions" : "the run predicted " + a.length + " test images, the check "
                    + (b == null ? "none" : b.length));
        }
        int differing = 0;
        Verification.Difference first = null;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                differing++;
                first = first == null ? new Verification.Difference(i, a[i], b[i]) : first;
            }
        }
        return new Verification.Check(was.pluginId(), was.seed(), differing == 0 ? Verification.Status.IDENTICAL
                : Verification.Status.DIFFERENT, a.length, differing, first, env, null);
    }

    private static String cpu(Machine m) {
        return m == null ? "unknown" : m.cpuModel() + " × " + m.cores();
    }

    private static void differ(List<String> env, String what, String was, String now) {
        if (!Objects.equals(was, now)) {
            env.add(what + ": " + was + " ≠ " + now);
        }
    }

    /** The check as the console shows it: a line per trial, then the verdict. */
    public static String format(Verification v) {
        StringBuilder sb = new StringBuilder();
        for (Verification.Check c : v.trials()) {
            sb.append(String.format(Locale.ROOT, "%s, seed %d: ", c.pluginId(), c.seed()));
            switch (c.status()) {
                case IDENTICAL -> sb.append(String.format(Locale.ROOT, "identical (%,d of %,d predictions)", c.compared(), c.compared()));
                case DIFFERENT -> sb.append(String.format(Locale.ROOT, "DIFFERENT: %,d of %,d predictions differ, the first at test "
                        + "image %d (the run said %d, now %d)", c.differing(), c.compared(), c.first().index(), c.first().was(),
                        c.first().now()));
                case FAILED -> sb.append("FAILED: ").append(c.error());
            }
            if (!c.environment().isEmpty()) {
                sb.append("; environment then ≠ now: ").append(String.join("; ", c.environment()));
            }
            sb.append('\n');
        }
        long same = v.trials().stream().filter(c -> c.status() == Verification.Status.IDENTICAL).count();
        sb.append(String.format(Locale.ROOT, "%d of %d trials reproduced exactly; the check's run: %s%n", same, v.trials().size(),
                v.checkRun()));
        return sb.toString();
    }
}
