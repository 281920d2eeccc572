package org.panthorverify.trace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.panthorverify.core.Value;

/**
 * One state of an ITF trace: its position, the action that led to it and its variables.
 *
 * <p>Equality compares {@code params} in order, since they are written in that order, and {@code
 * vars} as a map, since they are written in the trace's {@code vars} order.
 *
 * @param index the position in the trace, from 0
 * @param action the name of the action that led to this state; null for index 0 and only there
 * @param params the action's parameters, in order; empty for index 0 (null means empty)
 * @param vars the state's variables, keyed by name
 */
public record ItfState(
    int index, String action, Map<String, Value> params, Map<String, Value> vars) {

  public ItfState {
    if (index < 0) {
      throw new IllegalArgumentException("negative state index " + index);
    }
    params = copy(params, "parameter");
    vars = copy(vars, "variable");
    if (index == 0 && (action != null || !params.isEmpty())) {
      throw new IllegalArgumentException("the initial state has no action and no parameters");
    }
    if (index > 0 && action == null) {
      throw new IllegalArgumentException("state " + index + " names no action");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ItfState s
        && index == s.index
        && Objects.equals(action, s.action)
        && List.copyOf(params.entrySet()).equals(List.copyOf(s.params.entrySet()))
        && vars.equals(s.vars);
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, action, params, vars);
  }

  private static Map<String, Value> copy(Map<String, Value> m, String what) {
    Map<String, Value> out = new LinkedHashMap<>();
    if (m != null) {
      m.forEach(
          (k, v) ->
              out.put(
                  Objects.requireNonNull(k, what + " name"),
                  Objects.requireNonNull(v, () -> what + " " + k)));
    }
    return Collections.unmodifiableMap(out);
  }
}
