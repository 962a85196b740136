package org.digitbench.config;

import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.DigitbenchException;
import org.digitbench.api.ParamSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The values a search tries for each hyper-parameter of a plugin ({@code digitbench tune -P}): a list
 * ({@code -P smile-svm-rbf.C=1,5,10}) or a range ({@code -P smile-svm-rbf.gamma=0.005:0.05:log:5}, FROM:TO:log|lin:COUNT,
 * both ends included; whole numbers for an integer parameter, repeats dropped). Hyper-parameters not named keep their
 * defaults. Every value is checked by the plugin before anything runs.
 *
 * @param values each plugin's hyper-parameters (in the order given) and their values
 */
public record SearchSpace(Map<String, Map<String, List<String>>> values) {

    public SearchSpace {
        Map<String, Map<String, List<String>>> copy = new LinkedHashMap<>();
        values.forEach((plugin, params) -> {
            Map<String, List<String>> p = new LinkedHashMap<>();
            params.forEach((name, list) -> p.put(name, List.copyOf(list)));
            copy.put(plugin, java.util.Collections.unmodifiableMap(p));
        });
        values = java.util.Collections.unmodifiableMap(copy);
    }

    /** Parses {@code -P PLUGIN.NAME=VALUES} options against the plugins' hyper-parameters. */
    public static SearchSpace parse(List<String> options, List<ClassifierPlugin> plugins) {
        Map<String, Map<String, List<String>>> values = new LinkedHashMap<>();
        for (String option : options) {
            int eq = option.indexOf('=');
            int dot = eq < 0 ? -1 : option.lastIndexOf('.', eq);
            if (eq < 0 || dot <= 0 || dot == eq - 1 || eq == option.length() - 1) {
                throw new DigitbenchException("-P '" + option + "': expected PLUGIN.NAME=VALUES, e.g. smile-svm-rbf.C=1,5,10 or "
                        + "smile-svm-rbf.gamma=0.005:0.05:log:5");
            }
            String pluginId = option.substring(0, dot);
            String name = option.substring(dot + 1, eq);
            ClassifierPlugin plugin = plugins.stream().filter(p -> p.id().equals(pluginId)).findFirst()
                    .orElseThrow(() -> new DigitbenchException("-P " + option + ": plugin '" + pluginId + "' is not being tuned (-m)"));
            ParamSpec spec = plugin.parameters().stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> new DigitbenchException("-P " + option + ": plugin " + pluginId + " has no hyper-parameter '" + name
                            + "' (it has: " + String.join(", ", plugin.parameters().stream().map(ParamSpec::name).toList()) + ")"));
            List<String> list = expand(spec, option.substring(eq + 1), option);
            for (String v : list) {
                try {
                    plugin.resolve(Map.of(name, v));
                } catch (IllegalArgumentException e) {
                    throw new DigitbenchException("-P " + option + ": " + pluginId + " refuses " + name + "=" + v + ": " + e.getMessage(), e);
                }
            }
            if (values.computeIfAbsent(pluginId, k -> new LinkedHashMap<>()).put(name, list) != null) {
                throw new DigitbenchException("-P " + pluginId + "." + name + " is given twice; give each hyper-parameter once");
            }
        }
        return new SearchSpace(values);
    }

    /** The values of a list or range, as the plugin's hyper-parameter takes them. */
    static List<String> expand(ParamSpec spec, String text, String option) {
        String[] range = text.split(":", -1);
        if (range.length == 1) {
            List<String> list = new ArrayList<>(new LinkedHashSet<>(List.of(text.split(",", -1)).stream().map(String::strip).toList()));
            if (list.stream().anyMatch(String::isEmpty)) {
                throw new DigitbenchException("-P " + option + ": an empty value in the list");
            }
            return list;
        }
        if (range.length != 4 || !(range[2].equals("log") || range[2].equals("lin"))) {
            throw new DigitbenchException("-P " + option + ": expected a list (1,5,10) or a range FROM:TO:log|lin:COUNT (0.005:0.05:log:5)");
        }
        double from;
        double to;
        int count;
        try {
            from = Double.parseDouble(range[0]);
            to = Double.parseDouble(range[1]);
            count = Integer.parseInt(range[3]);
        } catch (NumberFormatException e) {
            throw new DigitbenchException("-P " + option + ": FROM and TO must be numbers and COUNT a whole number");
        }
        boolean log = range[2].equals("log");
        if (count < 2 || count > 1000 || !(from < to) || log && from <= 0) {
            throw new DigitbenchException("-P " + option + ": expected FROM < TO (both above 0 for log) and a COUNT from 2 to 1000");
        }
        boolean whole = spec.type() == ParamSpec.Type.INT;
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            double t = (double) i / (count - 1);
            double v = log ? Math.exp(Math.log(from) + t * (Math.log(to) - Math.log(from))) : from + t * (to - from);
            out.add(whole ? String.valueOf(Math.round(v)) : String.format(Locale.ROOT, "%.4g", v).replaceFirst("\\.?0+(e|$)", "$1"));
        }
        return List.copyOf(out);
    }

    /** Every combination of the plugin's values, the first hyper-parameter's changing slowest; one empty one for none. */
    public List<Map<String, String>> grid(String pluginId) {
        List<Map<String, String>> all = new ArrayList<>();
        all.add(Map.of());
        for (Map.Entry<String, List<String>> p : values.getOrDefault(pluginId, Map.of()).entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : all) {
                for (String v : p.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(p.getKey(), v);
                    next.add(java.util.Collections.unmodifiableMap(m));
                }
            }
            all = next;
        }
        return all;
    }

    /** {@code n} combinations drawn at random from the grid without repeats (all of it when it is smaller), for a seed. */
    public List<Map<String, String>> random(String pluginId, int n, long seed) {
        List<Map<String, String>> all = new ArrayList<>(grid(pluginId));
        java.util.Collections.shuffle(all, new Random(seed));
        return List.copyOf(all.subList(0, Math.min(n, all.size())));
    }
}
