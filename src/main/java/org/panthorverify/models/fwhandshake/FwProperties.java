package org.panthorverify.models.fwhandshake;

import static org.panthorverify.models.fwhandshake.FwModel.CSG_START;
import static org.panthorverify.models.fwhandshake.FwModel.GLB_CFG;
import static org.panthorverify.models.fwhandshake.FwModel.GLB_HALT;
import static org.panthorverify.models.fwhandshake.FwModel.GLB_IDLE;
import static org.panthorverify.models.fwhandshake.FwModel.GLB_PING;
import static org.panthorverify.models.fwhandshake.FwModel.IRQ_SUSPENDED;
import static org.panthorverify.models.fwhandshake.FwModel.MCU_HUNG;
import static org.panthorverify.models.fwhandshake.FwModel.MCU_RUNNING;
import static org.panthorverify.models.fwhandshake.FwModel.PM_ACTIVE;
import static org.panthorverify.models.fwhandshake.FwModel.WAIT_CSG;
import static org.panthorverify.models.fwhandshake.FwModel.WAIT_NONE;
import static org.panthorverify.models.fwhandshake.FwModel.WAIT_PING;
import static org.panthorverify.models.fwhandshake.FwModel.csgState;

import java.util.List;
import org.panthorverify.core.Property;
import org.panthorverify.core.Property.Clause;
import org.panthorverify.core.Property.Fairness;
import org.panthorverify.core.Property.Form;
import org.panthorverify.core.Property.Liveness;

/**
 * The properties of the firmware-handshake model: FH-1 ... FH-9 of the reference (section 2.13),
 * the device-lifecycle properties the bug zoo names, and reachability witnesses. FH-4 comes first
 * because a lost update usually also cancels a request (FH-1): the cause is the better report.
 */
final class FwProperties {
  private FwProperties() {}

  /** GLB toggle-request bits. */
  private static final int GLB_REQS = GLB_CFG | GLB_PING;

  /** Every bit of the GLB req word. */
  private static final int GLB_ALL = GLB_HALT | GLB_CFG | GLB_PING | GLB_IDLE;

