package org.panthorverify.explore.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.panthorverify.core.Model;
import org.panthorverify.core.Property;
import org.panthorverify.explore.ExploreConfig;
import org.panthorverify.explore.IncompleteReason;
import org.panthorverify.explore.ProgressListener;
import org.panthorverify.explore.RunControl;
import org.panthorverify.models.sched.SchedAction;
import org.panthorverify.models.sched.SchedState;
import org.panthorverify.registry.ModelRegistry;
import org.panthorverify.trace.Itf;

/**
 * The compact liveness graph on the scheduler's small config (13,788 states): the same ids, edges,
 * verdicts and lassos for any number of workers; a search stopped early still reports a real
 * lasso, or no verdict; and the graph stays within its memory budget.
 */
class StateGraphTest {
  @SuppressWarnings("unchecked")
  private static Model<SchedState, SchedAction> small() {
    return (Model<SchedState, SchedAction>) ModelRegistry.standard().get("scheduler")
        .resolve("small", List.of(), null).create();
  }

  private static List<Property.Liveness<SchedState, SchedAction>> liveness(
      Model<SchedState, SchedAction> m) {
    List<Property.Liveness<SchedState, SchedAction>> out = new ArrayList<>();
    for (Property<SchedState, SchedAction> p : m.properties()) {
      if (p instanceof Property.Liveness<SchedState, SchedAction> l) {
        out.add(l);
      }
    }
    return out;
  }

  private static LivenessRunner.Result<SchedState, SchedAction> run(
      Model<SchedState, SchedAction> m, ExploreConfig c) {
    return LivenessRunner.checkAll(m, liveness(m), c, new RunControl(), ProgressListener.NONE);
  }

  @Test
  void verdictsAndLassos_areTheSame_whateverTheWorkers() {
    Model<SchedState, SchedAction> m = small();
    var one = run(m, ExploreConfig.builder().workers(1).build());
    var three = run(m, ExploreConfig.builder().workers(3).build());
    assertEquals(13_788, one.graph().size());
    assertEquals(one.graph().edges(), three.graph().edges());
    assertEquals(one.graph().stats().depth(), three.graph().stats().depth());
    assertEquals(56, one.graph().stats().depth(), "the explorer's depth for small");
    int lassos = 0;
    for (int i = 0; i < one.verdicts().size(); i++) {
      var a = one.verdicts().get(i);
      var b = three.verdicts().get(i);
      assertEquals(a.holds(), b.holds(), a.property());
      assertEquals(a.clause(), b.clause(), a.property());
      if (a.lasso() != null) {
        lassos++;
        assertEquals(Itf.write(Itf.fromTrace(m, a.lasso(), null)),
            Itf.write(Itf.fromTrace(m, b.lasso(), null)), a.property() + ": the same lasso");
      }
    }
    assertEquals(1, lassos, "SL-4 fails on small");
  }

  @Test
  void aSearchStoppedByMaxStates_givesNoVerdict_orARealLasso() {
    Model<SchedState, SchedAction> m = small();
    var r = run(m, ExploreConfig.builder().workers(2).maxStates(3_000).build());
    assertEquals(IncompleteReason.MAX_STATES, r.graph().incomplete());
    assertTrue(r.graph().expanded() < r.graph().size(), "a frontier is left unexpanded");
    for (var v : r.verdicts()) {
      assertTrue(v.vacuous().isEmpty(), "no vacuity claim on a partial graph");
      if (v.lasso() == null) {
        assertTrue(v.unknown(), v.property() + ": neither proved nor refuted");
      } else {
        // A lasso among expanded states is a real one: its states replay on the model.
        var steps = v.lasso().steps();
        for (int i = 1; i < steps.size(); i++) {
          assertTrue(m.enabledActions(steps.get(i - 1).state()).contains(steps.get(i).action()));
          assertEquals(steps.get(i).state(),
              m.next(steps.get(i - 1).state(), steps.get(i).action()));
        }
      }
    }
  }

  @Test
  void aCompleteSearch_reportsNoIncompleteness() {
    var r = run(small(), ExploreConfig.builder().workers(2).build());
    assertNull(r.graph().incomplete());
    assertEquals(r.graph().size(), r.graph().expanded());
    assertNotNull(r.verdicts());
  }

  @Test
  void theGraph_costsAFewBytesAState() {
    var g = run(small(), ExploreConfig.builder().workers(1).build()).graph();
    double perState = (double) g.bytes() / g.size();
    double edgesPerState = (double) g.edges() / g.size();
    // 4 bytes of offsets and 8 an edge, with growth slack of half; the predicates' bits.
    assertTrue(perState < 1.5 * (4 + 8 * edgesPerState) + 8,
        "graph arrays: " + perState + " bytes a state, " + edgesPerState + " edges a state");
  }
}
