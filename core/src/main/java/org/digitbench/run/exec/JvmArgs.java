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
                String t = a.substring(4).strip().toLowerCase(java.util.Locale.ROOT);
                int shift = t.isEmpty() ? 0 : switch (t.charAt(t.length() - 1)) {
                    case 'k' -> 10;
                    case 'm' -> 20;
                    case 'g' -> 30;
                    case 't' -> 40;
                    default -> 0;
                };
                try {
                    long n = Long.parseLong(shift == 0 ? t : t.substring(0, t.length() - 1));
                    if (n > 0 && n < Long.MAX_VALUE >> shift) {
                        return ((n << shift) + (1 << 20) - 1) >> 20;
                    }
                } catch (NumberFormatException ignored) {
                    // reported below
                }
                throw new IllegalArgumentException(a + ": expected a heap size such as -Xmx8g or -Xmx4096m");
            }
        }
        return Runtime.getRuntime().maxMemory() >> 20;
    }
}
