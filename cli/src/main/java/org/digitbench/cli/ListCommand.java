package org.digitbench.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.digitbench.api.ClassifierPlugin;
import org.digitbench.api.ParamSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine;

@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the plugins on the class path (and --plugin-path): whether a run without -m trains them, and their hyper-parameters.")
final class ListCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    Main parent;

    @CommandLine.Mixin
    PluginPathOption plugins = new PluginPathOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (ClassifierPlugin p : plugins.registry().all()) {
            out.printf("%s  (%s %s, %s)%n  %s%n", p.id(), p.library(), p.libraryVersion(), p.family(), p.description());
            out.printf("  %s%n", p.leftOutOfDefaultSet().map(why -> "not in the default set (run it with -m " + p.id() + "): " + why)
                    .orElse("in the default set (a run without -m trains it)"));
            for (ParamSpec s : p.parameters()) {
                out.printf("    %-14s = %-8s %s; %s%n", s.name(), s.defaultValue(), s.description(), s.expected());
            }
            out.println();
        }
        out.println("Set a hyper-parameter with: digitbench run -P PLUGIN.NAME=VALUE");
        return 0;
    }
}
