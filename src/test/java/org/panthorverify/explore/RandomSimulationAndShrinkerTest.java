package org.panthorverify.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.panthorverify.core.Action;
import org.panthorverify.core.Model;
import org.panthorverify.core.PropertyKind;
import org.panthorverify.core.Step;
import org.panthorverify.core.Trace;
import org.panthorverify.explore.CheckResult.Verdict;
import org.panthorverify.models.testkit.DieHardModel;
import org.panthorverify.models.testkit.PhilosophersModel;
import org.panthorverify.models.testkit.TwoPhaseModel;
import org.panthorverify.testkit.CounterModel;
import org.panthorverify.testkit.GraphModel;
import org.panthorverify.testkit.GraphModel.Edge;
import org.panthorverify.testkit.GraphModel.Node;
import org.panthorverify.testkit.Traces;

/** Random simulation ({@link Strategy#RANDOM}) and the {@link Shrinker} behind its traces. */
class RandomSimulationAndShrinkerTest {

  static ExploreConfig.Builder sim(long seed) {
    return ExploreConfig.builder().strategy(Strategy.RANDOM).seed(seed).workers(2);
  }

  /** A random walk from the first initial state until {@code bad} holds, at most 20,000 steps. */
  static <S, A extends Action> Trace<S, A> walkUntil(Model<S, A> model, long seed,
      java.util.function.Predicate<S> bad) {
    Random rnd = new Random(seed);
    S s = model.initialStates().get(0);
    List<Step<S, A>> steps = new ArrayList<>();
    steps.add(new Step<>(null, s));
    while (!bad.test(s)) {
      List<A> enabled = model.enabledActions(s);
      assertTrue(steps.size() < 20_000 && !enabled.isEmpty(), "the walk got stuck");
      A a = enabled.get(rnd.nextInt(enabled.size()));
      s = model.next(s, a);
      steps.add(new Step<>(a, s));
    }
    return new Trace<>(steps);
  }

  static <S, A extends Action> List<A> actions(Trace<S, A> t) {
    List<A> out = new ArrayList<>();
    for (int i = 1; i < t.length(); i++) {
      out.add(t.steps().get(i).action());
    }
    return out;
  }

  /** Removing any single action from {@code t} loses the violation of property {@code index}. */
  static <S, A extends Action> void assertOneMinimal(Shrinker<S, A> shrinker, Trace<S, A> t,
      int index) {
    List<A> actions = actions(t);
    for (int i = 0; i < actions.size(); i++) {
      List<A> fewer = new ArrayList<>(actions);
      fewer.remove(i);
      assertNull(shrinker.replay(t.steps().get(0).state(), fewer, index),
          "still violates without action " + i + " of " + actions);
    }
  }

  /**
   * A ladder of 25 rungs with backward, sideways and self edges: node {@code i} goes up to {@code
   * i + 1} (by two edges, so that walks drift upwards), back to {@code i - 1}, to its side node
   * {@code 100 + i} (which only leads back) and to itself. Node 25 is bad, 25 steps from the start.
   */
  static GraphModel ladder() {
    GraphModel.Builder b = GraphModel.builder().init(0);
    for (int i = 0; i < 25; i++) {
      b.edge(i, i + 1, "up").edge(i, i + 1, "climb");
      if (i > 0) {
        b.edge(i, i - 1, "down");
      }
      b.edge(i, 100 + i, "aside").edge(100 + i, i, "back").edge(i, i, "stay");
    }
    return b.invariant("NotTop", n -> n != 25).acceptEnd(n -> true).build();
  }

  // ---------------------------------------------------------------- the shrinker

  @Test
  void shrinker_onALongRandomWalkInAGraph_returnsAShorterTraceThatStillViolates() {
    GraphModel g = ladder();
    Shrinker<Node, Edge> shrinker =
        new Shrinker<>(g, new PropertySet<>(g, ExploreConfig.defaults()));
    for (long seed = 1; seed <= 5; seed++) {
      Trace<Node, Edge> walk = walkUntil(g, seed, n -> n.id() == 25);
      assertTrue(walk.length() > 60, "the walk wanders: " + walk.length());
      Trace<Node, Edge> shrunk = shrinker.shrink(walk, 0);
      assertTrue(shrunk.length() <= walk.length());
      assertTrue(shrunk.length() < walk.length(), "detours are removed");
      assertEquals(25, shrunk.last().id(), "still ends in the bad node");
      assertTrue(shrunk.length() >= 26, "no shorter than the true distance");
      Traces.assertReplays(g, shrunk);
      assertEquals(shrunk.steps().get(0), walk.steps().get(0), "same initial state");
      assertOneMinimal(shrinker, shrunk, 0);
    }
  }

