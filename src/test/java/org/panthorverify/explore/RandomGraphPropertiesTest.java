package org.panthorverify.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.constraints.IntRange;
import org.panthorverify.core.PropertyKind;
import org.panthorverify.explore.CheckResult.Verdict;
import org.panthorverify.testkit.GraphModel;
import org.panthorverify.testkit.GraphModel.Edge;
import org.panthorverify.testkit.GraphModel.Node;
import org.panthorverify.testkit.Traces;

/**
 * Properties of the engines on random graphs of up to 60 nodes with random edges, bad nodes,
 * state constraints, accepted ends and reachability targets, checked against each other and
 * against a plain BFS over the graph written here.
 */
class RandomGraphPropertiesTest {
  private static final int TRIES = 120;

  /**
   * A random graph. Node 0 is always initial, {@code secondInit} too when it is not -1; initial
   * nodes are never outside the bounds.
   */
  record GraphSpec(int size, List<List<Integer>> edges, Set<Integer> bad, Set<Integer> outside,
      Set<Integer> ends, int secondInit, int target, boolean packed) {

    GraphSpec {
      outside = new TreeSet<>(outside);
      outside.remove(0);
      outside.remove(secondInit);
    }

    List<Integer> inits() {
      return secondInit < 0 || secondInit == 0 ? List.of(0) : List.of(0, secondInit);
    }

    /** The model; {@code full} adds an action property and a reachability target. */
    GraphModel model(boolean full) {
      GraphModel.Builder b = GraphModel.builder();
      inits().forEach(b::init);
      for (int k = 0; k < edges.size(); k++) {
        b.edge(edges.get(k).get(0), edges.get(k).get(1), "e" + k);
      }
      b.invariant("NoBad", n -> !bad.contains(n));
      if (full) {
        b.actionProperty("NoDescentToTarget", (from, label, to) -> !(to == target && from > to));
        b.reachable("SeesTarget", n -> n == target);
      }
      return b.bound(n -> !outside.contains(n)).acceptEnd(ends::contains).packed(packed).build();
    }
  }

  /**
   * Graphs of 2 to 60 nodes: a random spanning tree from node 0 (each node {@code i > 0} gets an
   * edge from a random node below it), so that most of the graph is reachable, and up to {@code 2n}
   * random extra edges (back edges, cycles, self-loops, parallel edges), listed before or after the
   * tree's edges.
   */
  @Provide
  Arbitrary<GraphSpec> graphs() {
    return Arbitraries.integers().between(2, 60).flatMap(n -> {
      Arbitrary<Integer> node = Arbitraries.integers().between(0, n - 1);
      Arbitrary<List<Integer>> parents =
          Arbitraries.integers().between(0, 1 << 20).list().ofSize(n - 1);
      Arbitrary<List<List<Integer>>> extra = Combinators.combine(node, node).as(List::of).list()
          .ofMaxSize(2 * n).withSizeDistribution(RandomDistribution.uniform());
      Arbitrary<Boolean> treeFirst = Arbitraries.of(true, false);
      Arbitrary<List<List<Integer>>> edges =
          Combinators.combine(parents, extra, treeFirst).as((ps, ex, first) -> {
            List<List<Integer>> tree = new ArrayList<>();
            for (int i = 1; i < n; i++) {
              tree.add(List.of(ps.get(i - 1) % i, i));
            }
            List<List<Integer>> all = new ArrayList<>(first ? tree : ex);
            all.addAll(first ? ex : tree);
            return all;
          });
      Arbitrary<Set<Integer>> bad = node.set().ofMaxSize(3);
      Arbitrary<Set<Integer>> outside = node.set().ofMaxSize(Math.max(1, n / 5));
      Arbitrary<Set<Integer>> ends = node.set().ofMaxSize(n);
      Arbitrary<Integer> secondInit = Arbitraries.integers().between(-1, n - 1);
      Arbitrary<Boolean> packed = Arbitraries.of(true, false);
      return Combinators.combine(edges, bad, outside, ends, secondInit, node, packed)
          .as((e, b, o, en, si, t, p) -> new GraphSpec(n, e, b, o, en, si, t, p));
    });
  }

  // ---------------------------------------------------------------- the oracle

  /** What a plain BFS over the graph says the engines must find. */
  static final class Oracle {
    /** Distance from the nearest initial node of every node met: kept, or checked and dropped. */
    final Map<Integer, Integer> dist = new HashMap<>();
    /** The states an engine keeps: initial nodes and nodes met inside the bounds. */
    final Set<Integer> kept = new LinkedHashSet<>();
    long generated;
    final Set<String> violated = new TreeSet<>();
    /** States in a shortest counterexample of NoBad, or -1 if no bad node is met. */
    int shortestBad = -1;

