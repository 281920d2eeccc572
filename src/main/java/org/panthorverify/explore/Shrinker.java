package org.panthorverify.explore;

import java.util.ArrayList;
import java.util.List;
import org.panthorverify.core.Action;
import org.panthorverify.core.Model;
import org.panthorverify.core.PropertyKind;
import org.panthorverify.core.Step;
import org.panthorverify.core.Trace;

/**
 * Shrinks a counterexample found by random simulation with delta debugging (Zeller's ddmin) over
 * its action sequence: a candidate subsequence is kept when, replayed from the same initial state,
 * every action is enabled where it is taken and the same property fails. The result is 1-minimal:
 * removing any single action loses the violation. Deterministic.
 */
final class Shrinker<S, A extends Action> {
  private final Model<S, A> model;
  private final PropertySet<S, A> props;

  Shrinker(Model<S, A> model, PropertySet<S, A> props) {
    this.model = model;
    this.props = props;
  }

  /** A shortest-found trace from the same initial state that violates property {@code index}. */
  Trace<S, A> shrink(Trace<S, A> trace, int index) {
    S init = trace.steps().get(0).state();
    List<A> actions = new ArrayList<>();
    for (int i = 1; i < trace.length(); i++) {
      actions.add(trace.steps().get(i).action());
    }
    Trace<S, A> best = replay(init, actions, index);
    if (best == null) {
      return trace;
    }
    actions = actionsOf(best);
    int n = 2;
    while (actions.size() >= 2) {
      List<List<A>> parts = split(actions, n);
      boolean reduced = false;
      for (int i = 0; i < parts.size() && !reduced; i++) {
        reduced = tryCandidate(init, parts.get(i), index);
        if (!reduced && n > 2) {
          reduced = tryCandidate(init, complement(parts, i), index);
        }
      }
      if (reduced) {
        best = lastGood;
        actions = actionsOf(best);
        n = Math.max(n - 1, 2);
      } else if (n >= actions.size()) {
        break;
      } else {
        n = Math.min(n * 2, actions.size());
      }
    }
    if (actions.size() == 1 && tryCandidate(init, List.of(), index)) {
      best = lastGood;
    }
    return best;
  }

  private Trace<S, A> lastGood;

  private boolean tryCandidate(S init, List<A> candidate, int index) {
    Trace<S, A> t = replay(init, candidate, index);
    if (t != null) {
      lastGood = t;
      return true;
    }
    return false;
  }

  private static <A> List<A> actionsOf(Trace<?, ? extends A> trace) {
    List<A> out = new ArrayList<>();
    for (int i = 1; i < trace.length(); i++) {
      out.add(trace.steps().get(i).action());
    }
    return out;
  }

  private static <A> List<List<A>> split(List<A> list, int n) {
    List<List<A>> parts = new ArrayList<>();
    int size = list.size();
    for (int i = 0; i < n; i++) {
      int from = i * size / n;
      int to = (i + 1) * size / n;
      if (from < to) {
        parts.add(list.subList(from, to));
      }
    }
    return parts;
  }

  private static <A> List<A> complement(List<List<A>> parts, int skip) {
    List<A> out = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      if (i != skip) {
        out.addAll(parts.get(i));
      }
    }
    return out;
  }

  /**
   * Replays {@code actions} from {@code init}; the trace up to the first violation of property
   * {@code index}, or null if an action is not enabled, a state leaves the constraint first, or
   * the property never fails.
   */
  Trace<S, A> replay(S init, List<A> actions, int index) {
    List<Step<S, A>> steps = new ArrayList<>();
    steps.add(new Step<>(null, init));
    S s = init;
    if (violatedIn(s, index)) {
      return new Trace<>(steps);
    }
    for (A a : actions) {
      if (!model.withinBounds(s) || !model.enabledActions(s).contains(a)) {
        return null;
      }
      S t = model.next(s, a);
      steps.add(new Step<>(a, t));
      if (props.kind(index) == PropertyKind.ACTION
          ? !props.actionProperty(index).holds().test(s, a, t)
          : violatedIn(t, index)) {
        return new Trace<>(steps);
      }
      s = t;
    }
    return null;
  }

  private boolean violatedIn(S s, int index) {
    return switch (props.kind(index)) {
      case INVARIANT -> !props.invariant(index).holds().test(s);
      case DEADLOCK -> model.withinBounds(s) && model.enabledActions(s).isEmpty()
          && !model.isAcceptableEnd(s);
      default -> false;
    };
  }
}
