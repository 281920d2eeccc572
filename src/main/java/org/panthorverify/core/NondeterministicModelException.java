package org.panthorverify.core;

/**
 * Re-executing the model did not reproduce a transition that the search had taken. The model is
 * not deterministic: its actions or successors depend on something other than the state (a
 * {@code HashSet}'s iteration order, a static counter, the clock, a random source).
 */
public final class NondeterministicModelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NondeterministicModelException(String message) {
    super(message);
  }
}
