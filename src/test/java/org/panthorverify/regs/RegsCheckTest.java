package org.panthorverify.regs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.panthorverify.regs.RegsCheck.DiffKind;
import org.panthorverify.regs.RegsCheck.Difference;
import org.panthorverify.regs.RegsCheck.Lang;
import org.panthorverify.regs.RegsCheck.Scope;

/** The acceptance points of regs check, on the project's description and on fixtures. */
class RegsCheckTest {
  private static final RegisterMap PANTHOR = RegsTestSupport.panthor();
  private static final String C = RegsGen.generate(RegsGen.Lang.C, PANTHOR, "panthor.regs");
  private static final String RUST = RegsGen.generate(RegsGen.Lang.RUST, PANTHOR,
      "panthor.regs");

  private static RegsCheck.Result check(String name, String text, Lang lang, Scope scope) {
    return RegsCheck.check(PANTHOR, name, text, lang, scope, Set.of());
  }

  private static int lineOf(String text, String needle) {
    int at = text.indexOf(needle);
    assertTrue(at >= 0, needle);
    return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  @Test
  void aGeneratedHeaderAgrees() {
    RegsCheck.Result r = check("gen.h", C, Lang.C, Scope.ALL);
    assertEquals(List.of(), r.differences());
    assertTrue(r.agreed() > 300, "only " + r.agreed() + " names compared");
  }

  @Test
  void aGeneratedRustModuleAgrees() {
    RegsCheck.Result r = check("gen.rs", RUST, Lang.RUST, Scope.ALL);
    assertEquals(List.of(), r.differences());
  }

  @Test
  void oneEditedFieldIsOneDifference() {
    String edited = C.replace("GPU_ARCH_MAJOR_MASK\t\t\t\tGENMASK(31, 28)",
        "GPU_ARCH_MAJOR_MASK\t\t\t\tGENMASK(31, 27)");
    assertTrue(!edited.equals(C), "the edit did not apply");
    RegsCheck.Result r = check("gen.h", edited, Lang.C, Scope.ALL);
    assertEquals(1, r.differences().size(), r.differences().toString());
    Difference d = r.differences().get(0);
    assertEquals(DiffKind.MISMATCH, d.kind());
    assertEquals("GPU_ARCH_MAJOR_MASK", d.name());
    assertEquals(lineOf(edited, "GPU_ARCH_MAJOR_MASK"), d.line());
    assertEquals("bits 31:28", d.expected());
    assertEquals("bits 31:27", d.found());
  }

  @Test
  void tyrsWrongL2PwrtransHiIsReportedWithExpectedFoundAndLine() {
    String bad = RUST.replace("L2_PWRTRANS_HI: usize = 0x224", "L2_PWRTRANS_HI: usize = 0x204");
    assertTrue(!bad.equals(RUST), "the edit did not apply");
    RegsCheck.Result r = check("regs.rs", bad, Lang.RUST, Scope.ALL);
    assertEquals(1, r.differences().size(), r.differences().toString());
    Difference d = r.differences().get(0);
    assertEquals("L2_PWRTRANS_HI", d.name());
    assertEquals("0x224", d.expected());
    assertEquals("0x204", d.found());
    assertEquals(lineOf(bad, "L2_PWRTRANS_HI"), d.line());
    assertEquals("regs.rs:" + d.line() + ": L2_PWRTRANS_HI: offset 0x204, expected 0x224 "
        + "(register GPU_CONTROL.L2_PWRTRANS, high word)", d.render());
  }

  /** Tyr's first regs.rs style: Register<OFFSET> constants, one per 32-bit word. */
  @Test
  void tyrStyleRegisterConstantsFindTheBug() {
    String text = RegsTestSupport.resource("tyr_consts.rs");
    RegsCheck.Result r = RegsCheck.check(RegsTestSupport.mini(), "tyr_consts.rs", text,
        Lang.RUST, Scope.COMMON, Set.of());
    assertEquals(List.of("tyr_consts.rs:12: L2_PWRTRANS_HI: offset 0x204, expected 0x224 "
        + "(register GPU_CONTROL.L2_PWRTRANS, high word)"),
        r.differences().stream().map(Difference::render).toList());
    // the default scope also lists what the file lacks of the blocks it touches
    RegsCheck.Result all = RegsCheck.check(RegsTestSupport.mini(), "tyr_consts.rs", text,
        Lang.RUST, Scope.TOUCHED, Set.of());
    assertEquals(1, all.count(DiffKind.MISMATCH));
    assertTrue(all.differences().stream().anyMatch(d -> d.kind() == DiffKind.MISSING
        && d.name().equals("GPU_ARCH_MAJOR_MASK") && d.file().equals("mini.regs")),
        all.differences().toString());
  }

  /** The kernel's register! macro, both forms, with modules, arrays and aliases. */
  @Test
  void registerMacroFilesAreRead() {
    String text = RegsTestSupport.resource("register_macro.rs");
    RegsCheck.Result r = RegsCheck.check(RegsTestSupport.mini(), "register_macro.rs", text,
        Lang.RUST, Scope.COMMON, Set.of());
    assertEquals(List.of(), r.differences());
    assertTrue(r.agreed() >= 15, "agreed " + r.agreed());
    // a wrong field, a wrong array stride and a wrong offset are each found
    String bad = text.replace("31:28   arch_major;", "31:27   arch_major;")
        .replace("const STRIDE: usize = 0x40;", "const STRIDE: usize = 0x80;")
        .replace("@ 0x224 {", "@ 0x204 {");
    r = RegsCheck.check(RegsTestSupport.mini(), "register_macro.rs", bad, Lang.RUST,
        Scope.COMMON, Set.of());
    assertEquals(List.of(
        "register_macro.rs:12: gpu_control::GPU_ID.arch_major: bits 31:27, expected bits 31:28 "
            + "(field GPU_CONTROL.GPU_ID.ARCH_MAJOR)",
        "register_macro.rs:26: gpu_control::L2_PWRTRANS_HI: offset 0x204, expected 0x224 "
            + "(register GPU_CONTROL.L2_PWRTRANS, high word)",
        "register_macro.rs:49: mmu_control::mmu_as_control::TRANSTAB: 16 instances, stride 0x80, "
            + "expected 16, stride 0x40 (register MMU_CONTROL.MMU_AS[].AS_TRANSTAB)",
        "register_macro.rs:52: mmu_control::mmu_as_control::TRANSTAB_HI: 16 instances, stride "
            + "0x80, expected 16, stride 0x40 (register MMU_CONTROL.MMU_AS[].AS_TRANSTAB, high "
            + "word)"),
        r.differences().stream().map(Difference::render).toList());
  }

  /** A field that converts to a Rust enum has its variants compared with the named values. */
  @Test
  void rustEnumVariantsAreComparedWithTheFieldsValues() {
    String text = RegsTestSupport.resource("register_macro.rs")
        .replace("Auto = 2", "Auto = 3").replace("Enable = 1", "Start = 1");
    RegsCheck.Result r = RegsCheck.check(RegsTestSupport.mini(), "register_macro.rs", text,
        Lang.RUST, Scope.TOUCHED, Set.of());
    List<String> got = r.differences().stream().filter(d -> d.name().startsWith("McuControl")
        || d.name().startsWith("MCU_CONTROL")).map(Difference::render).toList();
    int start = lineOf(text, "Start = 1");
    assertEquals(List.of(
        "register_macro.rs:" + start + ": McuControlMode::Start: variant (= 0x1) of the type of "
            + "gpu_control::MCU_CONTROL.req has no value of that name in field "
            + "GPU_CONTROL.MCU_CONTROL.<value>",
        "register_macro.rs:" + (start + 1) + ": McuControlMode::Auto: value 0x3, expected 0x2 "
            + "(value GPU_CONTROL.MCU_CONTROL.<value>=AUTO)",
        "mini.regs:31: MCU_CONTROL_ENABLE: value GPU_CONTROL.MCU_CONTROL.<value>=ENABLE is "
            + "missing from register_macro.rs"), got);
  }

  /** Masks of several ranges, prefix aliases and the kernel's Rust bit helpers. */
  @Test
  void multiRangeMasksPrefixAliasesAndRustBitHelpers() {
    String regs = "Layout JOB_INT 32 aka JOB_IRQ\nField 30:0 CSG_IF\nField 31 GLOBAL_IF\n"
        + "Mask SOME 2:0,4,11:8\nEndLayout\nBlock JOB_CONTROL mmio 0x1000\n"
        + "Reg JOB_INT_RAWSTAT 0x0 32 RW\nUse JOB_INT\nEndReg\nEndBlock\n";
    RegisterMap map = RegsParser.parse("j.regs", regs);
    assertEquals(List.of(), RegsLint.check(map));
    String c = RegsGen.generate(RegsGen.Lang.C, map, "j.regs");
    assertTrue(c.contains("JOB_INT_SOME_MASK\t\t\t\t(GENMASK(2, 0) | BIT(4) | GENMASK(11, 8))"),
        c);
    String rust = "pub const JOB_INT_RAWSTAT: usize = 0x1000;\n"
        + "pub const JOB_IRQ_GLOBAL_IF: u32 = bit_u32(31);\n"
        + "pub const JOB_IRQ_CSG_IF_MASK: u32 = genmask_u32(0..=30);\n"
        + "pub const JOB_INT_SOME_MASK: u32 = 0xf17;\n"
        + "pub const JOB_IRQ_SOME_MASK: u32 = 0x717;\n";
    RegsCheck.Result r = RegsCheck.check(map, "j.rs", rust, Lang.RUST, Scope.ALL, Set.of());
    assertEquals(List.of("j.rs:5: JOB_IRQ_SOME_MASK: mask 0x717, expected mask 0xf17 (mask "
        + "JOB_INT.SOME)"),
        r.differences().stream().map(Difference::render).toList());
    assertEquals(4, r.agreed());
  }

  /**
   * Split headers give offsets relative to a block's base symbol (MCU_CONTROL 0x0 under
   * MCU_CONTROL_BASE 0x700); a header that builds absolute offsets from a base is read as such.
   */
  @Test
  void offsetsRelativeToABaseSymbolAreRecognised() {
    String text = RegsTestSupport.resource("split_style.h");
    RegsCheck.Result r = check("split_style.h", text, Lang.C, Scope.COMMON);
    assertEquals(List.of(), r.differences());
    assertEquals(12, r.agreed());
    String bad = text.replace("#define MCU_STATUS\t\t\t\t\t0x4", "#define MCU_STATUS\t\t\t\t\t0x8")
        .replace("(MMU_AS(as) + 0x18)", "(MMU_AS(as) + 0x14)");
    r = check("split_style.h", bad, Lang.C, Scope.COMMON);
    assertEquals(List.of(
        "split_style.h:11: MCU_STATUS: offset 0x8, expected 0x4 (register MCU_CONTROL.MCU_STATUS, "
            + "relative to MCU_CONTROL_BASE)",
        "split_style.h:18: AS_COMMAND: instance 0 at 0x14, stride 0x40, expected instance 0 at "
            + "0x18, stride 0x40 (register MMU_CONTROL.MMU_AS[].AS_COMMAND, relative to "
            + "MMU_AS_BASE)"), r.differences().stream().map(Difference::render).toList());
    // the same base symbol, used to build absolute offsets, leaves them absolute
    String absolute = "#define MCU_CONTROL_BASE 0x700\n#define MCU_REG(x) (MCU_CONTROL_BASE + (x))\n"
        + "#define MCU_CONTROL MCU_REG(0x0)\n#define MCU_STATUS MCU_REG(0x4)\n";
    r = check("abs.h", absolute, Lang.C, Scope.COMMON);
    assertEquals(List.of(), r.differences());
    assertEquals(3, r.agreed());
  }

  /** panthor_regs.h's own style: extractor and constructor macros, MMU_AS(as) arithmetic. */
  @Test
  void kernelStyleHeadersAreRead() {
    String text = RegsTestSupport.resource("kernel_style.h");
    RegsCheck.Result r = RegsCheck.check(RegsTestSupport.mini(), "kernel_style.h", text, Lang.C,
        Scope.TOUCHED, Set.of());
    // GPU_CMD's TYPE and PAYLOAD fields have no macro in the kernel's style: reported missing
    assertEquals(List.of("GPU_CMD_TYPE_MASK", "GPU_CMD_PAYLOAD_MASK"),
        r.differences().stream().map(Difference::name).toList());
    assertTrue(r.differences().stream().allMatch(d -> d.kind() == DiffKind.MISSING));
    String bad = text.replace("((x) >> 28)", "((x) >> 27)")
        .replace("#define MMU_AS_SHIFT\t\t\t\t\t6", "#define MMU_AS_SHIFT\t\t\t\t\t7")
        .replace("(0x2 << 8)", "0x2")
        .replace("u32 reserved1[5];", "u32 reserved1[3];");
    r = RegsCheck.check(RegsTestSupport.mini(), "kernel_style.h", bad, Lang.C, Scope.COMMON,
        Set.of());
    List<String> got = r.differences().stream().map(Difference::render).toList();
    assertEquals(List.of(
        "kernel_style.h:6: GPU_ARCH_MAJOR: bits 31:27, expected bits 31:28 (field "
            + "GPU_CONTROL.GPU_ID.ARCH_MAJOR)",
        // MMU_AS_SHIFT is a helper: its error shows in the array and in each register built on it
        "kernel_style.h:28: MMU_AS: instance 0 at 0x2400, stride 0x80, expected instance 0 at "
            + "0x2400, stride 0x40 (array MMU_CONTROL.MMU_AS)",
        "kernel_style.h:29: AS_TRANSTAB: instance 0 at 0x2400, stride 0x80, expected instance 0 "
            + "at 0x2400, stride 0x40 (register MMU_CONTROL.MMU_AS[].AS_TRANSTAB)",
        "kernel_style.h:30: AS_FAULTSTATUS: instance 0 at 0x241c, stride 0x80, expected instance "
            + "0 at 0x241c, stride 0x40 (register MMU_CONTROL.MMU_AS[].AS_FAULTSTATUS)",
        "kernel_style.h:34: AS_FAULTSTATUS_ACCESS_TYPE_READ: value 0x2 is not shifted into bits "
            + "9:8: expected 0x200 (value MMU_CONTROL.MMU_AS[].AS_FAULTSTATUS.ACCESS_TYPE=READ)",
        "kernel_style.h:46: panthor_fw_global_input_iface.core_en_mask: offset 0x10, expected "
            + "0x18 (register GLB_INPUT.CORE_EN_MASK)"), got);
  }

  /** Any one value edited in the generated header is found, on the edited line. */
  @Property(tries = 60, seed = "20261207")
  void anyEditedDefineIsFoundOnItsLine(@ForAll("edits") Tuple.Tuple2<Integer, Long> edit) {
    List<String> lines = C.lines().toList();
    List<Integer> defines = new java.util.ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("#define") && lines.get(i).matches(
          "#define\\s+\\S+\\s+0x[0-9a-f]+\\s*")) {
        defines.add(i);
      }
    }
    int i = defines.get(edit.get1() % defines.size());
    String line = lines.get(i);
    String hex = line.replaceAll(".*\\s(0x[0-9a-f]+)\\s*$", "$1");
    long old = Long.parseUnsignedLong(hex.substring(2), 16);
    long changed = old + 4 * edit.get2();
    String edited = String.join("\n", lines.subList(0, i)) + "\n"
        + line.replace(hex, "0x" + Long.toHexString(changed)) + "\n"
        + String.join("\n", lines.subList(i + 1, lines.size())) + "\n";
    RegsCheck.Result r = check("gen.h", edited, Lang.C, Scope.ALL);
    assertEquals(1, r.differences().size(), line + " -> " + r.differences());
    assertEquals(i + 1, r.differences().get(0).line());
    assertEquals(DiffKind.MISMATCH, r.differences().get(0).kind());
  }

  @Provide
  Arbitrary<Tuple.Tuple2<Integer, Long>> edits() {
    return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 100_000),
        Arbitraries.longs().between(1, 64)).as(Tuple::of);
  }
}
