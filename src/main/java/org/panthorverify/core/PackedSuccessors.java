package org.panthorverify.core;

/**
 * An optional fast path for large models (see {@link Model#packedSuccessors()}): the successors of
 * a packed state computed directly on {@code long} words, with no objects. The BFS uses it when the
 * run checks no action property; everything else (properties, traces, replay) uses the object API.
 *
 * <p>Contract, checked by the model's tests against the object API: for a packed state {@code s},
 * {@link #successors} reports, in the order of {@link Model#enabledActions}, for each enabled
 * action {@code a} the kind of {@code a} (its index in {@link Model#actionNames()}) and {@code
 * pack(next(s, a))}; it returns the number of enabled actions. The model's canonical encoding
 * ({@link Model#encode}) must be exactly its packed words, its {@link Model#canonical} the
 * identity and its state constraint trivial.
 */
public interface PackedSuccessors {

  /** Receives one successor: its action kind and its packed words at {@code words[offset]}. */
  interface Sink {
    void successor(int actionKind, long[] words, int offset);
  }

  /**
   * Reports the successors of the packed state at {@code src[offset]}; returns how many. Each
   * successor is written into {@code scratch} (at least {@link StateCodec#words()} long) before it
   * is handed to the sink. Must be thread-safe (workers call it at once with their own scratch).
   */
  int successors(long[] src, int offset, long[] scratch, Sink sink);
}
