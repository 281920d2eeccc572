package org.panthorverify.explore;

/**
 * Figures of one search, final or as a progress snapshot.
 *
 * @param generated states computed: the initial states and every successor (TLC's "states
 *     generated", which counts the initial states too); for random simulation, the successors
 *     computed by the walks
 * @param distinct distinct states found (TLC's "distinct states found")
 * @param depth the search depth: the number of BFS levels with initial states at depth 1 (TLC's
 *     convention), the deepest stack for DFS, the longest walk for simulation
 * @param queue states found but not yet expanded
 * @param elapsedMillis wall-clock time of the search
 * @param workers worker threads used
 * @param collisionProbability TLC's optimistic fingerprint-collision estimate
 */
public record ExploreStats(
    long generated,
    long distinct,
    int depth,
    long queue,
    long elapsedMillis,
    int workers,
    double collisionProbability) {

  /** Distinct states per second. */
  public double distinctPerSecond() {
    return elapsedMillis == 0 ? distinct * 1000.0 : distinct * 1000.0 / elapsedMillis;
  }
}
