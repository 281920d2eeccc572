package org.panthorverify.regs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.panthorverify.regs.RegisterMap.Access;
import org.panthorverify.regs.RegisterMap.Block;
import org.panthorverify.regs.RegisterMap.BlockKind;
import org.panthorverify.regs.RegisterMap.Const;
import org.panthorverify.regs.RegisterMap.EnumValue;
import org.panthorverify.regs.RegisterMap.Field;
import org.panthorverify.regs.RegisterMap.FieldKind;
import org.panthorverify.regs.RegisterMap.Item;
import org.panthorverify.regs.RegisterMap.Layout;
import org.panthorverify.regs.RegisterMap.Mask;
import org.panthorverify.regs.RegisterMap.Reg;
import org.panthorverify.regs.RegisterMap.RegArray;

/**
 * Reads the {@code .regs} text format (specs/regs/FORMAT.md) into a {@link RegisterMap}. A
 * syntax error is a {@link RegsException} whose one-line message names the file and line and
 * what was expected there. The parser checks syntax and references only; {@link RegsLint} checks
 * the layout (overlaps, widths, duplicates).
 */
public final class RegsParser {
  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Pattern ALIAS = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*");
  private static final Pattern RANGE = Pattern.compile("(\\d+)(?::(\\d+))?");

  private final String file;
  private int line;

  private RegsParser(String file) {
    this.file = file;
  }

  /** Parses a file; a missing or unreadable file is a {@link RegsException}. */
  public static RegisterMap parse(Path path) {
    return parse(path.toString(), read(path, "register description"));
  }

