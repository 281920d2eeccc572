package org.panthorverify.models.fwhandshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.panthorverify.registry.ModelEntry;
import org.panthorverify.registry.ModelRegistry;
import org.panthorverify.registry.VariantDef;
import org.panthorverify.tlc.TlcOptions;
import org.panthorverify.tlc.TlcResult;
import org.panthorverify.tlc.TlcRunner;
import org.panthorverify.trace.Itf;

/**
 * Every seeded bug of the firmware-handshake model fails the same way in the TLA+ twin: TLC, run
 * on {@code FwHandshake.tla} with the constants and variant of {@link FwVariantsTest}'s table,
 * reports a violation of the TLA+ counterpart of the Java property (a deadlock for {@code
 * rpm-resume-error-sticky}) with a shortest trace as long as the committed Java trace. Both
 * searches are breadth-first and TLC runs with one worker, so the shortest lengths must be equal.
 *
 * <p>Each run gets a generated {@code MC_variant} module and configuration in its own directory,
 * checking {@code TypeOK}, the one property the variant must break, and deadlock (as the Java
 * explorer always does). Only the one property is checked because of ties: {@code
 * event-ack-by-toggle} breaks FH-2 and {@code NoLostFwEvent} on the same last state, and TLC
 * checks invariants before action properties where the Java explorer reports FH-2.
 */
@Tag("tlc")
class FwTlcVariantsTest {
  private static final ModelEntry ENTRY = ModelRegistry.standard().get("fw-handshake");
  private static final Path SPEC = Path.of("specs/fw-handshake/FwHandshake.tla");

  /** How TLC reports a property: an invariant, an action property, or deadlock. */
  private enum Kind {
    INVARIANT("invariant"),
    ACTION("temporal"),
    DEADLOCK("deadlock");

    final String tlcKind;

    Kind(String tlcKind) {
      this.tlcKind = tlcKind;
    }
  }

  /** One row: FwVariantsTest's variant, config and overrides, and both names of the property. */
  private record Row(String variant, String config, String sets, String javaProperty,
      String tlaProperty, Kind kind) {}

  private static final List<Row> ROWS = List.of(
      new Row("fw-fast-reset-flag-stale", "default", "", "FwReloadAfterFailedBoot",
          "FwReloadAfterFailedBoot", Kind.ACTION),
      new Row("fw-unplug-halt-unbooted", "default", "", "FH-7", "FH7_BootGating", Kind.ACTION),
      new Row("fw-events-after-unplug", "default", "", "NoFwEventWorkAfterFree",
          "NoFwEventWorkAfterFree", Kind.INVARIANT),
      new Row("irq-suspend-order", "default", "", "IrqMaskedWhileSuspended",
          "IrqMaskedWhileSuspended", Kind.INVARIANT),
      new Row("post-reset-skipped", "default", "", "ResetEndsWithPostReset",
          "ResetEndsWithPostReset", Kind.INVARIANT),
      new Row("rpm-resume-error-sticky", "small", "suspend=true", "Deadlock", null,
          Kind.DEADLOCK),
      new Row("unplug-vs-suspend", "default", "", "IrqsSuspendedWhenPoweredOff",
          "IrqsSuspendedWhenPoweredOff", Kind.INVARIANT),
      new Row("toggle-from-req", "default", "", "FH-1", "FH1_NoCancelledRequest", Kind.ACTION),
      new Row("missing-doorbell", "default", "", "FH-8", "FH8_DoorbellAfterRequest",
          Kind.INVARIANT),
      new Row("non-atomic-toggle", "default", "", "FH-4", "FH4_NoLostUpdate", Kind.ACTION),
      new Row("events-before-irq-clear", "default", "", "NoLostFwEvent", "NoLostFwEvent",
          Kind.INVARIANT),
      new Row("event-ack-by-toggle", "default", "", "FH-2", "FH2_HostDoesNotInventEvents",
          Kind.ACTION),
      new Row("fw-raises-pending-event", "default", "", "FH-3", "FH3_FwCompletesRequests",
          Kind.ACTION),
      new Row("csg-state-overwrite", "default", "", "FH-5", "FH5_OneStateRequestAtATime",
          Kind.ACTION),
      new Row("ack-unbound-slot", "default", "events=true", "FH-6", "FH6_BoundSlotUse",
          Kind.ACTION));

