package org.panthorverify.models.fwhandshake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.panthorverify.core.Model;
import org.panthorverify.core.Property;
import org.panthorverify.core.StateEncoder;
import org.panthorverify.core.Value;

/**
 * The host-firmware handshake and device lifecycle of panthor (see {@code package-info} and
 * {@code specs/fw-handshake/README.md}).
 */
public final class FwModel implements Model<FwState, FwAction> {
  // Runtime-PM states.
  static final int PM_ACTIVE = 0;
  static final int PM_SUSPENDING = 1;
  static final int PM_SUSPENDED = 2;
  static final int PM_RESUMING = 3;
  static final List<String> PM_NAMES = List.of("active", "suspending", "suspended", "resuming");
  // MCU states.
  static final int MCU_DISABLED = 0;
  static final int MCU_BOOTING = 1;
  static final int MCU_RUNNING = 2;
  static final int MCU_HUNG = 3;
  static final int MCU_HALTED = 4;
  static final List<String> MCU_NAMES = List.of("disabled", "booting", "running", "hung",
      "halted");
  // GLB req/ack bits (abstract positions; see the README for the real ones).
  static final int GLB_HALT = 1;
  static final int GLB_CFG = 2;
  static final int GLB_PING = 4;
  static final int GLB_IDLE = 8;
  // CSG_STATE values.
  static final int CSG_TERMINATE = 0;
  static final int CSG_START = 1;
  // Request-with-wait.
  static final int WAIT_NONE = 0;
  static final int WAIT_PING = 1;
  static final int WAIT_CSG = 2;
  // IRQ block bits (GPU and MMU blocks).
  static final int IRQ_MASK = 1;
  static final int IRQ_SW = 2;
  static final int IRQ_SUSPENDED_BIT = 4;
  static final int IRQ_ENABLED = IRQ_MASK | IRQ_SW;
  static final int IRQ_SUSPENDED = IRQ_SUSPENDED_BIT;

  // Variants: bug-zoo ids, then this model's own protocol misuses.
  static final String FAST_FLAG_STALE = "fw-fast-reset-flag-stale";
  static final String UNPLUG_HALT_UNBOOTED = "fw-unplug-halt-unbooted";
  static final String EVENTS_AFTER_UNPLUG = "fw-events-after-unplug";
  static final String IRQ_SUSPEND_ORDER = "irq-suspend-order";
  static final String POST_RESET_SKIPPED = "post-reset-skipped";
  static final String RPM_ERROR_STICKY = "rpm-resume-error-sticky";
  static final String UNPLUG_VS_SUSPEND = "unplug-vs-suspend";
  static final String TOGGLE_FROM_REQ = "toggle-from-req";
  static final String MISSING_DOORBELL = "missing-doorbell";
  static final String NON_ATOMIC_TOGGLE = "non-atomic-toggle";
  static final String EVENTS_BEFORE_CLEAR = "events-before-irq-clear";
  static final String ACK_BY_TOGGLE = "event-ack-by-toggle";
  static final String FW_REPEATS_EVENT = "fw-raises-pending-event";
  static final String STATE_OVERWRITE = "csg-state-overwrite";
  static final String ACK_UNBOUND_SLOT = "ack-unbound-slot";

  /** Each variant with the property that must catch it and its mechanism. */
  public static final Map<String, String[]> VARIANTS = variants();

