package org.panthorverify.core;

import java.util.Objects;

/**
 * One state of a trace and the action that led to it ({@code null} for the initial state).
 *
 * @param action the action taken from the previous state; null at index 0
 * @param state the state reached
 */
public record Step<S, A extends Action>(A action, S state) {
  public Step {
    Objects.requireNonNull(state, "state");
  }
}
