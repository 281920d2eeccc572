package org.panthorverify.models.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.panthorverify.core.Model;
import org.panthorverify.core.PackedSuccessors;
import org.panthorverify.core.Property;
import org.panthorverify.core.StateCodec;
import org.panthorverify.core.Value;
import org.panthorverify.explore.CheckResult;
import org.panthorverify.explore.ExploreConfig;
import org.panthorverify.explore.Explorer;
import org.panthorverify.models.testkit.TwoPhaseModel.State;
import org.panthorverify.models.testkit.TwoPhaseModel.TwoPhaseAction;

/**
 * TwoPhase's packed successor function (the benchmark's fast path) is the same relation as its
 * action records, on every reachable state, and the BFS gives the same answers with and without
 * it.
 */
class TwoPhasePackedTest {

  private static List<long[]> objectSuccessors(TwoPhaseModel m, State s) {
    StateCodec<State> codec = m.codec();
    List<long[]> out = new ArrayList<>();
    for (TwoPhaseAction a : m.enabledActions(s)) {
      long[] w = new long[codec.words() + 1];
      codec.pack(m.next(s, a), w, 1);
      w[0] = m.actionNames().indexOf(a.name());
      out.add(w);
    }
    return out;
  }

  private static List<long[]> packedSuccessors(TwoPhaseModel m, State s) {
    StateCodec<State> codec = m.codec();
    long[] src = new long[codec.words()];
    codec.pack(s, src, 0);
    List<long[]> out = new ArrayList<>();
    int n = m.packedSuccessors().successors(src, 0, new long[codec.words()],
        (kind, words, off) -> {
          long[] w = new long[codec.words() + 1];
          System.arraycopy(words, off, w, 1, codec.words());
          w[0] = kind;
          out.add(w);
        });
    assertEquals(out.size(), n, "returned count");
    return out;
  }

  @ParameterizedTest
  @CsvSource({"3,", "4,", "4,commit-without-prepare"})
  void packedSuccessors_equalTheActionRecords_onEveryReachableState(int rms, String variant) {
    TwoPhaseModel m = new TwoPhaseModel(rms, variant);
    StateCodec<State> codec = m.codec();
    Set<State> seen = new HashSet<>(m.initialStates());
    ArrayDeque<State> queue = new ArrayDeque<>(seen);
    while (!queue.isEmpty()) {
      State s = queue.poll();
      List<long[]> expected = objectSuccessors(m, s);
      List<long[]> actual = packedSuccessors(m, s);
      assertEquals(expected.size(), actual.size(), "successors of " + s);
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(Arrays.toString(expected.get(i)), Arrays.toString(actual.get(i)),
            "successor " + i + " of " + s);
      }
      long[] packed = new long[codec.words()];
      codec.pack(s, packed, 0);
      List<Long> encoded = new ArrayList<>();
      m.encode(s, encoded::add);
      assertEquals(Arrays.stream(packed).boxed().toList(), encoded, "encode = packed words");
      assertEquals(s, codec.unpack(packed, 0));
      for (TwoPhaseAction a : m.enabledActions(s)) {
        State t = m.next(s, a);
        if (seen.add(t)) {
          queue.add(t);
        }
      }
    }
    assertEquals(rms == 3 ? 288 : seen.size(), seen.size());
  }

  /** The same model without its packed path. */
  private record ObjectsOnly(TwoPhaseModel m) implements Model<State, TwoPhaseAction> {
    @Override
    public String name() {
      return m.name();
    }

    @Override
    public List<String> variables() {
      return m.variables();
    }

    @Override
    public List<State> initialStates() {
      return m.initialStates();
    }

    @Override
    public List<TwoPhaseAction> enabledActions(State s) {
      return m.enabledActions(s);
    }

    @Override
    public State next(State s, TwoPhaseAction a) {
      return m.next(s, a);
    }

    @Override
    public List<Property<State, TwoPhaseAction>> properties() {
      return m.properties();
    }

    @Override
    public List<String> actionNames() {
      return m.actionNames();
    }

    @Override
    public void encode(State s, org.panthorverify.core.StateEncoder out) {
      m.encode(s, out);
    }

    @Override
    public StateCodec<State> codec() {
      return m.codec();
    }

    @Override
    public Map<String, Value> describe(State s) {
      return m.describe(s);
    }
  }

  @ParameterizedTest
  @CsvSource({"5,", "4,commit-without-prepare"})
  void bfs_givesTheSameAnswers_withAndWithoutThePackedPath(int rms, String variant) {
    TwoPhaseModel m = new TwoPhaseModel(rms, variant);
    assertNotNull(m.packedSuccessors());
    ObjectsOnly slow = new ObjectsOnly(m);
    assertNull(slow.packedSuccessors());
    ExploreConfig config = ExploreConfig.builder().workers(2).continueAfterViolation(true).build();
    CheckResult<State, TwoPhaseAction> fast = Explorer.check(m, config);
    CheckResult<State, TwoPhaseAction> objects = Explorer.check(slow, config);
    assertEquals(objects.stats().generated(), fast.stats().generated());
    assertEquals(objects.stats().distinct(), fast.stats().distinct());
    assertEquals(objects.stats().depth(), fast.stats().depth());
    assertEquals(objects.coverage(), fast.coverage());
    assertEquals(objects.violations(), fast.violations());
    assertEquals(objects.witnesses(), fast.witnesses());
  }
}
