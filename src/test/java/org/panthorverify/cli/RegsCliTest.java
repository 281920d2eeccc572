package org.panthorverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code regs gen|check|lint} through the command line: outputs, exit codes, bad input. */
class RegsCliTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void genWritesWhatItPrints() throws Exception {
    Run printed = run("regs", "gen", "--lang", "rust");
    assertEquals(0, printed.code(), printed.err());
    Path f = dir.resolve("out/regs.rs");
    Run written = run("regs", "gen", "--lang", "rust", "--out", f.toString());
    assertEquals(0, written.code(), written.err());
    assertEquals(printed.out(), Files.readString(f, StandardCharsets.UTF_8));
    assertTrue(printed.out().contains("pub const L2_PWRTRANS_HI: usize = 0x224;"));
  }

  @Test
  void checkOfAGeneratedHeaderExitsZeroAndAnEditExitsOneWithJson() throws Exception {
    Path h = dir.resolve("gen.h");
    assertEquals(0, run("regs", "gen", "--lang", "c", "--out", h.toString()).code());
    Run ok = run("regs", "check", h.toString());
    assertEquals(0, ok.code(), ok.out() + ok.err());
    assertTrue(ok.out().contains("agrees with specs/regs/panthor.regs"), ok.out());

    String text = Files.readString(h, StandardCharsets.UTF_8);
    Files.writeString(h, text.replace("GPU_IRQ_RESET_COMPLETED\t\t\tBIT(8)",
        "GPU_IRQ_RESET_COMPLETED\t\t\tBIT(9)"), StandardCharsets.UTF_8);
    Path json = dir.resolve("report.json");
    Run bad = run("regs", "check", h.toString(), "--json", json.toString());
    assertEquals(1, bad.code(), bad.out() + bad.err());
    assertTrue(bad.out().contains(": GPU_IRQ_RESET_COMPLETED: bits 9, expected bits 8 "),
        bad.out());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertFalse(root.get("agree").asBoolean());
    assertEquals(1, root.get("differences").size());
    assertEquals("mismatch", root.get("differences").get(0).get("kind").asText());
    assertEquals("bits 8", root.get("differences").get(0).get("expected").asText());
  }

  @Test
  void lintOfTheProjectsDescriptionIsClean() {
    Run r = run("regs", "lint");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("clean"), r.out());
  }

  @Test
  void lintFindingsExitOneWithALineEach() throws Exception {
    Path f = dir.resolve("bad.regs");
    Files.writeString(f, "Block B mmio 0\nReg A 0 32 RO\nField 40 X\nEndReg\nReg C 0 32 RO\n"
        + "EndReg\nEndBlock\n", StandardCharsets.UTF_8);
    Run r = run("regs", "lint", f.toString());
    assertEquals(1, r.code());
    assertTrue(r.out().contains("bad.regs:3: field X (bits 40) is outside the 32-bit register "
        + "B.A"), r.out());
    assertTrue(r.out().contains("bad.regs:5: overlapping registers in block B"), r.out());
    // gen refuses such a description: exit 2, one line a finding, no stack trace
    Run g = run("regs", "gen", "--lang", "c", "--source", f.toString());
    assertEquals(2, g.code());
    assertEquals(2, g.err().lines().count(), g.err());
    assertFalse(g.err().contains("Exception"), g.err());
  }

  @Test
  void showNamesOffsetsAndDecodesValues() {
    Run r = run("regs", "show", "0x224", "0x2458", "AS_FAULTSTATUS=0x20002c3");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).startsWith("0x224: L2_PWRTRANS high word (L2_PWRTRANS_HI), register "
        + "GPU_CONTROL.L2_PWRTRANS, 64-bit RO"), lines.get(0));
    assertTrue(lines.get(1).startsWith("0x2458: AS_COMMAND(1), register "
        + "MMU_CONTROL.MMU_AS[].AS_COMMAND, 32-bit WO"), lines.get(1));
    assertTrue(lines.contains("  9:8    ACCESS_TYPE = 0x2 READ"), r.out());
    assertTrue(lines.contains("  7:0    EXCEPTION_TYPE = 0xc3 TRANSLATION_FAULT_3"), r.out());
    Run bad = run("regs", "show", "TRANSTAB");
    assertEquals(2, bad.code());
    assertEquals("panthor-verify: 'TRANSTAB' is no symbol of specs/regs/panthor.regs (like: "
        + "AS_TRANSTAB, AS_TRANSTAB_LO, AS_TRANSTAB_HI); give a name, an MMIO offset (0x…) or "
        + "NAME=VALUE", bad.err().strip());
  }

  @Test
  void aFileWithNoNameInCommonIsNotAnAgreementButOneWithOnlyUnreadableNamesIsReported()
      throws Exception {
    Path none = dir.resolve("none.rs");
    Files.writeString(none, "pub const NOT_A_REGISTER: u32 = 1;\n", StandardCharsets.UTF_8);
    Run r = run("regs", "check", none.toString());
    assertEquals(1, r.code());
    assertTrue(r.out().contains("defines no register, field or value of"), r.out());
    Path bad = dir.resolve("bad.rs");
    Files.writeString(bad, "pub const GPU_ARCH_MAJOR_MASK: u32 = genmask_u32(31..=28);\n",
        StandardCharsets.UTF_8);
    r = run("regs", "check", "--scope", "common", bad.toString());
    assertEquals(1, r.code());
    assertTrue(r.out().contains("bad.rs:1: GPU_ARCH_MAJOR_MASK: cannot evaluate: "
        + "genmask_u32(31..=28) is not a bit range"), r.out());
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws Exception {
    Path rs = dir.resolve("x.rs");
    Files.writeString(rs, "pub const A: u32 = 1;\n", StandardCharsets.UTF_8);
    Path broken = dir.resolve("broken.regs");
    Files.writeString(broken, "Block B mmio 0\nRegister A 0 32 RO\n", StandardCharsets.UTF_8);
    String[][] cases = {
        {"regs", "check", dir.resolve("nope.h").toString()},
        {"regs", "check", dir.resolve("x.txt").toString()},
        {"regs", "check", rs.toString(), "--block", "NOPE"},
        {"regs", "check", rs.toString(), "--source", dir.resolve("none.regs").toString()},
        {"regs", "check", rs.toString(), "--source", broken.toString()},
        {"regs", "gen", "--lang", "cobol"},
        {"regs", "gen"},
        {"regs"},
    };
    String[] expected = {
        "file to check not found",
        "cannot tell the language of",
        "unknown block 'NOPE' (blocks: GPU_CONTROL",
        "register description not found",
        "broken.regs:2: unknown directive 'Register' in a Block",
        "Invalid value for option '--lang'",
        "Missing required option: '--lang",
        "a subcommand is required: gen, check, lint or show",
    };
    for (int i = 0; i < cases.length; i++) {
      Run r = run(cases[i]);
      assertEquals(2, r.code(), String.join(" ", cases[i]) + ": " + r.err());
      assertEquals(1, r.err().lines().count(), String.join(" ", cases[i]) + ": " + r.err());
      assertTrue(r.err().contains(expected[i]), String.join(" ", cases[i]) + ": " + r.err());
    }
  }
}
