package org.digitbench.run;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/**
 * Runs a run's trials in order: one at a time (the default, for clean timings), or {@code --jobs N} at once, each
 * on its own slot of the machine's cores ({@link Execution#cores}) that no other trial uses while it runs.
 */
final class TrialScheduler {
    private TrialScheduler() {
    }

    /**
     * Calls {@code body} for every element of {@code todo}, with the cores it may use ({@code null}: all of them,
     * one at a time). Returns when all have returned; the first that throws stops the others from starting.
     */
    static <T> void run(List<T> todo, Execution execution, BiConsumer<T, List<Integer>> body) {
        if (execution.jobs() == 1) {
            todo.forEach(t -> body.accept(t, null));
            return;
        }
        BlockingQueue<Integer> freeSlots = new ArrayBlockingQueue<>(execution.jobs());
        for (int slot = 0; slot < execution.jobs(); slot++) {
            freeSlots.add(slot);
        }
        ExecutorService pool = Executors.newFixedThreadPool(execution.jobs(), r -> {
            Thread t = new Thread(r, "digitbench-trial");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = todo.stream().<Future<?>>map(t -> pool.submit(() -> {
                int slot = take(freeSlots);
                try {
                    body.accept(t, execution.cores(slot));
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
