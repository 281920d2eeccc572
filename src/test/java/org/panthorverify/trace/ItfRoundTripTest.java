package org.panthorverify.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.panthorverify.trace.ItfTestData.everyKind;
import static org.panthorverify.trace.ItfTestData.fields;
import static org.panthorverify.trace.ItfTestData.fullMeta;
import static org.panthorverify.trace.ItfTestData.integer;
import static org.panthorverify.trace.ItfTestData.sample;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.panthorverify.core.Value;

class ItfRoundTripTest {

  private static ItfTrace roundTrip(ItfTrace t) {
    ItfTrace back = Itf.read(Itf.write(t), "round-trip.itf.json");
    assertEquals(t, back);
    assertEquals(Itf.write(t), Itf.write(back));
    return back;
  }

  @Test
  void fullMetaWithLoop() {
    ItfTrace back = roundTrip(sample(fullMeta(), 1));
    assertEquals(1, back.loop());
    assertEquals(List.of("rmState", "tmState", "other"), back.vars());
    assertEquals("RMPrepare", back.states().get(1).action());
    assertEquals(Map.of("r", Value.of("r1")), back.states().get(1).params());
    assertEquals(Long.valueOf(42), back.meta().seed());
    assertEquals(List.of("rm", "names"), List.copyOf(back.meta().constants().keySet()));
  }

  @Test
  void minimalMetaWithoutLoop() {
    ItfTrace back = roundTrip(sample(TraceMeta.of("twophase"), -1));
    assertEquals(-1, back.loop());
    assertEquals(TraceMeta.of("twophase"), back.meta());
    assertTrue(back.meta().constants().isEmpty());
    assertEquals(null, back.states().get(0).action());
    assertTrue(back.states().get(0).params().isEmpty());
  }

  @Test
  void someMetaFieldsNull() {
    TraceMeta m =
        new TraceMeta("m", null, fields("n", Value.of(2)), null, "P", null, -7L, null, "t", null);
    assertEquals(m, roundTrip(sample(m, 0)).meta());
  }

  @Test
  void eachValueKindAloneAndNested() {
    Value nested = everyKind();
    List<Value> values =
        List.of(
            Value.of(0),
            integer("98765432109876543210987654321098765432109876543210"),
            integer("-1"),
            Value.of(true),
            Value.of(""),
            Value.of("\u0000\u001f\u007f\ud800 lone \udfff"),
            Value.seq(List.of()),
            Value.tup(),
            Value.set(List.of()),
            Value.map(Map.of()),
            Value.record(Map.of()),
            new Value.Unserializable("[x \\in Nat |-> x]"),
            nested,
            Value.seq(List.of(nested, nested)),
            Value.map(Map.of(nested, Value.tup(nested), Value.of(1), Value.set(List.of(nested)))),
            Value.record(
                fields("a", Value.record(fields("b", Value.record(fields("c", nested)))))));
    for (Value v : values) {
      ItfTrace t =
          new ItfTrace(
              TraceMeta.of("m"),
              List.of("x"),
              List.of(
                  new ItfState(0, null, null, Map.of("x", v)),
                  new ItfState(1, "Step", fields("p", v, "q", Value.of(1)), Map.of("x", v))));
      ItfTrace back = roundTrip(t);
      assertEquals(v.toString(), back.states().get(1).vars().get("x").toString());
    }
  }

  @Test
  void withoutMetadataOrWithMetadataThatNamesNoModel() {
    ItfTrace full = sample(fullMeta(), 1);
    ItfTrace noMeta = new ItfTrace(null, full.vars(), full.states());
    assertEquals(null, roundTrip(noMeta).meta());
    assertTrue(Itf.write(noMeta).startsWith("{\n  \"#meta\": {\n    \"format\": \"ITF\","));

    String apalache =
        "{\"#meta\": {\"format\": \"ITF\", \"source\": \"MC.tla\", \"description\":"
            + " \"Created by Apalache\"}, \"params\": [], \"vars\": [\"x\"],"
            + " \"states\": [{\"#meta\": {\"index\": 0}, \"x\": {\"#bigint\": \"1\"}}]}";
    ItfTrace t = Itf.read(apalache, "apalache.itf.json");
    assertEquals(null, t.meta());
    assertEquals(Value.of(1), t.states().get(0).vars().get("x"));
    assertEquals(null, Itf.read("{\"vars\": [], \"states\": [{}]}", "bare.json").meta());
  }

  @Test
  void equalityFollowsTheWrittenOrderOfParamsAndConstants() {
    Map<String, Value> x = Map.of("x", Value.of(1));
    ItfState ab = new ItfState(1, "A", fields("a", Value.of(1), "b", Value.of(2)), x);
    ItfState ba = new ItfState(1, "A", fields("b", Value.of(2), "a", Value.of(1)), x);
    assertTrue(!ab.equals(ba));
    assertEquals(ab, new ItfState(1, "A", fields("a", Value.of(1), "b", Value.of(2)), x));
    assertEquals(ab.hashCode(), ba.hashCode());
    TraceMeta m1 = new TraceMeta("m", null, fields("a", Value.of(1), "b", Value.of(2)),
        null, null, null, null, null, null, null);
    TraceMeta m2 = new TraceMeta("m", null, fields("b", Value.of(2), "a", Value.of(1)),
        null, null, null, null, null, null, null);
    assertTrue(!m1.equals(m2));
    assertEquals(m1, roundTrip(sample(m1, -1)).meta());
  }

