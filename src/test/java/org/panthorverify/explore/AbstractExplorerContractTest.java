package org.panthorverify.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.panthorverify.core.ModelException;
import org.panthorverify.core.PropertyKind;
import org.panthorverify.explore.CheckResult.Verdict;
import org.panthorverify.models.testkit.DieHardModel;
import org.panthorverify.models.testkit.PhilosophersModel;
import org.panthorverify.models.testkit.TwoPhaseModel;
import org.panthorverify.testkit.CounterModel;
import org.panthorverify.testkit.GraphModel;
import org.panthorverify.testkit.Traces;

/**
 * What every exhaustive engine must do, whatever its strategy and number of workers. Subclasses
 * give the configuration to test; the BFS-only guarantees (shortest traces, TLC's depth) are
 * asserted only when {@link #isBfs()}.
 */
abstract class AbstractExplorerContractTest {

  /** The engine under test: strategy and workers; every other field at its default. */
  abstract ExploreConfig config();

  boolean isBfs() {
    return config().strategy() == Strategy.BFS;
  }

  <S, A extends org.panthorverify.core.Action> CheckResult<S, A> check(
      org.panthorverify.core.Model<S, A> model) {
    return Explorer.check(model, config());
  }

  <S, A extends org.panthorverify.core.Action> CheckResult<S, A> check(
      org.panthorverify.core.Model<S, A> model,
      java.util.function.UnaryOperator<ExploreConfig.Builder> tweak) {
    return Explorer.check(model, tweak.apply(config().toBuilder()).build());
  }

  static List<String> violated(CheckResult<?, ?> r) {
    return r.violations().stream().map(Violation::property).toList();
  }

  // ---------------------------------------------------------------- the testkit models

  @Test
  void twoPhase3_passesWithTlcCounts() {
    CheckResult<TwoPhaseModel.State, TwoPhaseModel.TwoPhaseAction> r =
        check(new TwoPhaseModel(3));
    assertEquals(Verdict.PASSED, r.verdict());
    assertNull(r.incomplete());
    assertEquals(List.of(), r.violations());
    assertEquals(288, r.stats().distinct());
    // TLC: "1146 states generated, 288 distinct states found"; the initial state counts.
    assertEquals(1146, r.stats().generated());
    assertEquals(0, r.stats().queue());
    if (isBfs()) {
      assertEquals(11, r.stats().depth(), "TLC: the depth of the complete state graph is 11");
    } else {
      assertTrue(r.stats().depth() >= 11, "a DFS stack reaches at least the BFS depth");
    }
  }

  @Test
  void twoPhase3_findsBothWitnessesWithReplayableTraces() {
    TwoPhaseModel model = new TwoPhaseModel(3);
    CheckResult<TwoPhaseModel.State, TwoPhaseModel.TwoPhaseAction> r = check(model);
    assertEquals(List.of("SomeAbort", "SomeCommit"),
        r.witnesses().stream().map(Witness::property).sorted().toList());
    for (Witness<TwoPhaseModel.State, TwoPhaseModel.TwoPhaseAction> w : r.witnesses()) {
      Traces.assertReplays(model, w.trace());
      TwoPhaseModel.State last = w.trace().last();
      int wantedTm = w.property().equals("SomeCommit") ? 1 : 2;
      assertEquals(wantedTm, last.tmState(), w.property());
    }
    if (isBfs()) {
      // SomeAbort: TMAbort and three RMRcvAbortMsg (or three RMChooseToAbort): 4 steps.
      // SomeCommit: 3 RMPrepare, 3 TMRcvPrepared, TMCommit, 3 RMRcvCommitMsg: 10 steps.
      assertEquals(5, witness(r, "SomeAbort").trace().length());
      assertEquals(11, witness(r, "SomeCommit").trace().length());
    }
  }

