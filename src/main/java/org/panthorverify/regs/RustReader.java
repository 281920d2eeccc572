package org.panthorverify.regs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Rust register file as {@code regs check} needs it: {@code const NAME: T = EXPR;}
 * constants (a {@code Register<OFFSET>} type makes one a register), {@code const fn NAME(i: usize)
 * -> usize { EXPR }} functions of an index, and the registers of the kernel's {@code register!}
 * macro in both of its forms: {@code register!(NAME @ OFFSET, "doc" { 7:0 f as u32, "doc"; })}
 * and {@code register! { pub(crate) NAME(u32)[COUNT, stride = S] @ OFFSET { 7:0 f; } }},
 * including aliases ({@code NAME(u32) => OTHER { … }}). Modules ({@code mod m { … }}) give
 * names their path, so {@code mmu_as_control::TRANSTAB} can be told from another TRANSTAB.
 */
final class RustReader {
  private record Tok(String text, int line) {}

  private final List<Tok> toks = new ArrayList<>();
  private final Expr env = new Expr();
  private final List<CheckedFile.Def> defs = new ArrayList<>();
  private final List<CheckedFile.MacroReg> regs = new ArrayList<>();
  private final List<CheckedFile.RustEnum> enums = new ArrayList<>();
  /** A constant as read: its names are qualified once the constants they may name are known. */
  private record Pending(String module, CheckedFile.Def def, List<String> body,
      List<String> params) {}

  private final List<Pending> pending = new ArrayList<>();
  private final Map<String, Boolean> keys = new HashMap<>();
  /** Constants that register! headers use (array counts, strides). */
  private final java.util.Set<String> used = new java.util.HashSet<>();
  private int pos;

