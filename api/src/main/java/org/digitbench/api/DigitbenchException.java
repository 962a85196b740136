package org.digitbench.api;

/**
 * An error caused by the user's input (a data file, an option, a hyper-parameter, a plugin),
 * whose message says which input is wrong and what was expected. The CLI prints it on one line.
 */
public class DigitbenchException extends RuntimeException {
    public DigitbenchException(String message) {
        super(message);
    }

    public DigitbenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
