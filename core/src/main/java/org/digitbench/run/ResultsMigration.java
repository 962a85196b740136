package org.digitbench.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.digitbench.eval.ClassificationMetrics;
import org.digitbench.eval.Statistics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code results.json} files of older schema versions into today's {@link RunResults}, so that old
 * runs still render.
 *
 * <p>Version 1 (before trials): {@code models} held one quality-pass model per plugin, timed afterwards by a
 * separate JMH timing pass (its scores in each model's {@code timing}, taken in forked JVMs); {@code repeats}
 * held the scores of the same plugins trained with further seeds (no predictions). They become the trials of
 * version 2: each model the main seed's trial, each repeat a trial whose metrics hold the scores it had.
 */
final class ResultsMigration {
    private ResultsMigration() {
    }

    /** A version-1 repeat: a plugin trained again with another seed, its scores only. */
    record V1Repeat(String pluginId, long seed, TrialStatus status, String error, Double accuracy, Double macroPrecision,
                    Double macroRecall, Double macroF1, Double logLoss, Double trainSeconds, Double predictSeconds) {
    }

    static RunResults fromV1(JsonNode root, JsonMapper mapper) {
        List<RunResults.TrialResult> trials = new ArrayList<>();
        List<String> plugins = new ArrayList<>();
        for (JsonNode m : root.path("models")) {
            RunResults.TrialResult t = mapper.treeToValue(m, RunResults.TrialResult.class);
            if (t.timing() != null) {
                RunResults.Timing v1 = t.timing();
                Double load = v1.training() != null ? Double.valueOf(v1.training().loadBefore()) : null;
                t = t.withTiming(t.modelFile(), new RunResults.Timing(v1.status(), v1.error(), v1.training(), v1.batch(),
                        v1.single(), v1.imagesPerSecond(), t.testSize(), load, false, null));
            }
            trials.add(t);
            plugins.add(t.pluginId());
        }
        long mainSeed = root.path("provenance").path("seed").asLong(trials.isEmpty() ? 42 : trials.getFirst().seed());
        Set<Long> seeds = new LinkedHashSet<>(List.of(mainSeed));
        for (JsonNode r : root.path("repeats")) {
            V1Repeat x = mapper.treeToValue(r, V1Repeat.class);
            RunResults.TrialResult model = trials.stream().filter(t -> t.pluginId().equals(x.pluginId())).findFirst().orElse(null);
            if (model == null) {
                continue;
            }
            seeds.add(x.seed());
            trials.add(repeat(x, model));
        }
        boolean timed = trials.stream().anyMatch(t -> t.timing() != null);
        RunResults.Plan plan = new RunResults.Plan(plugins, List.copyOf(seeds),
                timed ? RunResults.Plan.JMH : RunResults.Plan.WALL_CLOCK, false);
        List<RunResults.Comparison> comparisons = new ArrayList<>();
        for (JsonNode c : root.path("comparisons")) {
            comparisons.add(mapper.treeToValue(c, RunResults.Comparison.class));
        }
        RunResults base = new RunResults(RunResults.SCHEMA_VERSION, root.path("runId").asString(), RunStatus.of(root.path("status").asString()),
                instant(root.get("startedAt"), mapper), instant(root.get("finishedAt"), mapper), root.path("profile").asString(),
                mapper.treeToValue(root.get("commandLine"), String[].class) == null ? List.of()
                        : List.of(mapper.treeToValue(root.get("commandLine"), String[].class)),
                mapper.treeToValue(root.get("provenance"), RunResults.Provenance.class),
                mapper.treeToValue(root.get("data"), RunResults.DataInfo.class), plan, List.of(), List.of(), comparisons);
        return base.withTrials(trials, base.status(), base.finishedAt(), null);
    }

    private static Instant instant(JsonNode node, JsonMapper mapper) {
        return node == null || node.isNull() ? null : mapper.treeToValue(node, Instant.class);
    }

    /** A repeat as a trial: the scores it recorded, on the same test set as its plugin's model. */
    private static RunResults.TrialResult repeat(V1Repeat x, RunResults.TrialResult model) {
        ClassificationMetrics metrics = null;
        if (x.accuracy() != null && model.metrics() != null) {
            int n = model.metrics().n();
            int correct = (int) Math.round(x.accuracy() * n);
            metrics = new ClassificationMetrics(n, correct, x.accuracy(), Statistics.wilson(correct, n, 0.95),
                    new ClassificationMetrics.Averages(x.macroPrecision(), x.macroRecall(), x.macroF1()), null, List.of(),
                    x.logLoss(), null);
        }
        return new RunResults.TrialResult(x.pluginId(), model.library(), model.libraryVersion(), model.family(),
                model.description(), x.status(), x.error(), model.hyperparameters(), x.seed(), model.trainingSize(),
                model.testSize(), x.trainSeconds(), x.predictSeconds(), metrics, null, Map.of("migratedFrom", "schema 1 repeat"),
                model.parameterCount(), List.of(), List.of(), null, null, List.of(), null, null, null, null, null);
    }
}
