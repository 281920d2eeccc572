package org.panthorverify.regs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.panthorverify.regs.RegisterMap.Block;
import org.panthorverify.regs.RegisterMap.BlockKind;
import org.panthorverify.regs.RegisterMap.Const;
import org.panthorverify.regs.RegisterMap.EnumValue;
import org.panthorverify.regs.RegisterMap.Field;
import org.panthorverify.regs.RegisterMap.Item;
import org.panthorverify.regs.RegisterMap.Layout;
import org.panthorverify.regs.RegisterMap.Mask;
import org.panthorverify.regs.RegisterMap.Reg;
import org.panthorverify.regs.RegisterMap.RegArray;

/**
 * The checks a register description must pass before anything is generated from it:
 * overlapping registers, arrays and blocks, registers that do not fit their array's stride,
 * misaligned registers, overlapping fields, fields and masks outside the register's width,
 * values too wide for their field, and duplicate names. Each finding is one line:
 * {@code file:line: what is wrong}.
 */
public final class RegsLint {
  private RegsLint() {}

  /** The findings, sorted by line; empty when the description is clean. */
  public static List<String> check(RegisterMap map) {
    List<Finding> out = new ArrayList<>();
    blocks(map, out);
    for (Layout l : map.layouts().values()) {
      fields("layout " + l.name(), l.width(), l.fields(), l.masks(), out);
    }
    for (Block b : map.blocks()) {
      for (var p : b.registers()) {
        Reg r = p.reg();
        List<Field> fs = map.fieldsOf(r);
        // the layout's own findings were reported once above; here only what the register adds
        if (r.layout() == null) {
          fields(p.path(), r.width(), fs, r.masks(), out);
        } else {
          fields(p.path(), r.width(), r.fields(), r.masks(), out);
          overlaps(p.path(), map.layouts().get(r.layout()).fields(), r.fields(), out);
        }
        for (Const c : r.consts()) {
          if (r.width() < 64 && (c.value() >>> r.width()) != 0) {
            out.add(new Finding(c.line(), "const " + c.name() + " = " + Bits.hex(c.value())
                + " does not fit the " + r.width() + "-bit register " + p.path()));
          }
        }
      }
    }
    duplicates(map, out);
    out.sort(Comparator.comparingInt(Finding::line).thenComparing(Finding::message));
    List<String> lines = new ArrayList<>();
    for (Finding f : out) {
      lines.add(map.file() + ":" + f.line() + ": " + f.message());
    }
    return lines;
  }

  /** Throws a {@link RegsException} listing the findings (one a line) when there are any. */
  public static void require(RegisterMap map) {
    List<String> findings = check(map);
    if (!findings.isEmpty()) {
      throw new RegsException(String.join(System.lineSeparator(), findings));
    }
  }

  private record Finding(int line, String message) {}

  private record Span(long start, long end, String what, int line) {}

  private static void blocks(RegisterMap map, List<Finding> out) {
    List<Span> blockSpans = new ArrayList<>();
    Set<String> structs = new HashSet<>();
    for (Block b : map.blocks()) {
      if (b.kind() == BlockKind.IFACE && b.struct() != null && !structs.add(b.struct())) {
        out.add(new Finding(b.line(), "struct " + b.struct() + " is named by two blocks"));
      }
      List<Span> spans = new ArrayList<>();
      for (Item it : b.items()) {
        if (it instanceof Reg r) {
          align(b.name() + "." + r.name(), r.offset(), r, out);
          spans.add(new Span(r.offset(), r.offset() + r.bytes(), "register " + r.name(), r.line()));
        } else if (it instanceof RegArray a) {
          if (a.offset() % 4 != 0 || a.stride() % 4 != 0) {
            out.add(new Finding(a.line(), "array " + a.name() + " is misaligned: offset "
                + Bits.hex(a.offset()) + " and stride " + Bits.hex(a.stride())
                + " must be multiples of 4"));
          }
          spans.add(new Span(a.offset(), a.offset() + a.count() * a.stride(), "array "
              + a.name(), a.line()));
          List<Span> inner = new ArrayList<>();
          for (Reg r : a.regs()) {
            align(b.name() + "." + a.name() + "[]." + r.name(), r.offset(), r, out);
            if (r.offset() + r.bytes() > a.stride()) {
              out.add(new Finding(r.line(), "register " + r.name() + " (" + Bits.hex(r.offset())
                  + ".." + Bits.hex(r.offset() + r.bytes() - 1) + ") does not fit the stride "
                  + Bits.hex(a.stride()) + " of array " + a.name()));
            }
            inner.add(new Span(r.offset(), r.offset() + r.bytes(), "register " + r.name(),
                r.line()));
          }
          overlapping("in array " + a.name() + " of block " + b.name(), inner, out);
        }
      }
      overlapping("in block " + b.name(), spans, out);
      if (b.kind() == BlockKind.MMIO && !spans.isEmpty()) {
        long lo = spans.stream().mapToLong(Span::start).min().orElse(0);
        long hi = spans.stream().mapToLong(Span::end).max().orElse(0);
        blockSpans.add(new Span(b.base() + lo, b.base() + hi, "block " + b.name(), b.line()));
      }
    }
    List<Span> sorted = new ArrayList<>(blockSpans);
    sorted.sort(Comparator.comparingLong(Span::start));
    for (int i = 1; i < sorted.size(); i++) {
      for (int j = 0; j < i; j++) {
        Span a = sorted.get(j);
        Span b = sorted.get(i);
        if (a.end() > b.start()) {
          Span later = a.line() > b.line() ? a : b;
          Span other = later == a ? b : a;
          out.add(new Finding(later.line(), "overlapping blocks: " + later.what() + " ("
              + range(later) + ") and " + other.what() + " (" + range(other) + ", line "
              + other.line() + ")"));
        }
      }
    }
  }

