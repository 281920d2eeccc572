package org.panthorverify.core;

/**
 * An exception thrown inside model code (an action, a guard, a property). It is a bug in the
 * model, not in the tool: reported with the model, action, step and state, exit code 75 (TLC's
 * evaluation failure).
 */
public final class ModelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String model;
  private final String action;
  private final int step;
  private final String state;

  public ModelException(String model, String action, int step, String state, Throwable cause) {
    super(
        "exception in model "
            + model
            + " at step "
            + step
            + (action == null ? "" : " in " + action)
            + ": "
            + cause
            + "; state: "
            + state,
        cause);
    this.model = model;
    this.action = action;
    this.step = step;
    this.state = state;
  }

  public String model() {
    return model;
  }

  /** The action being evaluated, or the property; null while computing initial states. */
  public String action() {
    return action;
  }

  /** The BFS level (0 for initial states) or trace index. */
  public int step() {
    return step;
  }

  public String state() {
    return state;
  }
}
