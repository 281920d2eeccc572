package org.panthorverify.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.panthorverify.core.Action;
import org.panthorverify.core.Model;
import org.panthorverify.core.Property;
import org.panthorverify.core.PropertyKind;
import org.panthorverify.core.Value;
import org.panthorverify.explore.liveness.LivenessRunner;
import org.panthorverify.trace.Itf;
import org.panthorverify.trace.ItfState;
import org.panthorverify.trace.ItfTrace;
import org.panthorverify.trace.TraceMeta;

/**
 * Replaying lasso traces (ITF {@code loop}): a counterexample found by the liveness checker
 * replays as a violation of its property; a loop that does not close, or that is unfair, does
 * not.
 */
class LassoReplayTest {
  /** A counter: 0 -Step-> 1 -Step-> 2 -Step-> 1, and 2 -Finish-> 3 (the goal). */
  record Pos(int at) {}

  record Step() implements Action {}

  record Finish() implements Action {}

  static final class Loop implements Model<Pos, Action> {
    private final boolean finishFair;

    Loop(boolean finishFair) {
      this.finishFair = finishFair;
    }

    @Override
    public String name() {
      return "loop";
    }

    @Override
    public List<String> variables() {
      return List.of("at");
    }

    @Override
    public List<Pos> initialStates() {
      return List.of(new Pos(0));
    }

    @Override
    public List<Action> enabledActions(Pos s) {
      List<Action> out = new ArrayList<>();
      if (s.at() < 3) {
        out.add(new Step());
      }
      if (s.at() == 2) {
        out.add(new Finish());
      }
      return out;
    }

    @Override
    public Pos next(Pos s, Action a) {
      if (a instanceof Finish) {
        return new Pos(3);
      }
      return new Pos(s.at() == 2 ? 1 : s.at() + 1);
    }

    @Override
    public boolean isAcceptableEnd(Pos s) {
      return true;
    }

    @Override
    public List<Property<Pos, Action>> properties() {
      List<Property.Fairness<Action>> fair = new ArrayList<>();
      fair.add(Property.Fairness.weak("Step", a -> a instanceof Step));
      if (finishFair) {
        fair.add(Property.Fairness.strong("Finish", a -> a instanceof Finish));
      }
      return List.of(new Property.Liveness<>("Done", "the counter reaches 3",
          Property.Form.LEADS_TO, List.of(new Property.Clause<>("Reach3", s -> s.at() == 0,
              s -> s.at() == 3)), fair));
    }

    @Override
    public Map<String, Value> describe(Pos s) {
      return Map.of("at", Value.of(s.at()));
    }
  }

  @SuppressWarnings("unchecked")
  private static ItfTrace lasso(Loop m) {
    var v = LivenessRunner.check(m, (Property.Liveness<Pos, Action>) m.properties().get(0));
    assertFalse(v.holds());
    return Itf.fromTrace(m, v.lasso(), new TraceMeta("loop", null, null, null, "Done", "liveness", null,
        null, null, null));
  }

  @Test
  void theCheckersLasso_replaysAsALivenessViolation() {
    Loop m = new Loop(false);
    ItfTrace t = Itf.read(Itf.write(lasso(m)), "lasso");
    assertTrue(t.loop() >= 0, "ITF loop written and read back");
    ReplayResult r = ModelReplayer.replay(m, t);
    assertTrue(r.conforms(), r.message());
    assertEquals("Done", r.violated(), r.message());
    assertEquals(PropertyKind.LIVENESS, r.kind());
  }

  @Test
  void anUnfairLoop_doesNotViolate_andABrokenLoop_diverges() {
    ItfTrace t = lasso(new Loop(false));
    ReplayResult unfair = ModelReplayer.replay(new Loop(true), t);
    assertTrue(unfair.conforms());
    assertNull(unfair.violated(), unfair.message());
    assertTrue(unfair.message().contains("not fair to SF Finish"), unfair.message());

    List<ItfState> states = t.states();
    ItfTrace broken = new ItfTrace(t.meta(), t.vars(), states, 0);
    ReplayResult r = ModelReplayer.replay(new Loop(false), broken);
    assertFalse(r.conforms(), "the last state does not lead back to state 0");
  }
}
