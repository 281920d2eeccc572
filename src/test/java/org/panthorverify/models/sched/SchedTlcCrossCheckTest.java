package org.panthorverify.models.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.panthorverify.core.Model;
import org.panthorverify.explore.CheckResult;
import org.panthorverify.explore.ExploreConfig;
import org.panthorverify.explore.Explorer;
import org.panthorverify.registry.ModelRegistry;
import org.panthorverify.tlc.TlcOptions;
import org.panthorverify.tlc.TlcResult;
import org.panthorverify.tlc.TlcRunner;

/**
 * The TLA+ spec {@code specs/scheduler/Scheduler.tla} and the Java model have the same reachable
 * states: TLC and the explorer find the same distinct-state count and depth for the same
 * constants, and both pass.
 */
@Tag("tlc")
class SchedTlcCrossCheckTest {
  @TempDir Path runDir;

  private void crossCheck(String config) {
    Model<?, ?> model = ModelRegistry.standard().get("scheduler")
        .resolve(config, List.of(), null).create();
    CheckResult<?, ?> java = Explorer.check(model, ExploreConfig.builder().workers(2).build());
    // One TLC worker: with several, the depth TLC reports can exceed the true one.
    TlcResult tlc = TlcRunner.run(new TlcOptions(Path.of("specs/scheduler"), "MC_" + config,
        "MC_" + config + ".cfg", 1, runDir, true, "4g", null));
    assertEquals(0, tlc.exitCode(), "TLC passes; log: " + tlc.log());
    assertEquals(List.of(), java.violations());
    assertEquals(java.stats().distinct(), tlc.distinct(), "distinct states");
    assertEquals(java.stats().depth(), tlc.depth(), "depth");
  }

  @Test
  void small_tlcAndExplorerAgree() {
    crossCheck("small");
  }

  @Tag("slow")
  @Test
  void default_tlcAndExplorerAgree() {
    crossCheck("default");
  }

  @Tag("slow")
  @Test
  void destroy_tlcAndExplorerAgree() {
    crossCheck("destroy");
  }

  @Test
  void create_tlcAndExplorerAgree() {
    crossCheck("create");
  }

  @Test
  void syncwait_tlcAndExplorerAgree() {
    crossCheck("syncwait");
  }

  @Tag("slow")
  @Test
  void faults_tlcAndExplorerAgree() {
    crossCheck("faults");
  }

  @Tag("slow")
  @Test
  void oom_tlcAndExplorerAgree() {
    crossCheck("oom");
  }

  @Tag("slow")
  @Test
  void jobtimeouts_tlcAndExplorerAgree() {
    crossCheck("jobtimeouts");
  }
}
