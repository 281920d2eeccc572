package org.panthorverify.trace;

import java.util.regex.Pattern;

/** JSON paths such as {@code states[3].rmState} for messages, and one-line message text. */
final class JsonPaths {
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_#$-]+");
  private static final int MAX_KEY = 40;
  private static final int MAX_PATH = 120;

  private JsonPaths() {}

  /** The path of field {@code key} of the object at {@code path} ("" is the top level). */
  static String child(String path, String key) {
    if (PLAIN_KEY.matcher(key).matches() && key.length() <= MAX_KEY) {
      return path.isEmpty() ? key : path + "." + key;
    }
    return path + "[" + quote(key) + "]";
  }

  /** The path of element {@code i} of the array at {@code path}. */
  static String index(String path, int i) {
    return path + "[" + i + "]";
  }

  /** The path for a message: "the top level" for the root; long paths cut in the middle. */
  static String at(String path) {
    if (path.length() > MAX_PATH) {
      return path.substring(0, MAX_PATH - 30) + "..." + path.substring(path.length() - 27);
    }
    return path.isEmpty() ? "the top level" : path;
  }

  /** {@code s} as a short JSON string literal, cut after {@value #MAX_KEY} characters. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    int n = Math.min(s.length(), MAX_KEY);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c == 0x2028 || c == 0x2029
          || c == 0x85) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append(s.length() > MAX_KEY ? "\"..." : "\"").toString();
  }

  /** {@code s} with line breaks and other control characters turned into spaces. */
  static String oneLine(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean control = Character.isISOControl(c) || c == 0x2028 || c == 0x2029;
      sb.append(control ? ' ' : c);
    }
    return sb.toString();
  }
}
