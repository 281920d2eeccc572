package org.panthorverify.explore;

import org.panthorverify.core.Action;
import org.panthorverify.core.Model;

/**
 * Checks a {@link Model} against its properties with the strategy an {@link ExploreConfig} names.
 *
 * <p>Which strategy to choose: {@link Strategy#BFS} to prove properties (exhaustive, shortest
 * counterexamples, parallel); {@link Strategy#DFS} when memory for a BFS frontier is short or to
 * search to a fixed depth; {@link Strategy#RANDOM} to look for bugs quickly in a state space too
 * large to exhaust (never a proof). Results do not depend on the number of workers.
 */
public final class Explorer {
  private Explorer() {}

  /** Runs a search to the end (or to a limit) and returns its result. */
  public static <S, A extends Action> CheckResult<S, A> check(
      Model<S, A> model, ExploreConfig config, ProgressListener listener, RunControl control) {
    return switch (config.strategy()) {
      case BFS -> new ParallelBfs<>(model, config, listener, control).run();
      case DFS -> new DepthFirstSearch<>(model, config, listener, control).run();
      case RANDOM -> new RandomSimulation<>(model, config, listener, control).run();
    };
  }

  /** Runs a search with no listener and no way to cancel it. */
  public static <S, A extends Action> CheckResult<S, A> check(
      Model<S, A> model, ExploreConfig config) {
    return check(model, config, ProgressListener.NONE, new RunControl());
  }
}
