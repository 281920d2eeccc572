package org.panthorverify.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.panthorverify.core.Value;

/**
 * Writes an {@link ItfTrace} as deterministic ITF text: 2-space indentation, {@code "\n"} line
 * ends, keys in a fixed order, and any value whose one-line form is short kept on one line.
 */
final class ItfWriter {
  /**
   * The deepest JSON nesting written or read. Writing, reading and the {@link Value} methods
   * recurse once or twice per level; 500 levels stay well inside a default 1 MB thread stack,
   * where about 900 did not.
   */
  static final int MAX_DEPTH = 500;

  static final String FORMAT_DESCRIPTION = "https://apalache-mc.org/docs/adr/015adr-trace.html";

  /** Values whose one-line form is at most this long (roughly) stay on one line. */
  private static final int ONE_LINE = 72;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamWriteConstraints(
              StreamWriteConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
          .build();

  private final JsonGenerator g;
  private final ItfPrettyPrinter pp;

  private ItfWriter(JsonGenerator g, ItfPrettyPrinter pp) {
    this.g = g;
    this.pp = pp;
  }

  static String write(ItfTrace t) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      ItfPrettyPrinter pp = new ItfPrettyPrinter();
      g.setPrettyPrinter(pp);
      g.setCharacterEscapes(new ItfPrettyPrinter.Escapes());
      new ItfWriter(g, pp).trace(t);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.append('\n').toString();
  }

  private void trace(ItfTrace t) throws IOException {
    g.writeStartObject();
    g.writeFieldName("#meta");
    meta(t.meta());
    g.writeFieldName("vars");
    oneLineIf(t.vars().stream().mapToInt(v -> v.length() + 4).sum() <= ONE_LINE);
    g.writeStartArray();
    for (String v : t.vars()) {
      g.writeString(v);
    }
    g.writeEndArray();
    pp.endOneLine();
    g.writeFieldName("states");
    g.writeStartArray();
    for (ItfState s : t.states()) {
      state(s, t.vars());
    }
    g.writeEndArray();
    if (t.loop() >= 0) {
      g.writeNumberField("loop", t.loop());
    }
    g.writeEndObject();
  }

  private void meta(TraceMeta m) throws IOException {
    g.writeStartObject();
    g.writeStringField("format", "ITF");
    g.writeStringField("format-description", FORMAT_DESCRIPTION);
    if (m == null) {
      g.writeEndObject();
      return;
    }
    optional("description", m.description());
    g.writeStringField("model", m.model());
    optional("config", m.config());
    if (!m.constants().isEmpty()) {
      g.writeFieldName("constants");
      record(m.constants(), "#meta.constants", 2);
    }
    optional("variant", m.variant());
    optional("property", m.property());
    optional("kind", m.kind());
    if (m.seed() != null) {
      g.writeNumberField("seed", m.seed());
    }
    optional("strategy", m.strategy());
    optional("tool", m.tool());
    g.writeEndObject();
  }

  private void optional(String key, String value) throws IOException {
    if (value != null) {
      g.writeStringField(key, value);
    }
  }

  private void state(ItfState s, List<String> vars) throws IOException {
    String path = "states[" + s.index() + "]";
    g.writeStartObject();
    g.writeFieldName("#meta");
    int length = 16 + (s.action() == null ? 0 : s.action().length() + 14);
    if (!s.params().isEmpty()) {
      length += 12 + recordLength(s.params(), ONE_LINE);
    }
    oneLineIf(length <= ONE_LINE);
    g.writeStartObject();
    g.writeNumberField("index", s.index());
    if (s.action() != null) {
      g.writeStringField("action", s.action());
    }
    if (!s.params().isEmpty()) {
      g.writeFieldName("params");
      record(s.params(), path + ".#meta.params", 4);
    }
    g.writeEndObject();
    pp.endOneLine();
    for (String v : vars) {
      g.writeFieldName(v);
      value(s.vars().get(v), JsonPaths.child(path, v), 3);
    }
    g.writeEndObject();
  }

  private void oneLineIf(boolean shortEnough) {
    if (shortEnough && !pp.oneLine()) {
      pp.beginOneLine();
    }
  }

