package org.panthorverify.regs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.panthorverify.regs.RegisterMap.BlockKind;
import org.panthorverify.regs.RegisterMap.Field;
import org.panthorverify.regs.RegisterMap.Placed;
import org.panthorverify.regs.Symbols.Entity;
import org.panthorverify.regs.Symbols.Kind;
import org.panthorverify.regs.Symbols.Symbol;

/**
 * {@code regs check}: compares a C header or a Rust register file with the description. Every
 * name the file defines is looked up among the description's symbols (FORMAT.md, Naming, and
 * the {@code aka} aliases); its offset, bit range or value is compared; names the description
 * does not know, and entities the file lacks, are reported too. Each difference carries the
 * file and line it is about.
 */
public final class RegsCheck {

  /** The kinds of difference. */
  public enum DiffKind {
    /** Known on both sides, with another offset, bit range or value. */
    MISMATCH,
    /** Defined in the file, unknown to the description. */
    UNKNOWN,
    /** In the description, absent from the file. */
    MISSING,
    /** Known to the description but not evaluable in the file (e.g. a macro of 2 arguments). */
    UNREADABLE
  }

  /**
   * One difference. {@code file}/{@code line} locate it (the checked file, or the description
   * for MISSING); {@code expected} and {@code found} are set for MISMATCH.
   */
  public record Difference(DiffKind kind, String name, String file, int line, String expected,
      String found, String message) {
    /** {@code file:line: NAME: message}. */
    public String render() {
      return file + ":" + line + ": " + name + ": " + message;
    }
  }

  /** What to report. */
  public enum Scope {
    /** Missing entities of the blocks the file defines something of (the default). */
    TOUCHED,
    /** Missing entities of every block. */
    ALL,
    /** No missing entities and no unknown names: only what both sides define. */
    COMMON
  }

  /** The outcome: the differences, in order, and how many names agreed. */
  public record Result(String file, String source, List<Difference> differences, int agreed) {
    public boolean clean() {
      return differences.isEmpty();
    }

    public long count(DiffKind k) {
      return differences.stream().filter(d -> d.kind() == k).count();
    }
  }

  /** The language of a checked file. */
  public enum Lang { C, RUST }

  private final Symbols syms;
  private final CheckedFile file;
  private final Scope scope;
  private final Set<String> blocks;
  private final List<Difference> diffs = new ArrayList<>();
  private final Set<Entity> present = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<String, Entity> qualified = new HashMap<>();
  /** Blocks and arrays whose base symbol the file defines: it gives their offsets relative. */
  private final Map<Object, Symbol> relative = new IdentityHashMap<>();
  private int agreed;

  private RegsCheck(Symbols syms, CheckedFile file, Scope scope, Set<String> blocks) {
    this.syms = syms;
    this.file = file;
    this.scope = scope;
    this.blocks = blocks;
    for (Entity e : syms.entities()) {
      List<String> aka = e.what().equals("register") ? e.reg().reg().aka()
          : e.what().equals("array") ? ((RegisterMap.RegArray) e.scope()).aka() : List.of();
      for (String a : aka) {
        qualified.put(a, e);
      }
    }
  }

  /** The language of {@code path} by its extension ({@code .h}, {@code .c}, {@code .rs}). */
  public static Lang langOf(Path path) {
    String n = path.getFileName().toString();
    if (n.endsWith(".rs")) {
      return Lang.RUST;
    }
    if (n.endsWith(".h") || n.endsWith(".c")) {
      return Lang.C;
    }
    throw new RegsException("cannot tell the language of " + path + ": give a .h or .c file (a C "
        + "header) or a .rs file (Rust), or say --lang c|rust");
  }

  /** Reads and checks a file. */
  public static Result check(RegisterMap map, Path path, Lang lang, Scope scope,
      Set<String> blocks) {
    return check(map, path.toString(), RegsParser.read(path, "file to check"), lang, scope,
        blocks);
  }

