package org.panthorverify.models.fwhandshake;

import static org.panthorverify.core.TlaValues.bool;
import static org.panthorverify.core.TlaValues.integer;
import static org.panthorverify.core.TlaValues.str;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.panthorverify.core.TlaView;
import org.panthorverify.core.Value;

/**
 * The TLA+ view of the firmware-handshake model: its states as the variables of {@code
 * specs/fw-handshake/FwHandshake.tla} and its steps as the operator names TLC gives them.
 *
 * <p>The spec is written as a one-to-one twin of {@link FwState}: each variable has the name of a
 * record component and holds exactly the Java value (program counters, enums, bit masks and
 * {@code glbSnap} as integers, flags as {@code BOOLEAN}); the masks stay naturals in the spec
 * (its bit operators are defined on naturals), so no value needs translating. Each action is the
 * operator of the same name ({@code Bind(slot)} and the other slot actions are named without
 * their parameter, as TLC names a step after the operator), so the default {@link #label} holds.
 */
final class FwTla implements TlaView<FwState, FwAction> {

  /** The spec's VARIABLES, in declaration order. */
  private static final List<String> VARIABLES = List.of("pm", "dev", "resetPending",
      "resetQueued", "resetFast", "resetFailed", "schedReset", "unplugged", "unplug", "pmRef",
      "power", "rpmError", "mcu", "booted", "fwLoaded", "imageGood", "reloaded",
      "lastBootFailed", "glbReq", "glbAck", "db0", "csgDbReq", "csgDbAck", "bound", "csgStateReq",
      "csgStateAck", "csgEvtReq", "csgEvtAck", "csStart", "csStartAck", "csFaultReq",
      "csFaultAck", "jobRaw", "jobMask", "jobSw", "jobSusp", "jobThread", "gpuIrq", "mmuIrq",
      "fwEvents", "evWork", "evDisabled", "waiting", "pingArmed", "flush", "glbSnap");

  private final FwConfig c;

  FwTla(FwConfig c) {
    this.c = c;
  }

  @Override
  public List<String> variables() {
    return VARIABLES;
  }

  @Override
  public Map<String, Value> state(FwState s) {
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("pm", integer(s.pm()));
    m.put("dev", integer(s.dev()));
    m.put("resetPending", bool(s.resetPending()));
    m.put("resetQueued", bool(s.resetQueued()));
    m.put("resetFast", bool(s.resetFast()));
    m.put("resetFailed", bool(s.resetFailed()));
    m.put("schedReset", bool(s.schedReset()));
    m.put("unplugged", bool(s.unplugged()));
    m.put("unplug", integer(s.unplug()));
    m.put("pmRef", bool(s.pmRef()));
    m.put("power", bool(s.power()));
    m.put("rpmError", bool(s.rpmError()));
    m.put("mcu", integer(s.mcu()));
    m.put("booted", bool(s.booted()));
    m.put("fwLoaded", bool(s.fwLoaded()));
    m.put("imageGood", bool(s.imageGood()));
    m.put("reloaded", bool(s.reloaded()));
    m.put("lastBootFailed", bool(s.lastBootFailed()));
    m.put("glbReq", integer(s.glbReq()));
    m.put("glbAck", integer(s.glbAck()));
    m.put("db0", bool(s.db0()));
    m.put("csgDbReq", integer(s.csgDbReq()));
    m.put("csgDbAck", integer(s.csgDbAck()));
    m.put("bound", integer(s.bound()));
    m.put("csgStateReq", integer(s.csgStateReq()));
    m.put("csgStateAck", integer(s.csgStateAck()));
    m.put("csgEvtReq", integer(s.csgEvtReq()));
    m.put("csgEvtAck", integer(s.csgEvtAck()));
    m.put("csStart", integer(s.csStart()));
    m.put("csStartAck", integer(s.csStartAck()));
    m.put("csFaultReq", integer(s.csFaultReq()));
    m.put("csFaultAck", integer(s.csFaultAck()));
    m.put("jobRaw", integer(s.jobRaw()));
    m.put("jobMask", bool(s.jobMask()));
    m.put("jobSw", bool(s.jobSw()));
    m.put("jobSusp", bool(s.jobSusp()));
    m.put("jobThread", integer(s.jobThread()));
    m.put("gpuIrq", integer(s.gpuIrq()));
    m.put("mmuIrq", integer(s.mmuIrq()));
    m.put("fwEvents", integer(s.fwEvents()));
    m.put("evWork", integer(s.evWork()));
    m.put("evDisabled", bool(s.evDisabled()));
    m.put("waiting", integer(s.waiting()));
    m.put("pingArmed", bool(s.pingArmed()));
    m.put("flush", integer(s.flush()));
    m.put("glbSnap", integer(s.glbSnap()));
    return m;
  }

  /**
   * The MC files' constants: {@code Slots}, the five switches and {@code Variant} ("none" or the
   * one variant on). Empty when more than one variant is on: the spec switches on one at a time.
   */
  @Override
  public Map<String, Value> constants() {
    if (c.variants().size() > 1) {
      return Map.of();
    }
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("Slots", integer(c.slots()));
    m.put("Hang", bool(c.hang()));
    m.put("Unplug", bool(c.unplug()));
    m.put("Suspend", bool(c.suspend()));
    m.put("Events", bool(c.events()));
    m.put("Flush", bool(c.flush()));
    m.put("Variant", str(c.variants().isEmpty() ? "none" : c.variants().iterator().next()));
    return m;
  }
}
