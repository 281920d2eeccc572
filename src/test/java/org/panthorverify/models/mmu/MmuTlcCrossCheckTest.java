package org.panthorverify.models.mmu;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.panthorverify.testkit.ModelChecks;

/**
 * The TLA+ spec {@code specs/mmu/Mmu.tla} and the Java MMU model have the same reachable states:
 * TLC on {@code MC_<config>} and the explorer on the registry's preset find the same
 * distinct-state count and depth, and both pass. TLC runs with one worker: about 5 s for small,
 * 3 s for evict, 1.5 min for default.
 */
@Tag("tlc")
class MmuTlcCrossCheckTest {
  @TempDir Path runDir;

  private void crossCheck(String config) {
    ModelChecks.tlcAgrees("mmu", config, runDir);
  }

  @Test
  void small_tlcAndExplorerAgree() {
    crossCheck("small");
  }

  @Test
  void evict_tlcAndExplorerAgree() {
    crossCheck("evict");
  }

  @Test
  void suspend_tlcAndExplorerAgree() {
    crossCheck("suspend");
  }

  @Tag("slow")
  @Test
  void default_tlcAndExplorerAgree() {
    crossCheck("default");
  }
}
