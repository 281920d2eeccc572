package org.panthorverify.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.panthorverify.core.Value;

/**
 * Parses ITF text into an {@link ItfTrace}, checking its shape. Every problem becomes a one-line
 * {@link TraceFormatException} naming the source, the JSON path and what is expected.
 */
final class ItfReader {
  /** The longest integer read, in digits: longer ones take quadratic time to convert. */
  static final int MAX_DIGITS = 100_000;

  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+");
  private static final List<String> TAGS =
      List.of("#bigint", "#tup", "#set", "#map", "#unserializable");
  private static final String TAG_LIST = "#bigint, #tup, #set, #map, #unserializable";

  private static final ObjectReader TREE =
      new ObjectMapper(
              JsonFactory.builder()
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(ItfWriter.MAX_DEPTH)
                          .maxNumberLength(MAX_DIGITS)
                          .build())
                  .build())
          .reader()
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private final String source;

  private ItfReader(String source) {
    this.source = source;
  }

  static ItfTrace read(String json, String source) {
    ItfReader r = new ItfReader(String.valueOf(source));
    try {
      return r.trace(r.parse(json));
    } catch (TraceFormatException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw new TraceFormatException(
          JsonPaths.oneLine(
              r.source + ": internal error reading the trace (" + e + ") at the top level"),
          e);
    }
  }

  private JsonNode parse(String json) {
    if (json == null) {
      throw fail("", "no text", "expected an ITF trace");
    }
    JsonNode root;
    try (JsonParser p = TREE.createParser(json)) {
      try {
        root = TREE.readTree(p);
        if (root != null && !root.isMissingNode() && p.nextToken() != null) {
          throw JsonErrors.syntax("text after the end of the JSON value", p, null, source);
        }
      } catch (JsonProcessingException e) {
        throw JsonErrors.syntax(e, p, source);
      }
    } catch (IOException e) {
      throw new TraceFormatException(
          JsonPaths.oneLine(source + ": cannot parse (" + e + ") at the top level"), e);
    }
    if (root == null || root.isMissingNode()) {
      throw fail("", "empty text", "expected an ITF trace (a JSON object)");
    }
    return root;
  }

  private TraceFormatException fail(String path, String problem, String expected) {
    return new TraceFormatException(
        JsonPaths.oneLine(source + ": " + problem + " at " + JsonPaths.at(path) + "; " + expected));
  }

  private static String found(JsonNode n) {
    return "found " + JsonErrors.kind(n);
  }

  private ItfTrace trace(JsonNode root) {
    if (!root.isObject()) {
      throw fail("", found(root), "expected a JSON object with \"vars\" and \"states\"");
    }
    TraceMeta meta = meta(root.get("#meta"));
    List<String> vars = vars(root.get("vars"));
    JsonNode states = root.get("states");
    if (states == null || !states.isArray()) {
      throw fail(
          "states",
          states == null ? "missing key" : found(states),
          "expected an array of states");
    }
    if (states.isEmpty()) {
      throw fail("states", "no states", "expected at least the initial state");
    }
    List<ItfState> list = new ArrayList<>(states.size());
    Set<String> varSet = new HashSet<>(vars);
    for (int i = 0; i < states.size(); i++) {
      list.add(state(states.get(i), i, vars, varSet));
    }
    int loop = -1;
    JsonNode l = root.get("loop");
    if (l != null) {
      String range = "expected a state index from 0 to " + (list.size() - 1);
      if (!l.isIntegralNumber()) {
        throw fail("loop", found(l), range);
      }
      if (!l.canConvertToInt() || l.intValue() < 0 || l.intValue() >= list.size()) {
        throw fail("loop", "loop " + l.asText() + " outside the trace", range);
      }
      loop = l.intValue();
    }
    return new ItfTrace(meta, vars, list, loop);
  }

  /** The trace metadata, or null if there is none or it names no model (as from Apalache). */
  private TraceMeta meta(JsonNode m) {
    if (m == null) {
      return null;
    }
    if (!m.isObject()) {
      throw fail("#meta", found(m), "expected the trace metadata (an object)");
    }
    String model = string(m, "#meta", "model");
    Map<String, Value> constants = Map.of();
    JsonNode c = m.get("constants");
    if (c != null && !c.isNull()) {
      if (!c.isObject()) {
        throw fail("#meta.constants", found(c), "expected an object of constants");
      }
      constants = fields(c, "#meta.constants", 3);
    }
    Long seed = null;
    JsonNode s = m.get("seed");
    if (s != null && !s.isNull()) {
      if (!s.isIntegralNumber() || !s.canConvertToLong()) {
        throw fail("#meta.seed", found(s), "expected a 64-bit integer");
      }
      seed = s.longValue();
    }
    String config = string(m, "#meta", "config");
    String variant = string(m, "#meta", "variant");
    String property = string(m, "#meta", "property");
    String kind = string(m, "#meta", "kind");
    String strategy = string(m, "#meta", "strategy");
    String tool = string(m, "#meta", "tool");
    String description = string(m, "#meta", "description");
    if (model == null) {
      return null;
    }
    return new TraceMeta(
        model,
        config, constants, variant, property, kind, seed, strategy, tool, description);
  }

  /** An optional string field; JSON null counts as absent. */
  private String string(JsonNode object, String path, String key) {
    JsonNode n = object.get(key);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw fail(JsonPaths.child(path, key), found(n), "expected a string");
    }
    return n.textValue();
  }

  private List<String> vars(JsonNode v) {
    if (v == null || !v.isArray()) {
      throw fail(
          "vars",
          v == null ? "missing key" : found(v),
          "expected an array of variable names");
    }
    List<String> vars = new ArrayList<>(v.size());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode n = v.get(i);
      String p = JsonPaths.index("vars", i);
      if (!n.isTextual()) {
        throw fail(p, found(n), "expected a variable name (a string)");
      }
      String name = n.textValue();
      if (name.startsWith("#")) {
        throw fail(p, "variable " + JsonPaths.quote(name) + " starts with '#'",
            "expected a name; '#' marks ITF tags");
      }
      if (!seen.add(name)) {
        throw fail(p, "duplicate variable " + JsonPaths.quote(name), "expected each variable once");
      }
      vars.add(name);
    }
    return vars;
  }

  private ItfState state(JsonNode s, int index, List<String> vars, Set<String> varSet) {
    String path = JsonPaths.index("states", index);
    if (!s.isObject()) {
      throw fail(path, found(s), "expected a state (an object of variables)");
    }
    for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!key.equals("#meta") && !varSet.contains(key)) {
        throw fail(JsonPaths.child(path, key), "unexpected key " + JsonPaths.quote(key),
            "expected only \"#meta\" and the variables listed in \"vars\"");
      }
    }
    String metaPath = path + ".#meta";
    JsonNode m = s.get("#meta");
    if (m != null && !m.isObject()) {
      throw fail(metaPath, found(m), "expected an object with \"index\" and \"action\"");
    }
    if (m == null) {
      m = JsonNodeFactory.instance.objectNode();
    }
    JsonNode i = m.get("index");
    if (i != null && !(i.isIntegralNumber() && i.canConvertToInt() && i.intValue() == index)) {
      throw fail(metaPath + ".index", "wrong index " + abbreviate(i.toString()),
          "expected " + index + ", the state's position in \"states\"");
    }
    String action = string(m, metaPath, "action");
    if (index == 0 && action != null) {
      throw fail(metaPath + ".action", "the initial state names an action",
          "expected no action before the first state");
    }
    if (index > 0 && action == null) {
      throw fail(metaPath + ".action", "missing key",
          "every state after the first names the action that led to it");
    }
    Map<String, Value> params = Map.of();
    JsonNode p = m.get("params");
    if (p != null && !p.isNull()) {
      if (!p.isObject()) {
        throw fail(metaPath + ".params", found(p), "expected an object of parameters");
      }
      params = fields(p, metaPath + ".params", 5);
      if (index == 0 && !params.isEmpty()) {
        throw fail(metaPath + ".params", "parameters without an action",
            "expected no parameters in the initial state");
      }
    }
    Map<String, Value> values = new LinkedHashMap<>();
    for (String var : vars) {
      JsonNode n = s.get(var);
      String vp = JsonPaths.child(path, var);
      if (n == null) {
        throw fail(vp, "missing variable", "expected every variable listed in \"vars\"");
      }
      values.put(var, value(n, vp, 3));
    }
    return new ItfState(index, action, params, values);
  }

  /** The value of {@code n}, which is nested in {@code depth} JSON containers. */
  private Value value(JsonNode n, String path, int depth) {
    if (n.isBoolean()) {
      return Value.of(n.booleanValue());
    } else if (n.isTextual()) {
      return Value.of(n.textValue());
    } else if (n.isIntegralNumber()) {
      if (depth >= ItfWriter.MAX_DEPTH) {
        throw fail(path, "an integer nested too deeply to be written as {\"#bigint\": ...}",
            "expected at most " + ItfWriter.MAX_DEPTH + " levels of nesting");
      }
      return new Value.Int(n.bigIntegerValue());
    } else if (n.isArray()) {
      return new Value.Seq(elements(n, path, depth + 1));
    } else if (n.isObject()) {
      return object(n, path, depth);
    } else if (n.isNumber()) {
      throw fail(path, "found a non-integer number", "expected an integer; ITF has no fractions");
    }
    throw fail(path, found(n), "expected a value; ITF has no null");
  }

  private List<Value> elements(JsonNode array, String path, int depth) {
    List<Value> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      out.add(value(array.get(i), JsonPaths.index(path, i), depth));
    }
    return out;
  }

  private Map<String, Value> fields(JsonNode object, String path, int depth) {
    Map<String, Value> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      String p = JsonPaths.child(path, e.getKey());
      if (e.getKey().startsWith("#")) {
        throw fail(p, "field name " + JsonPaths.quote(e.getKey()) + " starts with '#'",
            "expected a name; '#' marks ITF tags (" + TAG_LIST + ")");
      }
      out.put(e.getKey(), value(e.getValue(), p, depth));
    }
    return out;
  }

  private Value object(JsonNode n, String path, int depth) {
    String tag = null;
    for (Iterator<String> it = n.fieldNames(); it.hasNext() && tag == null; ) {
      String key = it.next();
      tag = key.startsWith("#") ? key : null;
    }
    if (tag == null) {
      return new Value.Rec(fields(n, path, depth + 1));
    }
    String p = JsonPaths.child(path, tag);
    if (!TAGS.contains(tag)) {
      throw fail(p, "unknown tag " + JsonPaths.quote(tag),
          "expected one of " + TAG_LIST + ", or a record without '#' in its field names");
    }
    if (n.size() != 1) {
      throw fail(
          p, "tag " + tag + " beside other keys", "expected " + tag + " alone in its object");
    }
    JsonNode c = n.get(tag);
    switch (tag) {
      case "#bigint":
        return new Value.Int(bigint(c, p));
      case "#unserializable":
        if (!c.isTextual()) {
          throw fail(p, found(c), "expected the value's text (a string)");
        }
        return new Value.Unserializable(c.textValue());
      case "#tup":
      case "#set":
        if (!c.isArray()) {
          throw fail(p, found(c), "expected an array of elements");
        }
        List<Value> elements = elements(c, p, depth + 2);
        return tag.equals("#tup") ? new Value.Tup(elements) : new Value.SetV(elements);
      default:
        return map(c, p, depth);
    }
  }

  private BigInteger bigint(JsonNode c, String path) {
    String expected = "expected a decimal integer in a string, such as \"-12\"";
    if (!c.isTextual()) {
      throw fail(path, found(c), expected);
    }
    String s = c.textValue();
    int digits = s.startsWith("-") ? s.length() - 1 : s.length();
    if (digits > MAX_DIGITS) {
      throw fail(path, "an integer of " + digits + " digits",
          "expected at most " + MAX_DIGITS + " digits");
    }
    if (!DECIMAL.matcher(s).matches()) {
      throw fail(path, "found the string " + JsonPaths.quote(s), expected);
    }
    return new BigInteger(s);
  }

  private Value map(JsonNode c, String path, int depth) {
    if (!c.isArray()) {
      throw fail(path, found(c), "expected an array of [key, value] pairs");
    }
    List<Map.Entry<Value, Value>> entries = new ArrayList<>(c.size());
    Set<Value> keys = new HashSet<>();
    for (int i = 0; i < c.size(); i++) {
      JsonNode e = c.get(i);
      String p = JsonPaths.index(path, i);
      if (!e.isArray() || e.size() != 2) {
        throw fail(p, "found " + (e.isArray() ? "an array of " + e.size() : JsonErrors.kind(e)),
            "expected a [key, value] pair (an array of 2)");
      }
      Value key = value(e.get(0), JsonPaths.index(p, 0), depth + 3);
      if (!keys.add(key)) {
        throw fail(
            JsonPaths.index(p, 0), "duplicate key " + abbreviate(key), "expected distinct keys");
      }
      entries.add(Map.entry(key, value(e.get(1), JsonPaths.index(p, 1), depth + 3)));
    }
    return new Value.MapV(entries);
  }

  private static String abbreviate(Object o) {
    String s = o.toString();
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
