package org.panthorverify.explore;

import java.util.List;
import org.panthorverify.core.Action;
import org.panthorverify.core.Model;
import org.panthorverify.core.ModelException;

/**
 * The one step every engine shares: check a state's invariants and reachability targets, then
 * compute its successors, checking action properties on each transition and invariants on
 * successors that fall outside the state constraint (which are not kept, as in TLC). Engines differ
 * only in what their {@link Visitor} does with the results.
 *
 * <p>One instance per worker (it holds the worker's coverage counter). An exception thrown by model
 * code becomes a {@link ModelException} naming the action and state.
 */
final class Expander<S, A extends Action> {

  /** Receives what {@link #expand} finds. */
  interface Visitor<S, A> {
    /** Property {@code index} fails in the state being expanded. */
    void stateViolation(int index);

    /** Reachability target {@code index} holds in the state being expanded. */
    void reached(int index);

    /**
     * Property {@code index} fails on the transition by the {@code ordinal}-th enabled action to
     * {@code succ} (an action property, or an invariant of a successor outside the constraint).
     */
    void transitionViolation(int index, int ordinal, A action, S succ);

    /** A successor inside the state constraint. */
    void successor(int ordinal, A action, S succ);
  }

  final Model<S, A> model;
  final PropertySet<S, A> props;
  final Coverage.Counter coverage;
  /** Set by engines: reachability targets already witnessed, to skip them. */
  volatile boolean[] reachedAlready;
  /** Set by engines: properties already reported, to skip them. */
  volatile boolean[] reportedAlready;
  long generated;

  Expander(Model<S, A> model, PropertySet<S, A> props) {
    this.model = model;
    this.props = props;
    this.coverage = new Coverage.Counter(model.actionNames().size());
    this.reachedAlready = new boolean[props.size()];
    this.reportedAlready = new boolean[props.size()];
  }

  /** Checks the state's own properties; true if it may be expanded (inside the constraint). */
  boolean checkState(S state, int depth, Visitor<S, A> v) {
    int current = -1;
    try {
      boolean[] reported = reportedAlready;
      for (int i : props.invariants) {
        current = i;
        if (!reported[i] && !props.invariant(i).holds().test(state)) {
          v.stateViolation(i);
        }
      }
      boolean[] reached = reachedAlready;
      for (int i : props.reachables) {
        current = i;
        if (!reached[i] && props.reachable(i).target().test(state)) {
          v.reached(i);
        }
      }
      current = -1;
      return model.withinBounds(state);
    } catch (RuntimeException e) {
      throw modelException(current < 0 ? "withinBounds" : props.name(current), depth, state, e);
    }
  }

  /**
   * Computes the successors of {@code state} (which passed {@link #checkState}); returns the
   * number of enabled actions.
   */
  int successors(S state, int depth, Visitor<S, A> v) {
    A current = null;
    try {
      List<A> actions = model.enabledActions(state);
      int n = actions.size();
      checkDeadlock(state, n, v);
      boolean[] reported = reportedAlready;
      for (int k = 0; k < n; k++) {
        A a = actions.get(k);
        current = a;
        S succ = model.next(state, a);
        generated++;
        coverage.fired(a);
        for (int i : props.actionProperties) {
          if (!reported[i] && !props.actionProperty(i).holds().test(state, a, succ)) {
            v.transitionViolation(i, k, a, succ);
          }
        }
        if (model.withinBounds(succ)) {
          v.successor(k, a, succ);
        } else {
          for (int i : props.invariants) {
            if (!reported[i] && !props.invariant(i).holds().test(succ)) {
              v.transitionViolation(i, k, a, succ);
            }
          }
        }
      }
      return n;
    } catch (RuntimeException e) {
      throw modelException(current == null ? "enabledActions" : current.label(), depth, state, e);
    }
  }

  /** Reports a deadlock if {@code state} has no enabled action and is not an accepted end. */
  void checkDeadlock(S state, int enabled, Visitor<S, A> v) {
    if (enabled == 0 && props.checkDeadlock && !reportedAlready[props.deadlockIndex()]
        && !model.isAcceptableEnd(state)) {
      v.stateViolation(props.deadlockIndex());
    }
  }

  ModelException modelException(String where, int depth, S state, RuntimeException e) {
    if (e instanceof ModelException me) {
      return me;
    }
    String shown;
    try {
      shown = String.valueOf(model.describe(state));
    } catch (RuntimeException ignored) {
      shown = String.valueOf(state);
    }
    return new ModelException(model.name(), where, depth, shown, e);
  }
}
