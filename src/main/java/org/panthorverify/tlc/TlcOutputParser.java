package org.panthorverify.tlc;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reader of TLC's {@code -tool} output: fed line by line, it splits the stream into framed
 * {@link TlcMessage}s and unframed lines (SANY's parser output, Java stack traces) and turns them
 * into a {@link TlcResult}. It goes by the {@code @!@!@STARTMSG}/{@code @!@!@ENDMSG} framing and
 * message codes, reading prose only inside a message whose code says what it holds.
 *
 * <p>Markers may sit in the middle of a line (TLC 2.18 prints a configuration-file error framed
 * inside the text of a code-1000 message) and may nest. Not thread-safe: one thread feeds it.
 */
public final class TlcOutputParser {

  private static final Pattern MARKER =
      Pattern.compile("@!@!@(STARTMSG|ENDMSG) (\\d+)(?::(\\d+))? @!@!@");

  private final List<TlcMessage> messages = new ArrayList<>();
  private final List<String> unframed = new ArrayList<>();
  private final Deque<Open> open = new ArrayDeque<>();

  /** A message whose end marker has not been seen yet. */
  private static final class Open {
    final int code;
    final int messageClass;
    final StringBuilder body = new StringBuilder();
    final List<TlcMessage> nested = new ArrayList<>();

    Open(int code, int messageClass) {
      this.code = code;
      this.messageClass = messageClass;
    }

    TlcMessage close() {
      return new TlcMessage(code, messageClass, body.toString().stripTrailing(), nested);
    }
  }

  /** Reads a whole transcript (for example a saved tlc.log). */
  public static TlcOutputParser of(List<String> lines) {
    TlcOutputParser p = new TlcOutputParser();
    lines.forEach(p::accept);
    return p;
  }

  /** Feeds one line of output, without its line terminator. */
  public void accept(String line) {
    Matcher m = MARKER.matcher(line);
    int pos = 0;
    while (m.find()) {
      text(line.substring(pos, m.start()), false);
      int code = Integer.parseInt(m.group(2));
      if (m.group(1).equals("STARTMSG")) {
        open.push(new Open(code, m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
      } else {
        end(code);
      }
      pos = m.end();
    }
    if (pos == 0) {
      text(line, true);
    } else if (pos < line.length()) {
      text(line.substring(pos), true);
    }
  }

  private void text(String fragment, boolean endOfLine) {
    if (open.isEmpty()) {
      if (endOfLine || !fragment.isEmpty()) {
        unframed.add(fragment);
      }
      return;
    }
    StringBuilder body = open.peek().body;
    body.append(fragment);
    if (endOfLine) {
      body.append('\n');
    }
  }

  private void end(int code) {
    boolean matches = open.stream().anyMatch(o -> o.code == code);
    if (!matches) {
      return; // a stray end marker: ignore it
    }
    while (true) {
      Open o = open.pop();
      deliver(o.close());
      if (o.code == code) {
        return;
      }
    }
  }

  private void deliver(TlcMessage msg) {
    if (open.isEmpty()) {
      messages.add(msg);
    } else {
      open.peek().nested.add(msg);
    }
  }

  /** Closes messages left open (the child was killed mid-message). Idempotent. */
  public void finish() {
    while (!open.isEmpty()) {
      deliver(open.pop().close());
    }
  }

  /** The top-level messages completed so far, in the order they ended. */
  public List<TlcMessage> messages() {
    return Collections.unmodifiableList(messages);
  }

  /** The lines printed outside any message (SANY's parser output, stack traces). */
  public List<String> unframedLines() {
    return Collections.unmodifiableList(unframed);
  }

  /**
   * The result of the run read so far; call after the output has ended.
   *
   * @param exitCode TLC's exit code
   * @param wallMillis wall-clock time of the child process
   * @param log where the output was saved
   */
  public TlcResult result(int exitCode, long wallMillis, Path log) {
    return result(exitCode, wallMillis, log, null);
  }

  /** As {@link #result(int, long, Path)}, with why the runner stopped TLC early (or null). */
  TlcResult result(int exitCode, long wallMillis, Path log, String abortReason) {
    finish();
    return ResultReader.read(messages, unframed, exitCode, wallMillis, log, abortReason);
  }
}
