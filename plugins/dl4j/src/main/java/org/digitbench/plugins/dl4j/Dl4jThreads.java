package org.digitbench.plugins.dl4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * ND4J's thread settings. On two cores the fastest setting depends on the network (small dense
 * layers lose time to thread hand-offs, convolutions gain), so each network has its own default,
 * a fixed number or {@code all} cores. {@code auto} times a few training mini-batches with each
 * candidate and keeps the fastest; the choice is remembered per network configuration for the life
 * of the process, so repeated trainings use the same setting. It is not the default: a few
 * mini-batches can pick the slower setting (for keras-cnn it chose 1 thread, 88 s an epoch, where 2
 * threads take 65 s) and the thread count moves a network's last correct images.
 */
final class Dl4jThreads {
    private static final Map<String, Choice> CHOSEN = new ConcurrentHashMap<>();

    private Dl4jThreads() {
    }

    /**
     * @param threads  the setting used
     * @param how      {@code auto} or {@code fixed}
     * @param msPerBatch for auto: the median training milliseconds per mini-batch of each candidate
     */
    record Choice(int threads, String how, Map<Integer, Double> msPerBatch) {
        String describe() {
            if (msPerBatch.isEmpty()) {
                return threads + " (" + how + ")";
            }
            StringBuilder sb = new StringBuilder(threads + " (auto: ");
            msPerBatch.forEach((t, ms) -> sb.append(t).append(t == 1 ? " thread " : " threads ")
                    .append(String.format(Locale.ROOT, "%.1f", ms)).append(" ms/batch, "));
            sb.setLength(sb.length() - 2);
            return sb.append(')').toString();
        }
    }

    /** {@code 0} for auto, else the number of threads ({@code all}: the processors this JVM may use). */
    static int parse(String text) {
        if ("auto".equals(text)) {
            return 0;
        }
        if ("all".equals(text)) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1 && n <= 4096) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("hyper-parameter 'threads' must be auto, all or a number of threads from 1 to 4096, got '"
                + text + "'");
    }

    /** Sets the threads of ND4J's native operations, its OpenMP runtime and its BLAS, process-wide. */
    static void apply(int threads) {
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }

    /**
     * Chooses and applies the thread setting.
     *
     * @param setting the {@code threads} hyper-parameter
     * @param key     identifies the network configuration and batch size, for reuse
     * @param steps   makes, only if calibration runs, a step that trains mini-batch number {@code i} of a
     *                throw-away copy of the network
     */
    static Choice choose(String setting, String key, Supplier<IntConsumer> steps) {
        int fixed = parse(setting);
        if (fixed > 0) {
            apply(fixed);
            return new Choice(fixed, "all".equals(setting) ? "all cores" : "fixed", Map.of());
        }
        Choice choice = CHOSEN.computeIfAbsent(key, k -> calibrate(steps.get()));
        apply(choice.threads());
        return choice;
    }

    private static Choice calibrate(IntConsumer step) {
        int cores = Runtime.getRuntime().availableProcessors();
        List<Integer> candidates = new ArrayList<>();
        for (int t = 1; t < cores; t *= 2) {
            candidates.add(t);
        }
        candidates.add(cores);
        Map<Integer, Double> ms = new LinkedHashMap<>();
        if (candidates.size() == 1) {
            return new Choice(cores, "auto", Map.of());
        }
        int next = 0;
        for (int t : candidates) {
            apply(t);
            for (int w = 0; w < 2; w++) {
                step.accept(next++);
            }
            List<Double> times = new ArrayList<>();
            long budget = System.nanoTime() + 1_500_000_000L;
            while (times.size() < 3 || (times.size() < 20 && System.nanoTime() < budget)) {
                long t0 = System.nanoTime();
                step.accept(next++);
                times.add((System.nanoTime() - t0) / 1e6);
            }
            times.sort(null);
            ms.put(t, times.get(times.size() / 2));
        }
        int best = ms.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return new Choice(best, "auto", java.util.Collections.unmodifiableMap(ms));
    }
}
