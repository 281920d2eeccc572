package org.panthorverify.regs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed register description ({@code .regs} file): MMIO blocks and firmware interface
 * blocks, their registers, arrays, fields, values and shared field layouts. Immutable.
 *
 * <p>See {@code specs/regs/FORMAT.md} for the text format and the naming rule that turns this
 * structure into symbols ({@link Symbols}).
 */
public record RegisterMap(String file, List<Block> blocks, Map<String, Layout> layouts) {

  public RegisterMap {
    blocks = List.copyOf(blocks);
    layouts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(layouts));
  }

  /** MMIO page with an absolute base, or a shared-memory interface block (offsets in-block). */
  public enum BlockKind { MMIO, IFACE }

  /** Register access as the host sees it. */
  public enum Access { RO, WO, RW }

  /** What a bit range of a register is. */
  public enum FieldKind { FIELD, ENUM, RES0, RES1 }

  /**
   * A block; {@code items} are {@link Reg}s and {@link RegArray}s in file order.
   * {@code baseSymbol} names the symbol that headers which give offsets relative to the block
   * use for its base ({@code MCU_CONTROL_BASE}), or is null.
   */
  public record Block(String name, BlockKind kind, long base, String struct, String baseSymbol,
      List<Item> items, int line) {
    public Block {
      items = List.copyOf(items);
    }

    /** Every register of the block, with the array it sits in (or null), in file order. */
    public List<Placed> registers() {
      List<Placed> out = new ArrayList<>();
      for (Item it : items) {
        if (it instanceof Reg r) {
          out.add(new Placed(this, null, r));
        } else if (it instanceof RegArray a) {
          for (Reg r : a.regs()) {
            out.add(new Placed(this, a, r));
          }
        }
      }
      return out;
    }
  }

  /** A block member: a register or an array of registers. */
  public sealed interface Item permits Reg, RegArray {
    String name();

    int line();
  }

  /**
   * {@code count} instances of {@code regs}, {@code stride} bytes apart from {@code offset};
   * {@code baseSymbol} as for a block ({@code MMU_AS_BASE}), or null.
   */
  public record RegArray(String name, long offset, int count, long stride, String baseSymbol,
      List<Reg> regs, List<String> aka, int line) implements Item {
    public RegArray {
      regs = List.copyOf(regs);
      aka = List.copyOf(aka);
    }
  }

  /**
   * A register. {@code prefix} is the symbol prefix of its fields (null: the register's own
   * symbol), {@code prefixAka} other prefixes they go by; {@code layout} names a shared
   * {@link Layout} whose fields it takes (or null).
   */
  public record Reg(String name, long offset, int width, Access access, String prefix,
      List<String> prefixAka, String layout, List<Field> fields, List<Mask> masks,
      List<Const> consts, List<String> aka, int line) implements Item {
    public Reg {
      prefixAka = List.copyOf(prefixAka);
      fields = List.copyOf(fields);
      masks = List.copyOf(masks);
      consts = List.copyOf(consts);
      aka = List.copyOf(aka);
    }

    public int bytes() {
      return width / 8;
    }
  }

  /**
   * Fields shared by several registers ({@code Use NAME}); the symbol prefix is its name,
   * {@code aka} lists other prefixes its symbols go by elsewhere (Tyr's JOB_IRQ for JOB_INT).
   */
  public record Layout(String name, int width, List<Field> fields, List<Mask> masks,
      List<String> aka, int line) {
    public Layout {
      fields = List.copyOf(fields);
      masks = List.copyOf(masks);
      aka = List.copyOf(aka);
    }
  }

  /** A bit range; {@code name} is null for reserved bits and for an anonymous enum. */
  public record Field(String name, int msb, int lsb, FieldKind kind, List<EnumValue> values,
      List<String> aka, int line) {
    public Field {
      values = List.copyOf(values);
      aka = List.copyOf(aka);
    }

    public int width() {
      return msb - lsb + 1;
    }

    public long mask() {
      return Bits.mask(msb, lsb);
    }

    public boolean reserved() {
      return kind == FieldKind.RES0 || kind == FieldKind.RES1;
    }
  }

  /** A named value of an enum field (unshifted). */
  public record EnumValue(long value, String name, List<String> aka, int line) {
    public EnumValue {
      aka = List.copyOf(aka);
    }
  }

  /**
   * A named group of bits that may span fields ({@code GLB_REQ_MASK}); {@code bits} may be
   * several ranges ({@code CSG_REQ_MASK} is bits 2:0, 4 and 5), {@code msb}/{@code lsb} bound
   * them.
   */
  public record Mask(String name, int msb, int lsb, long bits, int line) {
    public long mask() {
      return bits;
    }
  }

  /** A named value of a whole register; its symbol is its name. */
  public record Const(String name, long value, List<String> aka, int line) {
    public Const {
      aka = List.copyOf(aka);
    }
  }

  /** A register where it sits: its block and its array (null when not in one). */
  public record Placed(Block block, RegArray array, Reg reg) {
    /** Absolute (MMIO) or in-block (iface) offset of the register, of instance 0 for arrays. */
    public long offset() {
      long base = block.kind() == BlockKind.MMIO ? block.base() : 0;
      return base + (array == null ? 0 : array.offset()) + reg.offset();
    }

    /** The register's symbol: its name, or BLOCK_NAME in an iface block. */
    public String symbol() {
      return block.kind() == BlockKind.IFACE ? block.name() + "_" + reg.name() : reg.name();
    }

    /** The prefix of its field, mask and value symbols. */
    public String prefix() {
      if (reg.prefix() != null) {
        return reg.prefix();
      }
      if (reg.layout() != null) {
        return reg.layout();
      }
      return symbol();
    }

    /** {@code GPU_CONTROL.GPU_ID} or {@code MMU_CONTROL.MMU_AS[].AS_TRANSTAB}. */
    public String path() {
      return block.name() + "." + (array == null ? "" : array.name() + "[].") + reg.name();
    }
  }

  /** The fields of a register, its layout's when it uses one. */
  public List<Field> fieldsOf(Reg reg) {
    if (reg.layout() == null) {
      return reg.fields();
    }
    List<Field> out = new ArrayList<>(layouts.get(reg.layout()).fields());
    out.addAll(reg.fields());
    return out;
  }

  /** The masks of a register, its layout's included. */
  public List<Mask> masksOf(Reg reg) {
    if (reg.layout() == null) {
      return reg.masks();
    }
    List<Mask> out = new ArrayList<>(layouts.get(reg.layout()).masks());
    out.addAll(reg.masks());
    return out;
  }

  /** Every register of every block. */
  public List<Placed> registers() {
    List<Placed> out = new ArrayList<>();
    for (Block b : blocks) {
      out.addAll(b.registers());
    }
    return out;
  }

  public Optional<Block> block(String name) {
    return blocks.stream().filter(b -> b.name().equals(name)).findFirst();
  }
}
