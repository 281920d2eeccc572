package org.panthorverify.registry;

import java.util.Objects;

/**
 * A model constant that a configuration sets and {@code --set NAME=VALUE} overrides: an integer in
 * {@code [min, max]}, or a boolean (written {@code true}/{@code false}, held as 1/0).
 *
 * @param name the constant's name, as in the TLA+ spec
 * @param description what it bounds or chooses
 * @param min smallest valid value
 * @param max largest valid value
 * @param bool whether it is a boolean
 */
public record ConstantDef(String name, String description, int min, int max, boolean bool) {
  public ConstantDef {
    Objects.requireNonNull(name, "name");
    if (min > max) {
      throw new IllegalArgumentException("min > max for " + name);
    }
  }

  /** An integer constant. */
  public static ConstantDef integer(String name, String description, int min, int max) {
    return new ConstantDef(name, description, min, max, false);
  }

  /** A boolean constant. */
  public static ConstantDef bool(String name, String description) {
    return new ConstantDef(name, description, 0, 1, true);
  }

  /** The valid values, for messages: {@code 1..16} or {@code true|false}. */
  public String range() {
    return bool ? "true|false" : min + ".." + max;
  }

  /** Shows a value as the user writes it. */
  public String show(int value) {
    return bool ? Boolean.toString(value != 0) : Integer.toString(value);
  }
}
