package org.panthorverify.models.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.panthorverify.core.Property;
import org.panthorverify.explore.liveness.LivenessRunner;
import org.panthorverify.registry.ModelRegistry;

/**
 * ML-1 ... ML-4 on the MMU model's small config hold under their fairness, none vacuously; and
 * the strong fairness of the lock-taking threads is needed: with weak fairness only, the tick
 * taking a VM's op_lock again and again starves the VM's operation (ML-3 fails).
 */
class MmuLivenessTest {
  private static MmuModel small() {
    return (MmuModel) ModelRegistry.standard().get("mmu").resolve("small", List.of(), null)
        .create();
  }

  @Test
  @SuppressWarnings("unchecked")
  void small_mlPropertiesHold() {
    MmuModel m = small();
    int checked = 0;
    for (Property<MmuState, MmuAction> p : m.properties()) {
      if (p instanceof Property.Liveness<MmuState, MmuAction> l) {
        var v = LivenessRunner.check(m, l);
        assertTrue(v.holds(), l.name() + " fails on " + v.clause());
        assertEquals(List.of(), v.vacuous(), l.name());
        assertEquals(13_992, v.states());
        checked++;
      }
    }
    assertEquals(4, checked, "ML-1 ... ML-4");
  }

  @Test
  void weakFairnessOnly_starvesAVmOperation() {
    MmuModel m = small();
    Property.Liveness<MmuState, MmuAction> ml3 = null;
    for (Property<MmuState, MmuAction> p : m.properties()) {
      if (p instanceof Property.Liveness<MmuState, MmuAction> l && l.name().equals("ML-3")) {
        ml3 = l;
      }
    }
    var weak = ml3.fairness().stream()
        .map(f -> Property.Fairness.weak(f.name(), f.family())).toList();
    var v = LivenessRunner.check(m, new Property.Liveness<>("ML-3-weak", ml3.description(),
        ml3.form(), ml3.clauses(), weak));
    assertFalse(v.holds());
    assertEquals("OpEnds(1)", v.clause());
    var loop = v.lasso().steps().subList(v.lasso().loopStart() + 1, v.lasso().length());
    assertTrue(loop.stream().anyMatch(s -> s.action() instanceof MmuAction.Active a
        && a.step().equals("Lock")), "the tick takes op_lock on the loop");
    assertTrue(loop.stream().noneMatch(s -> s.action() instanceof MmuAction.Op),
        "and the VM's operation never moves");
  }
}
