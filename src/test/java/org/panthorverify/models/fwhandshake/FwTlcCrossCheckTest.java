package org.panthorverify.models.fwhandshake;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.panthorverify.testkit.ModelChecks;

/**
 * The TLA+ spec {@code specs/fw-handshake/FwHandshake.tla} and the Java model have the same
 * reachable states: TLC and the explorer find the same distinct-state count and depth for the same
 * constants, and both pass.
 */
@Tag("tlc")
class FwTlcCrossCheckTest {
  @TempDir Path runDir;

  private void crossCheck(String config) {
    ModelChecks.tlcAgrees("fw-handshake", config, runDir);
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
}
