package org.digitbench.cli;

import org.digitbench.run.cache.TrialCache;

import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The trial cache: where it is, or none ({@code run}, and resuming a run). */
final class CacheOptions {
    @Option(names = "--no-cache", description = {"run every trial, without reading or writing the trial cache; by default a",
            "trial whose data, plugin and version, hyper-parameters, seeds, code, JVM and CPU match a cached one is taken",
            "from the cache, marked with the run that measured it, and each trial run cleanly is filed into it"})
    boolean noCache;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "the trial cache's folder; default: "
            + TrialCache.DEFAULT_FOLDER + " in the output folder (-o)")
    Path dir;

    /** The cache for runs in {@code outputDir}, or {@code null} with {@code --no-cache}. */
    TrialCache cache(Path outputDir, PrintStream err) {
        if (noCache) {
            if (dir != null) {
                throw new org.digitbench.api.DigitbenchException("--cache-dir names a cache that --no-cache says not to use: give one of them");
            }
            return null;
        }
        return new TrialCache(dir != null ? dir : outputDir.resolve(TrialCache.DEFAULT_FOLDER), err);
    }
}
