package org.panthorverify.registry;

/**
 * A seeded bug: a named, small change to the correct model that re-creates a real (bug zoo) or
 * plausible defect, with the property that must catch it.
 *
 * @param name the variant's id, e.g. {@code fw-fast-reset-flag-stale}
 * @param description the mechanism, in one or two sentences
 * @param property the property that a check must find violated
 */
public record VariantDef(String name, String description, String property) {}
