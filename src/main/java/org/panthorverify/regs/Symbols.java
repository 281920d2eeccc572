package org.panthorverify.regs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.panthorverify.regs.RegisterMap.BlockKind;
import org.panthorverify.regs.RegisterMap.Const;
import org.panthorverify.regs.RegisterMap.EnumValue;
import org.panthorverify.regs.RegisterMap.Field;
import org.panthorverify.regs.RegisterMap.Layout;
import org.panthorverify.regs.RegisterMap.Mask;
import org.panthorverify.regs.RegisterMap.Placed;
import org.panthorverify.regs.RegisterMap.RegArray;

/**
 * The symbols a register description defines, by the naming rule of FORMAT.md: what the
 * generators emit and what {@code regs check} looks for. Each symbol belongs to an
 * {@link Entity} (a register, array, field, value, mask or const); an entity is present in a
 * checked file when any of its symbols is.
 */
public final class Symbols {

  /** How a symbol's value is read. */
  public enum Kind {
    /** Offset of a register (absolute for MMIO). */
    REG,
    /** {@code _LO}/{@code _HI} word of a 64-bit register. */
    REG_HALF,
    /** Byte offset of a member of an iface block. */
    IFACE,
    /** A function of the instance index: {@code base + i * stride}. */
    INDEXED,
    /** A one-bit field: its mask. */
    BIT,
    /** A wider field's mask, or a named Mask. */
    MASK,
    /** A wider field's shift. */
    SHIFT,
    /** A wider field by its bare name: a mask, an extractor or a constructor macro. */
    FIELD,
    /** An enum value, shifted into place. */
    VALUE,
    /** A const, an array's count or stride. */
    CONST
  }

  /**
   * What a group of symbols stands for. {@code reg} is the register it is or belongs to (null
   * for a layout's fields and for arrays and bases); {@code scope} the block or array an array
   * or base entity is about.
   */
  public record Entity(String what, String path, int line, Placed reg, Field field, int width,
      Object scope) {
    Entity(String what, String path, int line, Placed reg, Field field, int width) {
      this(what, path, line, reg, field, width, null);
    }
  }

  /**
   * One symbol. {@code value} is the offset, mask, shift or value; {@code stride} and
   * {@code count} describe INDEXED symbols; {@code field} the bit range of BIT, MASK, SHIFT,
   * FIELD and VALUE symbols; {@code raw} the unshifted value of a VALUE. {@code emitted} is false
   * for aliases and for a wider field's bare name (a checked file may use it for a macro).
   */
  public record Symbol(String name, Kind kind, long value, long stride, int count, int msb,
      int lsb, long raw, Entity entity, boolean emitted, boolean alias) {}

  private final RegisterMap map;
  private final List<Symbol> all = new ArrayList<>();
  private final List<Entity> entities = new ArrayList<>();
  private final Map<String, List<Symbol>> byName = new LinkedHashMap<>();

  private Symbols(RegisterMap map) {
    this.map = map;
  }

  /** The symbols of {@code map}, in file order. */
  public static Symbols of(RegisterMap map) {
    Symbols s = new Symbols(map);
    s.build();
    return s;
  }

  public RegisterMap map() {
    return map;
  }

  /** Every symbol, aliases included, in file order. */
  public List<Symbol> all() {
    return all;
  }

  public List<Entity> entities() {
    return entities;
  }

  /** The symbols named {@code name} (more than one only in a description the linter refuses). */
  public List<Symbol> named(String name) {
    return byName.getOrDefault(name, List.of());
  }

  /** The symbols of one entity. */
  public List<Symbol> of(Entity e) {
    List<Symbol> out = new ArrayList<>();
    for (Symbol s : all) {
      if (s.entity() == e) {
        out.add(s);
      }
    }
    return out;
  }

  private void add(String name, Kind kind, long value, long stride, int count, int msb, int lsb,
      long raw, Entity e, boolean emitted, boolean alias) {
    Symbol s = new Symbol(name, kind, value, stride, count, msb, lsb, raw, e, emitted, alias);
    all.add(s);
    byName.computeIfAbsent(name, k -> new ArrayList<>()).add(s);
  }