  static <S, A extends org.panthorverify.core.Action> Witness<S, A> witness(
      CheckResult<S, A> r, String name) {
    return r.witnesses().stream().filter(w -> w.property().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no witness " + name + " in " + r.witnesses()));
  }

  @Test
  void dieHard_violatesNotSolvedWithAReplayableTrace() {
    DieHardModel model = new DieHardModel();
    CheckResult<DieHardModel.Jugs, DieHardModel.JugAction> r = check(model);
    assertEquals(Verdict.VIOLATED, r.verdict());
    assertEquals(List.of("NotSolved"), violated(r));
    Violation<DieHardModel.Jugs, DieHardModel.JugAction> v = r.violations().get(0);
    assertEquals(PropertyKind.INVARIANT, v.kind());
    assertEquals(4, v.trace().last().big());
    Traces.assertReplays(model, v.trace());
    // Only the last state is bad: the search stopped at the first violation on this path.
    Traces.states(v.trace()).subList(0, v.trace().length() - 1)
        .forEach(j -> assertTrue(j.big() != 4, "earlier state already solved: " + j));
    if (isBfs()) {
      assertEquals(7, v.trace().length(), "the shortest solution takes 6 pours");
      assertEquals(7, r.stats().depth());
    }
  }

  @Test
  void dieHard_withContinue_visitsAll16StatesAndReportsNotSolvedOnce() {
    CheckResult<DieHardModel.Jugs, DieHardModel.JugAction> r =
        check(new DieHardModel(), b -> b.continueAfterViolation(true));
    assertEquals(16, r.stats().distinct());
    assertEquals(List.of("NotSolved"), violated(r));
    assertNull(r.incomplete());
    // 1 initial state + 6 pours from each of the 16 states.
    assertEquals(1 + 6 * 16, r.stats().generated());
  }

  @Test
  void philosophers3_findsTheDeadlock() {
    PhilosophersModel model = new PhilosophersModel(3);
    CheckResult<PhilosophersModel.Table, PhilosophersModel.PhilAction> r = check(model);
    assertEquals(Verdict.VIOLATED, r.verdict());
    assertEquals(List.of(PropertyKind.DEADLOCK_NAME), violated(r));
    Violation<PhilosophersModel.Table, PhilosophersModel.PhilAction> v = r.violations().get(0);
    assertEquals(PropertyKind.DEADLOCK, v.kind());
    Traces.assertReplays(model, v.trace());
    assertEquals(List.of(), model.enabledActions(v.trace().last()));
    assertEquals(List.of(PhilosophersModel.Phil.HAS_LEFT, PhilosophersModel.Phil.HAS_LEFT,
        PhilosophersModel.Phil.HAS_LEFT), v.trace().last().phils());
    if (isBfs()) {
      assertEquals(4, v.trace().length(), "every philosopher takes the left fork: 3 steps");
    }
  }

  @Test
  void philosophers3_withoutDeadlockChecking_passes() {
    CheckResult<PhilosophersModel.Table, PhilosophersModel.PhilAction> r =
        check(new PhilosophersModel(3), b -> b.checkDeadlock(false));
    assertEquals(Verdict.PASSED, r.verdict());
    assertEquals(List.of("SomeoneEats"),
        r.witnesses().stream().map(Witness::property).toList());
  }

  // ---------------------------------------------------------------- limits

  @Test
  void maxStates_cutsTheSearchShortAndNeverPasses() {
    CheckResult<TwoPhaseModel.State, TwoPhaseModel.TwoPhaseAction> r =
        check(new TwoPhaseModel(5), b -> b.maxStates(100));
    assertEquals(Verdict.INCOMPLETE, r.verdict());
    assertEquals(IncompleteReason.MAX_STATES, r.incomplete());
    assertTrue(r.stats().distinct() >= 100, "stops only once the limit is reached");
    assertTrue(r.stats().distinct() < 8832, "stopped early: " + r.stats());
    assertTrue(r.stats().queue() > 0, "states were left unexplored");
    assertEquals(List.of(), r.violations(), "an incomplete search reports no missing witness");
  }

  @Test
  void maxStates_largerThanTheStateSpace_passes() {
    CheckResult<TwoPhaseModel.State, TwoPhaseModel.TwoPhaseAction> r =
        check(new TwoPhaseModel(3), b -> b.maxStates(10_000));
    assertEquals(Verdict.PASSED, r.verdict());
    assertEquals(288, r.stats().distinct());
  }

  @Test
  void maxDepth_belowTheDiameter_isIncomplete() {
    CheckResult<TwoPhaseModel.State, TwoPhaseModel.TwoPhaseAction> r =
        check(new TwoPhaseModel(3), b -> b.maxDepth(5));
    assertEquals(Verdict.INCOMPLETE, r.verdict());
    assertEquals(IncompleteReason.MAX_DEPTH, r.incomplete());
    assertTrue(r.stats().distinct() < 288);
    assertTrue(r.stats().depth() <= 5, "no state deeper than the bound: " + r.stats());
    if (isBfs()) {
      assertEquals(5, r.stats().depth());
    }
  }

  @Test
  void maxDepth_atTheDiameter_passes() {
    CheckResult<TwoPhaseModel.State, TwoPhaseModel.TwoPhaseAction> atDiameter =
        check(new TwoPhaseModel(3), b -> b.maxDepth(11));
    assertEquals(Verdict.PASSED, atDiameter.verdict());
    assertEquals(288, atDiameter.stats().distinct());
    CheckResult<TwoPhaseModel.State, TwoPhaseModel.TwoPhaseAction> below =
        check(new TwoPhaseModel(3), b -> b.maxDepth(10));
    assertEquals(IncompleteReason.MAX_DEPTH, below.incomplete());
  }

  /**
   * Node 3 is first met at depth 4 along the long path (beyond the bound 3) but also at depth 2:
   * nothing within the bound is cut off, so the bounded search is complete.
   */
  @Test
  void maxDepth_isCompleteWhenAStateBeyondTheBoundIsAlsoReachedWithinIt() {
    GraphModel g = GraphModel.builder().init(0)
        .path("long", 0, 1, 2, 3).edge(0, 3, "short")
        .acceptEnd(n -> n == 3)
        .build();
    CheckResult<GraphModel.Node, GraphModel.Edge> r = check(g, b -> b.maxDepth(3));
    assertEquals(4, r.stats().distinct());
    assertNull(r.incomplete(), "every state is within 3 steps of the initial state");
    assertEquals(Verdict.PASSED, r.verdict());
  }

  @Test
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void timeLimit_onAnInfiniteModel_endsIncomplete() {
    long started = System.nanoTime();
    CheckResult<CounterModel.Count, CounterModel.Step> r =
        check(new CounterModel(), b -> b.timeLimit(Duration.ofMillis(300)));
    long tookMillis = (System.nanoTime() - started) / 1_000_000;
    assertEquals(Verdict.INCOMPLETE, r.verdict());
    assertEquals(IncompleteReason.TIME_LIMIT, r.incomplete());
    assertTrue(r.stats().distinct() > 3, "it searched before the time ran out");
    assertTrue(tookMillis < 10_000, "stopped soon after the limit, took " + tookMillis + " ms");
  }

  @Test
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void cancel_fromAnotherThread_endsInterrupted() throws Exception {
    RunControl control = new RunControl();
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      Future<CheckResult<CounterModel.Count, CounterModel.Step>> f = runner.submit(
          () -> Explorer.check(new CounterModel(), config(), ProgressListener.NONE, control));
      Thread.sleep(200);
      assertFalse(f.isDone(), "an infinite model cannot have finished");
      control.cancel();
      CheckResult<CounterModel.Count, CounterModel.Step> r = f.get(20, TimeUnit.SECONDS);
      assertEquals(Verdict.INCOMPLETE, r.verdict());
      assertEquals(IncompleteReason.INTERRUPTED, r.incomplete());
      assertTrue(r.stats().distinct() > 3);
    } finally {
      runner.shutdownNow();
    }
  }

