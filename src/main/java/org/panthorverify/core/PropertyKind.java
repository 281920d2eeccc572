package org.panthorverify.core;

/** The kinds of property, and of violation, a run can report. */
public enum PropertyKind {
  /** A state predicate. */
  INVARIANT,
  /** A transition predicate. */
  ACTION,
  /** A reachability witness. */
  REACHABLE,
  /** A liveness property under fairness. */
  LIVENESS,
  /** A reachable state without successors that the model does not accept as an end. */
  DEADLOCK;

  /** The name under which a deadlock is reported, like a property. */
  public static final String DEADLOCK_NAME = "Deadlock";
}