  private static boolean isSymbolName(String alias) {
    return alias.matches("[A-Z][A-Z0-9_]*");
  }

  private void build() {
    Map<String, Boolean> layoutDone = new LinkedHashMap<>();
    for (var block : map.blocks()) {
      if (block.baseSymbol() != null) {
        Entity e = new Entity("base", block.name(), block.line(), null, null, 0, block);
        entities.add(e);
        add(block.baseSymbol(), Kind.CONST, block.base(), 0, 0, 0, 0, 0, e, true, false);
      }
      for (var item : block.items()) {
        if (item instanceof RegArray a) {
          long base = (block.kind() == BlockKind.MMIO ? block.base() : 0) + a.offset();
          Entity e = new Entity("array", block.name() + "." + a.name(), a.line(), null, null, 0,
              a);
          entities.add(e);
          if (a.baseSymbol() != null) {
            Entity be = new Entity("base", block.name() + "." + a.name(), a.line(), null, null,
                0, a);
            entities.add(be);
            add(a.baseSymbol(), Kind.CONST, base, 0, 0, 0, 0, 0, be, true, false);
          }
          add(a.name(), Kind.INDEXED, base, a.stride(), a.count(), 0, 0, 0, e, true, false);
          add(a.name() + "_COUNT", Kind.CONST, a.count(), 0, 0, 0, 0, 0, e, true, false);
          add(a.name() + "_STRIDE", Kind.CONST, a.stride(), 0, 0, 0, 0, 0, e, true, false);
          for (String alias : a.aka()) {
            if (isSymbolName(alias)) {
              add(alias, Kind.INDEXED, base, a.stride(), a.count(), 0, 0, 0, e, false, true);
            }
          }
          for (var r : a.regs()) {
            placed(new Placed(block, a, r), layoutDone);
          }
        } else {
          placed(new Placed(block, null, (RegisterMap.Reg) item), layoutDone);
        }
      }
    }
  }

  private void placed(Placed p, Map<String, Boolean> layoutDone) {
    register(p);
    if (p.reg().layout() != null && layoutDone.putIfAbsent(p.reg().layout(), true) == null) {
      Layout l = map.layouts().get(p.reg().layout());
      fields(l.name(), l.aka(), l.name(), l.fields(), l.masks(), l.width(), null, l.line());
    }
    List<String> prefixAka = p.reg().prefix() != null ? p.reg().prefixAka()
        : p.reg().layout() != null ? map.layouts().get(p.reg().layout()).aka() : List.of();
    fields(p.prefix(), prefixAka, p.path(), p.reg().fields(), p.reg().masks(), p.reg().width(), p,
        p.reg().line());
    for (Const c : p.reg().consts()) {
      Entity e = new Entity("const", p.path() + "." + c.name(), c.line(), p, null,
          p.reg().width());
      entities.add(e);
      add(c.name(), Kind.CONST, c.value(), 0, 0, 0, 0, 0, e, true, false);
      for (String alias : c.aka()) {
        if (isSymbolName(alias)) {
          add(alias, Kind.CONST, c.value(), 0, 0, 0, 0, 0, e, false, true);
        }
      }
    }
  }

