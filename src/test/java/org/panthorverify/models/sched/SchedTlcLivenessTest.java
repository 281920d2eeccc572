package org.panthorverify.models.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.panthorverify.core.Property;
import org.panthorverify.explore.liveness.LivenessRunner;
import org.panthorverify.registry.ModelRegistry;
import org.panthorverify.tlc.TlcOptions;
import org.panthorverify.tlc.TlcResult;
import org.panthorverify.tlc.TlcRunner;
import org.panthorverify.tlc.TlcState;

/**
 * The Java liveness checker ({@link LivenessRunner}) and TLC agree on every liveness property of
 * the scheduler's small config: SL-1 ... SL-5 and SL-4a of {@code SchedProperties.liveness}
 * against {@code SL_1} ... {@code SL_5} and {@code SL_4a} of {@code Scheduler.tla}, each under
 * the same fairness ({@code SchedProperties.fairness}, the spec's {@code Fairness}; SL-2 adds
 * {@code SignalFairness}, SL-4 drops {@code JobFairness}), checked on {@code MC_small} with
 * {@code MC_small_live.cfg}.
 *
 * <p>The Java verdicts are computed here. The properties Java finds to hold are checked by one
 * TLC run (two workers, about 40 s), which must end without a violation after the explorer's
 * 13,788 states; each property Java finds to fail gets its own TLC run (one worker), which must
 * report a temporal violation with a lasso (a last entry that stutters or goes back to an
 * earlier state) no shorter than Java's. TLC's lassos are not shortest and change with the
 * fingerprint function it draws at random each run, so their steps are not compared. On small
 * that is SL-4 alone (about 5 s).
 */
@Tag("tlc")
class SchedTlcLivenessTest {
  private static final Path SPEC_DIR = Path.of("specs/scheduler");

  /** Java's verdict on each liveness property, in SchedProperties' order. */
  private static final Map<String, LivenessRunner.Verdict<SchedState, SchedAction>> JAVA =
      new LinkedHashMap<>();

  @TempDir Path runDir;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void javaVerdicts() {
    SchedModel m = (SchedModel) ModelRegistry.standard().get("scheduler")
        .resolve("small", List.of(), null).create();
    for (Property<SchedState, SchedAction> p : m.properties()) {
      if (p instanceof Property.Liveness<SchedState, SchedAction> l) {
        JAVA.put(l.name(), LivenessRunner.check(m, l));
      }
    }
    assertEquals(List.of("SL-1", "SL-2", "SL-3", "SL-4", "SL-4a", "SL-5"),
        List.copyOf(JAVA.keySet()), "every liveness property has its TLA+ twin in the cfg");
  }

  @Test
  void propertiesJavaFindsToHold_holdInTlc() throws IOException {
    List<String> holding = new ArrayList<>();
    JAVA.forEach((name, v) -> {
      if (v.holds()) {
        holding.add(name);
      }
    });
    assertFalse(holding.isEmpty());
    TlcResult tlc = run(holding, 2);
    assertTrue(tlc.ok(), "Java finds " + holding + " to hold, TLC does not: "
        + tlc.violationKind() + " " + tlc.errorMessage() + "; log: " + tlc.log()
        + " (check them one at a time with bench scheduler --config small --property P)");
    assertEquals(JAVA.get(holding.get(0)).states(), tlc.distinct(), "the explorer's states");
  }

  @Test
  void propertiesJavaFindsToFail_tlcFindsALassoToo() throws IOException {
    int failing = 0;
    for (var e : JAVA.entrySet()) {
      LivenessRunner.Verdict<SchedState, SchedAction> v = e.getValue();
      if (v.holds()) {
        continue;
      }
      failing++;
      String name = e.getKey();
      TlcResult tlc = run(List.of(name), 1);
      assertEquals("temporal", tlc.violationKind(), name + " fails in Java on " + v.clause()
          + ", TLC: " + tlc.errorMessage() + "; log: " + tlc.log());
      assertEquals(13, tlc.exitCode());
      List<TlcState> trace = tlc.trace();
      TlcState last = trace.get(trace.size() - 1);
      int loopStart; // 0-based, as Trace.loopStart
      if (last.action().equals("Stuttering")) {
        loopStart = trace.size() - 2;
      } else {
        assertTrue(last.index() < trace.get(trace.size() - 2).index(),
            name + ": TLC's trace is a lasso; log: " + tlc.log());
        loopStart = last.index() - 1;
      }
      // TLC's liveness counterexample is not a shortest one and depends on the fingerprint
      // function TLC draws at random each run (17 to 20 states here, against Java's 9), so only
      // its shape is compared: a lasso whose loop closes inside the trace.
      assertNotNull(v.lasso());
      assertTrue(loopStart >= 0 && loopStart < trace.size() - 1, name + ": loop start "
          + loopStart + "; log: " + tlc.log());
      assertTrue(trace.size() - 1 >= v.lasso().steps().size(), name + ": Java's lasso is a"
          + " shortest one, TLC's is no shorter; log: " + tlc.log());
    }
    assertEquals(1, failing, "on small only SL-4 fails (SchedLivenessTest)");
  }

  /** TLC on MC_small with MC_small_live.cfg cut down to the given properties. */
  private TlcResult run(List<String> properties, int workers) throws IOException {
    List<String> cfg = new ArrayList<>();
    List<String> wanted = properties.stream().map(p -> "PROPERTY " + p.replace('-', '_'))
        .toList();
    List<String> found = new ArrayList<>();
    for (String line : Files.readAllLines(SPEC_DIR.resolve("MC_small_live.cfg"))) {
      if (line.startsWith("PROPERTY")) {
        if (!wanted.contains(line.trim())) {
          continue;
        }
        found.add(line.trim());
      }
      cfg.add(line);
    }
    assertEquals(wanted, found, "MC_small_live.cfg checks each property");
    Path file = runDir.resolve("MC_small_live_" + String.join("_", properties)
        .replace('-', '_') + ".cfg");
    Files.write(file, cfg);
    return TlcRunner.run(new TlcOptions(SPEC_DIR, "MC_small", file.toAbsolutePath().toString(),
        workers, runDir.resolve("run-" + file.getFileName()), false, "4g", null));
  }
}
