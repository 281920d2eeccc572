package org.panthorverify.explore;

/**
 * Everything a search says while it runs. Library code never prints: the console printer, the
 * report writer and tests are listeners. Methods may be called from a progress thread, so
 * implementations must be thread-safe. All methods default to doing nothing.
 */
public interface ProgressListener {
  /** A listener that ignores everything. */
  ProgressListener NONE = new ProgressListener() {};

  /** A periodic snapshot of the search. */
  default void progress(ExploreStats snapshot) {}

  /** A property was found violated at {@code depth} (its counterexample has that many states). */
  default void violation(String property, int depth) {}
}
