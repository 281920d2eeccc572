package org.panthorverify.trace;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.panthorverify.core.Value;

/** Hand-written traces and values shared by the ITF tests. */
final class ItfTestData {
  private ItfTestData() {}

  static Value integer(String decimal) {
    return new Value.Int(new BigInteger(decimal));
  }

  static Map<String, Value> fields(Object... keysAndValues) {
    Map<String, Value> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], (Value) keysAndValues[i + 1]);
    }
    return m;
  }

  /** A value that uses every kind, nested. */
  static Value everyKind() {
    Map<Value, Value> map = new LinkedHashMap<>();
    map.put(Value.of("r2"), Value.of("prepared"));
    map.put(Value.of("r1"), Value.of("working"));
    map.put(Value.tup(Value.of(1), Value.of(true)), Value.set(List.of()));
    return Value.record(
        fields(
            "int", integer("-123456789012345678901234567890"),
            "bool", Value.of(false),
            "str", Value.of("h\u00e9llo \"w\u00f6rld\"\n\t\u2028 \ud83d\ude00 \\"),
            "seq", Value.seq(List.of(Value.of(1), Value.seq(List.of()), Value.of("x"))),
            "tup", Value.tup(Value.of(0), Value.of("a"), Value.tup()),
            "set", Value.set(List.of(Value.of(3), Value.of(1), Value.of(2))),
            "map", Value.map(map),
            "rec", Value.record(fields("empty", Value.record(Map.of()), "u", Value.of(""))),
            "unser", new Value.Unserializable("Nat")));
  }

  static TraceMeta fullMeta() {
    return new TraceMeta(
        "twophase",
        "default",
        fields("rm", Value.of(3), "names", Value.set(List.of(Value.of("r1"), Value.of("r2")))),
        "tm-timeout",
        "Consistent",
        "invariant",
        42L,
        "bfs",
        "panthor-verify 0.1.0",
        "a trace that violates Consistent");
  }

  static ItfTrace sample(TraceMeta meta, int loop) {
    List<String> vars = List.of("rmState", "tmState", "other");
    return new ItfTrace(
        meta,
        vars,
        List.of(
            new ItfState(
                0,
                null,
                null,
                fields(
                    "rmState", Value.map(Map.of(Value.of("r1"), Value.of("working"))),
                    "tmState", Value.of("init"),
                    "other", everyKind())),
            new ItfState(
                1,
                "RMPrepare",
                fields("r", Value.of("r1")),
                fields(
                    "rmState", Value.map(Map.of(Value.of("r1"), Value.of("prepared"))),
                    "tmState", Value.of("init"),
                    "other", Value.of(7))),
            new ItfState(
                2,
                "TMCommit",
                Map.of(),
                fields(
                    "other", Value.seq(List.of()),
                    "rmState", Value.map(Map.of()),
                    "tmState", Value.of("committed")))),
        loop);
  }
}
