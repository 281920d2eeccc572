package org.panthorverify.tlc;

import java.nio.file.Path;
import java.util.List;

/**
 * What one TLC run reported, read from its {@code -tool} messages.
 *
 * <p>Figures TLC did not print are -1: an invariant violated by an initial state, for example,
 * comes without statistics or depth, and a run that never finished has no {@code tlcMillis}. When
 * the final statistics (2199) are missing the last progress report (2200) is used.
 *
 * @param exitCode TLC's process exit code, as is: 0 ok, 11 deadlock, 12 safety, 13 liveness, 75-77
 *     evaluation failures, 150-153 spec/config errors, 255 other; a killed child's code otherwise
 * @param generated states generated
 * @param distinct distinct states found
 * @param queueLeft states left on the queue
 * @param depth the depth TLC reports for the state graph
 * @param tlcMillis TLC's own "Finished in" time in milliseconds
 * @param wallMillis wall-clock time of the child process, start to exit
 * @param violationKind null (none), "invariant", "deadlock", "temporal" (also action properties,
 *     which TLC reports with exit 13) or "error" (anything else that went wrong)
 * @param violatedProperty the invariant or action property TLC names, else null (TLC 2.18 does not
 *     name violated temporal properties)
 * @param trace the error trace, empty if none
 * @param errorMessage one line saying what went wrong (parse error, missing file, evaluation error,
 *     timeout); null if nothing did
 * @param log the file holding TLC's full output
 */
public record TlcResult(
    int exitCode,
    long generated,
    long distinct,
    long queueLeft,
    int depth,
    long tlcMillis,
    long wallMillis,
    String violationKind,
    String violatedProperty,
    List<TlcState> trace,
    String errorMessage,
    Path log) {

  public TlcResult {
    trace = List.copyOf(trace);
  }

  /** Whether TLC finished, exit code 0, with nothing violated and no error. */
  public boolean ok() {
    return exitCode == 0 && violationKind == null && errorMessage == null;
  }
}