    Oracle(GraphSpec g, GraphModel m, boolean full, boolean deadlock) {
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      for (int i : m.initialNodes()) {
        dist.put(i, 0);
        kept.add(i);
        queue.add(i);
        generated++;
      }
      while (!queue.isEmpty()) {
        int n = queue.poll();
        if (!m.inBounds(n)) {
          continue;
        }
        List<Edge> out = m.edgesFrom(n);
        generated += out.size();
        if (out.isEmpty() && deadlock && !m.acceptsEnd(n)) {
          violated.add(PropertyKind.DEADLOCK_NAME);
        }
        for (Edge e : out) {
          if (full && e.to() == g.target() && n > e.to()) {
            violated.add("NoDescentToTarget");
          }
          if (!dist.containsKey(e.to())) {
            dist.put(e.to(), dist.get(n) + 1);
            if (m.inBounds(e.to())) {
              kept.add(e.to());
              queue.add(e.to());
            }
          }
        }
      }
      for (int b : g.bad()) {
        if (dist.containsKey(b)) {
          violated.add("NoBad");
          int len = dist.get(b) + 1;
          shortestBad = shortestBad < 0 ? len : Math.min(shortestBad, len);
        }
      }
      if (full && !kept.contains(g.target())) {
        violated.add("SeesTarget");
      }
    }
  }

  static CheckResult<Node, Edge> run(GraphModel m, Strategy strategy, int workers,
      boolean continueAfterViolation, boolean deadlock) {
    return Explorer.check(m, ExploreConfig.builder().strategy(strategy).workers(workers)
        .continueAfterViolation(continueAfterViolation).checkDeadlock(deadlock)
        .walks(40, 30).seed(7).build());
  }

  static Set<String> violated(CheckResult<?, ?> r) {
    return r.violations().stream().map(Violation::property).collect(Collectors.toSet());
  }

  static Set<String> witnessed(CheckResult<?, ?> r) {
    return r.witnesses().stream().map(Witness::property).collect(Collectors.toSet());
  }

  // ---------------------------------------------------------------- properties

  @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
  void bfsOneWorker_bfsThreeWorkers_andDfs_agreeWithAPlainBfs(
      @ForAll("graphs") GraphSpec g, @ForAll boolean deadlock) {
    GraphModel m = g.model(true);
    Oracle o = new Oracle(g, m, true, deadlock);
    for (boolean cont : new boolean[] {true, false}) {
      CheckResult<Node, Edge> one = run(m, Strategy.BFS, 1, cont, deadlock);
      CheckResult<Node, Edge> three = run(m, Strategy.BFS, 3, cont, deadlock);
      CheckResult<Node, Edge> dfs = run(m, Strategy.DFS, 1, cont, deadlock);
      Verdict expected = o.violated.isEmpty() ? Verdict.PASSED : Verdict.VIOLATED;
      for (CheckResult<Node, Edge> r : List.of(one, three, dfs)) {
        assertEquals(expected, r.verdict(), "verdict, continue=" + cont);
        assertNull(r.incomplete());
        if (cont) {
          assertEquals(o.kept.size(), r.stats().distinct(), "distinct states");
          assertEquals(o.generated, r.stats().generated(), "generated states");
          assertEquals(o.violated, violated(r), "violated properties");
          assertEquals(o.kept.contains(g.target()) ? Set.of("SeesTarget") : Set.of(),
              witnessed(r));
        } else {
          assertEquals(expected == Verdict.VIOLATED ? 1 : 0, r.violations().size(),
              "one violation without --continue: " + r.violations());
          assertTrue(o.violated.containsAll(violated(r)));
        }
      }
    }
  }

  /**
   * Under a depth bound both engines keep exactly the states within it, and report the bound as
   * the reason the search is incomplete exactly when a state beyond it was left unexplored.
   */
  @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
  void bfsAndDfs_agreeUnderADepthBound(@ForAll("graphs") GraphSpec g,
      @ForAll @IntRange(min = 1, max = 8) int maxDepth) {
    GraphModel m = g.model(true);
    Oracle o = new Oracle(g, m, true, true);
    long within = o.kept.stream().filter(n -> o.dist.get(n) < maxDepth).count();
    boolean cutOff = o.kept.stream().anyMatch(n -> o.dist.get(n) == maxDepth);
    ExploreConfig.Builder b =
        ExploreConfig.builder().continueAfterViolation(true).maxDepth(maxDepth);
    CheckResult<Node, Edge> bfs = Explorer.check(m, b.workers(2).build());
    CheckResult<Node, Edge> dfs = Explorer.check(m, b.strategy(Strategy.DFS).build());
    for (CheckResult<Node, Edge> r : List.of(bfs, dfs)) {
      assertEquals(within, r.stats().distinct(), "states within the bound");
      assertEquals(cutOff ? IncompleteReason.MAX_DEPTH : null, r.incomplete());
    }
    assertEquals(violated(bfs), violated(dfs));
    assertEquals(witnessed(bfs), witnessed(dfs));
  }

