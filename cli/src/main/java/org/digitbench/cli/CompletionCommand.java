package org.digitbench.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code digitbench completion bash|zsh}: the shell completion script, generated from the command definitions. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Prints a shell completion script for digitbench's commands, options and plugin ids, generated from",
                "the commands themselves (picocli's AutoComplete). Load it in the current shell:",
                "  source <(./digitbench completion bash)",
                "or for every shell: ./digitbench completion bash > ~/.local/share/bash-completion/completions/digitbench",
                "(zsh: source <(./digitbench completion zsh) in ~/.zshrc). It completes the command `digitbench`, so put",
                "the launcher on the PATH, or alias digitbench=/path/to/digitbench."})
final class CompletionCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    Main parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    enum Shell { bash, zsh }

    @CommandLine.Parameters(paramLabel = "SHELL", defaultValue = "bash", description = "bash or zsh; default: ${DEFAULT-VALUE}")
    Shell shell;

    @Override
    public Integer call() {
        String script = AutoComplete.bash("digitbench", spec.root().commandLine());
        if (shell == Shell.zsh) { // picocli's script runs in zsh through its bash-completion emulation
            script = "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + script;
        }
        parent.out.print(script);
        parent.out.flush();
        return 0;
    }
}
