package org.digitbench.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.DigitbenchException;
import org.junit.jupiter.api.Test;

import java.util.List;

/** The trial JVMs' options: the profile's own first, and a resumed run needs the user's own given again. */
class ExecutionTest {
    private static Execution with(Profile profile, String... userArgs) {
        return new Execution(true, null, Execution.workerJvmArgs(profile, List.of(userArgs)), List.of(), false, null);
    }

    @Test
    void theQuickProfilesTrialsGetASmallerHeapThatAUsersOptionOverrides() {
        assertEquals(List.of("-Xmx2g"), Execution.defaultWorkerJvmArgs(Profile.QUICK));
        assertEquals(List.of(), Execution.defaultWorkerJvmArgs(Profile.FULL));
        assertEquals(List.of("-Xmx2g", "-Xmx6g"), with(Profile.QUICK, "-Xmx6g").workerJvmArgs(), "the user's, later, wins");
    }

    @Test
    void aResumedRunNeedsTheUsersOwnOptionsAgainButNotTheProfiles() {
        assertDoesNotThrow(() -> with(Profile.QUICK).requireGivenAgain(with(Profile.QUICK), "r", Profile.QUICK));
        var e = assertThrows(DigitbenchException.class,
                () -> with(Profile.QUICK).requireGivenAgain(with(Profile.QUICK, "-XX:+UseParallelGC"), "r", Profile.QUICK));
        assertTrue(e.getMessage().contains("run r was made with --worker-jvm-arg [-XX:+UseParallelGC]"), e.getMessage());
        assertDoesNotThrow(() -> with(Profile.QUICK, "-XX:+UseParallelGC")
                .requireGivenAgain(with(Profile.QUICK, "-XX:+UseParallelGC"), "r", Profile.QUICK));
        assertThrows(DigitbenchException.class, () -> with(Profile.FULL).requireGivenAgain(with(Profile.FULL, "-Xmx16g"), "r", Profile.FULL));
    }
}
