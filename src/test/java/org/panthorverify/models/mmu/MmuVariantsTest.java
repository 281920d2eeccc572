package org.panthorverify.models.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.panthorverify.core.Model;
import org.panthorverify.explore.CheckResult;
import org.panthorverify.explore.ExploreConfig;
import org.panthorverify.explore.Explorer;
import org.panthorverify.registry.ModelEntry;
import org.panthorverify.registry.ModelRegistry;
import org.panthorverify.testkit.ModelChecks;

/**
 * Every seeded bug of the MMU model (the bug zoo's three mmu entries and seven refactor bugs) is
 * caught on the property it names, with a shortest trace equal to the committed one; the correct
 * model passes every property on its small, evict and suspend configs with its golden numbers.
 */
class MmuVariantsTest {
  private static final ModelEntry ENTRY = ModelRegistry.standard().get("mmu");

  /** The table is {@code traces/mmu/variants.tsv}, which {@code scripts/regen-traces} reads. */
  @ParameterizedTest(name = "{0}")
  @CsvFileSource(files = "traces/mmu/variants.tsv", delimiter = '\t', numLinesToSkip = 1)
  void variant_failsOnItsProperty_withTheCommittedShortestTrace(String variant, String config,
      String sets, String property, int states) {
    List<String> overrides = sets.equals("-") ? List.of() : List.of(sets.split(","));
    ModelChecks.variantCaught(ENTRY, config, overrides, variant, property, states, true);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"small, 13992, 61", "evict, 6872, 41", "suspend, 20648, 62"})
  void correctModel_passesEveryProperty_withItsGoldenNumbers(String config, long distinct,
      int depth) {
    Model<?, ?> model = ENTRY.resolve(config, List.of(), null).create();
    CheckResult<?, ?> r = Explorer.check(model, ExploreConfig.builder().workers(2).build());
    assertEquals(List.of(), r.violations());
    assertNull(r.incomplete());
    assertEquals(distinct, r.stats().distinct());
    assertEquals(depth, r.stats().depth());
  }

  @Test
  void everyVariantIsRegistered_withTheModelsPropertyNames() {
    List<String> names = new java.util.ArrayList<>();
    ENTRY.resolve("default", List.of("destroy=1", "suspend=1"), null).create().properties()
        .forEach(p -> names.add(p.name()));
    for (var v : ENTRY.variants()) {
      assertTrue(names.contains(v.property()), v.name() + " names " + v.property());
    }
    assertEquals(10, ENTRY.variants().size());
  }
}
