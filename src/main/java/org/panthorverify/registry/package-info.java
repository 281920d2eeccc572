/**
 * The explicit, immutable list of models: their constants, configuration presets with golden
 * numbers, bug-zoo variants and factories. No class-path scanning: a model is added with one
 * entry in {@link org.panthorverify.registry.ModelRegistry#standard()}.
 *
 * <p>May depend on: {@code core} and every {@code models.*} package.
 */
package org.panthorverify.registry;
