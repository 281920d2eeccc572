package org.panthorverify.regs;

import java.util.List;

/**
 * What {@code regs check} read from a C header or a Rust file: named constants and macros, the
 * registers of the kernel's {@code register!} macro, C structs, Rust enums. Values are read
 * through {@link #env()} when compared, so a definition that cannot be evaluated is reported
 * only if its name matters. {@code helpers} are the keys of definitions that other definitions
 * (or register! headers) use: a helper unknown to the description is checked through its
 * users, not reported on its own.
 */
record CheckedFile(String path, List<Def> defs, List<MacroReg> registers,
    List<Struct> structs, List<RustEnum> enums, Expr env, java.util.Set<String> helpers) {

  /**
   * A named constant or macro. {@code key} is how {@link #env()} knows it (a Rust constant's
   * module-qualified name); {@code params} is its parameter count (0 for a constant, -1 when it
   * is a Rust {@code Register<OFFSET>} constant whose value is the offset).
   */
  record Def(String name, String key, int params, int line) {}

  /**
   * A field of a {@code register!} register: {@code msb:lsb name}, with the type it converts to
   * ({@code => T} or {@code ?=> T}; null when none).
   */
  record MacroField(String name, int msb, int lsb, String type, int line) {}

  /** A variant of a Rust enum with an explicit value: {@code Name = value}. */
  record Variant(String name, long value, int line) {}

  /** A Rust enum whose variants all have values. */
  record RustEnum(String name, List<Variant> variants, int line) {}

  /**
   * A register of the kernel's {@code register!} macro: {@code NAME(u32) @ OFFSET},
   * {@code NAME(u32)[COUNT, stride = S] @ OFFSET}, or an alias {@code NAME(u32) => OTHER}
   * ({@code aliasOf} set, offset unknown). {@code module} is the Rust module path it sits in.
   */
  record MacroReg(String name, String module, int width, Long offset, Long count, Long stride,
      String aliasOf, List<MacroField> fields, String unreadable, int line) {}

  /** A member of a C struct: byte offset and size (natural alignment). */
  record Member(String name, long offset, int size, int line) {}

  /** The keys of the definitions that other definitions use (see {@link #helpers()}). */
  static java.util.Set<String> usedByOthers(List<Def> defs, Expr env) {
    java.util.Set<String> used = new java.util.HashSet<>();
    for (Def d : defs) {
      Expr.Macro m = env.macro(d.key());
      if (m != null) {
        for (String t : m.body()) {
          if (env.macro(t) != null && !t.equals(d.key())) {
            used.add(t);
          }
        }
      }
    }
    return used;
  }

  /** A C struct of fixed-size integer members, or {@code unreadable} when it has others. */
  record Struct(String name, List<Member> members, String unreadable, int line) {}
}
