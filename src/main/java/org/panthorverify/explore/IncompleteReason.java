package org.panthorverify.explore;

/** Why a search ended before it was complete. An incomplete search never counts as passed. */
public enum IncompleteReason {
  /** {@code --max-states} was reached. */
  MAX_STATES,
  /** {@code --max-depth} cut off states that had successors. */
  MAX_DEPTH,
  /** {@code --time-limit} ran out. */
  TIME_LIMIT,
  /** The heap guard saw the heap nearly full, or the JVM ran out of memory. */
  MEMORY,
  /** The run was interrupted (Ctrl-C). */
  INTERRUPTED,
  /** A random simulation explores only the walks it was asked for; it never proves a property. */
  SIMULATION
}
