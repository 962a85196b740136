package org.digitbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.digitbench.results.RunResults;
import org.digitbench.results.RunStatus;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A running run's report is rendered at most every 30 s between trials, and always when the run ends. */
class ReportPaceTest {
    private static RunResults with(RunStatus status) {
        return new RunResults(new RunResults.Header(RunResults.SCHEMA_VERSION, "r", status, Instant.EPOCH, null, "quick", List.of()),
                null, null, null, null, null, null);
    }

    @Test
    void trialsThatFinishInQuickSuccessionShareARenderingAndTheEndAlwaysGetsOne() {
        long[] now = {0};
        List<RunStatus> rendered = new ArrayList<>();
        ReportPace pace = new ReportPace((dir, r) -> rendered.add(r.status()), () -> now[0]);
        Path dir = Path.of("run");
        now[0] = 8_000_000_000L; // a trial 8 s after the run's first rendering: results.json only
        pace.accept(dir, with(RunStatus.RUNNING));
        assertEquals(List.of(), rendered);
        now[0] = 30_000_000_000L; // 30 s after it
        pace.accept(dir, with(RunStatus.RUNNING));
        assertEquals(List.of(RunStatus.RUNNING), rendered);
        now[0] = 31_000_000_000L;
        pace.accept(dir, with(RunStatus.RUNNING));
        pace.accept(dir, with(RunStatus.COMPLETE));
        assertEquals(List.of(RunStatus.RUNNING, RunStatus.COMPLETE), rendered, "the end is rendered however soon it comes");
    }
}
