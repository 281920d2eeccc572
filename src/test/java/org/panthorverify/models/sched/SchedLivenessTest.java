package org.panthorverify.models.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.panthorverify.core.Property;
import org.panthorverify.explore.liveness.LivenessRunner;
import org.panthorverify.registry.ModelRegistry;

/**
 * SL-1 ... SL-5 on the scheduler's small config, with the Java liveness checker: all hold (SL-4
 * trivially, since every queue has a bounded number of jobs). Not yet compared with TLC: the
 * TLA+ twin has no fairness and liveness section yet.
 */
class SchedLivenessTest {
  @Test
  @SuppressWarnings("unchecked")
  void small_slProperties() {
    SchedModel m = (SchedModel) ModelRegistry.standard().get("scheduler")
        .resolve("small", List.of(), null).create();
    int checked = 0;
    for (Property<SchedState, SchedAction> p : m.properties()) {
      if (p instanceof Property.Liveness<SchedState, SchedAction> l) {
        var v = LivenessRunner.check(m, l);
        assertTrue(v.holds(), p.name() + " fails on " + v.clause());
        if (p.name().equals("SL-5")) {
          assertEquals(java.util.List.of("ResetEnds"), v.vacuous(),
              "small has no FW hang, so no reset ever starts: SL-5 says nothing there");
        }
        assertEquals(13_788, v.states());
        checked++;
      }
    }
    assertEquals(5, checked, "SL-1 ... SL-5");
  }
}
