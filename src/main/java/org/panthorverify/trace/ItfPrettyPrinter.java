package org.panthorverify.trace;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;

/**
 * The fixed layout: each entry of a multi-line container on its own line, indented by two
 * spaces per level; containers opened after {@link #beginOneLine} on one line.
 */
final class ItfPrettyPrinter implements PrettyPrinter {
  private int level;
  private int oneLineFrom = Integer.MAX_VALUE;

  boolean oneLine() {
    return oneLineFrom != Integer.MAX_VALUE;
  }

  /** The next value written, and everything in it, goes on one line. */
  void beginOneLine() {
    oneLineFrom = level + 1;
  }

  void endOneLine() {
    oneLineFrom = Integer.MAX_VALUE;
  }

  private boolean multiLine() {
    return level < oneLineFrom;
  }

  private void newline(JsonGenerator g) throws IOException {
    g.writeRaw('\n');
    for (int i = 0; i < level; i++) {
      g.writeRaw("  ");
    }
  }

  private void separator(JsonGenerator g) throws IOException {
    g.writeRaw(',');
    if (multiLine()) {
      newline(g);
    } else {
      g.writeRaw(' ');
    }
  }

  private void first(JsonGenerator g) throws IOException {
    if (multiLine()) {
      newline(g);
    }
  }

  private void end(JsonGenerator g, int entries, char close) throws IOException {
    boolean multi = multiLine();
    level--;
    if (multi && entries > 0) {
      newline(g);
    }
    g.writeRaw(close);
  }

  @Override
  public void writeRootValueSeparator(JsonGenerator g) {}

  @Override
  public void writeStartObject(JsonGenerator g) throws IOException {
    g.writeRaw('{');
    level++;
  }

  @Override
  public void writeEndObject(JsonGenerator g, int entries) throws IOException {
    end(g, entries, '}');
  }

  @Override
  public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
    separator(g);
  }

  @Override
  public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw(": ");
  }

  @Override
  public void writeStartArray(JsonGenerator g) throws IOException {
    g.writeRaw('[');
    level++;
  }

  @Override
  public void writeEndArray(JsonGenerator g, int values) throws IOException {
    end(g, values, ']');
  }

  @Override
  public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
    separator(g);
  }

  @Override
  public void beforeArrayValues(JsonGenerator g) throws IOException {
    first(g);
  }

  @Override
  public void beforeObjectEntries(JsonGenerator g) throws IOException {
    first(g);
  }

  /**
   * JSON's standard escapes, plus hexadecimal unicode escapes for surrogates (so that a lone
   * surrogate survives being written to a UTF-8 file) and the line and paragraph separators.
   */
  static final class Escapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = standardAsciiEscapesForJSON();

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (Character.isSurrogate((char) ch) || ch == 0x2028 || ch == 0x2029) {
        return new SerializedString(String.format("\\u%04x", ch));
      }
      return null;
    }
  }
}
