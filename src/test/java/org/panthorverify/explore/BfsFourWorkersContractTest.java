package org.panthorverify.explore;

/** The explorer contract for BFS with four workers (more than the cores of the test machine). */
class BfsFourWorkersContractTest extends AbstractExplorerContractTest {
  @Override
  ExploreConfig config() {
    return ExploreConfig.builder().strategy(Strategy.BFS).workers(4).build();
  }
}
