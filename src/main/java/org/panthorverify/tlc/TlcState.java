package org.panthorverify.tlc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One state of a TLC error trace, as TLC printed it.
 *
 * <p>{@code action} is the operator name from TLC's step header ({@code "Inc"} from {@code 2:
 * <Inc line 5, col 8 to line 5, col 35 of module Counter>}), {@code "Init"} for {@code
 * <Initial predicate>}. A temporal counter-example may end with an entry whose action is {@code
 * "Stuttering"} (same variables as the state before it) or with a "back to state" entry whose
 * {@code index} is the earlier state the loop returns to and whose variables are that state's.
 *
 * @param index TLC's 1-based state number
 * @param action the action that led to this state, {@code "Init"} for an initial state
 * @param vars variable name to TLA+ value text, in the order TLC printed them; a value TLC spread
 *     over several lines is joined into one, continuation lines stripped and joined with a space
 */
public record TlcState(int index, String action, Map<String, String> vars) {

  public TlcState {
    vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
  }
}