  static List<Property<FwState, FwAction>> all(FwModel m) {
    int slots = m.config().slots();
    int slotMask = (1 << slots) - 1;
    List<Property<FwState, FwAction>> out = new java.util.ArrayList<>(List.of(
        Property.action("FH-4",
            "no lost update: a helper call writes only the GLB req and doorbell_req bits of its"
                + " own mask",
            (s, a, t) -> !a.host() || a.reload()
                || (((s.glbReq() ^ t.glbReq()) & ~a.glbMask(s, m) & GLB_ALL) == 0
                    && ((s.csgDbReq() ^ t.csgDbReq()) & ~a.doorbellMask(s, m) & slotMask) == 0)),
        Property.action("FH-1",
            "no cancelled request: the host never sets a pending request bit back to ack",
            (s, a, t) -> !a.host() || a.reload()
                || (cancelled(s.glbReq(), s.glbAck(), t.glbReq(), t.glbAck(), GLB_REQS) == 0
                    && cancelled(s.csgDbReq(), s.csgDbAck(), t.csgDbReq(), t.csgDbAck(),
                        slotMask) == 0)),
        Property.action("FH-2",
            "the host does not invent events: it only ever writes req[e] := ack[e]",
            (s, a, t) -> !a.host() || a.reload()
                || (hostAcks(s.glbReq(), t.glbReq(), t.glbAck(), GLB_IDLE)
                    && hostAcks(s.csgEvtReq(), t.csgEvtReq(), t.csgEvtAck(), slotMask)
                    && hostAcks(s.csFaultReq(), t.csFaultReq(), t.csFaultAck(), slotMask))),
        Property.action("FH-3",
            "the FW completes requests (ack := req) and raises only events that are not pending",
            (s, a, t) -> a.host()
                || (completes(s.glbAck(), t.glbAck(), t.glbReq(), GLB_REQS)
                    && completes(s.csgDbAck(), t.csgDbAck(), t.csgDbReq(), slotMask)
                    && raisesOnlyIdle(s.glbReq(), s.glbAck(), t.glbAck(), GLB_IDLE)
                    && raisesOnlyIdle(s.csgEvtReq(), s.csgEvtAck(), t.csgEvtAck(), slotMask)
                    && raisesOnlyIdle(s.csFaultReq(), s.csFaultAck(), t.csFaultAck(),
                        slotMask))),
        Property.action("FH-5",
            "one CSG_STATE request at a time: a new value only once the previous one is acked",
            (s, a, t) -> {
              if (!a.host() || a.reload()) {
                return true;
              }
              for (int i = 0; i < slots; i++) {
                if (csgState(s.csgStateReq(), i) != csgState(t.csgStateReq(), i)
                    && csgState(s.csgStateReq(), i) != csgState(s.csgStateAck(), i)) {
                  return false;
                }
              }
              return true;
            }),
        Property.action("FH-6",
            "CSG and CS req words of a slot are written only while a group is bound to it",
            (s, a, t) -> {
              if (!a.host() || a.reload()) {
                return true;
              }
              for (int i = 0; i < slots; i++) {
                int bit = 1 << i;
                boolean written = csgState(s.csgStateReq(), i) != csgState(t.csgStateReq(), i)
                    || ((s.csStart() ^ t.csStart()) & bit) != 0
                    || ((s.csgEvtReq() ^ t.csgEvtReq()) & bit) != 0
                    || ((s.csFaultReq() ^ t.csFaultReq()) & bit) != 0;
                if (written && ((s.bound() | t.bound()) & bit) == 0) {
                  return false;
                }
              }
              return true;
            }),
        Property.action("FH-7",
            "boot gating: GLB requests (CFG, PING, HALT) are written only while the FW"
                + " interface exists and the FW booted",
            (s, a, t) -> !a.host() || a.reload()
                || ((s.glbReq() ^ t.glbReq()) & (GLB_REQS | GLB_HALT)) == 0
                || (s.fwLoaded() && s.booted())),
        Property.invariant("FH-8",
            "doorbell after request: a request the host waits for is visible to a running FW"
                + " (doorbell 0 rung, and the slot's CSG doorbell toggled)",
            FwProperties::doorbellRung),
        Property.invariant("FH-9",
            "no wait on HALT: GLB_HALT is never awaited through ack (halt is seen in MCU_STATUS)",
            s -> s.waiting() == WAIT_NONE || (s.glbReq() & GLB_HALT) == 0),
        Property.invariant("ResetEndsWithPostReset",
            "every scheduler pre-reset is followed by a post-reset (reset.in_progress cleared)",
            s -> Pc.inReset(s.dev()) || !s.schedReset()),
        Property.action("FwReloadAfterFailedBoot",
            "after a failed boot, the next boot attempt reloads every FW section",
            (s, a, t) -> !(a instanceof FwAction.FwPostReset) || !s.lastBootFailed()
                || t.reloaded()),
        Property.invariant("NoFwEventWorkAfterFree",
            "once the FW sections are freed no FW-events work is pending (nor can be queued)",
            s -> s.fwLoaded() || s.evWork() == 0),
        Property.invariant("IrqMaskedWhileSuspended",
            "a suspended job IRQ has JOB_INT_MASK = 0",
            s -> !s.jobSusp() || !s.jobMask()),
        Property.invariant("IrqsSuspendedWhenPoweredOff",
            "whenever the GPU has no power, every IRQ block is suspended and masked",
            s -> s.power() || (s.jobSusp() && !s.jobMask() && s.gpuIrq() == IRQ_SUSPENDED
                && s.mmuIrq() == IRQ_SUSPENDED)),
        Property.invariant("NoLostFwEvent",
            "a pending GLB idle event of a running FW is in JOB_INT_RAWSTAT or sched->fw_events",
            s -> !(s.fwLoaded() && s.mcu() == MCU_RUNNING && !s.jobSusp()
                && ((s.glbReq() ^ s.glbAck()) & GLB_IDLE) != 0
                && ((s.jobRaw() | s.fwEvents()) & 1) == 0)),
        Property.reachable("PingAcked", "a ping is acknowledged",
            s -> (s.glbReq() & s.glbAck() & GLB_PING) != 0),
        Property.reachable("CfgAcked", "the CFG requests of init_global_iface are acknowledged",
            s -> (s.glbReq() & s.glbAck() & GLB_CFG) != 0),
        Property.reachable("CsgStarted", "a CSG START request is acknowledged",
            s -> s.waiting() == WAIT_NONE && csgState(s.csgStateAck(), 0) == CSG_START
                && csgState(s.csgStateReq(), 0) == CSG_START),
        Property.reachable("IdleEventAcked", "a GLB idle event is acknowledged by the host",
            s -> (s.glbReq() & s.glbAck() & GLB_IDLE) != 0),
        Property.reachable("ResetCompletes", "a device reset brings the FW back",
            s -> s.dev() == Pc.RESET_FINISH && !s.resetFailed()),
        Property.reachable("SlowBoot", "the FW restarts after reloading its sections",
            s -> (s.dev() == Pc.RESET_BOOT_WAIT || s.dev() == Pc.RESUME_BOOT_WAIT)
                && s.booted() && s.reloaded())));
    // Witnesses of optional features, only where the configuration has them.
    if (m.config().suspend()) {
      out.add(Property.reachable("SuspendResumeCycle", "a runtime suspend and resume completes",
          s -> s.dev() == Pc.RESUME_SCHED));
      out.add(Property.reachable("FastBoot",
          "the FW restarts fast (no reload) after a clean halt",
          s -> s.dev() == Pc.RESUME_BOOT_WAIT && s.booted() && !s.reloaded()));
    }
    if (m.config().events()) {
      out.add(Property.reachable("CsgEventAcked", "a CSG event is acknowledged by the host",
          s -> (s.csgEvtReq() & s.csgEvtAck()) != 0));
    }
    if (m.config().flush()) {
      out.add(Property.reachable("CacheFlushCompletes", "a GPU cache flush completes",
          s -> s.flush() == 2));
    }
    if (m.config().unplug()) {
      out.add(Property.reachable("UnplugCompletes", "an unplug runs to its end",
          s -> s.unplug() == Pc.UNPLUG_DONE));
    }
    out.addAll(liveness(m));
    return List.copyOf(out);
  }

