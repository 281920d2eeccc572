package org.panthorverify.explore;

import java.util.Locale;

/** How the state space is searched. */
public enum Strategy {
  /** Parallel, level-synchronous breadth-first search: exhaustive, shortest counterexamples. */
  BFS,
  /** Depth-first search with an explicit stack, optionally bounded by {@code --max-depth}. */
  DFS,
  /** Seeded random walks ({@code --walks} of {@code --walk-depth}); traces are shrunk. */
  RANDOM;

  /** The lower-case name used on the command line and in reports. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
