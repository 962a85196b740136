package org.digitbench.cli;

import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.PluginRegistry;

import java.util.Iterator;

/** The ids of the plugins on the class path, for shell completion of {@code -m} (plugins of --plugin-path are not known then). */
final class PluginIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        try {
            return PluginRegistry.discover().all().stream().map(ClassifierPlugin::id).iterator();
        } catch (RuntimeException e) { // a broken plugin on the class path: no candidates rather than no completion
            return java.util.Collections.emptyIterator();
        }
    }
}
