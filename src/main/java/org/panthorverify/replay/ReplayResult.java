package org.panthorverify.replay;

import org.panthorverify.core.PropertyKind;

/**
 * The outcome of replaying a trace on a model.
 *
 * @param divergedAt index of the first state that could not be reproduced, or -1 if the whole
 *     trace conforms
 * @param message one line: what diverged, or what the trace shows
 * @param violated the first property the trace violates (the trace's own {@code #meta.property}
 *     if it names one and it is violated), or null
 * @param kind the kind of the violated property, or null
 * @param violatedAt the index of the state where it is violated, or -1
 * @param states the number of states in the trace
 */
public record ReplayResult(
    int divergedAt, String message, String violated, PropertyKind kind, int violatedAt,
    int states) {

  /** Whether every step was enabled and reproduced the trace's state. */
  public boolean conforms() {
    return divergedAt < 0;
  }
}
