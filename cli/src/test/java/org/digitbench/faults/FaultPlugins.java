package org.digitbench.faults;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.digitbench.api.AbstractClassifierPlugin;
import org.digitbench.api.Hyperparameters;
import org.digitbench.api.ParamSpec;
import org.digitbench.api.TrainedModel;
import org.digitbench.api.Dataset;
import org.digitbench.plugins.smile.SmileDecisionTree;

/**
 * Plugins that fail on purpose, for the fault-isolation tests. They are found only through
 * {@code --plugin-path target/test-classes/fault-plugins} (its {@code META-INF/services} file), so
 * no other test sees them.
 */
public final class FaultPlugins {
    private FaultPlugins() {
    }

    abstract static class Fault extends AbstractClassifierPlugin {
        Fault(String id, String description) {
            super(id, "fault", description);
        }

        @Override
        public String library() {
            return "test";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of();
        }
    }

    /** Throws from training. */
    public static final class Throws extends Fault {
        public Throws() {
            super("test-throws", "throws IllegalStateException");
        }

        @Override
        public TrainedModel train(Dataset train, Hyperparameters params, long seed) {
            throw new IllegalStateException("boom from the plugin");
        }
    }

    /** Writes a file to {@code java.io.tmpdir}, then throws with the file's path: where do a trial's temporary files go? */
    public static final class WritesTemp extends Fault {
        public WritesTemp() {
            super("test-writes-temp", "writes a temporary file, then throws naming it");
        }

        @Override
        public TrainedModel train(Dataset train, Hyperparameters params, long seed) {
            try {
                java.nio.file.Path file = java.nio.file.Files.createTempFile("unpacked", ".so");
                throw new IllegalStateException("wrote " + file.toAbsolutePath());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Allocates until the heap is exhausted. */
    public static final class RunsOutOfMemory extends Fault {
        public RunsOutOfMemory() {
            super("test-oom", "allocates until OutOfMemoryError");
        }

        @Override
        public TrainedModel train(Dataset train, Hyperparameters params, long seed) {
            List<long[]> hoard = new ArrayList<>();
            while (true) {
                hoard.add(new long[4 << 20]);
            }
        }
    }

    /** Never finishes, and ignores interrupts. */
    public static final class Sleeps extends Fault {
        public Sleeps() {
            super("test-sleeps", "sleeps forever");
        }

        @Override
        public TrainedModel train(Dataset train, Hyperparameters params, long seed) {
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException ignored) {
                    // keep sleeping, like a native call that cannot be interrupted
                }
            }
        }
    }

    /** Crashes the JVM in native code: writes to address 0. */
    public static final class Crashes extends Fault {
        public Crashes() {
            super("test-crash", "writes to address 0 (SIGSEGV)");
        }

        @Override
        public TrainedModel train(Dataset train, Hyperparameters params, long seed) {
            MemorySegment.NULL.reinterpret(8).set(ValueLayout.JAVA_LONG, 0, 42L);
            throw new AssertionError("the write to address 0 did not crash the JVM");
        }
    }

    /** Smile's decision tree after a pause: deterministic, and slow enough to be killed while it trains. */
    public static final class SlowTree extends Fault {
        private final SmileDecisionTree tree = new SmileDecisionTree();

        public SlowTree() {
            super("test-slow-tree", "Smile's decision tree, after a 6-second pause");
        }

        @Override
        public TrainedModel train(Dataset train, Hyperparameters params, long seed) {
            try {
                Thread.sleep(6_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return tree.train(train, tree.resolve(Map.of()), seed);
        }
    }
}
