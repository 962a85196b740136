package org.digitbench.plugins.smile;

import org.digitbench.api.AbstractClassifierPlugin;
import org.digitbench.api.LibraryVersion;

/** What every Smile adapter shares: the library's name and version. */
abstract class SmilePlugin extends AbstractClassifierPlugin {
    static final String VERSION = LibraryVersion.of(smile.classification.Classifier.class, "com.github.haifengl", "smile-core");

    SmilePlugin(String id, String family, String description) {
        super(id, family, description);
    }

    @Override
    public String library() {
        return "Smile";
    }

    @Override
    public String libraryVersion() {
        return VERSION;
    }
}
