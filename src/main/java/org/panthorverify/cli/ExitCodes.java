package org.panthorverify.cli;

import org.panthorverify.core.PropertyKind;
import org.panthorverify.explore.CheckResult;
import org.panthorverify.explore.IncompleteReason;

/**
 * Exit codes, compatible with TLC's where the meanings overlap (Apalache does the same). Scripts
 * and CI may rely on them.
 */
public final class ExitCodes {
  /** Every property holds and the search was complete. */
  public static final int PASSED = 0;
  /** {@code check all}: a model missed its expected verdict or golden numbers; {@code bench}: counts differ. */
  public static final int MISMATCH = 1;
  /** Usage error: bad option, unknown model/config/variant/property, malformed trace. */
  public static final int USAGE = 2;
  /** Incomplete: a limit, the heap guard or Ctrl-C ended the search; nothing was violated. */
  public static final int INCOMPLETE = 3;
  /** A deadlock. */
  public static final int DEADLOCK = 11;
  /** An invariant or action property violated, or a reachability witness missing. */
  public static final int SAFETY = 12;
  /** A liveness property violated. */
  public static final int LIVENESS = 13;
  /** Replay diverged: the trace does not conform to the model. */
  public static final int REPLAY_DIVERGED = 20;
  /** An exception inside model code (TLC's evaluation failure). */
  public static final int MODEL_EXCEPTION = 75;
  /** An internal error of panthor-verify (a bug: please report it with crash.txt). */
  public static final int INTERNAL = 255;

  private ExitCodes() {}

  /** The exit code of a violated property kind. */
  public static int of(PropertyKind kind) {
    return kind == PropertyKind.DEADLOCK ? DEADLOCK
        : kind == PropertyKind.LIVENESS ? LIVENESS : SAFETY;
  }

  /**
   * The exit code of a check result: its first violation, else incomplete, else passed. A random
   * simulation that ran all its walks without a violation is incomplete by nature (reason
   * SIMULATION) and exits 0: it did what was asked.
   */
  public static int of(CheckResult<?, ?> result) {
    if (!result.violations().isEmpty()) {
      return of(result.violations().get(0).kind());
    }
    IncompleteReason r = result.incomplete();
    return r != null && r != IncompleteReason.SIMULATION ? INCOMPLETE : PASSED;
  }
}
