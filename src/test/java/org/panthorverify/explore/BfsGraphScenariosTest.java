package org.panthorverify.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.panthorverify.core.Fingerprinter;
import org.panthorverify.core.Model;
import org.panthorverify.core.NondeterministicModelException;
import org.panthorverify.core.Property;
import org.panthorverify.core.PropertyKind;
import org.panthorverify.core.StateEncoder;
import org.panthorverify.explore.CheckResult.Verdict;
import org.panthorverify.testkit.GraphModel;
import org.panthorverify.testkit.GraphModel.Edge;
import org.panthorverify.testkit.GraphModel.Node;
import org.panthorverify.testkit.Traces;

/**
 * Targeted BFS scenarios on hand-drawn graphs: shortest counterexamples, the frontier order that
 * decides between violations of one level, and trace reconstruction. Each scenario runs with 1, 2
 * and 4 workers, which must agree.
 */
class BfsGraphScenariosTest {

  static CheckResult<Node, Edge> bfs(GraphModel g, int workers) {
    return Explorer.check(g, ExploreConfig.builder().workers(workers).build());
  }

  /** The partition of a node's fingerprint: the BFS frontier lists partitions in this order. */
  static int partition(GraphModel g, int node) {
    long fp = new Fingerprinter().fingerprint(g, new Node(node));
    return (int) (fp >>> (64 - ParallelBfs.PARTITION_BITS));
  }

