package org.digitbench.config;

import org.digitbench.api.DigitbenchException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link TuneRule} each tuned plugin is chosen by: {@code --rule RULE} for every plugin, and {@code --rule
 * PLUGIN:RULE} for one (e.g. each plugin's own accuracy floor: {@code --rule smile-mlp:fastest-above=0.971}).
 *
 * @param byDefault the rule of the plugins without one of their own
 * @param perPlugin the plugins' own rules, by plugin id
 */
public record TuneRules(TuneRule byDefault, Map<String, TuneRule> perPlugin) {
    public TuneRules {
        perPlugin = Map.copyOf(perPlugin);
    }

    /** One rule for every plugin. */
    public static TuneRules of(TuneRule rule) {
        return new TuneRules(rule, Map.of());
    }

    /**
     * Parses the {@code --rule} options: at most one without a plugin, at most one per plugin, each plugin named one of
     * {@code pluginIds} (those tuned); none at all is {@link TuneRule#DEFAULT}.
     */
    public static TuneRules parse(List<String> options, List<String> pluginIds) {
        TuneRule byDefault = null;
        Map<String, TuneRule> perPlugin = new LinkedHashMap<>();
        for (String option : options) {
            int colon = option.indexOf(':');
            if (colon < 0) {
                if (byDefault != null) {
                    throw new DigitbenchException("--rule " + option + ": a second rule for every plugin (the first: " + byDefault.text()
                            + "); give one, or name a plugin: --rule PLUGIN:RULE");
                }
                byDefault = TuneRule.parse(option);
                continue;
            }
            String plugin = option.substring(0, colon).strip();
            if (!pluginIds.contains(plugin)) {
                throw new DigitbenchException("--rule " + option + ": " + plugin + " is not tuned here (expected one of "
                        + String.join(", ", pluginIds) + ")");
            }
            if (perPlugin.put(plugin, TuneRule.parse(option.substring(colon + 1))) != null) {
                throw new DigitbenchException("--rule " + option + ": a second rule for " + plugin);
            }
        }
        return new TuneRules(byDefault == null ? TuneRule.DEFAULT : byDefault, perPlugin);
    }

    /** The rule that chooses among {@code pluginId}'s configurations. */
    public TuneRule of(String pluginId) {
        return perPlugin.getOrDefault(pluginId, byDefault);
    }

    /** The rules of {@code plugins} in words: the default's (when one of them has no rule of its own), then each plugin's own. */
    public String describe(List<String> plugins) {
        List<String> parts = new java.util.ArrayList<>();
        if (!perPlugin.keySet().containsAll(plugins)) {
            parts.add(byDefault.toString());
        }
        plugins.stream().filter(perPlugin::containsKey).forEach(p -> parts.add("for " + p + ", " + perPlugin.get(p)));
        return String.join("; ", parts);
    }
}
