package org.panthorverify.trace;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A whole ITF trace: metadata, the variable names and the states, each of which has exactly
 * those variables.
 *
 * @param meta the trace metadata; null if the trace has none, or none that names a model (as in
 *     traces written by Apalache)
 * @param vars the variable names, in the order states list them
 * @param states the states; state {@code i} has index {@code i}
 * @param loop the index the last state loops back to (a lasso), or -1 for a finite trace
 */
public record ItfTrace(TraceMeta meta, List<String> vars, List<ItfState> states, int loop) {

  public ItfTrace {
    vars = List.copyOf(vars);
    states = List.copyOf(states);
    Set<String> names = new HashSet<>();
    for (String v : vars) {
      if (v.startsWith("#")) {
        throw new IllegalArgumentException("variable " + v + " starts with '#'");
      }
      if (!names.add(v)) {
        throw new IllegalArgumentException("duplicate variable " + v);
      }
    }
    if (states.isEmpty()) {
      throw new IllegalArgumentException("a trace has at least one state");
    }
    for (int i = 0; i < states.size(); i++) {
      ItfState s = states.get(i);
      if (s.index() != i) {
        throw new IllegalArgumentException("state " + i + " has index " + s.index());
      }
      if (!s.vars().keySet().equals(names)) {
        throw new IllegalArgumentException(
            "state " + i + " has variables " + s.vars().keySet() + ", expected " + vars);
      }
    }
    if (loop < -1 || loop >= states.size()) {
      throw new IllegalArgumentException("loop " + loop + " outside the trace");
    }
  }

  /** A finite trace (no loop). */
  public ItfTrace(TraceMeta meta, List<String> vars, List<ItfState> states) {
    this(meta, vars, states, -1);
  }
}