  /** Checks {@code text} (named {@code name} in the differences). */
  public static Result check(RegisterMap map, String name, String text, Lang lang, Scope scope,
      Set<String> blocks) {
    RegsLint.require(map);
    for (String b : blocks) {
      if (map.block(b).isEmpty()) {
        List<String> names = new ArrayList<>();
        map.blocks().forEach(x -> names.add(x.name()));
        throw new RegsException("unknown block '" + b + "' (blocks: " + String.join(", ", names)
            + ")");
      }
    }
    CheckedFile f = lang == Lang.C ? CReader.read(name, text) : RustReader.read(name, text);
    RegsCheck c = new RegsCheck(Symbols.of(map), f, scope, blocks);
    c.run();
    return new Result(name, map.file(), List.copyOf(c.diffs), c.agreed);
  }

  // ---- the comparison ---------------------------------------------------------------------

  private void run() {
    bases();
    for (CheckedFile.Def d : file.defs()) {
      def(d);
    }
    for (CheckedFile.MacroReg r : file.registers()) {
      macroReg(r);
    }
    structs();
    missing();
    List<Difference> inFile = new ArrayList<>();
    List<Difference> inSource = new ArrayList<>();
    for (Difference d : diffs) {
      (d.kind() == DiffKind.MISSING ? inSource : inFile).add(d);
    }
    inFile.sort(Comparator.comparingInt(Difference::line));
    inSource.sort(Comparator.comparingInt(Difference::line));
    diffs.clear();
    diffs.addAll(inFile);
    diffs.addAll(inSource);
  }

  /**
   * A file that defines a block's or an array's base symbol (the split headers'
   * {@code MCU_CONTROL_BASE}, {@code MMU_AS_BASE}) may give the registers there relative to that
   * base, or build absolute offsets from it (the older {@code PWR_CTRL_REG(x)}). With the base's
   * value right, the offsets of that block or array are compared the way most of them match.
   */
  private void bases() {
    Map<Object, Symbol> candidates = new IdentityHashMap<>();
    for (CheckedFile.Def d : file.defs()) {
      for (Symbol s : syms.named(d.name())) {
        if (s.entity().what().equals("base") && d.params() == 0) {
          try {
            if (file.env().value(d.key()) == s.value()) {
              candidates.put(s.entity().scope(), s);
            }
          } catch (Expr.Unreadable e) {
            // reported when the symbol itself is compared
          }
        }
      }
    }
    // arrays before the blocks that hold them, each in file order: the outcome is one order's
    List<Map.Entry<Object, Symbol>> order = new ArrayList<>(candidates.entrySet());
    order.sort(Comparator.comparingInt((Map.Entry<Object, Symbol> c) ->
        c.getKey() instanceof RegisterMap.RegArray ? 0 : 1)
        .thenComparingInt(c -> c.getValue().entity().line()));
    for (Map.Entry<Object, Symbol> c : order) {
      int absolute = 0;
      int rel = 0;
      relative.put(c.getKey(), c.getValue());
      for (CheckedFile.Def d : file.defs()) {
        for (Symbol s : syms.named(d.name())) {
          Symbol base = baseOf(s);
          if (base != c.getValue()) {
            continue;
          }
          Long at = firstOffset(d);
          if (at == null) {
            continue;
          }
          absolute += at == s.value() ? 1 : 0;
          rel += at == s.value() - base.value() ? 1 : 0;
        }
      }
      if (rel <= absolute) {
        relative.remove(c.getKey());
      }
    }
  }

  /** The offset a register definition gives (of instance 0 for a macro of the index). */
  private Long firstOffset(CheckedFile.Def d) {
    try {
      if (d.params() == 0 || d.params() == -1) {
        return file.env().value(d.key());
      }
      if (d.params() == 1) {
        return file.env().apply(d.key(), 0);
      }
    } catch (Expr.Unreadable e) {
      // not an offset
    }
    return null;
  }

  /** The base symbol a register or array symbol's offset is relative to in this file, or null. */
  private Symbol baseOf(Symbol s) {
    if (relative.isEmpty() || !(s.kind() == Kind.REG || s.kind() == Kind.REG_HALF
        || s.kind() == Kind.INDEXED)) {
      return null;
    }
    Entity e = s.entity();
    Object array = e.reg() != null ? e.reg().array() : e.scope();
    if (array != null && relative.containsKey(array)) {
      return relative.get(array);
    }
    return relative.get(e.block());
  }

