package org.digitbench.trial;

/**
 * Where a run's progress goes and how much of it: bars that redraw themselves on a terminal, or one plain line per
 * state change (with a heartbeat on long steps) in a file or pipe; {@code --quiet} and {@code --verbose}.
 *
 * @param terminal  whether the output is a terminal (bars may redraw)
 * @param verbosity how much to print
 */
public record ConsoleMode(boolean terminal, Verbosity verbosity) {
    /** A file or pipe, the default amount: what tests and trials without a terminal get. */
    public static final ConsoleMode LOG = new ConsoleMode(false, Verbosity.NORMAL);

    /** How much progress to print. */
    public enum Verbosity {
        /** no progress: each trial's result line, warnings, errors and the final tables */
        QUIET,
        /** a bar, or a line per state change and a heartbeat every {@value ProgressReporter#HEARTBEAT_SECONDS} s */
        NORMAL,
        /** also every benchmark iteration's score */
        VERBOSE
    }

    public ConsoleMode {
        verbosity = verbosity == null ? Verbosity.NORMAL : verbosity;
    }

    /** The same amount, without bars: trials that share the console ({@code --jobs}) or write to a file. */
    public ConsoleMode withoutTerminal() {
        return new ConsoleMode(false, verbosity);
    }

    public boolean quiet() {
        return verbosity == Verbosity.QUIET;
    }
}
