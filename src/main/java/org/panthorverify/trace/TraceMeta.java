package org.panthorverify.trace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.panthorverify.core.Value;

/**
 * Trace-level metadata, written under the top-level {@code "#meta"} of an ITF trace. All fields
 * but {@code model} may be null; null fields are not written. Equality compares {@code constants}
 * in order, the order in which they are written.
 *
 * @param model the model's name, e.g. {@code twophase}
 * @param config the configuration the model ran with, e.g. {@code default}
 * @param constants the model's constants, in a fixed order (null means none)
 * @param variant the model variant, if the model has several
 * @param property the property the trace violates or witnesses
 * @param kind the kind of that property, e.g. {@code invariant}
 * @param seed the random seed of the run
 * @param strategy the search strategy, e.g. {@code bfs}
 * @param tool the tool and version that wrote the trace
 * @param description one sentence about the trace
 */
public record TraceMeta(
    String model,
    String config,
    Map<String, Value> constants,
    String variant,
    String property,
    String kind,
    Long seed,
    String strategy,
    String tool,
    String description) {

  public TraceMeta {
    Objects.requireNonNull(model, "model");
    Map<String, Value> copy = new LinkedHashMap<>();
    if (constants != null) {
      constants.forEach(
          (k, v) ->
              copy.put(
                  Objects.requireNonNull(k, "constant name"),
                  Objects.requireNonNull(v, () -> "constant " + k)));
    }
    constants = Collections.unmodifiableMap(copy);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TraceMeta m
        && model.equals(m.model)
        && Objects.equals(config, m.config)
        && List.copyOf(constants.entrySet()).equals(List.copyOf(m.constants.entrySet()))
        && Objects.equals(variant, m.variant)
        && Objects.equals(property, m.property)
        && Objects.equals(kind, m.kind)
        && Objects.equals(seed, m.seed)
        && Objects.equals(strategy, m.strategy)
        && Objects.equals(tool, m.tool)
        && Objects.equals(description, m.description);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        model, config, constants, variant, property, kind, seed, strategy, tool, description);
  }

  /** Metadata that names only the model. */
  public static TraceMeta of(String model) {
    return new TraceMeta(model, null, null, null, null, null, null, null, null, null);
  }
}
