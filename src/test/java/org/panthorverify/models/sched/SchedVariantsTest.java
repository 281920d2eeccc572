package org.panthorverify.models.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.panthorverify.core.Model;
import org.panthorverify.explore.CheckResult;
import org.panthorverify.explore.ExploreConfig;
import org.panthorverify.explore.Explorer;
import org.panthorverify.registry.ModelEntry;
import org.panthorverify.registry.ModelRegistry;
import org.panthorverify.testkit.ModelChecks;

/**
 * Every seeded bug of the scheduler model is caught on the property the bug zoo names (checked
 * alone, as {@code check --property P} does), with a shortest trace equal to the committed one,
 * and the committed trace replays to the same violation.
 */
class SchedVariantsTest {
  private static final ModelEntry ENTRY = ModelRegistry.standard().get("scheduler");

  /**
   * The table of variants, their config, extra constants, property and trace length is {@code
   * traces/scheduler/variants.tsv}, which {@code scripts/regen-traces} reads too.
   */
  @ParameterizedTest(name = "{0}")
  @CsvFileSource(files = "traces/scheduler/variants.tsv", delimiter = '\t', numLinesToSkip = 1)
  void variant_failsOnItsProperty_withTheCommittedShortestTrace(String variant, String config,
      String sets, String property, int states) {
    List<String> overrides = sets.equals("-") ? List.of() : List.of(sets.split(","));
    ModelChecks.variantCaught(ENTRY, config, overrides, variant, property, states, true);
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
    List<String> names = new java.util.ArrayList<>();
    for (String config : List.of("faults", "oom", "create", "jobtimeouts", "vmbind")) {
      ENTRY.resolve(config, List.of(), null).create().properties()
          .forEach(p -> names.add(p.name()));
    }
    for (var v : ENTRY.variants()) {
      assertTrue(names.contains(v.property()), v.name() + " names " + v.property());
    }
    assertEquals(13, ENTRY.variants().size());
  }
}