  private void mismatch(String name, int line, String expected, String found, String message) {
    diffs.add(new Difference(DiffKind.MISMATCH, name, file.path(), line, expected, found,
        message));
  }

  private void unknown(String name, int line, String message) {
    if (scope != Scope.COMMON) {
      diffs.add(new Difference(DiffKind.UNKNOWN, name, file.path(), line, null, null, message));
    }
  }

  private void unreadable(String name, int line, String message) {
    diffs.add(new Difference(DiffKind.UNREADABLE, name, file.path(), line, null, null, message));
  }

  private static String describe(Entity e) {
    return e.what() + " " + e.path();
  }

  private void def(CheckedFile.Def d) {
    List<Symbol> found = syms.named(d.name());
    if (found.isEmpty()) {
      if (!file.helpers().contains(d.key())) {
        unknown(d.name(), d.line(), "not in the description " + syms.map().file());
      }
      return;
    }
    Symbol s = found.get(0);
    present.add(s.entity());
    try {
      if (d.params() == 0 || d.params() == -1) {
        long v = file.env().value(d.key());
        scalar(d, s, v);
      } else if (d.params() == 1) {
        function(d, s);
      } else {
        unreadable(d.name(), d.line(), "a macro of " + d.params() + " arguments is not compared ("
            + describe(s.entity()) + ")");
      }
    } catch (Expr.Unreadable e) {
      unreadable(d.name(), d.line(), "cannot evaluate: " + e.getMessage() + " ("
          + describe(s.entity()) + ")");
    }
  }

  private static String half(Symbol s) {
    return s.name().endsWith("_HI") && s.kind() != Kind.FIELD ? ", high word"
        : s.name().endsWith("_LO") ? ", low word" : "";
  }

  private static String relativeTo(Symbol base) {
    return base == null ? "" : ", relative to " + base.name();
  }

  private void scalar(CheckedFile.Def d, Symbol s, long v) {
    boolean register = d.params() == -1;
    Symbol base = baseOf(s);
    long rel = base == null ? 0 : base.value();
    switch (s.kind()) {
      case REG, REG_HALF, IFACE -> same(d, v, s.value() - rel, "offset", "("
          + describe(s.entity()) + half(s) + relativeTo(base) + ")");
      case INDEXED -> mismatch(d.name(), d.line(), "a function of the instance index",
          Bits.hex(v), "is a constant " + Bits.hex(v) + "; the description has an array: "
          + "instance 0 at " + Bits.hex(s.value()) + ", stride " + Bits.hex(s.stride()) + " ("
          + describe(s.entity()) + ")");
      default -> {
        if (register) {
          mismatch(d.name(), d.line(), s.kind().name().toLowerCase(Locale.ROOT), "register",
              "is declared a register; the description has a " + describe(s.entity()));
          return;
        }
        switch (s.kind()) {
          case BIT, MASK, FIELD -> {
            if (v == s.value()) {
              agreed++;
            } else {
              mismatch(d.name(), d.line(), Bits.describeMask(s.value()), Bits.describeMask(v),
                  Bits.describeMask(v) + ", expected " + Bits.describeMask(s.value()) + " ("
                  + describe(s.entity()) + ")");
            }
          }
          case SHIFT -> same(d, v, s.value(), "shift", "(" + describe(s.entity()) + ")");
          case VALUE -> {
            if (v == s.value()) {
              agreed++;
            } else if (v == s.raw() && s.lsb() > 0) {
              mismatch(d.name(), d.line(), Bits.hex(s.value()), Bits.hex(v), "value "
                  + Bits.hex(v) + " is not shifted into bits " + Bits.bits(s.msb(), s.lsb())
                  + ": expected " + Bits.hex(s.value()) + " (" + describe(s.entity()) + ")");
            } else {
              same(d, v, s.value(), "value", "(" + describe(s.entity()) + ")");
            }
          }
          default -> same(d, v, s.value(), "value", "(" + describe(s.entity()) + ")");
        }
      }
    }
  }

