package org.panthorverify.explore;

import java.util.ArrayList;
import java.util.List;
import org.panthorverify.core.Action;
import org.panthorverify.core.PropertyKind;
import org.panthorverify.core.Trace;

/**
 * What a run has found so far: violations (each property once) and witnesses, and the flags the
 * engines' expanders read to skip properties that are settled. Used by one thread at a time.
 */
final class Findings<S, A extends Action> {
  private final PropertySet<S, A> props;
  private final ProgressListener listener;
  private final List<Violation<S, A>> violations = new ArrayList<>();
  private final List<Witness<S, A>> witnesses = new ArrayList<>();
  final boolean[] reported;
  final boolean[] reached;

  Findings(PropertySet<S, A> props, ProgressListener listener) {
    this.props = props;
    this.listener = listener;
    this.reported = new boolean[props.size()];
    this.reached = new boolean[props.size()];
  }

  boolean isReported(int index) {
    return reported[index];
  }

  boolean isReached(int index) {
    return reached[index];
  }

  boolean anyViolation() {
    return !violations.isEmpty();
  }

  void violation(int index, Trace<S, A> trace) {
    reported[index] = true;
    PropertyKind kind = props.kind(index);
    String what =
        switch (kind) {
          case DEADLOCK -> "deadlock: the last state has no enabled action";
          case ACTION -> "action property " + props.name(index) + " fails on the last step";
          default -> "invariant " + props.name(index) + " fails in the last state";
        };
    violations.add(new Violation<>(props.name(index), kind, what, trace));
    listener.violation(props.name(index), trace.length());
  }

  void witness(int index, Trace<S, A> trace) {
    reached[index] = true;
    witnesses.add(new Witness<>(props.name(index), trace));
  }

  /** Copies the settled flags into an expander before a unit of work. */
  void publish(Expander<S, A> expander) {
    expander.reportedAlready = reported.clone();
    expander.reachedAlready = reached.clone();
  }

  /**
   * The result. After an exhaustive search that was not cut short, a reachability witness that
   * was never found is a violation.
   */
  CheckResult<S, A> finish(IncompleteReason incomplete, boolean exhaustive, ExploreStats stats,
      Coverage coverage) {
    List<Violation<S, A>> all = new ArrayList<>(violations);
    if (incomplete == null && exhaustive) {
      for (int i : props.reachables) {
        if (!reached[i]) {
          all.add(new Violation<>(props.name(i), PropertyKind.REACHABLE,
              "no reachable state satisfies " + props.name(i) + ": " + props.description(i),
              null));
        }
      }
    }
    return new CheckResult<>(all, incomplete, witnesses, stats, coverage);
  }
}
