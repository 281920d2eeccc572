package org.panthorverify.trace;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/** Jackson's parse errors as one-line {@link TraceFormatException}s, and JSON kinds by name. */
final class JsonErrors {
  private static final Pattern JACKSON_SOURCE =
      Pattern.compile("\\s*\\(?[a-z ]*\\[Source:[^\\]]*\\]\\)?");

  private JsonErrors() {}

  /** The JSON kind of {@code n} for messages: "an object", "a string", "null"... */
  static String kind(JsonNode n) {
    if (n.isObject()) {
      return "an object";
    } else if (n.isArray()) {
      return "an array";
    } else if (n.isTextual()) {
      return "a string";
    } else if (n.isBoolean()) {
      return "a boolean";
    } else if (n.isNull()) {
      return "null";
    } else if (n.isIntegralNumber()) {
      return "an integer";
    } else if (n.isNumber()) {
      return "a non-integer number";
    }
    return "a " + n.getNodeType();
  }

  /** A parse error from Jackson as a message with the source, JSON path and line. */
  static TraceFormatException syntax(JsonProcessingException e, JsonParser p, String source) {
    String msg = JACKSON_SOURCE.matcher(String.valueOf(e.getOriginalMessage())).replaceAll("");
    String problem;
    if (e instanceof StreamConstraintsException && msg.contains("nesting depth")) {
      problem = "JSON nested deeper than " + ItfWriter.MAX_DEPTH + " levels";
    } else if (e instanceof StreamConstraintsException) {
      problem = "too large (" + msg + ")";
    } else if (msg.contains("end-of-input")) {
      problem = "truncated JSON (" + msg + ")";
    } else if (msg.startsWith("Duplicate field")) {
      problem = "duplicate key" + msg.substring("Duplicate field".length());
    } else if (msg.startsWith("Trailing token")) {
      problem = "text after the end of the JSON value";
    } else {
      problem = "not valid JSON (" + msg + ")";
    }
    if (problem.length() > 200) {
      problem = problem.substring(0, 200) + "...)";
    }
    return syntax(problem, p, e, source);
  }

  /** A {@code problem} at the parser's current position. */
  static TraceFormatException syntax(
      String problem, JsonParser p, JsonProcessingException cause, String source) {
    JsonLocation loc = cause != null && cause.getLocation() != null
        ? cause.getLocation() : p.currentLocation();
    String line =
        loc != null && loc.getLineNr() > 0
            ? " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")"
            : "";
    return new TraceFormatException(
        JsonPaths.oneLine(
            source + ": " + problem + " at " + JsonPaths.at(path(p.getParsingContext())) + line
                + "; expected a complete ITF trace in JSON"),
        cause);
  }


  private static String path(JsonStreamContext ctx) {
    Deque<JsonStreamContext> chain = new ArrayDeque<>();
    for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
      chain.push(c);
    }
    String path = "";
    for (JsonStreamContext c : chain) {
      if (c.inArray()) {
        path = JsonPaths.index(path, Math.max(0, c.getCurrentIndex()));
      } else if (c.getCurrentName() != null) {
        path = JsonPaths.child(path, c.getCurrentName());
      }
    }
    return path;
  }
}
