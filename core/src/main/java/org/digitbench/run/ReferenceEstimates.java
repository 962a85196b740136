package org.digitbench.run;

import org.digitbench.api.DigitbenchException;
import org.digitbench.config.RunConfig;
import org.digitbench.results.RunResults;
import org.digitbench.results.Timing;
import org.digitbench.results.TrialResult;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Trial times from the committed reference results ({@code benchmarks/results/}), as summarised in
 * {@code benchmarks/results/reference-estimates.json} by {@code digitbench reference}: per profile and plugin, the
 * whole trial's seconds measured with the default hyper-parameters, with JMH timing and the parts that
 * {@code --no-timing} keeps. A trial with other hyper-parameters or data sizes has no estimate.
 *
 * @param machine  the machine the references were measured on (cores, CPU), for the reader
 * @param profiles profile id to plugin id to its estimate
 */
public record ReferenceEstimates(String machine, Map<String, Map<String, Entry>> profiles) implements Estimates {
    /** Where the summary is, in the jar. */
    public static final String RESOURCE = "/org/digitbench/run/reference-estimates.json";
    /** Its file name in benchmarks/results/, from where the build puts it into the jar. */
    public static final String FILE = "reference-estimates.json";

    /**
     * One plugin's reference trial.
     *
     * @param trialSeconds     the whole trial with JMH timing (JVM start, data, warm-up, training, evaluation, benchmarks)
     * @param wallClockSeconds what {@code --no-timing} keeps of it: start-up, data, training and evaluation
     * @param hyperparameters  the hyper-parameters it was measured with
     * @param run              the reference run it comes from
     * @param secondsPerImage  the evaluation's prediction time per test image (what a corrupted image costs too)
     * @param corruptedImages  the corrupted images its trial predicted (images per corruption × corruptions; 0 without)
     */
    public record Entry(double trialSeconds, double wallClockSeconds, Map<String, Object> hyperparameters, String run,
                        double secondsPerImage, int corruptedImages) {
        /** Without robustness. */
        public Entry(double trialSeconds, double wallClockSeconds, Map<String, Object> hyperparameters, String run) {
            this(trialSeconds, wallClockSeconds, hyperparameters, run, 0, 0);
        }

        /** The expected seconds of a trial timed by JMH, or of one under {@code --no-timing}, without corrupted images. */
        public double seconds(boolean timing) {
            return timing ? trialSeconds : wallClockSeconds;
        }

        /**
         * The expected seconds of a trial of this configuration: the reference's, with the prediction of the corrupted
         * images the configuration asks for in place of the reference's own (at the reference's pace per image).
         */
        public double seconds(RunConfig config) {
            int images = config.robustness().corruptions().size() * config.robustnessImages(config.testSize(0));
            return Math.max(1, seconds(config.timing()) + secondsPerImage * (images - corruptedImages));
        }
    }

    private static final ReferenceEstimates NONE = new ReferenceEstimates("none", Map.of());

    /**
     * The estimates of reference runs: each profile's main-seed trials. The {@code --no-timing} figure is the trial
     * without what only JMH timing does: the warm-up, JMH's own overhead around the training, and the benchmarks.
     * Several runs of one profile are merged plugin by plugin, the first run that has a plugin giving its entry: the
     * profile's reference first, then its additions (plugins measured since, on their own).
     *
     * @param runs    reference results: each profile's reference, then any additions
     * @param sources where each was committed, for the entries' {@code run}
     */
    public static ReferenceEstimates from(List<RunResults> runs, List<String> sources) {
        Map<String, Map<String, Entry>> profiles = new java.util.TreeMap<>();
        String machine = null;
        for (int i = 0; i < runs.size(); i++) {
            RunResults r = runs.get(i);
            if (machine == null) {
                machine = r.provenance().cpus() + " cores, " + r.provenance().os() + ", " + r.provenance().jvm();
            }
            Map<String, Entry> entries = profiles.computeIfAbsent(r.profile(), k -> new java.util.LinkedHashMap<>());
            for (TrialResult t : r.mainTrials()) {
                if (!t.ok() || t.times().trialSeconds() == null) {
                    continue;
                }
                double jmhOnly = 0;
                Timing timing = t.timing();
                if (timing != null) {
                    jmhOnly += timing.warmupSeconds() == null ? 0 : timing.warmupSeconds();
                    jmhOnly += timing.training() == null ? 0 : Math.max(0, timing.training().wallSeconds() - timing.training().score());
                    for (var m : java.util.stream.Stream.concat(java.util.stream.Stream.of(timing.batch(), timing.single()),
                            timing.batchSizes().stream().map(Timing.BatchSize::measurement)).toList()) {
                        if (m != null) {
                            jmhOnly += m.wallSeconds() + (m.iterations().steadyWarmup() == null ? 0 : m.iterations().steadyWarmup().seconds())
                                    + (m.iterations().remeasured() == null ? 0 : m.iterations().remeasured().wallSeconds());
                        }
                    }
                }
                var robustness = t.evaluation().robustness();
                int corrupted = robustness == null ? 0 : robustness.images() * robustness.corruptions().size();
                double perImage = t.times().predictSeconds() == null || t.evaluation().testSize() == 0 ? 0
                        : t.times().predictSeconds() / t.evaluation().testSize();
                entries.putIfAbsent(t.pluginId(), new Entry(t.times().trialSeconds(), Math.max(1, t.times().trialSeconds() - jmhOnly),
                        t.plugin().hyperparameters(), sources.get(i) + " (" + r.runId() + ")", perImage, corrupted));
            }
        }
        return new ReferenceEstimates(machine == null ? "unknown" : machine, profiles);
    }

    /** The estimates packaged with this build, or none when it has none. */
    public static ReferenceEstimates load() {
        try (InputStream in = ReferenceEstimates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return NONE;
            }
            return JsonMapper.builder().build().readValue(in, ReferenceEstimates.class);
        } catch (IOException | RuntimeException e) {
            throw new DigitbenchException("the packaged reference estimates " + RESOURCE + " are unreadable: " + e.getMessage(), e);
        }
    }

    /** The reference entry for this plugin in this configuration: same profile, default sizes and the same hyper-parameters. */
    public java.util.Optional<Entry> entry(String pluginId, Map<String, Object> hyperparameters, RunConfig config) {
        if (config.dataset().trainSize() != null || config.dataset().testSize() != null || config.dataset().validation() || !config.dataset().source().isMnist()) {
            return java.util.Optional.empty();
        }
        Entry e = profiles.getOrDefault(config.profile().id(), Map.of()).get(pluginId);
        if (e == null || hyperparameters != null && !same(e.hyperparameters(), hyperparameters)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(e);
    }

    private static boolean same(Map<String, Object> a, Map<String, Object> b) {
        if (a == null || a.size() != b.size()) {
            return false;
        }
        return a.entrySet().stream().allMatch(x -> Objects.equals(String.valueOf(x.getValue()), String.valueOf(b.get(x.getKey()))));
    }

    @Override
    public OptionalDouble trialSeconds(String pluginId, Map<String, Object> hyperparameters, RunConfig config) {
        return entry(pluginId, hyperparameters, config)
                .map(e -> OptionalDouble.of(e.seconds(config)))
                .orElse(OptionalDouble.empty());
    }
}
