package org.panthorverify.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.panthorverify.core.Model;
import org.panthorverify.explore.CheckResult;
import org.panthorverify.explore.ExploreConfig;
import org.panthorverify.explore.Explorer;

/**
 * Every model config of the registry reaches exactly its golden distinct-state count, depth and
 * expected outcome. Configs named {@code large} run only in the slow profile.
 */
class GoldenNumbersTest {

  @TestFactory
  Stream<DynamicTest> everyConfigMatchesItsGoldenNumbers() {
    return tests(false);
  }

  @Tag("slow")
  @TestFactory
  Stream<DynamicTest> largeConfigsMatchTheirGoldenNumbers() {
    return tests(true);
  }

  private static Stream<DynamicTest> tests(boolean large) {
    List<DynamicTest> tests = new ArrayList<>();
    for (ModelEntry e : ModelRegistry.standard().models()) {
      for (ConfigPreset c : e.configs()) {
        if (c.name().equals("large") != large) {
          continue;
        }
        tests.add(DynamicTest.dynamicTest(e.id() + "/" + c.name(), () -> check(e, c)));
      }
    }
    return tests.stream();
  }

  private static void check(ModelEntry e, ConfigPreset c) {
    Model<?, ?> m = e.resolve(c.name(), List.of(), null).create();
    CheckResult<?, ?> r = Explorer.check(m, ExploreConfig.builder().workers(2).build());
    assertNull(r.incomplete(), "search must be complete");
    String outcome = r.violations().isEmpty() ? ConfigPreset.PASSED
        : r.violations().get(0).property();
    assertEquals(c.expected(), outcome, "outcome");
    assertEquals(c.goldenDistinct(), r.stats().distinct(), "distinct states");
    assertEquals(c.goldenDepth(), r.stats().depth(), "depth");
  }
}
