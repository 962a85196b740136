package org.digitbench.run.exec.slurm;

import org.digitbench.api.DigitbenchException;
import org.digitbench.config.Execution;
import org.digitbench.results.TrialResult;
import org.digitbench.results.store.ResultsStore;
import org.digitbench.results.store.RunFolder;
import org.digitbench.results.text.Format;
import org.digitbench.run.exec.BatchExecutor;
import org.digitbench.run.exec.JvmArgs;
import org.digitbench.run.exec.TouchedHeap;
import org.digitbench.trial.ModelTrial;
import org.digitbench.trial.TrialSpec;
import org.digitbench.trial.TrialTiming;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code --executor slurm}: each trial is one task of an {@code sbatch --array} job, run on a node exactly as
 * {@code --executor local} runs it here (its own JVM, the same class path and options), so it writes its own result
 * file into the run folder, which must be on a filesystem the nodes share: a small marker job checks that first, and
 * the array waits for it. The driver follows the jobs with {@code squeue}; a trial whose task ended without a result
 * is a failed trial with Slurm's reason and its log. What was submitted is kept in {@code work/slurm/}, so
 * {@code --resume} takes over tasks still queued or running and submits only the trials without a result, and
 * {@code digitbench collect} gathers a run submitted with {@code --detach}.
 */
public final class SlurmExecutor implements BatchExecutor {
    private final Slurm slurm;
    private final PrintStream out;
    private final PrintStream err;
    private final Execution execution;
    private final SlurmOptions options;
    private final String mainClass;
    private final Map<String, Submissions.Task> tasks = new ConcurrentHashMap<>();
    private final Map<String, String> lastState = new LinkedHashMap<>();
    private final long started = System.nanoTime();
    private String lastCounts;
    private RunFolder folder;
    private String jobName;
    private Map<String, Slurm.Job> queued = Map.of();
    private long polledAt = Long.MIN_VALUE;
    private String markerJob;
    private Path markerFile;
    private String markerProblem;
    private boolean markerChecked;
    private long memMb;
    private Long timeMinutes;
    private volatile boolean closed;
    private Thread stopHook;



    /**
     * @param mainClass the trial JVM's main class, which takes the path of a {@link TrialSpec}
     */
    public SlurmExecutor(Slurm slurm, PrintStream out, PrintStream err, Execution execution, SlurmOptions options, String mainClass) {
        if (!execution.isolate()) {
            throw new IllegalArgumentException("--executor slurm runs every trial in a JVM of its own: it cannot be used with --in-process");
        }
        if (execution.jobs() > 1) {
            throw new IllegalArgumentException("--jobs shares one machine's cores; with --executor slurm, cap the trials that "
                    + "run at once with --throttle");
        }
        this.slurm = slurm;
        this.out = out;
        this.err = err;
        this.execution = execution;
        this.options = options;
        this.mainClass = mainClass;
    }

    @Override
    public String toString() {
        return "Slurm, one array task per trial";
    }

    @Override
    public boolean detached() {
        return options.detach();
    }

    @Override
    public void submit(RunFolder runFolder, List<TrialSpec> specs) {
        this.folder = RunFolder.at(runFolder.dir().toAbsolutePath()); // the nodes are told absolute paths
        SbatchScript.requirePlainPath(runFolder.dir().toAbsolutePath(), "the run folder");
        jobName = "digitbench-" + folder.runId();
        Path dir = folder.work().resolve("slurm");
        List<Submissions.Submission> earlier = new ArrayList<>(Submissions.read(dir));
        Map<String, Slurm.Job> queue = slurm.queue(jobName);
        List<TrialSpec> fresh = new ArrayList<>();
        int adopted = 0;
        for (TrialSpec spec : specs) {
            Optional<Submissions.Task> before = Submissions.latest(earlier, spec.trialId(), dir);
            if (before.isPresent() && (queue.containsKey(before.get().id()) || options.collectOnly())) {
                tasks.put(spec.trialId(), before.get());
                adopted += queue.containsKey(before.get().id()) ? 1 : 0;
            } else if (!options.collectOnly()) {
                fresh.add(spec);
            }
        }
        if (adopted > 0) {
            out.printf("Following %d trial%s still queued or running in Slurm from an earlier submission%n", adopted,
                    adopted == 1 ? "" : "s");
        }
        if (!fresh.isEmpty()) {
            try {
                folder.folder(dir);
                folder.folder(folder.trials());
                earlier.add(submitFresh(dir, fresh));
                ResultsStore.writeJson(dir.resolve(Submissions.FILE), earlier);
            } catch (IOException e) {
                throw new DigitbenchException("cannot write the Slurm scripts into " + dir + ": " + e.getMessage(), e);
            }
        }
        if (options.detach()) {
            out.printf("Detached: the trials run in Slurm (squeue --name=%s). Gather their results, and the report, with:%n"
                    + "  digitbench collect %s -o %s%n", jobName, folder.runId(), folder.dir().getParent());
        } else {
            stopHook = new Thread(this::onStop, "digitbench-slurm-stop");
            Runtime.getRuntime().addShutdownHook(stopHook);
        }
    }