  @TempDir Path runDir;

  static Stream<Arguments> rows() {
    return ROWS.stream().map(r -> Arguments.of(r.variant(), r));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void tlcFindsTheSameViolation_withATraceAsLongAsTheCommittedOne(String variant, Row row)
      throws IOException {
    List<String> sets = row.sets().isEmpty() ? List.of() : Arrays.asList(row.sets().split(" "));
    Map<String, Integer> constants = ENTRY.resolve(row.config(), sets, variant).constants();
    Path specDir = runDir.resolve("spec");
    Files.createDirectories(specDir);
    Files.copy(SPEC, specDir.resolve(SPEC.getFileName()));
    Files.writeString(specDir.resolve("MC_variant.tla"), module(variant, constants));
    Files.writeString(specDir.resolve("MC_variant.cfg"), config(constants, row));

    TlcResult tlc = TlcRunner.run(new TlcOptions(specDir, "MC_variant", "MC_variant.cfg", 1,
        runDir.resolve("run"), true, "2g", null));

    int javaStates = Itf.read(Path.of("traces/fw-handshake/violations", row.javaProperty(),
        variant + ".itf.json")).states().size();
    assertEquals(row.kind().tlcKind, tlc.violationKind(),
        "TLC's verdict (" + tlc.errorMessage() + "); log: " + tlc.log());
    assertEquals(row.tlaProperty(), tlc.violatedProperty(), "violated property");
    assertEquals(javaStates, tlc.trace().size(),
        "TLC's shortest trace is as long as the committed Java trace; log: " + tlc.log());
  }

  /** The table above is the registry's: every variant, each with the property it names. */
  @Test
  void tableCoversEveryRegisteredVariant() {
    Map<String, String> registered = new TreeMap<>();
    for (VariantDef v : ENTRY.variants()) {
      registered.put(v.name(), v.property());
    }
    Map<String, String> table = new TreeMap<>();
    for (Row r : ROWS) {
      table.put(r.variant(), r.javaProperty());
    }
    assertEquals(registered, table);
  }

  /** The spec's Variant constant admits every registered variant (and "none"). */
  @Test
  void specDeclaresEveryVariant() throws IOException {
    String spec = Files.readString(SPEC);
    int from = spec.indexOf("ASSUME Variant \\in {");
    String set = spec.substring(from, spec.indexOf('}', from));
    for (VariantDef v : ENTRY.variants()) {
      assertTrue(set.contains("\"" + v.name() + "\""), v.name() + " in the spec's Variant set");
    }
  }

  private static String module(String variant, Map<String, Integer> c) {
    return String.join("\n",
        "---- MODULE MC_variant ----",
        "(* Generated by FwTlcVariantsTest. *)",
        "EXTENDS FwHandshake",
        "MC_Slots == " + c.get("slots"),
        "MC_Variant == \"" + variant + "\"",
        "====",
        "");
  }

  private static String config(Map<String, Integer> c, Row row) {
    List<String> lines = new ArrayList<>(List.of(
        "CONSTANTS",
        "  Slots <- MC_Slots",
        "  Hang = " + bool(c.get("hang")),
        "  Unplug = " + bool(c.get("unplug")),
        "  Suspend = " + bool(c.get("suspend")),
        "  Events = " + bool(c.get("events")),
        "  Flush = " + bool(c.get("flush")),
        "  Variant <- MC_Variant",
        "INIT Init",
        "NEXT Next",
        "INVARIANT TypeOK"));
    if (row.kind() == Kind.INVARIANT) {
      lines.add("INVARIANT " + row.tlaProperty());
    } else if (row.kind() == Kind.ACTION) {
      lines.add("PROPERTY " + row.tlaProperty());
    }
    lines.add("CHECK_DEADLOCK TRUE");
    lines.add("");
    return String.join("\n", lines);
  }

  private static String bool(int v) {
    return v != 0 ? "TRUE" : "FALSE";
  }
}
