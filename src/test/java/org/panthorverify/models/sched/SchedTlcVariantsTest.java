package org.panthorverify.models.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.panthorverify.tlc.TlcOptions;
import org.panthorverify.tlc.TlcResult;
import org.panthorverify.tlc.TlcRunner;
import org.panthorverify.trace.Itf;

/**
 * Every seeded bug of {@code specs/scheduler/Scheduler.tla} (the twelve of the bug zoo and
 * {@code bind-ignores-vm-failure}) is caught by TLC on the property {@code SchedModel.VARIANTS}
 * names (checked alone, deadlock off, as {@link SchedVariantsTest} checks the Java model), with
 * a shortest trace as long as the committed Java trace. TLC runs one worker, so its
 * breadth-first search finds a shortest trace.
 *
 * <p>The configuration is the MC file's, with only the variant and the property changed: the
 * test writes it into a temporary directory and TLC gets the spec from {@code specs/scheduler}.
 */
@Tag("tlc")
class SchedTlcVariantsTest {
  @TempDir Path runDir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "full-tick-inverted; small; S-12; PROPERTY S12_MidTickPreemption",
      "stopped-tick-immediate; small; FullTickDeadline; INVARIANT FullTickDeadline",
      "immediate-tick-overruled; small; ImmediateTickKept; PROPERTY ImmediateTickKept",
      "idle-two-sources; small; IdleMeansNoWork; INVARIANT IdleMeansNoWork",
      "prio-rotation; default; PriorityRotation; PROPERTY PriorityRotation",
      "tick-not-resumed-on-submit; default; TickArmedWhenBusy; INVARIANT TickArmedWhenBusy",
      "unknown-csg-state; faults; UnknownStateHandled; PROPERTY UnknownStateHandled",
      "unrecoverable-fault-no-reset; faults; UnrecoverableStopsScheduling;"
          + " PROPERTY UnrecoverableStopsScheduling",
      "tiler-oom-null-chunk; oom; OomExhaustionNotFatal; PROPERTY OomExhaustionNotFatal",
      "group-create-publish; create; NoUseAfterFree; INVARIANT NoUseAfterFree",
      "per-queue-timeout; jobtimeouts; TimerTracksWork; INVARIANT TimerTracksWork",
      "timeout-reset-inverted; jobtimeouts; TimeoutOnlyWithoutProgress;"
          + " PROPERTY TimeoutOnlyWithoutProgress",
      "bind-ignores-vm-failure; vmbind; S-5; INVARIANT S5_VmBound"})
  void variant_tlcFindsItAtTheJavaTraceLength(String variant, String config, String property,
      String cfgLine) throws IOException {
    Path cfg = runDir.resolve("MC_" + config + "_variant.cfg");
    Files.write(cfg, variantConfig(config, variant, cfgLine));
    TlcResult tlc = TlcRunner.run(new TlcOptions(Path.of("specs/scheduler"), "MC_" + config,
        cfg.toAbsolutePath().toString(), 1, runDir.resolve("run"), false, "4g", null));

    boolean invariant = cfgLine.startsWith("INVARIANT");
    assertEquals(invariant ? 12 : 13, tlc.exitCode(), "TLC finds a violation; log: " + tlc.log());
    assertEquals(invariant ? "invariant" : "temporal", tlc.violationKind());
    if (invariant) {
      assertEquals(cfgLine.substring("INVARIANT ".length()), tlc.violatedProperty());
    }
    int javaStates = Itf.read(
        Path.of("traces/scheduler/violations", property, variant + ".itf.json")).states().size();
    assertEquals(javaStates, tlc.trace().size(), "TLC's trace is as long as the Java trace");
  }

  /** MC_config.cfg with the given variant and only the given property. */
  private static List<String> variantConfig(String config, String variant, String cfgLine)
      throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("specs/scheduler", "MC_" + config + ".cfg"))) {
      String t = line.trim();
      if (t.startsWith("INVARIANT") || t.startsWith("PROPERTY") || t.startsWith("CHECK_DEADLOCK")
          || t.startsWith("\\*")) {
        continue;
      }
      out.add(t.startsWith("Variant") ? "  Variant = \"" + variant + "\"" : line);
    }
    out.add(cfgLine);
    out.add("CHECK_DEADLOCK FALSE");
    return out;
  }
}
