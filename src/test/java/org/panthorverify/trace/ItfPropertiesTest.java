package org.panthorverify.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.panthorverify.core.Value;

/** Any value tree survives writing and reading inside a trace, exactly. */
class ItfPropertiesTest {

  @Provide
  Arbitrary<Value> values() {
    return ValueArbitraries.values(4);
  }

  @Provide
  Arbitrary<String> names() {
    return ValueArbitraries.names();
  }

  @Provide
  Arbitrary<Map<String, Value>> records() {
    return ValueArbitraries.records(2);
  }

  @Property(tries = 400)
  void valuesRoundTripInsideATrace(
      @ForAll("values") Value first,
      @ForAll("values") Value second,
      @ForAll("names") String var,
      @ForAll("records") Map<String, Value> params,
      @ForAll("records") Map<String, Value> constants) {
    TraceMeta meta =
        new TraceMeta(var, var, constants, null, null, null, (long) var.length(), null, null, var);
    ItfTrace t =
        new ItfTrace(
            meta,
            List.of(var),
            List.of(
                new ItfState(0, null, null, Map.of(var, first)),
                new ItfState(1, var, params, Map.of(var, second))),
            params.size() % 2);
    String text = Itf.write(t);
    ItfTrace back = Itf.read(text, "property.itf.json");

    assertEquals(t, back);
    assertEquals(first.toString(), back.states().get(0).vars().get(var).toString());
    assertEquals(second.toString(), back.states().get(1).vars().get(var).toString());
    assertEquals(List.copyOf(params.keySet()), List.copyOf(back.states().get(1).params().keySet()));
    assertEquals(List.copyOf(constants.keySet()), List.copyOf(back.meta().constants().keySet()));
    assertEquals(text, Itf.write(back));
  }

  @Property(tries = 200)
  void writingIsDeterministic(@ForAll("values") Value v) {
    ItfTrace a = oneState(v);
    ItfTrace b = oneState(Itf.read(Itf.write(a), "a.json").states().get(0).vars().get("v"));
    assertEquals(Itf.write(a), Itf.write(b));
    assertEquals(Itf.write(a), Itf.write(oneState(v)));
  }

  private static ItfTrace oneState(Value v) {
    return new ItfTrace(
        TraceMeta.of("m"), List.of("v"), List.of(new ItfState(0, null, null, Map.of("v", v))));
  }
}