  @Test
  void shrinker_onDieHardRandomWalks_keepsTheViolationAndEveryStepEnabled() {
    DieHardModel model = new DieHardModel();
    PropertySet<DieHardModel.Jugs, DieHardModel.JugAction> props =
        new PropertySet<>(model, ExploreConfig.defaults());
    int notSolved = 1;
    assertEquals("NotSolved", props.name(notSolved));
    Shrinker<DieHardModel.Jugs, DieHardModel.JugAction> shrinker = new Shrinker<>(model, props);
    // Random pours seldom measure 4 gallons: these walks take 700 to 1,400 pours.
    for (long seed : new long[] {3, 9, 10}) {
      Trace<DieHardModel.Jugs, DieHardModel.JugAction> walk =
          walkUntil(model, seed, j -> j.big() == 4);
      assertTrue(walk.length() > 500, "a long walk: " + walk.length());
      Trace<DieHardModel.Jugs, DieHardModel.JugAction> shrunk = shrinker.shrink(walk, notSolved);
      assertTrue(shrunk.length() <= walk.length());
      assertTrue(shrunk.length() < 30, "shrunk to a handful of pours: " + shrunk.length());
      assertEquals(4, shrunk.last().big());
      assertTrue(shrunk.length() >= 7, "the shortest solution has 7 states");
      Traces.assertReplays(model, shrunk);
      assertOneMinimal(shrinker, shrunk, notSolved);
    }
  }

  @Test
  void shrinker_keepsAnActionPropertyViolation() {
    GraphModel g = GraphModel.builder().init(0)
        .path("up", 0, 1, 2, 3).edge(1, 0, "down").edge(2, 1, "down").edge(3, 0, "reset")
        .actionProperty("NoReset", (f, l, t) -> !l.equals("reset"))
        .build();
    Shrinker<Node, Edge> shrinker =
        new Shrinker<>(g, new PropertySet<>(g, ExploreConfig.defaults()));
    Trace<Node, Edge> walk = new Trace<>(List.of(new Step<>(null, new Node(0)),
        new Step<>(new Edge("up", 1), new Node(1)), new Step<>(new Edge("down", 0), new Node(0)),
        new Step<>(new Edge("up", 1), new Node(1)), new Step<>(new Edge("up", 2), new Node(2)),
        new Step<>(new Edge("down", 1), new Node(1)), new Step<>(new Edge("up", 2), new Node(2)),
        new Step<>(new Edge("up", 3), new Node(3)), new Step<>(new Edge("reset", 0), new Node(0))));
    Trace<Node, Edge> shrunk = shrinker.shrink(walk, 0);
    assertEquals(List.of(0, 1, 2, 3, 0), Traces.nodes(shrunk));
    assertEquals("reset", shrunk.steps().get(4).action().label());
  }

  @Test
  void shrinker_leavesATraceThatDoesNotReplayUnchanged() {
    GraphModel g = GraphModel.builder().init(0).path("a", 0, 1, 2)
        .invariant("NotTwo", n -> n != 2).build();
    Shrinker<Node, Edge> shrinker =
        new Shrinker<>(g, new PropertySet<>(g, ExploreConfig.defaults()));
    // "b" is not an edge of the graph: the trace cannot be replayed, so it is not touched.
    Trace<Node, Edge> foreign = new Trace<>(List.of(new Step<>(null, new Node(0)),
        new Step<>(new Edge("b", 2), new Node(2))));
    assertSame(foreign, shrinker.shrink(foreign, 0));
  }

  // ---------------------------------------------------------------- random simulation