  @Test
  void cancelledBeforeStart_endsInterruptedNotPassed() {
    RunControl control = new RunControl();
    control.cancel();
    CheckResult<TwoPhaseModel.State, TwoPhaseModel.TwoPhaseAction> r =
        Explorer.check(new TwoPhaseModel(3), config(), ProgressListener.NONE, control);
    assertEquals(IncompleteReason.INTERRUPTED, r.incomplete());
    assertEquals(Verdict.INCOMPLETE, r.verdict());
  }

  // ---------------------------------------------------------------- graph scenarios

  @Test
  void modelException_namesTheActionAndTheDepth() {
    GraphModel g = GraphModel.builder().init(0)
        .path("ok", 0, 1, 2).edge(2, 3, "boom").failOn("boom")
        .build();
    ModelException e = assertThrows(ModelException.class, () -> check(g));
    // Edge's record component "label" is its Action.label(): the bare label.
    assertEquals("boom", e.action());
    assertEquals(3, e.step(), "node 2 is at depth 3 (the initial state has depth 1)");
    assertEquals("graph", e.model());
    assertTrue(e.getMessage().contains("in boom"), e.getMessage());
    assertTrue(e.getMessage().contains("id=2"), "names the state: " + e.getMessage());
    assertTrue(e.getCause() instanceof IllegalStateException);
  }