  @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
  void bfsWithOneOrManyWorkers_givesIdenticalTracesAndStats(
      @ForAll("graphs") GraphSpec g, @ForAll boolean cont, @ForAll boolean deadlock) {
    GraphModel m = g.model(true);
    CheckResult<Node, Edge> one = run(m, Strategy.BFS, 1, cont, deadlock);
    for (int workers : new int[] {2, 3}) {
      CheckResult<Node, Edge> many = run(m, Strategy.BFS, workers, cont, deadlock);
      assertEquals(one.violations(), many.violations(), "violations and their traces");
      assertEquals(one.witnesses(), many.witnesses(), "witnesses and their traces");
      assertEquals(one.incomplete(), many.incomplete());
      assertEquals(one.stats().generated(), many.stats().generated());
      assertEquals(one.stats().distinct(), many.stats().distinct());
      assertEquals(one.stats().depth(), many.stats().depth());
      assertEquals(one.stats().queue(), many.stats().queue());
      assertEquals(one.coverage(), many.coverage());
    }
  }

  @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
  void bfsCounterexample_isAsShortAsTheTrueDistance(@ForAll("graphs") GraphSpec g) {
    GraphModel m = g.model(false);
    Oracle o = new Oracle(g, m, false, false);
    CheckResult<Node, Edge> r = run(m, Strategy.BFS, 2, false, false);
    if (o.shortestBad < 0) {
      assertEquals(Verdict.PASSED, r.verdict());
    } else {
      assertEquals(Verdict.VIOLATED, r.verdict());
      Violation<Node, Edge> v = r.violations().get(0);
      assertEquals("NoBad", v.property());
      assertEquals(o.shortestBad, v.trace().length(), "shortest distance to a bad node");
      assertTrue(g.bad().contains(v.trace().last().id()));
    }
  }

  @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
  void witnessesOfBfs_areShortest(@ForAll("graphs") GraphSpec g) {
    GraphModel m = g.model(true);
    Oracle o = new Oracle(g, m, true, false);
    CheckResult<Node, Edge> r = run(m, Strategy.BFS, 2, true, false);
    if (o.kept.contains(g.target())) {
      Witness<Node, Edge> w = r.witnesses().get(0);
      assertEquals(o.dist.get(g.target()) + 1, w.trace().length());
    } else {
      assertEquals(List.of(), r.witnesses());
    }
  }

  @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
  void everyEmittedTrace_replaysOnTheModel(@ForAll("graphs") GraphSpec g,
      @ForAll boolean cont) {
    GraphModel m = g.model(true);
    List<CheckResult<Node, Edge>> results = new ArrayList<>();
    results.add(run(m, Strategy.BFS, 1, cont, true));
    results.add(run(m, Strategy.BFS, 3, cont, true));
    results.add(run(m, Strategy.DFS, 1, cont, true));
    results.add(run(m, Strategy.RANDOM, 2, cont, true));
    for (CheckResult<Node, Edge> r : results) {
      for (Violation<Node, Edge> v : r.violations()) {
        if (v.kind() == PropertyKind.REACHABLE) {
          assertNull(v.trace());
          continue;
        }
        assertNotNull(v.trace(), v.property());
        Traces.assertReplays(m, v.trace());
        int last = v.trace().last().id();
        switch (v.property()) {
          case "NoBad" -> assertTrue(g.bad().contains(last));
          case "Deadlock" -> {
            assertEquals(List.of(), m.edgesFrom(last));
            assertTrue(!m.acceptsEnd(last) && m.inBounds(last));
          }
          case "NoDescentToTarget" -> {
            int before = v.trace().steps().get(v.trace().length() - 2).state().id();
            assertTrue(last == g.target() && before > last);
          }
          default -> throw new AssertionError("unexpected violation " + v.property());
        }
      }
      for (Witness<Node, Edge> w : r.witnesses()) {
        Traces.assertReplays(m, w.trace());
        assertEquals(g.target(), w.trace().last().id());
      }
    }
  }
}
