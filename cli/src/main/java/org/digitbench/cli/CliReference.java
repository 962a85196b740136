package org.digitbench.cli;

import java.util.Map;
import picocli.CommandLine;

/**
 * The command-line reference, {@code docs/cli.md}: every command's help as picocli prints it, so the page cannot
 * drift from the options. {@code CliReferenceTest} fails when the committed page differs from this, and rewrites
 * it when run with {@code -Ddigitbench.writeDocs=true}.
 */
public final class CliReference {
    /** The page's place in the repository. */
    public static final String FILE = "docs/cli.md";
    private static final int WIDTH = 110;

    private CliReference() {
    }

    /** The whole page, in Markdown. */
    public static String markdown() {
        CommandLine root = new CommandLine(new Main());
        StringBuilder sb = new StringBuilder();
        sb.append("# Command-line reference\n\n");
        sb.append("Generated from the commands' own help (`digitbench help COMMAND` prints the same); do not edit: `CliReferenceTest`\n");
        sb.append("checks it, and `./mvnw test -pl cli -am -Dtest=CliReferenceTest -Dsurefire.failIfNoSpecifiedTests=false -Ddigitbench.writeDocs=true` rewrites it.\n");
        sb.append("What the options do in practice: [usage.md](usage.md).\n\n");
        section(sb, "digitbench", root);
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            if (!"help".equals(e.getKey())) {
                section(sb, "digitbench " + e.getKey(), e.getValue());
            }
        }
        sb.append("[Back to the README](../README.md)\n");
        return sb.toString();
    }

    private static void section(StringBuilder sb, String title, CommandLine command) {
        command.setUsageHelpWidth(WIDTH);
        command.setUsageHelpLongOptionsMaxWidth(30);
        command.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        sb.append("## ").append(title).append("\n\n```\n");
        sb.append(command.getUsageMessage().stripTrailing().replaceAll("[ \\t]+\\n", "\n")).append("\n```\n\n");
    }
}
