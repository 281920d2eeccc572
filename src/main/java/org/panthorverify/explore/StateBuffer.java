package org.panthorverify.explore;

import java.util.Arrays;
import org.panthorverify.core.StateCodec;

/**
 * A growable list of states: packed into a {@code long[]} when the model has a {@link
 * StateCodec}, otherwise an {@code Object[]}. Not thread-safe.
 */
abstract class StateBuffer<S> {
  int size;

  static <S> StateBuffer<S> create(StateCodec<S> codec, int capacity) {
    return codec == null ? new Objects<>(capacity) : new Packed<>(codec, capacity);
  }

  abstract void add(S state);

  /** Empties the buffer, keeping its storage for reuse. */
  void clear() {
    size = 0;
  }

  abstract S get(int i);

  /** Appends element {@code i} of {@code src} (a buffer of the same kind) without unpacking it. */
  abstract void addFrom(StateBuffer<S> src, int i);

  private static final class Objects<S> extends StateBuffer<S> {
    private Object[] states;

    Objects(int capacity) {
      states = new Object[Math.max(4, capacity)];
    }

    @Override
    void add(S state) {
      if (size == states.length) {
        states = Arrays.copyOf(states, size * 2);
      }
      states[size++] = state;
    }

    @Override
    @SuppressWarnings("unchecked")
    S get(int i) {
      return (S) states[i];
    }

    @Override
    void addFrom(StateBuffer<S> src, int i) {
      add(src.get(i));
    }
  }

  static final class Packed<S> extends StateBuffer<S> {
    private final StateCodec<S> codec;
    private final int w;
    private long[] words;

    Packed(StateCodec<S> codec, int capacity) {
      this.codec = codec;
      this.w = codec.words();
      this.words = new long[Math.max(4, capacity) * w];
    }

    private void ensure() {
      if ((size + 1) * w > words.length) {
        words = Arrays.copyOf(words, words.length * 2);
      }
    }

    @Override
    void add(S state) {
      ensure();
      codec.pack(state, words, size * w);
      size++;
    }

    @Override
    S get(int i) {
      return codec.unpack(words, i * w);
    }

    @Override
    void addFrom(StateBuffer<S> src, int i) {
      ensure();
      System.arraycopy(((Packed<S>) src).words, i * w, words, size * w, w);
      size++;
    }

    /** Appends the packed state at {@code src[offset]}. */
    void addWords(long[] src, int offset) {
      ensure();
      System.arraycopy(src, offset, words, size * w, w);
      size++;
    }

    /** The backing words; state {@code i} starts at {@code i * words()}. */
    long[] words() {
      return words;
    }
  }
}
