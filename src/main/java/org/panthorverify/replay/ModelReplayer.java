package org.panthorverify.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.panthorverify.core.Action;
import org.panthorverify.core.Model;
import org.panthorverify.core.Property;
import org.panthorverify.core.PropertyKind;
import org.panthorverify.core.UserInputException;
import org.panthorverify.core.Value;
import org.panthorverify.trace.ItfState;
import org.panthorverify.trace.ItfTrace;

/**
 * Re-executes an ITF trace on a model. The initial state must be one of the model's initial
 * states; each later step names an action (with parameters) that must be enabled in the previous
 * state and must lead to exactly the trace's next state. Along the way every invariant is checked
 * in every state, every action property on every step, and deadlock in the last state, so that a
 * counterexample trace shows its violation again.
 */
public final class ModelReplayer {
  private ModelReplayer() {}

  /**
   * Replays {@code trace} on {@code model}.
   *
   * @throws UserInputException if the trace's variables are not the model's
   */
  public static <S, A extends Action> ReplayResult replay(Model<S, A> model, ItfTrace trace) {
    if (!trace.vars().equals(model.variables())) {
      throw new UserInputException("the trace's variables " + trace.vars()
          + " are not those of model " + model.name() + " " + model.variables()
          + "; is this a trace of another model?");
    }
    List<ItfState> states = trace.states();
    S current = null;
    for (S init : model.initialStates()) {
      if (model.describe(init).equals(states.get(0).vars())) {
        current = init;
        break;
      }
    }
    if (current == null) {
      return diverged(0, "state 0 is not an initial state of model " + model.name(), states);
    }
    String wanted = trace.meta() == null ? null : trace.meta().property();
    Finding first = check(model, wanted, null, null, current, 0, null);
    List<S> path = new ArrayList<>(List.of(current));
    List<A> actions = new ArrayList<>();
    actions.add(null);
    for (int i = 1; i < states.size(); i++) {
      ItfState step = states.get(i);
      A action = find(model.enabledActions(current), step.action(), step.params());
      if (action == null) {
        List<String> enabled = model.enabledActions(current).stream().map(Action::label).toList();
        return diverged(i, "step " + i + ": action " + label(step) + " is not enabled in state "
            + (i - 1) + "; enabled there: " + enabled, states);
      }
      S next = model.next(current, action);
      Map<String, Value> got = model.describe(next);
      if (!got.equals(step.vars())) {
        return diverged(i, "step " + i + ": " + label(step) + " leads to a different state: "
            + difference(step.vars(), got), states);
      }
      first = check(model, wanted, first, current, next, i, action);
      current = next;
      path.add(next);
      actions.add(action);
    }
    if (trace.loop() >= 0) {
      return lasso(model, trace, path, actions, wanted, first);
    }
    if (model.enabledActions(current).isEmpty() && !model.isAcceptableEnd(current)) {
      Finding deadlock = new Finding(PropertyKind.DEADLOCK_NAME, PropertyKind.DEADLOCK,
          states.size() - 1);
      first = prefer(wanted, first, deadlock);
    }
    if (first == null) {
      return new ReplayResult(-1, "the trace conforms to model " + model.name()
          + " and violates no property", null, null, -1, states.size());
    }
    return new ReplayResult(-1, "the trace conforms to model " + model.name() + " and violates "
        + first.name + " in state " + first.index, first.name, first.kind, first.index,
        states.size());
  }

  private record Finding(String name, PropertyKind kind, int index) {}

  private static <S, A extends Action> Finding check(Model<S, A> model, String wanted,
      Finding first, S before, S after, int index, A action) {
    for (Property<S, A> p : model.properties()) {
      Finding f = null;
      if (p instanceof Property.Invariant<S, A> inv && !inv.holds().test(after)) {
        f = new Finding(p.name(), p.kind(), index);
      } else if (p instanceof Property.ActionProperty<S, A> ap && action != null
          && !ap.holds().test(before, action, after)) {
        f = new Finding(p.name(), p.kind(), index);
      }
      if (f != null) {
        first = prefer(wanted, first, f);
      }
    }
    return first;
  }

