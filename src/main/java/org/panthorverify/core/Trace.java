package org.panthorverify.core;

import java.util.List;

/**
 * A behaviour of a model: an initial state and the steps that follow it. A lasso (a liveness
 * counterexample) also says at which index its loop starts.
 *
 * @param steps the states with their actions; the first has no action
 * @param loopStart index to which the last state loops back, or -1 for a finite trace
 */
public record Trace<S, A extends Action>(List<Step<S, A>> steps, int loopStart) {
  public Trace {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a trace has at least one state");
    }
    if (steps.get(0).action() != null) {
      throw new IllegalArgumentException("the first step of a trace has no action");
    }
    if (loopStart < -1 || loopStart >= steps.size()) {
      throw new IllegalArgumentException("loopStart " + loopStart + " outside the trace");
    }
  }

  /** A finite trace. */
  public Trace(List<Step<S, A>> steps) {
    this(steps, -1);
  }

  /** The number of states. */
  public int length() {
    return steps.size();
  }

  /** The last state. */
  public S last() {
    return steps.get(steps.size() - 1).state();
  }
}
