package org.panthorverify.models.fwhandshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.panthorverify.core.TlaValues;
import org.panthorverify.core.TlaView;
import org.panthorverify.core.Value;
import org.panthorverify.tlc.TlaValueParser;

/**
 * The TLA+ view of the firmware-handshake model against states copied from TLC's graph of
 * {@code specs/fw-handshake/MC_small} ({@code -dump dot,actionlabels}; TLC prints the variables
 * in its own order, the comparison is by name).
 */
class FwTlaViewTest {
  private final FwModel model = new FwModel(new FwConfig(1, false, false, false, false, false,
      Set.of()));
  private final TlaView<FwState, FwAction> view = model.tla();

  /** MC_small's initial state, as TLC dumps it. */
  private static final String TLC_INIT = String.join("\n",
      "/\\ csgDbAck = 0", "/\\ schedReset = FALSE", "/\\ jobSusp = FALSE",
      "/\\ resetFailed = FALSE", "/\\ glbReq = 0", "/\\ evWork = 0", "/\\ booted = FALSE",
      "/\\ flush = 0", "/\\ jobThread = 0", "/\\ glbSnap = -1", "/\\ bound = 0",
      "/\\ csgEvtAck = 0", "/\\ unplug = 0", "/\\ csgStateAck = 0", "/\\ db0 = FALSE",
      "/\\ mmuIrq = 3", "/\\ pmRef = FALSE", "/\\ csStart = 0", "/\\ resetFast = FALSE",
      "/\\ reloaded = FALSE", "/\\ csgDbReq = 0", "/\\ csFaultAck = 0", "/\\ power = TRUE",
      "/\\ imageGood = FALSE", "/\\ lastBootFailed = FALSE", "/\\ fwLoaded = FALSE",
      "/\\ csStartAck = 0", "/\\ dev = 1", "/\\ evDisabled = FALSE", "/\\ jobRaw = 0",
      "/\\ pm = 0", "/\\ csgEvtReq = 0", "/\\ gpuIrq = 3", "/\\ csgStateReq = 0", "/\\ mcu = 0",
      "/\\ fwEvents = 0", "/\\ glbAck = 0", "/\\ csFaultReq = 0", "/\\ resetPending = FALSE",
      "/\\ rpmError = FALSE", "/\\ pingArmed = FALSE", "/\\ waiting = 0", "/\\ jobSw = FALSE",
      "/\\ resetQueued = FALSE", "/\\ unplugged = FALSE", "/\\ jobMask = FALSE");

  /** A state of MC_small's graph: booted, slot 0 bound, its START request awaited. */
  private static final String TLC_BOUND = String.join("\n",
      "/\\ csgDbAck = 0", "/\\ schedReset = FALSE", "/\\ jobSusp = FALSE",
      "/\\ resetFailed = FALSE", "/\\ glbReq = 2", "/\\ evWork = 1", "/\\ booted = TRUE",
      "/\\ flush = 0", "/\\ jobThread = 0", "/\\ glbSnap = -1", "/\\ bound = 1",
      "/\\ csgEvtAck = 0", "/\\ unplug = 0", "/\\ csgStateAck = 0", "/\\ db0 = TRUE",
      "/\\ mmuIrq = 3", "/\\ pmRef = FALSE", "/\\ csStart = 1", "/\\ resetFast = FALSE",
      "/\\ reloaded = FALSE", "/\\ csgDbReq = 1", "/\\ csFaultAck = 0", "/\\ power = TRUE",
      "/\\ imageGood = TRUE", "/\\ lastBootFailed = FALSE", "/\\ fwLoaded = TRUE",
      "/\\ csStartAck = 0", "/\\ dev = 0", "/\\ evDisabled = FALSE", "/\\ jobRaw = 0",
      "/\\ pm = 0", "/\\ csgEvtReq = 0", "/\\ gpuIrq = 3", "/\\ csgStateReq = 1", "/\\ mcu = 2",
      "/\\ fwEvents = 1", "/\\ glbAck = 2", "/\\ csFaultReq = 0", "/\\ resetPending = FALSE",
      "/\\ rpmError = FALSE", "/\\ pingArmed = TRUE", "/\\ waiting = 2", "/\\ jobSw = TRUE",
      "/\\ resetQueued = FALSE", "/\\ unplugged = FALSE", "/\\ jobMask = TRUE");

  private Map<String, Value> render(FwState s) {
    return TlaValues.canonical(view.state(s));
  }

  private static Map<String, Value> tlc(String text) {
    return TlaValueParser.state(text);
  }

  @Test
  void variables_areTheSpecsInDeclarationOrder_andTheRecordComponents() {
    assertEquals(model.variables(), view.variables());
    assertEquals(46, view.variables().size());
    assertEquals(tlc(TLC_INIT).keySet(), Set.copyOf(view.variables()));
  }

  @Test
  void initialState_rendersAsTlcsInitialState() {
    assertEquals(1, model.initialStates().size());
    assertEquals(tlc(TLC_INIT), render(model.initialStates().get(0)));
  }

  @Test
  void boundSlotState_rendersAsTlcsState_withTheSpecsLabels() {
    FwState s = model.initialStates().get(0);
    List<String> path = List.of("ProbeLoad", "FwBootOk", "JobIrqRaw", "JobIrqBatch",
        "JobIrqDone", "HostBootOk", "FwDoorbell", "JobIrqRaw", "JobIrqBatch", "JobIrqDone",
        "Bind");
    for (String label : path) {
      FwState from = s;
      FwAction a = model.enabledActions(from).stream()
          .filter(x -> view.label(from, x, model.next(from, x)).equals(label)).findFirst()
          .orElseThrow(() -> new AssertionError(label + " not enabled in " + from));
      s = model.next(from, a);
    }
    assertTrue(s.waiting() == FwModel.WAIT_CSG, "waiting for slot 0");
    assertEquals(tlc(TLC_BOUND), render(s));
  }

  @Test
  void constants_areThoseOfMcSmall() {
    Map<String, Value> c = view.constants();
    assertEquals(TlaValues.integer(1), c.get("Slots"));
    for (String b : List.of("Hang", "Unplug", "Suspend", "Events", "Flush")) {
      assertEquals(TlaValues.bool(false), c.get(b), b);
    }
    assertEquals(TlaValues.str("none"), c.get("Variant"));
  }
}
