package org.panthorverify.regs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Integer constant expressions of C macros and Rust constants, evaluated in 64-bit unsigned
 * arithmetic: literals (with C and Rust suffixes and {@code _} separators), the C operators,
 * casts ({@code (u32)}, {@code as u64}), object-like and function-like macros (expanded by
 * substituting arguments), and the kernel's {@code BIT}, {@code BIT_ULL}, {@code GENMASK} and
 * {@code GENMASK_ULL}. What it cannot read (an unknown identifier, {@code sizeof}, token
 * pasting) is an {@link Unreadable}.
 */
final class Expr {

  /** An expression that cannot be evaluated; the message says why. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message, null, false, false);
    }
  }

  /** A macro or constant: {@code params} null for an object-like one. */
  record Macro(String name, List<String> params, List<String> body, int line) {}

  private static final Set<String> TYPES = Set.of("u8", "u16", "u32", "u64", "s8", "s16", "s32",
      "s64", "i8", "i16", "i32", "i64", "usize", "isize", "int", "unsigned", "long", "short",
      "char", "signed", "uint8_t", "uint16_t", "uint32_t", "uint64_t", "int32_t", "int64_t",
      "size_t", "__u32", "__u64", "__u8", "__u16", "__le32", "__le64");

  private final Map<String, Macro> macros = new HashMap<>();

  void define(Macro m) {
    macros.put(m.name(), m);
  }

  Macro macro(String name) {
    return macros.get(name);
  }

