package org.digitbench.plugins.smile;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.digitbench.api.AbstractClassifierPlugin;

/** What every Smile adapter shares: the library's name and version. */
abstract class SmilePlugin extends AbstractClassifierPlugin {
    static final String VERSION = readVersion();

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

    private static String readVersion() {
        try (InputStream in = smile.classification.Classifier.class.getResourceAsStream(
                "/META-INF/maven/com.github.haifengl/smile-core/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException ignored) {
            // fall through to the manifest
        }
        String v = smile.classification.Classifier.class.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }
}
