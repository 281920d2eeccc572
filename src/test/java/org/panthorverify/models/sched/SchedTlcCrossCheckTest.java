package org.panthorverify.models.sched;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.panthorverify.testkit.ModelChecks;

/**
 * The TLA+ spec {@code specs/scheduler/Scheduler.tla} and the Java model have the same reachable
 * states: TLC and the explorer find the same distinct-state count and depth for the same
 * constants, and both pass.
 */
@Tag("tlc")
class SchedTlcCrossCheckTest {
  @TempDir Path runDir;

  private void crossCheck(String config) {
    ModelChecks.tlcAgrees("scheduler", config, runDir);
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

  @Test
  void queues_tlcAndExplorerAgree() {
    crossCheck("queues");
  }

  @Test
  void vmbind_tlcAndExplorerAgree() {
    crossCheck("vmbind");
  }

  @Tag("slow")
  @Test
  void suspend_tlcAndExplorerAgree() {
    crossCheck("suspend");
  }

  @Tag("slow")
  @Test
  void queuesync_tlcAndExplorerAgree() {
    crossCheck("queuesync");
  }

  @Tag("slow")
  @Test
  void blockedtimeout_tlcAndExplorerAgree() {
    crossCheck("blockedtimeout");
  }
}
