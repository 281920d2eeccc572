package org.panthorverify.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.panthorverify.core.UserInputException;
import org.panthorverify.models.testkit.DieHardModel;
import org.panthorverify.models.testkit.PhilosophersModel;
import org.panthorverify.models.testkit.TwoPhaseModel;

/** The models panthor-verify knows, in the order {@code list} and {@code check all} show them. */
public final class ModelRegistry {
  private final List<ModelEntry> models;

  private ModelRegistry(List<ModelEntry> models) {
    this.models = List.copyOf(models);
  }

  /** A registry of exactly these entries (for tests). */
  public static ModelRegistry of(List<ModelEntry> entries) {
    return new ModelRegistry(entries);
  }

  /** Every model of panthor-verify. */
  public static ModelRegistry standard() {
    return new ModelRegistry(List.of(twoPhase(), dieHard(), philosophers()));
  }

  public List<ModelEntry> models() {
    return models;
  }

  /** The model with this id; a user error listing the valid ids otherwise. */
  public ModelEntry get(String id) {
    return find(id).orElseThrow(() -> new UserInputException("unknown model '" + id
        + "'; valid: " + String.join(", ", models.stream().map(ModelEntry::id).toList())));
  }

  public Optional<ModelEntry> find(String id) {
    return models.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  static ModelEntry twoPhase() {
    return new ModelEntry(
        "twophase",
        "Gray and Lamport's two-phase commit (testkit; the benchmark against TLC)",
        List.of(ConstantDef.integer("rm", "number of resource managers", 1, 16)),
        List.of(
            new ConfigPreset("small", "3 RMs", Map.of("rm", 3), 288, 11, ConfigPreset.PASSED),
            new ConfigPreset("default", "7 RMs", Map.of("rm", 7), 296_448, 23,
                ConfigPreset.PASSED),
            new ConfigPreset("large", "9 RMs (the benchmark)", Map.of("rm", 9), 10_340_352, 29,
                ConfigPreset.PASSED)),
        List.of(new VariantDef(TwoPhaseModel.COMMIT_WITHOUT_PREPARE,
            "the TM commits before every RM has prepared, so a working RM can still abort",
            "Consistent")),
        "testkit",
        (c, v) -> new TwoPhaseModel(c.get("rm"), v));
  }

  static ModelEntry dieHard() {
    return new ModelEntry(
        "diehard",
        "Die Hard water jugs (testkit: an invariant violated at depth 7)",
        List.of(),
        List.of(new ConfigPreset("default", "3- and 5-gallon jugs", Map.of(), 14, 7,
            "NotSolved")),
        List.of(),
        null,
        (c, v) -> new DieHardModel());
  }

  static ModelEntry philosophers() {
    return new ModelEntry(
        "philosophers",
        "Dining philosophers, left fork first (testkit: a deadlock)",
        List.of(ConstantDef.integer("n", "number of philosophers", 2, 12)),
        List.of(new ConfigPreset("default", "3 philosophers", Map.of("n", 3), 14, 4,
            "Deadlock")),
        List.of(),
        null,
        (c, v) -> new PhilosophersModel(c.get("n")));
  }
}
