package org.panthorverify.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.panthorverify.core.Model;
import org.panthorverify.explore.CheckResult;
import org.panthorverify.explore.ExploreConfig;
import org.panthorverify.explore.Explorer;
import org.panthorverify.explore.Violation;
import org.panthorverify.registry.ModelEntry;
import org.panthorverify.registry.ModelRegistry;
import org.panthorverify.replay.ModelReplayer;
import org.panthorverify.replay.ReplayResult;
import org.panthorverify.tlc.TlcOptions;
import org.panthorverify.tlc.TlcResult;
import org.panthorverify.tlc.TlcRunner;
import org.panthorverify.trace.Itf;
import org.panthorverify.trace.ItfTrace;

/** The checks every registered model's tests make: seeded bugs, and agreement with TLC. */
public final class ModelChecks {
  private ModelChecks() {}

  /**
   * A seeded bug is caught on {@code property} with a shortest trace of {@code states} states,
   * equal to the committed {@code traces/<model>/violations/<property>/<variant>.itf.json}, which
   * replays to the same violation.
   *
   * @param only check {@code property} alone (as {@code check --property P}), not every property
   */
  public static void variantCaught(ModelEntry entry, String config, List<String> sets,
      String variant, String property, int states, boolean only) {
    Model<?, ?> model = entry.resolve(config, sets, variant).create();
    ExploreConfig.Builder explore = ExploreConfig.builder().workers(2);
    if (only) {
      explore.properties(Set.of(property));
    }
    CheckResult<?, ?> result = Explorer.check(model, explore.build());
    Violation<?, ?> first = result.violations().get(0);
    assertEquals(property, first.property(), "caught by");
    assertEquals(states, first.trace().length(), "shortest trace length");

    Path file = Path.of("traces", entry.id(), "violations", property, variant + ".itf.json");
    ItfTrace committed = Itf.read(file);
    assertEquals(variant, committed.meta().variant());
    assertEquals(Itf.fromTrace(cast(model), cast(first.trace()), null).states(),
        committed.states(), "the committed trace is the one the explorer finds");
    ReplayResult replay = ModelReplayer.replay(model, committed);
    assertTrue(replay.conforms(), replay.message());
    assertEquals(property, replay.violated());
  }

  /**
   * TLC on {@code MC_<config>} of the model's spec and the explorer on the same preset both pass
   * and find the same distinct states and depth. TLC runs with one worker: with several, its
   * breadth-first search is not level by level and the depth it reports can be one more than
   * the true one (seen under load).
   */
  public static void tlcAgrees(String modelId, String config, Path runDir) {
    ModelEntry entry = ModelRegistry.standard().get(modelId);
    Model<?, ?> model = entry.resolve(config, List.of(), null).create();
    CheckResult<?, ?> java = Explorer.check(model, ExploreConfig.builder().workers(2).build());
    TlcResult tlc = TlcRunner.run(new TlcOptions(Path.of("specs", entry.specDir()),
        "MC_" + config, "MC_" + config + ".cfg", 1, runDir, true, "4g", null));
    assertEquals(0, tlc.exitCode(), "TLC passes; log: " + tlc.log());
    assertEquals(List.of(), java.violations());
    assertEquals(java.stats().distinct(), tlc.distinct(), "distinct states");
    assertEquals(java.stats().depth(), tlc.depth(), "depth");
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object o) {
    return (T) o;
  }
}
