package org.panthorverify.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.panthorverify.core.Action;
import org.panthorverify.core.Model;
import org.panthorverify.core.Property;
import org.panthorverify.core.Step;
import org.panthorverify.core.Trace;
import org.panthorverify.core.Value;

class ItfFromTraceTest {

  enum Light {
    RED,
    GREEN
  }

  /** The state of a tiny model: a counter, a light and a log of events. */
  record Counter(int count, Light light, List<String> log) {}

  sealed interface Op extends Action permits Add, Toggle {}

  record Add(int by, String who) implements Op {}

  record Toggle() implements Op {}

  /** Counts up to 3 and toggles a light. */
  static class CounterModel implements Model<Counter, Op> {
    @Override
    public String name() {
      return "counter";
    }

    @Override
    public List<String> variables() {
      return List.of("count", "light", "log");
    }

    @Override
    public List<Counter> initialStates() {
      return List.of(new Counter(0, Light.RED, List.of()));
    }

    @Override
    public List<Op> enabledActions(Counter s) {
      return s.count() < 3
          ? List.of(new Add(1, "a"), new Add(2, "b"), new Toggle())
          : List.of(new Toggle());
    }

    @Override
    public Counter next(Counter s, Op op) {
      List<String> log = new ArrayList<>(s.log());
      log.add(op.label());
      if (op instanceof Add a) {
        return new Counter(s.count() + a.by(), s.light(), log);
      }
      return new Counter(s.count(), s.light() == Light.RED ? Light.GREEN : Light.RED, log);
    }

    @Override
    public List<Property<Counter, Op>> properties() {
      return List.of(Property.invariant("Small", "count stays small", s -> s.count() <= 3));
    }
  }

  private static Trace<Counter, Op> run(Model<Counter, Op> m, List<Op> ops, int loop) {
    Counter s = m.initialStates().get(0);
    List<Step<Counter, Op>> steps = new ArrayList<>();
    steps.add(new Step<>(null, s));
    for (Op op : ops) {
      s = m.next(s, op);
      steps.add(new Step<>(op, s));
    }
    return new Trace<>(steps, loop);
  }

  @Test
  void varsActionsAndParamsComeFromTheModel() {
    CounterModel m = new CounterModel();
    Trace<Counter, Op> trace = run(m, List.of(new Add(1, "a"), new Toggle(), new Add(2, "b")), 1);
    TraceMeta meta =
        new TraceMeta("counter", null, null, null, "Small", "invariant", 1L, "bfs", null, null);
    ItfTrace t = Itf.fromTrace(m, trace, meta);

    assertEquals(meta, t.meta());
    assertEquals(List.of("count", "light", "log"), t.vars());
    assertEquals(1, t.loop());
    assertEquals(4, t.states().size());
    ItfState s0 = t.states().get(0);
    assertNull(s0.action());
    assertTrue(s0.params().isEmpty());
    assertEquals(Value.of(0), s0.vars().get("count"));
    assertEquals(Value.of("RED"), s0.vars().get("light"));
    assertEquals(Value.seq(List.of()), s0.vars().get("log"));

    ItfState s1 = t.states().get(1);
    assertEquals("Add", s1.action());
    assertEquals(List.of("by", "who"), List.copyOf(s1.params().keySet()));
    assertEquals(Value.of(1), s1.params().get("by"));
    assertEquals(Value.of("a"), s1.params().get("who"));

    assertEquals("Toggle", t.states().get(2).action());
    assertTrue(t.states().get(2).params().isEmpty());
    assertEquals(Value.of("GREEN"), t.states().get(2).vars().get("light"));
    assertEquals(Value.of(2), t.states().get(3).params().get("by"));
    assertEquals(Value.of(3), t.states().get(3).vars().get("count"));
    assertEquals(
        Value.seq(List.of(Value.of("Add(by=1, who=\"a\")"), Value.of("Toggle"),
            Value.of("Add(by=2, who=\"b\")"))),
        t.states().get(3).vars().get("log"));

    assertEquals(t, Itf.read(Itf.write(t), "counter.itf.json"));
  }

  @Test
  void nullMetaNamesTheModel() {
    CounterModel m = new CounterModel();
    ItfTrace t = Itf.fromTrace(m, run(m, List.of(), -1), null);
    assertEquals(TraceMeta.of("counter"), t.meta());
    assertEquals(-1, t.loop());
    assertEquals(1, t.states().size());
  }

  @Test
  void describeMustGiveExactlyTheVariablesInOrder() {
    CounterModel reordered =
        new CounterModel() {
          @Override
          public Map<String, Value> describe(Counter s) {
            Map<String, Value> d = new LinkedHashMap<>();
            d.put("light", Value.of(s.light()));
            d.put("count", Value.of(s.count()));
            d.put("log", Value.of(s.log()));
            return d;
          }
        };
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Itf.fromTrace(reordered, run(reordered, List.of(), -1), null));
    assertTrue(e.getMessage().contains("counter"), e.getMessage());

    CounterModel fewer =
        new CounterModel() {
          @Override
          public List<String> variables() {
            return List.of("count", "light");
          }
        };
    Trace<Counter, Op> t = run(fewer, List.of(), -1);
    assertThrows(IllegalArgumentException.class, () -> Itf.fromTrace(fewer, t, null));
  }

  @Test
  void aLaterStepWithoutActionIsRejected() {
    CounterModel m = new CounterModel();
    Counter s = m.initialStates().get(0);
    Trace<Counter, Op> t = new Trace<>(List.of(new Step<>(null, s), new Step<>(null, s)));
    assertThrows(IllegalArgumentException.class, () -> Itf.fromTrace(m, t, null));
  }
}
