package org.digitbench.run.cache;

import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.SourceFile;
import org.digitbench.config.Execution;
import org.digitbench.config.RunConfig;
import org.digitbench.results.RunResults;
import org.digitbench.results.store.ResultsStore;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything a trial's result depends on, as named text components: the data (its files' SHA-256, sizes, split,
 * normalisation, corrupted images), the plugin (id, library and version, resolved hyper-parameters, the SHA-256 of its
 * code), the seeds, how it is measured (profile, timing, digitbench's own code, the results schema, trials at once),
 * and where (the JVM, its options for trials, the CPU model and cores). Two trials with equal keys give the same
 * result, up to the noise of its timings; its {@link #hash()} names the trial's entry in the cache.
 *
 * @param components each component's name and value, in name order
 */
public record TrialKey(SortedMap<String, String> components) {

    public TrialKey {
        components = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(components));
    }

    /**
     * Where a trial runs and what measures it: digitbench's own code, the JVM and the CPU.
     *
     * @param harness the SHA-256 of digitbench's code that runs and measures a trial
     * @param jvm     the JVM's vendor, name and version
     * @param cpu     the CPU's model and the cores the JVM sees
     */
    public record Environment(String harness, String jvm, String cpu) {
        /** This JVM's, on this machine. */
        public static Environment current() {
            org.digitbench.results.provenance.Machine machine = org.digitbench.results.provenance.Machine.current();
            return new Environment(harnessHash(), System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name")
                    + " " + System.getProperty("java.runtime.version"), machine.cpuModel() + " × " + machine.cores());
        }
    }

    /** The key of trial (plugin, seed) of a run with this configuration, data and execution, here. */
    public static TrialKey of(RunConfig config, ClassifierPlugin plugin, Hyperparameters params, long seed,
                              RunResults.DataInfo data, Execution execution) {
        return of(config, plugin, params, seed, data, execution, Environment.current());
    }

    /** The key of trial (plugin, seed) of a run with this configuration, data and execution, in {@code env}. */
    public static TrialKey of(RunConfig config, ClassifierPlugin plugin, Hyperparameters params, long seed,
                              RunResults.DataInfo data, Execution execution, Environment env) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("data.train", dataset(data.train()));
        c.put("data.test", dataset(data.test()));
        c.put("data.normalization", data.normalization());
        c.put("data.validation", String.valueOf(config.dataset().validation()));
        c.put("data.robustness", config.robustness().id() + " " + config.robustnessImages(data.test().size()));
        c.put("plugin.id", plugin.id());
        c.put("plugin.library", plugin.library() + " " + plugin.libraryVersion());
        c.put("plugin.hyperparameters", ResultsStore.toJson(new TreeMap<>(params.asMap())).replaceAll("\\s+", ""));
        c.put("plugin.build", CodeHash.of(plugin.getClass()));
        c.put("seed", String.valueOf(seed));
        c.put("seed.main", String.valueOf(config.mainSeed()));
        c.put("measure.profile", config.profile().id());
        c.put("measure.timing", config.timing() ? "jmh" : "wall-clock");
        c.put("measure.jobs", String.valueOf(execution.jobs()));
        c.put("measure.isolated", String.valueOf(execution.isolate()));
        c.put("digitbench.build", env.harness());
        c.put("digitbench.schema", String.valueOf(RunResults.SCHEMA_VERSION));
        c.put("jvm", env.jvm());
        c.put("jvm.trialOptions", String.join(" ", trialOptions(execution)));
        c.put("machine.cpu", env.cpu());
        return new TrialKey(new TreeMap<>(c));
    }

    /** The SHA-256 of the components, in hex: the name of the trial's cache entry. */
    public String hash() {
        var digest = CodeHash.sha256();
        components.forEach((name, value) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(value.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The components whose values differ from {@code other}'s (or that only one has), as {@code name: this ≠ other}. */
    public List<String> differences(TrialKey other) {
        List<String> diff = new ArrayList<>();
        TreeMap<String, String> names = new TreeMap<>(components);
        other.components.forEach(names::putIfAbsent);
        for (String name : names.keySet()) {
            String a = components.get(name);
            String b = other.components.get(name);
            if (!Objects.equals(a, b)) {
                diff.add(name + ": " + a + " ≠ " + b);
            }
        }
        return diff;
    }

    /**
     * The JVM options a trial's JVM starts with that shape its measurements: this JVM's own {@code -X} options (the
     * heap, the collector: a trial JVM starts with them, e.g. from {@code DIGITBENCH_JAVA_OPTS}), then the
     * {@code --worker-jvm-arg}s.
     */
    static List<String> trialOptions(Execution execution) {
        List<String> options = new ArrayList<>(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
                .stream().filter(a -> a.startsWith("-X")).toList());
        options.addAll(execution.workerJvmArgs());
        return options;
    }

    /** The dataset as its content: files by SHA-256 and size (never by path), size and the transforms that drew it. */
    private static String dataset(RunResults.DatasetInfo d) {
        StringBuilder sb = new StringBuilder(d.name()).append(' ').append(d.size());
        for (SourceFile f : d.sources()) {
            sb.append(" sha256:").append(f.sha256()).append('/').append(f.bytes());
        }
        d.transforms().forEach(t -> sb.append(" | ").append(t));
        return sb.toString();
    }

    /** The code of digitbench that runs and measures a trial: its modules' classes, hashed. */
    private static String harnessHash() {
        List<String> parts = new ArrayList<>();
        for (Class<?> c : List.of(TrialKey.class, RunResults.class, org.digitbench.eval.ClassificationMetrics.class,
                org.digitbench.api.Dataset.class, org.digitbench.data.Mnist.class)) {
            parts.add(CodeHash.of(c));
        }
        try { // the JMH benchmarks the trial JVMs run: a module above this one, present where trials are timed
            parts.add(CodeHash.of(Class.forName("org.digitbench.benchmarks.InferenceBenchmark")));
        } catch (ClassNotFoundException absent) {
            parts.add("no-benchmarks");
        }
        var digest = CodeHash.sha256();
        parts.forEach(p -> digest.update(p.getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }
}