  /** Writes {@code v}, nested in {@code depth} JSON containers. */
  private void value(Value v, String path, int depth) throws IOException {
    boolean started = !pp.oneLine() && length(v, ONE_LINE) <= ONE_LINE;
    if (started) {
      pp.beginOneLine();
    }
    if (v instanceof Value.Bool b) {
      g.writeBoolean(b.value());
    } else if (v instanceof Value.Str s) {
      g.writeString(s.value());
    } else if (v instanceof Value.Int i) {
      String digits = i.value().toString();
      if (digits.length() - (i.value().signum() < 0 ? 1 : 0) > ItfReader.MAX_DIGITS) {
        throw new IllegalArgumentException(
            "cannot write the integer at " + path + ": more than " + ItfReader.MAX_DIGITS
                + " digits");
      }
      tagged("#bigint", digits, path, depth);
    } else if (v instanceof Value.Unserializable u) {
      tagged("#unserializable", u.text(), path, depth);
    } else if (v instanceof Value.Seq s) {
      array(s.elements(), path, depth);
    } else if (v instanceof Value.Tup t) {
      tagged("#tup", t.elements(), path, depth);
    } else if (v instanceof Value.SetV s) {
      tagged("#set", s.elements(), path, depth);
    } else if (v instanceof Value.MapV m) {
      String p = JsonPaths.child(path, "#map");
      enter(depth + 2, p);
      g.writeStartObject();
      g.writeFieldName("#map");
      g.writeStartArray();
      int i = 0;
      for (Map.Entry<Value, Value> e : m.entries()) {
        String pe = JsonPaths.index(p, i++);
        enter(depth + 3, pe);
        boolean pair = !pp.oneLine() && 6 + length(e.getKey(), ONE_LINE)
            + length(e.getValue(), ONE_LINE) <= ONE_LINE;
        if (pair) {
          pp.beginOneLine();
        }
        g.writeStartArray();
        value(e.getKey(), JsonPaths.index(pe, 0), depth + 3);
        value(e.getValue(), JsonPaths.index(pe, 1), depth + 3);
        g.writeEndArray();
        if (pair) {
          pp.endOneLine();
        }
      }
      g.writeEndArray();
      g.writeEndObject();
    } else if (v instanceof Value.Rec r) {
      record(r.fields(), path, depth);
    }
    if (started) {
      pp.endOneLine();
    }
  }

  private void tagged(String tag, String text, String path, int depth) throws IOException {
    enter(depth + 1, path);
    g.writeStartObject();
    g.writeStringField(tag, text);
    g.writeEndObject();
  }

  private void tagged(String tag, List<Value> elements, String path, int depth)
      throws IOException {
    enter(depth + 1, path);
    g.writeStartObject();
    g.writeFieldName(tag);
    array(elements, JsonPaths.child(path, tag), depth + 1);
    g.writeEndObject();
  }

  private void array(List<Value> elements, String path, int depth) throws IOException {
    enter(depth + 1, path);
    g.writeStartArray();
    for (int i = 0; i < elements.size(); i++) {
      value(elements.get(i), JsonPaths.index(path, i), depth + 1);
    }
    g.writeEndArray();
  }

  private void record(Map<String, Value> fields, String path, int depth) throws IOException {
    enter(depth + 1, path);
    boolean started = !pp.oneLine() && recordLength(fields, ONE_LINE) <= ONE_LINE;
    if (started) {
      pp.beginOneLine();
    }
    g.writeStartObject();
    for (Map.Entry<String, Value> e : fields.entrySet()) {
      String p = JsonPaths.child(path, e.getKey());
      if (e.getKey().startsWith("#")) {
        throw new IllegalArgumentException(
            "cannot write the record field at " + p + ": ITF reserves names starting with '#'");
      }
      g.writeFieldName(e.getKey());
      value(e.getValue(), p, depth + 1);
    }
    g.writeEndObject();
    if (started) {
      pp.endOneLine();
    }
  }

  private static void enter(int depth, String path) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException(
          "cannot write the value at " + path + ": nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  /** About the length of {@code v} on one line; stops counting once past {@code budget}. */
  static int length(Value v, int budget) {
    if (budget < 0) {
      return 1;
    } else if (v instanceof Value.Bool) {
      return 5;
    } else if (v instanceof Value.Str s) {
      return s.value().length() + 2;
    } else if (v instanceof Value.Int i) {
      return 15 + Math.min(i.value().bitLength() / 3 + 1, budget);
    } else if (v instanceof Value.Unserializable u) {
      return 23 + u.text().length();
    } else if (v instanceof Value.Seq s) {
      return listLength(s.elements(), budget);
    } else if (v instanceof Value.Tup t) {
      return 11 + listLength(t.elements(), budget);
    } else if (v instanceof Value.SetV s) {
      return 11 + listLength(s.elements(), budget);
    } else if (v instanceof Value.MapV m) {
      int n = 13;
      for (Map.Entry<Value, Value> e : m.entries()) {
        n += 6 + length(e.getKey(), budget - n);
        n += n > budget ? 0 : length(e.getValue(), budget - n);
        if (n > budget) {
          break;
        }
      }
      return n;
    }
    return recordLength(((Value.Rec) v).fields(), budget);
  }

  private static int listLength(List<Value> elements, int budget) {
    int n = 2;
    for (Value e : elements) {
      n += 2 + length(e, budget - n);
      if (n > budget) {
        break;
      }
    }
    return n;
  }

  private static int recordLength(Map<String, Value> fields, int budget) {
    int n = 2;
    for (Map.Entry<String, Value> e : fields.entrySet()) {
      n += 6 + e.getKey().length();
      n += n > budget ? 0 : length(e.getValue(), budget - n);
      if (n > budget) {
        break;
      }
    }
    return n;
  }
}