  @Test
  void modelException_namesTheActionWithItsParameters() {
    ModelException e = assertThrows(ModelException.class, () -> check(new CounterModel(0)));
    assertEquals("Add(by=1)", e.action(), "the first enabled action of the initial state");
    assertEquals(1, e.step(), "the initial state has depth 1");
    assertEquals("counter", e.model());
    assertTrue(e.getMessage().contains("cannot step from 0"), e.getMessage());
  }

  @Test
  void modelException_inTheEncodingOfASuccessor_namesTheActionAndTheDepth() {
    GraphModel g = GraphModel.builder().init(0)
        .path("ok", 0, 1, 2).edge(2, 3, "toThree").unencodable(3)
        .acceptEnd(n -> true)
        .build();
    ModelException e = assertThrows(ModelException.class, () -> check(g));
    assertEquals("toThree", e.action());
    assertEquals(3, e.step(), "taken from node 2, at depth 3");
    assertTrue(e.getMessage().contains("id=2"), "names the state it left: " + e.getMessage());
    assertTrue(e.getCause() instanceof IllegalArgumentException);
  }

  @Test
  void modelException_inTheEncodingOfAnInitialState_isAModelException() {
    GraphModel g = GraphModel.builder().init(0, 1).edge(0, 2, "a").unencodable(1)
        .acceptEnd(n -> true).build();
    ModelException e = assertThrows(ModelException.class, () -> check(g));
    assertEquals("initialStates", e.action());
    assertEquals(0, e.step());
    assertTrue(e.getCause() instanceof IllegalArgumentException);
  }

  @Test
  void modelException_inAnInvariant_namesTheProperty() {
    GraphModel g = GraphModel.builder().init(0).path("a", 0, 1, 2)
        .invariant("Fragile", n -> {
          if (n == 2) {
            throw new ArithmeticException("bad invariant");
          }
          return true;
        })
        .acceptEnd(n -> true)
        .build();
    ModelException e = assertThrows(ModelException.class, () -> check(g));
    assertEquals("Fragile", e.action());
    assertEquals(3, e.step());
    assertTrue(e.getCause() instanceof ArithmeticException);
  }

  @Test
  void deadlock_isReportedUnlessTheEndIsAcceptedOrDeadlockIsNotChecked() {
    GraphModel.Builder b = GraphModel.builder().init(0).path("a", 0, 1, 2).edge(1, 3, "b");
    GraphModel plain = b.build();
    CheckResult<GraphModel.Node, GraphModel.Edge> r = check(plain);
    assertEquals(List.of(PropertyKind.DEADLOCK_NAME), violated(r));
    int end = r.violations().get(0).trace().last().id();
    assertTrue(end == 2 || end == 3, "ends in a node without edges: " + end);
    Traces.assertReplays(plain, r.violations().get(0).trace());

    GraphModel accepted = b.acceptEnd(n -> n == 2 || n == 3).build();
    assertEquals(Verdict.PASSED, check(accepted).verdict());

    GraphModel onlyTwo = b.acceptEnd(n -> n == 2).build();
    CheckResult<GraphModel.Node, GraphModel.Edge> r2 = check(onlyTwo);
    assertEquals(List.of(PropertyKind.DEADLOCK_NAME), violated(r2));
    assertEquals(List.of(0, 1, 3), Traces.nodes(r2.violations().get(0).trace()));

    assertEquals(Verdict.PASSED, check(plain, c -> c.checkDeadlock(false)).verdict());
  }

