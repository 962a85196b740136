package org.digitbench.data;

import org.digitbench.api.DigitbenchException;

/** A data file that is missing, unreadable, truncated or not in the expected format. */
public class DataFormatException extends DigitbenchException {
    public DataFormatException(String message) {
        super(message);
    }

    public DataFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