  private void same(CheckedFile.Def d, long found, long expected, String what, String context) {
    if (found == expected) {
      agreed++;
    } else {
      mismatch(d.name(), d.line(), Bits.hex(expected), Bits.hex(found), what + " "
          + Bits.hex(found) + ", expected " + Bits.hex(expected) + " " + context);
    }
  }

  private void function(CheckedFile.Def d, Symbol s) throws Expr.Unreadable {
    Expr env = file.env();
    switch (s.kind()) {
      case INDEXED -> {
        Symbol base = baseOf(s);
        long first = s.value() - (base == null ? 0 : base.value());
        long f0 = env.apply(d.key(), 0);
        long f1 = env.apply(d.key(), 1);
        long f2 = env.apply(d.key(), 2);
        if (f0 == first && f1 - f0 == s.stride() && f2 - f1 == s.stride()) {
          agreed++;
        } else {
          String exp = "instance 0 at " + Bits.hex(first) + ", stride " + Bits.hex(s.stride());
          String got = "instance 0 at " + Bits.hex(f0) + ", stride " + Bits.hex(f1 - f0)
              + (f2 - f1 == f1 - f0 ? "" : " (not linear)");
          mismatch(d.name(), d.line(), exp, got, got + ", expected " + exp + " ("
              + describe(s.entity()) + half(s) + relativeTo(base) + ")");
        }
      }
      case BIT, MASK, FIELD -> {
        int[] bits = probe(d.key(), s.entity().width() == 64 ? 64 : 32);
        if (bits != null && bits[0] == s.msb() && bits[1] == s.lsb()) {
          agreed++;
        } else if (bits != null && bits[0] < 0 && bits[1] == s.lsb()) {
          agreed++; // a constructor: only the low bit is known
        } else {
          String got = bits == null ? "a macro whose bits cannot be told"
              : bits[0] < 0 ? "bits from " + bits[1] : "bits " + Bits.bits(bits[0], bits[1]);
          mismatch(d.name(), d.line(), "bits " + Bits.bits(s.msb(), s.lsb()), got, got
              + ", expected bits " + Bits.bits(s.msb(), s.lsb()) + " (" + describe(s.entity())
              + ")");
        }
      }
      default -> mismatch(d.name(), d.line(), "a constant", "a macro of one argument",
          "is a macro of one argument; the description has a constant (" + describe(s.entity())
          + ")");
    }
  }

  /**
   * The bits a one-argument field macro stands for: an extractor ({@code (x >> 28) & 0xf}), a
   * constructor ({@code (x) << 6}; msb unknown, reported as -1) or a bit index
   * ({@code BIT(x)}). Null when it is none of these.
   */
  private int[] probe(String key, int width) throws Expr.Unreadable {
    Expr env = file.env();
    long all = width == 64 ? -1L : 0xffffffffL;
    // extractor: the field's bits come out at bit 0
    long ones = env.apply(key, all);
    if (ones != 0 && (ones & (ones + 1)) == 0) {
      int w = Long.bitCount(ones);
      for (int l = 0; l + w <= width; l++) {
        if (env.apply(key, 1L << l) == 1 && (l + w == 64 || env.apply(key, Bits.mask(l + w - 1, l))
            == ones) && (l == 0 || env.apply(key, (1L << l) - 1) == 0)) {
          return new int[] {l + w - 1, l};
        }
      }
    }
    // constructor: bit 0 of the argument lands at the field's low bit
    long one = env.apply(key, 1);
    if (one != 0 && Long.bitCount(one) == 1 && env.apply(key, 0) == 0) {
      int l = Long.numberOfTrailingZeros(one);
      if (env.apply(key, 2) == one << 1) {
        return new int[] {-1, l};
      }
    }
    // bit index: f(k) == BIT(lsb + k)
    long zero = env.apply(key, 0);
    if (zero != 0 && Long.bitCount(zero) == 1 && env.apply(key, 1) == zero << 1) {
      int l = Long.numberOfTrailingZeros(zero);
      return new int[] {-2, l};
    }
    return null;
  }

