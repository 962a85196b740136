package org.digitbench.results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What {@code digitbench tune} found ({@code tune.json} in the tuning's folder): for each plugin, every configuration
 * tried on the validation split, the Pareto front of validation accuracy against training time, and the configuration
 * a stated rule chose.
 *
 * @param tuneId     the tuning's folder name
 * @param startedAt  when it started
 * @param finishedAt when it ended, or {@code null} while it runs
 * @param profile    the profile whose data it searched on
 * @param search     how it searched, in words (grid or random, halving's rungs, the budget)
 * @param rule       the rules that choose a configuration, in words (each plugin's is in its {@link PluginTuning})
 * @param plugins    each plugin's search
 * @param commandLine the arguments of {@code digitbench tune} that made it ({@code null} in tunings made before it was kept)
 */
public record TuneResults(String tuneId, Instant startedAt, Instant finishedAt, String profile, String search, String rule,
                          List<PluginTuning> plugins, List<String> commandLine) {

    public TuneResults {
        plugins = List.copyOf(plugins);
        commandLine = commandLine == null ? null : List.copyOf(commandLine);
    }

    /** The rule that chose among {@code tuning}'s configurations, in words: its own, or this tuning's when it has none. */
    public String ruleOf(PluginTuning tuning) {
        return tuning.rule() != null ? tuning.rule() : rule;
    }

    /**
     * One plugin's search.
     *
     * @param pluginId       the plugin
     * @param configurations every configuration tried, at every training-set size, in the order they ran
     * @param pareto         indexes into {@code configurations} of the Pareto front at the full training-set size: none
     *                       both more accurate and faster, fastest first
     * @param chosen         index into {@code configurations} of the chosen one, or {@code null} when none finished
     * @param defaults       the chosen hyper-parameters as the {@code -P} options {@code digitbench run} takes (only those
     *                       the search set), or empty
     * @param rule           the rule that chose, in words ({@code null} in tunings made before plugins had rules of
     *                       their own: {@link TuneResults#rule()} is theirs)
     */
    public record PluginTuning(String pluginId, List<Configuration> configurations, List<Integer> pareto, Integer chosen,
                               List<String> defaults, String rule) {
        public PluginTuning {
            configurations = List.copyOf(configurations);
            pareto = List.copyOf(pareto);
            defaults = List.copyOf(defaults);
        }

        /** Why nothing was chosen (no configuration finished on the whole training set, or none met the rule), or {@code null}. */
        public String noChoice() {
            return chosen != null ? null : pareto.isEmpty() ? "No configuration finished on the whole training set"
                    : "None of the configurations trained on the whole training set met the rule";
        }
    }

    /**
     * One configuration at one training-set size: a trial like any other, in a run folder of its own.
     *
     * @param params      the hyper-parameters the search set (the others keep their defaults)
     * @param trainSize   training images it was trained on
     * @param rung        its rung of successive halving (0 for the smallest training set; always 0 without halving)
     * @param accuracy    accuracy on the validation split, or {@code null} when the trial failed
     * @param trainSeconds its training time (wall clock), or {@code null}
     * @param runId       its run folder, relative to the tuning's folder
     * @param reusedFrom  the run whose trial the trial cache gave it, or {@code null} when it trained here
     * @param error       why it failed, or {@code null}
     */
    public record Configuration(Map<String, String> params, int trainSize, int rung, Double accuracy, Double trainSeconds,
                                String runId, String reusedFrom, String error) {
        public Configuration {
            params = Map.copyOf(params);
        }

        public boolean ok() {
            return accuracy != null && trainSeconds != null;
        }

        /** The hyper-parameters as {@code C=5 gamma=0.01}, by name, or {@code defaults}. */
        public String describeParams() {
            return params.isEmpty() ? "defaults" : String.join(" ", params.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue()).toList());
        }
    }

    /**
     * The Pareto front of {@code candidates} (indexes of finished configurations): those no other one beats on both
     * validation accuracy (higher) and training time (lower), fastest first.
     */
    public static List<Integer> pareto(List<Configuration> all, List<Integer> candidates) {
        List<Integer> front = new ArrayList<>();
        for (int i : candidates) {
            Configuration c = all.get(i);
            boolean beaten = candidates.stream().map(all::get).anyMatch(o -> o != c && o.accuracy() >= c.accuracy()
                    && o.trainSeconds() <= c.trainSeconds() && (o.accuracy() > c.accuracy() || o.trainSeconds() < c.trainSeconds()));
            if (!beaten) {
                front.add(i);
            }
        }
        front.sort(Comparator.comparingDouble(i -> all.get(i).trainSeconds()));
        return front;
    }
}
