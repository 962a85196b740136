package org.digitbench.run;

import org.digitbench.api.DigitbenchException;
import org.digitbench.config.SearchSpace;
import org.digitbench.config.TuneRule;
import org.digitbench.config.TuneRules;
import org.digitbench.results.TuneResults;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TunerTest {
    private static final PrintStream NOWHERE = new PrintStream(new ByteArrayOutputStream());

    /** Nine values of k: accuracy peaks at k = 5 and grows with the images; training time grows with k and images. */
    private static SearchSpace nine() {
        Map<String, List<String>> k = new LinkedHashMap<>();
        k.put("k", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"));
        return new SearchSpace(Map.of("fake", k));
    }

    private static TuneResults.Configuration fake(Map<String, String> params, int images, int rung) {
        int k = Integer.parseInt(params.get("k"));
        double accuracy = 0.9 - 0.01 * Math.abs(k - 5) + images / 1e6;
        return new TuneResults.Configuration(params, images, rung, accuracy, k * images / 1000.0, "configs/fake-" + k + "-" + images, null, null);
    }

    @Test
    void halvingPromotesTheBestThirdToThreeTimesTheImages() {
        List<String> trained = new ArrayList<>();
        Tuner.Plan plan = new Tuner.Plan(List.of("fake"), nine(), null, true, 3, null, TuneRules.of(new TuneRule("best", 0)), 9000, 1);
        TuneResults r = Tuner.tune("t", "quick", List.of(), plan, (plugin, params, images, rung) -> {
            trained.add(params.get("k") + "@" + images);
            return fake(params, images, rung);
        }, x -> { }, NOWHERE);
        assertEquals(List.of("1@1000", "2@1000", "3@1000", "4@1000", "5@1000", "6@1000", "7@1000", "8@1000", "9@1000",
                "5@3000", "4@3000", "6@3000", "5@9000"), trained, "nine on a ninth, the best three on a third, the best on all");
        TuneResults.PluginTuning t = r.plugins().getFirst();
        assertEquals(Map.of("k", "5"), t.configurations().get(t.chosen()).params());
        assertEquals(List.of("-P fake.k=5"), t.defaults());
        assertEquals(List.of(12), t.pareto(), "only the whole set's configurations make the front");
    }

    @Test
    void theRungsStopWhereTheSmallestWouldTrainOnTooFewImages() {
        Tuner.Plan plan = new Tuner.Plan(List.of("fake"), nine(), null, true, 3, null, TuneRules.of(TuneRule.DEFAULT), 2000, 1);
        assertEquals(List.of(222, 667, 2000), Tuner.rungs(9, plan));
        assertEquals(List.of(333, 1000), Tuner.rungs(9, new Tuner.Plan(List.of("fake"), nine(), null, true, 3, null, TuneRules.of(TuneRule.DEFAULT), 1000, 1)),
                "a ninth of 1,000 would be under 200 images");
        assertEquals(List.of(2000), Tuner.rungs(2, plan), "two configurations: nothing to halve");
        assertEquals(List.of(2000), Tuner.rungs(9, new Tuner.Plan(List.of("fake"), nine(), null, false, 3, null, TuneRules.of(TuneRule.DEFAULT), 2000, 1)));
    }

    @Test
    void withoutHalvingEveryConfigurationTrainsOnTheWholeSetAndTheRuleChoosesOnTheFront() {
        Tuner.Plan plan = new Tuner.Plan(List.of("fake"), nine(), null, false, 3, null, TuneRules.of(new TuneRule("fastest-within", 1.0)), 1000, 1);
        TuneResults r = Tuner.tune("t", "quick", List.of(), plan, (plugin, params, images, rung) -> fake(params, images, rung), x -> { }, NOWHERE);
        TuneResults.PluginTuning t = r.plugins().getFirst();
        assertEquals(9, t.configurations().size());
        assertEquals(Map.of("k", "4"), t.configurations().get(t.chosen()).params(), "k=4 is within a point of k=5 and faster");
        assertEquals(List.of("1", "2", "3", "4", "5"), t.pareto().stream().map(i -> t.configurations().get(i).params().get("k")).toList());
    }

    @Test
    void aSpentBudgetStartsNoMoreTrainings() {
        Tuner.Plan plan = new Tuner.Plan(List.of("fake"), nine(), null, false, 3, java.time.Duration.ZERO, TuneRules.of(TuneRule.DEFAULT), 1000, 1);
        TuneResults r = Tuner.tune("t", "quick", List.of(), plan, (plugin, params, images, rung) -> fake(params, images, rung), x -> { }, NOWHERE);
        assertEquals(List.of(), r.plugins().getFirst().configurations());
        assertNull(r.plugins().getFirst().chosen());
    }

    @Test
    void theRulesChoose() {
        List<TuneResults.Configuration> all = List.of(c(0.95, 10), c(0.97, 100), c(0.969, 20), c(0.90, 1));
        List<Integer> every = List.of(0, 1, 2, 3);
        assertEquals(1, TuneRule.parse("best").choose(all, every));
        assertEquals(2, TuneRule.parse("best-within=30s").choose(all, every));
        assertEquals(2, TuneRule.parse("fastest-within=0.1").choose(all, every));
        assertEquals(0, TuneRule.parse("fastest-within=2").choose(all, every));
        assertNull(TuneRule.parse("best-within=0.5s").choose(all, every));
        assertEquals(0, TuneRule.parse("fastest-above=0.95").choose(all, every), "an accuracy floor met exactly counts");
        assertEquals(2, TuneRule.parse("fastest-above=0.96").choose(all, every));
        assertNull(TuneRule.parse("fastest-above=0.98").choose(all, every), "none reaches the floor: none is chosen");
        assertEquals(List.of(3, 0, 2, 1), TuneResults.pareto(all, every));
    }

    @Test
    void aRuleReadsBackAsItWasGivenAndABadOneIsNamed() {
        for (String text : List.of("best", "best-within=60s", "fastest-within=0.1", "fastest-above=0.971")) {
            assertEquals(text, TuneRule.parse(text).text());
        }
        for (String bad : List.of("fastest-above=97.1", "fastest-above=", "fastest-within=-1", "quickest", "best-within=5x")) {
            var e = assertThrows(DigitbenchException.class, () -> TuneRule.parse(bad));
            assertTrue(e.getMessage().startsWith("--rule " + bad + ": expected"), e.getMessage());
        }
    }

    @Test
    void eachPluginIsChosenByItsOwnRuleOrTheDefault() {
        TuneRules rules = TuneRules.parse(List.of("a:fastest-above=0.96", "best"), List.of("a", "b"));
        assertEquals(TuneRule.parse("fastest-above=0.96"), rules.of("a"));
        assertEquals(TuneRule.parse("best"), rules.of("b"));
        assertEquals(TuneRule.DEFAULT, TuneRules.parse(List.of(), List.of("a")).of("a"));
        Map<String, List<Double>> accuracy = Map.of("a", List.of(0.95, 0.97), "b", List.of(0.95, 0.97));
        Tuner.Plan plan = new Tuner.Plan(List.of("a", "b"), new SearchSpace(Map.of("a", Map.of("k", List.of("1", "2")), "b", Map.of("k", List.of("1", "2")))), null, false, 3, null, rules, 1000, 1);
        Map<String, int[]> next = new java.util.HashMap<>();
        TuneResults r = Tuner.tune("t", "quick", List.of(), plan, (id, params, size, rung) -> {
            int i = next.computeIfAbsent(id, k -> new int[1])[0]++;
            return new TuneResults.Configuration(params, size, rung, accuracy.get(id).get(i), 10.0 * (i + 1), "r", null, null);
        }, x -> { }, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        assertEquals("the highest validation accuracy (the faster training on a tie); for a, the fastest training with a validation "
                + "accuracy of at least 0.9600", r.rule());
        assertEquals("for a, the fastest training with a validation accuracy of at least 0.9600", rules.describe(List.of("a")),
                "the default's rule is not said when every plugin has its own");
        assertEquals(rules.of("a").toString(), r.plugins().getFirst().rule());
        assertEquals(rules.of("b").toString(), r.plugins().get(1).rule());

        assertThrows(DigitbenchException.class, () -> TuneRules.parse(List.of("c:best"), List.of("a", "b")), "c is not tuned");
        assertThrows(DigitbenchException.class, () -> TuneRules.parse(List.of("a:best", "a:best"), List.of("a")));
        assertThrows(DigitbenchException.class, () -> TuneRules.parse(List.of("best", "best"), List.of("a")));
    }

    private static TuneResults.Configuration c(double accuracy, double seconds) {
        return new TuneResults.Configuration(Map.of(), 100, 0, accuracy, seconds, "r", null, null);
    }
}
