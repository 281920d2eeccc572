package org.panthorverify.core;

/**
 * An optional fixed-width packing of states into {@code long} words (see {@link Model#codec()}).
 * With it, the explorer keeps its frontier as primitive arrays instead of objects, which takes the
 * garbage collector out of large searches. Packing must be exact: {@code unpack(pack(s))} equals
 * {@code s}.
 */
public interface StateCodec<S> {

  /** The number of words of every packed state. */
  int words();

  /** Writes {@code state} into {@code dst[offset .. offset + words())}. */
  void pack(S state, long[] dst, int offset);

  /** Reads the state packed at {@code src[offset]}. */
  S unpack(long[] src, int offset);
}
