package org.panthorverify.regs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.panthorverify.regs.RegisterMap.Block;
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
   * or base entity is about; {@code block} the block it is emitted with (a layout's fields go
   * with the first register that uses the layout).
   */
  public record Entity(String what, String path, int line, Placed reg, Field field, int width,
      Object scope, Block block) {}

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
  private final Map<Entity, List<Symbol>> byEntity = new java.util.IdentityHashMap<>();
  /** The block being walked: the {@link Entity#block()} of what is created now. */
  private Block current;

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

  /** The symbols of one entity, in file order. */
  public List<Symbol> of(Entity e) {
    return byEntity.getOrDefault(e, List.of());
  }


  private void add(String name, Kind kind, long value, long stride, int count, int msb, int lsb,
      long raw, Entity e, boolean emitted, boolean alias) {
    Symbol s = new Symbol(name, kind, value, stride, count, msb, lsb, raw, e, emitted, alias);
    all.add(s);
    byName.computeIfAbsent(name, k -> new ArrayList<>()).add(s);
    byEntity.computeIfAbsent(e, k -> new ArrayList<>()).add(s);
  }

  private static boolean isSymbolName(String alias) {
    return alias.matches("[A-Z][A-Z0-9_]*");
  }

  private Entity entity(String what, String path, int line, Placed reg, Field field, int width,
      Object scope) {
    Entity e = new Entity(what, path, line, reg, field, width, scope, current);
    entities.add(e);
    return e;
  }

  /**
   * {@code BASE_NAME} for every base and name, the first base and name first, without
   * duplicates, leaving out what is not symbol-shaped (an alias given in lower case for Rust).
   */
  private static List<String> names(List<String> bases, String name, List<String> aliases) {
    List<String> names = new ArrayList<>();
    names.add(name);
    for (String a : aliases) {
      names.add(a.toUpperCase(Locale.ROOT));
    }
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    out.add(bases.get(0) + "_" + name);
    for (String b : bases) {
      for (String n : names) {
        if (isSymbolName(b + "_" + n)) {
          out.add(b + "_" + n);
        }
      }
    }
    return new ArrayList<>(out);
  }

  private void build() {
    java.util.Set<String> layoutDone = new java.util.HashSet<>();
    for (var block : map.blocks()) {
      current = block;
      if (block.baseSymbol() != null) {
        Entity e = entity("base", block.name(), block.line(), null, null, 0, block);
        add(block.baseSymbol(), Kind.CONST, block.base(), 0, 0, 0, 0, 0, e, true, false);
      }
      for (var item : block.items()) {
        if (item instanceof RegArray a) {
          long base = (block.kind() == BlockKind.MMIO ? block.base() : 0) + a.offset();
          Entity e = entity("array", block.name() + "." + a.name(), a.line(), null, null, 0,
              a);
          if (a.baseSymbol() != null) {
            Entity be = entity("base", block.name() + "." + a.name(), a.line(), null, null, 0,
                a);
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

  private void placed(Placed p, java.util.Set<String> layoutDone) {
    register(p);
    if (p.reg().layout() != null && layoutDone.add(p.reg().layout())) {
      Layout l = map.layouts().get(p.reg().layout());
      fields(l.name(), l.aka(), l.name(), l.fields(), l.masks(), l.width(), null);
    }
    List<String> prefixAka = p.reg().prefix() != null ? p.reg().prefixAka()
        : p.reg().layout() != null ? map.layouts().get(p.reg().layout()).aka() : List.of();
    fields(p.prefix(), prefixAka, p.path(), p.reg().fields(), p.reg().masks(), p.reg().width(), p);
    for (Const c : p.reg().consts()) {
      Entity e = entity("const", p.path() + "." + c.name(), c.line(), p, null, p.reg().width(),
          null);
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
    Entity e = entity("register", p.path(), r.line(), p, null, r.width(), null);
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
      List<Mask> masks, int width, Placed p) {
    List<String> prefixes = new ArrayList<>();
    prefixes.add(prefix);
    prefixes.addAll(prefixAka);
    for (Field f : fields) {
      if (f.reserved()) {
        continue;
      }
      String fpath = path + "." + (f.name() == null ? "<value>" : f.name());
      if (f.name() != null) {
        Entity e = entity(f.kind() == RegisterMap.FieldKind.ENUM ? "enum field" : "field", fpath,
            f.line(), p, f, width, null);
        List<String> names = names(prefixes, f.name(), f.aka());
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
      List<String> bases = new ArrayList<>();
      for (String pre : prefixes) {
        bases.add(f.name() == null ? pre : pre + "_" + f.name());
      }
      for (EnumValue v : f.values()) {
        Entity ve = entity("value", fpath + "=" + v.name(), v.line(), p, f, width, null);
        List<String> names = names(bases, v.name(), v.aka());
        for (int i = 0; i < names.size(); i++) {
          add(names.get(i), Kind.VALUE, v.value() << f.lsb(), 0, 0, f.msb(), f.lsb(), v.value(),
              ve, i == 0, i > 0);
        }
      }
    }
    for (Mask m : masks) {
      Entity e = entity("mask", path + "." + m.name(), m.line(), p, null, width, null);
      for (int i = 0; i < prefixes.size(); i++) {
        add(prefixes.get(i) + "_" + m.name() + "_MASK", Kind.MASK, m.mask(), 0, 0, m.msb(),
            m.lsb(), 0, e, i == 0, i > 0);
      }
    }
  }
}