  /** The text of {@code path} ({@code what} names it in the one-line error). */
  public static String read(Path path, String what) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new RegsException(what + " not found: " + path);
    } catch (IOException e) {
      throw new RegsException("cannot read " + what + " " + path + ": " + e.getMessage());
    }
  }

  /** Parses text; {@code file} is the name used in messages. */
  public static RegisterMap parse(String file, String text) {
    return new RegsParser(file).run(text);
  }

  // ---- builders ----------------------------------------------------------------------------

  private static final class RegB {
    String name;
    long offset;
    int width;
    Access access;
    String prefix;
    List<String> prefixAka = List.of();
    String layout;
    List<String> aka = List.of();
    int line;
    final List<Field> fields = new ArrayList<>();
    final List<Mask> masks = new ArrayList<>();
    final List<Const> consts = new ArrayList<>();

    Reg build() {
      return new Reg(name, offset, width, access, prefix, prefixAka, layout, fields, masks, consts,
          aka, line);
    }
  }

  private static final class EnumB {
    String name;
    int msb;
    int lsb;
    List<String> aka;
    int line;
    final List<EnumValue> values = new ArrayList<>();
  }

  private RegisterMap run(String text) {
    List<Block> blocks = new ArrayList<>();
    Map<String, Layout> layouts = new LinkedHashMap<>();
    // open constructs
    String blockName = null;
    BlockKind blockKind = null;
    long blockBase = 0;
    String struct = null;
    String blockBaseSymbol = null;
    String arrayBase = null;
    int blockLine = 0;
    List<Item> items = null;
    String arrayName = null;
    long arrayOffset = 0;
    int arrayCount = 0;
    long arrayStride = 0;
    List<String> arrayAka = null;
    int arrayLine = 0;
    List<Reg> arrayRegs = null;
    RegB reg = null;
    EnumB en = null;
    // an open layout is a RegB without offset/access
    RegB layout = null;

    String[] lines = text.split("\r?\n", -1);
    int lastContent = 1;
    for (int i = 0; i < lines.length; i++) {
      line = i + 1;
      String raw = lines[i];
      int hash = raw.indexOf('#');
      String content = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
      if (content.isEmpty()) {
        continue;
      }
      String[] t = content.split("\\s+");
      String kw = t[0];
      lastContent = line;

      if (en != null) {
        if (kw.equals("EndEnum")) {
          args(t, 0, "EndEnum");
          Field f = new Field(en.name, en.msb, en.lsb, FieldKind.ENUM, en.values, en.aka, en.line);
          (reg != null ? reg : layout).fields.add(f);
          en = null;
          continue;
        }
        if (t.length < 2) {
          throw error("an enum value needs 'VALUE NAME [aka …]', or EndEnum to close the enum "
              + "opened at line " + en.line + "; found '" + content + "'");
        }
        long v = number(t[0], "enum value");
        String name = name(t[1], "enum value name");
        en.values.add(new EnumValue(v, name, aka(t, 2), line));
        continue;
      }

      if (reg != null || layout != null) {
        RegB r = reg != null ? reg : layout;
        String where = reg != null ? "a Reg" : "a Layout";
        switch (kw) {
          case "Field" -> {
            int[] rg = range(arg(t, 1, "Field MSB:LSB NAME"), "Field");
            r.fields.add(new Field(name(arg(t, 2, "Field MSB:LSB NAME"), "field name"), rg[0],
                rg[1], FieldKind.FIELD, List.of(), aka(t, 3), line));
          }
          case "Enum" -> {
            en = new EnumB();
            int[] rg = range(arg(t, 1, "Enum MSB:LSB NAME"), "Enum");
            String n = arg(t, 2, "Enum MSB:LSB NAME");
            en.name = n.equals("-") ? null : name(n, "enum field name");
            en.msb = rg[0];
            en.lsb = rg[1];
            en.aka = aka(t, 3);
            en.line = line;
          }
          case "Res0", "Res1" -> {
            args(t, 1, kw + " MSB:LSB");
            int[] rg = range(t[1], kw);
            r.fields.add(new Field(null, rg[0], rg[1],
                kw.equals("Res0") ? FieldKind.RES0 : FieldKind.RES1, List.of(), List.of(), line));
          }
          case "Mask" -> {
            args(t, 2, "Mask NAME MSB:LSB[,MSB:LSB…]");
            long bits = 0;
            int msb = 0;
            int lsb = 63;
            for (String part : t[2].split(",", -1)) {
              int[] rg = range(part, "Mask");
              if ((bits & Bits.mask(rg[0], rg[1])) != 0) {
                throw error("the ranges of mask " + t[1] + " overlap at '" + part + "'");
              }
              bits |= Bits.mask(rg[0], rg[1]);
              msb = Math.max(msb, rg[0]);
              lsb = Math.min(lsb, rg[1]);
            }
            r.masks.add(new Mask(name(t[1], "mask name"), msb, lsb, bits, line));
          }
          case "Const" -> {
            if (reg == null) {
              throw error("Const belongs in a Reg, not in a Layout");
            }
            String n = name(arg(t, 1, "Const NAME VALUE"), "const name");
            long v = number(arg(t, 2, "Const NAME VALUE"), "const value");
            r.consts.add(new Const(n, v, aka(t, 3), line));
          }
          case "Prefix" -> {
            if (reg == null) {
              throw error("Prefix belongs in a Reg; a Layout's prefix is its name");
            }
            r.prefix = name(arg(t, 1, "Prefix NAME [aka NAME,…]"), "prefix");
            r.prefixAka = aka(t, 2);
            for (String a : r.prefixAka) {
              name(a, "prefix alias");
            }
          }
          case "Use" -> {
            if (reg == null) {
              throw error("Use belongs in a Reg, not in a Layout");
            }
            args(t, 1, "Use LAYOUT");
            Layout l = layouts.get(t[1]);
            if (l == null) {
              throw error("unknown layout '" + t[1] + "' (a Layout must come before the Reg that "
                  + "uses it; known: " + String.join(", ", layouts.keySet()) + ")");
            }
            if (r.layout != null) {
              throw error("a register uses one layout; it already uses " + r.layout);
            }
            if (l.width() != r.width) {
              throw error("layout " + l.name() + " is " + l.width() + " bits wide but register "
                  + r.name + " is " + r.width);
            }
            r.layout = t[1];
          }
          case "EndReg" -> {
            if (reg == null) {
              throw error("EndReg closes a Reg, but the open construct is the Layout opened at "
                  + "line " + layout.line + " (close it with EndLayout)");
            }
            args(t, 0, "EndReg");
            Reg built = reg.build();
            if (arrayRegs != null) {
              arrayRegs.add(built);
            } else {
              items.add(built);
            }
            reg = null;
          }
          case "EndLayout" -> {
            if (layout == null) {
              throw error("EndLayout closes a Layout, but the open construct is the Reg opened at "
                  + "line " + reg.line + " (close it with EndReg)");
            }
            args(t, 0, "EndLayout");
            if (layouts.containsKey(layout.name)) {
              throw error("duplicate layout name " + layout.name);
            }
            layouts.put(layout.name, new Layout(layout.name, layout.width, layout.fields,
                layout.masks, layout.aka, layout.line));
            layout = null;
          }
          default -> throw error("unknown directive '" + kw + "' in " + where + " (valid: "
              + (reg != null ? "Prefix, Use, Field, Enum, Res0, Res1, Mask, Const, EndReg"
                  : "Field, Enum, Res0, Res1, Mask, EndLayout") + ")");
        }
        continue;
      }

      if (blockName != null) {
        switch (kw) {
          case "Reg" -> {
            reg = new RegB();
            reg.name = name(arg(t, 1, "Reg NAME OFFSET WIDTH ACCESS"), "register name");
            reg.offset = number(arg(t, 2, "Reg NAME OFFSET WIDTH ACCESS"), "register offset");
            reg.width = width(arg(t, 3, "Reg NAME OFFSET WIDTH ACCESS"));
            reg.access = access(arg(t, 4, "Reg NAME OFFSET WIDTH ACCESS"));
            reg.aka = aka(t, 5);
            reg.line = line;
          }
          case "Array" -> {
            if (arrayRegs != null) {
              throw error("arrays do not nest: close the Array opened at line " + arrayLine
                  + " with EndArray first");
            }
            String usage = "Array NAME OFFSET COUNT STRIDE";
            arrayName = name(arg(t, 1, usage), "array name");
            arrayOffset = number(arg(t, 2, usage), "array offset");
            long count = number(arg(t, 3, usage), "array count");
            arrayStride = number(arg(t, 4, usage), "array stride");
            if (count < 1 || count > 4096) {
              throw error("array count must be 1..4096, found " + count);
            }
            if (arrayStride < 4) {
              throw error("array stride must be at least 4 bytes, found " + arrayStride);
            }
            arrayCount = (int) count;
            arrayAka = aka(t, 5);
            arrayBase = null;
            arrayLine = line;
            arrayRegs = new ArrayList<>();
          }
          case "EndArray" -> {
            if (arrayRegs == null) {
              throw error("EndArray without an open Array");
            }
            args(t, 0, "EndArray");
            items.add(new RegArray(arrayName, arrayOffset, arrayCount, arrayStride, arrayBase,
                arrayRegs,
                arrayAka, arrayLine));
            arrayRegs = null;
          }
          case "Base" -> {
            args(t, 1, "Base NAME");
            String n = name(t[1], "base symbol");
            if (arrayRegs != null) {
              if (arrayBase != null) {
                throw error("array " + arrayName + " already has the base symbol " + arrayBase);
              }
              arrayBase = n;
            } else {
              if (blockKind != BlockKind.MMIO) {
                throw error("Base names the base symbol of an MMIO block or array; block "
                    + blockName + " is iface");
              }
              if (blockBaseSymbol != null) {
                throw error("block " + blockName + " already has the base symbol "
                    + blockBaseSymbol);
              }
              blockBaseSymbol = n;
            }
          }
          case "Struct" -> {
            if (blockKind != BlockKind.IFACE) {
              throw error("Struct names the C struct of an iface block; block " + blockName
                  + " is mmio");
            }
            args(t, 1, "Struct c_struct_name");
            if (!t[1].matches("[a-z_][a-z0-9_]*")) {
              throw error("a C struct name is lower case, found '" + t[1] + "'");
            }
            struct = t[1];
          }
          case "EndBlock" -> {
            if (arrayRegs != null) {
              throw error("EndBlock inside the Array opened at line " + arrayLine
                  + " (close it with EndArray)");
            }
            args(t, 0, "EndBlock");
            blocks.add(new Block(blockName, blockKind, blockBase, struct, blockBaseSymbol, items,
                blockLine));
            blockName = null;
          }
          default -> throw error("unknown directive '" + kw + "' in a Block (valid: Reg, Array, "
              + "EndArray, Base, Struct, EndBlock)");
        }
        continue;
      }

      switch (kw) {
        case "Block" -> {
          blockName = name(arg(t, 1, "Block NAME mmio BASE | Block NAME iface"), "block name");
          String kind = arg(t, 2, "Block NAME mmio BASE | Block NAME iface");
          if (kind.equals("mmio")) {
            args(t, 3, "Block NAME mmio BASE");
            blockKind = BlockKind.MMIO;
            blockBase = number(t[3], "block base");
          } else if (kind.equals("iface")) {
            args(t, 2, "Block NAME iface");
            blockKind = BlockKind.IFACE;
            blockBase = 0;
          } else {
            throw error("block kind must be mmio or iface, found '" + kind + "'");
          }
          struct = null;
          blockBaseSymbol = null;
          blockLine = line;
          items = new ArrayList<>();
        }
        case "Layout" -> {
          layout = new RegB();
          layout.name = name(arg(t, 1, "Layout NAME WIDTH [aka PREFIX,…]"), "layout name");
          layout.width = width(arg(t, 2, "Layout NAME WIDTH [aka PREFIX,…]"));
          layout.aka = aka(t, 3);
          for (String a : layout.aka) {
            name(a, "layout alias");
          }
          layout.line = line;
        }
        default -> throw error("unknown directive '" + kw + "' at top level (valid: Block, "
            + "Layout)");
      }
    }
    line = lastContent;
    if (en != null) {
      throw error("end of file inside the Enum opened at line " + en.line + " (close it with "
          + "EndEnum)");
    }
    if (reg != null) {
      throw error("end of file inside the Reg opened at line " + reg.line + " (close it with "
          + "EndReg)");
    }
    if (layout != null) {
      throw error("end of file inside the Layout opened at line " + layout.line);
    }
    if (blockName != null) {
      throw error("end of file inside the Block opened at line " + blockLine + " (close it with "
          + "EndBlock)");
    }
    if (blocks.isEmpty()) {
      throw error("no Block in the file");
    }
    return new RegisterMap(file, blocks, layouts);
  }

  // ---- argument helpers --------------------------------------------------------------------

  private RegsException error(String message) {
    return new RegsException(file + ":" + line + ": " + message);
  }

  private String arg(String[] t, int i, String usage) {
    if (i >= t.length) {
      throw error("'" + t[0] + "' needs more arguments: " + usage);
    }
    return t[i];
  }

  /** Exactly {@code n} arguments. */
  private void args(String[] t, int n, String usage) {
    if (t.length != n + 1) {
      throw error("'" + t[0] + "' takes " + (n == 0 ? "no arguments" : n + " argument"
          + (n == 1 ? "" : "s") + ": " + usage) + "; found '"
          + String.join(" ", Arrays.copyOfRange(t, 1, t.length)) + "'");
    }
  }

  private String name(String s, String what) {
    if (!NAME.matcher(s).matches()) {
      throw error("bad " + what + " '" + s + "': names are upper case, [A-Z][A-Z0-9_]*");
    }
    return s;
  }

  private List<String> aka(String[] t, int from) {
    if (from >= t.length) {
      return List.of();
    }
    if (!t[from].equals("aka")) {
      throw error("unexpected '" + String.join(" ", Arrays.copyOfRange(t, from, t.length))
          + "' (only 'aka NAME,…' may follow)");
    }
    List<String> out = new ArrayList<>();
    for (int i = from + 1; i < t.length; i++) {
      for (String a : t[i].split(",")) {
        if (a.isEmpty()) {
          continue;
        }
        if (!ALIAS.matcher(a).matches()) {
          throw error("bad alias '" + a + "': an identifier or a Rust path a::b::NAME");
        }
        out.add(a);
      }
    }
    if (out.isEmpty()) {
      throw error("'aka' needs at least one name");
    }
    return out;
  }

  private long number(String s, String what) {
    String v = s.replace("_", "");
    try {
      if (v.startsWith("0x") || v.startsWith("0X")) {
        return Long.parseUnsignedLong(v.substring(2), 16);
      }
      if (v.startsWith("0b") || v.startsWith("0B")) {
        return Long.parseUnsignedLong(v.substring(2), 2);
      }
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw error("bad " + what + " '" + s + "': a number (decimal, 0x hex or 0b binary)");
    }
  }

  private int[] range(String s, String what) {
    var m = RANGE.matcher(s);
    if (!m.matches()) {
      throw error("bad bit range '" + s + "' in " + what + ": MSB:LSB or a single bit N");
    }
    int msb = Integer.parseInt(m.group(1));
    int lsb = m.group(2) == null ? msb : Integer.parseInt(m.group(2));
    if (lsb > msb) {
      throw error("bit range '" + s + "' is reversed: write MSB:LSB, high bit first");
    }
    if (msb > 63) {
      throw error("bit " + msb + " is beyond 63");
    }
    return new int[] {msb, lsb};
  }

  private int width(String s) {
    if (s.equals("32") || s.equals("64")) {
      return Integer.parseInt(s);
    }
    throw error("register width must be 32 or 64, found '" + s + "'");
  }

  private Access access(String s) {
    try {
      return Access.valueOf(s);
    } catch (IllegalArgumentException e) {
      throw error("register access must be RO, WO or RW, found '" + s + "'");
    }
  }
}
