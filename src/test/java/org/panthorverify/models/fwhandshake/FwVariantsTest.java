package org.panthorverify.models.fwhandshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.panthorverify.core.Model;
import org.panthorverify.explore.CheckResult;
import org.panthorverify.explore.ExploreConfig;
import org.panthorverify.explore.Explorer;
import org.panthorverify.registry.ModelEntry;
import org.panthorverify.registry.ModelRegistry;
import org.panthorverify.testkit.ModelChecks;

/**
 * Every seeded bug of the firmware-handshake model is caught on the property the bug zoo (or the
 * model's documentation) names, with a shortest trace equal to the committed one, and the
 * committed trace replays to the same violation.
 */
class FwVariantsTest {
  private static final ModelEntry ENTRY = ModelRegistry.standard().get("fw-handshake");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "fw-fast-reset-flag-stale; default; ; FwReloadAfterFailedBoot; 21",
      "fw-unplug-halt-unbooted; default; ; FH-7; 7",
      "fw-events-after-unplug; default; ; NoFwEventWorkAfterFree; 11",
      "irq-suspend-order; default; ; IrqMaskedWhileSuspended; 13",
      "post-reset-skipped; default; ; ResetEndsWithPostReset; 16",
      "rpm-resume-error-sticky; small; suspend=true; Deadlock; 19",
      "unplug-vs-suspend; default; ; IrqsSuspendedWhenPoweredOff; 9",
      "toggle-from-req; default; ; FH-1; 13",
      "missing-doorbell; default; ; FH-8; 8",
      "non-atomic-toggle; default; ; FH-4; 10",
      "events-before-irq-clear; default; ; NoLostFwEvent; 8",
      "event-ack-by-toggle; default; ; FH-2; 6",
      "fw-raises-pending-event; default; ; FH-3; 5",
      "csg-state-overwrite; default; ; FH-5; 8",
      "ack-unbound-slot; default; events=true; FH-6; 14"})
  void variant_failsOnItsProperty_withTheCommittedShortestTrace(String variant, String config,
      String sets, String property, int states) {
    List<String> overrides = sets == null ? List.of() : Arrays.asList(sets.split(" "));
    ModelChecks.variantCaught(ENTRY, config, overrides, variant, property, states, false);
  }

  @Test
  void correctModel_passesEveryPropertyOnSmall() {
    Model<?, ?> model = ENTRY.resolve("small", List.of(), null).create();
    CheckResult<?, ?> r = Explorer.check(model, ExploreConfig.builder().workers(2).build());
    assertEquals(List.of(), r.violations());
    assertNull(r.incomplete());
  }

  @Test
  void everyVariantIsRegistered_withTheModelsPropertyNames() {
    Model<?, ?> model = ENTRY.resolve("large", List.of(), null).create();
    List<String> names = model.properties().stream().map(p -> p.name()).toList();
    for (var v : ENTRY.variants()) {
      assertTrue(names.contains(v.property()) || v.property().equals("Deadlock"),
          v.name() + " names " + v.property());
    }
    assertEquals(15, ENTRY.variants().size());
  }
}