  /**
   * FL-1 ... FL-4, each under {@link #fairness}. Every goal also accepts "the FW is gone" (after
   * an unplug nothing is answered) and, where the reference allows it, "the device is suspended or
   * the MCU stopped": the environment may suspend the GPU and never resume it, and a request the
   * FW did not answer before it halted is sent again by the next boot.
   */
  static List<Property<FwState, FwAction>> liveness(FwModel m) {
    int slots = m.config().slots();
    List<Fairness<FwAction>> fair = fairness(m);
    List<Clause<FwState>> fl1 = new java.util.ArrayList<>();
    fl1.add(new Clause<>("GlbRequestAcked",
        s -> s.fwLoaded() && ((s.glbReq() ^ s.glbAck()) & GLB_REQS) != 0,
        s -> ((s.glbReq() ^ s.glbAck()) & GLB_REQS) == 0 || mcuStopped(s)));
    List<Clause<FwState>> fl2 = new java.util.ArrayList<>();
    fl2.add(new Clause<>("GlbEventAcked",
        s -> s.fwLoaded() && ((s.glbReq() ^ s.glbAck()) & GLB_IDLE) != 0
            && (s.fwEvents() & 1) != 0 && s.evWork() == 1,
        s -> ((s.glbReq() ^ s.glbAck()) & GLB_IDLE) == 0 || !s.fwLoaded()));
    for (int i = 0; i < slots; i++) {
      final int slot = i;
      final int bit = 1 << i;
      fl1.add(new Clause<>("CsgRequestAcked(" + i + ")",
          s -> s.fwLoaded() && csgState(s.csgStateReq(), slot) != csgState(s.csgStateAck(), slot),
          s -> csgState(s.csgStateReq(), slot) == csgState(s.csgStateAck(), slot)
              || mcuStopped(s)));
      fl2.add(new Clause<>("CsgEventAcked(" + i + ")",
          s -> s.fwLoaded() && (s.bound() & bit) != 0 && ((s.csgEvtReq() ^ s.csgEvtAck()) & bit)
              != 0 && (s.fwEvents() & (bit << 1)) != 0 && s.evWork() == 1,
          s -> ((s.csgEvtReq() ^ s.csgEvtAck()) & bit) == 0 || (s.bound() & bit) == 0
              || !s.fwLoaded()));
    }
    return List.of(
        new Liveness<>("FL-1",
            "every pending GLB or CSG request is eventually acknowledged (or the MCU stopped,"
                + " or the FW is gone)", Form.LEADS_TO, fl1, fair),
        new Liveness<>("FL-2",
            "every FW event whose IRQ reached sched->fw_events with the FW-events work queued is"
                + " eventually acknowledged by the host (events that arrive during a reset are"
                + " parked until a later IRQ)", Form.LEADS_TO, fl2, fair),
        new Liveness<>("FL-3",
            "a hung FW eventually gets a reset scheduled, and a scheduled reset eventually"
                + " clears reset.pending (unless the device is suspended or unplugged)",
            Form.LEADS_TO, List.of(
                new Clause<>("HangDetected", s -> s.mcu() == MCU_HUNG,
                    s -> s.resetPending() || s.mcu() != MCU_HUNG || s.pm() != PM_ACTIVE
                        || !s.fwLoaded()),
                new Clause<>("ResetCompletes", FwState::resetPending,
                    s -> !s.resetPending() || s.pm() != PM_ACTIVE || !s.fwLoaded())),
            fair),
        new Liveness<>("FL-4",
            "after a successful panthor_fw_post_reset the ping work runs again (unless another"
                + " reset, a suspend or an unplug comes first)",
            Form.LEADS_TO, List.of(new Clause<>("PingAfterReset",
                s -> s.dev() == Pc.RESET_FINISH && !s.resetFailed(),
                s -> ((s.glbReq() ^ s.glbAck()) & GLB_PING) != 0 || s.waiting() == WAIT_PING
                    || s.glbSnap() >= 0 || s.resetPending() || s.pm() != PM_ACTIVE
                    || s.unplugged() || !s.fwLoaded())),
            fair));
  }

