package org.panthorverify.tlc;

import java.util.Optional;

/**
 * The TLC {@code -tool} message codes panthor-verify knows, as printed by TLC2 Version 2.18 (the
 * number after {@code @!@!@STARTMSG}). Every code here was observed in a real 2.18 run; the
 * comment gives the text TLC printed. Codes not listed are kept as plain numbers by the parser.
 */
public enum TlcMessageCode {
  /** "TLC2 Version 2.18 of 20 March 2023". */
  VERSION(2262),
  /** "Running breadth-first search Model-Checking with fp … and seed … with 1 worker …". */
  MODE(2187),
  /** "Starting SANY..." — SANY's own output that follows is not framed. */
  SANY_START(2220),
  /** "SANY finished." */
  SANY_END(2219),
  /** "Starting... (2026-11-25 09:20:53)". */
  STARTING(2185),
  /** "Implied-temporal checking--satisfiability problem has 1 branches." */
  TEMPORAL_BRANCHES(2212),
  /** "Computing initial states...". */
  COMPUTING_INIT(2189),
  /** "Finished computing initial states: 1 distinct state generated at …". */
  INIT_DONE(2190),
  /** "Progress(11) at …: 1,146 states generated (129,735 s/min), 288 distinct states …". */
  PROGRESS(2200),
  /** "Checking temporal properties for the complete state space with 3 total distinct …". */
  TEMPORAL_CHECK_START(2192),
  /** "Finished checking temporal properties in 00s at …". */
  TEMPORAL_CHECK_END(2267),
  /** "Model checking completed. No error has been found." plus the fingerprint estimate. */
  SUCCESS(2193),
  /** "1146 states generated, 288 distinct states found, 0 states left on queue." */
  STATS(2199),
  /** "The depth of the complete state graph search is 11." */
  DEPTH(2194),
  /** "The average outdegree of the complete state graph is 1 (minimum is 0, …)". */
  OUTDEGREE(2268),
  /** "Finished in 534ms at (2026-11-25 09:20:53)" — with -tool always whole milliseconds. */
  FINISHED(2186),
  /** "Invariant Small is violated." (exit 12). */
  INVARIANT_VIOLATED(2110),
  /** "Invariant Pos is violated by the initial state:" followed by the state (exit 12). */
  INVARIANT_VIOLATED_INITIAL(2107),
  /** "Action property AlwaysUp is violated." (exit 13). */
  ACTION_PROPERTY_VIOLATED(2112),
  /** "Deadlock reached." (exit 11). */
  DEADLOCK(2114),
  /** "Temporal properties were violated." — TLC does not name the property (exit 13). */
  TEMPORAL_VIOLATED(2116),
  /** "The behavior up to this point is:" — a safety trace follows. */
  BEHAVIOR_UP_TO_THIS_POINT(2121),
  /** "The following behavior constitutes a counter-example:" — a temporal trace follows. */
  COUNTER_EXAMPLE(2264),
  /** One state: "1: &lt;Initial predicate&gt;" or "2: &lt;Inc line 5, … of module M&gt;". */
  STATE(2217),
  /** "2: Stuttering" — the counter-example ends by stuttering forever. */
  STUTTERING(2218),
  /** "1: Back to state: &lt;Next line …&gt;" — the counter-example loops back to state 1. */
  BACK_TO_STATE(2122),
  /** "TLC threw an unexpected exception." with the cause, e.g. a failed CHOOSE (exit 75). */
  GENERAL_ERROR(1000),
  /** "The error occurred when TLC was evaluating the nested expressions at …". */
  NESTED_EXPRESSIONS(2103),
  /** "Parsing or semantic analysis failed." — SANY's unframed output says why (exit 150). */
  PARSING_FAILED(3002),
  /** "The invariant Missing specified in the configuration file is not defined …" (151). */
  CONFIG_UNDEFINED_INVARIANT(2229),
  /** "TLC encountered the following error when trying to read the configuration file …". */
  CONFIG_FILE_ERROR(5001);

  private final int code;

  TlcMessageCode(int code) {
    this.code = code;
  }

  /** The number TLC prints. */
  public int code() {
    return code;
  }

  /** The constant for a number TLC printed, if panthor-verify knows it. */
  public static Optional<TlcMessageCode> of(int code) {
    for (TlcMessageCode c : values()) {
      if (c.code == code) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
