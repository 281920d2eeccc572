package org.panthorverify.models.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.panthorverify.core.Property;
import org.panthorverify.explore.liveness.LivenessRunner;
import org.panthorverify.registry.ModelRegistry;
import org.panthorverify.tlc.TlcOptions;
import org.panthorverify.tlc.TlcResult;
import org.panthorverify.tlc.TlcRunner;

/**
 * The Java liveness checker and TLC agree on the MMU model's liveness properties on the small
 * config: ML-1 ... ML-4 of {@code MmuProperties.liveness} hold in Java and {@code ML_1} ... {@code
 * ML_4} of {@code Mmu.tla} (under the spec's {@code Fairness}, the twin of {@code
 * MmuProperties.fairness}) hold in TLC on {@code MC_small} with {@code MC_small_live.cfg}; and with
 * weak fairness only, ML-3 fails in both ({@code ML_3_Weak}; {@link MmuLivenessTest} shows the
 * Java lasso).
 */
@Tag("tlc")
class MmuTlcLivenessTest {
  private static final Path SPEC_DIR = Path.of("specs/mmu");

  @TempDir Path runDir;

  @Test
  @SuppressWarnings("unchecked")
  void mlProperties_holdInJavaAndTlc() {
    MmuModel m = (MmuModel) ModelRegistry.standard().get("mmu").resolve("small", List.of(), null)
        .create();
    int checked = 0;
    for (Property<MmuState, MmuAction> p : m.properties()) {
      if (p instanceof Property.Liveness<MmuState, MmuAction> l) {
        assertTrue(LivenessRunner.check(m, l).holds(), l.name() + " holds in Java");
        checked++;
      }
    }
    assertEquals(4, checked, "ML-1 ... ML-4, each with its twin in MC_small_live.cfg");

    TlcResult tlc = TlcRunner.run(new TlcOptions(SPEC_DIR, "MC_small", "MC_small_live.cfg", 2,
        runDir, false, "2g", null));
    assertTrue(tlc.ok(), "TLC: " + tlc.violationKind() + " " + tlc.errorMessage() + "; log: "
        + tlc.log());
    assertEquals(13_992, tlc.distinct(), "the explorer's states");
  }

  @Test
  void weakFairnessOnly_ml3FailsInTlc() throws IOException {
    Path specDir = runDir.resolve("spec");
    Files.createDirectories(specDir);
    Files.copy(SPEC_DIR.resolve("Mmu.tla"), specDir.resolve("Mmu.tla"));
    Files.copy(SPEC_DIR.resolve("MC_small.tla"), specDir.resolve("MC_small.tla"));
    String cfg = Files.readString(SPEC_DIR.resolve("MC_small_live.cfg"))
        .replaceAll("(?m)^PROPERTY .*\\n", "")
        .replaceAll("(?m)^CHECK_DEADLOCK FALSE$", "PROPERTY ML_3_Weak\nCHECK_DEADLOCK FALSE");
    Files.writeString(specDir.resolve("MC_weak.cfg"), cfg);

    TlcResult tlc = TlcRunner.run(new TlcOptions(specDir, "MC_small", "MC_weak.cfg", 1,
        runDir.resolve("run"), false, "2g", null));
    assertEquals("temporal", tlc.violationKind(), "TLC: " + tlc.errorMessage() + "; log: "
        + tlc.log());
  }
}