  // ---- register! registers ----------------------------------------------------------------

  /** The entity a register! name stands for, and whether it names a half (0 none, 1 lo, 2 hi). */
  private record Target(Entity entity, Symbol symbol, int half) {}

  private Target resolve(String name, String module) {
    List<String> candidates = new ArrayList<>();
    String m = module;
    while (true) {
      candidates.add(m + name);
      if (m.isEmpty()) {
        break;
      }
      int cut = m.indexOf("::");
      m = m.substring(cut + 2);
    }
    for (String c : candidates) {
      Target t = resolveOne(c);
      if (t != null) {
        return t;
      }
    }
    for (String c : candidates) {
      for (String suffix : List.of("_LO", "_HI")) {
        if (c.endsWith(suffix)) {
          Target t = resolveOne(c.substring(0, c.length() - 3));
          if (t != null && t.entity().width() == 64) {
            return new Target(t.entity(), t.symbol(), suffix.equals("_LO") ? 1 : 2);
          }
        }
      }
    }
    return null;
  }

  private Target resolveOne(String name) {
    Entity e = qualified.get(name);
    if (e != null) {
      Symbol main = mainOf(e);
      return main == null ? null : new Target(e, main, 0);
    }
    if (name.contains("::")) {
      return null;
    }
    for (Symbol s : syms.named(name)) {
      if (s.kind() != Kind.REG && s.kind() != Kind.INDEXED && s.kind() != Kind.IFACE
          && s.kind() != Kind.REG_HALF) {
        continue;
      }
      Symbol main = mainOf(s.entity());
      if (main != null && main != s && s.entity().width() == 64
          && (name.endsWith("_LO") || name.endsWith("_HI"))
          && (s.kind() == Kind.REG_HALF || s.kind() == Kind.INDEXED)) {
        return new Target(s.entity(), main, name.endsWith("_HI") ? 2 : 1);
      }
      return new Target(s.entity(), s, 0);
    }
    return null;
  }

  /** The register or array symbol an entity is emitted under. */
  private Symbol mainOf(Entity e) {
    for (Symbol s : syms.of(e)) {
      if (s.emitted() && (s.kind() == Kind.REG || s.kind() == Kind.INDEXED
          || s.kind() == Kind.IFACE)) {
        return s;
      }
    }
    return null;
  }

  private void macroReg(CheckedFile.MacroReg r) {
    String shown = r.module() + r.name();
    if (r.aliasOf() != null) {
      Target t = resolve(r.aliasOf().replaceFirst("^(crate|self|super)::", ""), r.module());
      if (t == null) {
        return; // an alias of something the description does not know is reported there
      }
      macroFields(r, t, shown);
      return;
    }
    Target t = resolve(r.name(), r.module());
    if (t == null) {
      unknown(shown, r.line(), "register not in the description " + syms.map().file());
      return;
    }
    present.add(t.entity());
    if (r.unreadable() != null) {
      unreadable(shown, r.line(), "cannot evaluate its offset: " + r.unreadable() + " ("
          + describe(t.entity()) + ")");
    } else {
      long expected = t.symbol().value() + (t.half() == 2 ? 4 : 0);
      String ctx = "(" + describe(t.entity()) + (t.half() == 2 ? ", high word"
          : t.half() == 1 ? ", low word" : "") + ")";
      boolean array = t.symbol().kind() == Kind.INDEXED;
      if (array != (r.count() != null)) {
        mismatch(shown, r.line(), array ? "an array" : "one register",
            array ? "one register" : "an array", (array ? "is one register; the description "
                + "has an array of " + t.symbol().count() + ", stride "
                + Bits.hex(t.symbol().stride()) : "is an array; the description has one register")
                + " " + ctx);
      } else if (r.offset() != expected) {
        mismatch(shown, r.line(), Bits.hex(expected), Bits.hex(r.offset()), "offset "
            + Bits.hex(r.offset()) + ", expected " + Bits.hex(expected) + " " + ctx);
      } else if (array && (r.stride() != t.symbol().stride()
          || r.count() != t.symbol().count())) {
        mismatch(shown, r.line(), t.symbol().count() + " x " + Bits.hex(t.symbol().stride()),
            r.count() + " x " + Bits.hex(r.stride()), r.count() + " instances, stride "
            + Bits.hex(r.stride()) + ", expected " + t.symbol().count() + ", stride "
            + Bits.hex(t.symbol().stride()) + " " + ctx);
      } else {
        int want = t.half() != 0 ? 32 : t.entity().width();
        if (want != 0 && r.width() != want && t.entity().what().equals("register")) {
          mismatch(shown, r.line(), want + " bits", r.width() + " bits", "is " + r.width()
              + " bits wide, expected " + want + " " + ctx);
        } else {
          agreed++;
        }
      }
    }
    if (t.half() == 0) {
      macroFields(r, t, shown);
    }
  }

