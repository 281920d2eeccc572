package org.panthorverify.models.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.panthorverify.core.Property;
import org.panthorverify.explore.CheckResult;
import org.panthorverify.explore.ExploreConfig;
import org.panthorverify.explore.Explorer;
import org.panthorverify.registry.ModelRegistry;

/**
 * Symmetry reduction of the scheduler is sound: renaming interchangeable groups (same band, same
 * VM) is an automorphism of the reachable state graph that no property can see, and the
 * reduced search visits exactly one state per orbit. Checked on the full graphs of {@code small}
 * (two RT-free groups, one VM) with each feature switched on in turn, so that every per-group variable is renamed.
 */
class SchedSymmetryTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "groups=2,rt=0,destroy=1", "groups=2,rt=0,timeouts=1",
      "groups=2,rt=0,syncwait=1", "groups=2,rt=0,jobtimeouts=1", "groups=2,rt=0,faults=1,corrupt=1",
      "groups=2,rt=0,oom=1", "groups=2,rt=0,create=1,destroy=1",
      "groups=2,rt=0,slots=2,timeouts=1", "groups=2,rt=0,slots=2,vmbind=1",
      "groups=2,rt=0,slots=2,suspend=1,moves=1", "groups=2,rt=0,queues=2"})
  void renamingIsAnAutomorphismAndTheReductionCountsOrbits(String sets) {
    List<String> overrides = sets.isEmpty() ? List.of() : List.of(sets.split(","));
    SchedModel full = model(overrides, false);
    SchedModel sym = model(overrides, true);
    List<int[]> renamings = SchedModel.renamings(sym.config());
    assertTrue(!renamings.isEmpty(), "two MEDIUM groups on one VM are interchangeable");

    int slots = full.config().slots();
    int groups = full.config().groups();
    // The initial state lists the groups in creation order, so its renamings differ from it:
    // the graph that renaming maps onto itself is the one reachable from all of them (its
    // orbits are those of the states reachable from the initial state alone).
    Set<SchedState> inits = new LinkedHashSet<>(full.initialStates());
    for (int[] pi : renamings) {
      for (SchedState s : full.initialStates()) {
        inits.add(s.permuted(pi, slots, groups, full.config().queues()));
      }
    }
    Set<SchedState> reachable = reach(full, inits);
    Set<SchedState> orbits = new HashSet<>();
    for (SchedState s : reachable) {
      orbits.add(sym.canonical(s));
      Set<SchedState> succ = successors(full, s);
      for (int[] pi : renamings) {
        SchedState t = s.permuted(pi, slots, groups, full.config().queues());
        assertTrue(reachable.contains(t), "a renamed reachable state is reachable");
        Set<SchedState> renamedSucc = new LinkedHashSet<>();
        for (SchedState u : succ) {
          renamedSucc.add(u.permuted(pi, slots, groups, full.config().queues()));
        }
        assertEquals(renamedSucc, successors(full, t), "renaming commutes with every step");
        for (Property<SchedState, SchedAction> p : full.properties()) {
          if (p instanceof Property.Invariant<SchedState, SchedAction> inv) {
            assertEquals(inv.holds().test(s), inv.holds().test(t), p.name() + " is symmetric");
          } else if (p instanceof Property.Reachable<SchedState, SchedAction> r) {
            assertEquals(r.target().test(s), r.target().test(t), p.name() + " is symmetric");
          }
        }
      }
    }
    CheckResult<SchedState, SchedAction> reduced =
        Explorer.check(sym, ExploreConfig.builder().workers(2).build());
    assertEquals(orbits.size(), reduced.stats().distinct(),
        "the reduced search keeps one state per orbit");
    assertTrue(orbits.size() < reachable.size(), "the reduction reduces");
  }

  private static SchedModel model(List<String> overrides, boolean symmetry) {
    List<String> o = new java.util.ArrayList<>(overrides);
    o.add("symmetry=" + (symmetry ? 1 : 0));
    return (SchedModel) ModelRegistry.standard().get("scheduler").resolve("small", o, null)
        .create();
  }

  private static Set<SchedState> successors(SchedModel m, SchedState s) {
    Set<SchedState> out = new LinkedHashSet<>();
    for (SchedAction a : m.enabledActions(s)) {
      out.add(m.next(s, a));
    }
    return out;
  }

  private static Set<SchedState> reach(SchedModel m, Set<SchedState> inits) {
    Set<SchedState> seen = new HashSet<>(inits);
    ArrayDeque<SchedState> queue = new ArrayDeque<>(seen);
    while (!queue.isEmpty()) {
      for (SchedState t : successors(m, queue.poll())) {
        if (seen.add(t)) {
          queue.add(t);
        }
      }
    }
    return seen;
  }
}
