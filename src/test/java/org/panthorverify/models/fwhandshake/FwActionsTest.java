package org.panthorverify.models.fwhandshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Single steps of the firmware-handshake model against the reference's description. */
class FwActionsTest {
  private final FwModel model = new FwModel(new FwConfig(2, true, true, true, true, true,
      Set.of()));

  /** The state after probe: FW booted, global interface initialised, IRQ thread idle. */
  private FwState booted() {
    FwState s = model.initialStates().get(0);
    for (FwAction a : List.of(new FwAction.ProbeLoad(), new FwAction.FwBootOk(),
        new FwAction.JobIrqRaw(), new FwAction.JobIrqBatch(), new FwAction.HostBootOk(),
        new FwAction.JobIrqDone())) {
      assertTrue(a.enabled(s, model), a + " in " + s);
      s = model.next(s, a);
    }
    return s;
  }

  @Test
  void toggle_isRelativeToAck_soARepeatedRequestNeverCancelsAPendingOne() {
    int req = FwModel.toggle(0, 0, FwModel.GLB_PING);
    assertEquals(FwModel.GLB_PING, req & FwModel.GLB_PING, "pending: req != ack");
    assertEquals(req, FwModel.toggle(req, 0, FwModel.GLB_PING), "re-request keeps it pending");
  }

  @Test
  void probe_bootsAndInitialisesTheGlobalInterface() {
    FwState s = booted();
    assertTrue(s.booted());
    assertEquals(Pc.IDLE, s.dev());
    assertTrue(s.db0(), "doorbell 0 rung after the CFG toggle");
    assertTrue(s.pingArmed());
    assertEquals(FwModel.GLB_CFG, (s.glbReq() ^ s.glbAck()) & FwModel.GLB_CFG);
  }

  @Test
  void fwDoorbell_completesPendingRequests_andRaisesTheGlbIrqBit() {
    FwState s = model.next(booted(), new FwAction.FwDoorbell());
    assertFalse(s.db0());
    assertEquals(0, (s.glbReq() ^ s.glbAck()) & FwModel.GLB_CFG, "CFG acked");
    assertEquals(1, s.jobRaw() & 1);
  }

  @Test
  void fwDoorbell_withHaltSet_haltsWithoutAcking() {
    FwState.B b = booted().edit();
    b.glbReq |= FwModel.GLB_HALT;
    FwState s = model.next(b.build(), new FwAction.FwDoorbell());
    assertEquals(FwModel.MCU_HALTED, s.mcu());
    assertEquals(FwModel.GLB_CFG, (s.glbReq() ^ s.glbAck()) & FwModel.GLB_CFG, "not acked");
  }

  @Test
  void jobIrq_doesNotQueueTheEventsWork_whileAResetIsPending() {
    FwState.B b = booted().edit();
    b.jobRaw = 1;
    b.jobThread = 1;
    b.evWork = 0;
    b.fwEvents = 0;
    b.resetPending = true;
    FwState s = model.next(b.build(), new FwAction.JobIrqBatch());
    assertEquals(1, s.fwEvents() & 1, "the bits are kept in fw_events");
    assertEquals(0, s.evWork());
    assertEquals(0, s.jobRaw(), "cleared before being processed");
  }

  @Test
  void waitTimeout_schedulesAReset_onlyOnce() {
    FwState.B b = booted().edit();
    b.waiting = FwModel.WAIT_PING;
    b.glbReq ^= FwModel.GLB_PING;
    FwState s = model.next(b.build(), new FwAction.WaitTimeout());
    assertTrue(s.resetPending());
    assertTrue(s.resetQueued());
    assertEquals(FwModel.WAIT_NONE, s.waiting());
  }

  @Test
  void failedReset_alwaysRunsSchedPostReset_andUnplugs() {
    FwState.B b = booted().edit();
    b.dev = Pc.RESET_FINISH;
    b.resetFailed = true;
    b.schedReset = true;
    b.resetPending = true;
    FwState s = model.next(b.build(), new FwAction.ResetFinish());
    assertFalse(s.schedReset());
    assertFalse(s.resetPending());
    assertEquals(Pc.DEAD, s.dev());
    assertEquals(Pc.UNPLUG_1, s.unplug());
  }

  @Test
  void bind_isDisabledWhileAResetIsInProgress() {
    FwState.B b = booted().edit();
    b.schedReset = true;
    assertFalse(new FwAction.Bind(0).enabled(b.build(), model));
    assertTrue(new FwAction.Bind(0).enabled(booted(), model));
  }
}