  @Test
  void stateConstraint_successorOutsideIsNotKeptButItsInvariantIsChecked() {
    // 0 -> 1 -> 2 -> 3 -> 4, but 2 is outside the bounds: 3 and 4 are never reached.
    GraphModel.Builder b = GraphModel.builder().init(0).path("a", 0, 1, 2, 3, 4)
        .bound(n -> n != 2).acceptEnd(n -> true);
    CheckResult<GraphModel.Node, GraphModel.Edge> r = check(b.build());
    assertEquals(Verdict.PASSED, r.verdict());
    assertEquals(2, r.stats().distinct(), "only 0 and 1 are kept");
    assertEquals(1 + 2, r.stats().generated(), "the initial state, 0->1 and 1->2");

    GraphModel checked = b.invariant("NotTwo", n -> n != 2).build();
    CheckResult<GraphModel.Node, GraphModel.Edge> r2 = check(checked);
    assertEquals(List.of("NotTwo"), violated(r2));
    assertEquals(List.of(0, 1, 2), Traces.nodes(r2.violations().get(0).trace()));
    Traces.assertReplays(checked, r2.violations().get(0).trace());

    GraphModel unreachable = GraphModel.builder().init(0).path("a", 0, 1, 2, 3, 4)
        .bound(n -> n != 2).acceptEnd(n -> true).invariant("NotFour", n -> n != 4).build();
    assertEquals(Verdict.PASSED, check(unreachable).verdict(),
        "4 lies behind a state outside the bounds");
  }

  @Test
  void stateConstraint_aStateOutsideTheBoundsIsNotADeadlock() {
    GraphModel g = GraphModel.builder().init(0).path("a", 0, 1, 2).bound(n -> n != 2)
        .acceptEnd(n -> false).build();
    assertEquals(Verdict.PASSED, check(g).verdict());
  }

  @Test
  void actionProperty_isCheckedOnEachTransition() {
    GraphModel g = GraphModel.builder().init(0)
        .path("up", 0, 1, 2, 3).edge(3, 1, "down").edge(2, 2, "stay")
        .actionProperty("NeverDown", (from, label, to) -> to >= from)
        .build();
    CheckResult<GraphModel.Node, GraphModel.Edge> r = check(g);
    assertEquals(List.of("NeverDown"), violated(r));
    Violation<GraphModel.Node, GraphModel.Edge> v = r.violations().get(0);
    assertEquals(PropertyKind.ACTION, v.kind());
    assertEquals(List.of(0, 1, 2, 3, 1), Traces.nodes(v.trace()));
    assertEquals("down", v.trace().steps().get(4).action().label());
    Traces.assertReplays(g, v.trace());
  }

  @Test
  void actionProperty_onATransitionToAKnownState_isStillChecked() {
    // The bad transition 2 -> 0 leads to a state that was seen long before.
    GraphModel g = GraphModel.builder().init(0).path("a", 0, 1, 2).edge(2, 0, "reset")
        .actionProperty("NoReset", (from, label, to) -> !label.equals("reset"))
        .build();
    CheckResult<GraphModel.Node, GraphModel.Edge> r = check(g);
    assertEquals(List.of("NoReset"), violated(r));
    assertEquals(List.of(0, 1, 2, 0), Traces.nodes(r.violations().get(0).trace()));
  }

  @Test
  void withoutContinue_exactlyOneViolationIsReported() {
    // The initial state breaks two invariants at once, and a deadlock follows.
    GraphModel g = GraphModel.builder().init(0).edge(0, 1, "a")
        .invariant("First", n -> n != 0).invariant("Second", n -> n != 0)
        .build();
    CheckResult<GraphModel.Node, GraphModel.Edge> r = check(g);
    assertEquals(List.of("First"), violated(r), "the first property in declaration order");
    assertEquals(1, r.violations().get(0).trace().length());
  }

