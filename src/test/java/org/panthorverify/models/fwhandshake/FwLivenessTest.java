package org.panthorverify.models.fwhandshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.panthorverify.core.Property;
import org.panthorverify.explore.liveness.LivenessRunner;

/**
 * The Java liveness checker on the firmware-handshake model agrees with TLC's verdicts on the
 * TLA+ twin ({@code FwTlcLivenessTest}): on {@code small}, FL-1 ... FL-4 hold; with the FW-events
 * work only weakly fair, FL-2 fails on a lasso.
 */
class FwLivenessTest {
  private static final FwModel SMALL =
      new FwModel(new FwConfig(1, false, false, false, false, false, Set.of()));

  @SuppressWarnings("unchecked")
  private static Property.Liveness<FwState, FwAction> liveness(String name) {
    return (Property.Liveness<FwState, FwAction>) SMALL.properties().stream()
        .filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void small_everyFlProperty_holds_asTlcFinds() {
    for (String name : List.of("FL-1", "FL-2", "FL-3", "FL-4")) {
      LivenessRunner.Verdict<FwState, FwAction> v = LivenessRunner.check(SMALL, liveness(name));
      assertTrue(v.holds(), name + " fails on clause " + v.clause());
      assertEquals(33_465, v.states(), "the small config's states");
    }
  }

  @Test
  void weaklyFairEventsWork_failsFl2_withALassoThatReplaysOnTheModel() {
    Property.Liveness<FwState, FwAction> fl2 = liveness("FL-2");
    List<Property.Fairness<FwAction>> weakened = new ArrayList<>();
    for (Property.Fairness<FwAction> f : fl2.fairness()) {
      weakened.add(f.name().equals("EventsWork")
          ? Property.Fairness.weak(f.name(), f.family()) : f);
    }
    Property.Liveness<FwState, FwAction> weak = new Property.Liveness<>(fl2.name(),
        fl2.description(), fl2.form(), fl2.clauses(), weakened);
    LivenessRunner.Verdict<FwState, FwAction> v = LivenessRunner.check(SMALL, weak);
    assertFalse(v.holds(), "TLC finds this counterexample too");
    assertNotNull(v.lasso());
    int loop = v.lasso().loopStart();
    assertTrue(loop >= 0, "a lasso");
    // The trace is a real behaviour: every step is an enabled action giving the next state.
    var steps = v.lasso().steps();
    for (int i = 1; i < steps.size(); i++) {
      FwState before = steps.get(i - 1).state();
      FwAction a = steps.get(i).action();
      assertTrue(SMALL.enabledActions(before).contains(a), "step " + i + " enabled");
      assertEquals(steps.get(i).state(), SMALL.next(before, a), "step " + i);
    }
    // ... and it loops: the last state steps back to the loop's first state, or stutters.
    FwState last = steps.get(steps.size() - 1).state();
    FwState back = steps.get(loop).state();
    assertTrue(last.equals(back) || SMALL.enabledActions(last).stream()
        .anyMatch(a -> SMALL.next(last, a).equals(back)), "the loop closes");
    // In the loop the FW-events work is queued and never runs.
    for (int i = loop; i < steps.size(); i++) {
      assertEquals(1, steps.get(i).state().evWork(), "events work queued at " + i);
      if (i > loop) {
        assertFalse(steps.get(i).action() instanceof FwAction.EventsWork);
      }
    }
  }
}
