package org.digitbench.trial;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak memory while one model trains and predicts: the largest heap use seen by sampling every
 * 50 ms, and the process's peak resident set (Linux: the kernel's high-water mark VmHWM, reset
 * before the model by writing 5 to /proc/self/clear_refs; if the reset is refused, the largest
 * resident set sampled from /proc/self/status; elsewhere none). The resident set includes off-heap memory such as native
 * libraries' buffers, and the heap the JVM has already committed.
 */
final class MemoryMonitor implements AutoCloseable {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final boolean hwmReset;
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peakHeap;
    private volatile long peakRss;
    private Peaks frozen;

    /** Peaks in bytes; {@code null} when not measured. */
    record Peaks(Long heapBytes, Long rssBytes) {
    }

    MemoryMonitor() {
        hwmReset = resetHighWaterMark();
        sample();
        sampler = Thread.ofPlatform().daemon().name("digitbench-memory").start(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    private void sample() {
        peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
        if (!hwmReset) { // with the kernel's high-water mark there is nothing to sample
            peakRss = Math.max(peakRss, statusKiB("VmRSS:") * 1024);
        }
    }

    /** The peaks so far, or, once closed, the peaks up to the close. */
    synchronized Peaks peaks() {
        if (frozen != null) {
            return frozen;
        }
        sample();
        long rss = hwmReset ? statusKiB("VmHWM:") * 1024 : peakRss;
        return new Peaks(peakHeap > 0 ? peakHeap : null, rss > 0 ? rss : null);
    }

    /** Stops sampling and keeps the peaks seen so far; closing again does nothing. */
    @Override
    public synchronized void close() {
        if (frozen == null) {
            frozen = peaks();
            running = false;
            sampler.interrupt();
        }
    }

    private static boolean resetHighWaterMark() {
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static long statusKiB(String field) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
