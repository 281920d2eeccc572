package org.panthorverify.explore.liveness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link LeadsToChecker} on hand-drawn graphs. Families: A = bit 0, B = bit 1. */
class LeadsToCheckerTest {
  private static final long A = 1;
  private static final long B = 2;

  private static BitSet set(int... nodes) {
    BitSet b = new BitSet();
    for (int v : nodes) {
      b.set(v);
    }
    return b;
  }

  /**
   * 0 -A-> 1 -A-> 2 -A-> 1, and 2 -B-> 3 (the goal). B is enabled only in 2. The cycle 1-2 avoids
   * the goal forever: a counterexample under weak fairness of A and B (B is not continuously
   * enabled), which a checker that only looks at paths ending in a goal-free dead end misses.
   */
  private static LivenessGraph lollipop() {
    LivenessGraph.Builder b = new LivenessGraph.Builder(1);
    b.node(A).edge(1, A);
    b.node(A).edge(2, A);
    b.node(A | B).edge(1, A).edge(3, B);
    b.node(0);
    return b.build();
  }

  @Test
  void aCycleThatNeverReachesTheGoal_isFound() {
    Optional<LeadsToChecker.Lasso> r =
        LeadsToChecker.check(lollipop(), set(0), set(3), A | B, 0);
    assertTrue(r.isPresent());
    LeadsToChecker.Lasso l = r.get();
    assertEquals(0, l.prefix()[0], "starts in the only P state");
    assertEquals(l.prefix()[l.prefix().length - 1], l.cycle()[0], "the prefix leads to the loop");
    assertEquals(l.cycle()[0], l.cycle()[l.cycle().length - 1], "a cycle");
    assertTrue(List.of(1, 2).containsAll(
        java.util.Arrays.stream(l.cycle()).boxed().toList()), "stays in 1 and 2");
    assertEquals(l.cycle().length - 1, l.cycleEdges().length);
    assertFalse(java.util.Arrays.stream(l.cycleEdges()).anyMatch(e -> e < 0),
        "no stuttering: A is weakly fair and enabled everywhere");
  }

  @Test
  void strongFairness_ofTheFamilyThatReachesTheGoal_removesTheCounterexample() {
    assertTrue(LeadsToChecker.check(lollipop(), set(0), set(3), A, B).isEmpty(),
        "B is enabled infinitely often on the cycle, so SF(B) forces 2 -B-> 3");
  }

  @Test
  void withoutFairness_stutteringInTheFirstState_isACounterexample() {
    LeadsToChecker.Lasso l =
        LeadsToChecker.check(lollipop(), set(0), set(3), 0, 0).orElseThrow();
    assertArrayEquals(new int[] {0}, l.prefix());
    assertArrayEquals(new int[] {0, 0}, l.cycle());
    assertArrayEquals(new int[] {-1}, l.cycleEdges(), "a stuttering step");
  }

  /**
   * 0 -A-> 1 -A-> 0, and both 0 and 1 have a B edge to 2 (the goal). The A cycle is unfair under
   * WF(B): B is enabled in every state of it and never taken.
   */
  @Test
  void anUnfairCycle_isNotReported() {
    LivenessGraph.Builder b = new LivenessGraph.Builder(1);
    b.node(A | B).edge(1, A).edge(2, B);
    b.node(A | B).edge(0, A).edge(2, B);
    b.node(0);
    LivenessGraph g = b.build();
    assertTrue(LeadsToChecker.check(g, set(0), set(2), A | B, 0).isEmpty());
    assertTrue(LeadsToChecker.check(g, set(0), set(2), A, 0).isPresent(),
        "but it is a counterexample when only A is fair");
  }

  /** A goal that every path reaches holds; a P state that is unreachable is no counterexample. */
  @Test
  void holdsWhenEveryFairPathReachesTheGoal_andIgnoresUnreachableStates() {
    LivenessGraph.Builder b = new LivenessGraph.Builder(1);
    b.node(A).edge(1, A);
    b.node(A).edge(2, A);
    b.node(0);
    b.node(A).edge(3, A); // unreachable, loops without the goal
    LivenessGraph g = b.build();
    assertTrue(LeadsToChecker.check(g, set(0, 3), set(2), A, 0).isEmpty());
  }