  @Test
  void withContinue_everyViolatedPropertyIsReportedOnce() {
    GraphModel g = GraphModel.builder().init(0)
        .path("a", 0, 1, 2, 3, 4, 5).edge(2, 6, "b").edge(6, 7, "c")
        .invariant("NoFour", n -> n != 4)
        .invariant("BelowThree", n -> n < 3 || n == 6)
        .invariant("NeverHolds", n -> n > 100)
        .invariant("AlwaysHolds", n -> n >= 0)
        .actionProperty("NoC", (f, l, t) -> !l.equals("c"))
        .build();
    CheckResult<GraphModel.Node, GraphModel.Edge> r = check(g, b -> b.continueAfterViolation(true));
    assertEquals(List.of("BelowThree", "Deadlock", "NeverHolds", "NoC", "NoFour"),
        violated(r).stream().sorted().toList());
    assertEquals(violated(r).size(), violated(r).stream().distinct().count(), "each once");
    assertEquals(8, r.stats().distinct(), "a search that continues visits everything");
    for (Violation<GraphModel.Node, GraphModel.Edge> v : r.violations()) {
      Traces.assertReplays(g, v.trace());
    }
    if (isBfs()) {
      assertEquals(1, violation(r, "NeverHolds").trace().length());
      assertEquals(4, violation(r, "BelowThree").trace().length());
      assertEquals(5, violation(r, "NoFour").trace().length());
      assertEquals(List.of(0, 1, 2, 6, 7), Traces.nodes(violation(r, "NoC").trace()));
    }
  }

