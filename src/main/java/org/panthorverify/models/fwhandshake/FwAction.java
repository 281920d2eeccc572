package org.panthorverify.models.fwhandshake;

import static org.panthorverify.models.fwhandshake.FwModel.CSG_START;
import static org.panthorverify.models.fwhandshake.FwModel.CSG_TERMINATE;
import static org.panthorverify.models.fwhandshake.FwModel.GLB_CFG;
import static org.panthorverify.models.fwhandshake.FwModel.GLB_HALT;
import static org.panthorverify.models.fwhandshake.FwModel.GLB_IDLE;
import static org.panthorverify.models.fwhandshake.FwModel.GLB_PING;
import static org.panthorverify.models.fwhandshake.FwModel.MCU_BOOTING;
import static org.panthorverify.models.fwhandshake.FwModel.MCU_DISABLED;
import static org.panthorverify.models.fwhandshake.FwModel.MCU_HALTED;
import static org.panthorverify.models.fwhandshake.FwModel.MCU_HUNG;
import static org.panthorverify.models.fwhandshake.FwModel.MCU_RUNNING;
import static org.panthorverify.models.fwhandshake.FwModel.PM_ACTIVE;
import static org.panthorverify.models.fwhandshake.FwModel.PM_RESUMING;
import static org.panthorverify.models.fwhandshake.FwModel.PM_SUSPENDED;
import static org.panthorverify.models.fwhandshake.FwModel.PM_SUSPENDING;
import static org.panthorverify.models.fwhandshake.FwModel.WAIT_NONE;
import static org.panthorverify.models.fwhandshake.FwModel.WAIT_PING;

import org.panthorverify.core.Action;
import org.panthorverify.core.Driver;

/**
 * The atomic steps of the model, one record per step, named like the TLA+ actions. Host steps
 * cite the kernel function they stand for; FW steps are what the firmware may do at any time.
 * Each step's guard is {@link #enabled}, its effect {@link #apply}.
 */
public sealed interface FwAction extends Action {

  boolean enabled(FwState s, FwModel m);

  FwState apply(FwState s, FwModel m);

  /** Whether the host takes this step (FH-1, FH-2, FH-4, FH-6, FH-7 constrain host steps). */
  default boolean host() {
    return true;
  }

  /**
   * The GLB {@code doorbell_req} bits this step may write (FH-4: a helper call writes only its
   * mask).
   */
  default int doorbellMask(FwState s, FwModel m) {
    return 0;
  }

  /**
   * The GLB {@code req} bits this step may write (FH-4, for the GLB word: {@code
   * panthor_fw_toggle_reqs}/{@code panthor_fw_update_reqs} are masked writes under {@code
   * iface->lock}).
   */
  default int glbMask(FwState s, FwModel m) {
    return 0;
  }

  /** Who drives this step, which sets its fairness (see {@link Driver}). */
  default Driver driver() {
    return host() ? Driver.KERNEL : Driver.ENVIRONMENT;
  }

  /** Whether this step rewrites the whole interface memory (a FW reload), exempt from FH-6. */
  default boolean reload() {
    return false;
  }

  // ---------------------------------------------------------------- probe and FW start

