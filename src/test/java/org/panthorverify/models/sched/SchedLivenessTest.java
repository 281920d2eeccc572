package org.panthorverify.models.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.panthorverify.core.Property;
import org.panthorverify.explore.liveness.LivenessRunner;
import org.panthorverify.registry.ModelRegistry;
import org.panthorverify.trace.Itf;
import org.panthorverify.trace.ItfTrace;

/**
 * SL-1 ... SL-5 on the scheduler's small config, with the Java liveness checker. SL-4 as the
 * reference states it (no assumption on how long the FW takes over a job) fails as the
 * reference predicts: the lasso is committed as a documented counterexample. SL-4a, the same
 * clauses with the extra assumption that bound groups eventually go idle, holds; so do the
 * others.
 */
class SchedLivenessTest {
  @Test
  @SuppressWarnings("unchecked")
  void small_slProperties() {
    SchedModel m = (SchedModel) ModelRegistry.standard().get("scheduler")
        .resolve("small", List.of(), null).create();
    int checked = 0;
    for (Property<SchedState, SchedAction> p : m.properties()) {
      if (!(p instanceof Property.Liveness<SchedState, SchedAction> l)) {
        continue;
      }
      var v = LivenessRunner.check(m, l);
      assertEquals(13_788, v.states());
      checked++;
      if (p.name().equals("SL-4")) {
        assertFalse(v.holds(), "SL-4 fails without an assumption on job length");
        assertEquals("EventuallyBound(1)", v.clause());
        ItfTrace committed = Itf.read(
            Path.of("traces/scheduler/violations/SL-4/busy-groups-stop-the-tick.itf.json"));
        assertNotNull(v.lasso());
        assertEquals(committed.states().size(), v.lasso().steps().size(),
            "the committed lasso is the one the checker finds");
        assertEquals(committed.loop(), v.lasso().loopStart());
        continue;
      }
      assertTrue(v.holds(), p.name() + " fails on " + v.clause());
      if (p.name().equals("SL-5")) {
        assertEquals(List.of("ResetEnds"), v.vacuous(),
            "small has no FW hang, so no reset ever starts: SL-5 says nothing there");
      }
    }
    assertEquals(6, checked, "SL-1 ... SL-5 and SL-4a");
  }
}
