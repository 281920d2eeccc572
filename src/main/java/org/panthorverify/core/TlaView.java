package org.panthorverify.core;

import java.util.List;
import java.util.Map;

/**
 * How a model's states and steps look in its TLA+ twin: the mapping that {@code conform} (graph
 * against graph) and {@code tlc} (a TLC trace replayed on the Java model) rely on. One mapping per
 * model, kept next to it.
 *
 * <p>Values are compared after {@link TlaValues#canonical}, so a view may return a record, a map
 * or a tuple wherever TLC prints a function, record or sequence; what must agree is the TLA+ value
 * itself (a set of AS ids where the spec has a set, not a bit mask).
 *
 * @param <S> the model's state type
 * @param <A> the model's action type
 */
public interface TlaView<S, A extends Action> {

  /** The spec's variables, in the order of its {@code VARIABLES} declaration. */
  List<String> variables();

  /** The state as the spec's variables, keyed by {@link #variables()}. */
  Map<String, Value> state(S state);

  /**
   * The name TLC gives the step from {@code state} by {@code action} to {@code next} in its traces
   * and in {@code -dump dot,actionlabels}: the innermost named operator of the {@code Next}
   * disjunct that takes it. The default is the Java action's name.
   */
  default String label(S state, A action, S next) {
    return action.name();
  }

  /**
   * The spec's constants for this model's configuration, by their TLA+ names, as the {@code
   * MC_<config>} files must give them; empty when the view does not say.
   */
  default Map<String, Value> constants() {
    return Map.of();
  }

  /**
   * The TLA+ name of a Java property: by default the Java name with {@code -} written {@code _}
   * ({@code M-5} is {@code M_5}).
   */
  default String propertyName(String javaName) {
    return javaName.replace('-', '_');
  }
}