  private static Map<String, String[]> variants() {
    Map<String, String[]> v = new LinkedHashMap<>();
    v.put(FAST_FLAG_STALE, new String[] {"FwReloadAfterFailedBoot",
        "a failed fast restart is retried without clearing reset.fast, so the FW sections are"
            + " not reloaded"});
    v.put(UNPLUG_HALT_UNBOOTED, new String[] {"FH-7",
        "unplug asks the FW to halt (a GLB request) even when it never booted"});
    v.put(EVENTS_AFTER_UNPLUG, new String[] {"NoFwEventWorkAfterFree",
        "unplug cancels only the tick, so the FW-events work survives the freeing of the FW"});
    v.put(IRQ_SUSPEND_ORDER, new String[] {"IrqMaskedWhileSuspended",
        "IRQ suspend sets 'suspended' before it masks INT_MASK and clears the software mask"});
    v.put(POST_RESET_SKIPPED, new String[] {"ResetEndsWithPostReset",
        "a reset whose FW boot failed skips panthor_sched_post_reset"});
    v.put(RPM_ERROR_STICKY, new String[] {"Deadlock",
        "a failed resume latches a runtime-PM error that refuses every later resume"
            + " (a deadlock in configs where nothing unplugs the device)"});
    v.put(UNPLUG_VS_SUSPEND, new String[] {"IrqsSuspendedWhenPoweredOff",
        "unplug marks the device unplugged before it takes a PM reference; a suspend in"
            + " between skips the hardware sequence and cuts power with IRQs live"});
    v.put(TOGGLE_FROM_REQ, new String[] {"FH-1",
        "the CSG doorbell request is toggled from req instead of ack, cancelling a pending one"});
    v.put(MISSING_DOORBELL, new String[] {"FH-8",
        "binding a slot writes the CSG request without ringing doorbell 0"});
    v.put(NON_ATOMIC_TOGGLE, new String[] {"FH-4",
        "the ping work's GLB req read-modify-write is split (no iface lock), so the FW-events"
            + " work's acknowledgement of the idle event written in between is lost"});
    v.put(EVENTS_BEFORE_CLEAR, new String[] {"NoLostFwEvent",
        "the job IRQ handler uses the status bits before clearing them, losing an event raised"
            + " in between"});
    v.put(ACK_BY_TOGGLE, new String[] {"FH-2",
        "the GLB idle event is acknowledged by toggling req instead of copying ack"});
    v.put(FW_REPEATS_EVENT, new String[] {"FH-3",
        "the FW raises the GLB idle event again while it is still pending"});
    v.put(STATE_OVERWRITE, new String[] {"FH-5",
        "the scheduler terminates a slot whose START request is not acked yet"});
    v.put(ACK_UNBOUND_SLOT, new String[] {"FH-6",
        "the FW-events work acknowledges CSG events of a slot that has no group bound"});
    return java.util.Collections.unmodifiableMap(v);
  }

  private final FwConfig config;
  private final List<FwAction> all;

  public FwModel(FwConfig config) {
    this.config = config;
    this.all = allActions(config.slots());
  }

  FwConfig config() {
    return config;
  }

  /** Every action instance of this configuration, in a fixed order. */
  List<FwAction> actions() {
    return all;
  }

  private static List<FwAction> allActions(int slots) {
    List<FwAction> a = new ArrayList<>(List.of(
        new FwAction.ProbeLoad(), new FwAction.HostBootOk(), new FwAction.HostBootTimeout(),
        new FwAction.ResetWorkStart(), new FwAction.ResetSchedPre(), new FwAction.ResetFwPre(),
        new FwAction.ResetGpu(), new FwAction.FwPostReset(), new FwAction.ResetFinish(),
        new FwAction.SuspendStart(), new FwAction.SuspendSched(), new FwAction.SuspendFw(),
        new FwAction.HaltDone(), new FwAction.HaltTimeout(), new FwAction.IrqSuspendStep1(),
        new FwAction.IrqSuspendStep2(), new FwAction.IrqSuspendStep3(),
        new FwAction.SuspendPowerOff(), new FwAction.ResumeStart(), new FwAction.ResumeSched(),
        new FwAction.UnplugStart(), new FwAction.UnplugStep1(), new FwAction.UnplugStep2(),
        new FwAction.UnplugSched(), new FwAction.UnplugFw(), new FwAction.UnplugHaltDone(),
        new FwAction.UnplugIrqs(), new FwAction.JobIrqRaw(), new FwAction.JobIrqBatch(),
        new FwAction.JobIrqClear(), new FwAction.JobIrqDone(), new FwAction.EventsWork()));
    for (int i = 0; i < slots; i++) {
      a.add(new FwAction.Bind(i));
      a.add(new FwAction.Unbind(i));
    }
    a.addAll(List.of(new FwAction.PingWrite(), new FwAction.WaitAcked(),
        new FwAction.WaitTimeout(), new FwAction.PingWork(), new FwAction.FlushRequest(),
        new FwAction.GpuFlushComplete(), new FwAction.GpuIrqFlushDone(),
        new FwAction.FlushTimeout(), new FwAction.FwBootOk(), new FwAction.FwBootFail(),
        new FwAction.FwDoorbell(), new FwAction.FwGlbIdle()));
    for (int i = 0; i < slots; i++) {
      a.add(new FwAction.FwCsgEvent(i));
      a.add(new FwAction.FwCsFault(i));
    }
    a.add(new FwAction.FwHang());
    return List.copyOf(a);
  }

