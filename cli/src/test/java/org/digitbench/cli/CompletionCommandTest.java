package org.digitbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code digitbench completion bash}, sourced in a real bash, completes commands, options and plugin ids. */
class CompletionCommandTest {
    @TempDir
    Path dir;

    /** What bash offers for {@code line} (the cursor at its end), through the script's completion function. */
    private List<String> complete(Path script, String line) throws IOException, InterruptedException {
        String words = line.endsWith(" ") ? line + "''" : line;
        String program = "source " + script + " 2>/dev/null\n"
                + "COMP_LINE=\"" + line + "\"; COMP_POINT=${#COMP_LINE}\n"
                + "COMP_WORDS=(" + words + "); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
                + "_complete_digitbench 2>/dev/null\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process p = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", program).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "bash did not finish");
        return output.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Test
    void theScriptCompletesCommandsOptionsAndPluginIds() throws Exception {
        CliRun run = CliRun.of("completion", "bash");
        assertEquals(0, run.code(), run.printed());
        Path script = Files.writeString(dir.resolve("digitbench-completion.bash"), run.stdout());

        List<String> commands = complete(script, "digitbench ");
        assertTrue(commands.containsAll(List.of("run", "timing", "report", "completion", "list")), commands.toString());
        assertEquals(List.of("run"), complete(script, "digitbench ru"));
        assertTrue(complete(script, "digitbench run --pro").contains("--profile"));
        assertTrue(complete(script, "digitbench run --ver").contains("--verbose"));
        List<String> plugins = complete(script, "digitbench run -m smile-");
        assertTrue(plugins.containsAll(List.of("smile-mlp", "smile-svm-rbf", "smile-decision-tree")), plugins.toString());
        assertTrue(plugins.stream().allMatch(id -> id.startsWith("smile-")), plugins.toString());
        assertTrue(complete(script, "digitbench timing -m dl4j-c").contains("dl4j-cnn"));
    }

    @Test
    void zshGetsTheSameScriptBehindBashsCompletionEmulation() {
        CliRun zsh = CliRun.of("completion", "zsh");
        assertEquals(0, zsh.code(), zsh.printed());
        assertTrue(zsh.stdout().startsWith("autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n"));
        assertTrue(zsh.stdout().endsWith(CliRun.of("completion", "bash").stdout()));
        assertEquals(2, CliRun.of("completion", "fish").code(), "an unknown shell is a malformed command line");
    }

    @Test
    void versionNamesTheLibrariesToo() {
        CliRun v = CliRun.of("--version");
        assertEquals(0, v.code(), v.printed());
        for (String library : List.of("digitbench ", "Java ", "Smile ", "Tribuo ", "Deeplearning4j ", "JMH ", "picocli ")) {
            assertTrue(v.stdout().lines().anyMatch(l -> l.startsWith(library)), library + " in:\n" + v.stdout());
        }
    }
}
