package org.panthorverify.core;

/**
 * A mistake in what the user gave (an unknown model, a bad option, a malformed trace file). The
 * message is one line that says what is wrong and what is valid; it is printed without a stack
 * trace and ends the run with exit code 2.
 */
public class UserInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserInputException(String message) {
    super(message);
  }

  public UserInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