  private void macroFields(CheckedFile.MacroReg r, Target t, String shown) {
    Placed p = t.entity().reg();
    if (p == null || t.half() != 0) {
      return;
    }
    List<Field> fields = syms.map().fieldsOf(p.reg());
    for (CheckedFile.MacroField raw : r.fields()) {
      CheckedFile.MacroField mf = new CheckedFile.MacroField(
          raw.name().replaceFirst("^r#", "").replaceFirst("_$", ""), raw.msb(), raw.lsb(),
          raw.type(), raw.line());
      Field match = null;
      for (Field f : fields) {
        if (f.reserved()) {
          continue;
        }
        boolean byName = f.name() != null && (f.name().toLowerCase(Locale.ROOT).equals(mf.name())
            || f.aka().contains(mf.name()));
        if (byName) {
          match = f;
          break;
        }
      }
      if (match == null) {
        for (Field f : fields) {
          if (f.name() == null && !f.reserved() && f.msb() == mf.msb() && f.lsb() == mf.lsb()) {
            match = f;
          }
        }
      }
      String fname = shown + "." + mf.name();
      if (match == null) {
        if (mf.lsb() == 0 && mf.msb() + 1 >= Math.min(r.width(), p.reg().width())) {
          agreed++; // the whole register as one value
        } else {
          unknown(fname, mf.line(), "field (bits " + Bits.bits(mf.msb(), mf.lsb())
              + ") not in the description of " + describe(t.entity()));
        }
        continue;
      }
      markField(match);
      if (mf.type() != null && !match.values().isEmpty()) {
        variants(mf, match, p, fname);
      }
      if (match.msb() == mf.msb() && match.lsb() == mf.lsb()) {
        agreed++;
      } else {
        mismatch(fname, mf.line(), "bits " + Bits.bits(match.msb(), match.lsb()), "bits "
            + Bits.bits(mf.msb(), mf.lsb()), "bits " + Bits.bits(mf.msb(), mf.lsb())
            + ", expected bits " + Bits.bits(match.msb(), match.lsb()) + " (field "
            + p.path() + "." + (match.name() == null ? "<value>" : match.name()) + ")");
      }
    }
  }

  private static String squash(String name) {
    return name.replace("_", "").toLowerCase(Locale.ROOT);
  }

  /** The variants of the Rust enum a field converts to, against the field's named values. */
  private void variants(CheckedFile.MacroField mf, Field field, Placed p, String fname) {
    CheckedFile.RustEnum en = null;
    for (CheckedFile.RustEnum e : file.enums()) {
      if (e.name().equals(mf.type())) {
        en = e;
      }
    }
    if (en == null || !checkedEnums.computeIfAbsent(field, k -> new HashSet<>()).add(en.name())) {
      return;
    }
    for (CheckedFile.Variant v : en.variants()) {
      RegisterMap.EnumValue match = null;
      for (RegisterMap.EnumValue ev : field.values()) {
        boolean byName = squash(ev.name()).equals(squash(v.name()));
        for (String a : ev.aka()) {
          byName |= squash(a).equals(squash(v.name()));
        }
        if (byName) {
          match = ev;
        }
      }
      String vname = en.name() + "::" + v.name();
      if (match == null) {
        unknown(vname, v.line(), "variant (= " + Bits.hex(v.value()) + ") of the type of "
            + fname + " has no value of that name in field " + p.path() + "."
            + (field.name() == null ? "<value>" : field.name()));
        continue;
      }
      for (Entity e : syms.entities()) {
        if (e.field() == field && e.what().equals("value") && e.path().endsWith("=" + match.name())) {
          present.add(e);
        }
      }
      if (match.value() == v.value()) {
        agreed++;
      } else {
        mismatch(vname, v.line(), Bits.hex(match.value()), Bits.hex(v.value()), "value "
            + Bits.hex(v.value()) + ", expected " + Bits.hex(match.value()) + " (value "
            + p.path() + "." + (field.name() == null ? "<value>" : field.name()) + "="
            + match.name() + ")");
      }
    }
  }