  @Test
  void singleStateTrace() {
    ItfTrace t =
        new ItfTrace(
            TraceMeta.of("m"), List.of(), List.of(new ItfState(0, null, null, Map.of())), 0);
    assertEquals(0, roundTrip(t).loop());
  }

  @Test
  void readsPlainIntegersAndStatesWithoutMeta() {
    String json =
        "{\"#meta\": {\"model\": \"m\", \"source\": \"ignored\", \"format\": \"ITF\"},"
            + " \"vars\": [\"x\", \"y\"],"
            + " \"states\": [{\"x\": 12345678901234567890123, \"y\": [-1, {\"#bigint\": \"2\"}]},"
            + " {\"#meta\": {\"action\": \"A\"}, \"y\": 0, \"x\": -0}]}";
    ItfTrace t = Itf.read(json, "lenient.json");
    assertEquals(integer("12345678901234567890123"), t.states().get(0).vars().get("x"));
    assertEquals(
        Value.seq(List.of(Value.of(-1), Value.of(2))), t.states().get(0).vars().get("y"));
    assertEquals(Value.of(0), t.states().get(1).vars().get("x"));
    assertEquals(List.of("x", "y"), List.copyOf(t.states().get(1).vars().keySet()));
  }

  @Test
  void writesAndReadsFiles(@TempDir Path dir) throws Exception {
    ItfTrace t = sample(fullMeta(), 2);
    Path file = dir.resolve("a/b/trace.itf.json");
    Itf.write(t, file);
    assertEquals(Itf.write(t), Files.readString(file, StandardCharsets.UTF_8));
    assertEquals(t, Itf.read(file));

    Path bom = dir.resolve("bom.itf.json");
    Files.write(bom, ("\uFEFF" + Itf.write(t)).getBytes(StandardCharsets.UTF_8));
    assertEquals(t, Itf.read(bom));
  }

  @Test
  void fileErrors(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("missing.itf.json");
    assertEquals(
        missing + ": no such file",
        assertThrows(TraceFormatException.class, () -> Itf.read(missing)).getMessage());
    assertTrue(
        assertThrows(TraceFormatException.class, () -> Itf.read(dir))
            .getMessage()
            .startsWith(dir + ": cannot read"));
    Path latin1 = dir.resolve("latin1.json");
    Files.write(latin1, new byte[] {'{', '"', (byte) 0xe9, '"', '}'});
    assertTrue(
        assertThrows(TraceFormatException.class, () -> Itf.read(latin1))
            .getMessage()
            .contains("not UTF-8"));
  }

  @Test
  void recordsRejectInconsistentTraces() {
    Map<String, Value> x = Map.of("x", Value.of(1));
    ItfState s0 = new ItfState(0, null, null, x);
    assertThrows(IllegalArgumentException.class, () -> new ItfState(0, "A", null, x));
    assertThrows(IllegalArgumentException.class, () -> new ItfState(1, null, null, x));
    assertThrows(NullPointerException.class, () -> TraceMeta.of(null));
    TraceMeta m = TraceMeta.of("m");
    assertThrows(IllegalArgumentException.class, () -> new ItfTrace(m, List.of("x"), List.of()));
    assertThrows(
        IllegalArgumentException.class, () -> new ItfTrace(m, List.of("y"), List.of(s0)));
    assertThrows(
        IllegalArgumentException.class, () -> new ItfTrace(m, List.of("x", "x"), List.of(s0)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ItfTrace(m, List.of("x"), List.of(new ItfState(1, "A", null, x))));
    assertThrows(
        IllegalArgumentException.class, () -> new ItfTrace(m, List.of("x"), List.of(s0), 1));
  }

  @Test
  void writeRejectsValuesItfCannotHold() {
    ItfState bad =
        new ItfState(0, null, null, Map.of("x", Value.record(fields("#meta", Value.of(1)))));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Itf.write(new ItfTrace(TraceMeta.of("m"), List.of("x"), List.of(bad))));
    assertTrue(e.getMessage().contains("states[0].x.#meta"), e.getMessage());
  }

  @Test
  void nestingUpToTheLimitRoundTripsAndBeyondIsRejected() {
    // root, states, state: 3 levels; each sequence adds one.
    roundTrip(trace(deep(ItfWriter.MAX_DEPTH - 3, Value.of("leaf"))));
    roundTrip(trace(deep(ItfWriter.MAX_DEPTH - 4, Value.of(5))));
    assertThrows(
        IllegalArgumentException.class,
        () -> Itf.write(trace(deep(ItfWriter.MAX_DEPTH - 3, Value.of(5)))));
    assertThrows(
        IllegalArgumentException.class,
        () -> Itf.write(trace(deep(ItfWriter.MAX_DEPTH - 2, Value.of("leaf")))));
  }

  private static Value deep(int levels, Value leaf) {
    Value v = leaf;
    for (int i = 0; i < levels; i++) {
      v = Value.seq(List.of(v));
    }
    return v;
  }

  private static ItfTrace trace(Value x) {
    return new ItfTrace(
        TraceMeta.of("m"), List.of("x"), List.of(new ItfState(0, null, null, Map.of("x", x))));
  }
}
