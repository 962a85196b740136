package org.digitbench.it;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ends the tests' output with one line saying how many browser tests were skipped and why (Chromium missing), so a
 * build on a machine with only a JDK says what it did not test. Registered in META-INF/services.
 */
public final class BrowserSkips implements TestExecutionListener {
    private static final AtomicInteger SKIPPED = new AtomicInteger();
    private static volatile String why;

    static void skipped(String reason) {
        SKIPPED.incrementAndGet();
        why = reason;
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        int n = SKIPPED.getAndSet(0);
        if (n > 0) {
            System.out.printf("[browser tests] %d skipped: %s%n", n, why);
        }
    }
}