  private void register(Placed p) {
    var r = p.reg();
    Entity e = new Entity("register", p.path(), r.line(), p, null, r.width());
    entities.add(e);
    List<String> names = new ArrayList<>();
    names.add(p.symbol());
    for (String alias : r.aka()) {
      if (isSymbolName(alias)) {
        names.add(alias);
      }
    }
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      boolean alias = i > 0;
      if (p.block().kind() == BlockKind.IFACE) {
        add(n, p.array() == null ? Kind.IFACE : Kind.INDEXED, p.offset(),
            p.array() == null ? 0 : p.array().stride(), p.array() == null ? 0 : p.array().count(),
            0, 0, 0, e, !alias, alias);
      } else if (p.array() == null) {
        add(n, Kind.REG, p.offset(), 0, 0, 0, 0, 0, e, !alias, alias);
      } else {
        add(n, Kind.INDEXED, p.offset(), p.array().stride(), p.array().count(), 0, 0, 0, e,
            !alias, alias);
      }
      if (r.width() == 64 && p.block().kind() == BlockKind.MMIO) {
        Kind k = p.array() == null ? Kind.REG_HALF : Kind.INDEXED;
        long stride = p.array() == null ? 0 : p.array().stride();
        int count = p.array() == null ? 0 : p.array().count();
        add(n + "_LO", k, p.offset(), stride, count, 0, 0, 0, e, !alias, alias);
        add(n + "_HI", k, p.offset() + 4, stride, count, 0, 0, 0, e, !alias, alias);
      }
    }
  }

  private void fields(String prefix, List<String> prefixAka, String path, List<Field> fields,
      List<Mask> masks, int width, Placed p, int line) {
    for (Field f : fields) {
      if (f.reserved()) {
        continue;
      }
      String fpath = path + "." + (f.name() == null ? "<value>" : f.name());
      Entity e = new Entity(f.kind() == RegisterMap.FieldKind.ENUM ? "enum field" : "field",
          fpath, f.line(), p, f, width);
      if (f.name() != null) {
        entities.add(e);
        List<String> names = new ArrayList<>();
        names.add(prefix + "_" + f.name());
        List<String> prefixes = new ArrayList<>();
        prefixes.add(prefix);
        prefixes.addAll(prefixAka);
        for (String pre : prefixes) {
          List<String> fieldNames = new ArrayList<>();
          fieldNames.add(f.name());
          for (String alias : f.aka()) {
            fieldNames.add(alias.toUpperCase(Locale.ROOT));
          }
          for (String fn : fieldNames) {
            String n = pre + "_" + fn;
            if (isSymbolName(n) && !names.contains(n)) {
              names.add(n);
            }
          }
        }
        for (int i = 0; i < names.size(); i++) {
          String n = names.get(i);
          boolean alias = i > 0;
          if (f.width() == 1) {
            add(n, Kind.BIT, f.mask(), 0, 0, f.msb(), f.lsb(), 0, e, !alias, alias);
          } else {
            add(n + "_MASK", Kind.MASK, f.mask(), 0, 0, f.msb(), f.lsb(), 0, e, !alias, alias);
            add(n + "_SHIFT", Kind.SHIFT, f.lsb(), 0, 0, f.msb(), f.lsb(), 0, e, !alias, alias);
            add(n, Kind.FIELD, f.mask(), 0, 0, f.msb(), f.lsb(), 0, e, false, alias);
          }
        }
      }
      for (EnumValue v : f.values()) {
        String base = f.name() == null ? prefix : prefix + "_" + f.name();
        Entity ve = new Entity("value", fpath + "=" + v.name(), v.line(), p, f, width);
        entities.add(ve);
        String primary = base + "_" + v.name();
        add(primary, Kind.VALUE, v.value() << f.lsb(), 0, 0, f.msb(), f.lsb(), v.value(), ve,
            true, false);
        List<String> bases = new ArrayList<>();
        bases.add(base);
        for (String pre : prefixAka) {
          bases.add(f.name() == null ? pre : pre + "_" + f.name());
        }
        List<String> valueNames = new ArrayList<>();
        valueNames.add(v.name());
        for (String alias : v.aka()) {
          valueNames.add(alias.toUpperCase(Locale.ROOT));
        }
        java.util.Set<String> done = new java.util.HashSet<>(List.of(primary));
        for (String b : bases) {
          for (String vn : valueNames) {
            String n = b + "_" + vn;
            if (isSymbolName(n) && done.add(n)) {
              add(n, Kind.VALUE, v.value() << f.lsb(), 0, 0, f.msb(), f.lsb(), v.value(), ve,
                  false, true);
            }
          }
        }
      }
    }
    for (Mask m : masks) {
      Entity e = new Entity("mask", path + "." + m.name(), m.line(), p, null, width);
      entities.add(e);
      add(prefix + "_" + m.name() + "_MASK", Kind.MASK, m.mask(), 0, 0, m.msb(), m.lsb(), 0, e,
          true, false);
      for (String pre : prefixAka) {
        add(pre + "_" + m.name() + "_MASK", Kind.MASK, m.mask(), 0, 0, m.msb(), m.lsb(), 0, e,
            false, true);
      }
    }
  }
}