  /** The enums already compared with each field (aliases of a register repeat its fields). */
  private final Map<Field, Set<String>> checkedEnums = new IdentityHashMap<>();

  private void markField(Field f) {
    for (Entity e : syms.entities()) {
      if (e.field() == f && !e.what().equals("value")) {
        present.add(e);
      }
    }
  }

  // ---- structs ------------------------------------------------------------------------------

  private void structs() {
    for (var b : syms.map().blocks()) {
      if (b.kind() != BlockKind.IFACE || b.struct() == null) {
        continue;
      }
      CheckedFile.Struct st = null;
      for (CheckedFile.Struct s : file.structs()) {
        if (s.name().equals(b.struct())) {
          st = s;
        }
      }
      if (st == null) {
        continue;
      }
      if (st.unreadable() != null) {
        unreadable("struct " + st.name(), st.line(), "not compared: " + st.unreadable());
        continue;
      }
      for (CheckedFile.Member m : st.members()) {
        if (m.name().startsWith("reserved") || m.name().startsWith("padding")
            || m.name().startsWith("pad")) {
          continue;
        }
        Placed match = null;
        for (Placed p : b.registers()) {
          String lower = p.reg().name().toLowerCase(Locale.ROOT);
          if (lower.equals(m.name()) || p.reg().aka().contains(m.name())) {
            match = p;
          }
        }
        String shown = st.name() + "." + m.name();
        if (match == null) {
          unknown(shown, m.line(), "member (offset " + Bits.hex(m.offset())
              + ") not in the description of block " + b.name());
          continue;
        }
        for (Entity e : syms.entities()) {
          if (e.reg() != null && e.reg().reg() == match.reg() && e.what().equals("register")) {
            present.add(e);
          }
        }
        if (m.offset() != match.offset()) {
          mismatch(shown, m.line(), Bits.hex(match.offset()), Bits.hex(m.offset()), "offset "
              + Bits.hex(m.offset()) + ", expected " + Bits.hex(match.offset()) + " (register "
              + match.path() + ")");
        } else if (m.size() * 8 != match.reg().width()) {
          mismatch(shown, m.line(), match.reg().width() + " bits", m.size() * 8 + " bits", "is "
              + m.size() * 8 + " bits wide, expected " + match.reg().width() + " (register "
              + match.path() + ")");
        } else {
          agreed++;
        }
      }
    }
  }

  // ---- missing ------------------------------------------------------------------------------

  private void missing() {
    if (scope == Scope.COMMON) {
      return;
    }
    Set<String> touched = new LinkedHashSet<>();
    for (Entity e : present) {
      touched.add(e.block().name());
    }
    for (Entity e : syms.entities()) {
      if (present.contains(e) || e.what().equals("base")) {
        continue; // a base symbol is only for headers that give offsets relative to it
      }
      String b = e.block().name();
      boolean inScope = !blocks.isEmpty() ? blocks.contains(b)
          : scope == Scope.ALL || touched.contains(b);
      if (!inScope) {
        continue;
      }
      String primary = null;
      for (Symbol s : syms.of(e)) {
        if (s.emitted()) {
          primary = s.name();
          break;
        }
      }
      if (primary == null) {
        continue;
      }
      diffs.add(new Difference(DiffKind.MISSING, primary, syms.map().file(), e.line(), null,
          null, describe(e) + " is missing from " + file.path()));
    }
  }
}
