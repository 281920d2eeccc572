package org.panthorverify.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.panthorverify.core.UserInputException;

/**
 * One registered model: id, constants, presets, variants and factory. {@link #resolve} turns what
 * a user typed ({@code --config}, {@code --set}, {@code --variant}) into a model, and is the one
 * place that validates it.
 *
 * @param id the CLI id ({@code twophase}, {@code fw-handshake})
 * @param description one sentence
 * @param constants the constants every preset sets
 * @param configs presets; the one named {@link #DEFAULT_CONFIG} is what {@code check all} runs
 * @param variants seeded bugs
 * @param specDir the folder of its TLA+ spec under {@code specs/}, or null
 * @param factory builds the model
 */
public record ModelEntry(
    String id,
    String description,
    List<ConstantDef> constants,
    List<ConfigPreset> configs,
    List<VariantDef> variants,
    String specDir,
    ModelFactory factory) {

  /** The preset that {@code check all} and a plain {@code check MODEL} use. */
  public static final String DEFAULT_CONFIG = "default";

  public ModelEntry {
    Objects.requireNonNull(id, "id");
    constants = List.copyOf(constants);
    configs = List.copyOf(configs);
    variants = List.copyOf(variants);
    Objects.requireNonNull(factory, "factory");
    if (configs.stream().noneMatch(c -> c.name().equals(DEFAULT_CONFIG))) {
      throw new IllegalArgumentException(id + " has no '" + DEFAULT_CONFIG + "' config");
    }
    for (ConfigPreset c : configs) {
      for (ConstantDef d : constants) {
        if (!c.constants().containsKey(d.name())) {
          throw new IllegalArgumentException(id + " config " + c.name() + " lacks " + d.name());
        }
      }
    }
  }

  /** The preset called {@code name}; a user error listing the valid ones otherwise. */
  public ConfigPreset config(String name) {
    String wanted = name == null ? DEFAULT_CONFIG : name;
    return configs.stream()
        .filter(c -> c.name().equals(wanted))
        .findFirst()
        .orElseThrow(() -> new UserInputException("unknown config '" + wanted + "' for model "
            + id + "; valid: " + names(configs.stream().map(ConfigPreset::name).toList())));
  }

  /** The variant called {@code name}; a user error listing the valid ones otherwise. */
  public VariantDef variant(String name) {
    return variants.stream()
        .filter(v -> v.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new UserInputException("unknown variant '" + name + "' for model " + id
            + "; valid: " + names(variants.stream().map(VariantDef::name).toList())));
  }

  private static String names(List<String> names) {
    return names.isEmpty() ? "(none)" : String.join(", ", names);
  }

  /**
   * Resolves a config, constant overrides ({@code NAME=VALUE} strings) and a variant.
   *
   * @throws UserInputException for an unknown config, constant or variant, or a bad value
   */
  public Resolved resolve(String config, List<String> overrides, String variant) {
    ConfigPreset preset = config(config);
    Map<String, Integer> values = new LinkedHashMap<>(preset.constants());
    for (String o : overrides) {
      int eq = o.indexOf('=');
      if (eq <= 0) {
        throw new UserInputException("--set takes NAME=VALUE, got '" + o + "'");
      }
      String name = o.substring(0, eq).trim();
      String text = o.substring(eq + 1).trim();
      ConstantDef def = constants.stream().filter(c -> c.name().equals(name)).findFirst()
          .orElseThrow(() -> new UserInputException("unknown constant '" + name + "' for model "
              + id + "; valid: " + names(constants.stream()
                  .map(c -> c.name() + " (" + c.range() + ")").toList())));
      values.put(name, parse(def, text));
    }
    VariantDef v = variant == null ? null : variant(variant);
    boolean overridden = !values.equals(preset.constants());
    return new Resolved(this, preset, values, v, overridden);
  }

  private static int parse(ConstantDef def, String text) {
    if (def.bool()) {
      // 1 and 0 too: traces record constants as integers.
      if (text.equalsIgnoreCase("true") || text.equals("1")) {
        return 1;
      } else if (text.equalsIgnoreCase("false") || text.equals("0")) {
        return 0;
      }
    } else {
      try {
        int n = Integer.parseInt(text);
        if (n >= def.min() && n <= def.max()) {
          return n;
        }
      } catch (NumberFormatException ignored) {
        // reported below
      }
    }
    throw new UserInputException("bad value '" + text + "' for constant " + def.name()
        + "; valid: " + def.range());
  }

  /**
   * A model with everything the user chose.
   *
   * @param entry the registry entry
   * @param preset the preset the constants started from
   * @param constants the final constants
   * @param variant the variant, or null
   * @param overridden whether {@code --set} changed any constant (golden numbers then do not
   *     apply)
   */
  public record Resolved(ModelEntry entry, ConfigPreset preset, Map<String, Integer> constants,
      VariantDef variant, boolean overridden) {

    /**
     * Builds the model.
     *
     * @throws UserInputException when the constants break a rule that spans several of them
     *     (the model's config record says which), e.g. the scheduler's groups x queues
     */
    public org.panthorverify.core.Model<?, ?> create() {
      try {
        return entry.factory().create(constants, variant == null ? null : variant.name());
      } catch (IllegalArgumentException e) {
        throw new UserInputException("constants " + constantsText() + " do not fit model "
            + entry.id() + ": " + e.getMessage());
      }
    }

    /** {@code name=value, ...} for banners. */
    public String constantsText() {
      List<String> parts = new ArrayList<>();
      for (ConstantDef d : entry.constants()) {
        parts.add(d.name() + "=" + d.show(constants.get(d.name())));
      }
      return parts.stream().collect(Collectors.joining(", "));
    }
  }
}