  /**
   * A lasso (ITF {@code loop}): the last state must step back to the loop's first state (or be
   * it, a stuttering loop). If the trace names a liveness property of the model, the lasso
   * violates it when some state satisfies a clause's P while no state from there on, loop
   * included, satisfies its Q, and the loop is fair: each weakly fair family is taken on it or
   * disabled in one of its states, and each strongly fair family enabled in one of its states is
   * taken on it.
   */
  private static <S, A extends Action> ReplayResult lasso(Model<S, A> model, ItfTrace trace,
      List<S> path, List<A> actions, String wanted, Finding safety) {
    List<ItfState> states = trace.states();
    int loop = trace.loop();
    S last = path.get(path.size() - 1);
    S back = path.get(loop);
    A closing = null;
    if (!last.equals(back)) {
      for (A a : model.enabledActions(last)) {
        if (model.next(last, a).equals(back)) {
          closing = a;
          break;
        }
      }
      if (closing == null) {
        return diverged(states.size() - 1, "the loop does not close: no action of state "
            + (states.size() - 1) + " leads back to state " + loop, states);
      }
    }
    Property.Liveness<S, A> live = null;
    for (Property<S, A> p : model.properties()) {
      if (p instanceof Property.Liveness<S, A> l && p.name().equals(wanted)) {
        live = l;
      }
    }
    if (live == null) {
      return safety == null
          ? new ReplayResult(-1, "the lasso conforms to model " + model.name()
              + " and violates no property", null, null, -1, states.size())
          : new ReplayResult(-1, "the lasso conforms to model " + model.name()
              + " and violates " + safety.name + " in state " + safety.index, safety.name,
              safety.kind, safety.index, states.size());
    }
    // The loop's states and the actions taken in it (the closing step included).
    List<A> loopActions = new ArrayList<>(actions.subList(loop + 1, actions.size()));
    if (closing != null) {
      loopActions.add(closing);
    }
    List<S> loopStates = path.subList(loop, path.size());
    for (Property.Fairness<A> f : live.fairness()) {
      boolean taken = loopActions.stream().anyMatch(a -> f.family().test(a));
      boolean enabledSomewhere = false;
      boolean enabledEverywhere = true;
      for (S x : loopStates) {
        boolean en = model.enabledActions(x).stream()
            .anyMatch(a -> f.family().test(a) && !model.next(x, a).equals(x));
        enabledSomewhere |= en;
        enabledEverywhere &= en;
      }
      boolean fair = taken || (f.strong() ? !enabledSomewhere : !enabledEverywhere);
      if (!fair) {
        return new ReplayResult(-1, "the lasso conforms to model " + model.name()
            + " but its loop is not fair to " + (f.strong() ? "SF " : "WF ") + f.name()
            + ", so it does not violate " + live.name(), null, null, -1, states.size());
      }
    }
    for (Property.Clause<S> c : live.clauses()) {
      for (int i = 0; i < path.size(); i++) {
        boolean trigger = switch (live.form()) {
          case LEADS_TO -> c.p().test(path.get(i));
          case EVENTUALLY -> i == 0;
          case ALWAYS_EVENTUALLY -> true;
        };
        if (!trigger) {
          continue;
        }
        // From state i on, the behaviour visits path[i..] and then the loop forever.
        boolean reached = false;
        for (int j = Math.min(i, loop); j < path.size() && !reached; j++) {
          reached = c.q().test(path.get(j));
        }
        if (!reached) {
          return new ReplayResult(-1, "the lasso conforms to model " + model.name()
              + " and violates " + live.name() + " (clause " + c.label() + ") from state " + i,
              live.name(), PropertyKind.LIVENESS, i, states.size());
        }
      }
    }
    return new ReplayResult(-1, "the lasso conforms to model " + model.name() + " but does not"
        + " violate " + live.name(), null, null, -1, states.size());
  }

  /** The first finding, except that the property the trace names wins over the others. */
  private static Finding prefer(String wanted, Finding first, Finding f) {
    if (first == null) {
      return f;
    }
    if (wanted != null && !first.name.equals(wanted) && f.name.equals(wanted)) {
      return f;
    }
    return first;
  }

  private static <A extends Action> A find(List<A> enabled, String name,
      Map<String, Value> params) {
    for (A a : enabled) {
      if (a.name().equals(name) && a.params().equals(params)) {
        return a;
      }
    }
    return null;
  }

  private static String label(ItfState s) {
    if (s.params().isEmpty()) {
      return s.action();
    }
    List<String> ps = new ArrayList<>();
    s.params().forEach((k, v) -> ps.add(k + "=" + v));
    return s.action() + "(" + String.join(", ", ps) + ")";
  }

  private static String difference(Map<String, Value> expected, Map<String, Value> got) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Value> e : expected.entrySet()) {
      Value g = got.get(e.getKey());
      if (!Objects.equals(e.getValue(), g)) {
        out.add(e.getKey() + " is " + g + " in the model, " + e.getValue() + " in the trace");
      }
    }
    return String.join("; ", out);
  }

  private static ReplayResult diverged(int index, String message, List<ItfState> states) {
    return new ReplayResult(index, message, null, null, -1, states.size());
  }
}
