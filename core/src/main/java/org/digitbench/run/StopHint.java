package org.digitbench.run;

import org.digitbench.results.RunResults;
import org.digitbench.results.RunStatus;
import org.digitbench.results.TrialResult;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.results.store.RunFolder;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** On Ctrl-C or SIGTERM: results.json says stopped, and the console how to go on. */
final class StopHint {
    private StopHint() {
    }

    /**
     * Installs the hook; the caller removes it when the run ends.
     *
     * @param done      the trials finished so far (read when the hook runs)
     * @param latest    the results last written
     * @param resumeId  the run id to resume (a run over several datasets is resumed whole)
     * @param outputDir the output folder to resume it in
     */
    static Thread install(RunFolder folder, List<TrialResult> done, int total,
                          AtomicReference<RunResults> latest, PrintStream err, String resumeId, Path outputDir) {
        Thread hook = new Thread(() -> {
            RunResults now = latest.get();
            if (now != null && now.status() == RunStatus.RUNNING) {
                try {
                    ResultsStore.write(folder.dir(), now.withStatus(RunStatus.STOPPED, Instant.now()));
                } catch (RuntimeException e) {
                    err.println("digitbench: warning: results.json still says running: " + e.getMessage());
                }
            }
            err.printf("%ndigitbench: stopped; %d of %d trials finished and kept in %s. Go on with: digitbench run --resume %s "
                    + "-o %s%n", done.size(), total, folder.dir(), resumeId, outputDir);
        }, "digitbench-stop-hint");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }
}