  private RustReader(String text) {
    String clean = CReader.stripComments(text.replace("\r\n", "\n"));
    String[] lines = clean.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      for (String t : Expr.tokenize(lines[i])) {
        toks.add(new Tok(t, i + 1));
      }
    }
  }

  static CheckedFile read(String path, String text) {
    RustReader r = new RustReader(text);
    r.walk();
    java.util.Set<String> helpers = new java.util.HashSet<>(r.used);
    helpers.addAll(CheckedFile.usedByOthers(r.defs, r.env));
    return new CheckedFile(path, r.defs, r.regs, List.of(), r.enums, r.env, helpers);
  }

  private String peek(int k) {
    return pos + k < toks.size() ? toks.get(pos + k).text() : "";
  }

  private int line() {
    return pos < toks.size() ? toks.get(pos).line() : toks.isEmpty() ? 1
        : toks.get(toks.size() - 1).line();
  }

  private static boolean ident(String s) {
    return !s.isEmpty() && (Character.isLetter(s.charAt(0)) || s.charAt(0) == '_');
  }

  private void walk() {
    List<String> scope = new ArrayList<>();
    while (pos < toks.size()) {
      String t = peek(0);
      if (t.equals("mod") && ident(peek(1)) && peek(2).equals("{")) {
        scope.add(peek(1));
        pos += 3;
      } else if (t.equals("{")) {
        scope.add(null);
        pos++;
      } else if (t.equals("}")) {
        if (!scope.isEmpty()) {
          scope.remove(scope.size() - 1);
        }
        pos++;
      } else if (t.equals("const")) {
        constant(modulePath(scope));
      } else if (t.equals("enum") && ident(peek(1)) && peek(2).equals("{")) {
        rustEnum();
      } else if (t.equals("register") && peek(1).equals("!")) {
        pos += 2;
        String open = peek(0);
        if (!open.equals("(") && !open.equals("{")) {
          continue;
        }
        int end = matching(pos);
        List<Tok> body = new ArrayList<>(toks.subList(pos + 1, end));
        registerMacro(body, modulePath(scope));
        pos = end + 1;
      } else {
        pos++;
      }
    }
    // resolve names in constant bodies to module-qualified keys, now that all are known
    defineAll(env);
  }

  /** Defines every constant read so far in {@code into}, names qualified by the keys known. */
  private void defineAll(Expr into) {
    for (Pending p : pending) {
      into.define(new Expr.Macro(p.def().key(), p.params(), qualify(p.body(), p.module()),
          p.def().line()));
    }
  }

  private static String modulePath(List<String> scope) {
    StringBuilder sb = new StringBuilder();
    for (String s : scope) {
      if (s != null) {
        sb.append(s).append("::");
      }
    }
    return sb.toString();
  }

  /** Rewrites identifiers to the key of the innermost module constant that has that name. */
  private List<String> qualify(List<String> body, String module) {
    List<String> out = new ArrayList<>();
    for (String t : body) {
      String q = t;
      if (ident(t)) {
        String m = module;
        while (true) {
          if (keys.containsKey(m + t)) {
            q = m + t;
            break;
          }
          if (m.isEmpty()) {
            break;
          }
          int cut = m.lastIndexOf("::", m.length() - 3);
          m = cut < 0 ? "" : m.substring(0, cut + 2);
        }
      }
      out.add(q);
    }
    return out;
  }

  /** Index of the delimiter closing the one at {@code open}. */
  private int matching(int open) {
    return skip(toks, open);
  }

  private void constant(String module) {
    int line = line();
    pos++;
    if (peek(0).equals("fn")) {
      // const fn NAME(i: usize) -> usize { EXPR }
      String name = peek(1);
      if (!ident(name) || !peek(2).equals("(")) {
        return;
      }
      int close = matching(pos + 2);
      List<String> params = new ArrayList<>();
      for (int i = pos + 3; i < close; i++) {
        if (toks.get(i + 1 < toks.size() ? i + 1 : i).text().equals(":")
            && ident(toks.get(i).text())) {
          params.add(toks.get(i).text());
        }
      }
      int open = close + 1;
      while (open < toks.size() && !toks.get(open).text().equals("{")) {
        open++;
      }
      int end = matching(open);
      List<String> body = new ArrayList<>();
      for (int i = open + 1; i < end; i++) {
        body.add(toks.get(i).text());
      }
      pos = end + 1;
      String key = module + name;
      keys.put(key, true);
      CheckedFile.Def d = new CheckedFile.Def(name, key, params.size(), line);
      defs.add(d);
      List<String> p = new ArrayList<>(params);
      pending.add(new Pending(module, d, body, p));
      return;
    }
    String name = peek(0);
    if (!ident(name) || !peek(1).equals(":")) {
      return;
    }
    pos += 2;
    // the type, up to '=' outside <>
    List<String> type = new ArrayList<>();
    int angle = 0;
    while (pos < toks.size() && !(peek(0).equals("=") && angle == 0) && !peek(0).equals(";")) {
      String t = peek(0);
      if (t.equals("<")) {
        angle++;
      } else if (t.equals(">")) {
        angle--;
      } else if (t.equals(">>")) {
        angle -= 2;
      }
      type.add(t);
      pos++;
    }
    if (!peek(0).equals("=")) {
      return;
    }
    pos++;
    List<String> value = new ArrayList<>();
    int depth = 0;
    while (pos < toks.size() && !(peek(0).equals(";") && depth == 0)) {
      String t = peek(0);
      if (t.equals("(") || t.equals("{") || t.equals("[")) {
        depth++;
      } else if (t.equals(")") || t.equals("}") || t.equals("]")) {
        depth--;
      }
      value.add(t);
      pos++;
    }
    pos++;
    if (name.equals("_")) {
      return;
    }
    String key = module + name;
    keys.put(key, true);
    if (!type.isEmpty() && type.get(0).equals("Register") && type.size() >= 3) {
      List<String> off = new ArrayList<>(type.subList(2, type.size()));
      if (!off.isEmpty() && off.get(off.size() - 1).equals(">")) {
        off.remove(off.size() - 1);
      }
      CheckedFile.Def d = new CheckedFile.Def(name, key, -1, line);
      defs.add(d);
      pending.add(new Pending(module, d, off, null));
    } else {
      CheckedFile.Def d = new CheckedFile.Def(name, key, 0, line);
      defs.add(d);
      pending.add(new Pending(module, d, value, null));
    }
  }

  /** {@code enum NAME { A = 0, B = 1, … }}; enums with a variant without a value are skipped. */
  private void rustEnum() {
    String name = peek(1);
    int line = line();
    int open = pos + 2;
    int end = matching(open);
    List<CheckedFile.Variant> variants = new ArrayList<>();
    boolean valued = true;
    int i = open + 1;
    while (i < end) {
      int stop = i;
      int depth = 0;
      while (stop < end && !(toks.get(stop).text().equals(",") && depth == 0)) {
        String t = toks.get(stop).text();
        if (t.equals("(") || t.equals("[") || t.equals("{")) {
          depth++;
        } else if (t.equals(")") || t.equals("]") || t.equals("}")) {
          depth--;
        }
        stop++;
      }
      // skip attributes
      int k = i;
      while (k < stop && toks.get(k).text().equals("#")) {
        int close = k + 1;
        int d = 0;
        for (; close < stop; close++) {
          String t = toks.get(close).text();
          if (t.equals("[")) {
            d++;
          } else if (t.equals("]") && --d == 0) {
            break;
          }
        }
        k = close + 1;
      }
      if (k < stop) {
        if (k + 2 < stop + 1 && k + 1 < stop && toks.get(k + 1).text().equals("=")) {
          List<String> expr = new ArrayList<>();
          for (int q = k + 2; q < stop; q++) {
            expr.add(toks.get(q).text());
          }
          try {
            variants.add(new CheckedFile.Variant(toks.get(k).text(), env.eval(expr, 0),
                toks.get(k).line()));
          } catch (Expr.Unreadable e) {
            valued = false;
          }
        } else {
          valued = false;
        }
      }
      i = stop + 1;
    }
    if (valued && !variants.isEmpty()) {
      enums.add(new CheckedFile.RustEnum(name, variants, line));
    }
    pos = end + 1;
  }

  // ---- register! --------------------------------------------------------------------------

  private void registerMacro(List<Tok> body, String module) {
    int i = 0;
    while (i < body.size()) {
      // attributes and visibility
      String t = body.get(i).text();
      if (t.equals("#") && i + 1 < body.size() && body.get(i + 1).text().equals("[")) {
        i = skip(body, i + 1) + 1;
        continue;
      }
      if (t.equals("pub")) {
        i++;
        if (i < body.size() && body.get(i).text().equals("(")) {
          i = skip(body, i) + 1;
        }
        continue;
      }
      if (!ident(t)) {
        i++;
        continue;
      }
      int line = body.get(i).line();
      String name = t;
      i++;
      int width = 32;
      if (i < body.size() && body.get(i).text().equals("(")) {
        int close = skip(body, i);
        if (close == i + 2) {
          width = switch (body.get(i + 1).text()) {
            case "u8" -> 8;
            case "u16" -> 16;
            case "u64" -> 64;
            default -> 32;
          };
        }
        i = close + 1;
      }
      List<String> countExpr = null;
      List<String> strideExpr = null;
      if (i < body.size() && body.get(i).text().equals("[")) {
        int close = skip(body, i);
        countExpr = new ArrayList<>();
        int k = i + 1;
        while (k < close && !body.get(k).text().equals(",")) {
          countExpr.add(body.get(k++).text());
        }
        if (k < close) {
          k++; // ','
          if (k + 1 < close && body.get(k).text().equals("stride")
              && body.get(k + 1).text().equals("=")) {
            k += 2;
          }
          strideExpr = new ArrayList<>();
          while (k < close) {
            strideExpr.add(body.get(k++).text());
          }
        }
        i = close + 1;
      }
      List<String> offExpr = null;
      String aliasOf = null;
      if (i < body.size() && body.get(i).text().equals("@")) {
        i++;
        offExpr = new ArrayList<>();
        int depth = 0;
        while (i < body.size()) {
          String s = body.get(i).text();
          if (depth == 0 && (s.equals(",") || s.equals("{"))) {
            break;
          }
          if (s.equals("[") || s.equals("(")) {
            depth++;
          } else if (s.equals("]") || s.equals(")")) {
            depth--;
          }
          offExpr.add(s);
          i++;
        }
        // an old-style doc string: , "…"
        while (i < body.size() && !body.get(i).text().equals("{")) {
          i++;
        }
      } else if (i < body.size() && body.get(i).text().equals("=>")) {
        i++;
        StringBuilder sb = new StringBuilder();
        while (i < body.size() && !body.get(i).text().equals("{")) {
          sb.append(body.get(i++).text());
        }
        aliasOf = sb.toString();
      } else {
        continue;
      }
      if (i >= body.size() || !body.get(i).text().equals("{")) {
        break;
      }
      int close = skip(body, i);
      List<CheckedFile.MacroField> fields = fields(body.subList(i + 1, close));
      i = close + 1;
      String unreadable = null;
      Long offset = null;
      Long count = null;
      Long stride = null;
      try {
        if (offExpr != null) {
          offset = env0(offExpr, module);
        }
        if (countExpr != null) {
          count = env0(countExpr, module);
          stride = strideExpr == null ? (long) width / 8 : env0(strideExpr, module);
        }
      } catch (Expr.Unreadable e) {
        unreadable = e.getMessage();
      }
      regs.add(new CheckedFile.MacroReg(name, module, width, offset, count, stride, aliasOf,
          fields, unreadable, line));
    }
  }

  /** Evaluates an expression of a register! header (constants may come later in the file). */
  private long env0(List<String> expr, String module) throws Expr.Unreadable {
    // constants are resolved after the walk; evaluate with what is known so far
    Expr local = new Expr();
    defineAll(local);
    List<String> q = qualify(expr, module);
    for (String t : q) {
      if (keys.containsKey(t)) {
        used.add(t);
      }
    }
    return local.eval(q, 0);
  }

  private List<CheckedFile.MacroField> fields(List<Tok> body) {
    List<CheckedFile.MacroField> out = new ArrayList<>();
    int i = 0;
    while (i < body.size()) {
      int end = i;
      while (end < body.size() && !body.get(end).text().equals(";")) {
        end++;
      }
      List<Tok> f = body.subList(i, end);
      if (f.size() >= 4 && Character.isDigit(f.get(0).text().charAt(0))
          && f.get(1).text().equals(":") && Character.isDigit(f.get(2).text().charAt(0))
          && ident(f.get(3).text())) {
        try {
          int msb = (int) Expr.literal(f.get(0).text());
          int lsb = (int) Expr.literal(f.get(2).text());
          String type = null;
          for (int k = 4; k + 1 < f.size(); k++) {
            if (f.get(k).text().equals("=>") && ident(f.get(k + 1).text())) {
              type = f.get(k + 1).text();
              for (int q = k + 2; q + 1 < f.size() && f.get(q).text().equals("::"); q += 2) {
                type = f.get(q + 1).text();
              }
              break;
            }
          }
          out.add(new CheckedFile.MacroField(f.get(3).text(), msb, lsb, type, f.get(0).line()));
        } catch (Expr.Unreadable e) {
          // not a field line
        }
      }
      i = end + 1;
    }
    return out;
  }

  private static int skip(List<Tok> body, int open) {
    int depth = 0;
    for (int i = open; i < body.size(); i++) {
      String t = body.get(i).text();
      if (t.equals("(") || t.equals("{") || t.equals("[")) {
        depth++;
      } else if (t.equals(")") || t.equals("}") || t.equals("]")) {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return body.size() - 1;
  }
}
