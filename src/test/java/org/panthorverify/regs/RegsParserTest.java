package org.panthorverify.regs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegsParserTest {

  @Test
  void readsBlocksArraysLayoutsAndValues() {
    RegisterMap m = RegsTestSupport.mini();
    assertEquals(3, m.blocks().size());
    RegisterMap.Block gpu = m.block("GPU_CONTROL").orElseThrow();
    assertEquals(0, gpu.base());
    var l2 = m.registers().stream().filter(p -> p.reg().name().equals("L2_PWRTRANS")).findFirst()
        .orElseThrow();
    assertEquals(0x220, l2.offset());
    assertEquals(64, l2.reg().width());
    var fault = m.registers().stream().filter(p -> p.reg().name().equals("AS_FAULTSTATUS"))
        .findFirst().orElseThrow();
    assertEquals(0x241c, fault.offset());
    assertEquals("MMU_AS", fault.array().name());
    assertEquals(16, fault.array().count());
    assertEquals(3, m.layouts().get("GPU_IRQ").fields().size());
    var glb = m.registers().stream().filter(p -> p.symbol().equals("GLB_INPUT_REQ")).findFirst()
        .orElseThrow();
    assertEquals("GLB", glb.prefix());
    assertEquals(0, glb.offset());
  }

  @Test
  void symbolsFollowTheNamingRule() {
    Symbols s = Symbols.of(RegsTestSupport.mini());
    assertEquals(0x224, s.named("L2_PWRTRANS_HI").get(0).value());
    assertEquals(Bits.mask(31, 28), s.named("GPU_ARCH_MAJOR_MASK").get(0).value());
    assertEquals(28, s.named("GPU_ARCH_MAJOR_SHIFT").get(0).value());
    assertEquals(1L << 17, s.named("GPU_IRQ_CLEAN_CACHES_COMPLETED").get(0).value());
    assertEquals(2L << 8, s.named("AS_FAULTSTATUS_ACCESS_TYPE_READ").get(0).value());
    assertEquals(2, s.named("MCU_CONTROL_AUTO").get(0).value());
    assertEquals(0x2400, s.named("AS_TRANSTAB").get(0).value());
    assertEquals(0x40, s.named("AS_TRANSTAB").get(0).stride());
    assertEquals(0x101, s.named("GPU_SOFT_RESET").get(0).value());
    assertEquals(Bits.mask(10, 0), s.named("GLB_REQ_MASK").get(0).value());
    assertEquals(0x18, s.named("GLB_INPUT_CORE_EN_MASK").get(0).value());
    // an alias is known but not emitted
    assertTrue(s.named("GPU_IRQ_RAWSTAT").get(0).alias());
    assertTrue(s.named("GPU_IRQ_GPU_FAULT").get(0).alias());
  }

  /** The format example of the README parses and lints clean, so the documentation stays true. */
  @Test
  void theReadmesExampleIsAValidDescription() throws Exception {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
    int section = readme.indexOf("### The `.regs` format");
    assertTrue(section >= 0, "the README has no format section");
    int open = readme.indexOf("```\n", section) + 4;
    int close = readme.indexOf("```", open);
    RegisterMap m = RegsParser.parse("README.md", readme.substring(open, close));
    assertEquals(java.util.List.of(), RegsLint.check(m));
    assertEquals(3, m.blocks().size());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Regg X 0 32 RO|t.regs:2: unknown directive 'Regg' in a Block (valid: Reg, Array, EndArray, Base, Struct, EndBlock)",
      "Reg gpu_id 0 32 RO|t.regs:2: bad register name 'gpu_id': names are upper case, [A-Z][A-Z0-9_]*",
      "Reg X 0 48 RO|t.regs:2: register width must be 32 or 64, found '48'",
      "Reg X 0 32 RX|t.regs:2: register access must be RO, WO or RW, found 'RX'",
      "Reg X zz 32 RO|t.regs:2: bad register offset 'zz': a number (decimal, 0x hex or 0b binary)",
      "Reg X 0 32|t.regs:2: 'Reg' needs more arguments: Reg NAME OFFSET WIDTH ACCESS",
      "Reg X 0 32 RO junk|t.regs:2: unexpected 'junk' (only 'aka NAME,…' may follow)",
  })
  void aBadLineIsOneErrorWithItsLine(String bad, String message) {
    String text = "Block B mmio 0\n" + bad + "\nEndReg\nEndBlock\n";
    RegsException e = assertThrows(RegsException.class, () -> RegsParser.parse("t.regs", text));
    assertEquals(message, e.getMessage());
  }

  @Test
  void reversedRangeAndUnclosedConstructsAreNamed() {
    RegsException e = assertThrows(RegsException.class, () -> RegsParser.parse("t.regs",
        "Block B mmio 0\nReg X 0 32 RO\nField 3:7 F\nEndReg\nEndBlock\n"));
    assertEquals("t.regs:3: bit range '3:7' is reversed: write MSB:LSB, high bit first",
        e.getMessage());
    e = assertThrows(RegsException.class, () -> RegsParser.parse("t.regs",
        "Block B mmio 0\nReg X 0 32 RO\nField 3:0 F\n"));
    assertEquals("t.regs:3: end of file inside the Reg opened at line 2 (close it with EndReg)",
        e.getMessage());
    e = assertThrows(RegsException.class, () -> RegsParser.parse("t.regs",
        "Block B mmio 0\nReg X 0 32 RO\nUse NOPE\nEndReg\nEndBlock\n"));
    assertTrue(e.getMessage().startsWith("t.regs:3: unknown layout 'NOPE'"), e.getMessage());
  }
}
