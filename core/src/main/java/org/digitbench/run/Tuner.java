package org.digitbench.run;

import org.digitbench.config.SearchSpace;
import org.digitbench.config.TuneRule;
import org.digitbench.config.TuneRules;
import org.digitbench.results.TuneResults;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * {@code digitbench tune}'s search: for each plugin, the configurations of its {@link SearchSpace} (all of the grid, or a
 * random draw), each trained by the {@link Trainer} as a trial of its own on the validation split; with successive
 * halving, all of them first on a small part of the training set and the best third (by validation accuracy) promoted
 * to three times as many images, up to the whole set. A time budget stops it from starting more trainings; what
 * finished stays. The rule then chooses among the configurations trained on the whole training set.
 */
public final class Tuner {
    /** Images below which a halving rung is not worth its noise: the smallest rung trains on at least this many. */
    static final int MIN_RUNG_IMAGES = 200;

    /** Trains one configuration on {@code trainSize} training images and tests it on the validation split. */
    @FunctionalInterface
    public interface Trainer {
        TuneResults.Configuration train(String pluginId, Map<String, String> params, int trainSize, int rung);
    }

    /**
     * What to search.
     *
     * @param plugins   the plugins, in order
     * @param space     their hyper-parameters' values
     * @param random    how many configurations to draw at random per plugin, or {@code null} for the whole grid
     * @param halving   successive halving over the training-set size
     * @param eta       halving's factor: a rung keeps 1/eta of the configurations and trains on eta times the images
     * @param budget    the time after which no training starts, or {@code null} for none
     * @param rules     how to choose, per plugin
     * @param fullSize  the training images of the whole training set (besides the validation split)
     * @param seed      draws the random configurations
     */
    public record Plan(List<String> plugins, SearchSpace space, Integer random, boolean halving, int eta, Duration budget,
                       TuneRules rules, int fullSize, long seed) {
        public Plan {
            plugins = List.copyOf(plugins);
            if (eta < 2) {
                throw new IllegalArgumentException("halving's factor must be at least 2, got " + eta);
            }
        }

        /** The search in words, for the results and the console. */
        public String describe() {
            return (random == null ? "grid" : "random search (" + random + " configurations a plugin)")
                    + (halving ? ", successive halving over the training-set size (factor " + eta + ")" : "")
                    + (budget == null ? "" : ", budget " + budget.toMinutes() + " min");
        }
    }

    private Tuner() {
    }

    /**
     * Runs the search.
     *
     * @param afterEach called with the results so far after every training (to save them)
     */
    public static TuneResults tune(String tuneId, String profile, List<String> commandLine, Plan plan, Trainer trainer,
                                   Consumer<TuneResults> afterEach, PrintStream out) {
        Instant started = Instant.now();
        List<TuneResults.PluginTuning> done = new ArrayList<>();
        for (String pluginId : plan.plugins()) {
            List<Map<String, String>> configs = plan.random() == null ? plan.space().grid(pluginId)
                    : plan.space().random(pluginId, plan.random(), plan.seed());
            List<TuneResults.Configuration> tried = new ArrayList<>();
            List<Integer> sizes = rungs(configs.size(), plan);
            List<Map<String, String>> alive = configs;
            for (int rung = 0; rung < sizes.size() && !alive.isEmpty(); rung++) {
                List<Integer> here = new ArrayList<>();
                for (Map<String, String> params : alive) {
                    if (plan.budget() != null && Duration.between(started, Instant.now()).compareTo(plan.budget()) >= 0) {
                        out.printf("%s: the budget (%d min) is spent; no more trainings start%n", pluginId, plan.budget().toMinutes());
                        break;
                    }
                    TuneResults.Configuration c = trainer.train(pluginId, params, sizes.get(rung), rung);
                    tried.add(c);
                    here.add(tried.size() - 1);
                    out.println(line(pluginId, c));
                    afterEach.accept(results(tuneId, started, null, profile, commandLine, plan, done, pluginId, tried, sizes));
                }
                int keep = rung == sizes.size() - 1 ? 0 : Math.max(1, (int) Math.ceil(here.size() / (double) plan.eta()));
                alive = here.stream().filter(i -> tried.get(i).ok())
                        .sorted(Comparator.comparingDouble((Integer i) -> tried.get(i).accuracy()).reversed()
                                .thenComparingDouble(i -> tried.get(i).trainSeconds()))
                        .limit(keep).map(i -> tried.get(i).params()).toList();
            }
            done.add(tuning(pluginId, tried, sizes.getLast(), plan.rules().of(pluginId)));
        }
        return results(tuneId, started, Instant.now(), profile, commandLine, plan, done, null, List.of(), List.of());
    }

    /**
     * The training-set size of each rung: the whole set alone without halving; with it, {@code fullSize / eta^k} up to
     * the whole set, as many rungs as there are configurations to halve and images to train the smallest on.
     */
    static List<Integer> rungs(int configurations, Plan plan) {
        if (!plan.halving()) {
            return List.of(plan.fullSize());
        }
        int top = 0;
        while (Math.pow(plan.eta(), top + 1) <= configurations
                && plan.fullSize() / Math.pow(plan.eta(), top + 1) >= MIN_RUNG_IMAGES) {
            top++;
        }
        int last = top;
        return IntStream.rangeClosed(0, top).mapToObj(r -> (int) Math.round(plan.fullSize() / Math.pow(plan.eta(), last - r))).toList();
    }

    private static TuneResults results(String tuneId, Instant started, Instant finished, String profile, List<String> commandLine, Plan plan,
                                       List<TuneResults.PluginTuning> done, String current, List<TuneResults.Configuration> tried,
                                       List<Integer> sizes) {
        List<TuneResults.PluginTuning> all = new ArrayList<>(done);
        if (current != null) {
            all.add(tuning(current, tried, sizes.getLast(), plan.rules().of(current)));
        }
        return new TuneResults(tuneId, started, finished, profile, plan.describe(), plan.rules().describe(plan.plugins()), all, commandLine);
    }

    /** A plugin's search: its Pareto front and choice among the configurations trained on the whole training set. */
    static TuneResults.PluginTuning tuning(String pluginId, List<TuneResults.Configuration> tried, int fullSize, TuneRule rule) {
        List<Integer> full = IntStream.range(0, tried.size()).filter(i -> tried.get(i).ok() && tried.get(i).trainSize() == fullSize)
                .boxed().toList();
        Integer chosen = rule.choose(tried, full);
        List<String> defaults = chosen == null ? List.of() : tried.get(chosen).params().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).map(e -> "-P " + pluginId + "." + e.getKey() + "=" + e.getValue()).toList();
        return new TuneResults.PluginTuning(pluginId, tried, TuneResults.pareto(tried, full), chosen, defaults, rule.toString());
    }

    static String line(String pluginId, TuneResults.Configuration c) {
        return "  " + pluginId + " " + describe(c);
    }

    /** A configuration and how it did: {@code C=5 gamma=0.01, 2,000 images: validation accuracy 0.9120, train 1.2 s}. */
    public static String describe(TuneResults.Configuration c) {
        return String.format(Locale.ROOT, "%s, %,d images: %s", c.describeParams(), c.trainSize(), c.ok()
                ? String.format(Locale.ROOT, "validation accuracy %.4f, train %.1f s%s", c.accuracy(), c.trainSeconds(),
                c.reusedFrom() == null ? "" : " (reused from run " + c.reusedFrom() + ")")
                : "FAILED: " + c.error());
    }
}