  static <S, A extends org.panthorverify.core.Action> Violation<S, A> violation(
      CheckResult<S, A> r, String name) {
    return r.violations().stream().filter(v -> v.property().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no violation of " + name));
  }

  @Test
  void reachable_witnessIsFoundAndReplays() {
    GraphModel g = GraphModel.builder().init(0)
        .path("long", 0, 1, 2, 3, 4, 9).path("short", 0, 5, 9)
        .reachable("SeesNine", n -> n == 9).acceptEnd(n -> true)
        .build();
    CheckResult<GraphModel.Node, GraphModel.Edge> r = check(g);
    assertEquals(Verdict.PASSED, r.verdict());
    Witness<GraphModel.Node, GraphModel.Edge> w = witness(r, "SeesNine");
    assertEquals(9, w.trace().last().id());
    Traces.assertReplays(g, w.trace());
    if (isBfs()) {
      assertEquals(List.of(0, 5, 9), Traces.nodes(w.trace()));
    }
  }

  @Test
  void reachable_missingAfterACompleteSearch_isAViolation() {
    GraphModel g = GraphModel.builder().init(0).path("a", 0, 1, 2).edge(3, 4, "x")
        .reachable("SeesFour", n -> n == 4).reachable("SeesTwo", n -> n == 2)
        .acceptEnd(n -> true)
        .build();
    CheckResult<GraphModel.Node, GraphModel.Edge> r = check(g);
    assertEquals(Verdict.VIOLATED, r.verdict());
    assertEquals(List.of("SeesFour"), violated(r));
    assertEquals(PropertyKind.REACHABLE, r.violations().get(0).kind());
    assertNull(r.violations().get(0).trace());
    assertEquals(List.of("SeesTwo"), r.witnesses().stream().map(Witness::property).toList());
  }

  @Test
  void reachable_missingAfterAnIncompleteSearch_isNotAViolation() {
    GraphModel g = GraphModel.builder().init(0).path("a", 0, 1, 2, 3, 4, 5, 6)
        .reachable("SeesSix", n -> n == 6).reachable("SeesTen", n -> n == 10)
        .acceptEnd(n -> true)
        .build();
    CheckResult<GraphModel.Node, GraphModel.Edge> limited = check(g, b -> b.maxDepth(3));
    assertEquals(IncompleteReason.MAX_DEPTH, limited.incomplete());
    assertEquals(List.of(), limited.violations());
    assertEquals(Verdict.INCOMPLETE, limited.verdict());

    CheckResult<GraphModel.Node, GraphModel.Edge> full = check(g);
    assertEquals(List.of("SeesTen"), violated(full));
    assertEquals(List.of("SeesSix"), full.witnesses().stream().map(Witness::property).toList());
  }

  /**
   * A search that stops at its first violation has not looked everywhere: a witness it did not
   * find yet must not be reported missing.
   */
  @Test
  void reachable_missingAfterStoppingAtAViolation_isNotReported() {
    GraphModel g = GraphModel.builder().init(0).path("a", 0, 1, 2, 3, 4, 5, 6)
        .invariant("NotTwo", n -> n != 2)
        .reachable("SeesSix", n -> n == 6)
        .acceptEnd(n -> true)
        .build();
    CheckResult<GraphModel.Node, GraphModel.Edge> r = check(g);
    assertEquals(List.of("NotTwo"), violated(r),
        "SeesSix lies beyond the violation; it was never looked for");
    CheckResult<GraphModel.Node, GraphModel.Edge> all =
        check(g, b -> b.continueAfterViolation(true));
    assertEquals(List.of("NotTwo"), violated(all));
    assertEquals(List.of("SeesSix"), all.witnesses().stream().map(Witness::property).toList());
  }

  @Test
  void propertyFilter_checksOnlyTheNamedProperties() {
    GraphModel g = GraphModel.builder().init(0).path("a", 0, 1, 2)
        .invariant("NotOne", n -> n != 1).invariant("NotTwo", n -> n != 2)
        .build();
    CheckResult<GraphModel.Node, GraphModel.Edge> r =
        check(g, b -> b.properties(java.util.Set.of("NotTwo")).continueAfterViolation(true));
    assertEquals(List.of("NotTwo"), violated(r), "Deadlock is not named, so it is not checked");
    assertThrows(org.panthorverify.core.UserInputException.class,
        () -> check(g, b -> b.properties(java.util.Set.of("Nope"))));
  }

  @Test
  void packedAndObjectFrontiers_giveTheSameResult() {
    GraphModel.Builder b = GraphModel.builder().init(0, 3)
        .path("a", 0, 1, 2, 4, 6).path("b", 3, 5, 4).edge(6, 0, "back")
        .invariant("NotSix", n -> n != 6);
    CheckResult<GraphModel.Node, GraphModel.Edge> objects = check(b.packed(false).build());
    CheckResult<GraphModel.Node, GraphModel.Edge> packed = check(b.packed(true).build());
    assertEquals(Traces.nodes(objects.violations().get(0).trace()),
        Traces.nodes(packed.violations().get(0).trace()));
    assertEquals(objects.stats().distinct(), packed.stats().distinct());
    assertEquals(objects.stats().generated(), packed.stats().generated());
  }

  @Test
  void coverage_countsEveryFiredActionByName() {
    CheckResult<DieHardModel.Jugs, DieHardModel.JugAction> r =
        check(new DieHardModel(), b -> b.continueAfterViolation(true));
    // Every pour fires once in each of the 16 states.
    assertEquals(6, r.coverage().fired().size());
    r.coverage().fired().forEach((name, n) -> assertEquals(16L, n, name));
    assertEquals(List.of(), r.coverage().neverFired());

    GraphModel g = GraphModel.builder().init(0).path("a", 0, 1, 2).edge(1, 3, "b")
        .acceptEnd(n -> true).build();
    CheckResult<GraphModel.Node, GraphModel.Edge> gr = check(g);
    assertEquals(java.util.Map.of("a", 2L, "b", 1L), gr.coverage().fired());
  }

  @Test
  void coverage_listsDeclaredActionsThatNeverFired() {
    CheckResult<PhilosophersModel.Table, PhilosophersModel.PhilAction> r =
        check(new PhilosophersModel(3), b -> b.maxDepth(1));
    assertEquals(IncompleteReason.MAX_DEPTH, r.incomplete());
    assertEquals(java.util.Map.of("Release", 0L, "TakeLeft", 3L, "TakeRight", 0L),
        r.coverage().fired());
    assertEquals(List.of("Release", "TakeRight"), r.coverage().neverFired());
  }
}
