package org.digitbench.run.cache;

import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.ParamSpec;
import org.digitbench.api.SourceFile;
import org.digitbench.config.Execution;
import org.digitbench.config.Profile;
import org.digitbench.config.RunConfig;
import org.digitbench.data.CorruptionSuite;
import org.digitbench.data.DataSource;
import org.digitbench.data.Mnist;
import org.digitbench.data.Normalization;
import org.digitbench.results.RunResults;
import org.digitbench.testkit.FakePlugin;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class TrialKeyTest {
    /** A plugin whose code lies in this module's test classes, with a library version of its choosing. */
    static final class VersionedPlugin extends FakePlugin {
        private final String version;

        VersionedPlugin(String id, String version) {
            super(id);
            this.version = version;
        }

        @Override
        public String libraryVersion() {
            return version;
        }
    }

    private static final String FAKE_VERSION = new FakePlugin("x").libraryVersion();
    private static final List<ParamSpec> SPECS = List.of(ParamSpec.ofInt("k", 3, 1, 9, "neighbours"));

    /** What a key is made of; each test changes one part. */
    record Inputs(Profile profile, List<Long> seeds, Normalization normalization, boolean validation, boolean timing,
                  CorruptionSuite.Choice robustness, ClassifierPlugin plugin, Map<String, String> params, long seed,
                  String trainSha, int trainSize, String dataPath, Execution execution, TrialKey.Environment env) {
        TrialKey key() {
            RunConfig config = new RunConfig(profile, List.of(plugin.id()), Map.of(), seeds,
                    new RunConfig.DataChoice(DataSource.mnist(Mnist.locate(Path.of("data"), null)), false, normalization, null, null,
                            validation), timing, new RunConfig.Output(false, Path.of("reports"), null), List.of(), robustness);
            RunResults.DatasetInfo train = new RunResults.DatasetInfo("mnist-train", trainSize,
                    List.of(new SourceFile(dataPath + "/train-images-idx3-ubyte.gz", trainSha, 47040016L)),
                    List.of("stratified subset of " + trainSize + " of 60000 (seed 42)"), null);
            RunResults.DatasetInfo test = new RunResults.DatasetInfo("mnist-test", 100,
                    List.of(new SourceFile(dataPath + "/t10k-images-idx3-ubyte.gz", "0fa7", 7840016L)), List.of(), null);
            RunResults.DataInfo data = new RunResults.DataInfo(normalization.id(), "", train, test, List.of());
            return TrialKey.of(config, plugin, Hyperparameters.resolve(SPECS, params), seed, data, execution, env);
        }
    }

    private static final Execution ONE_AT_A_TIME = new Execution(true, Duration.ofMinutes(30), List.of(), List.of(), false, null, 1);
    private static final Inputs BASE = new Inputs(Profile.QUICK, List.of(42L), Normalization.UNIT, false, true,
            CorruptionSuite.Choice.DEFAULT, new VersionedPlugin("knn", FAKE_VERSION), Map.of(), 42, "ba89", 2000, "/data/mnist", ONE_AT_A_TIME,
            new TrialKey.Environment("harness-1", "Eclipse Adoptium OpenJDK 64-Bit Server VM 25.0.1+8", "AMD EPYC × 2"));

    @Test
    void theSameTrialHasTheSameKeyWhereverItsDataLies() {
        assertEquals(BASE.key().hash(), BASE.key().hash());
        Inputs moved = new Inputs(BASE.profile(), BASE.seeds(), BASE.normalization(), BASE.validation(), BASE.timing(),
                BASE.robustness(), BASE.plugin(), BASE.params(), BASE.seed(), BASE.trainSha(), BASE.trainSize(),
                "/elsewhere/mnist", BASE.execution(), BASE.env());
        assertEquals(BASE.key(), moved.key(), "files are known by content, not path");
        assertEquals(64, BASE.key().hash().length());
    }

    @Test
    void everyComponentChangesTheKey() {
        Map<String, UnaryOperator<Inputs>> changes = new java.util.LinkedHashMap<>();
        changes.put("data.train (content)", i -> with(i, "trainSha", "ffff"));
        changes.put("data.train (size)", i -> with(i, "trainSize", 3000));
        changes.put("data.normalization", i -> with(i, "normalization", Normalization.ZSCORE));
        changes.put("data.validation", i -> with(i, "validation", true));
        changes.put("data.robustness", i -> with(i, "robustness", CorruptionSuite.Choice.ALL));
        changes.put("plugin.id", i -> with(i, "plugin", new VersionedPlugin("knn2", FAKE_VERSION)));
        changes.put("plugin.library", i -> with(i, "plugin", new VersionedPlugin("knn", "2.0")));
        changes.put("plugin.build", i -> with(i, "plugin", new FakePlugin("knn"))); // the same plugin, its code in another jar
        changes.put("plugin.hyperparameters", i -> with(i, "params", Map.of("k", "5")));
        changes.put("seed", i -> with(i, "seed", 43L));
        changes.put("seed.main", i -> with(i, "seeds", List.of(7L, 42L)));
        changes.put("measure.profile", i -> with(i, "profile", Profile.FULL));
        changes.put("measure.timing", i -> with(i, "timing", false));
        changes.put("measure.jobs", i -> with(i, "execution", new Execution(true, null, List.of(), List.of(), false, null, 2)));
        changes.put("measure.isolated", i -> with(i, "execution", new Execution(false, null, List.of(), List.of(), false, null, 1)));
        changes.put("jvm.trialOptions", i -> with(i, "execution", new Execution(true, null, List.of("-Xmx4g"), List.of(), false, null, 1)));
        changes.put("digitbench.build", i -> with(i, "env", new TrialKey.Environment("harness-2", i.env().jvm(), i.env().cpu())));
        changes.put("jvm", i -> with(i, "env", new TrialKey.Environment(i.env().harness(), "OpenJDK 26", i.env().cpu())));
        changes.put("machine.cpu", i -> with(i, "env", new TrialKey.Environment(i.env().harness(), i.env().jvm(), "Intel Xeon × 2")));
        List<String> unchanged = new ArrayList<>();
        for (var change : changes.entrySet()) {
            TrialKey changed = change.getValue().apply(BASE).key();
            if (changed.hash().equals(BASE.key().hash())) {
                unchanged.add(change.getKey());
            }
            String component = change.getKey().replaceFirst(" .*", "");
            assertEquals(List.of(component), BASE.key().differences(changed).stream().map(d -> d.substring(0, d.indexOf(':'))).toList(),
                    change.getKey() + " changes that component alone");
        }
        assertEquals(List.of(), unchanged, "components that left the key as it was");
    }

    @Test
    void theTrialJvmsOptionsAreThisJvmsOwnXOptionsThenTheWorkerOptions() {
        List<String> own = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-X")).toList();
        List<String> expected = new ArrayList<>(own);
        expected.add("-Xmx4g");
        assertEquals(expected, TrialKey.trialOptions(new Execution(true, null, List.of("-Xmx4g"), List.of(), false, null, 1)),
                "a heap given to the driver (DIGITBENCH_JAVA_OPTS) reaches the trial JVMs, so it is part of the key");
    }

    @Test
    void theDifferencesNameTheComponentAndBothValues() {
        TrialKey other = with(BASE, "seed", 7L).key();
        assertEquals(List.of("seed: 42 ≠ 7"), BASE.key().differences(other));
        assertNotEquals(BASE.key().hash(), other.hash());
    }

    /** {@code i} with one component replaced, by its record component's name. */
    private static Inputs with(Inputs i, String name, Object value) {
        try {
            var parts = Inputs.class.getRecordComponents();
            Object[] args = new Object[parts.length];
            Class<?>[] types = new Class<?>[parts.length];
            for (int k = 0; k < parts.length; k++) {
                types[k] = parts[k].getType();
                args[k] = parts[k].getName().equals(name) ? value : parts[k].getAccessor().invoke(i);
            }
            return Inputs.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
