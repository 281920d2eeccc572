package org.panthorverify.registry;

import java.util.Map;
import org.panthorverify.core.Model;

/** Builds a model from resolved constants and an optional variant (null: the correct model). */
@FunctionalInterface
public interface ModelFactory {
  Model<?, ?> create(Map<String, Integer> constants, String variant);
}
