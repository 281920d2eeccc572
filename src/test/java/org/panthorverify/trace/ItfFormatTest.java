package org.panthorverify.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.panthorverify.trace.ItfTestData.fields;
import static org.panthorverify.trace.ItfTestData.fullMeta;
import static org.panthorverify.trace.ItfTestData.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.panthorverify.core.Value;

/** The written text: deterministic, and exactly the documented layout. */
class ItfFormatTest {

  private static final String GOLDEN =
      """
      {
        "#meta": {
          "format": "ITF",
          "format-description": "https://apalache-mc.org/docs/adr/015adr-trace.html",
          "model": "twophase",
          "config": "default",
          "constants": {"rm": {"#bigint": "3"}},
          "property": "Consistent",
          "kind": "invariant",
          "seed": 0,
          "strategy": "bfs",
          "tool": "panthor-verify 0.1.0"
        },
        "vars": ["rmState", "tmState"],
        "states": [
          {
            "#meta": {"index": 0},
            "rmState": {"#map": [["r1", "working"], ["r2", "working"]]},
            "tmState": "init"
          },
          {
            "#meta": {"index": 1, "action": "RMPrepare", "params": {"r": "r1"}},
            "rmState": {"#map": [["r1", "prepared"], ["r2", "working"]]},
            "tmState": "init"
          },
          {
            "#meta": {"index": 2, "action": "TMRcvPrepared", "params": {"r": "r1"}},
            "rmState": {
              "#map": [
                [
                  "r1",
                  {"state": "prepared", "votes": {"#set": [{"#bigint": "1"}]}}
                ],
                [
                  "r2",
                  {
                    "state": "working",
                    "votes": {"#set": []},
                    "tup": {"#tup": [true]}
                  }
                ]
              ]
            },
            "tmState": {"#unserializable": "init"}
          }
        ],
        "loop": 1
      }
      """;

  private static ItfTrace golden() {
    Value w = Value.of("working");
    Value r1 = Value.of("r1");
    Value r2 = Value.of("r2");
    Value nested =
        Value.map(
            Map.of(
                r1,
                Value.record(
                    fields(
                        "state", Value.of("prepared"),
                        "votes", Value.set(List.of(Value.of(1))))),
                r2,
                Value.record(
                    fields(
                        "state", w,
                        "votes", Value.set(List.of()),
                        "tup", Value.tup(Value.of(true))))));
    return new ItfTrace(
        new TraceMeta(
            "twophase", "default", fields("rm", Value.of(3)), null, "Consistent", "invariant", 0L,
            "bfs", "panthor-verify 0.1.0", null),
        List.of("rmState", "tmState"),
        List.of(
            new ItfState(
                0, null, null,
                fields("rmState", Value.map(Map.of(r1, w, r2, w)), "tmState", Value.of("init"))),
            new ItfState(
                1, "RMPrepare", fields("r", r1),
                fields(
                    "tmState", Value.of("init"),
                    "rmState", Value.map(Map.of(r2, w, r1, Value.of("prepared"))))),
            new ItfState(
                2, "TMRcvPrepared", fields("r", r1),
                fields("rmState", nested, "tmState", new Value.Unserializable("init")))),
        1);
  }

  @Test
  void goldenText() {
    assertEquals(GOLDEN, Itf.write(golden()));
    assertEquals(golden(), Itf.read(GOLDEN, "golden.itf.json"));
  }

  @Test
  void sameTraceGivesIdenticalText() {
    String first = Itf.write(sample(fullMeta(), 1));
    assertEquals(first, Itf.write(sample(fullMeta(), 1)));
    assertEquals(first, Itf.write(Itf.read(first, "again.json")));
    assertTrue(first.endsWith("}\n"));
    assertFalse(first.contains("\r"));
    assertFalse(first.contains("\t"));
  }

  @Test
  void equalValuesBuiltInAnotherOrderGiveIdenticalText() {
    Map<Value, Value> forward = new LinkedHashMap<>();
    Map<Value, Value> backward = new LinkedHashMap<>();
    for (int i = 0; i < 20; i++) {
      forward.put(Value.of(i), Value.of("v" + i));
      backward.put(Value.of(19 - i), Value.of("v" + (19 - i)));
    }
    Value set1 = Value.set(List.of(Value.of("b"), Value.of("a"), Value.of(2)));
    Value set2 = Value.set(List.of(Value.of(2), Value.of("a"), Value.of("b"), Value.of("a")));
    ItfTrace a = oneState(fields("m", Value.map(forward), "s", set1));
    ItfTrace b = oneState(fields("s", set2, "m", Value.map(backward)));
    assertEquals(a, b);
    assertEquals(Itf.write(a), Itf.write(b));
  }

  @Test
  void longValuesAreSplitOverLinesAndShortOnesAreNot() {
    Value longSeq = Value.seq(List.of(Value.of("a".repeat(40)), Value.of("b".repeat(40))));
    String text = Itf.write(oneState(fields("m", longSeq, "s", Value.seq(List.of()))));
    assertTrue(
        text.contains(
            "      \"m\": [\n        \"" + "a".repeat(40) + "\",\n        \"" + "b".repeat(40)
                + "\"\n      ],\n"),
        text);
    assertTrue(text.contains("      \"s\": []\n"), text);
  }

  @Test
  void surrogatesAndLineSeparatorsAreEscaped() {
    String text = Itf.write(oneState(fields("m", Value.of("\ud83d\ude00\u2028\ud800"))));
    assertTrue(text.contains("\"m\": \"\\ud83d\\ude00\\u2028\\ud800\""), text);
    assertTrue(text.chars().allMatch(c -> c < 0xd800 || c > 0xdfff));
  }

  private static ItfTrace oneState(Map<String, Value> vars) {
    return new ItfTrace(
        TraceMeta.of("m"),
        List.copyOf(new java.util.TreeSet<>(vars.keySet())),
        List.of(new ItfState(0, null, null, vars)));
  }
}
