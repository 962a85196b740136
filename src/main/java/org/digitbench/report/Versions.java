package org.digitbench.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions of the web libraries inlined into reports, read from their WebJars. */
final class Versions {
    static final String ECHARTS = read("org.webjars", "echarts");
    static final String TABLESORT = read("org.webjars.npm", "tablesort");

    private Versions() {
    }

    private static String read(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Versions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource + ": the " + artifact + " WebJar is not on the class path");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
