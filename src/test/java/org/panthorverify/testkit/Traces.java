package org.panthorverify.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.panthorverify.core.Action;
import org.panthorverify.core.Model;
import org.panthorverify.core.Step;
import org.panthorverify.core.Trace;

/** Assertions on traces that an explorer emits. */
public final class Traces {
  private Traces() {}

  /**
   * Asserts that {@code trace} re-executes on {@code model}: it starts in an initial state, and
   * each action is enabled in the previous state and leads to exactly the next state.
   */
  public static <S, A extends Action> void assertReplays(Model<S, A> model, Trace<S, A> trace) {
    assertNotNull(trace, "trace");
    List<Step<S, A>> steps = trace.steps();
    assertTrue(model.initialStates().contains(steps.get(0).state()),
        "trace starts in a non-initial state " + steps.get(0).state());
    for (int i = 1; i < steps.size(); i++) {
      S before = steps.get(i - 1).state();
      A action = steps.get(i).action();
      assertNotNull(action, "step " + i + " has no action");
      assertTrue(model.enabledActions(before).contains(action),
          "step " + i + ": " + action.label() + " is not enabled in " + before);
      assertEquals(steps.get(i).state(), model.next(before, action),
          "step " + i + ": " + action.label() + " from " + before + " leads elsewhere");
    }
  }

  /** The states of a trace, in order. */
  public static <S, A extends Action> List<S> states(Trace<S, A> trace) {
    List<S> out = new ArrayList<>();
    trace.steps().forEach(s -> out.add(s.state()));
    return out;
  }

  /** The node numbers of a {@link GraphModel} trace, in order. */
  public static List<Integer> nodes(Trace<GraphModel.Node, GraphModel.Edge> trace) {
    List<Integer> out = new ArrayList<>();
    trace.steps().forEach(s -> out.add(s.state().id()));
    return out;
  }

  /** The action labels of a trace (without the initial step). */
  public static <S, A extends Action> List<String> labels(Trace<S, A> trace) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i < trace.length(); i++) {
      out.add(trace.steps().get(i).action().label());
    }
    return out;
  }
}