  private static void align(String what, long offset, Reg r, List<Finding> out) {
    if (offset % 4 != 0) {
      out.add(new Finding(r.line(), "register " + what + " at " + Bits.hex(offset)
          + " is misaligned: offsets are multiples of 4"));
    }
  }

  private static String range(Span s) {
    return Bits.hex(s.start()) + ".." + Bits.hex(s.end() - 1);
  }

  private static void overlapping(String where, List<Span> spans, List<Finding> out) {
    List<Span> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparingLong(Span::start).thenComparingInt(Span::line));
    for (int i = 0; i < sorted.size(); i++) {
      for (int j = i + 1; j < sorted.size() && sorted.get(j).start() < sorted.get(i).end(); j++) {
        Span a = sorted.get(i);
        Span b = sorted.get(j);
        Span later = a.line() > b.line() ? a : b;
        Span other = later == a ? b : a;
        out.add(new Finding(later.line(), "overlapping registers " + where + ": " + later.what()
            + " (" + range(later) + ") and " + other.what() + " (" + range(other) + ", line "
            + other.line() + ")"));
      }
    }
  }

  private static String fieldName(Field f) {
    return f.name() != null ? "field " + f.name()
        : f.reserved() ? f.kind().name() + " " + Bits.bits(f.msb(), f.lsb())
        : "anonymous enum " + Bits.bits(f.msb(), f.lsb());
  }

  private static void fields(String owner, int width, List<Field> fields, List<Mask> masks,
      List<Finding> out) {
    for (Field f : fields) {
      if (f.msb() >= width) {
        out.add(new Finding(f.line(), fieldName(f) + " (bits " + Bits.bits(f.msb(), f.lsb())
            + ") is outside the " + width + "-bit register " + owner));
      }
      Set<String> names = new HashSet<>();
      for (EnumValue v : f.values()) {
        if (f.width() < 64 && (v.value() >>> f.width()) != 0) {
          out.add(new Finding(v.line(), "value " + v.name() + " = " + Bits.hex(v.value())
              + " does not fit the " + f.width() + "-bit " + fieldName(f) + " of " + owner));
        }
        if (!names.add(v.name())) {
          out.add(new Finding(v.line(), "duplicate value name " + v.name() + " in "
              + fieldName(f) + " of " + owner));
        }
      }
      if (f.kind() == RegisterMap.FieldKind.ENUM && f.values().isEmpty()) {
        out.add(new Finding(f.line(), fieldName(f) + " of " + owner + " is an Enum with no "
            + "values (use Field for a plain field)"));
      }
    }
    overlaps(owner, fields, List.of(), out);
    Set<String> seen = new HashSet<>();
    for (Field f : fields) {
      if (f.name() != null && !seen.add(f.name())) {
        out.add(new Finding(f.line(), "duplicate field name " + f.name() + " in " + owner));
      }
    }
    for (Mask m : masks) {
      if (m.msb() >= width) {
        out.add(new Finding(m.line(), "mask " + m.name() + " (bits " + Bits.bits(m.msb(), m.lsb())
            + ") is outside the " + width + "-bit register " + owner));
      }
      if (!seen.add(m.name())) {
        out.add(new Finding(m.line(), "duplicate name " + m.name() + " in " + owner));
      }
    }
  }

  /** Overlaps among {@code a} (when {@code b} is empty) or between {@code a} and {@code b}. */
  private static void overlaps(String owner, List<Field> a, List<Field> b, List<Finding> out) {
    if (b.isEmpty()) {
      for (int i = 0; i < a.size(); i++) {
        for (int j = i + 1; j < a.size(); j++) {
          overlap(owner, a.get(i), a.get(j), out);
        }
      }
    } else {
      for (Field x : a) {
        for (Field y : b) {
          overlap(owner, x, y, out);
        }
      }
    }
  }

  private static void overlap(String owner, Field x, Field y, List<Finding> out) {
    if ((x.mask() & y.mask()) != 0) {
      Field later = x.line() >= y.line() ? x : y;
      Field other = later == x ? y : x;
      out.add(new Finding(later.line(), "overlapping fields in " + owner + ": " + fieldName(later)
          + " (bits " + Bits.bits(later.msb(), later.lsb()) + ") and " + fieldName(other)
          + " (bits " + Bits.bits(other.msb(), other.lsb()) + ", line " + other.line() + ")"));
    }
  }

  private static void duplicates(RegisterMap map, List<Finding> out) {
    Set<String> blockNames = new HashSet<>();
    for (Block b : map.blocks()) {
      if (!blockNames.add(b.name())) {
        out.add(new Finding(b.line(), "duplicate block name " + b.name()));
      }
      Set<String> regNames = new HashSet<>();
      for (Item it : b.items()) {
        if (!regNames.add(it.name())) {
          out.add(new Finding(it.line(), "duplicate name " + it.name() + " in block "
              + b.name()));
        }
      }
    }
    Symbols syms = Symbols.of(map);
    Map<String, Symbols.Entity> first = new HashMap<>();
    Set<String> reported = new HashSet<>();
    for (Symbols.Symbol s : syms.all()) {
      Symbols.Entity e = first.putIfAbsent(s.name(), s.entity());
      if (e != null && e != s.entity() && reported.add(s.name())) {
        out.add(new Finding(s.entity().line(), "duplicate symbol " + s.name() + ": "
            + s.entity().what() + " " + s.entity().path() + (s.alias() ? " (an alias)" : "")
            + " and " + e.what() + " " + e.path() + " (line " + e.line() + ")"));
      }
    }
  }
}
