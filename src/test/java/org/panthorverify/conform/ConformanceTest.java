package org.panthorverify.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.panthorverify.core.Model;
import org.panthorverify.core.Property;
import org.panthorverify.core.TlaValues;
import org.panthorverify.core.TlaView;
import org.panthorverify.core.Value;
import org.panthorverify.models.testkit.TwoPhaseModel;
import org.panthorverify.models.testkit.TwoPhaseModel.State;
import org.panthorverify.models.testkit.TwoPhaseModel.TwoPhaseAction;
import org.panthorverify.tlc.TlcGraph;
import org.panthorverify.tlc.TlcOptions;
import org.panthorverify.tlc.TlcResult;
import org.panthorverify.tlc.TlcRunner;

/**
 * The graph comparison on TwoPhase with 3 RMs: TLC's real dump against the Java model, and against
 * copies of it with one action broken on purpose.
 */
@Tag("tlc")
class ConformanceTest {

  @TempDir static Path dir;
  static TlcGraph graph;

  @BeforeAll
  static void dumpTlcGraph() {
    Path dot = dir.resolve("graph.dot").toAbsolutePath();
    TlcResult r = TlcRunner.run(new TlcOptions(Path.of("specs", "testkit"), "MC_rm3",
        "MC_rm3.cfg", 1, dir, false, "512m", null).withArgs("-dump", "dot,actionlabels",
            dot.toString()));
    assertTrue(r.ok(), () -> "TLC failed: " + r.errorMessage());
    graph = TlcGraph.read(dot, new TwoPhaseModel(3).tla().variables());
  }

  @Test
  void theJavaModelHasTlcsGraph() {
    Conformance.Result r = Conformance.compare(new TwoPhaseModel(3), graph, () -> false);
    assertNull(r.difference(), () -> r.difference().description());
    assertTrue(r.equal());
    assertEquals(288, r.javaStates());
    assertEquals(288, graph.size());
    assertEquals(graph.edges(), r.javaEdges());
    // TwoPhase's TMRcvPrepared and RMRcvCommitMsg/RMRcvAbortMsg can stutter; they are left out
    assertTrue(graph.selfLoops() > 0);
  }

  @Test
  void aBrokenStepIsOneEdgeToAStateTlcNeverReaches() {
    // RMPrepare of the third RM forgets to send its Prepared message
    Model<State, TwoPhaseAction> broken = new Broken(new TwoPhaseModel(3)) {
      @Override
      public State next(State s, TwoPhaseAction a) {
        State n = inner.next(s, a);
        if (a instanceof TwoPhaseModel.RMPrepare p && p.rm() == 2) {
          return new State(n.rmState(), n.tmState(), n.tmPrepared(), n.msgs() & ~(1 << 2));
        }
        return n;
      }
    };
    Conformance.Result r = Conformance.compare(broken, graph, () -> false);
    Conformance.Difference d = r.difference();
    assertNotNull(d);
    assertEquals(Conformance.Kind.STATE_ONLY_IN_JAVA, d.kind());
    assertEquals(2, d.trace().size(), "the initial state and the one broken step");
    assertEquals("RMPrepare", d.trace().get(1).label());
    assertTrue(d.description().contains("RMPrepare(r=\"r3\")"), d.description());
    Map<String, Value> last = d.trace().get(1).state();
    assertEquals(TlaValues.canonical(TlaValues.set(List.of())), last.get("msgs"),
        "the broken step sent no message");
  }

  @Test
  void aMissingStepIsAnEdgeOnlyTlcHas() {
    // TMAbort is never taken once an RM has prepared
    Model<State, TwoPhaseAction> broken = new Broken(new TwoPhaseModel(3)) {
      @Override
      public List<TwoPhaseAction> enabledActions(State s) {
        return inner.enabledActions(s).stream().filter(a -> !(a instanceof TwoPhaseModel.TMAbort
            && s.tmPrepared() != 0)).toList();
      }
    };
    Conformance.Difference d = Conformance.compare(broken, graph, () -> false).difference();
    assertNotNull(d);
    assertTrue(d.kind() == Conformance.Kind.EDGE_ONLY_IN_TLC
        || d.kind() == Conformance.Kind.STATE_ONLY_IN_TLC, d.kind().name());
    List<Conformance.Step> t = d.trace();
    assertEquals("TMAbort", t.get(t.size() - 1).label());
    // the shortest such trace: RMPrepare, TMRcvPrepared, then the missing TMAbort
    assertEquals(4, t.size(), t.toString());
    assertEquals("TMRcvPrepared", t.get(2).label());
  }

  @Test
  void aViewThatDropsAVariableIsCaught() {
    Model<State, TwoPhaseAction> blind = new Broken(new TwoPhaseModel(3)) {
      @Override
      public TlaView<State, TwoPhaseAction> tla() {
        TlaView<State, TwoPhaseAction> v = inner.tla();
        return new TlaView<>() {
          @Override
          public List<String> variables() {
            return v.variables();
          }

          @Override
          public Map<String, Value> state(State s) {
            Map<String, Value> m = new java.util.LinkedHashMap<>(v.state(s));
            m.put("tmPrepared", TlaValues.set(List.of()));
            return m;
          }
        };
      }
    };
    Conformance.Difference d = Conformance.compare(blind, graph, () -> false).difference();
    assertNotNull(d);
    // the first step that fills tmPrepared leads, in TLC, to a state the blind view never shows
    assertEquals(Conformance.Kind.STATE_ONLY_IN_TLC, d.kind());
    assertEquals("TMRcvPrepared", d.trace().get(d.trace().size() - 1).label());
  }

  @Test
  void aStopRequestEndsWithoutVerdict() {
    Conformance.Result r = Conformance.compare(new TwoPhaseModel(3), graph, () -> true);
    assertTrue(r.stopped());
    assertTrue(!r.equal());
  }

  /** A TwoPhase model that subclasses change. */
  abstract static class Broken implements Model<State, TwoPhaseAction> {
    final TwoPhaseModel inner;

    Broken(TwoPhaseModel inner) {
      this.inner = inner;
    }

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public List<String> variables() {
      return inner.variables();
    }

    @Override
    public List<State> initialStates() {
      return inner.initialStates();
    }

    @Override
    public List<TwoPhaseAction> enabledActions(State s) {
      return inner.enabledActions(s);
    }

    @Override
    public State next(State s, TwoPhaseAction a) {
      return inner.next(s, a);
    }

    @Override
    public List<Property<State, TwoPhaseAction>> properties() {
      return inner.properties();
    }

    @Override
    public Map<String, Value> describe(State s) {
      return inner.describe(s);
    }

    @Override
    public TlaView<State, TwoPhaseAction> tla() {
      return inner.tla();
    }
  }
}
