package org.panthorverify.explore;

/** The explorer contract for BFS with one worker. */
class BfsOneWorkerContractTest extends AbstractExplorerContractTest {
  @Override
  ExploreConfig config() {
    return ExploreConfig.builder().strategy(Strategy.BFS).workers(1).build();
  }
}
