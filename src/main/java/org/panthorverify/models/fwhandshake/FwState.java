package org.panthorverify.models.fwhandshake;

/**
 * A state of the firmware-handshake and device-lifecycle model. Plain values only (booleans,
 * small ints and bit masks over CSG slots), so that the canonical encoding is the components in
 * order. Bit {@code i} of a slot mask is CSG slot {@code i}; bit 0 of {@link #jobRaw} is the GLB
 * bit of {@code JOB_INT_STAT}, bit {@code i + 1} is CSG slot {@code i}.
 *
 * @param pm runtime-PM state: {@link FwModel#PM_ACTIVE} ... {@link FwModel#PM_RESUMING}
 * @param dev program counter of the device thread (probe, reset work, PM callbacks), {@link Pc}
 * @param resetPending {@code reset.pending}
 * @param resetQueued the reset work is queued
 * @param resetFast {@code reset.fast}: the next FW start may skip reloading the sections
 * @param resetFailed the FW did not come back in the current reset
 * @param schedReset {@code sched->reset.in_progress}
 * @param unplugged the device is marked unplugged
 * @param unplug program counter of the unplug thread, {@link Pc}
 * @param pmRef unplug holds a runtime-PM reference
 * @param power the GPU has clocks and power
 * @param rpmError the runtime-PM core latched a resume error
 * @param mcu MCU state: {@link FwModel#MCU_DISABLED} ... {@link FwModel#MCU_HALTED}
 * @param booted {@code fw->booted}
 * @param fwLoaded the FW sections (and the interface memory in them) exist
 * @param imageGood the FW memory image is bootable (a failed boot leaves it unusable)
 * @param reloaded the sections were reloaded since the last boot attempt
 * @param lastBootFailed the last boot attempt failed
 * @param glbReq GLB input {@code req}: bit 0 HALT (value), 1 CFG (toggle), 2 PING (toggle), 3
 *     IDLE (event)
 * @param glbAck GLB output {@code ack}, same bits
 * @param db0 doorbell 0 rung and not yet seen by the FW
 * @param csgDbReq GLB {@code doorbell_req}, one toggle bit per CSG slot
 * @param csgDbAck GLB {@code doorbell_ack}
 * @param bound slots with a group bound
 * @param csgStateReq CSG_STATE request, two bits per slot (0 TERMINATE, 1 START)
 * @param csgStateAck CSG_STATE echoed by the FW
 * @param csgEvtReq CSG event bits (SYNC_UPDATE/IDLE, merged), host side
 * @param csgEvtAck CSG event bits, FW side
 * @param csStart CS_STATE request per slot (1 START)
 * @param csStartAck CS_STATE echoed by the FW
 * @param csFaultReq CS_FAULT event bits, host side
 * @param csFaultAck CS_FAULT event bits, FW side
 * @param jobRaw {@code JOB_INT_RAWSTAT}
 * @param jobMask {@code JOB_INT_MASK} (all bits or none)
 * @param jobSw the job IRQ's software mask
 * @param jobSusp the job IRQ's {@code suspended} flag
 * @param jobThread the threaded job-IRQ handler: 0 idle, 1 running, 2 bits handed over but not
 *     cleared yet (variant {@code events-before-irq-clear})
 * @param gpuIrq GPU IRQ block: bit 0 mask, 1 software mask, 2 suspended
 * @param mmuIrq MMU IRQ block: same bits
 * @param fwEvents {@code sched->fw_events}
 * @param evWork the FW-events work: 0 idle, 1 queued
 * @param evDisabled the FW-events work is disabled (cannot be queued)
 * @param waiting a request-with-wait in progress: 0 none, 1 ping, 2 + i CSG slot i
 * @param pingArmed the ping work is armed
 * @param flush GPU cache flush: 0 none, 1 requested, 2 completed (IRQ raised)
 * @param glbSnap variant {@code non-atomic-toggle}: the GLB {@code req} word (PING toggled) that
 *     the ping work read and has not written back yet; -1 when no toggle is half done
 */
