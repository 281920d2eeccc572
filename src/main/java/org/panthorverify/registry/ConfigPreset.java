package org.panthorverify.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A named configuration of a model ({@code small}, {@code default}, {@code large}) with its
 * constants and its golden numbers: the exact distinct-state count and BFS depth that the
 * correct model has, and the verdict it is expected to reach. {@code check all} compares every run
 * with them; a change to them must be explained in the commit message.
 *
 * @param name the preset's name
 * @param description what it is for
 * @param constants values of the model's constants
 * @param goldenDistinct the exact distinct-state count, or -1 if not pinned
 * @param goldenDepth the exact BFS depth (initial states at depth 1), or -1 if not pinned
 * @param expected the expected outcome of an exhaustive BFS check: {@code passed}, or the name of
 *     the property that the model is meant to violate (testkit demonstrations)
 */
public record ConfigPreset(
    String name,
    String description,
    Map<String, Integer> constants,
    long goldenDistinct,
    int goldenDepth,
    String expected) {

  /** The expected outcome of a model whose properties all hold. */
  public static final String PASSED = "passed";

  public ConfigPreset {
    Objects.requireNonNull(name, "name");
    constants = Collections.unmodifiableMap(new LinkedHashMap<>(constants));
    Objects.requireNonNull(expected, "expected");
  }
}
