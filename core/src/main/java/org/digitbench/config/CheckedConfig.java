package org.digitbench.config;

import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.DigitbenchException;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.PluginRegistry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plugins of a configuration, checked, with their hyper-parameters resolved: everything before any data is read.
 *
 * @param config  the configuration, its plugin list filled in
 * @param plugins the plugins, in run order
 * @param params  each plugin's resolved hyper-parameters, in run order
 * @param leftOut the plugins the default set left out, with why, when the run named none; otherwise empty
 */
public record CheckedConfig(RunConfig config, List<ClassifierPlugin> plugins, Map<ClassifierPlugin, Hyperparameters> params,
                            Map<String, String> leftOut) {

    /** Checks what the user typed: plugin ids, hyper-parameters; fills in all plugins when none were named. */
    public static CheckedConfig of(RunConfig config, PluginRegistry registry) {
        List<ClassifierPlugin> plugins = registry.select(config.pluginIds());
        RunConfig filled = config.withPlugins(plugins.stream().map(ClassifierPlugin::id).toList());
        Map<String, String> leftOut = config.pluginIds().isEmpty() ? registry.leftOut() : Map.of();
        return new CheckedConfig(filled, plugins, resolve(filled, plugins, registry), leftOut);
    }

    private static Map<ClassifierPlugin, Hyperparameters> resolve(RunConfig config, List<ClassifierPlugin> plugins,
                                                                  PluginRegistry registry) {
        for (String id : config.overrides().keySet()) {
            registry.get(id);
            if (plugins.stream().noneMatch(p -> p.id().equals(id))) {
                throw new DigitbenchException("hyper-parameters are set for plugin '" + id + "', which is not in this run");
            }
        }
        Map<ClassifierPlugin, Hyperparameters> params = new LinkedHashMap<>();
        for (ClassifierPlugin plugin : plugins) {
            try {
                params.put(plugin, plugin.resolve(config.overrides().getOrDefault(plugin.id(), Map.of())));
            } catch (IllegalArgumentException e) {
                throw new DigitbenchException("plugin " + plugin.id() + ": " + e.getMessage(), e);
            }
        }
        return params;
    }
}