  @Test
  void random_findsAndShrinksTheLadderViolation() {
    GraphModel g = ladder();
    CheckResult<Node, Edge> r = Explorer.check(g, sim(3).walks(200, 400).build());
    assertEquals(Verdict.VIOLATED, r.verdict());
    Violation<Node, Edge> v = r.violations().get(0);
    assertEquals("NotTop", v.property());
    assertEquals(25, v.trace().last().id());
    Traces.assertReplays(g, v.trace());
    assertTrue(v.trace().length() >= 26);
    Shrinker<Node, Edge> shrinker =
        new Shrinker<>(g, new PropertySet<>(g, ExploreConfig.defaults()));
    assertOneMinimal(shrinker, v.trace(), 0);
  }

  @Test
  void random_dieHard_reportsAShrunkCounterexampleThatStillViolates() {
    DieHardModel model = new DieHardModel();
    CheckResult<DieHardModel.Jugs, DieHardModel.JugAction> r =
        Explorer.check(model, sim(11).walks(500, 100).build());
    assertEquals(List.of("NotSolved"), r.violations().stream().map(Violation::property).toList());
    Trace<DieHardModel.Jugs, DieHardModel.JugAction> t = r.violations().get(0).trace();
    assertEquals(4, t.last().big());
    Traces.assertReplays(model, t);
    Traces.states(t).subList(0, t.length() - 1).forEach(j -> assertTrue(j.big() != 4));
    assertOneMinimal(new Shrinker<>(model, new PropertySet<>(model, ExploreConfig.defaults())),
        t, 1);
  }

  @Test
  void random_philosophers_findsADeadlock() {
    PhilosophersModel model = new PhilosophersModel(3);
    CheckResult<PhilosophersModel.Table, PhilosophersModel.PhilAction> r =
        Explorer.check(model, sim(5).walks(200, 50).build());
    Violation<PhilosophersModel.Table, PhilosophersModel.PhilAction> v = r.violations().get(0);
    assertEquals(PropertyKind.DEADLOCK, v.kind());
    Traces.assertReplays(model, v.trace());
    assertEquals(List.of(), model.enabledActions(v.trace().last()));
    assertTrue(v.trace().length() >= 4);
  }

  /**
   * Walks that find nothing prove nothing. The engine still ends such a run without an {@link
   * IncompleteReason} (the CLI prints NO_VIOLATION_FOUND for it); {@link
   * IncompleteReason#SIMULATION} is accepted too, for when the engine reports it.
   */
  @Test
  void random_withoutViolations_runsEveryWalkAndReportsNothing() {
    CheckResult<TwoPhaseModel.State, TwoPhaseModel.TwoPhaseAction> r =
        Explorer.check(new TwoPhaseModel(3), sim(1).walks(100, 30).build());
    assertEquals(List.of(), r.violations());
    assertTrue(r.incomplete() == null || r.incomplete() == IncompleteReason.SIMULATION,
        "no limit was hit: " + r.incomplete());
    assertTrue(r.stats().distinct() > 1 && r.stats().distinct() <= 288);
    assertTrue(r.stats().depth() <= 31, "walks of 30 steps: " + r.stats());
    assertEquals(0, r.stats().queue(), "every walk ran");
  }

  @Test
  void random_neverReportsAMissingWitness() {
    GraphModel g = GraphModel.builder().init(0).path("a", 0, 1, 2)
        .reachable("SeesNine", n -> n == 9).acceptEnd(n -> true).build();
    CheckResult<Node, Edge> r = Explorer.check(g, sim(1).walks(10, 10).build());
    assertEquals(List.of(), r.violations(), "a simulation cannot show that 9 is unreachable");
    assertEquals(List.of(), r.witnesses());
  }

  @Test
  void random_witnessTracesReplay() {
    GraphModel withTarget = GraphModel.builder().init(0).path("up", 0, 1, 2, 3).edge(3, 0, "r")
        .reachable("SeesThree", n -> n == 3).build();
    CheckResult<Node, Edge> r = Explorer.check(withTarget, sim(2).walks(10, 20).build());
    Witness<Node, Edge> w = r.witnesses().get(0);
    assertEquals(3, w.trace().last().id());
    Traces.assertReplays(withTarget, w.trace());
  }

  @Test
  void random_walksRespectTheirDepth() {
    // The bad node lies 25 steps away; walks of 10 steps cannot reach it.
    CheckResult<Node, Edge> r = Explorer.check(ladder(), sim(1).walks(100, 10).build());
    assertEquals(List.of(), r.violations());
    assertTrue(r.stats().depth() <= 11, "a walk of 10 steps has 11 states: " + r.stats());
    assertTrue(r.stats().distinct() <= 2 * 11, "only nodes within 10 steps: " + r.stats());
  }