  /** Splits C or Rust source text into expression tokens. */
  static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        int j = i;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      } else if (Character.isDigit(c)) {
        int j = i;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      } else {
        String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
        if (List.of("<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "##", "::", "->", "=>")
            .contains(two)) {
          out.add(two);
          i += 2;
        } else {
          out.add(String.valueOf(c));
          i++;
        }
      }
    }
    return out;
  }

  /** Evaluates an object-like macro or constant. */
  long value(String name) throws Unreadable {
    Macro m = macros.get(name);
    if (m == null) {
      throw new Unreadable("'" + name + "' is not defined");
    }
    if (m.params() != null) {
      throw new Unreadable("'" + name + "' takes arguments");
    }
    return eval(m.body(), 0);
  }

  /** Evaluates a function-like macro of one argument at {@code arg}. */
  long apply(String name, long arg) throws Unreadable {
    Macro m = macros.get(name);
    if (m == null || m.params() == null || m.params().size() != 1) {
      throw new Unreadable("'" + name + "' is not a macro of one argument");
    }
    return eval(substitute(m, List.of(List.of(Long.toUnsignedString(arg)))), 0);
  }

  long eval(List<String> tokens, int depth) throws Unreadable {
    if (depth > 64) {
      throw new Unreadable("macro expansion too deep");
    }
    if (tokens.isEmpty()) {
      throw new Unreadable("empty expression");
    }
    Parser p = new Parser(tokens, depth);
    long v = p.ternary();
    if (p.pos != tokens.size()) {
      throw new Unreadable("unexpected '" + tokens.get(p.pos) + "'");
    }
    return v;
  }

  private static List<String> substitute(Macro m, List<List<String>> args) throws Unreadable {
    if (args.size() != m.params().size()) {
      throw new Unreadable("'" + m.name() + "' takes " + m.params().size() + " arguments, given "
          + args.size());
    }
    List<String> out = new ArrayList<>();
    for (String t : m.body()) {
      if (t.equals("##") || t.equals("#")) {
        throw new Unreadable("token pasting in '" + m.name() + "'");
      }
      int k = m.params().indexOf(t);
      if (k >= 0) {
        out.add("(");
        out.addAll(args.get(k));
        out.add(")");
      } else {
        out.add(t);
      }
    }
    return out;
  }

  static long literal(String t) throws Unreadable {
    String s = t.replace("_", "").toLowerCase(java.util.Locale.ROOT);
    int radix = 10;
    if (s.startsWith("0x")) {
      radix = 16;
      s = s.substring(2);
    } else if (s.startsWith("0b")) {
      radix = 2;
      s = s.substring(2);
    } else if (s.length() > 1 && s.startsWith("0") && Character.isDigit(s.charAt(1))) {
      radix = 8;
      s = s.substring(1);
    }
    // Rust type suffixes, then C's u/l
    s = s.replaceFirst("(u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize)$", "");
    s = s.replaceFirst("[ul]+$", "");
    try {
      return Long.parseUnsignedLong(s, radix);
    } catch (NumberFormatException e) {
      throw new Unreadable("bad number '" + t + "'");
    }
  }

  private final class Parser {
    final List<String> t;
    final int depth;
    int pos;

    Parser(List<String> t, int depth) {
      this.t = t;
      this.depth = depth;
    }

    String peek() {
      return pos < t.size() ? t.get(pos) : "";
    }

    boolean eat(String s) {
      if (peek().equals(s)) {
        pos++;
        return true;
      }
      return false;
    }

    void expect(String s) throws Unreadable {
      if (!eat(s)) {
        throw new Unreadable("expected '" + s + "' but found '" + peek() + "'");
      }
    }

    long ternary() throws Unreadable {
      long c = binary(0);
      if (eat("?")) {
        long a = ternary();
        expect(":");
        long b = ternary();
        return c != 0 ? a : b;
      }
      return c;
    }

    private static final List<List<String>> LEVELS = List.of(List.of("||"), List.of("&&"),
        List.of("|"), List.of("^"), List.of("&"), List.of("==", "!="),
        List.of("<", ">", "<=", ">="), List.of("<<", ">>"), List.of("+", "-"),
        List.of("*", "/", "%"));

    long binary(int level) throws Unreadable {
      if (level == LEVELS.size()) {
        return unary();
      }
      long v = binary(level + 1);
      while (LEVELS.get(level).contains(peek())) {
        String op = t.get(pos++);
        long r = binary(level + 1);
        v = switch (op) {
          case "||" -> (v != 0 || r != 0) ? 1 : 0;
          case "&&" -> (v != 0 && r != 0) ? 1 : 0;
          case "|" -> v | r;
          case "^" -> v ^ r;
          case "&" -> v & r;
          case "==" -> v == r ? 1 : 0;
          case "!=" -> v != r ? 1 : 0;
          case "<" -> Long.compareUnsigned(v, r) < 0 ? 1 : 0;
          case ">" -> Long.compareUnsigned(v, r) > 0 ? 1 : 0;
          case "<=" -> Long.compareUnsigned(v, r) <= 0 ? 1 : 0;
          case ">=" -> Long.compareUnsigned(v, r) >= 0 ? 1 : 0;
          case "<<" -> r >= 64 ? 0 : v << r;
          case ">>" -> r >= 64 ? 0 : v >>> r;
          case "+" -> v + r;
          case "-" -> v - r;
          case "*" -> v * r;
          case "/" -> {
            if (r == 0) {
              throw new Unreadable("division by zero");
            }
            yield Long.divideUnsigned(v, r);
          }
          default -> {
            if (r == 0) {
              throw new Unreadable("division by zero");
            }
            yield Long.remainderUnsigned(v, r);
          }
        };
      }
      return v;
    }

    long unary() throws Unreadable {
      if (eat("-")) {
        return -unary();
      }
      if (eat("+")) {
        return unary();
      }
      if (eat("~")) {
        return ~unary();
      }
      if (eat("!")) {
        return unary() == 0 ? 1 : 0;
      }
      // a cast: ( type words )
      if (peek().equals("(") && pos + 1 < t.size() && TYPES.contains(t.get(pos + 1))) {
        int j = pos + 1;
        while (j < t.size() && TYPES.contains(t.get(j))) {
          j++;
        }
        if (j < t.size() && t.get(j).equals(")")) {
          pos = j + 1;
          return unary();
        }
      }
      return postfix();
    }

    long postfix() throws Unreadable {
      long v = primary();
      while (peek().equals("as") && pos + 1 < t.size() && TYPES.contains(t.get(pos + 1))) {
        String type = t.get(pos + 1);
        pos += 2;
        v = switch (type) {
          case "u8" -> v & 0xff;
          case "u16" -> v & 0xffff;
          case "u32" -> v & 0xffffffffL;
          default -> v;
        };
      }
      return v;
    }

    long primary() throws Unreadable {
      String tok = peek();
      if (tok.isEmpty()) {
        throw new Unreadable("expression ends early");
      }
      pos++;
      if (tok.equals("(")) {
        long v = ternary();
        expect(")");
        return v;
      }
      if (Character.isDigit(tok.charAt(0))) {
        return literal(tok);
      }
      if (Character.isLetter(tok.charAt(0)) || tok.charAt(0) == '_') {
        if (tok.equals("sizeof")) {
          throw new Unreadable("sizeof is not evaluated");
        }
        if (peek().equals("(")) {
          List<List<String>> args = args();
          switch (tok) {
            case "BIT", "BIT_ULL", "BIT_U32", "BIT_U64", "bit_u8", "bit_u16", "bit_u32",
                "bit_u64" -> {
              long n = one(args, tok);
              return n >= 64 ? 0 : 1L << n;
            }
            case "genmask_u8", "genmask_u16", "genmask_u32", "genmask_u64" -> {
              // the kernel's Rust genmask takes a range: genmask_u32(0..=7)
              List<String> a = args.size() == 1 ? args.get(0) : List.of();
              int dots = -1;
              for (int k = 0; k + 2 < a.size(); k++) {
                if (a.get(k).equals(".") && a.get(k + 1).equals(".") && a.get(k + 2).equals("=")) {
                  dots = k;
                }
              }
              if (dots < 0) {
                throw new Unreadable(tok + " takes a range l..=h");
              }
              long l = eval(a.subList(0, dots), depth + 1);
              long h = eval(a.subList(dots + 3, a.size()), depth + 1);
              return genmask(h, l, tok + "(" + l + "..=" + h + ")");
            }
            case "GENMASK", "GENMASK_ULL", "GENMASK_U32", "GENMASK_U64" -> {
              if (args.size() != 2) {
                throw new Unreadable(tok + " takes two arguments");
              }
              long h = eval(args.get(0), depth + 1);
              long l = eval(args.get(1), depth + 1);
              return genmask(h, l, tok + "(" + h + ", " + l + ")");
            }
            default -> {
              Macro m = macros.get(tok);
              if (m == null || m.params() == null) {
                throw new Unreadable("'" + tok + "' is not a known macro");
              }
              return eval(substitute(m, args), depth + 1);
            }
          }
        }
        Macro m = macros.get(tok);
        if (m == null) {
          throw new Unreadable("'" + tok + "' is not defined here");
        }
        if (m.params() != null) {
          throw new Unreadable("'" + tok + "' needs arguments");
        }
        return eval(m.body(), depth + 1);
      }
      throw new Unreadable("unexpected '" + tok + "'");
    }

    /** {@code GENMASK(h, l)}; {@code call} is how the file wrote it, for the error. */
    long genmask(long h, long l, String call) throws Unreadable {
      if (h > 63 || l > h) {
        throw new Unreadable(call + " is not a bit range");
      }
      return Bits.mask((int) h, (int) l);
    }

    long one(List<List<String>> args, String name) throws Unreadable {
      if (args.size() != 1) {
        throw new Unreadable(name + " takes one argument");
      }
      return eval(args.get(0), depth + 1);
    }

    /** The arguments of a call: token lists split at top-level commas. */
    List<List<String>> args() throws Unreadable {
      expect("(");
      List<List<String>> out = new ArrayList<>();
      List<String> cur = new ArrayList<>();
      int nest = 0;
      while (true) {
        if (pos >= t.size()) {
          throw new Unreadable("unbalanced parentheses");
        }
        String s = t.get(pos++);
        if (s.equals("(")) {
          nest++;
        } else if (s.equals(")")) {
          if (nest == 0) {
            break;
          }
          nest--;
        } else if (s.equals(",") && nest == 0) {
          out.add(cur);
          cur = new ArrayList<>();
          continue;
        }
        cur.add(s);
      }
      if (!cur.isEmpty() || !out.isEmpty()) {
        out.add(cur);
      }
      return out;
    }
  }
}
