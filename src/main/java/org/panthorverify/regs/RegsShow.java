package org.panthorverify.regs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.panthorverify.regs.RegisterMap.BlockKind;
import org.panthorverify.regs.RegisterMap.EnumValue;
import org.panthorverify.regs.RegisterMap.Field;
import org.panthorverify.regs.RegisterMap.Placed;
import org.panthorverify.regs.Symbols.Entity;
import org.panthorverify.regs.Symbols.Kind;
import org.panthorverify.regs.Symbols.Symbol;

/**
 * {@code regs show}: what a name, an MMIO offset or a register value means, for reading a
 * register dump or a trace: {@code L2_PWRTRANS_HI}, {@code 0x2458} ({@code AS_COMMAND(1)}) or
 * {@code AS_FAULTSTATUS=0x20002c3} (each field decoded, named values named).
 */
public final class RegsShow {
  private final RegisterMap map;
  private final Symbols syms;

  public RegsShow(RegisterMap map) {
    this.map = map;
    this.syms = Symbols.of(map);
  }

  /** The lines that answer one query; a query that matches nothing is a {@link RegsException}. */
  public List<String> show(String query) {
    int eq = query.indexOf('=');
    if (eq > 0) {
      return decode(query.substring(0, eq).strip(), number(query.substring(eq + 1).strip()));
    }
    if (Character.isDigit(query.charAt(0))) {
      return offset(number(query));
    }
    List<Symbol> found = syms.named(query);
    if (found.isEmpty()) {
      found = syms.named(query.toUpperCase(Locale.ROOT));
    }
    if (found.isEmpty()) {
      throw new RegsException("'" + query + "' is no symbol of " + map.file() + suggest(query)
          + "; give a name, an MMIO offset (0x…) or NAME=VALUE");
    }
    List<String> out = new ArrayList<>();
    for (Symbol s : found) {
      out.add(describe(s));
      if (s.entity().what().equals("register") && s.entity().reg() != null) {
        for (Field f : map.fieldsOf(s.entity().reg().reg())) {
          out.add("  " + fieldLine(f));
        }
      }
    }
    return out;
  }

  private String suggest(String query) {
    String q = query.toUpperCase(Locale.ROOT);
    List<String> near = new ArrayList<>();
    for (Symbol s : syms.all()) {
      if (s.emitted() && s.name().contains(q) && near.size() < 4 && !near.contains(s.name())) {
        near.add(s.name());
      }
    }
    return near.isEmpty() ? "" : " (like: " + String.join(", ", near) + ")";
  }

  private long number(String s) {
    try {
      return Expr.literal(s);
    } catch (Expr.Unreadable e) {
      throw new RegsException("'" + s + "' is not a number (decimal or 0x hex)");
    }
  }

  private String where(Entity e) {
    return map.file() + ":" + e.line();
  }

  private String describe(Symbol s) {
    Entity e = s.entity();
    String what = switch (s.kind()) {
      case REG, REG_HALF, IFACE -> {
        Placed p = e.reg();
        String space = p.block().kind() == BlockKind.MMIO ? "" : " in " + p.block().name();
        yield Bits.hex(s.value()) + space + (s.kind() == Kind.REG_HALF
            ? (s.name().endsWith("_HI") ? " (high word)" : " (low word)") : "") + ", "
            + p.reg().width() + "-bit " + p.reg().access();
      }
      case INDEXED -> Bits.hex(s.value()) + " + i * " + Bits.hex(s.stride()) + ", i < "
          + s.count() + (e.reg() == null ? "" : ", " + e.reg().reg().width() + "-bit "
          + e.reg().reg().access());
      case BIT, MASK, FIELD -> Bits.describeMask(s.value()) + " (" + Bits.hex(s.value()) + ")";
      case SHIFT -> "shift " + s.value();
      case VALUE -> Bits.hex(s.raw()) + " in bits " + Bits.bits(s.msb(), s.lsb()) + " ("
          + Bits.hex(s.value()) + ")";
      case CONST -> Bits.hex(s.value());
    };
    return s.name() + ": " + e.what() + " " + e.path() + ", " + what
        + (s.alias() ? " (an alias)" : "") + "  " + where(e);
  }