  /**
   * The fairness shared by FL-1 ... FL-4, as the TLA+ spec's {@code Fairness}: weak fairness of
   * each kernel step and of each device answer (the FW answers a doorbell, the MCU boots or
   * fails to, the GPU completes a cache flush). Three kernel steps get strong fairness, each
   * because something without fairness can disable it again and again (TLC found each case):
   * the ping work (the model lets one request-with-wait run at a time, so the abstract scheduler
   * could starve it, while in the kernel it is an independent delayed work); the FW-events work
   * (it waits for {@code sched->lock}, which the scheduler holds during every CSG wait); and
   * {@code UnplugFw} (it runs only between two pings; in the kernel {@code
   * cancel_delayed_work_sync} stops the ping work from re-queueing itself).
   */
  static List<Fairness<FwAction>> fairness(FwModel m) {
    List<Fairness<FwAction>> out = new java.util.ArrayList<>();
    java.util.Set<Class<?>> seen = new java.util.HashSet<>();
    for (FwAction a : m.actions()) {
      if (a.driver() != org.panthorverify.core.Driver.KERNEL || !seen.add(a.getClass())) {
        continue;
      }
      Class<?> c = a.getClass();
      String name = c.getSimpleName();
      boolean strong = c == FwAction.PingWork.class || c == FwAction.EventsWork.class
          || c == FwAction.UnplugFw.class;
      out.add(strong ? Fairness.strong(name, x -> x.getClass() == c)
          : Fairness.weak(name, x -> x.getClass() == c));
    }
    out.add(Fairness.weak("FwDoorbell", a -> a instanceof FwAction.FwDoorbell));
    out.add(Fairness.weak("FwBoot",
        a -> a instanceof FwAction.FwBootOk || a instanceof FwAction.FwBootFail));
    out.add(Fairness.weak("GpuFlushComplete", a -> a instanceof FwAction.GpuFlushComplete));
    return List.copyOf(out);
  }

  /** The MCU no longer runs this interface: halted, disabled, or its memory freed. */
  private static boolean mcuStopped(FwState s) {
    return !s.fwLoaded() || s.mcu() == FwModel.MCU_HALTED || s.mcu() == FwModel.MCU_DISABLED;
  }


  /** Request bits pending before that the host set back to ack (ack unchanged). */
  private static int cancelled(int req, int ack, int req2, int ack2, int mask) {
    int pending = (req ^ ack) & mask;
    return pending & ~(req2 ^ ack2) & ~(ack ^ ack2);
  }

  /** Event bits the host changed must end equal to ack. */
  private static boolean hostAcks(int req, int req2, int ack2, int mask) {
    int changed = (req ^ req2) & mask;
    return (changed & (req2 ^ ack2)) == 0;
  }

  /** Request bits of ack the FW changed must end equal to req. */
  private static boolean completes(int ack, int ack2, int req2, int mask) {
    int changed = (ack ^ ack2) & mask;
    return (changed & (ack2 ^ req2)) == 0;
  }

  /** Event bits of ack the FW changed must not have been pending. */
  private static boolean raisesOnlyIdle(int req, int ack, int ack2, int mask) {
    int changed = (ack ^ ack2) & mask;
    return (changed & (req ^ ack)) == 0;
  }

  private static boolean doorbellRung(FwState s) {
    if (s.mcu() != MCU_RUNNING || s.waiting() == WAIT_NONE || FwModel.acked(s)) {
      return true;
    }
    if (s.waiting() == WAIT_PING) {
      return s.db0();
    }
    int bit = 1 << (s.waiting() - WAIT_CSG);
    return s.db0() && ((s.csgDbReq() ^ s.csgDbAck()) & bit) != 0;
  }
}
