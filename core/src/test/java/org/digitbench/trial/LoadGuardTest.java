package org.digitbench.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.stream.DoubleStream;

class LoadGuardTest {
    private final ByteArrayOutputStream said = new ByteArrayOutputStream();
    private final List<Duration> slept = new ArrayList<>();

    private double busy = 2.0;
    private int sampled;

    private LoadGuard guard(double... loads) {
        PrimitiveIterator.OfDouble it = DoubleStream.of(loads).iterator();
        double[] last = {loads[0]};
        return new LoadGuard(() -> it.hasNext() ? (last[0] = it.nextDouble()) : last[0], () -> {
            sampled++;
            return busy;
        }, 2, Duration.ofSeconds(30), Duration.ofSeconds(10), slept::add, new PrintStream(said, true, StandardCharsets.UTF_8));
    }

    /** Right after a trial that kept both cores busy, the load average still says 2.4 while nothing runs: no wait. */
    @Test
    void aLoadAverageThatOnlyEchoesTheLastTrialIsNotWaitedFor() {
        busy = 0.1;
        LoadGuard.Verdict v = guard(2.4, 2.3, 2.2).await();
        assertFalse(v.busy());
        assertTrue(slept.isEmpty(), "the cores were idle: " + slept);
        assertEquals(1, sampled);
        assertEquals("", said.toString(StandardCharsets.UTF_8));
    }

    @Test
    void coresBusyNowAreWaitedForAndUnknownOnesLeaveTheLoadAverageToDecide() {
        busy = 1.2;
        assertTrue(guard(3.5, 3.4, 3.3, 3.2).await().busy());
        assertEquals(3, slept.size());
        slept.clear();
        busy = -1;
        assertFalse(guard(2.6, 2.3, 1.8).await().busy());
        assertEquals(2, slept.size());
    }

    @Test
    void aQuietMachineIsNotWaitedFor() {
        LoadGuard.Verdict v = guard(1.5).await();
        assertFalse(v.busy());
        assertEquals(1.5, v.load());
        assertTrue(slept.isEmpty());
        assertEquals(0, sampled, "a load average under the cores costs no sample");
    }

    @Test
    void waitsForTheLoadToComeDown() {
        LoadGuard.Verdict v = guard(2.6, 2.3, 1.8).await();
        assertFalse(v.busy());
        assertEquals(1.8, v.load());
        assertEquals(2, slept.size());
        assertTrue(said.toString(StandardCharsets.UTF_8).contains("load average 2.60, above its 2 cores"));
    }

    @Test
    void aMachineThatStaysBusyIsReportedAfterTheLimit() {
        LoadGuard.Verdict v = guard(3.5, 3.4, 3.3, 3.2, 3.1, 3.0).await();
        assertTrue(v.busy());
        assertEquals(3, slept.size(), "30 s in 10 s polls");
        assertEquals(3.2, v.load());
    }

    @Test
    void noLoadAverageMeansNothingToCheck() {
        assertFalse(guard(-1).await().busy());
    }
}