    private Submissions.Submission submitFresh(Path dir, List<TrialSpec> fresh) throws IOException {
        String stamp = String.valueOf(System.currentTimeMillis());
        SbatchScript.Common common = new SbatchScript.Common(jobName, options);
        markerFile = dir.resolve("marker-" + stamp);
        String token = java.util.UUID.randomUUID().toString();
        Files.writeString(markerFile, token, StandardCharsets.UTF_8);
        Path markerScript = dir.resolve("marker-" + stamp + ".sbatch");
        Files.writeString(markerScript, SbatchScript.marker(common, markerFile, token, dir.resolve("marker-%j.out")));
        markerJob = slurm.submit(markerScript);
        markerChecked = false;
        List<SbatchScript.Task> scriptTasks = new ArrayList<>();
        for (TrialSpec spec : fresh) {
            Path specFile = folder.work().resolve(spec.trialId() + "." + spec.task() + ".json").toAbsolutePath();
            Files.deleteIfExists(folder.trialFile(spec.trialId()));
            ResultsStore.writeJson(specFile, spec);
            scriptTasks.add(new SbatchScript.Task(specFile, folder.work().resolve(spec.trialId() + ".hs_err.log").toAbsolutePath()));
        }
        boolean timed = fresh.stream().anyMatch(TouchedHeap::wanted);
        List<String> java = JvmArgs.trialJvm(execution.workerJvmArgs(), List.of(), mainClass, // a node's memory is its request
                options -> timed ? TouchedHeap.options(options, 1, 0, "Linux") : List.of());
        int cores = options.coresPerTrial() != null ? options.coresPerTrial() : nodeCores();
        memMb = options.memPerTrialMb() != null ? options.memPerTrialMb() : JvmArgs.heapMb(java) + SlurmOptions.NATIVE_ALLOWANCE_MB;
        timeMinutes = execution.timeout() == null ? null : Math.max(1, (execution.timeout().toSeconds() + 59) / 60);
        Path script = dir.resolve("array-" + stamp + ".sbatch");
        Files.writeString(script, SbatchScript.array(common, scriptTasks, cores, memMb, timeMinutes, markerJob,
                dir.toAbsolutePath().resolve("%A_%a.out"), java));
        String job;
        try {
            job = slurm.submit(script);
        } catch (RuntimeException e) {
            slurm.cancel(List.of(markerJob));
            throw e;
        }
        for (int i = 0; i < fresh.size(); i++) {
            String trialId = fresh.get(i).trialId();
            tasks.put(trialId, new Submissions.Task(trialId, job, i, dir.resolve(job + "_" + i + ".out")));
        }
        out.printf(Locale.ROOT, "Submitted %d trial%s to Slurm as array job %s (%d core%s, %s MiB and %s each%s), after marker "
                        + "job %s; script %s%n", fresh.size(), fresh.size() == 1 ? "" : "s", job, cores, cores == 1 ? "" : "s",
                memMb, timeMinutes == null ? "the partition's time limit" : "at most " + timeMinutes + " min",
                options.throttle() == null ? "" : ", at most " + options.throttle() + " at once", markerJob,
                folder.dir().relativize(script));
        return new Submissions.Submission(job, markerJob, Instant.now(), fresh.stream().map(TrialSpec::trialId).toList(),
                folder.dir().relativize(script).toString());
    }

    private int nodeCores() {
        List<Integer> cores = slurm.nodeCores(options.partition());
        if (cores.isEmpty()) {
            throw new DigitbenchException("sinfo lists no nodes" + (options.partition() == null ? "" : " in partition "
                    + options.partition()) + ": give --cores-per-trial, or another --partition");
        }
        return cores.stream().mapToInt(Integer::intValue).min().orElseThrow();
    }

    @Override
    public TrialResult run(TrialSpec spec, TrialTiming.Job job, int trainSize, int testSize) {
        Submissions.Task task = tasks.get(spec.trialId());
        if (task == null) {
            return ModelTrial.failed(job, trainSize, testSize, "never submitted to Slurm: submit it with digitbench run --resume "
                    + folder.runId() + " --executor slurm");
        }
        while (follow().containsKey(task.id())) {
            sleep(options.poll().toMillis());
        }
        Path result = folder.trialFile(spec.trialId());
        for (int i = 0; i < 5 && !Files.isRegularFile(result); i++) {
            sleep(grace()); // a shared filesystem may show another node's file a moment late
        }
        if (Files.isRegularFile(result)) {
            TrialResult written = ResultsStore.readJson(result, TrialResult.class);
            if (written.pluginId().equals(spec.pluginId()) && written.seed() == spec.seed()) {
                return written;
            }
        }
        Path crashLog = folder.work().resolve(spec.trialId() + ".hs_err.log");
        return ModelTrial.failed(job, trainSize, testSize, SlurmFailure.why(task, slurm.ended(task.id()),
                SlurmFailure.tail(task.log()), Files.isRegularFile(crashLog) ? folder.dir().relativize(crashLog) : null,
                folder.dir(), timeMinutes, memMb));
    }


