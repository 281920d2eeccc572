package org.panthorverify.explore;

/** The explorer contract for depth-first search. */
class DfsContractTest extends AbstractExplorerContractTest {
  @Override
  ExploreConfig config() {
    return ExploreConfig.builder().strategy(Strategy.DFS).workers(1).build();
  }
}
