package org.panthorverify.explore;

import java.util.List;
import org.panthorverify.core.Action;

/**
 * The outcome of a search. The verdict is derived: any violation makes it {@link
 * Verdict#VIOLATED}; otherwise a search that was cut short is {@link Verdict#INCOMPLETE}, never
 * passed; otherwise {@link Verdict#PASSED}.
 *
 * @param violations violated properties, each once, in the order they were found
 * @param incomplete why the search stopped early, or null if it was complete
 * @param witnesses reachability witnesses that were found
 * @param stats final figures
 * @param coverage action coverage
 */
public record CheckResult<S, A extends Action>(
    List<Violation<S, A>> violations,
    IncompleteReason incomplete,
    List<Witness<S, A>> witnesses,
    ExploreStats stats,
    Coverage coverage) {

  /** The overall verdict. */
  public enum Verdict {
    PASSED,
    VIOLATED,
    INCOMPLETE
  }

  public CheckResult {
    violations = List.copyOf(violations);
    witnesses = List.copyOf(witnesses);
  }

  public Verdict verdict() {
    if (!violations.isEmpty()) {
      return Verdict.VIOLATED;
    }
    return incomplete != null ? Verdict.INCOMPLETE : Verdict.PASSED;
  }
}
