package org.panthorverify.trace;

import org.panthorverify.core.UserInputException;

/**
 * The error for text that is not a valid ITF trace. The message is one line: the file, what is
 * wrong, the JSON path where it is wrong (such as {@code states[3].rmState}) and what is expected
 * there.
 */
public final class TraceFormatException extends UserInputException {
  private static final long serialVersionUID = 1L;

  public TraceFormatException(String message) {
    super(message);
  }

  public TraceFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