  /**
   * Probe: {@code panthor_fw_init} loads the FW sections ({@code panthor_fw_load}) and starts
   * the MCU ({@code panthor_fw_start}).
   */
  record ProbeLoad() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.dev() == Pc.PROBE_LOAD;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.fwLoaded = true;
      b.imageGood = true;
      b.reloaded = true;
      FwModel.fwStart(b);
      b.dev = Pc.PROBE_BOOT_WAIT;
      return b.build();
    }

    @Override
    public boolean reload() {
      return true;
    }
  }

  /** The MCU boots: the FW sets up its interface and raises the GLB job-IRQ bit. */
  record FwBootOk() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.mcu() == MCU_BOOTING && s.imageGood();
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.mcu = MCU_RUNNING;
      b.jobRaw |= 1;
      return b.build();
    }

    @Override
    public boolean host() {
      return false;
    }

    @Override
    public Driver driver() {
      return Driver.DEVICE;
    }
  }

  /** The MCU fails to boot; the FW memory image is left unusable until the sections reload. */
  record FwBootFail() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.mcu() == MCU_BOOTING;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.mcu = MCU_HUNG;
      b.imageGood = false;
      return b.build();
    }

    @Override
    public boolean host() {
      return false;
    }

    @Override
    public Driver driver() {
      return Driver.DEVICE;
    }
  }

  /**
   * {@code panthor_fw_start} saw {@code booted}: {@code panthor_fw_init_global_iface} toggles the
   * CFG requests and rings doorbell 0, and the ping work is armed.
   */
  record HostBootOk() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return Pc.bootWait(s.dev()) && s.booted();
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.glbReq = FwModel.toggle(b.glbReq, b.glbAck, GLB_CFG);
      b.db0 = true;
      b.pingArmed = true;
      b.lastBootFailed = false;
      b.reloaded = false;
      if (s.dev() == Pc.PROBE_BOOT_WAIT) {
        b.dev = Pc.IDLE;
      } else if (s.dev() == Pc.RESET_BOOT_WAIT) {
        b.resetFailed = false;
        b.dev = Pc.RESET_FINISH;
      } else {
        b.dev = Pc.RESUME_SCHED;
      }
      return b.build();
    }

    @Override
    public int glbMask(FwState s, FwModel m) {
      return GLB_CFG;
    }
  }

  /**
   * {@code panthor_fw_start} timed out waiting for {@code booted} (1000 ms). The MCU is stopped;
   * what follows depends on the caller: probe fails (and unplugs), the reset fails, or resume
   * retries once as a slow boot ({@code panthor_device_resume}).
   */
  record HostBootTimeout() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return Pc.bootWait(s.dev()) && !s.booted();
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.lastBootFailed = true;
      b.reloaded = false;
      b.mcu = MCU_DISABLED;
      FwModel.suspendJobIrq(b);
      if (s.dev() == Pc.PROBE_BOOT_WAIT) {
        b.dev = Pc.DEAD;
        if (b.unplug == Pc.UNPLUG_NONE) {
          b.unplug = Pc.UNPLUG_1;
        }
      } else if (s.dev() == Pc.RESET_BOOT_WAIT) {
        b.resetFailed = true;
        b.dev = Pc.RESET_FINISH;
      } else if (b.resetFast) {
        // A failed fast restart is retried once as a slow one; the fix clears the flag.
        if (!m.config().bug(FwModel.FAST_FLAG_STALE)) {
          b.resetFast = false;
        }
        b.dev = Pc.RESUME_FW_POST;
      } else {
        FwModel.powerDown(b);
        b.pm = PM_SUSPENDED;
        b.rpmError = true;
        b.dev = Pc.IDLE;
      }
      return b.build();
    }
  }

  // ---------------------------------------------------------------- reset work

  /**
   * {@code panthor_device_reset_work} starts: it runs only while the device is ACTIVE and not
   * unplugged (otherwise the pending flag forces a slow boot at resume). The reset workqueue is
   * ordered and {@code panthor_sched_pre_reset} waits for the tick, so no request-with-wait is in
   * progress.
   */
  record ResetWorkStart() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.resetQueued() && s.dev() == Pc.IDLE && s.waiting() == WAIT_NONE
          && s.glbSnap() < 0;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.resetQueued = false;
      if (s.pm() == PM_ACTIVE && !s.unplugged()) {
        b.dev = Pc.RESET_SCHED_PRE;
      }
      return b.build();
    }
  }

  /**
   * {@code panthor_sched_pre_reset}: reset in progress, the scheduler's works cancelled (the
   * FW-events work among them; its bits stay in {@code fw_events}), every group stopped and
   * unbound.
   */
  record ResetSchedPre() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.dev() == Pc.RESET_SCHED_PRE;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.schedReset = true;
      b.bound = 0; // a queued FW-events work is not cancelled
      b.dev = Pc.RESET_FW_PRE;
      return b.build();
    }
  }

  /**
   * {@code panthor_fw_pre_reset(on_hang = true)}: cancel the ping work, {@code reset.fast :=
   * false}, suspend the job IRQ (which synchronises with its threaded handler) and stop the MCU.
   */
  record ResetFwPre() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.dev() == Pc.RESET_FW_PRE && s.jobThread() == 0;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.pingArmed = false;
      b.resetFast = false;
      FwModel.suspendJobIrq(b);
      b.mcu = MCU_DISABLED;
      b.dev = Pc.RESET_GPU;
      return b.build();
    }
  }

  /**
   * {@code panthor_mmu_pre_reset}, {@code panthor_gpu_soft_reset} (which clears the raw job-IRQ
   * status and any cache flush in flight), {@code panthor_gpu_l2_power_on}, {@code
   * panthor_mmu_post_reset}.
   */
  record ResetGpu() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.dev() == Pc.RESET_GPU;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.jobRaw = 0;
      b.flush = 0;
      b.dev = Pc.RESET_FW_POST;
      return b.build();
    }
  }

  /**
   * {@code panthor_fw_post_reset}: reload every FW section unless the restart is fast (then only
   * clear HALT), and start the MCU. Also the resume path ({@code panthor_fw_resume}).
   */
  record FwPostReset() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.dev() == Pc.RESET_FW_POST || s.dev() == Pc.RESUME_FW_POST;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      if (!s.resetFast()) {
        FwModel.reload(b);
      } else {
        b.glbReq &= ~GLB_HALT;
      }
      FwModel.fwStart(b);
      b.dev = s.dev() == Pc.RESET_FW_POST ? Pc.RESET_BOOT_WAIT : Pc.RESUME_BOOT_WAIT;
      return b.build();
    }

    @Override
    public boolean reload() {
      return true;
    }
  }

  /**
   * The end of the reset work: {@code reset.pending := 0}, then {@code panthor_sched_post_reset}
   * (which terminates the stopped groups if the FW did not come back), and unplug on failure.
   */
  record ResetFinish() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.dev() == Pc.RESET_FINISH;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.resetPending = false;
      boolean skipPost = s.resetFailed() && m.config().bug(FwModel.POST_RESET_SKIPPED);
      if (!skipPost) {
        b.schedReset = false;
      }
      if (s.resetFailed()) {
        b.dev = Pc.DEAD;
        if (b.unplug == Pc.UNPLUG_NONE) {
          b.unplug = Pc.UNPLUG_1;
        }
      } else {
        b.dev = Pc.IDLE;
      }
      return b.build();
    }
  }

  // ---------------------------------------------------------------- runtime PM

  /**
   * {@code panthor_device_suspend} starts: SUSPENDING, cancel the reset work. On an unplugged
   * device the whole hardware sequence is skipped and power is cut.
   */
  record SuspendStart() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return m.config().suspend() && s.pm() == PM_ACTIVE && s.dev() == Pc.IDLE && !s.pmRef()
          && s.waiting() == WAIT_NONE && s.glbSnap() < 0 && s.flush() == 0;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.resetQueued = false;
      if (s.unplugged()) {
        b.power = false;
        b.pm = PM_SUSPENDED;
      } else {
        b.pm = PM_SUSPENDING;
        b.dev = Pc.SUSPEND_SCHED;
      }
      return b.build();
    }

    @Override
    public Driver driver() {
      return Driver.ENVIRONMENT;
    }
  }

  /**
   * {@code panthor_sched_suspend}: every group suspended and unbound; it runs once the scheduler's
   * pending works have been flushed (a queued FW-events work runs first).
   */
  record SuspendSched() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.dev() == Pc.SUSPEND_SCHED && s.evWork() == 0;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.bound = 0;
      b.dev = Pc.SUSPEND_FW;
      return b.build();
    }
  }

  /**
   * {@code panthor_fw_suspend} = {@code panthor_fw_pre_reset(on_hang = false)}: cancel the ping
   * work, {@code reset.fast := false}, then {@code panthor_fw_halt_mcu}: set GLB_HALT and ring
   * doorbell 0.
   */
  record SuspendFw() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.dev() == Pc.SUSPEND_FW;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.pingArmed = false;
      b.resetFast = false;
      b.glbReq |= GLB_HALT;
      b.db0 = true;
      b.dev = Pc.SUSPEND_HALT_WAIT;
      return b.build();
    }

    @Override
    public int glbMask(FwState s, FwModel m) {
      return GLB_HALT;
    }
  }

  /** {@code panthor_fw_wait_mcu_halted} sees MCU_STATUS == HALT: the restart may be fast. */
  record HaltDone() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.dev() == Pc.SUSPEND_HALT_WAIT && s.mcu() == MCU_HALTED;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.resetFast = true;
      b.dev = Pc.SUSPEND_IRQ_1;
      return b.build();
    }
  }

  /** The halt wait times out: the next start will be slow. */
  record HaltTimeout() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.dev() == Pc.SUSPEND_HALT_WAIT && s.mcu() != MCU_HALTED;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.dev = Pc.SUSPEND_IRQ_1;
      return b.build();
    }
  }

  /**
   * {@code panthor_job_irq_suspend}, first step. The fixed order clears the software mask, then
   * INT_MASK, and sets {@code suspended} last; the old order (variant {@code irq-suspend-order})
   * set {@code suspended} first and cleared the software mask last.
   */
  record IrqSuspendStep1() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.dev() == Pc.SUSPEND_IRQ_1;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      if (m.config().bug(FwModel.IRQ_SUSPEND_ORDER)) {
        b.jobSusp = true;
      } else {
        b.jobSw = false;
      }
      b.dev = Pc.SUSPEND_IRQ_2;
      return b.build();
    }
  }

  /** {@code panthor_job_irq_suspend}, second step: write 0 to {@code JOB_INT_MASK}. */
  record IrqSuspendStep2() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.dev() == Pc.SUSPEND_IRQ_2;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.jobMask = false;
      b.dev = Pc.SUSPEND_IRQ_3;
      return b.build();
    }
  }

  /**
   * {@code panthor_job_irq_suspend}, last step, after {@code synchronize_irq} (the threaded
   * handler has finished); then the MCU is stopped ({@code panthor_fw_stop}).
   */
  record IrqSuspendStep3() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.dev() == Pc.SUSPEND_IRQ_3 && s.jobThread() == 0;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      if (m.config().bug(FwModel.IRQ_SUSPEND_ORDER)) {
        b.jobSw = false;
      } else {
        b.jobSusp = true;
      }
      b.mcu = MCU_DISABLED;
      b.dev = Pc.SUSPEND_POWER_OFF;
      return b.build();
    }
  }

  /**
   * {@code panthor_mmu_suspend} and {@code panthor_gpu_suspend}: their IRQs suspended, power and
   * clocks cut; SUSPENDED.
   */
  record SuspendPowerOff() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.dev() == Pc.SUSPEND_POWER_OFF;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.mmuIrq = FwModel.IRQ_SUSPENDED;
      b.gpuIrq = FwModel.IRQ_SUSPENDED;
      b.power = false;
      b.pm = PM_SUSPENDED;
      b.dev = Pc.IDLE;
      return b.build();
    }
  }

  /**
   * {@code panthor_device_resume} starts: RESUMING; a pending reset forces a slow start; power,
   * GPU and MMU IRQs back. The runtime-PM core refuses to resume after a latched error unless
   * the driver cleared it (the fix of {@code rpm-resume-error-sticky}).
   */
  record ResumeStart() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.pm() == PM_SUSPENDED && s.dev() == Pc.IDLE && !s.unplugged()
          && !(s.rpmError() && m.config().bug(FwModel.RPM_ERROR_STICKY));
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.rpmError = false;
      b.pm = PM_RESUMING;
      if (s.resetPending()) {
        b.resetFast = false;
        b.resetPending = false;
      }
      b.power = true;
      b.gpuIrq = FwModel.IRQ_ENABLED;
      b.mmuIrq = FwModel.IRQ_ENABLED;
      b.dev = Pc.RESUME_FW_POST;
      return b.build();
    }

    @Override
    public Driver driver() {
      return Driver.ENVIRONMENT;
    }
  }

  /** {@code panthor_sched_resume}; ACTIVE. */
  record ResumeSched() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.dev() == Pc.RESUME_SCHED;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.pm = PM_ACTIVE;
      b.dev = Pc.IDLE;
      return b.build();
    }
  }

  // ---------------------------------------------------------------- unplug

  /** Something unplugs the device (driver unbind or a fatal error elsewhere). */
  record UnplugStart() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return m.config().unplug() && s.unplug() == Pc.UNPLUG_NONE && !s.unplugged();
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.unplug = Pc.UNPLUG_1;
      return b.build();
    }

    @Override
    public Driver driver() {
      return Driver.ENVIRONMENT;
    }
  }

  /**
   * {@code panthor_device_unplug}, first step: take a runtime-PM reference, so that no suspend
   * can start, then (next step) mark the device unplugged. The old order (variant {@code
   * unplug-vs-suspend}) marked first. A reference on a device in a PM transition waits for it.
   */
  record UnplugStep1() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.unplug() == Pc.UNPLUG_1 && (s.dev() == Pc.IDLE || s.dev() == Pc.DEAD);
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      if (m.config().bug(FwModel.UNPLUG_VS_SUSPEND)) {
        b.unplugged = true;
      } else {
        b.pmRef = true;
      }
      b.unplug = Pc.UNPLUG_2;
      return b.build();
    }
  }

  /** {@code panthor_device_unplug}, second step. */
  record UnplugStep2() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.unplug() == Pc.UNPLUG_2 && (s.dev() == Pc.IDLE || s.dev() == Pc.DEAD);
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      if (m.config().bug(FwModel.UNPLUG_VS_SUSPEND)) {
        b.pmRef = true;
      } else {
        b.unplugged = true;
      }
      b.unplug = Pc.UNPLUG_SCHED;
      return b.build();
    }
  }

  /**
   * {@code panthor_sched_unplug}: cancel the tick and {@code disable_work_sync} the FW-events work
   * (drain it and refuse later queueing). The old code (variant {@code fw-events-after-unplug})
   * only cancelled the tick.
   */
  record UnplugSched() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.unplug() == Pc.UNPLUG_SCHED;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      if (!m.config().bug(FwModel.EVENTS_AFTER_UNPLUG)) {
        b.evDisabled = true;
        b.evWork = 0;
      }
      b.unplug = Pc.UNPLUG_FW;
      return b.build();
    }
  }

  /**
   * {@code panthor_fw_unplug}: stop the MCU, suspend the job IRQ and free the FW sections. The
   * code that added GLB_STATE support (variant {@code fw-unplug-halt-unbooted}) first asked the
   * FW to halt and waited for it, whatever state the FW was in.
   */
  record UnplugFw() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      // Cancelling the ping work waits for a running one (and its wait).
      return s.unplug() == Pc.UNPLUG_FW && s.waiting() == WAIT_NONE && s.glbSnap() < 0;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.pingArmed = false;
      if (m.config().bug(FwModel.UNPLUG_HALT_UNBOOTED)) {
        b.glbReq |= GLB_HALT;
        b.db0 = true;
        b.unplug = Pc.UNPLUG_HALT_WAIT;
        return b.build();
      }
      FwModel.freeFw(b);
      b.unplug = Pc.UNPLUG_IRQS;
      return b.build();
    }

    @Override
    public int glbMask(FwState s, FwModel m) {
      return GLB_HALT;
    }
  }

  /** Variant {@code fw-unplug-halt-unbooted}: the MCU reports halted; then the FW is freed. */
  record UnplugHaltDone() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.unplug() == Pc.UNPLUG_HALT_WAIT && s.mcu() == MCU_HALTED;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      FwModel.freeFw(b);
      b.unplug = Pc.UNPLUG_IRQS;
      return b.build();
    }
  }

  /** {@code panthor_mmu_unplug}, {@code panthor_gpu_unplug}: their IRQs suspended; PM put. */
  record UnplugIrqs() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.unplug() == Pc.UNPLUG_IRQS;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.mmuIrq = FwModel.IRQ_SUSPENDED;
      b.gpuIrq = FwModel.IRQ_SUSPENDED;
      b.pmRef = false;
      b.unplug = Pc.UNPLUG_DONE;
      return b.build();
    }
  }

  // ---------------------------------------------------------------- job IRQ

  /**
   * The raw job-IRQ handler ({@code PANTHOR_IRQ_HANDLER}): a suspended IRQ is not ours; otherwise
   * mask {@code JOB_INT_MASK} and wake the threaded handler.
   */
  record JobIrqRaw() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.power() && s.jobRaw() != 0 && s.jobMask() && s.jobThread() == 0 && !s.jobSusp();
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.jobMask = false;
      b.jobThread = 1;
      return b.build();
    }
  }

  /**
   * One batch of the threaded handler, {@code panthor_job_irq_handler}: clear the status bits
   * ({@code JOB_INT_CLEAR}), set {@code booted} on the first GLB bit, wake the ack waiters, and if
   * booted hand the bits to {@code panthor_sched_report_fw_events}, which queues the FW-events
   * work unless a reset is pending or in progress (or the work is disabled). Variant {@code
   * events-before-irq-clear} hands the bits over first and clears the status in a later step
   * ({@link JobIrqClear}).
   */
  record JobIrqBatch() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.jobThread() == 1 && s.jobSw() && s.jobRaw() != 0;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      int bits = s.jobRaw();
      if (m.config().bug(FwModel.EVENTS_BEFORE_CLEAR)) {
        b.jobThread = 2;
      } else {
        b.jobRaw = 0;
      }
      if (!b.booted && (bits & 1) != 0) {
        b.booted = true;
      }
      if (b.booted) {
        b.fwEvents |= bits;
        if (!s.schedReset() && !s.resetPending() && !s.evDisabled()) {
          b.evWork = 1;
        }
      }
      return b.build();
    }
  }

  /** Variant {@code events-before-irq-clear}: the status is cleared after the bits were used. */
  record JobIrqClear() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.jobThread() == 2;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.jobRaw = 0;
      b.jobThread = 1;
      return b.build();
    }
  }

  /**
   * The threaded handler's loop ends (no status bit left under the software mask): restore
   * {@code JOB_INT_MASK} from the software mask unless the IRQ was suspended meanwhile.
   */
  record JobIrqDone() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.jobThread() == 1 && (s.jobRaw() == 0 || !s.jobSw());
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.jobThread = 0;
      if (!s.jobSusp()) {
        b.jobMask = s.jobSw();
      }
      return b.build();
    }
  }

  // ---------------------------------------------------------------- FW events work

  /**
   * {@code process_fw_events_work}: {@code sched_process_global_irq_locked} acknowledges the GLB
   * idle event; {@code sched_process_csg_irq_locked} acknowledges each bound slot's CSG and CS
   * events (req := a snapshot of ack) and rings its CSG doorbell. It reads the FW interface
   * memory. Variant {@code toggle-from-req} computes the doorbell toggle from {@code req}.
   */
  record EventsWork() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      // It takes sched->lock, which the scheduler holds while it waits for a CSG ack.
      return s.evWork() == 1 && s.waiting() < FwModel.WAIT_CSG;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.evWork = 0;
      int ev = s.fwEvents();
      b.fwEvents = 0;
      if (!s.fwLoaded()) {
        return b.build(); // reads freed memory: NoFwAccessAfterFree
      }
      if ((ev & 1) != 0) {
        b.glbReq = m.config().bug(FwModel.ACK_BY_TOGGLE) ? b.glbReq ^ GLB_IDLE
            : (b.glbReq & ~GLB_IDLE) | (b.glbAck & GLB_IDLE);
      }
      boolean rang = false;
      for (int i = 0; i < m.config().slots(); i++) {
        int bit = 1 << i;
        if ((ev & (bit << 1)) == 0) {
          continue;
        }
        if ((s.bound() & bit) == 0) {
          if (m.config().bug(FwModel.ACK_UNBOUND_SLOT)) {
            b.csgEvtReq = (b.csgEvtReq & ~bit) | (b.csgEvtAck & bit);
          }
          continue;
        }
        b.csgEvtReq = (b.csgEvtReq & ~bit) | (b.csgEvtAck & bit);
        b.csFaultReq = (b.csFaultReq & ~bit) | (b.csFaultAck & bit);
        b.csgDbReq = m.config().bug(FwModel.TOGGLE_FROM_REQ) ? b.csgDbReq ^ bit
            : FwModel.toggle(b.csgDbReq, b.csgDbAck, bit);
        rang = true;
      }
      if (rang) {
        b.db0 = true;
      }
      return b.build();
    }

    @Override
    public int doorbellMask(FwState s, FwModel m) {
      return (s.fwEvents() >>> 1) & s.bound();
    }

    @Override
    public int glbMask(FwState s, FwModel m) {
      return GLB_IDLE;
    }
  }

  // ---------------------------------------------------------------- scheduler (abstract)

  /**
   * The scheduler binds a group to CSG slot {@code slot} and starts it ({@code
   * csg_slot_prog_locked}, {@code cs_slot_prog_locked}, then {@code csgs_upd_ctx_apply_locked}):
   * CSG_STATE := START, CS_STATE := START, toggle the slot's CSG doorbell request, ring doorbell
   * 0, and wait for the ack. Variant {@code missing-doorbell} forgets the ring.
   */
  record Bind(int slot) implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return FwModel.schedulerMayRun(s) && (s.bound() & (1 << slot)) == 0;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      int bit = 1 << slot;
      b.bound |= bit;
      b.csgStateReq = FwModel.setCsgState(b.csgStateReq, slot, CSG_START);
      b.csStart |= bit;
      FwModel.ringCsg(b, s, m, slot);
      return b.build();
    }

    @Override
    public int doorbellMask(FwState s, FwModel m) {
      return 1 << slot;
    }

    @Override
    public Driver driver() {
      return Driver.ENVIRONMENT;
    }
  }

  /**
   * The scheduler terminates the group on slot {@code slot} (its state request acked, FH-5):
   * CSG_STATE := TERMINATE, CS_STATE := STOP ({@code cs_slot_reset_locked}), doorbell, wait.
   */
  record Unbind(int slot) implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return (FwModel.schedulerMayRun(s) && (s.bound() & (1 << slot)) != 0
          && FwModel.csgState(s.csgStateReq(), slot) == FwModel.csgState(s.csgStateAck(), slot))
          || (m.config().bug(FwModel.STATE_OVERWRITE) && s.waiting() == FwModel.WAIT_CSG + slot
              && FwModel.csgState(s.csgStateReq(), slot) == CSG_START);
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.csgStateReq = FwModel.setCsgState(b.csgStateReq, slot, CSG_TERMINATE);
      b.csStart &= ~(1 << slot);
      FwModel.ringCsg(b, s, m, slot);
      return b.build();
    }

    @Override
    public int doorbellMask(FwState s, FwModel m) {
      return 1 << slot;
    }

    @Override
    public Driver driver() {
      return Driver.ENVIRONMENT;
    }
  }

  // ---------------------------------------------------------------- request-with-wait, ping

  /**
   * {@code panthor_fw_wait_acks} succeeds: the awaited bits are acked. After a ping the work
   * re-arms ({@code panthor_fw_ping_work}); after a TERMINATE the slot is free.
   */
  record WaitAcked() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.waiting() != WAIT_NONE && FwModel.acked(s);
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.waiting = WAIT_NONE;
      if (s.waiting() == WAIT_PING) {
        b.pingArmed = true;
      } else {
        int slot = s.waiting() - FwModel.WAIT_CSG;
        if (FwModel.csgState(s.csgStateReq(), slot) == CSG_TERMINATE) {
          b.bound &= ~(1 << slot);
        }
      }
      return b.build();
    }
  }

  /**
   * {@code panthor_fw_wait_acks} times out (100 ms) while the FW has not acked: the driver never
   * retries; it schedules a device reset ({@code panthor_device_schedule_reset}).
   */
  record WaitTimeout() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.waiting() != WAIT_NONE && !FwModel.acked(s);
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.waiting = WAIT_NONE;
      FwModel.scheduleReset(b);
      return b.build();
    }
  }

  /**
   * {@code panthor_fw_ping_work}: unless a reset is pending, toggle GLB_PING, ring doorbell 0 and
   * wait for the ack. The ping work does not take {@code sched->lock}, so the FW-events work may
   * run during its wait. Variant {@code non-atomic-toggle} only reads the word here (see {@link
   * PingWrite}).
   */
  record PingWork() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.pingArmed() && s.pm() == PM_ACTIVE && s.dev() == Pc.IDLE && s.waiting() == WAIT_NONE
          && s.glbSnap() < 0;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.pingArmed = false;
      if (!s.resetPending()) {
        int toggled = FwModel.toggle(b.glbReq, b.glbAck, GLB_PING);
        if (m.config().bug(FwModel.NON_ATOMIC_TOGGLE)) {
          b.glbSnap = toggled;
          return b.build();
        }
        b.glbReq = toggled;
        b.db0 = true;
        b.waiting = WAIT_PING;
      }
      return b.build();
    }

    @Override
    public int glbMask(FwState s, FwModel m) {
      return GLB_PING;
    }
  }

  /**
   * Variant {@code non-atomic-toggle}: the second half of the ping work's GLB_PING toggle. It
   * writes back the whole GLB {@code req} word as it was read in {@link PingWork} (PING
   * flipped), rings doorbell 0 and starts the wait. Any other bit written in between, such as
   * the FW-events work's acknowledgement of the idle event, is lost.
   */
  record PingWrite() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.glbSnap() >= 0;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.glbReq = s.glbSnap();
      b.db0 = true;
      b.waiting = WAIT_PING;
      b.glbSnap = -1;
      return b.build();
    }

    @Override
    public int glbMask(FwState s, FwModel m) {
      return GLB_PING;
    }
  }

  // ---------------------------------------------------------------- GPU cache flush

  /** {@code panthor_gpu_flush_caches}: write GPU_CMD (clean/invalidate) and wait. */
  record FlushRequest() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return m.config().flush() && s.pm() == PM_ACTIVE && s.dev() == Pc.IDLE && s.power()
          && s.flush() == 0
          && !s.unplugged() && s.booted();
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.flush = 1;
      return b.build();
    }

    @Override
    public Driver driver() {
      return Driver.ENVIRONMENT;
    }
  }

  /** The GPU completes the flush and raises CLEAN_CACHES_COMPLETED. */
  record GpuFlushComplete() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.flush() == 1 && s.power();
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.flush = 2;
      return b.build();
    }

    @Override
    public boolean host() {
      return false;
    }

    @Override
    public Driver driver() {
      return Driver.DEVICE;
    }
  }

  /** {@code panthor_gpu_irq_handler} handles the completion and wakes the flush waiter. */
  record GpuIrqFlushDone() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.flush() == 2 && (s.gpuIrq() & FwModel.IRQ_MASK) != 0;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.flush = 0;
      return b.build();
    }
  }

  /** The flush wait times out (newer code): the flush gives up and schedules a reset. */
  record FlushTimeout() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.flush() != 0;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.flush = 0;
      FwModel.scheduleReset(b);
      return b.build();
    }
  }

  // ---------------------------------------------------------------- the FW (MCU)

  /**
   * The FW sees doorbell 0: it halts if GLB_HALT is set; otherwise it completes every pending GLB
   * request (ack := req), and for every CSG whose doorbell request is pending it acks the
   * doorbell and echoes CSG_STATE and CS_STATE, raising the job IRQ for what changed (the GLB
   * bit for GLB acks in {@code ack_irq_mask}, CSG bit i for slot i).
   */
  record FwDoorbell() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.mcu() == MCU_RUNNING && s.db0();
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.db0 = false;
      if ((s.glbReq() & GLB_HALT) != 0) {
        b.mcu = MCU_HALTED;
        return b.build();
      }
      int reqs = GLB_CFG | GLB_PING;
      if (((s.glbReq() ^ s.glbAck()) & reqs) != 0) {
        b.glbAck = (b.glbAck & ~reqs) | (b.glbReq & reqs);
        b.jobRaw |= 1;
      }
      for (int i = 0; i < m.config().slots(); i++) {
        int bit = 1 << i;
        if (((s.csgDbReq() ^ s.csgDbAck()) & bit) == 0) {
          continue;
        }
        b.csgDbAck = (b.csgDbAck & ~bit) | (b.csgDbReq & bit);
        b.csStartAck = (b.csStartAck & ~bit) | (b.csStart & bit);
        int want = FwModel.csgState(s.csgStateReq(), i);
        if (FwModel.csgState(s.csgStateAck(), i) != want) {
          b.csgStateAck = FwModel.setCsgState(b.csgStateAck, i, want);
          b.jobRaw |= bit << 1;
        }
      }
      return b.build();
    }

    @Override
    public boolean host() {
      return false;
    }

    @Override
    public Driver driver() {
      return Driver.DEVICE;
    }
  }

  /** The FW raises the GLB idle event (ack := NOT req), if it is not pending. */
  record FwGlbIdle() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return s.mcu() == MCU_RUNNING && (((s.glbReq() ^ s.glbAck()) & GLB_IDLE) == 0
          || m.config().bug(FwModel.FW_REPEATS_EVENT));
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.glbAck ^= GLB_IDLE;
      b.jobRaw |= 1;
      return b.build();
    }

    @Override
    public boolean host() {
      return false;
    }
  }

  /** The FW raises a CSG event (sync update / idle) on a running slot, if not pending. */
  record FwCsgEvent(int slot) implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      int bit = 1 << slot;
      return m.config().events() && s.mcu() == MCU_RUNNING
          && FwModel.csgState(s.csgStateAck(), slot) == CSG_START
          && ((s.csgEvtReq() ^ s.csgEvtAck()) & bit) == 0;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.csgEvtAck ^= 1 << slot;
      b.jobRaw |= 2 << slot;
      return b.build();
    }

    @Override
    public boolean host() {
      return false;
    }
  }

  /** The FW raises CS_FAULT on a started stream, if not pending (via {@code cs_irq_req}). */
  record FwCsFault(int slot) implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      int bit = 1 << slot;
      return m.config().events() && s.mcu() == MCU_RUNNING && (s.csStartAck() & bit) != 0
          && ((s.csFaultReq() ^ s.csFaultAck()) & bit) == 0;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.csFaultAck ^= 1 << slot;
      b.jobRaw |= 2 << slot;
      return b.build();
    }

    @Override
    public boolean host() {
      return false;
    }
  }

  /** The FW hangs: it stops answering anything. */
  record FwHang() implements FwAction {
    @Override
    public boolean enabled(FwState s, FwModel m) {
      return m.config().hang() && s.mcu() == MCU_RUNNING;
    }

    @Override
    public FwState apply(FwState s, FwModel m) {
      FwState.B b = s.edit();
      b.mcu = MCU_HUNG;
      return b.build();
    }

    @Override
    public boolean host() {
      return false;
    }
  }
}
