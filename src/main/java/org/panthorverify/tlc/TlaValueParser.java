package org.panthorverify.tlc;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.panthorverify.core.TlaValues;
import org.panthorverify.core.Value;

/**
 * Parses TLA+ values as TLC prints them (in error traces, {@code -dump} files and {@code -dump
 * dot} labels) into canonical {@link Value}s ({@link TlaValues#canonical}).
 *
 * <p>Understood: integers, {@code TRUE}/{@code FALSE}, strings with TLC's escapes, model values
 * (bare identifiers, read as strings), sets {@code {a, b}}, intervals {@code a..b}, sequences and
 * tuples {@code <<a, b>>}, records {@code [f |-> v]}, functions {@code (k :> v @@ k2 :> v2)}.
 * White space, line breaks included, may stand between any two tokens.
 */
public final class TlaValueParser {

  private final String s;
  private int i;

  private TlaValueParser(String s) {
    this.s = s;
  }

  /**
   * Parses one value.
   *
   * @throws IllegalArgumentException naming the position, when the text is not a value
   */
  public static Value value(String text) {
    TlaValueParser p = new TlaValueParser(text);
    Value v = p.parseValue();
    p.ws();
    if (p.i != text.length()) {
      throw p.error("end of value");
    }
    return TlaValues.canonical(v);
  }

  /**
   * Parses a state as TLC prints it: {@code /\ x = 1 /\ y = {}} (one conjunct a variable, line
   * breaks anywhere), or a single {@code x = 1}.
   *
   * @return the canonical variables, in the order printed
   * @throws IllegalArgumentException naming the position, when the text is not a state
   */
  public static Map<String, Value> state(String text) {
    TlaValueParser p = new TlaValueParser(text);
    Map<String, Value> out = new LinkedHashMap<>();
    p.ws();
    while (p.i < text.length()) {
      if (p.peek("/\\")) {
        p.i += 2;
        p.ws();
      }
      String name = p.identifier();
      p.ws();
      p.expect("=");
      Value v = p.parseValue();
      out.put(name, TlaValues.canonical(v));
      p.ws();
    }
    return out;
  }

  private Value parseValue() {
    ws();
    if (i >= s.length()) {
      throw error("a value");
    }
    char c = s.charAt(i);
    Value v;
    if (c == '{') {
      i++;
      v = TlaValues.set(list('}'));
    } else if (peek("<<")) {
      i += 2;
      v = TlaValues.seq(list('>'));
    } else if (c == '[') {
      i++;
      v = record();
    } else if (c == '(') {
      i++;
      v = function();
    } else if (c == '"') {
      v = TlaValues.str(string());
    } else if (c == '-' || Character.isDigit(c)) {
      BigInteger n = integer();
      ws();
      if (peek("..")) {
        i += 2;
        ws();
        BigInteger hi = integer();
        List<Value> xs = new ArrayList<>();
        for (BigInteger k = n; k.compareTo(hi) <= 0; k = k.add(BigInteger.ONE)) {
          xs.add(new Value.Int(k));
        }
        v = TlaValues.set(xs);
      } else {
        v = new Value.Int(n);
      }
    } else if (Character.isLetter(c) || c == '_') {
      String id = identifier();
      if (id.equals("TRUE")) {
        v = TlaValues.bool(true);
      } else if (id.equals("FALSE")) {
        v = TlaValues.bool(false);
      } else {
        v = TlaValues.str(id); // a model value
      }
    } else {
      throw error("a value");
    }
    return v;
  }

  /** Elements up to the closing bracket ({@code '}'} or the first {@code '>'} of ">>"). */
  private List<Value> list(char close) {
    List<Value> out = new ArrayList<>();
    ws();
    if (closes(close)) {
      return out;
    }
    while (true) {
      out.add(parseValue());
      ws();
      if (closes(close)) {
        return out;
      }
      expect(",");
    }
  }

  private boolean closes(char close) {
    if (close == '>' && peek(">>")) {
      i += 2;
      return true;
    }
    if (close != '>' && i < s.length() && s.charAt(i) == close) {
      i++;
      return true;
    }
    return false;
  }

  private Value record() {
    Map<String, Value> fields = new LinkedHashMap<>();
    ws();
    if (i < s.length() && s.charAt(i) == ']') {
      i++;
      return TlaValues.record(fields);
    }
    while (true) {
      ws();
      String name = identifier();
      ws();
      expect("|->");
      fields.put(name, parseValue());
      ws();
      if (i < s.length() && s.charAt(i) == ']') {
        i++;
        return TlaValues.record(fields);
      }
      expect(",");
    }
  }

  private Value function() {
    Map<Value, Value> m = new LinkedHashMap<>();
    while (true) {
      Value k = parseValue();
      ws();
      expect(":>");
      Value v = parseValue();
      if (m.put(TlaValues.canonical(k), v) != null) {
        throw error("distinct function keys");
      }
      ws();
      if (i < s.length() && s.charAt(i) == ')') {
        i++;
        return TlaValues.fn(m);
      }
      expect("@@");
    }
  }

  private String string() {
    StringBuilder sb = new StringBuilder();
    i++; // opening quote
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (c == '"') {
        return sb.toString();
      }
      if (c == '\\' && i < s.length()) {
        char e = s.charAt(i++);
        switch (e) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case 'f' -> sb.append('\f');
          default -> sb.append(e);
        }
      } else {
        sb.append(c);
      }
    }
    throw error("a closing quote");
  }

  private BigInteger integer() {
    int start = i;
    if (i < s.length() && s.charAt(i) == '-') {
      i++;
    }
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
    }
    if (i == start || (i == start + 1 && s.charAt(start) == '-')) {
      throw error("an integer");
    }
    return new BigInteger(s.substring(start, i));
  }

  private String identifier() {
    int start = i;
    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
      i++;
    }
    if (i == start) {
      throw error("a name");
    }
    return s.substring(start, i);
  }

  private void expect(String token) {
    ws();
    if (!peek(token)) {
      throw error("'" + token + "'");
    }
    i += token.length();
  }

  private boolean peek(String token) {
    return s.startsWith(token, i);
  }

  private void ws() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }

  private IllegalArgumentException error(String expected) {
    int from = Math.max(0, i - 20);
    int to = Math.min(s.length(), i + 20);
    return new IllegalArgumentException("not a TLA+ value: expected " + expected + " at offset "
        + i + " near '" + s.substring(from, to).replace('\n', ' ') + "'");
  }
}
