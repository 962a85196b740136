package org.digitbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/cli.md is the commands' own help: a golden file, rewritten with -Ddigitbench.writeDocs=true. */
class CliReferenceTest {
    static final String REWRITE = "./mvnw test -pl cli -am -Dtest=CliReferenceTest -Dsurefire.failIfNoSpecifiedTests=false -Ddigitbench.writeDocs=true";

    @Test
    void theCommittedReferenceIsTheCommandsHelp() throws IOException {
        String generated = CliReference.markdown();
        Path file = org.digitbench.Repo.root().resolve(CliReference.FILE);
        if (Boolean.getBoolean("digitbench.writeDocs")) {
            Files.writeString(file, generated, StandardCharsets.UTF_8);
        }
        assertTrue(Files.isRegularFile(file), file + " is missing: run " + REWRITE);
        assertEquals(generated, Files.readString(file, StandardCharsets.UTF_8),
                file + " is out of date: run " + REWRITE);
        for (String command : new String[]{"run", "timing", "report", "predict", "serve", "data", "reference", "list"}) {
            assertTrue(generated.contains("## digitbench " + command + "\n"), command);
        }
        assertTrue(generated.contains("--dry-run") && generated.contains("--resume=RUN_ID"), "the run command's options are listed");
    }
}
