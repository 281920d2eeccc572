package org.panthorverify.explore.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.panthorverify.core.Action;
import org.panthorverify.core.Model;
import org.panthorverify.core.Property;
import org.panthorverify.tlc.TlcOptions;
import org.panthorverify.tlc.TlcResult;
import org.panthorverify.tlc.TlcRunner;

/**
 * Liveness under a state constraint: a cut-off step still enables its family (TLC's {@code
 * ENABLED} ignores {@code CONSTRAINT}), so stuttering where it was cut off is unfair, and the
 * constraint can leave no fair behaviour. The checker then says the result is vacuous instead of
 * reporting the stutter as a counterexample.
 */
class ConstraintVacuityTest {
  /**
   * x counts up (Inc) from 0 to 11, where it ends; from 0 one may also go Aside to -1, where Spin
   * leads outside the constraint.
   */
  record X(int x) {}

  record Inc() implements Action {}

  record Aside() implements Action {}

  record Spin() implements Action {}

  /** Counting up is cut off above {@code bound}; with {@code aside}, state -1 spins forever. */
  static Model<X, Action> counter(int bound, boolean aside) {
    return new Model<>() {
      @Override
      public String name() {
        return "counter";
      }

      @Override
      public List<String> variables() {
        return List.of("x");
      }

      @Override
      public List<X> initialStates() {
        return List.of(new X(0));
      }

      @Override
      public List<Action> enabledActions(X s) {
        List<Action> out = new ArrayList<>();
        if (s.x() >= 0 && s.x() < 11) {
          out.add(new Inc());
        }
        if (aside && s.x() == 0) {
          out.add(new Aside());
        }
        if (s.x() == -1) {
          out.add(new Spin());
        }
        return out;
      }

      @Override
      public X next(X s, Action a) {
        return a instanceof Inc ? new X(s.x() + 1) : a instanceof Aside ? new X(-1) : new X(-2);
      }

      @Override
      public boolean withinBounds(X s) {
        return s.x() <= bound && s.x() != -2;
      }

      @Override
      public List<Property<X, Action>> properties() {
        return List.of();
      }
    };
  }

  private static Property.Liveness<X, Action> reachesTen(List<Property.Fairness<Action>> fair) {
    return new Property.Liveness<>("ReachesTen", "x reaches 10", Property.Form.LEADS_TO,
        List.of(new Property.Clause<>("FromTwo", s -> s.x() == 2, s -> s.x() == 10)), fair);
  }

  private static final Property.Fairness<Action> INC =
      Property.Fairness.weak("Inc", a -> a instanceof Inc);
  private static final Property.Fairness<Action> SPIN =
      Property.Fairness.weak("Spin", a -> a instanceof Spin);

  @Test
  void theConstraintCutsTheOnlyFairStep_noFairBehaviourIsLeft() {
    var v = LivenessRunner.check(counter(3, false), reachesTen(List.of(INC)));
    assertTrue(v.holds(), "no counterexample: stuttering at 3 is unfair (Inc stays enabled)");
    assertTrue(v.noFairBehaviour(), "and the result is flagged vacuous");
  }

  @Test
  void withoutFairness_stutteringIsABehaviour_andACounterexample() {
    var v = LivenessRunner.check(counter(3, false), reachesTen(List.of()));
    assertFalse(v.holds());
    assertFalse(v.noFairBehaviour());
  }

  @Test
  void fairBehavioursElsewhere_butNoneThroughTheTrigger_flagTheClause() {
    // 0 -Aside-> -1, where Spin is cut off (its target is outside the constraint): -1 stutters
    // unfairly if Spin is fair. Without fairness for Spin, the aside branch is a fair behaviour,
    // while every behaviour through x = 2 ends at the cut-off in x = 3.
    var v = LivenessRunner.check(counter(3, true), reachesTen(List.of(INC)));
    assertTrue(v.holds());
    assertFalse(v.noFairBehaviour(), "the aside branch stutters fairly in -1");
    assertEquals(List.of("FromTwo"), v.vacuous());
    var w = LivenessRunner.check(counter(3, true), reachesTen(List.of(INC, SPIN)));
    assertTrue(w.noFairBehaviour(), "with Spin fair too, nothing is left");
  }

  @Test
  void noConstraintInTheWay_nothingIsVacuous() {
    // The counter ends at 11 by itself, inside the bound: nothing is cut off.
    var v = LivenessRunner.check(counter(12, false), reachesTen(List.of(INC)));
    assertTrue(v.holds());
    assertFalse(v.noFairBehaviour());
    assertTrue(v.vacuous().isEmpty());
  }

  /**
   * TLC reads a cut-off step the same way: on the TLA+ twin of {@code counter(3, false)} with
   * {@code CONSTRAINT x <= 3}, {@code (x = 2) ~> (x = 10)} under {@code WF_x(Inc)} has no
   * counterexample (TLC warns that constraints in liveness checking are dangerous, but says
   * nothing of vacuity); without fairness the stutter at 0 is one.
   */
  @Test
  @Tag("tlc")
  void tlcAgrees(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("Counter.tla"), String.join("\n",
        "---- MODULE Counter ----",
        "EXTENDS Naturals",
        "VARIABLE x",
        "Init == x = 0",
        "Inc == x >= 0 /\\ x < 11 /\\ x' = x + 1",
        "Fair == Init /\\ [][Inc]_x /\\ WF_x(Inc)",
        "Unfair == Init /\\ [][Inc]_x",
        "ReachesTen == (x = 2) ~> (x = 10)",
        "Bound == x <= 3",
        "===="));
    for (String spec : List.of("Fair", "Unfair")) {
      Files.writeString(dir.resolve(spec + ".cfg"), "SPECIFICATION " + spec
          + "\nPROPERTY ReachesTen\nCONSTRAINT Bound\nCHECK_DEADLOCK FALSE\n");
      TlcResult tlc = TlcRunner.run(new TlcOptions(dir, "Counter", spec + ".cfg", 1,
          dir.resolve("run-" + spec), false, "1g", null));
      var mine = LivenessRunner.check(counter(3, false),
          reachesTen(spec.equals("Fair") ? List.of(INC) : List.of()));
      assertEquals(mine.holds(), tlc.ok(), spec + ": " + tlc.violationKind() + " "
          + tlc.errorMessage() + "; log: " + tlc.log());
      assertEquals(4, tlc.distinct(), "x = 0 .. 3");
    }
  }
}
