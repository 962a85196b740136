package org.digitbench.run;

import org.digitbench.config.Execution;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;

/**
 * Runs a run's trials in order: one at a time (the default, for clean timings), or {@code --jobs N} at once, each
 * on its own slot of the machine's cores ({@link Execution#cores}) that no other trial uses while it runs, or all at
 * once when a batch system runs them ({@link BatchExecutor}: each call then only waits for its trial).
 */
final class TrialScheduler {
    private TrialScheduler() {
    }

    /**
     * Calls {@code body} for every element of {@code todo}, with the cores it may use ({@code null}: all of them,
     * one at a time). Returns when all have returned; the first that throws stops the others from starting.
     */
    static <T> void run(List<T> todo, Execution execution, BiConsumer<T, List<Integer>> body) {
        run(todo, execution.jobs(), execution::cores, body);
    }

    /**
     * @param jobs  how many at once
     * @param cores the cores of each of the {@code jobs} slots ({@code null}: no pinning)
     */
    static <T> void run(List<T> todo, int jobs, IntFunction<List<Integer>> cores, BiConsumer<T, List<Integer>> body) {
        if (jobs == 1 || todo.size() <= 1) {
            todo.forEach(t -> body.accept(t, jobs == 1 ? null : cores.apply(0)));
            return;
        }
        BlockingQueue<Integer> freeSlots = new ArrayBlockingQueue<>(jobs);
        for (int slot = 0; slot < jobs; slot++) {
            freeSlots.add(slot);
        }
        // virtual threads: a batch run's trials wait, each on a thread, for a batch system that may run hundreds at once
        ExecutorService pool = Executors.newFixedThreadPool(jobs, Thread.ofVirtual().name("digitbench-trial-", 0).factory());
        try {
            List<Future<?>> futures = todo.stream().<Future<?>>map(t -> pool.submit(() -> {
                int slot = take(freeSlots);
                try {
                    body.accept(t, cores.apply(slot));
                } finally {
                    freeSlots.add(slot);
                }
            })).toList();
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trials ran", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static int take(BlockingQueue<Integer> slots) {
        try {
            return slots.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for cores", e);
        }
    }
}