  private static String fieldLine(Field f) {
    String name = f.name() != null ? f.name() : f.reserved() ? f.kind().name() : "<value>";
    StringBuilder sb = new StringBuilder(String.format("%-6s %s", Bits.bits(f.msb(), f.lsb()),
        name));
    if (!f.values().isEmpty()) {
      List<String> vs = new ArrayList<>();
      for (EnumValue v : f.values()) {
        vs.add(v.name() + "=" + v.value());
      }
      sb.append(" {").append(String.join(", ", vs)).append('}');
    }
    return sb.toString();
  }

  /** The MMIO registers (or array instances) that cover {@code off}. */
  private List<String> offset(long off) {
    List<String> out = new ArrayList<>();
    for (Placed p : map.registers()) {
      if (p.block().kind() != BlockKind.MMIO) {
        continue;
      }
      long base = p.offset();
      int count = p.array() == null ? 1 : p.array().count();
      long stride = p.array() == null ? 0 : p.array().stride();
      for (int i = 0; i < count; i++) {
        long start = base + i * stride;
        if (off >= start && off < start + p.reg().bytes()) {
          String name = p.symbol() + (p.array() == null ? "" : "(" + i + ")");
          String part = p.reg().width() == 64 ? (off - start >= 4 ? " high word (" + p.symbol()
              + "_HI)" : " low word (" + p.symbol() + "_LO)") : "";
          out.add(Bits.hex(off) + ": " + name + part + ", register " + p.path() + ", "
              + p.reg().width() + "-bit " + p.reg().access() + (off % 4 != 0
                  ? ", byte " + (off - start) : "") + "  " + map.file() + ":" + p.reg().line());
        }
      }
    }
    if (out.isEmpty()) {
      throw new RegsException("no register of " + map.file() + " at " + Bits.hex(off)
          + " (MMIO offsets from the GPU register base)");
    }
    return out;
  }

  /** {@code NAME=VALUE}: the value field by field. */
  private List<String> decode(String name, long value) {
    Placed p = null;
    for (Symbol s : syms.named(name)) {
      if (s.entity().what().equals("register")) {
        p = s.entity().reg();
      }
    }
    if (p == null) {
      throw new RegsException("'" + name + "' is no register of " + map.file() + suggest(name));
    }
    List<String> out = new ArrayList<>();
    out.add(p.symbol() + " = " + Bits.hex(value) + " (register " + p.path() + ")");
    long known = 0;
    for (Field f : map.fieldsOf(p.reg())) {
      long v = (value & f.mask()) >>> f.lsb();
      known |= f.mask();
      if (f.reserved()) {
        long expect = f.kind() == RegisterMap.FieldKind.RES0 ? 0 : f.mask() >>> f.lsb();
        if (v != expect) {
          out.add(String.format("  %-6s %s = %s, expected %s", Bits.bits(f.msb(), f.lsb()),
              f.kind(), Bits.hex(v), Bits.hex(expect)));
        }
        continue;
      }
      String named = "";
      for (EnumValue ev : f.values()) {
        if (ev.value() == v) {
          named = " " + ev.name();
        }
      }
      if (!f.values().isEmpty() && named.isEmpty()) {
        named = " (no named value)";
      }
      out.add(String.format("  %-6s %s = %s%s", Bits.bits(f.msb(), f.lsb()),
          f.name() == null ? "<value>" : f.name(), Bits.hex(v), named));
    }
    long rest = value & ~known;
    if (rest != 0) {
      out.add("  bits not described: " + Bits.hex(rest));
    }
    return out;
  }
}