public record FwState(
    int pm,
    int dev,
    boolean resetPending,
    boolean resetQueued,
    boolean resetFast,
    boolean resetFailed,
    boolean schedReset,
    boolean unplugged,
    int unplug,
    boolean pmRef,
    boolean power,
    boolean rpmError,
    int mcu,
    boolean booted,
    boolean fwLoaded,
    boolean imageGood,
    boolean reloaded,
    boolean lastBootFailed,
    int glbReq,
    int glbAck,
    boolean db0,
    int csgDbReq,
    int csgDbAck,
    int bound,
    int csgStateReq,
    int csgStateAck,
    int csgEvtReq,
    int csgEvtAck,
    int csStart,
    int csStartAck,
    int csFaultReq,
    int csFaultAck,
    int jobRaw,
    boolean jobMask,
    boolean jobSw,
    boolean jobSusp,
    int jobThread,
    int gpuIrq,
    int mmuIrq,
    int fwEvents,
    int evWork,
    boolean evDisabled,
    int waiting,
    boolean pingArmed,
    int flush,
    int glbSnap) {

  /** A mutable copy, for actions to build their successor. */
  B edit() {
    return new B(this);
  }

  /** Mutable twin of {@link FwState}; used only inside one action's {@code apply}. */
  static final class B {
    int pm;
    int dev;
    boolean resetPending;
    boolean resetQueued;
    boolean resetFast;
    boolean resetFailed;
    boolean schedReset;
    boolean unplugged;
    int unplug;
    boolean pmRef;
    boolean power;
    boolean rpmError;
    int mcu;
    boolean booted;
    boolean fwLoaded;
    boolean imageGood;
    boolean reloaded;
    boolean lastBootFailed;
    int glbReq;
    int glbAck;
    boolean db0;
    int csgDbReq;
    int csgDbAck;
    int bound;
    int csgStateReq;
    int csgStateAck;
    int csgEvtReq;
    int csgEvtAck;
    int csStart;
    int csStartAck;
    int csFaultReq;
    int csFaultAck;
    int jobRaw;
    boolean jobMask;
    boolean jobSw;
    boolean jobSusp;
    int jobThread;
    int gpuIrq;
    int mmuIrq;
    int fwEvents;
    int evWork;
    boolean evDisabled;
    int waiting;
    boolean pingArmed;
    int flush;
    int glbSnap;

    B(FwState s) {
      pm = s.pm;
      dev = s.dev;
      resetPending = s.resetPending;
      resetQueued = s.resetQueued;
      resetFast = s.resetFast;
      resetFailed = s.resetFailed;
      schedReset = s.schedReset;
      unplugged = s.unplugged;
      unplug = s.unplug;
      pmRef = s.pmRef;
      power = s.power;
      rpmError = s.rpmError;
      mcu = s.mcu;
      booted = s.booted;
      fwLoaded = s.fwLoaded;
      imageGood = s.imageGood;
      reloaded = s.reloaded;
      lastBootFailed = s.lastBootFailed;
      glbReq = s.glbReq;
      glbAck = s.glbAck;
      db0 = s.db0;
      csgDbReq = s.csgDbReq;
      csgDbAck = s.csgDbAck;
      bound = s.bound;
      csgStateReq = s.csgStateReq;
      csgStateAck = s.csgStateAck;
      csgEvtReq = s.csgEvtReq;
      csgEvtAck = s.csgEvtAck;
      csStart = s.csStart;
      csStartAck = s.csStartAck;
      csFaultReq = s.csFaultReq;
      csFaultAck = s.csFaultAck;
      jobRaw = s.jobRaw;
      jobMask = s.jobMask;
      jobSw = s.jobSw;
      jobSusp = s.jobSusp;
      jobThread = s.jobThread;
      gpuIrq = s.gpuIrq;
      mmuIrq = s.mmuIrq;
      fwEvents = s.fwEvents;
      evWork = s.evWork;
      evDisabled = s.evDisabled;
      waiting = s.waiting;
      pingArmed = s.pingArmed;
      flush = s.flush;
      glbSnap = s.glbSnap;
    }

    FwState build() {
      return new FwState(pm, dev, resetPending, resetQueued, resetFast, resetFailed, schedReset,
          unplugged, unplug, pmRef, power, rpmError, mcu, booted, fwLoaded, imageGood, reloaded,
          lastBootFailed, glbReq, glbAck, db0, csgDbReq, csgDbAck, bound, csgStateReq,
          csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck, jobRaw,
          jobMask, jobSw, jobSusp, jobThread, gpuIrq, mmuIrq, fwEvents, evWork, evDisabled,
          waiting,
          pingArmed, flush, glbSnap);
    }
  }
}