  @Test
  void random_withoutContinue_reportsOneViolation_withContinue_each() {
    // Half of the walks break NotA, the other half NotB, in the very first batch.
    GraphModel g = GraphModel.builder().init(0).edge(0, 1, "a").edge(0, 2, "b")
        .invariant("NotA", n -> n != 1).invariant("NotB", n -> n != 2)
        .acceptEnd(n -> true)
        .build();
    CheckResult<Node, Edge> one = Explorer.check(g, sim(1).walks(64, 5).build());
    assertEquals(1, one.violations().size(), one.violations().toString());
    CheckResult<Node, Edge> all =
        Explorer.check(g, sim(1).walks(64, 5).continueAfterViolation(true).build());
    assertEquals(List.of("NotA", "NotB"),
        all.violations().stream().map(Violation::property).sorted().toList());
  }

  @Test
  void random_modelException_namesTheActionAndTheDepth() {
    GraphModel fails = GraphModel.builder().init(0).path("ok", 0, 1, 2).edge(2, 3, "boom")
        .failOn("boom").build();
    org.panthorverify.core.ModelException e = org.junit.jupiter.api.Assertions.assertThrows(
        org.panthorverify.core.ModelException.class,
        () -> Explorer.check(fails, sim(1).walks(5, 10).build()));
    assertEquals("boom", e.action());
    assertEquals(3, e.step());

    GraphModel unencodable = GraphModel.builder().init(0).path("ok", 0, 1, 2)
        .edge(2, 3, "toThree").unencodable(3).build();
    e = org.junit.jupiter.api.Assertions.assertThrows(org.panthorverify.core.ModelException.class,
        () -> Explorer.check(unencodable, sim(1).walks(5, 10).build()));
    assertEquals("toThree", e.action());
    assertEquals(3, e.step());
    assertTrue(e.getMessage().contains("id=2"), e.getMessage());
  }

  /** Every walk fails on its own edge: the exception of the first walk is reported. */
  @Test
  void random_modelException_isTheSameWhateverTheWorkers() {
    GraphModel.Builder b = GraphModel.builder().init(0);
    for (int i = 1; i <= 300; i++) {
      b.edge(0, i, "to").edge(i, 0, "boom" + i).failOn("boom" + i);
    }
    GraphModel g = b.build();
    String first = org.junit.jupiter.api.Assertions.assertThrows(
        org.panthorverify.core.ModelException.class,
        () -> Explorer.check(g, sim(9).workers(1).walks(64, 10).build())).action();
    java.util.Set<String> seen = new java.util.TreeSet<>();
    for (int run = 0; run < 10; run++) {
      for (int workers : new int[] {2, 4}) {
        seen.add(org.junit.jupiter.api.Assertions.assertThrows(
            org.panthorverify.core.ModelException.class,
            () -> Explorer.check(g, sim(9).workers(workers).walks(64, 10).build())).action());
      }
    }
    assertEquals(java.util.Set.of(first), seen);
  }

  @Test
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void random_timeLimit_endsTheRun() {
    CheckResult<CounterModel.Count, CounterModel.Step> r = Explorer.check(new CounterModel(),
        sim(1).walks(Integer.MAX_VALUE, 100).timeLimit(Duration.ofMillis(300)).build());
    assertEquals(IncompleteReason.TIME_LIMIT, r.incomplete());
    assertEquals(Verdict.INCOMPLETE, r.verdict());
    assertTrue(r.stats().queue() > 0, "walks were left");
  }

  @Test
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void random_cancel_fromAnotherThread_endsInterrupted() throws Exception {
    RunControl control = new RunControl();
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      Future<CheckResult<CounterModel.Count, CounterModel.Step>> f = runner.submit(() ->
          Explorer.check(new CounterModel(), sim(1).walks(Integer.MAX_VALUE, 100).build(),
              ProgressListener.NONE, control));
      Thread.sleep(200);
      assertFalse(f.isDone());
      control.cancel();
      assertEquals(IncompleteReason.INTERRUPTED, f.get(20, TimeUnit.SECONDS).incomplete());
    } finally {
      runner.shutdownNow();
    }
  }
}
