package org.panthorverify.conform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.panthorverify.core.Action;
import org.panthorverify.core.Model;
import org.panthorverify.core.Step;
import org.panthorverify.core.TlaValues;
import org.panthorverify.core.TlaView;
import org.panthorverify.core.Trace;
import org.panthorverify.core.UserInputException;
import org.panthorverify.core.Value;

/**
 * Turns a TLC error trace (TLA+ states and the operator names of its steps) into a trace of the
 * Java model: the initial state whose TLA+ view is TLC's first state, then at each step the first
 * enabled action, in the model's order, whose label is TLC's and whose successor's view is TLC's
 * next state.
 */
public final class TraceTranslator {

  private TraceTranslator() {}

  /**
   * One TLC state.
   *
   * @param label the operator name of the step that led to it (ignored for the first)
   * @param state the canonical TLA+ variables
   */
  public record TlaStep(String label, Map<String, Value> state) {}

  /**
   * The outcome: the Java trace, or the index of the first TLC state that has no Java counterpart.
   *
   * @param trace the Java trace (with {@code loop} when TLC's trace is a lasso), or null
   * @param failedAt the first TLC state (0-based) the Java model cannot reproduce, or -1
   * @param message one line: what matched, or why step {@code failedAt} does not
   */
  public record Translation<S, A extends Action>(Trace<S, A> trace, int failedAt,
      String message) {
    public boolean ok() {
      return failedAt < 0;
    }
  }

  /**
   * Translates {@code steps}.
   *
   * @param loopStart for a lasso, the index of the state the trace returns to after its last
   *     state; -1 for a finite trace
   */
  public static <S, A extends Action> Translation<S, A> translate(Model<S, A> model,
      List<TlaStep> steps, int loopStart) {
    TlaView<S, A> view = model.tla();
    if (view == null) {
      throw new UserInputException("model " + model.name() + " has no TLA+ view");
    }
    if (steps.isEmpty()) {
      return new Translation<>(null, 0, "TLC's trace is empty");
    }
    List<String> vars = view.variables();
    S cur = null;
    for (S s : model.initialStates()) {
      if (same(view, vars, s, steps.get(0).state())) {
        cur = s;
        break;
      }
    }
    if (cur == null) {
      return new Translation<>(null, 0, "no initial state of the Java model is TLC's first"
          + " state");
    }
    List<Step<S, A>> out = new ArrayList<>();
    out.add(new Step<>(null, cur));
    for (int k = 1; k < steps.size(); k++) {
      TlaStep want = steps.get(k);
      A chosen = null;
      S chosenNext = null;
      boolean stateMatched = false;
      for (A a : model.enabledActions(cur)) {
        S n = model.next(cur, a);
        if (same(view, vars, n, want.state())) {
          stateMatched = true;
          if (want.label() == null || want.label().equals(view.label(cur, a, n))) {
            chosen = a;
            chosenNext = n;
            break;
          }
        }
      }
      if (chosen == null) {
        return new Translation<>(null, k, "TLC's step " + k + " (" + want.label() + ") "
            + (stateMatched ? "reaches a state the Java model reaches only by another label"
                : "has no counterpart among the Java model's enabled actions"));
      }
      out.add(new Step<>(chosen, chosenNext));
      cur = chosenNext;
    }
    return new Translation<>(new Trace<>(out, loopStart), -1, "all " + steps.size()
        + " states of TLC's trace reproduced by the Java model");
  }

  private static <S, A extends Action> boolean same(TlaView<S, A> view, List<String> vars, S s,
      Map<String, Value> tla) {
    Map<String, Value> r = view.state(s);
    Map<String, Value> c = new LinkedHashMap<>();
    for (String v : vars) {
      Value x = r.get(v);
      c.put(v, x == null ? null : TlaValues.canonical(x));
    }
    for (String v : vars) {
      if (!java.util.Objects.equals(c.get(v), tla.get(v))) {
        return false;
      }
    }
    return true;
  }
}
