package org.panthorverify.trace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed traces: each gives a one-line message with the source, the path and the problem. */
class ItfErrorTest {
  private static final String META = "\"#meta\": {\"model\": \"m\"}, ";

  /** A trace with variables x and y whose states are {@code states}. */
  private static String withStates(String states) {
    return "{" + META + "\"vars\": [\"x\", \"y\"], \"states\": [" + states + "]}";
  }

  /** A trace whose only state has x = {@code x}. */
  private static String withX(String x) {
    return withStates("{\"x\": " + x + ", \"y\": true}");
  }

  static Stream<Arguments> malformed() {
    String s0 = "{\"x\": 1, \"y\": 2}";
    return Stream.of(
        Arguments.of("not json", "the top level", "not valid JSON"),
        Arguments.of("", "the top level", "empty"),
        Arguments.of(withStates(s0).substring(0, 40), "vars[1] (line 1, column 41)", "truncated"),
        Arguments.of(withStates(s0) + " {}", "the top level", "after the end"),
        Arguments.of("[1, 2]", "the top level", "found an array"),
        Arguments.of("{\"#meta\": [], \"vars\": [], \"states\": [{}]}", "#meta", "found an array"),
        Arguments.of("{\"#meta\": {\"model\": 1}, \"vars\": [], \"states\": [{}]}", "#meta.model",
            "expected a string"),
        Arguments.of("{\"#meta\": {\"seed\": 1.5}, \"vars\": [], \"states\": [{}]}", "#meta.seed",
            "expected a 64-bit integer"),
        Arguments.of("{\"#meta\": {\"constants\": {\"#c\": 1}}, \"vars\": [], \"states\": [{}]}",
            "#meta.constants.#c", "starts with '#'"),
        Arguments.of("{" + META + "\"vars\": [], \"states\": [{}], \"vars\": []}", "vars",
            "duplicate key"),
        Arguments.of("{" + META + "\"states\": [{}]}", "vars", "missing"),
        Arguments.of("{" + META + "\"vars\": {}, \"states\": [{}]}", "vars", "found an object"),
        Arguments.of("{" + META + "\"vars\": [\"a\", 3], \"states\": [{}]}", "vars[1]", "found"),
        Arguments.of("{" + META + "\"vars\": [\"a\", \"a\"], \"states\": [{}]}", "vars[1]",
            "duplicate variable"),
        Arguments.of("{" + META + "\"vars\": []}", "states", "missing"),
        Arguments.of("{" + META + "\"vars\": [], \"states\": []}", "states", "no states"),
        Arguments.of(withStates(s0 + ", 5"), "states[1]", "found an integer"),
        Arguments.of(withStates("{\"x\": 1}"), "states[0].y", "missing variable"),
        Arguments.of(withStates("{\"x\": 1, \"y\": 2, \"z\": 3}"), "states[0].z",
            "unexpected key"),
        Arguments.of(withStates("{\"#meta\": {\"index\": 1}, \"x\": 1, \"y\": 2}"),
            "states[0].#meta.index", "wrong index 1"),
        Arguments.of(withStates(s0 + ", {\"#meta\": {\"action\": 7}, \"x\": 1, \"y\": 2}"),
            "states[1].#meta.action", "expected a string"),
        Arguments.of(withStates(s0 + ", {\"#meta\": {\"action\": \"A\"}, \"x\": 1, \"y\": 2}, "
            + s0), "states[2].#meta.action", "every state after the first names the action"),
        Arguments.of(withStates(s0 + ", {\"#meta\": {\"action\": \"A\", \"params\": [1]}, "
            + "\"x\": 1, \"y\": 2}"), "states[1].#meta.params", "expected an object"),
        Arguments.of(withStates(s0).replace("]}", "], \"loop\": 1}"), "loop", "outside"),
        Arguments.of(withStates(s0).replace("]}", "], \"loop\": \"0\"}"), "loop", "found a string"),
        Arguments.of(withX("{\"#int\": \"1\"}"), "states[0].x.#int", "unknown tag"),
        Arguments.of(withX("{\"a\": 1, \"#b\": 2}"), "states[0].x.#b", "unknown tag"),
        Arguments.of(withX("{\"#set\": [], \"a\": 1}"), "states[0].x.#set", "beside other keys"),
        Arguments.of(withX("{\"#bigint\": \"12x\"}"), "states[0].x.#bigint", "decimal integer"),
        Arguments.of(withX("{\"#bigint\": 12}"), "states[0].x.#bigint", "decimal integer"),
        Arguments.of(withX("{\"#bigint\": \"+1\"}"), "states[0].x.#bigint", "decimal integer"),
        Arguments.of(withX("{\"#map\": [[1, 2], [3]]}"), "states[0].x.#map[1]", "[key, value]"),
        Arguments.of(withX("{\"#map\": [[1, 2], [1, 3]]}"), "states[0].x.#map[1][0]",
            "duplicate key"),
        Arguments.of(withX("{\"#tup\": {}}"), "states[0].x.#tup", "expected an array"),
        Arguments.of(withX("{\"#set\": 1}"), "states[0].x.#set", "expected an array"),
        Arguments.of(withX("[1, {\"r\": [null]}]"), "states[0].x[1].r[0]", "ITF has no null"),
        Arguments.of(withX("1.5"), "states[0].x", "non-integer"),
        Arguments.of(withX("{\"a\": 1, \"a\": 2}"), "states[0].x", "duplicate key"),
        Arguments.of(withX("\"a\nb\""), "states[0].x", "line 1"),
        Arguments.of(withX("{\"we ird\\n\": [1, {\"#x\": 0}]}"),
            "states[0].x[\"we ird\\u000a\"][1].#x", "unknown tag"),
        Arguments.of(withX("[".repeat(600) + "]".repeat(600)), "states[0].x[0][0]",
            "nested deeper than 500 levels"),
        Arguments.of("[".repeat(100_000), "[0][0][0]", "nested deeper than 500 levels"),
        Arguments.of(withX("1" + "0".repeat(100_000)), "states[0].x", "too large"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void messageNamesSourcePathAndProblem(String json, String path, String problem) {
    TraceFormatException e =
        assertThrows(TraceFormatException.class, () -> Itf.read(json, "bad.itf.json"));
    String msg = e.getMessage();
    assertTrue(msg.startsWith("bad.itf.json: "), msg);
    assertTrue(msg.contains(" at " + path), "path " + path + " in: " + msg);
    assertTrue(msg.contains(problem), "problem " + problem + " in: " + msg);
    assertFalse(msg.contains("\n") || msg.contains("\r"), msg);
    assertTrue(msg.length() < 400, msg);
    assertFalse(msg.contains("internal error"), msg);
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void sourceNamesWithLineBreaksStayOnOneLine(String json) {
    String msg =
        assertThrows(TraceFormatException.class, () -> Itf.read(json, "odd\nname.json"))
            .getMessage();
    assertTrue(msg.startsWith("odd name.json: "), msg);
    assertFalse(msg.contains("\n"), msg);
  }
}
