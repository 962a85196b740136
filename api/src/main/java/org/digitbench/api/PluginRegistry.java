package org.digitbench.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/** The plugins found on the class path, by id. */
public final class PluginRegistry {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Map<String, ClassifierPlugin> plugins;

    /** A registry of the given plugins, checked as discovered ones are. */
    public PluginRegistry(Collection<? extends ClassifierPlugin> plugins) {
        Map<String, ClassifierPlugin> byId = new LinkedHashMap<>();
        for (ClassifierPlugin plugin : plugins) {
            String id = plugin.id();
            if (id == null || !ID.matcher(id).matches()) {
                throw new DigitbenchException("plugin " + plugin.getClass().getName() + " has id '" + id
                        + "'; expected a kebab-case id such as 'smile-random-forest'");
            }
            ClassifierPlugin previous = byId.putIfAbsent(id, plugin);
            if (previous != null) {
                throw new DigitbenchException("two plugins have the id '" + id + "': "
                        + previous.getClass().getName() + " and " + plugin.getClass().getName()
                        + "; remove one of the jars from the class path or change an id");
            }
        }
        this.plugins = byId;
    }

    /** The plugins that {@link ServiceLoader} finds on the class path. */
    public static PluginRegistry discover() {
        return discover(Thread.currentThread().getContextClassLoader());
    }

    /**
     * The plugins on the class path and in the given jars and folders (each with a
     * {@code META-INF/services/org.digitbench.api.ClassifierPlugin} file).
     */
    public static PluginRegistry discover(List<java.nio.file.Path> pluginPath) {
        if (pluginPath.isEmpty()) {
            return discover();
        }
        java.net.URL[] urls = new java.net.URL[pluginPath.size()];
        for (int i = 0; i < urls.length; i++) {
            java.nio.file.Path p = pluginPath.get(i);
            if (!java.nio.file.Files.exists(p)) {
                throw new DigitbenchException("plugin path " + p + " does not exist; expected a jar or a folder of classes");
            }
            if (!java.nio.file.Files.isDirectory(p) && !isJar(p)) {
                throw new DigitbenchException("plugin path " + p + " is neither a jar nor a folder of classes");
            }
            try {
                urls[i] = p.toAbsolutePath().toUri().toURL();
            } catch (java.net.MalformedURLException e) {
                throw new DigitbenchException("plugin path " + p + ": " + e.getMessage(), e);
            }
        }
        return discover(new java.net.URLClassLoader("digitbench-plugins", urls, PluginRegistry.class.getClassLoader()));
    }

    /** A file that starts as a zip archive does (a jar is one). */
    private static boolean isJar(java.nio.file.Path p) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(p)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The plugins that {@link ServiceLoader} finds through the given class loader. */
    public static PluginRegistry discover(ClassLoader loader) {
        List<ClassifierPlugin> found = new ArrayList<>();
        Iterator<ClassifierPlugin> it = ServiceLoader.load(ClassifierPlugin.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                throw new DigitbenchException("a plugin on the class path could not be loaded: " + e.getMessage(), e);
            }
        }
        return new PluginRegistry(found);
    }

    /** All plugins, in discovery order. */
    public List<ClassifierPlugin> all() {
        return List.copyOf(plugins.values());
    }

    /**
     * The plugin with this id.
     *
     * @throws DigitbenchException naming the known ids when there is none
     */
    public ClassifierPlugin get(String id) {
        ClassifierPlugin plugin = plugins.get(id);
        if (plugin == null) {
            throw new DigitbenchException("unknown plugin '" + id + "'; known plugins: " + String.join(", ", plugins.keySet())
                    + " (digitbench list shows them)");
        }
        return plugin;
    }

    /** The plugin with this id, or empty when none is installed. */
    public java.util.Optional<ClassifierPlugin> find(String id) {
        return java.util.Optional.ofNullable(plugins.get(id));
    }

    /** The plugins a run that names none trains: all but those that say they are left out of the default set. */
    public List<ClassifierPlugin> defaultSet() {
        return plugins.values().stream().filter(p -> p.leftOutOfDefaultSet().isEmpty()).toList();
    }

    /** The plugins the default set leaves out, each with why, in discovery order. */
    public Map<String, String> leftOut() {
        Map<String, String> out = new LinkedHashMap<>();
        plugins.values().forEach(p -> p.leftOutOfDefaultSet().ifPresent(why -> out.put(p.id(), why)));
        return out;
    }

    /** The plugins with these ids, in the order given; the {@linkplain #defaultSet default set} when the list is empty. */
    public List<ClassifierPlugin> select(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return defaultSet();
        }
        List<ClassifierPlugin> selected = new ArrayList<>();
        for (String id : ids) {
            ClassifierPlugin p = get(id.strip());
            if (!selected.contains(p)) {
                selected.add(p);
            }
        }
        return selected;
    }
}
