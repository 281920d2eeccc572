package org.panthorverify.tlc;

import java.util.List;
import java.util.Optional;

/**
 * One framed message of TLC's {@code -tool} output: the text between {@code @!@!@STARTMSG
 * code:class @!@!@} and {@code @!@!@ENDMSG code @!@!@}. TLC sometimes frames a message inside
 * another (a configuration-file error inside code 1000); the inner one is in {@link #nested()}
 * and its text is not part of {@link #body()}.
 *
 * @param code TLC's message code
 * @param messageClass TLC's message class: 0 info, 1 error, 2 TLC bug, 3 warning, 4 state
 * @param body the message text, lines joined with '\n', without the trailing blank lines
 * @param nested messages framed inside this one, in order
 */
public record TlcMessage(int code, int messageClass, String body, List<TlcMessage> nested) {

  /** TLC's message class for errors. */
  public static final int CLASS_ERROR = 1;

  public TlcMessage {
    nested = List.copyOf(nested);
  }

  /** The known code, if any. */
  public Optional<TlcMessageCode> known() {
    return TlcMessageCode.of(code);
  }

  /** Whether the code is the given one. */
  public boolean is(TlcMessageCode c) {
    return code == c.code();
  }

  /** The body (and nested bodies) as one line: lines trimmed and joined with single spaces. */
  public String oneLine() {
    StringBuilder sb = new StringBuilder();
    appendWords(sb, body);
    for (TlcMessage m : nested) {
      appendWords(sb, m.oneLine());
    }
    return sb.toString();
  }

  private static void appendWords(StringBuilder sb, String text) {
    for (String line : text.split("\n")) {
      String t = line.strip();
      if (!t.isEmpty()) {
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(t);
      }
    }
  }
}