    /** The jobs still in the queue, asked of Slurm at most once per poll interval; prints what changed. */
    private synchronized Map<String, Slurm.Job> follow() {
        if (closed) {
            throw new DigitbenchException("the driver is stopping");
        }
        long now = System.nanoTime();
        if (now - polledAt >= options.poll().toNanos() || polledAt == Long.MIN_VALUE) {
            queued = slurm.queue(jobName);
            polledAt = now;
            report();
        }
        checkMarker();
        return queued;
    }

    private void report() {
        int running = 0;
        int waiting = 0;
        for (Submissions.Task t : tasks.values()) {
            Slurm.Job j = queued.get(t.id());
            String state = j == null ? "ENDED" : j.state();
            running += "RUNNING".equals(state) ? 1 : 0;
            waiting += j != null && j.waiting() ? 1 : 0;
            if (!state.equals(lastState.put(t.trialId(), state)) && j != null) {
                out.println("      " + t.trialId() + ": " + state.toLowerCase(Locale.ROOT)
                        + (j.node() != null && "RUNNING".equals(state) ? " on " + j.node() : j.reason() != null ? " (" + j.reason() + ")" : "")
                        + " (Slurm job " + t.id() + ")");
            }
        }
        String counts = String.format(Locale.ROOT, "Slurm: %d running, %d waiting, %d of %d ended", running, waiting,
                tasks.size() - running - waiting, tasks.size());
        if (!counts.equals(lastCounts)) { // printed when the counts change, with the time since submitting
            lastCounts = counts;
            out.println(counts + " (" + Format.duration((System.nanoTime() - started) / 1_000_000_000L) + ")");
        }
    }

    /** Once the marker job has left the queue: it must have written its file, else nothing can work. */
    private void checkMarker() {
        if (markerJob != null && !markerChecked && !queued.containsKey(markerJob)) {
            Path seen = markerFile.resolveSibling(markerFile.getFileName() + ".seen");
            for (int i = 0; i < 5 && !Files.isRegularFile(seen); i++) {
                sleep(grace());
            }
            markerChecked = true;
            if (!Files.isRegularFile(seen)) {
                List<String> ours = tasks.values().stream().map(Submissions.Task::jobId).distinct().toList();
                slurm.cancel(ours);
                Path log = markerFile.resolveSibling("marker-" + markerJob + ".out");
                String said = SlurmFailure.tail(log).strip();
                markerProblem = "the Slurm nodes cannot see the run folder " + folder.dir().toAbsolutePath() + ": marker job "
                        + markerJob + " " + slurm.ended(markerJob).map(j -> "ended " + j.state()).orElse("ended") + " without "
                        + "writing " + seen.getFileName() + (said.isEmpty() ? " and left no log in " + folder.dir().relativize(log)
                        : " (its log: " + said.substring(said.lastIndexOf('\n') + 1) + ")") + "; the trials were cancelled. Put "
                        + "the run folder (-o) on a filesystem the nodes share, at the same path";
            }
        }
        if (markerProblem != null) {
            throw new DigitbenchException(markerProblem);
        }
    }


    /** Ctrl-C on the driver while trials are in Slurm: asks whether to cancel them (without a terminal, they go on). */
    private void onStop() {
        if (closed) {
            return;
        }
        List<String> active;
        try {
            Map<String, Slurm.Job> now = slurm.queue(jobName);
            active = tasks.values().stream().filter(t -> now.containsKey(t.id())).map(Submissions.Task::jobId).distinct().toList();
        } catch (RuntimeException e) {
            return;
        }
        if (active.isEmpty()) {
            return;
        }
        java.io.Console console = System.console();
        String answer = console == null ? null : console.readLine("%ndigitbench: trials are still queued or running in Slurm "
                + "(job %s). Cancel them? [y/N] ", String.join(", ", active));
        if (answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y")) {
            slurm.cancel(active);
            err.println("digitbench: cancelled Slurm job " + String.join(", ", active));
        } else {
            err.printf("digitbench: the Slurm jobs go on (%s); gather them later with: digitbench collect %s -o %s "
                    + "(or stop them with: scancel %s)%n", String.join(", ", active), folder.runId(),
                    folder.dir().toAbsolutePath().getParent(), String.join(" ", active));
        }
    }

    @Override
    public void close() {
        closed = true;
        if (stopHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs
            }
        }
    }



    /** A wait for a file another node wrote: a second, or the poll interval when that is shorter. */
    private long grace() {
        return Math.min(1000, options.poll().toMillis());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DigitbenchException("interrupted while waiting for Slurm", e);
        }
    }
}
