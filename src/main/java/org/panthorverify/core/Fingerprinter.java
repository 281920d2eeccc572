package org.panthorverify.core;

/**
 * Computes 64-bit fingerprints of canonical state encodings, the way TLC keeps visited states as
 * 64-bit fingerprints instead of whole states.
 *
 * <p>The hash is MurmurHash3's 64-bit block mix applied to each word of the encoding, finished
 * with its {@code fmix64} avalanche and the word count. Fingerprints depend only on the encoded
 * words, never on {@code Object.hashCode()}, so they are stable across JVM runs and machines.
 * Zero is never returned (it marks an empty slot in fingerprint tables).
 *
 * <p>Not thread-safe: give each worker its own instance.
 */
public final class Fingerprinter implements StateEncoder {
  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;
  private static final long SEED = 0x243F6A8885A308D3L;

  private long h = SEED;
  private long count;

  /** The fingerprint of {@code state}'s canonical encoding under {@code model}. */
  public <S> long fingerprint(Model<S, ?> model, S state) {
    h = SEED;
    count = 0;
    model.encode(state, this);
    return finish();
  }

  /**
   * The fingerprint of an encoding given as words: equal to {@link #fingerprint} of a state whose
   * {@code encode} writes exactly these words.
   */
  public long fingerprint(long[] words, int offset, int length) {
    h = SEED;
    count = 0;
    for (int i = offset; i < offset + length; i++) {
      putLong(words[i]);
    }
    return finish();
  }

  @Override
  public void putLong(long v) {
    long k = v * C1;
    k = Long.rotateLeft(k, 31);
    k *= C2;
    h ^= k;
    h = Long.rotateLeft(h, 27) * 5 + 0x52dce729;
    count++;
  }

  private long finish() {
    long x = h ^ count;
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    x *= 0xc4ceb9fe1a85ec53L;
    x ^= x >>> 33;
    return x == 0 ? 0x5DEECE66DL : x;
  }

  /**
   * TLC's optimistic estimate of the probability that two distinct states shared a fingerprint,
   * so that a state was wrongly taken as seen: {@code n * (g - n) / 2^64} for {@code n} distinct
   * and {@code g} generated states.
   */
  public static double collisionProbability(long distinct, long generated) {
    return (double) distinct * (double) Math.max(0, generated - distinct) / 0x1p64;
  }
}
