package org.panthorverify.core;

/**
 * The sink of a state's canonical encoding (see {@link Model#encode}). Two states are the same
 * state exactly when they write the same sequence of values; an encoding must therefore be
 * unambiguous: write the size of a variable-length collection before its elements.
 */
public interface StateEncoder {

  /** Appends a 64-bit word. */
  void putLong(long v);

  /** Appends an int. */
  default void putInt(int v) {
    putLong(v);
  }

  /** Appends a boolean. */
  default void putBoolean(boolean v) {
    putLong(v ? 1 : 0);
  }

  /** Appends a string: its length, then its characters. */
  default void putString(String s) {
    putLong(s.length());
    for (int i = 0; i < s.length(); i++) {
      putLong(s.charAt(i));
    }
  }
}
