package org.panthorverify.regs;

/**
 * A mistake in a register description or in a file given to {@code regs check}: the message is
 * one line that names the file and line, says what is wrong and what is valid.
 */
public class RegsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RegsException(String message) {
    super(message);
  }

  public RegsException(String message, Throwable cause) {
    super(message, cause);
  }
}
