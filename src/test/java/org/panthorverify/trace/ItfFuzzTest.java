package org.panthorverify.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Whatever the text, {@link Itf#read} returns a trace or throws {@link TraceFormatException}:
 * never another exception. A trace it returns writes and reads back unchanged.
 */
class ItfFuzzTest {
  private static final String VALID = Itf.write(ItfTestData.sample(ItfTestData.fullMeta(), 1));
  private static final String JSON_CHARS = "{}[]\",:#-+.0123456789eE \n\\tfnrulasx";

  /** Reads {@code text}; true if it was a trace. Fails the test on any other exception. */
  private static boolean readsOrRejects(String text) {
    ItfTrace t;
    try {
      t = Itf.read(text, "fuzz.json");
    } catch (TraceFormatException e) {
      String msg = e.getMessage();
      assertTrue(msg.startsWith("fuzz.json: "), msg);
      assertFalse(msg.contains("\n") || msg.contains("\r"), msg);
      assertFalse(msg.contains("internal error"), msg);
      return false;
    }
    assertEquals(t, Itf.read(Itf.write(t), "again.json"));
    return true;
  }

  private static void count(String label, boolean accepted) {
    Statistics.label(label).collect(accepted ? "accepted" : "rejected");
  }

  @Provide
  Arbitrary<String> junk() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(200),
        Arbitraries.strings().withChars(JSON_CHARS).ofMaxLength(200));
  }

  @Property(tries = 1000)
  @StatisticsReport(onFailureOnly = true)
  void arbitraryStrings(@ForAll("junk") String text) {
    count("junk", readsOrRejects(text));
  }

  /** One edit of a text: replace, insert, delete, truncate or duplicate at a relative place. */
  record Mutation(int op, double where, int length, char c) {
    String apply(String s) {
      int at = (int) (where * s.length());
      int end = Math.min(s.length(), at + length);
      switch (op) {
        case 0:
          return at < s.length() ? s.substring(0, at) + c + s.substring(at + 1) : s + c;
        case 1:
          return s.substring(0, at) + c + s.substring(at);
        case 2:
          return s.substring(0, at) + s.substring(end);
        case 3:
          return s.substring(0, at);
        default:
          return s.substring(0, end) + s.substring(at, end) + s.substring(end);
      }
    }
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Character> chars =
        Arbitraries.oneOf(Arbitraries.of(JSON_CHARS.toCharArray()), Arbitraries.chars().all());
    Arbitrary<Mutation> one =
        Combinators.combine(
                Arbitraries.frequency(
                    Tuple.of(5, 0), Tuple.of(3, 1), Tuple.of(3, 2), Tuple.of(1, 3), Tuple.of(1, 4)),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(1, 40),
                chars)
            .as(Mutation::new);
    return one.list().ofMinSize(1).ofMaxSize(4);
  }

  @Property(tries = 1000)
  @StatisticsReport(onFailureOnly = true)
  void mutatedValidTraces(@ForAll("mutations") List<Mutation> edits) {
    String text = VALID;
    for (Mutation m : edits) {
      text = m.apply(text);
    }
    boolean accepted = readsOrRejects(text);
    count("mutated", accepted);
    Statistics.label("mutated")
        .coverage(c -> {
          c.check("accepted").count(n -> n >= 10);
          c.check("rejected").count(n -> n >= 300);
        });
  }

  /** Random JSON built from the words that ITF gives meaning to. */
  static Arbitrary<String> json(int depth) {
    Arbitrary<String> words =
        Arbitraries.of(
            "#meta", "vars", "states", "loop", "index", "action", "params", "model", "x", "y",
            "#bigint", "#tup", "#set", "#map", "#unserializable", "#other", "", "-1");
    Arbitrary<String> scalars =
        Arbitraries.oneOf(
            words.map(w -> "\"" + w + "\""),
            Arbitraries.of("0", "1", "2", "-1", "1.5", "1e3", "99999999999999999999999", "true",
                "false", "null", "\"12\"", "\"-0\"", "\"1x\""));
    if (depth == 0) {
      return scalars;
    }
    Arbitrary<String> inner = json(depth - 1);
    Arbitrary<String> arrays = inner.list().ofMaxSize(3).map(l -> "[" + String.join(", ", l) + "]");
    Arbitrary<String> entries =
        Combinators.combine(words, inner).as((k, v) -> "\"" + k + "\": " + v);
    Arbitrary<String> objects =
        entries.list().ofMaxSize(3).map(l -> "{" + String.join(", ", l) + "}");
    return Arbitraries.frequencyOf(Tuple.of(2, scalars), Tuple.of(1, arrays), Tuple.of(1, objects));
  }

  @Provide
  Arbitrary<String> jsonish() {
    Arbitrary<String> any = json(3);
    Arbitrary<String> state =
        Arbitraries.frequencyOf(
            Tuple.of(4, any.map(x -> "{\"x\": " + x + "}")),
            Tuple.of(2, Combinators.combine(any, any)
                .as((m, x) -> "{\"#meta\": " + m + ", \"x\": " + x + "}")),
            Tuple.of(1, Combinators.combine(any, any)
                .as((a, x) -> "{\"#meta\": {\"index\": 1, \"action\": " + a + "}, \"x\": "
                    + x + "}")),
            Tuple.of(1, any));
    Arbitrary<String> traceShaped =
        Combinators.combine(any, state.list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(
                "", ", \"loop\": 0", ", \"loop\": 1", ", \"loop\": -1", ", \"loop\": 1.0"))
            .as((meta, states, loop) ->
                "{\"#meta\": {\"model\": \"m\", \"constants\": {\"c\": " + meta + "}}, "
                    + "\"vars\": [\"x\"], \"states\": [" + String.join(", ", states) + "]"
                    + loop + "}");
    return Arbitraries.frequencyOf(Tuple.of(1, any), Tuple.of(3, traceShaped));
  }

  @Property(tries = 1000)
  @StatisticsReport(onFailureOnly = true)
  void randomJsonStructures(@ForAll("jsonish") String text) {
    boolean accepted = readsOrRejects(text);
    count("jsonish", accepted);
    Statistics.label("jsonish")
        .coverage(c -> {
          c.check("accepted").count(n -> n >= 20);
          c.check("rejected").count(n -> n >= 300);
        });
  }
}