  @Override
  public String name() {
    return "fw-handshake";
  }

  @Override
  public List<String> variables() {
    List<String> vars = new ArrayList<>();
    for (java.lang.reflect.RecordComponent c : FwState.class.getRecordComponents()) {
      vars.add(c.getName());
    }
    return vars;
  }

  @Override
  public List<FwState> initialStates() {
    return List.of(new FwState(PM_ACTIVE, Pc.PROBE_LOAD, false, false, false, false, false, false,
        Pc.UNPLUG_NONE, false, true, false, MCU_DISABLED, false, false, false, false, false, 0,
        0, false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, false, false, 0, IRQ_ENABLED,
        IRQ_ENABLED, 0, 0, false, WAIT_NONE, false, 0, -1));
  }

  @Override
  public List<FwAction> enabledActions(FwState s) {
    List<FwAction> out = new ArrayList<>();
    for (FwAction a : all) {
      if (a.enabled(s, this)) {
        out.add(a);
      }
    }
    return out;
  }

  @Override
  public FwState next(FwState s, FwAction a) {
    return a.apply(s, this);
  }

  @Override
  public List<String> actionNames() {
    return all.stream().map(FwAction::name).distinct().sorted().toList();
  }

  @Override
  public boolean isAcceptableEnd(FwState s) {
    return s.unplug() == Pc.UNPLUG_DONE;
  }

  @Override
  public List<Property<FwState, FwAction>> properties() {
    return FwProperties.all(this);
  }

  /** The TLA+ view: {@code specs/fw-handshake/FwHandshake.tla} ({@link FwTla}). */
  @Override
  public org.panthorverify.core.TlaView<FwState, FwAction> tla() {
    return new FwTla(config);
  }

  /** The canonical encoding: every component in order (the reflective default is slower). */
  @Override
  public void encode(FwState s, StateEncoder out) {
    out.putInt(s.pm());
    out.putInt(s.dev());
    out.putBoolean(s.resetPending());
    out.putBoolean(s.resetQueued());
    out.putBoolean(s.resetFast());
    out.putBoolean(s.resetFailed());
    out.putBoolean(s.schedReset());
    out.putBoolean(s.unplugged());
    out.putInt(s.unplug());
    out.putBoolean(s.pmRef());
    out.putBoolean(s.power());
    out.putBoolean(s.rpmError());
    out.putInt(s.mcu());
    out.putBoolean(s.booted());
    out.putBoolean(s.fwLoaded());
    out.putBoolean(s.imageGood());
    out.putBoolean(s.reloaded());
    out.putBoolean(s.lastBootFailed());
    out.putInt(s.glbReq());
    out.putInt(s.glbAck());
    out.putBoolean(s.db0());
    out.putInt(s.csgDbReq());
    out.putInt(s.csgDbAck());
    out.putInt(s.bound());
    out.putInt(s.csgStateReq());
    out.putInt(s.csgStateAck());
    out.putInt(s.csgEvtReq());
    out.putInt(s.csgEvtAck());
    out.putInt(s.csStart());
    out.putInt(s.csStartAck());
    out.putInt(s.csFaultReq());
    out.putInt(s.csFaultAck());
    out.putInt(s.jobRaw());
    out.putBoolean(s.jobMask());
    out.putBoolean(s.jobSw());
    out.putBoolean(s.jobSusp());
    out.putInt(s.jobThread());
    out.putInt(s.gpuIrq());
    out.putInt(s.mmuIrq());
    out.putInt(s.fwEvents());
    out.putInt(s.evWork());
    out.putBoolean(s.evDisabled());
    out.putInt(s.waiting());
    out.putBoolean(s.pingArmed());
    out.putInt(s.flush());
    out.putInt(s.glbSnap());
  }

