package org.panthorverify.regs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegsLintTest {

  @Test
  void theProjectsDescriptionIsClean() {
    assertEquals(List.of(), RegsLint.check(RegsTestSupport.panthor()));
  }

  @Test
  void theTestDescriptionIsClean() {
    assertEquals(List.of(), RegsLint.check(RegsTestSupport.mini()));
  }

  /** Each broken description gives exactly one finding, on the line of the later party. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "overlapping registers|Reg A 0x0 64 RO~EndReg~Reg B 0x4 32 RO~EndReg"
          + "|t.regs:4: overlapping registers in block B: register B (0x4..0x7) and register A (0x0..0x7, line 2)",
      "overlapping fields|Reg A 0x0 32 RO~Field 7:4 X~Field 4 Y~EndReg"
          + "|t.regs:4: overlapping fields in B.A: field Y (bits 4) and field X (bits 7:4, line 3)",
      "field outside width|Reg A 0x0 32 RO~Field 35:32 X~EndReg"
          + "|t.regs:3: field X (bits 35:32) is outside the 32-bit register B.A",
      "duplicate symbol|Reg A 0x0 32 RO~Prefix P~Field 1 X~EndReg~Reg P_X 0x4 32 RO~EndReg"
          + "|t.regs:6: duplicate symbol P_X: register B.P_X and field B.A.X (line 4)",
      "duplicate alias|Reg A 0x0 32 RO aka Q~EndReg~Reg Q 0x4 32 RO~EndReg"
          + "|t.regs:4: duplicate symbol Q: register B.Q and register B.A (line 2)",
      "value too wide|Reg A 0x0 32 RO~Enum 1:0 M~4 BIG~EndEnum~EndReg"
          + "|t.regs:4: value BIG = 0x4 does not fit the 2-bit field M of B.A",
      "misaligned|Reg A 0x2 32 RO~EndReg"
          + "|t.regs:2: register B.A at 0x2 is misaligned: offsets are multiples of 4",
      "register beyond stride|Array R 0x100 4 0x10~Reg A 0x10 32 RO~EndReg~EndArray"
          + "|t.regs:3: register A (0x10..0x13) does not fit the stride 0x10 of array R",
      "array over register|Array R 0x100 4 0x10~Reg A 0x0 32 RO~EndReg~EndArray~Reg C 0x130 32 RO~EndReg"
          + "|t.regs:6: overlapping registers in block B: register C (0x130..0x133) and array R (0x100..0x13f, line 2)",
      "mask outside width|Reg A 0x0 32 RO~Mask M 40:0~EndReg"
          + "|t.regs:3: mask M (bits 40:0) is outside the 32-bit register B.A",
  })
  void eachProblemIsOneClearFinding(String what, String body, String finding) {
    String text = "Block B mmio 0x1000\n" + body.replace('~', '\n') + "\nEndBlock\n";
    assertEquals(List.of(finding), RegsLint.check(RegsParser.parse("t.regs", text)), what);
  }

  @Test
  void overlappingBlocksAreFound() {
    String text = "Block A mmio 0x0\nReg X 0x0 32 RO\nEndReg\nReg Y 0x100 32 RO\nEndReg\nEndBlock\n"
        + "Block B mmio 0x100\nReg Z 0x0 32 RO\nEndReg\nEndBlock\n";
    assertEquals(List.of("t.regs:7: overlapping blocks: block B (0x100..0x103) and block A "
        + "(0x0..0x103, line 1)"), RegsLint.check(RegsParser.parse("t.regs", text)));
  }

  @Test
  void layoutFieldsOverlappingARegistersOwnAreFound() {
    String text = "Layout L 32\nField 3:0 X\nEndLayout\nBlock B mmio 0\nReg A 0 32 RO\nUse L\n"
        + "Field 2 Y\nEndReg\nEndBlock\n";
    assertEquals(List.of("t.regs:7: overlapping fields in B.A: field Y (bits 2) and field X "
        + "(bits 3:0, line 2)"), RegsLint.check(RegsParser.parse("t.regs", text)));
  }
}
