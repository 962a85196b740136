package org.digitbench.results;

import org.digitbench.eval.ClassificationMetrics;
import org.digitbench.eval.Statistics;
import org.digitbench.results.provenance.Provenance;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code results.json} files of older schema versions into today's {@link RunResults}, so that old
 * runs still render.
 *
 * <p>Version 2 listed each trial's 27 fields flat; version 3 groups them ({@link TrialResult}): the same
 * fields, same names and values, moved into {@code plugin}, {@code evaluation}, {@code times},
 * {@code network} and {@code resources} ({@link #GROUPS}). A version-2 file is migrated by moving them.
 *
 * <p>Version 1 (before trials): {@code models} held one quality-pass model per plugin, timed afterwards by a
 * separate JMH timing pass (its scores in each model's {@code timing}, taken in forked JVMs); {@code repeats}
 * held the scores of the same plugins trained with further seeds (no predictions). They become the trials of
 * version 2: each model the main seed's trial, each repeat a trial whose metrics hold the scores it had.
 */
public final class ResultsMigration {
    private ResultsMigration() {
    }

    /** A version-1 repeat: a plugin trained again with another seed (its outcome's fields at the top), its scores only. */
    record V1Repeat(@JsonUnwrapped TrialResult.Outcome outcome, Double accuracy, Double macroPrecision, Double macroRecall,
                    Double macroF1, Double logLoss, Double trainSeconds, Double predictSeconds) {
    }

    /** Where each flat field of a version-2 trial (and of a version-1 model) sits in version 3. */
    public static final Map<String, List<String>> GROUPS = groups();

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> g = new LinkedHashMap<>();
        g.put("plugin", List.of("library", "libraryVersion", "family", "description", "hyperparameters", "libraryProvenance"));
        g.put("evaluation", List.of("trainingSize", "testSize", "metrics", "predictions", "mistakes", "calibration", "robustness"));
        g.put("times", List.of("trainSeconds", "predictSeconds", "trialSeconds", "finishedAt"));
        g.put("network", List.of("parameterCount", "layers", "history"));
        g.put("resources", List.of("peakHeapBytes", "peakRssBytes", "machine", "modelBytes"));
        return java.util.Collections.unmodifiableMap(g);
    }

    /** A version-2 trial (flat) as version 3 lays it out: each field moved into its group, nothing else changed. */
    public static ObjectNode trialToV3(JsonNode flat) {
        ObjectNode trial = ((ObjectNode) flat).deepCopy();
        if (trial.has("evaluation")) {
            return trial; // already grouped
        }
        GROUPS.forEach((group, fields) -> {
            ObjectNode node = trial.objectNode();
            for (String f : fields) {
                JsonNode value = trial.remove(f);
                if (value != null) {
                    node.set(f, value);
                }
            }
            trial.set(group, node);
        });
        return trial;
    }

    /** A version-2 {@code results.json}: its trials grouped, the rest as it was. */
    public static RunResults fromV2(JsonNode root, JsonMapper mapper) {
        ObjectNode v3 = ((ObjectNode) root).deepCopy();
        ArrayNode trials = v3.arrayNode();
        for (JsonNode t : root.path("trials")) {
            trials.add(trialToV3(t));
        }
        v3.set("trials", trials);
        v3.put("schemaVersion", RunResults.SCHEMA_VERSION);
        return mapper.treeToValue(v3, RunResults.class);
    }

    public static RunResults fromV1(JsonNode root, JsonMapper mapper) {
        List<TrialResult> trials = new ArrayList<>();
        List<String> plugins = new ArrayList<>();
        for (JsonNode m : root.path("models")) {
            TrialResult t = mapper.treeToValue(trialToV3(m), TrialResult.class);
            if (t.timing() != null) {
                Timing v1 = t.timing();
                Double load = v1.training() != null ? Double.valueOf(v1.training().loadBefore()) : null;
                t = t.withTiming(t.modelFile(), new Timing(v1.status(), v1.error(), v1.training(), v1.batch(),
                        v1.single(), v1.imagesPerSecond(), t.evaluation().testSize(), new Timing.Load(load, false), null));
            }
            trials.add(t);
            plugins.add(t.pluginId());
        }
        long mainSeed = root.path("provenance").path("seed").asLong(trials.isEmpty() ? 42 : trials.getFirst().seed());
        Set<Long> seeds = new LinkedHashSet<>(List.of(mainSeed));
        for (JsonNode r : root.path("repeats")) {
            V1Repeat x = mapper.treeToValue(r, V1Repeat.class);
            TrialResult model = trials.stream().filter(t -> t.pluginId().equals(x.outcome().pluginId())).findFirst().orElse(null);
            if (model == null) {
                continue;
            }
            seeds.add(x.outcome().seed());
            trials.add(repeat(x, model));
        }
        boolean timed = trials.stream().anyMatch(t -> t.timing() != null);
        Plan plan = new Plan(plugins, List.copyOf(seeds),
                timed ? Plan.JMH : Plan.WALL_CLOCK, false);
        List<RunResults.Comparison> comparisons = new ArrayList<>();
        for (JsonNode c : root.path("comparisons")) {
            comparisons.add(mapper.treeToValue(c, RunResults.Comparison.class));
        }
        RunResults base = new RunResults(new RunResults.Header(RunResults.SCHEMA_VERSION, root.path("runId").asString(),
                RunStatus.of(root.path("status").asString()), instant(root.get("startedAt"), mapper),
                instant(root.get("finishedAt"), mapper), root.path("profile").asString(),
                mapper.treeToValue(root.get("commandLine"), String[].class) == null ? List.of()
                        : List.of(mapper.treeToValue(root.get("commandLine"), String[].class))),
                mapper.treeToValue(root.get("provenance"), Provenance.class),
                mapper.treeToValue(root.get("data"), RunResults.DataInfo.class), plan, List.of(), List.of(), comparisons);
        return base.withTrials(trials, base.status(), base.finishedAt(), null);
    }

    private static Instant instant(JsonNode node, JsonMapper mapper) {
        return node == null || node.isNull() ? null : mapper.treeToValue(node, Instant.class);
    }

    /** A repeat as a trial: the scores it recorded, on the same test set as its plugin's model. */
    private static TrialResult repeat(V1Repeat x, TrialResult model) {
        ClassificationMetrics metrics = null;
        if (x.accuracy() != null && model.metrics() != null) {
            int n = model.metrics().n();
            int correct = (int) Math.round(x.accuracy() * n);
            metrics = new ClassificationMetrics(n, correct, x.accuracy(), Statistics.wilson(correct, n, 0.95),
                    new ClassificationMetrics.Averages(x.macroPrecision(), x.macroRecall(), x.macroF1()), null, List.of(),
                    x.logLoss(), null);
        }
        TrialResult.PluginInfo plugin = model.plugin();
        return new TrialResult(x.outcome(),
                new TrialResult.PluginInfo(plugin.library(), plugin.libraryVersion(), plugin.family(), plugin.description(),
                        plugin.hyperparameters(), Map.of("migratedFrom", "schema 1 repeat")),
                new TrialResult.Evaluation(model.evaluation().trainingSize(), model.evaluation().testSize(), metrics, null, List.of()),
                new TrialResult.Times(x.trainSeconds(), x.predictSeconds(), null, null),
                new TrialResult.Network(model.network().parameterCount(), List.of(), List.of()), null, null, null);
    }
}
