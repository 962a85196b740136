package org.digitbench.run.exec;

import org.digitbench.trial.ModelTrial;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** How to start another JVM like this one: workers of the quality pass and JMH's forks get the same options. */
public final class JvmArgs {
    private JvmArgs() {
    }

    /** This JVM's options (native access, heap, system properties), without debugger and agent options. */
    public static List<String> current() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-agentlib:jdwp") && !a.startsWith("-javaagent:") && !a.startsWith("-XX:ErrorFile="))
                .toList();
    }

    /** This JVM's {@code java} executable. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This JVM's class path (under {@code java -jar}, the jar, whose manifest names the libraries). */
    public static String classPath() {
        return System.getProperty("java.class.path");
    }

    /**
     * The command of a trial JVM: this JVM's {@code java} and options, then {@code workerJvmArgs}, then {@code extra},
     * marked as a trial's own JVM, with this JVM's class path and the trial's main class (its argument, the spec file,
     * follows).
     */
    public static List<String> trialJvm(List<String> workerJvmArgs, List<String> extra, String mainClass) {
        return trialJvm(workerJvmArgs, extra, mainClass, options -> List.of());
    }

    /**
     * As {@link #trialJvm(List, List, String)}, with the options {@code heap} gives for the command's options so far
     * (with {@code workerJvmArgs}) placed before {@code workerJvmArgs}, so that a worker option overrides them.
     */
    public static List<String> trialJvm(List<String> workerJvmArgs, List<String> extra, String mainClass,
                                        Function<List<String>, List<String>> heap) {
        List<String> options = new ArrayList<>(current());
        List<String> all = new ArrayList<>(options);
        all.addAll(workerJvmArgs);
        options.addAll(heap.apply(all));
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(options);
        command.addAll(workerJvmArgs);
        command.addAll(extra);
        command.add("-D" + ModelTrial.OWN_JVM_PROPERTY + "=true");
        command.add("-cp");
        command.add(classPath());
        command.add(mainClass);
        return command;
    }

    /** The maximum heap in MiB of a JVM started with {@code options}: the last {@code -Xmx}, else this JVM's. */
    public static long heapMb(List<String> options) {
        for (int i = options.size() - 1; i >= 0; i--) {
            String a = options.get(i);
            if (a.startsWith("-Xmx")) {
                long mb = sizeMb(a.substring(4), 1);
                if (mb < 0) {
                    throw new IllegalArgumentException(a + ": expected a heap size such as -Xmx8g or -Xmx4096m");
                }
                return mb;
            }
        }
        return Runtime.getRuntime().maxMemory() >> 20;
    }

    /**
     * A memory size as the JVM and sbatch write it: a number with K, M, G or T (any case), or a bare number of
     * {@code bareUnitBytes} (bytes for {@code -Xmx}, MiB for sbatch).
     *
     * @return MiB, rounded up, or -1 when {@code text} is not a positive size
     */
    public static long sizeMb(String text, long bareUnitBytes) {
        String t = text.strip().toUpperCase(java.util.Locale.ROOT);
        int suffix = t.isEmpty() ? -1 : "KMGT".indexOf(t.charAt(t.length() - 1));
        long unit = suffix < 0 ? bareUnitBytes : 1L << (10 * (suffix + 1));
        try {
            long n = Long.parseLong(suffix < 0 ? t : t.substring(0, t.length() - 1));
            if (n > 0 && n < Long.MAX_VALUE / unit) {
                return Math.ceilDiv(n * unit, 1L << 20);
            }
        } catch (NumberFormatException ignored) {
            // not a size
        }
        return -1;
    }
}
