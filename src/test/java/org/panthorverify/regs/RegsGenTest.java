package org.panthorverify.regs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.panthorverify.regs.RegisterMap.BlockKind;
import org.panthorverify.sim.regs.PanthorRegs;

/**
 * The generated C and Rust compile with the real compilers (skipped, with a message, where they
 * are not installed); the Java constants built from the description agree with it.
 */
class RegsGenTest {
  @TempDir Path dir;

  private static String gen(RegsGen.Lang lang) {
    return RegsGen.generate(lang, RegsTestSupport.panthor(), "specs/regs/panthor.regs");
  }

  @Test
  void generatedCCompilesWithGcc() throws Exception {
    assumeTrue(RegsTestSupport.present("gcc"), "gcc is not installed");
    Path h = RegsTestSupport.write(dir, "panthor_regs_gen.h", gen(RegsGen.Lang.C));
    // every register, field and value is used in a translation unit, so gcc evaluates them all
    StringBuilder c = new StringBuilder("#include \"panthor_regs_gen.h\"\n");
    c.append("unsigned long long v[] = {\n");
    for (Symbols.Symbol s : Symbols.of(RegsTestSupport.panthor()).all()) {
      if (s.emitted()) {
        c.append("  (unsigned long long)(").append(s.name())
            .append(s.kind() == Symbols.Kind.INDEXED ? "(1)" : "").append("),\n");
      }
    }
    c.append("};\n");
    Path unit = RegsTestSupport.write(dir, "use.c", c.toString());
    Object[] r = RegsTestSupport.run(List.of("gcc", "-fsyntax-only", "-std=c11", "-Wall", "-Wextra",
        "-Werror", h.getFileName().toString()), dir);
    assertEquals(0, r[0], "gcc on the header:\n" + r[1]);
    r = RegsTestSupport.run(List.of("gcc", "-fsyntax-only", "-std=c11", "-Wall", "-Werror",
        unit.getFileName().toString()), dir);
    assertEquals(0, r[0], "gcc on a unit using every symbol:\n" + r[1]);
  }

  @Test
  void generatedRustCompilesWithRustc() throws Exception {
    assumeTrue(RegsTestSupport.present("rustc"), "rustc is not installed");
    Path rs = RegsTestSupport.write(dir, "panthor_regs.rs", gen(RegsGen.Lang.RUST));
    Object[] r = RegsTestSupport.run(List.of("rustc", "--crate-type", "lib", "--edition", "2021",
        "-D", "warnings", "--emit", "metadata", "-o", dir.resolve("libregs.rmeta").toString(),
        rs.getFileName().toString()), dir);
    assertEquals(0, r[0], "rustc:\n" + r[1]);
  }

  /** The build generated PanthorRegs from the description; it is not committed. */
  @Test
  void theBuildsJavaConstantsAreTheGeneratorsOutput() throws Exception {
    Path built = Path.of("target", "generated-sources", "regs", "org", "panthorverify", "sim",
        "regs", "PanthorRegs.java");
    assertTrue(Files.isRegularFile(built), "the build did not generate " + built);
    assertEquals(gen(RegsGen.Lang.JAVA), Files.readString(built, StandardCharsets.UTF_8));
    assertTrue(!Files.exists(Path.of("src", "main", "java", "org", "panthorverify", "sim", "regs",
        "PanthorRegs.java")), "PanthorRegs.java must not be committed");
  }

  @Test
  void javaConstantsReadTheDescriptionsValues() {
    assertEquals(0x220, PanthorRegs.L2_PWRTRANS);
    assertEquals(0x224, PanthorRegs.L2_PWRTRANS_HI);
    assertEquals(0x700, PanthorRegs.MCU_CONTROL);
    assertEquals(0x1000, PanthorRegs.JOB_INT_RAWSTAT);
    assertEquals(0x2418, PanthorRegs.AS_COMMAND(0));
    assertEquals(0x2418 + 3 * 0x40, PanthorRegs.AS_COMMAND(3));
    assertEquals(2, PanthorRegs.AS_COMMAND_LOCK);
    assertEquals(1 << 31, PanthorRegs.JOB_INT_GLOBAL_IF);
    assertEquals(0x101, PanthorRegs.GPU_SOFT_RESET);
    assertEquals(0x80000 + 2 * 0x10000, PanthorRegs.CSF_DOORBELL(2));
    // the register table matches the description, register by register
    RegisterMap map = RegsTestSupport.panthor();
    List<RegisterMap.Placed> regs = map.registers();
    assertEquals(regs.size(), PanthorRegs.REGISTERS.size());
    for (int i = 0; i < regs.size(); i++) {
      RegisterMap.Placed p = regs.get(i);
      PanthorRegs.Register r = PanthorRegs.REGISTERS.get(i);
      assertEquals(p.symbol(), r.name());
      assertEquals(p.offset(), r.offset(), p.symbol());
      assertEquals(p.reg().width(), r.width(), p.symbol());
      assertEquals(p.block().kind() == BlockKind.MMIO ? PanthorRegs.Space.MMIO
          : PanthorRegs.Space.IFACE, r.space(), p.symbol());
      assertEquals(p.array() == null ? 1 : p.array().count(), r.count(), p.symbol());
    }
  }

  @Test
  void generationIsDeterministic() {
    for (RegsGen.Lang l : RegsGen.Lang.values()) {
      assertEquals(gen(l), gen(l), l.name());
    }
  }
}