  @Override
  public Map<String, Value> describe(FwState s) {
    Map<String, Value> out = new LinkedHashMap<>();
    for (java.lang.reflect.RecordComponent c : FwState.class.getRecordComponents()) {
      Object v;
      try {
        v = c.getAccessor().invoke(s);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      String name = c.getName();
      if (name.equals("pm")) {
        v = PM_NAMES.get(s.pm());
      } else if (name.equals("dev")) {
        v = Pc.DEV_NAMES.get(s.dev());
      } else if (name.equals("unplug")) {
        v = Pc.UNPLUG_NAMES.get(s.unplug());
      } else if (name.equals("mcu")) {
        v = MCU_NAMES.get(s.mcu());
      }
      out.put(name, Value.of(v));
    }
    return out;
  }

  // ---------------------------------------------------------------- shared effects

  /** {@code panthor_fw_toggle_reqs}: for each bit of {@code mask}, req := NOT ack. */
  static int toggle(int req, int ack, int mask) {
    return (req & ~mask) | (~ack & mask);
  }

  static int csgState(int word, int slot) {
    return (word >>> (2 * slot)) & 3;
  }

  static int setCsgState(int word, int slot, int value) {
    return (word & ~(3 << (2 * slot))) | (value << (2 * slot));
  }

  /** {@code panthor_fw_start}: booted := false, unmask the job IRQ, MCU_CONTROL := AUTO. */
  static void fwStart(FwState.B b) {
    b.booted = false;
    b.jobSw = true;
    b.jobMask = true;
    b.jobSusp = false;
    b.mcu = MCU_BOOTING;
  }

  /** {@code panthor_job_irq_suspend} in one step (paths where its order cannot race). */
  static void suspendJobIrq(FwState.B b) {
    b.jobSw = false;
    b.jobMask = false;
    b.jobSusp = true;
  }

  /** Power cut after a failed resume: every IRQ suspended, MCU off. */
  static void powerDown(FwState.B b) {
    suspendJobIrq(b);
    b.gpuIrq = IRQ_SUSPENDED;
    b.mmuIrq = IRQ_SUSPENDED;
    b.power = false;
    b.mcu = MCU_DISABLED;
  }

  /** Reloading every FW section restores the interface blocks' initial (zero) contents. */
  static void reload(FwState.B b) {
    b.glbReq = 0;
    b.glbAck = 0;
    b.db0 = false;
    b.csgDbReq = 0;
    b.csgDbAck = 0;
    b.csgStateReq = 0;
    b.csgStateAck = 0;
    b.csgEvtReq = 0;
    b.csgEvtAck = 0;
    b.csStart = 0;
    b.csStartAck = 0;
    b.csFaultReq = 0;
    b.csFaultAck = 0;
    b.imageGood = true;
    b.reloaded = true;
  }

  /** {@code panthor_fw_unplug}: stop the MCU, suspend the job IRQ, free the sections. */
  static void freeFw(FwState.B b) {
    b.mcu = MCU_DISABLED;
    suspendJobIrq(b);
    b.fwLoaded = false;
  }

  /** {@code panthor_device_schedule_reset}: pending 0 -> 1; queue the work if ACTIVE. */
  static void scheduleReset(FwState.B b) {
    if (!b.resetPending) {
      b.resetPending = true;
      if (b.pm == PM_ACTIVE) {
        b.resetQueued = true;
      }
    }
  }

  /** The abstract scheduler (tick) may issue CSG requests. */
  static boolean schedulerMayRun(FwState s) {
    return s.pm() == PM_ACTIVE && s.dev() == Pc.IDLE && s.booted() && s.fwLoaded()
        && !s.schedReset() && !s.resetPending() && !s.unplugged() && s.waiting() == WAIT_NONE
        && s.glbSnap() < 0;
  }

  /** Toggle slot's CSG doorbell request, ring doorbell 0 and start waiting for the slot. */
  static void ringCsg(FwState.B b, FwState s, FwModel m, int slot) {
    b.csgDbReq = toggle(s.csgDbReq(), s.csgDbAck(), 1 << slot);
    if (!m.config.bug(MISSING_DOORBELL)) {
      b.db0 = true;
    }
    b.waiting = WAIT_CSG + slot;
  }

  /** Whether the request being waited for is acknowledged. */
  static boolean acked(FwState s) {
    if (s.waiting() == WAIT_PING) {
      return ((s.glbReq() ^ s.glbAck()) & GLB_PING) == 0;
    }
    int slot = s.waiting() - WAIT_CSG;
    return csgState(s.csgStateReq(), slot) == csgState(s.csgStateAck(), slot);
  }
}
