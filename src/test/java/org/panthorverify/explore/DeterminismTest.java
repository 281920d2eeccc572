package org.panthorverify.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.panthorverify.core.Action;
import org.panthorverify.core.Model;
import org.panthorverify.explore.CheckResult.Verdict;
import org.panthorverify.models.testkit.DieHardModel;
import org.panthorverify.models.testkit.PhilosophersModel;
import org.panthorverify.models.testkit.TwoPhaseModel;

/**
 * Runs with the same configuration give the same result, whatever the number of workers: the
 * same violations with the same traces, witnesses, coverage and figures (all but the time).
 */
class DeterminismTest {

  static <S, A extends Action> void assertSameResult(CheckResult<S, A> a, CheckResult<S, A> b) {
    assertEquals(a.verdict(), b.verdict());
    assertEquals(a.violations(), b.violations(), "violations and their traces");
    assertEquals(a.witnesses(), b.witnesses(), "witnesses and their traces");
    assertEquals(a.incomplete(), b.incomplete());
    assertEquals(a.coverage(), b.coverage());
    assertEquals(a.stats().generated(), b.stats().generated(), "generated");
    assertEquals(a.stats().distinct(), b.stats().distinct(), "distinct");
    assertEquals(a.stats().depth(), b.stats().depth(), "depth");
    assertEquals(a.stats().queue(), b.stats().queue(), "queue");
    assertEquals(a.stats().collisionProbability(), b.stats().collisionProbability());
  }

  static <S, A extends Action> CheckResult<S, A> run(Model<S, A> model, ExploreConfig.Builder b) {
    return Explorer.check(model, b.build());
  }

  @Test
  void bfs_twoRunsAndAnyWorkerCount_giveEqualResults() {
    for (boolean cont : new boolean[] {false, true}) {
      ExploreConfig.Builder base = ExploreConfig.builder().continueAfterViolation(cont);
      CheckResult<DieHardModel.Jugs, DieHardModel.JugAction> first =
          run(new DieHardModel(), base.workers(2));
      assertEquals(Verdict.VIOLATED, first.verdict());
      assertSameResult(first, run(new DieHardModel(), base.workers(2)));
      assertSameResult(first, run(new DieHardModel(), base.workers(1)));
      assertSameResult(first, run(new DieHardModel(), base.workers(3)));

      CheckResult<PhilosophersModel.Table, PhilosophersModel.PhilAction> p =
          run(new PhilosophersModel(5), base.workers(1));
      assertSameResult(p, run(new PhilosophersModel(5), base.workers(2)));
      assertSameResult(p, run(new PhilosophersModel(5), base.workers(2)));
    }
    CheckResult<TwoPhaseModel.State, TwoPhaseModel.TwoPhaseAction> t =
        run(new TwoPhaseModel(5), ExploreConfig.builder().workers(1));
    assertSameResult(t, run(new TwoPhaseModel(5), ExploreConfig.builder().workers(2)));
    assertSameResult(t, run(new TwoPhaseModel(5), ExploreConfig.builder().workers(2)));
  }

  @Test
  void bfs_incompleteRunsAreDeterministicToo() {
    ExploreConfig.Builder limited = ExploreConfig.builder().maxStates(500);
    CheckResult<TwoPhaseModel.State, TwoPhaseModel.TwoPhaseAction> one =
        run(new TwoPhaseModel(5), limited.workers(1));
    assertEquals(IncompleteReason.MAX_STATES, one.incomplete());
    assertSameResult(one, run(new TwoPhaseModel(5), limited.workers(2)));
    ExploreConfig.Builder shallow = ExploreConfig.builder().maxDepth(6);
    CheckResult<TwoPhaseModel.State, TwoPhaseModel.TwoPhaseAction> d =
        run(new TwoPhaseModel(5), shallow.workers(1));
    assertEquals(IncompleteReason.MAX_DEPTH, d.incomplete());
    assertSameResult(d, run(new TwoPhaseModel(5), shallow.workers(2)));
  }

  @Test
  void dfs_twoRunsGiveEqualResults() {
    ExploreConfig.Builder dfs = ExploreConfig.builder().strategy(Strategy.DFS);
    assertSameResult(run(new DieHardModel(), dfs), run(new DieHardModel(), dfs));
    assertSameResult(run(new PhilosophersModel(4), dfs), run(new PhilosophersModel(4), dfs));
  }

  @Test
  void random_sameSeed_oneOrTwoWorkers_giveEqualResults() {
    ExploreConfig.Builder sim =
        ExploreConfig.builder().strategy(Strategy.RANDOM).seed(42).walks(300, 40);
    CheckResult<DieHardModel.Jugs, DieHardModel.JugAction> one =
        run(new DieHardModel(), sim.workers(1));
    assertEquals(List.of("NotSolved"),
        one.violations().stream().map(Violation::property).toList());
    assertSameResult(one, run(new DieHardModel(), sim.workers(2)));
    assertSameResult(one, run(new DieHardModel(), sim.workers(2)));

    CheckResult<TwoPhaseModel.State, TwoPhaseModel.TwoPhaseAction> t =
        run(new TwoPhaseModel(4), sim.workers(1));
    assertSameResult(t, run(new TwoPhaseModel(4), sim.workers(2)));

    CheckResult<PhilosophersModel.Table, PhilosophersModel.PhilAction> p =
        run(new PhilosophersModel(4), sim.workers(1).continueAfterViolation(true));
    assertSameResult(p, run(new PhilosophersModel(4), sim.workers(2)));
  }

  @Test
  void random_differentSeeds_walkDifferently() {
    Set<List<Long>> outcomes = new HashSet<>();
    for (long seed = 1; seed <= 4; seed++) {
      CheckResult<TwoPhaseModel.State, TwoPhaseModel.TwoPhaseAction> r =
          run(new TwoPhaseModel(4), ExploreConfig.builder().strategy(Strategy.RANDOM)
              .seed(seed).walks(20, 30).workers(1));
      outcomes.add(List.of(r.stats().generated(), r.stats().distinct()));
    }
    assertTrue(outcomes.size() > 1, "four seeds gave the very same walks: " + outcomes);
  }

  @Test
  void random_seedChangesTheCounterexampleFound() {
    Set<Object> traces = new HashSet<>();
    for (long seed = 1; seed <= 6; seed++) {
      CheckResult<DieHardModel.Jugs, DieHardModel.JugAction> r =
          run(new DieHardModel(), ExploreConfig.builder().strategy(Strategy.RANDOM)
              .seed(seed).walks(640, 100).workers(1));
      assertFalse(r.violations().isEmpty(), "seed " + seed);
      traces.add(List.of(r.stats().generated(), r.violations().get(0).trace()));
    }
    assertTrue(traces.size() > 1, "every seed gave the same run");
  }
}
