package org.panthorverify.core;

import java.util.Map;

/**
 * One named, parameterised step of a {@link Model}. Actions are usually records implementing a
 * sealed interface, one record per TLA+ action with the same name ({@code RMPrepare(int rm)} is
 * the TLA+ operator {@code RMPrepare(r)}).
 *
 * <p>The defaults read the name from the record's simple class name and the parameters from its
 * components, in declaration order. Override them when one class stands for several actions.
 * Actions must implement {@code equals}: a trace step is matched to an enabled action by its
 * {@link #name()} and {@link #params()}.
 */
public interface Action {

  /** The action's name, equal to the TLA+ operator and to {@code #meta.action} in traces. */
  default String name() {
    return Reflect.simpleName(getClass());
  }

  /** The action's parameters, in a fixed order. */
  default Map<String, Value> params() {
    return Reflect.components(this);
  }

  /** {@code Name(p1=v1, p2=v2)}, for messages. */
  default String label() {
    Map<String, Value> params = params();
    if (params.isEmpty()) {
      return name();
    }
    StringBuilder sb = new StringBuilder(name()).append('(');
    String sep = "";
    for (Map.Entry<String, Value> e : params.entrySet()) {
      sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
      sep = ", ";
    }
    return sb.append(')').toString();
  }
}