  @Test
  void theLasso_isShortest_andItsWitnessesSatisfyFairness() {
    // 0 -A-> 1 -A-> 2 -A-> 3 -A-> 1 (cycle 1,2,3), 3 -B-> 4 goal; B enabled in 3 only.
    LivenessGraph.Builder b = new LivenessGraph.Builder(1);
    b.node(A).edge(1, A);
    b.node(A).edge(2, A);
    b.node(A).edge(3, A);
    b.node(A | B).edge(1, A).edge(4, B);
    b.node(0);
    LeadsToChecker.Lasso l =
        LeadsToChecker.check(b.build(), set(1), set(4), A | B, 0).orElseThrow();
    assertArrayEquals(new int[] {0, 1}, l.prefix(), "the shortest way to the P state");
    assertArrayEquals(new int[] {1, 2, 3, 1}, l.cycle());
  }

  @Test
  void sccs_ofALongChain_doNotOverflowTheStack() {
    int n = 200_000;
    LivenessGraph.Builder b = new LivenessGraph.Builder(1);
    for (int v = 0; v < n; v++) {
      b.node(A).edge((v + 1) % n, A);
    }
    LivenessGraph g = b.build();
    int[] all = java.util.stream.IntStream.range(0, n).toArray();
    LeadsToChecker.Components c = new LeadsToChecker.Components(g, A, 0);
    c.split(all);
    assertEquals(1, c.fairCount, "one big cycle, fair: A is taken on it");
    assertTrue(java.util.Arrays.stream(c.fairComponent).allMatch(id -> id == 0));
    assertTrue(LeadsToChecker.check(g, set(0), new BitSet(), A, 0).isPresent());
  }

  /** A graph of which only the first {@code expanded} nodes have their successors. */
  private static LivenessGraph partial(LivenessGraph g, int expanded) {
    int n = g.size();
    int[] offsets = new int[n + 1];
    java.util.List<Integer> targets = new java.util.ArrayList<>();
    java.util.List<Long> families = new java.util.ArrayList<>();
    long[] enabled = new long[n];
    for (int v = 0; v < n; v++) {
      offsets[v] = targets.size();
      enabled[v] = g.enabled(v);
      for (int e = g.edgeStart(v); e < g.edgeEnd(v); e++) {
        targets.add(g.target(e));
        families.add(g.edgeFamilies(e));
      }
    }
    offsets[n] = targets.size();
    int[] labels = java.util.stream.IntStream.range(0, targets.size()).toArray();
    return new LivenessGraph(n, g.initialCount(), expanded, offsets,
        targets.stream().mapToInt(Integer::intValue).toArray(), labels,
        families.stream().mapToLong(Long::longValue).toArray(), enabled);
  }

  @Test
  void aPartialGraph_neverEndsALassoInANodeWhoseSuccessorsAreUnknown() {
    // 0 -A-> 1; node 1 has no successors. Complete: stuttering in 1 (nothing enabled) is fair and
    // never reaches Q. With only node 0 expanded, node 1 may well have successors: no verdict.
    LivenessGraph.Builder b = new LivenessGraph.Builder(1);
    b.node(A).edge(1, A);
    b.node(0);
    LivenessGraph complete = b.build();
    assertTrue(LeadsToChecker.check(complete, set(0), new BitSet(), A, 0).isPresent());
    assertTrue(LeadsToChecker.check(partial(complete, 1), set(0), new BitSet(), A, 0).isEmpty(),
        "node 1 is not expanded");
  }

  @Test
  void aPartialGraph_stillYieldsAFairCycleAmongExpandedNodes() {
    // 0 -A-> 1 -A-> 0, and 1 -B-> 2 (not expanded). B is only enabled in 1: with B weakly fair the
    // cycle 0,1 is fair (B is disabled in 0); with B strongly fair it is not.
    LivenessGraph.Builder b = new LivenessGraph.Builder(1);
    b.node(A).edge(1, A);
    b.node(A | B).edge(0, A).edge(2, B);
    b.node(0);
    LivenessGraph g = partial(b.build(), 2);
    LeadsToChecker.Lasso l = LeadsToChecker.check(g, set(0), set(2), A, 0).orElseThrow();
    assertArrayEquals(new int[] {0, 1, 0}, l.cycle());
    assertTrue(LeadsToChecker.check(g, set(0), set(2), A | B, 0).isPresent(), "B weakly fair");
    assertTrue(LeadsToChecker.check(g, set(0), set(2), A, B).isEmpty(),
        "B strongly fair: the only escape is to the goal");
  }
}
