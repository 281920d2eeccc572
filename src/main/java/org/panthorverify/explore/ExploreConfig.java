package org.panthorverify.explore;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How to search: strategy, workers, limits, seed. Immutable; start from {@link #defaults()} and
 * use the {@code with…} methods.
 *
 * @param strategy the search strategy
 * @param workers worker threads (BFS and random simulation; DFS is single-threaded)
 * @param maxStates stop after the BFS level in which this many distinct states were found, or,
 *     for DFS, once this many were found (0: no limit)
 * @param maxDepth do not expand states at this depth; initial states have depth 1, as in TLC (0:
 *     no limit)
 * @param timeLimit stop after this long (null: no limit)
 * @param continueAfterViolation keep searching after a violation and report every violated
 *     property once
 * @param checkDeadlock report states without enabled actions (unless the model accepts them)
 * @param properties the names of the properties to check; empty means all
 * @param seed the seed of random simulation
 * @param walks the number of random walks
 * @param walkDepth the number of steps of each random walk
 * @param heapFraction the heap guard: stop when the heap in use after a collection exceeds this
 *     fraction of the maximum heap
 * @param progressMillis how often progress is reported to the listener
 */
public record ExploreConfig(
    Strategy strategy,
    int workers,
    long maxStates,
    int maxDepth,
    Duration timeLimit,
    boolean continueAfterViolation,
    boolean checkDeadlock,
    Set<String> properties,
    long seed,
    int walks,
    int walkDepth,
    double heapFraction,
    long progressMillis) {

  public ExploreConfig {
    Objects.requireNonNull(strategy, "strategy");
    properties = Set.copyOf(properties);
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, was " + workers);
    }
    if (maxStates < 0 || maxDepth < 0 || walks < 1 || walkDepth < 1) {
      throw new IllegalArgumentException("limits must not be negative");
    }
    if (!(heapFraction > 0 && heapFraction <= 1)) {
      throw new IllegalArgumentException("heapFraction must be in (0, 1], was " + heapFraction);
    }
  }

  /** BFS on all available cores, no limits, deadlock checked, seed 0, 1000 walks of 100 steps. */
  public static ExploreConfig defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.strategy = strategy;
    b.workers = workers;
    b.maxStates = maxStates;
    b.maxDepth = maxDepth;
    b.timeLimit = timeLimit;
    b.continueAfterViolation = continueAfterViolation;
    b.checkDeadlock = checkDeadlock;
    b.properties = properties;
    b.seed = seed;
    b.walks = walks;
    b.walkDepth = walkDepth;
    b.heapFraction = heapFraction;
    b.progressMillis = progressMillis;
    return b;
  }

  /** Builds an {@link ExploreConfig}; every field starts at its default. */
  public static final class Builder {
    private Strategy strategy = Strategy.BFS;
    private int workers = Runtime.getRuntime().availableProcessors();
    private long maxStates;
    private int maxDepth;
    private Duration timeLimit;
    private boolean continueAfterViolation;
    private boolean checkDeadlock = true;
    private Set<String> properties = Set.of();
    private long seed;
    private int walks = 1000;
    private int walkDepth = 100;
    private double heapFraction = 0.92;
    private long progressMillis = 2000;

    private Builder() {}

    public Builder strategy(Strategy v) {
      strategy = v;
      return this;
    }

    public Builder workers(int v) {
      workers = v;
      return this;
    }

    public Builder maxStates(long v) {
      maxStates = v;
      return this;
    }

    public Builder maxDepth(int v) {
      maxDepth = v;
      return this;
    }

    public Builder timeLimit(Duration v) {
      timeLimit = v;
      return this;
    }

    public Builder continueAfterViolation(boolean v) {
      continueAfterViolation = v;
      return this;
    }

    public Builder checkDeadlock(boolean v) {
      checkDeadlock = v;
      return this;
    }

    public Builder properties(Set<String> v) {
      properties = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder walks(int count, int depth) {
      walks = count;
      walkDepth = depth;
      return this;
    }

    public Builder heapFraction(double v) {
      heapFraction = v;
      return this;
    }

    public Builder progressMillis(long v) {
      progressMillis = v;
      return this;
    }

    public ExploreConfig build() {
      return new ExploreConfig(strategy, workers, maxStates, maxDepth, timeLimit,
          continueAfterViolation, checkDeadlock, properties, seed, walks, walkDepth,
          heapFraction, progressMillis);
    }
  }
}