  /** Two node numbers above 100 whose partitions compare as asked (-1, 0 or 1). */
  static int[] pairWithPartitionOrder(GraphModel g, int sign) {
    for (int a = 101; a < 5000; a++) {
      for (int b = a + 1; b < a + 200; b++) {
        if (Integer.signum(Integer.compare(partition(g, a), partition(g, b))) == sign) {
          return new int[] {a, b};
        }
      }
    }
    throw new AssertionError("no pair found");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void bfs_reportsTheShortestCounterexampleWhateverTheActionOrder(int workers) {
    // Three paths to the bad node 9, the shortest given neither first nor last.
    GraphModel g = GraphModel.builder().init(0)
        .path("a", 0, 1, 2, 3, 9)
        .path("b", 0, 4, 9)
        .path("c", 0, 5, 6, 7, 8, 9)
        .invariant("NotNine", n -> n != 9)
        .build();
    CheckResult<Node, Edge> r = bfs(g, workers);
    assertEquals(List.of(0, 4, 9), Traces.nodes(r.violations().get(0).trace()));
    assertEquals(List.of("b", "b"), Traces.labels(r.violations().get(0).trace()));
    assertEquals(3, r.stats().depth());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void bfs_reportsTheShortestCounterexampleFromAnyInitialState(int workers) {
    GraphModel g = GraphModel.builder().init(0, 10)
        .path("a", 0, 1, 2, 3, 9)
        .path("b", 10, 11, 9)
        .invariant("NotNine", n -> n != 9)
        .build();
    CheckResult<Node, Edge> r = bfs(g, workers);
    assertEquals(List.of(10, 11, 9), Traces.nodes(r.violations().get(0).trace()));
  }

  @Test
  void dfs_reportsTheFirstPathInActionOrderNotTheShortest() {
    GraphModel g = GraphModel.builder().init(0)
        .path("a", 0, 1, 2, 3, 9)
        .path("b", 0, 4, 9)
        .invariant("NotNine", n -> n != 9)
        .build();
    CheckResult<Node, Edge> r =
        Explorer.check(g, ExploreConfig.builder().strategy(Strategy.DFS).build());
    assertEquals(List.of(0, 1, 2, 3, 9), Traces.nodes(r.violations().get(0).trace()));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void bfs_reportsFirstViolationInFrontierOrder(int workers) {
    // Two bad children of the initial state, the one added first lying in the later partition:
    // the frontier lists partitions in order, so the other one is reported.
    GraphModel probe = GraphModel.builder().init(0).build();
    int[] pair = pairWithPartitionOrder(probe, 1);
    int late = pair[0];
    int early = pair[1];
    GraphModel g = GraphModel.builder().init(0)
        .edge(0, late, "toLate").edge(0, early, "toEarly")
        .invariant("Good", n -> n == 0)
        .build();
    assertTrue(partition(g, early) < partition(g, late));
    CheckResult<Node, Edge> r = bfs(g, workers);
    assertEquals(List.of(0, early), Traces.nodes(r.violations().get(0).trace()));

    // The same two states in the other insertion order: still the same one.
    GraphModel swapped = GraphModel.builder().init(0)
        .edge(0, early, "toEarly").edge(0, late, "toLate")
        .invariant("Good", n -> n == 0)
        .build();
    assertEquals(List.of(0, early),
        Traces.nodes(bfs(swapped, workers).violations().get(0).trace()));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void bfs_withinOnePartition_reportsTheStateGeneratedFirst(int workers) {
    GraphModel probe = GraphModel.builder().init(0).build();
    int[] pair = pairWithPartitionOrder(probe, 0);
    for (int[] order : new int[][] {{pair[0], pair[1]}, {pair[1], pair[0]}}) {
      GraphModel g = GraphModel.builder().init(0)
          .edge(0, order[0], "first").edge(0, order[1], "second")
          .invariant("Good", n -> n == 0)
          .build();
      assertEquals(List.of(0, order[0]),
          Traces.nodes(bfs(g, workers).violations().get(0).trace()));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void bfs_withContinue_ordersViolationsOfOneLevelByFrontierOrder(int workers) {
    GraphModel probe = GraphModel.builder().init(0).build();
    int[] pair = pairWithPartitionOrder(probe, 1);
    GraphModel g = GraphModel.builder().init(0)
        .edge(0, pair[0], "x").edge(0, pair[1], "y")
        .invariant("NotX", n -> n != pair[0])
        .invariant("NotY", n -> n != pair[1])
        .acceptEnd(n -> true)
        .build();
    CheckResult<Node, Edge> r = Explorer.check(g,
        ExploreConfig.builder().workers(workers).continueAfterViolation(true).build());
    // pair[1] comes first in the frontier, so NotY is found first although declared second.
    assertEquals(List.of("NotY", "NotX"),
        r.violations().stream().map(Violation::property).toList());
  }

  /**
   * In one level, a state that violates an invariant (a trace of L states) and a transition out of
   * an earlier state of the level to a bad successor outside the constraint (L + 1 states): the
   * shorter counterexample wins, wherever the states lie in the frontier.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void bfs_prefersAViolatingStateOverALongerTransitionInTheSameLevel(int workers) {
    GraphModel probe = GraphModel.builder().init(0).build();
    int[] pair = pairWithPartitionOrder(probe, -1);
    int p = pair[0];
    int r = pair[1];
    int q = 7;
    GraphModel g = GraphModel.builder().init(0)
        .edge(0, p, "toP").edge(0, r, "toR").edge(p, q, "toQ")
        .bound(n -> n != q)
        .invariant("NoBad", n -> n != q && n != r)
        .acceptEnd(n -> true)
        .build();
    assertTrue(partition(g, p) < partition(g, r), "p is expanded before r");
    CheckResult<Node, Edge> res = bfs(g, workers);
    assertEquals(List.of(0, r), Traces.nodes(res.violations().get(0).trace()));

    // The same with an action property on the transition out of p.
    GraphModel h = GraphModel.builder().init(0)
        .edge(0, p, "toP").edge(0, r, "toR").edge(p, q, "toQ")
        .actionProperty("NoQ", (from, label, to) -> to != q)
        .invariant("NotR", n -> n != r)
        .acceptEnd(n -> true)
        .build();
    CheckResult<Node, Edge> res2 = bfs(h, workers);
    assertEquals(List.of("NotR"), res2.violations().stream().map(Violation::property).toList());
    assertEquals(List.of(0, r), Traces.nodes(res2.violations().get(0).trace()));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void bfs_transitionViolationsOfOneLevel_reportTheFirstAction(int workers) {
    GraphModel g = GraphModel.builder().init(0)
        .edge(0, 1, "fine").edge(0, 2, "bad1").edge(0, 3, "bad2")
        .actionProperty("NoBad", (from, label, to) -> !label.startsWith("bad"))
        .acceptEnd(n -> true)
        .build();
    CheckResult<Node, Edge> r = bfs(g, workers);
    assertEquals(List.of("bad1"), Traces.labels(r.violations().get(0).trace()));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void bfs_witnessIsTheShortestTrace(int workers) {
    GraphModel g = GraphModel.builder().init(0)
        .path("a", 0, 1, 2, 3, 4, 5)
        .path("b", 0, 6, 7, 5)
        .reachable("SeesFive", n -> n == 5)
        .reachable("SeesZero", n -> n == 0)
        .acceptEnd(n -> true)
        .build();
    CheckResult<Node, Edge> r = bfs(g, workers);
    assertEquals(Verdict.PASSED, r.verdict());
    assertEquals(List.of(0, 6, 7, 5),
        Traces.nodes(AbstractExplorerContractTest.witness(r, "SeesFive").trace()));
    assertEquals(List.of(0),
        Traces.nodes(AbstractExplorerContractTest.witness(r, "SeesZero").trace()));
  }

  @Test
  void bfs_deadlockTraceEndsInTheDeadlockedState() {
    GraphModel g = GraphModel.builder().init(0).path("a", 0, 1, 2, 3).edge(1, 0, "back")
        .edge(3, 3, "spin").edge(2, 4, "c")
        .build();
    CheckResult<Node, Edge> r = bfs(g, 2);
    Violation<Node, Edge> v = r.violations().get(0);
    assertEquals(PropertyKind.DEADLOCK, v.kind());
    assertEquals(List.of(0, 1, 2, 4), Traces.nodes(v.trace()),
        "a state with only a self-loop is not a deadlock");
  }

  /**
   * A level of 3,000 states (three chunks) in which every state's action throws: the exception
   * reported is the one of the first state in frontier order, whatever the number of workers and
   * however the workers race.
   */
  @Test
  void bfs_modelExceptionInALargeLevel_isTheSameWhateverTheWorkers() {
    GraphModel.Builder b = GraphModel.builder().init(0);
    for (int i = 1; i <= 3000; i++) {
      b.edge(0, i, "to").edge(i, 0, "boom" + i).failOn("boom" + i);
    }
    GraphModel g = b.build();
    String first = assertThrows(org.panthorverify.core.ModelException.class,
        () -> bfs(g, 1)).action();
    java.util.Set<String> seen = new java.util.TreeSet<>();
    for (int run = 0; run < 8; run++) {
      for (int workers : new int[] {2, 3, 4}) {
        seen.add(assertThrows(org.panthorverify.core.ModelException.class,
            () -> bfs(g, workers)).action());
      }
    }
    assertEquals(java.util.Set.of(first), seen);
  }

  // ---------------------------------------------------------------- nondeterministic models

  /** Decides where the initial state's one action leads by a static counter: a model bug. */
  static final class StaticCounterModel implements Model<Node, Edge> {
    static final AtomicInteger CALLS = new AtomicInteger();

    @Override
    public String name() {
      return "static-counter";
    }

    @Override
    public List<String> variables() {
      return List.of("id");
    }

    @Override
    public List<Node> initialStates() {
      return List.of(new Node(0));
    }

    @Override
    public List<Edge> enabledActions(Node state) {
      if (state.id() != 0) {
        return List.of();
      }
      return List.of(new Edge("go", CALLS.getAndIncrement() == 0 ? 1 : 2));
    }

    @Override
    public Node next(Node state, Edge action) {
      return new Node(action.to());
    }

    @Override
    public List<Property<Node, Edge>> properties() {
      return List.of(Property.invariant("NotOne", "", n -> n.id() != 1));
    }

    @Override
    public void encode(Node state, StateEncoder out) {
      out.putInt(state.id());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void bfs_nondeterministicModel_isNamedWhileRebuildingTheTrace(int workers) {
    StaticCounterModel.CALLS.set(0);
    NondeterministicModelException e = assertThrows(NondeterministicModelException.class,
        () -> Explorer.check(new StaticCounterModel(),
            ExploreConfig.builder().workers(workers).build()));
    assertTrue(e.getMessage().contains("not deterministic"), e.getMessage());
    assertTrue(e.getMessage().contains("static-counter"), e.getMessage());
    assertTrue(e.getMessage().contains("go"), "lists the enabled actions: " + e.getMessage());
    assertTrue(StaticCounterModel.CALLS.get() >= 2, "the model was re-executed");
  }

  @Test
  void bfs_initialStatesThatChange_areNamedWhileRebuildingTheTrace() {
    AtomicInteger calls = new AtomicInteger();
    GraphModel base = GraphModel.builder().init(0).edge(0, 1, "a").build();
    Model<Node, Edge> shifting = new Model<>() {
      @Override
      public String name() {
        return "shifting";
      }

      @Override
      public List<String> variables() {
        return base.variables();
      }

      @Override
      public List<Node> initialStates() {
        return List.of(new Node(calls.getAndIncrement() == 0 ? 0 : 5));
      }

      @Override
      public List<Edge> enabledActions(Node state) {
        return base.enabledActions(state);
      }

      @Override
      public Node next(Node state, Edge action) {
        return base.next(state, action);
      }

      @Override
      public List<Property<Node, Edge>> properties() {
        return List.of(Property.invariant("NotOne", "", n -> n.id() != 1));
      }
    };
    NondeterministicModelException e = assertThrows(NondeterministicModelException.class,
        () -> Explorer.check(shifting, ExploreConfig.builder().workers(1).build()));
    assertTrue(e.getMessage().contains("initialStates()"), e.getMessage());
  }

  @Test
  void dfs_nondeterministicModel_stillReportsTheStackItWalked() {
    // DFS keeps its stack and re-executes nothing: the trace is the path it took.
    StaticCounterModel.CALLS.set(0);
    CheckResult<Node, Edge> r = Explorer.check(new StaticCounterModel(),
        ExploreConfig.builder().strategy(Strategy.DFS).build());
    assertEquals(List.of(0, 1), Traces.nodes(r.violations().get(0).trace()));
  }

  // ---------------------------------------------------------------- stats

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void bfs_statsCountInitialStatesAsGeneratedLikeTlc(int workers) {
    // 0 -> 1, 0 -> 2, 1 -> 2, 2 -> 2: 1 initial + 4 successors generated, 3 distinct, depth 2.
    GraphModel g = GraphModel.builder().init(0)
        .edge(0, 1, "a").edge(0, 2, "b").edge(1, 2, "c").edge(2, 2, "loop")
        .build();
    CheckResult<Node, Edge> r = bfs(g, workers);
    assertEquals(Verdict.PASSED, r.verdict());
    assertEquals(5, r.stats().generated());
    assertEquals(3, r.stats().distinct());
    assertEquals(2, r.stats().depth());
    assertEquals(0, r.stats().queue());
    assertEquals(workers, r.stats().workers());
  }

  @Test
  void bfs_progressListener_hearsOfTheViolation() {
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    ProgressListener listener = new ProgressListener() {
      @Override
      public void violation(String property, int depth) {
        seen.add(property + "@" + depth);
      }
    };
    GraphModel g = GraphModel.builder().init(0).path("a", 0, 1, 2)
        .invariant("NotTwo", n -> n != 2).build();
    Explorer.check(g, ExploreConfig.builder().workers(2).build(), listener, new RunControl());
    assertEquals(List.of("NotTwo@3"), seen);
  }

  @Test
  void bfs_progressListener_receivesSnapshotsThatNeverGoBack() {
    List<ExploreStats> snapshots = new java.util.concurrent.CopyOnWriteArrayList<>();
    ProgressListener listener = new ProgressListener() {
      @Override
      public void progress(ExploreStats snapshot) {
        snapshots.add(snapshot);
      }
    };
    CheckResult<org.panthorverify.testkit.CounterModel.Count,
        org.panthorverify.testkit.CounterModel.Step> r = Explorer.check(
            new org.panthorverify.testkit.CounterModel(),
            ExploreConfig.builder().workers(2).progressMillis(50)
                .timeLimit(java.time.Duration.ofMillis(600)).build(),
            listener, new RunControl());
    assertEquals(IncompleteReason.TIME_LIMIT, r.incomplete());
    assertTrue(snapshots.size() >= 2, "snapshots: " + snapshots.size());
    for (int i = 1; i < snapshots.size(); i++) {
      assertTrue(snapshots.get(i).distinct() >= snapshots.get(i - 1).distinct());
      assertTrue(snapshots.get(i).generated() >= snapshots.get(i - 1).generated());
    }
    assertTrue(snapshots.get(snapshots.size() - 1).distinct() <= r.stats().distinct());
  }
}
