----------------------------- MODULE FwHandshake -----------------------------
(***************************************************************************)
(* The host <-> MCU firmware handshake and the device lifecycle of the     *)
(* panthor driver: the TLA+ twin of the Java model                         *)
(* org.panthorverify.models.fwhandshake (FwModel, FwState, FwAction,       *)
(* FwProperties; see specs/fw-handshake/README.md).                        *)
(*                                                                         *)
(* Variables and actions have the names of the FwState record components   *)
(* and of the FwAction records, and every variable holds exactly the value *)
(* the Java field holds (ints for program counters, enums and bit masks,   *)
(* BOOLEAN for booleans), so states correspond one to one and TLC finds    *)
(* the same number of distinct states as the Java explorer: 33,465 (depth  *)
(* 38) for MC_small, 1,938,915 (depth 76) for MC_default                   *)
(* (FwTlcCrossCheckTest).                                                  *)
(*                                                                         *)
(* Bit masks are naturals; the bit operators below are defined by          *)
(* recursion over the (few) bits in use.  Bit i of a slot mask is CSG slot *)
(* i; bit 0 of jobRaw (and fwEvents) is the GLB bit, bit i + 1 is CSG slot *)
(* i.  csgStateReq/csgStateAck hold two bits per slot.  glbSnap is -1, or  *)
(* the GLB req word (PING toggled) that a split ping work read and has not *)
(* written back yet (variant non-atomic-toggle).                           *)
(*                                                                         *)
(* Variant is the seeded bug switched on ("none" for the correct model),   *)
(* named as in FwModel.VARIANTS; Bug(v) tests it.  All 15 variants are     *)
(* here, and each one fails in TLC on the counterpart of its Java property *)
(* with a shortest trace as long as the Java one (FwTlcVariantsTest).      *)
(*                                                                         *)
(* Properties: the invariants FH-8, FH-9 and the device invariants; the    *)
(* action properties FH-1 ... FH-7 and FwReloadAfterFailedBoot, which name *)
(* the host and FW steps (HostStep, HostUpdateStep, FwStep, ReloadStep)    *)
(* and each step's write masks; the liveness properties FL-1 ... FL-4      *)
(* under Fairness (LiveSpec, MC_small_live.cfg; FwTlcLivenessTest).  FH-n  *)
(* and FL-n are FHn_... and FL_n here, as TLA+ identifiers cannot hold a   *)
(* dash.                                                                   *)
(***************************************************************************)
EXTENDS Naturals, Integers, FiniteSets

CONSTANTS
  Slots,    \* CSG slots (one CS each), 1..4
  Hang,     \* the FW may hang (stop answering)
  Unplug,   \* the device may be unplugged at any time (not only after a failed boot)
  Suspend,  \* runtime PM may suspend and resume the device
  Events,   \* the FW raises CSG and CS events (the GLB idle event is always on)
  Flush,    \* GPU cache flushes (their completion IRQ and timeout) are modelled
  Variant   \* "none", or one variant name of FwModel.VARIANTS

ASSUME Slots \in 1..4
ASSUME {Hang, Unplug, Suspend, Events, Flush} \subseteq BOOLEAN
ASSUME Variant \in {"none", "fw-fast-reset-flag-stale", "fw-unplug-halt-unbooted",
                    "fw-events-after-unplug", "irq-suspend-order", "post-reset-skipped",
                    "rpm-resume-error-sticky", "unplug-vs-suspend", "toggle-from-req",
                    "missing-doorbell", "non-atomic-toggle", "events-before-irq-clear",
                    "event-ack-by-toggle", "fw-raises-pending-event", "csg-state-overwrite",
                    "ack-unbound-slot"}

Bug(v) == Variant = v

SlotIds == 0..(Slots - 1)

-----------------------------------------------------------------------------
(* Constants of FwModel and Pc.                                            *)

\* Runtime-PM states.
PM_ACTIVE == 0
PM_SUSPENDING == 1
PM_SUSPENDED == 2
PM_RESUMING == 3
\* MCU states.
MCU_DISABLED == 0
MCU_BOOTING == 1
MCU_RUNNING == 2
MCU_HUNG == 3
MCU_HALTED == 4
\* GLB req/ack bits (abstract positions): HALT is a value, CFG and PING are
\* toggle requests, IDLE is a FW event.
GLB_HALT == 1
GLB_CFG == 2
GLB_PING == 4
GLB_IDLE == 8
GLB_REQS == GLB_CFG + GLB_PING
\* CSG_STATE values.
CSG_TERMINATE == 0
CSG_START == 1
\* Request-with-wait: none, ping, or WAIT_CSG + slot.
WAIT_NONE == 0
WAIT_PING == 1
WAIT_CSG == 2
\* IRQ block bits (GPU and MMU): 1 mask, 2 software mask, 4 suspended.
IRQ_MASK == 1
IRQ_ENABLED == 3
IRQ_SUSPENDED == 4
\* Device thread program counter (probe, reset work, runtime-PM callbacks).
PC_IDLE == 0
PC_PROBE_LOAD == 1
PC_PROBE_BOOT_WAIT == 2
PC_DEAD == 3
PC_RESET_SCHED_PRE == 4
PC_RESET_FW_PRE == 5
PC_RESET_GPU == 6
PC_RESET_FW_POST == 7
PC_RESET_BOOT_WAIT == 8
PC_RESET_FINISH == 9
PC_SUSPEND_SCHED == 10
PC_SUSPEND_FW == 11
PC_SUSPEND_HALT_WAIT == 12
PC_SUSPEND_IRQ_1 == 13
PC_SUSPEND_IRQ_2 == 14
PC_SUSPEND_IRQ_3 == 15
PC_SUSPEND_POWER_OFF == 16
PC_RESUME_FW_POST == 17
PC_RESUME_BOOT_WAIT == 18
PC_RESUME_SCHED == 19
\* Unplug thread program counter.
UNPLUG_NONE == 0
UNPLUG_1 == 1
UNPLUG_2 == 2
UNPLUG_SCHED == 3
UNPLUG_FW == 4
UNPLUG_HALT_WAIT == 5
UNPLUG_IRQS == 6
UNPLUG_DONE == 7

InReset(pc) == pc \in PC_RESET_SCHED_PRE..PC_RESET_FINISH
BootWait(pc) == pc \in {PC_PROBE_BOOT_WAIT, PC_RESET_BOOT_WAIT, PC_RESUME_BOOT_WAIT}

-----------------------------------------------------------------------------
(* Bit operations on naturals.                                             *)

RECURSIVE BitAnd(_, _)
BitAnd(x, y) ==
  IF x = 0 \/ y = 0 THEN 0
  ELSE 2 * BitAnd(x \div 2, y \div 2) + (IF x % 2 = 1 /\ y % 2 = 1 THEN 1 ELSE 0)

RECURSIVE BitXor(_, _)
BitXor(x, y) ==
  IF x = 0 THEN y
  ELSE IF y = 0 THEN x
  ELSE 2 * BitXor(x \div 2, y \div 2) + (IF x % 2 # y % 2 THEN 1 ELSE 0)

BitOr(x, y) == x + y - BitAnd(x, y)

\* x & ~m
BitClear(x, m) == x - BitAnd(x, m)

\* (dst & ~m) | (src & m): copy the bits of m from src into dst.
CopyBits(dst, src, m) == BitClear(dst, m) + BitAnd(src, m)

\* panthor_fw_toggle_reqs: for each bit of mask, req := NOT ack.
Toggle(req, ack, mask) == BitClear(req, mask) + (mask - BitAnd(ack, mask))

\* The slot mask of a set of slots.
SetToMask(S) ==
  LET f[n \in 0..Slots] == IF n = 0 THEN 0
                           ELSE f[n - 1] + (IF n - 1 \in S THEN 2^(n - 1) ELSE 0)
  IN f[Slots]

\* The two-bit CSG_STATE field of slot in a csgState word.
CsgState(word, slot) == (word \div 4^slot) % 4

SetCsgState(word, slot, value) == word + (value - CsgState(word, slot)) * 4^slot

\* ack with the CSG_STATE fields of the slots in chg (a slot mask) copied from req.
MergeCsgState(ack, req, chg) ==
  LET f[n \in 0..Slots] ==
        IF n = 0 THEN 0
        ELSE f[n - 1] + 4^(n - 1) * (IF BitAnd(chg, 2^(n - 1)) # 0
                                       THEN CsgState(req, n - 1) ELSE CsgState(ack, n - 1))
  IN f[Slots]

-----------------------------------------------------------------------------
VARIABLES
  pm,             \* runtime-PM state, PM_ACTIVE .. PM_RESUMING
  dev,            \* program counter of the device thread, PC_*
  resetPending,   \* reset.pending
  resetQueued,    \* the reset work is queued
  resetFast,      \* reset.fast: the next FW start may skip reloading the sections
  resetFailed,    \* the FW did not come back in the current reset
  schedReset,     \* sched->reset.in_progress
  unplugged,      \* the device is marked unplugged
  unplug,         \* program counter of the unplug thread, UNPLUG_*
  pmRef,          \* unplug holds a runtime-PM reference
  power,          \* the GPU has clocks and power
  rpmError,       \* the runtime-PM core latched a resume error
  mcu,            \* MCU state, MCU_*
  booted,         \* fw->booted
  fwLoaded,       \* the FW sections (and the interface memory in them) exist
  imageGood,      \* the FW memory image is bootable
  reloaded,       \* the sections were reloaded since the last boot attempt
  lastBootFailed, \* the last boot attempt failed
  glbReq,         \* GLB input req: GLB_HALT, GLB_CFG, GLB_PING, GLB_IDLE bits
  glbAck,         \* GLB output ack, same bits
  db0,            \* doorbell 0 rung and not yet seen by the FW
  csgDbReq,       \* GLB doorbell_req, a toggle bit per CSG slot
  csgDbAck,       \* GLB doorbell_ack
  bound,          \* slots with a group bound
  csgStateReq,    \* CSG_STATE request, two bits per slot
  csgStateAck,    \* CSG_STATE echoed by the FW
  csgEvtReq,      \* CSG event bits, host side
  csgEvtAck,      \* CSG event bits, FW side
  csStart,        \* CS_STATE request per slot (1 START)
  csStartAck,     \* CS_STATE echoed by the FW
  csFaultReq,     \* CS_FAULT event bits, host side
  csFaultAck,     \* CS_FAULT event bits, FW side
  jobRaw,         \* JOB_INT_RAWSTAT: bit 0 GLB, bit i + 1 CSG slot i
  jobMask,        \* JOB_INT_MASK (all bits or none)
  jobSw,          \* the job IRQ's software mask
  jobSusp,        \* the job IRQ's suspended flag
  jobThread,      \* threaded job-IRQ handler: 0 idle, 1 running, 2 bits used, not cleared
  gpuIrq,         \* GPU IRQ block: bit 0 mask, 1 software mask, 2 suspended
  mmuIrq,         \* MMU IRQ block: same bits
  fwEvents,       \* sched->fw_events (same bits as jobRaw)
  evWork,         \* the FW-events work: 0 idle, 1 queued
  evDisabled,     \* the FW-events work is disabled (cannot be queued)
  waiting,        \* request-with-wait in progress: WAIT_NONE, WAIT_PING, WAIT_CSG + slot
  pingArmed,      \* the ping work is armed
  flush,          \* GPU cache flush: 0 none, 1 requested, 2 completed (IRQ raised)
  glbSnap         \* variant non-atomic-toggle: GLB req read by PingWork (PING toggled), or -1

vars == <<pm, dev, resetPending, resetQueued, resetFast, resetFailed, schedReset, unplugged,
          unplug, pmRef, power, rpmError, mcu, booted, fwLoaded, imageGood, reloaded,
          lastBootFailed, glbReq, glbAck, db0, csgDbReq, csgDbAck, bound, csgStateReq,
          csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck,
          jobRaw, jobMask, jobSw, jobSusp, jobThread, gpuIrq, mmuIrq, fwEvents, evWork,
          evDisabled, waiting, pingArmed, flush, glbSnap>>

SlotMaskAll == 2^Slots - 1

TypeOK ==
  /\ pm \in 0..3
  /\ dev \in 0..19
  /\ unplug \in 0..7
  /\ mcu \in 0..4
  /\ {resetPending, resetQueued, resetFast, resetFailed, schedReset, unplugged, pmRef, power,
      rpmError, booted, fwLoaded, imageGood, reloaded, lastBootFailed, db0, jobMask, jobSw,
      jobSusp, evDisabled, pingArmed} \subseteq BOOLEAN
  /\ glbReq \in 0..15 /\ glbAck \in 0..15
  /\ {csgDbReq, csgDbAck, bound, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq,
      csFaultAck} \subseteq 0..SlotMaskAll
  /\ {csgStateReq, csgStateAck} \subseteq 0..(4^Slots - 1)
  /\ {jobRaw, fwEvents} \subseteq 0..(2 * SlotMaskAll + 1)
  /\ jobThread \in 0..2
  /\ {gpuIrq, mmuIrq} \subseteq 0..7
  /\ evWork \in 0..1
  /\ waiting \in 0..(WAIT_CSG + Slots - 1)
  /\ flush \in 0..2
  /\ glbSnap \in -1..15

Init ==
  /\ pm = PM_ACTIVE
  /\ dev = PC_PROBE_LOAD
  /\ resetPending = FALSE
  /\ resetQueued = FALSE
  /\ resetFast = FALSE
  /\ resetFailed = FALSE
  /\ schedReset = FALSE
  /\ unplugged = FALSE
  /\ unplug = UNPLUG_NONE
  /\ pmRef = FALSE
  /\ power = TRUE
  /\ rpmError = FALSE
  /\ mcu = MCU_DISABLED
  /\ booted = FALSE
  /\ fwLoaded = FALSE
  /\ imageGood = FALSE
  /\ reloaded = FALSE
  /\ lastBootFailed = FALSE
  /\ glbReq = 0
  /\ glbAck = 0
  /\ db0 = FALSE
  /\ csgDbReq = 0
  /\ csgDbAck = 0
  /\ bound = 0
  /\ csgStateReq = 0
  /\ csgStateAck = 0
  /\ csgEvtReq = 0
  /\ csgEvtAck = 0
  /\ csStart = 0
  /\ csStartAck = 0
  /\ csFaultReq = 0
  /\ csFaultAck = 0
  /\ jobRaw = 0
  /\ jobMask = FALSE
  /\ jobSw = FALSE
  /\ jobSusp = FALSE
  /\ jobThread = 0
  /\ gpuIrq = IRQ_ENABLED
  /\ mmuIrq = IRQ_ENABLED
  /\ fwEvents = 0
  /\ evWork = 0
  /\ evDisabled = FALSE
  /\ waiting = WAIT_NONE
  /\ pingArmed = FALSE
  /\ flush = 0
  /\ glbSnap = -1

-----------------------------------------------------------------------------
(* Shared predicates (FwModel.schedulerMayRun, FwModel.acked).             *)

\* The abstract scheduler (tick) may issue CSG requests.
SchedulerMayRun ==
  /\ pm = PM_ACTIVE /\ dev = PC_IDLE /\ booted /\ fwLoaded
  /\ ~schedReset /\ ~resetPending /\ ~unplugged /\ waiting = WAIT_NONE /\ glbSnap < 0

\* The request being waited for is acknowledged.
Acked ==
  IF waiting = WAIT_PING
    THEN BitAnd(BitXor(glbReq, glbAck), GLB_PING) = 0
    ELSE CsgState(csgStateReq, waiting - WAIT_CSG) = CsgState(csgStateAck, waiting - WAIT_CSG)

-----------------------------------------------------------------------------
(* The actions, in the order of FwModel.allActions.  Each helper call      *)
(* (panthor_fw_toggle_reqs, panthor_fw_update_reqs) is one atomic step, as *)
(* the kernel's per-interface spinlock makes it.                           *)

(* Probe: panthor_fw_init loads the FW sections (panthor_fw_load) and       *)
(* starts the MCU (panthor_fw_start: booted := FALSE, job IRQ unmasked,     *)
(* MCU_CONTROL := AUTO).                                                    *)
ProbeLoad ==
  /\ dev = PC_PROBE_LOAD
  /\ dev' = PC_PROBE_BOOT_WAIT
  /\ mcu' = MCU_BOOTING
  /\ booted' = FALSE
  /\ fwLoaded' = TRUE
  /\ imageGood' = TRUE
  /\ reloaded' = TRUE
  /\ jobMask' = TRUE
  /\ jobSw' = TRUE
  /\ jobSusp' = FALSE
  /\ UNCHANGED <<pm, resetPending, resetQueued, resetFast, resetFailed, schedReset, unplugged,
                 unplug, pmRef, power, rpmError, lastBootFailed, glbReq, glbAck, db0, csgDbReq,
                 csgDbAck, bound, csgStateReq, csgStateAck, csgEvtReq, csgEvtAck, csStart,
                 csStartAck, csFaultReq, csFaultAck, jobRaw, jobThread, gpuIrq, mmuIrq, fwEvents,
                 evWork, evDisabled, waiting, pingArmed, flush, glbSnap>>

(* panthor_fw_start saw booted: panthor_fw_init_global_iface toggles the    *)
(* CFG requests and rings doorbell 0; the ping work is armed. The caller    *)
(* (probe, reset work, resume) continues.                                   *)
HostBootOk ==
  /\ BootWait(dev)
  /\ booted
  /\ dev' = CASE dev = PC_PROBE_BOOT_WAIT -> PC_IDLE
           [] dev = PC_RESET_BOOT_WAIT -> PC_RESET_FINISH
           [] OTHER -> PC_RESUME_SCHED
  /\ resetFailed' = IF dev = PC_RESET_BOOT_WAIT THEN FALSE ELSE resetFailed
  /\ reloaded' = FALSE
  /\ lastBootFailed' = FALSE
  /\ glbReq' = Toggle(glbReq, glbAck, GLB_CFG)
  /\ db0' = TRUE
  /\ pingArmed' = TRUE
  /\ UNCHANGED <<pm, resetPending, resetQueued, resetFast, schedReset, unplugged, unplug, pmRef,
                 power, rpmError, mcu, booted, fwLoaded, imageGood, glbAck, csgDbReq, csgDbAck,
                 bound, csgStateReq, csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck,
                 csFaultReq, csFaultAck, jobRaw, jobMask, jobSw, jobSusp, jobThread, gpuIrq,
                 mmuIrq, fwEvents, evWork, evDisabled, waiting, flush, glbSnap>>

(* panthor_fw_start timed out waiting for booted: the MCU is stopped and    *)
(* the job IRQ suspended. Probe fails (the error path unplugs), the reset   *)
(* fails, or panthor_device_resume retries a failed fast restart once as a  *)
(* slow one; a failed slow resume powers the GPU down and latches a         *)
(* runtime-PM error.                                                        *)
HostBootTimeout ==
  LET SlowResumeFails == dev = PC_RESUME_BOOT_WAIT /\ ~resetFast
  IN
  /\ BootWait(dev)
  /\ ~booted
  /\ pm' = IF SlowResumeFails THEN PM_SUSPENDED ELSE pm
  /\ dev' = CASE dev = PC_PROBE_BOOT_WAIT -> PC_DEAD
           [] dev = PC_RESET_BOOT_WAIT -> PC_RESET_FINISH
           [] resetFast -> PC_RESUME_FW_POST
           [] OTHER -> PC_IDLE
  /\ resetFast' = IF dev = PC_RESUME_BOOT_WAIT /\ resetFast /\ ~Bug("fw-fast-reset-flag-stale")
                   THEN FALSE ELSE resetFast
  /\ resetFailed' = IF dev = PC_RESET_BOOT_WAIT THEN TRUE ELSE resetFailed
  /\ unplug' = IF dev = PC_PROBE_BOOT_WAIT /\ unplug = UNPLUG_NONE THEN UNPLUG_1 ELSE unplug
  /\ power' = IF SlowResumeFails THEN FALSE ELSE power
  /\ rpmError' = IF SlowResumeFails THEN TRUE ELSE rpmError
  /\ mcu' = MCU_DISABLED
  /\ reloaded' = FALSE
  /\ lastBootFailed' = TRUE
  /\ jobMask' = FALSE
  /\ jobSw' = FALSE
  /\ jobSusp' = TRUE
  /\ gpuIrq' = IF SlowResumeFails THEN IRQ_SUSPENDED ELSE gpuIrq
  /\ mmuIrq' = IF SlowResumeFails THEN IRQ_SUSPENDED ELSE mmuIrq
  /\ UNCHANGED <<resetPending, resetQueued, schedReset, unplugged, pmRef, booted, fwLoaded,
                 imageGood, glbReq, glbAck, db0, csgDbReq, csgDbAck, bound, csgStateReq,
                 csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck,
                 jobRaw, jobThread, fwEvents, evWork, evDisabled, waiting, pingArmed, flush,
                 glbSnap>>

(* panthor_device_reset_work starts; it goes on only while the device is    *)
(* ACTIVE and not unplugged (otherwise the pending flag forces a slow boot  *)
(* at resume). The reset workqueue is ordered and panthor_sched_pre_reset   *)
(* waits for the tick, so no request-with-wait is in progress.              *)
ResetWorkStart ==
  /\ resetQueued
  /\ dev = PC_IDLE
  /\ waiting = WAIT_NONE
  /\ glbSnap < 0
  /\ dev' = IF pm = PM_ACTIVE /\ ~unplugged THEN PC_RESET_SCHED_PRE ELSE dev
  /\ resetQueued' = FALSE
  /\ UNCHANGED <<pm, resetPending, resetFast, resetFailed, schedReset, unplugged, unplug, pmRef,
                 power, rpmError, mcu, booted, fwLoaded, imageGood, reloaded, lastBootFailed,
                 glbReq, glbAck, db0, csgDbReq, csgDbAck, bound, csgStateReq, csgStateAck,
                 csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck, jobRaw,
                 jobMask, jobSw, jobSusp, jobThread, gpuIrq, mmuIrq, fwEvents, evWork,
                 evDisabled, waiting, pingArmed, flush, glbSnap>>

(* panthor_sched_pre_reset: reset in progress, the scheduler's works        *)
(* cancelled (the FW-events work among them; its bits stay in fw_events),   *)
(* every group stopped and unbound.                                         *)
ResetSchedPre ==
  /\ dev = PC_RESET_SCHED_PRE
  /\ dev' = PC_RESET_FW_PRE
  /\ schedReset' = TRUE
  /\ bound' = 0
  \* A queued FW-events work is not cancelled (only no new one is queued).
  /\ UNCHANGED <<pm, resetPending, resetQueued, resetFast, resetFailed, unplugged, unplug, pmRef,
                 power, rpmError, mcu, booted, fwLoaded, imageGood, reloaded, lastBootFailed,
                 glbReq, glbAck, db0, csgDbReq, csgDbAck, csgStateReq, csgStateAck, csgEvtReq,
                 csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck, jobRaw, jobMask, jobSw,
                 jobSusp, jobThread, gpuIrq, mmuIrq, fwEvents, evWork, evDisabled, waiting,
                 pingArmed, flush, glbSnap>>

(* panthor_fw_pre_reset(on_hang = TRUE): cancel the ping work, reset.fast   *)
(* := FALSE, suspend the job IRQ (which waits for its threaded handler) and *)
(* stop the MCU.                                                            *)
ResetFwPre ==
  /\ dev = PC_RESET_FW_PRE
  /\ jobThread = 0
  /\ dev' = PC_RESET_GPU
  /\ resetFast' = FALSE
  /\ mcu' = MCU_DISABLED
  /\ jobMask' = FALSE
  /\ jobSw' = FALSE
  /\ jobSusp' = TRUE
  /\ pingArmed' = FALSE
  /\ UNCHANGED <<pm, resetPending, resetQueued, resetFailed, schedReset, unplugged, unplug,
                 pmRef, power, rpmError, booted, fwLoaded, imageGood, reloaded, lastBootFailed,
                 glbReq, glbAck, db0, csgDbReq, csgDbAck, bound, csgStateReq, csgStateAck,
                 csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck, jobRaw,
                 jobThread, gpuIrq, mmuIrq, fwEvents, evWork, evDisabled, waiting, flush, glbSnap>>

(* panthor_mmu_pre_reset, panthor_gpu_soft_reset (clears the raw job-IRQ    *)
(* status and any cache flush in flight), panthor_gpu_l2_power_on,          *)
(* panthor_mmu_post_reset.                                                  *)
ResetGpu ==
  /\ dev = PC_RESET_GPU
  /\ dev' = PC_RESET_FW_POST
  /\ jobRaw' = 0
  /\ flush' = 0
  /\ UNCHANGED <<pm, resetPending, resetQueued, resetFast, resetFailed, schedReset, unplugged,
                 unplug, pmRef, power, rpmError, mcu, booted, fwLoaded, imageGood, reloaded,
                 lastBootFailed, glbReq, glbAck, db0, csgDbReq, csgDbAck, bound, csgStateReq,
                 csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck,
                 jobMask, jobSw, jobSusp, jobThread, gpuIrq, mmuIrq, fwEvents, evWork,
                 evDisabled, waiting, pingArmed, glbSnap>>

(* panthor_fw_post_reset (also the resume path, panthor_fw_resume): reload  *)
(* every FW section, which restores the interface blocks' initial (zero)    *)
(* contents, unless the restart is fast (then only clear GLB_HALT); then    *)
(* start the MCU (panthor_fw_start).                                        *)
FwPostReset ==
  /\ dev \in {PC_RESET_FW_POST, PC_RESUME_FW_POST}
  /\ dev' = IF dev = PC_RESET_FW_POST THEN PC_RESET_BOOT_WAIT ELSE PC_RESUME_BOOT_WAIT
  /\ mcu' = MCU_BOOTING
  /\ booted' = FALSE
  /\ imageGood' = IF resetFast THEN imageGood ELSE TRUE
  /\ reloaded' = IF resetFast THEN reloaded ELSE TRUE
  /\ glbReq' = IF resetFast THEN BitClear(glbReq, GLB_HALT) ELSE 0
  /\ glbAck' = IF resetFast THEN glbAck ELSE 0
  /\ db0' = IF resetFast THEN db0 ELSE FALSE
  /\ csgDbReq' = IF resetFast THEN csgDbReq ELSE 0
  /\ csgDbAck' = IF resetFast THEN csgDbAck ELSE 0
  /\ csgStateReq' = IF resetFast THEN csgStateReq ELSE 0
  /\ csgStateAck' = IF resetFast THEN csgStateAck ELSE 0
  /\ csgEvtReq' = IF resetFast THEN csgEvtReq ELSE 0
  /\ csgEvtAck' = IF resetFast THEN csgEvtAck ELSE 0
  /\ csStart' = IF resetFast THEN csStart ELSE 0
  /\ csStartAck' = IF resetFast THEN csStartAck ELSE 0
  /\ csFaultReq' = IF resetFast THEN csFaultReq ELSE 0
  /\ csFaultAck' = IF resetFast THEN csFaultAck ELSE 0
  /\ jobMask' = TRUE
  /\ jobSw' = TRUE
  /\ jobSusp' = FALSE
  /\ UNCHANGED <<pm, resetPending, resetQueued, resetFast, resetFailed, schedReset, unplugged,
                 unplug, pmRef, power, rpmError, fwLoaded, lastBootFailed, bound, jobRaw,
                 jobThread, gpuIrq, mmuIrq, fwEvents, evWork, evDisabled, waiting, pingArmed,
                 flush, glbSnap>>

(* The end of the reset work: reset.pending := FALSE, then                  *)
(* panthor_sched_post_reset (reset.in_progress cleared; it terminates the   *)
(* stopped groups if the FW did not come back), and unplug on failure.      *)
ResetFinish ==
  /\ dev = PC_RESET_FINISH
  /\ dev' = IF resetFailed THEN PC_DEAD ELSE PC_IDLE
  /\ resetPending' = FALSE
  /\ schedReset' = IF resetFailed /\ Bug("post-reset-skipped") THEN schedReset ELSE FALSE
  /\ unplug' = IF resetFailed /\ unplug = UNPLUG_NONE THEN UNPLUG_1 ELSE unplug
  /\ UNCHANGED <<pm, resetQueued, resetFast, resetFailed, unplugged, pmRef, power, rpmError, mcu,
                 booted, fwLoaded, imageGood, reloaded, lastBootFailed, glbReq, glbAck, db0,
                 csgDbReq, csgDbAck, bound, csgStateReq, csgStateAck, csgEvtReq, csgEvtAck,
                 csStart, csStartAck, csFaultReq, csFaultAck, jobRaw, jobMask, jobSw, jobSusp,
                 jobThread, gpuIrq, mmuIrq, fwEvents, evWork, evDisabled, waiting, pingArmed,
                 flush, glbSnap>>

(* panthor_device_suspend starts: SUSPENDING, cancel the reset work. On an  *)
(* unplugged device the hardware sequence is skipped and power is cut.      *)
SuspendStart ==
  /\ Suspend
  /\ pm = PM_ACTIVE
  /\ dev = PC_IDLE
  /\ ~pmRef
  /\ waiting = WAIT_NONE
  /\ glbSnap < 0
  /\ flush = 0
  /\ pm' = IF unplugged THEN PM_SUSPENDED ELSE PM_SUSPENDING
  /\ dev' = IF unplugged THEN dev ELSE PC_SUSPEND_SCHED
  /\ resetQueued' = FALSE
  /\ power' = IF unplugged THEN FALSE ELSE power
  /\ UNCHANGED <<resetPending, resetFast, resetFailed, schedReset, unplugged, unplug, pmRef,
                 rpmError, mcu, booted, fwLoaded, imageGood, reloaded, lastBootFailed, glbReq,
                 glbAck, db0, csgDbReq, csgDbAck, bound, csgStateReq, csgStateAck, csgEvtReq,
                 csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck, jobRaw, jobMask, jobSw,
                 jobSusp, jobThread, gpuIrq, mmuIrq, fwEvents, evWork, evDisabled, waiting,
                 pingArmed, flush, glbSnap>>

(* panthor_sched_suspend: every group suspended and unbound; it runs once   *)
(* the scheduler's pending works were flushed (a queued FW-events work runs *)
(* first).                                                                  *)
SuspendSched ==
  /\ dev = PC_SUSPEND_SCHED
  /\ evWork = 0
  /\ dev' = PC_SUSPEND_FW
  /\ bound' = 0
  /\ UNCHANGED <<pm, resetPending, resetQueued, resetFast, resetFailed, schedReset, unplugged,
                 unplug, pmRef, power, rpmError, mcu, booted, fwLoaded, imageGood, reloaded,
                 lastBootFailed, glbReq, glbAck, db0, csgDbReq, csgDbAck, csgStateReq,
                 csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck,
                 jobRaw, jobMask, jobSw, jobSusp, jobThread, gpuIrq, mmuIrq, fwEvents, evWork,
                 evDisabled, waiting, pingArmed, flush, glbSnap>>

(* panthor_fw_suspend = panthor_fw_pre_reset(on_hang = FALSE): cancel the   *)
(* ping work, reset.fast := FALSE, then panthor_fw_halt_mcu: set GLB_HALT   *)
(* and ring doorbell 0.                                                     *)
SuspendFw ==
  /\ dev = PC_SUSPEND_FW
  /\ dev' = PC_SUSPEND_HALT_WAIT
  /\ resetFast' = FALSE
  /\ glbReq' = BitOr(glbReq, GLB_HALT)
  /\ db0' = TRUE
  /\ pingArmed' = FALSE
  /\ UNCHANGED <<pm, resetPending, resetQueued, resetFailed, schedReset, unplugged, unplug,
                 pmRef, power, rpmError, mcu, booted, fwLoaded, imageGood, reloaded,
                 lastBootFailed, glbAck, csgDbReq, csgDbAck, bound, csgStateReq, csgStateAck,
                 csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck, jobRaw,
                 jobMask, jobSw, jobSusp, jobThread, gpuIrq, mmuIrq, fwEvents, evWork,
                 evDisabled, waiting, flush, glbSnap>>

(* panthor_fw_wait_mcu_halted sees MCU_STATUS = HALT: the restart may be    *)
(* fast.                                                                    *)
HaltDone ==
  /\ dev = PC_SUSPEND_HALT_WAIT
  /\ mcu = MCU_HALTED
  /\ dev' = PC_SUSPEND_IRQ_1
  /\ resetFast' = TRUE
  /\ UNCHANGED <<pm, resetPending, resetQueued, resetFailed, schedReset, unplugged, unplug,
                 pmRef, power, rpmError, mcu, booted, fwLoaded, imageGood, reloaded,
                 lastBootFailed, glbReq, glbAck, db0, csgDbReq, csgDbAck, bound, csgStateReq,
                 csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck,
                 jobRaw, jobMask, jobSw, jobSusp, jobThread, gpuIrq, mmuIrq, fwEvents, evWork,
                 evDisabled, waiting, pingArmed, flush, glbSnap>>

(* The halt wait (panthor_fw_wait_mcu_halted) times out: the next start     *)
(* will be slow.                                                            *)
HaltTimeout ==
  /\ dev = PC_SUSPEND_HALT_WAIT
  /\ mcu # MCU_HALTED
  /\ dev' = PC_SUSPEND_IRQ_1
  /\ UNCHANGED <<pm, resetPending, resetQueued, resetFast, resetFailed, schedReset, unplugged,
                 unplug, pmRef, power, rpmError, mcu, booted, fwLoaded, imageGood, reloaded,
                 lastBootFailed, glbReq, glbAck, db0, csgDbReq, csgDbAck, bound, csgStateReq,
                 csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck,
                 jobRaw, jobMask, jobSw, jobSusp, jobThread, gpuIrq, mmuIrq, fwEvents, evWork,
                 evDisabled, waiting, pingArmed, flush, glbSnap>>

(* panthor_job_irq_suspend, first step: the fixed order clears the software *)
(* mask (then INT_MASK, and sets suspended last); the old order (variant    *)
(* irq-suspend-order) sets suspended first.                                 *)
IrqSuspendStep1 ==
  /\ dev = PC_SUSPEND_IRQ_1
  /\ dev' = PC_SUSPEND_IRQ_2
  /\ jobSw' = IF Bug("irq-suspend-order") THEN jobSw ELSE FALSE
  /\ jobSusp' = IF Bug("irq-suspend-order") THEN TRUE ELSE jobSusp
  /\ UNCHANGED <<pm, resetPending, resetQueued, resetFast, resetFailed, schedReset, unplugged,
                 unplug, pmRef, power, rpmError, mcu, booted, fwLoaded, imageGood, reloaded,
                 lastBootFailed, glbReq, glbAck, db0, csgDbReq, csgDbAck, bound, csgStateReq,
                 csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck,
                 jobRaw, jobMask, jobThread, gpuIrq, mmuIrq, fwEvents, evWork, evDisabled,
                 waiting, pingArmed, flush, glbSnap>>

(* panthor_job_irq_suspend, second step: write 0 to JOB_INT_MASK.           *)
IrqSuspendStep2 ==
  /\ dev = PC_SUSPEND_IRQ_2
  /\ dev' = PC_SUSPEND_IRQ_3
  /\ jobMask' = FALSE
  /\ UNCHANGED <<pm, resetPending, resetQueued, resetFast, resetFailed, schedReset, unplugged,
                 unplug, pmRef, power, rpmError, mcu, booted, fwLoaded, imageGood, reloaded,
                 lastBootFailed, glbReq, glbAck, db0, csgDbReq, csgDbAck, bound, csgStateReq,
                 csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck,
                 jobRaw, jobSw, jobSusp, jobThread, gpuIrq, mmuIrq, fwEvents, evWork, evDisabled,
                 waiting, pingArmed, flush, glbSnap>>

(* panthor_job_irq_suspend, last step, after synchronize_irq (the threaded  *)
(* handler has finished); then the MCU is stopped (panthor_fw_stop).        *)
IrqSuspendStep3 ==
  /\ dev = PC_SUSPEND_IRQ_3
  /\ jobThread = 0
  /\ dev' = PC_SUSPEND_POWER_OFF
  /\ mcu' = MCU_DISABLED
  /\ jobSw' = IF Bug("irq-suspend-order") THEN FALSE ELSE jobSw
  /\ jobSusp' = IF Bug("irq-suspend-order") THEN jobSusp ELSE TRUE
  /\ UNCHANGED <<pm, resetPending, resetQueued, resetFast, resetFailed, schedReset, unplugged,
                 unplug, pmRef, power, rpmError, booted, fwLoaded, imageGood, reloaded,
                 lastBootFailed, glbReq, glbAck, db0, csgDbReq, csgDbAck, bound, csgStateReq,
                 csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck,
                 jobRaw, jobMask, jobThread, gpuIrq, mmuIrq, fwEvents, evWork, evDisabled,
                 waiting, pingArmed, flush, glbSnap>>

(* panthor_mmu_suspend and panthor_gpu_suspend: their IRQs suspended, power *)
(* and clocks cut; SUSPENDED.                                               *)
SuspendPowerOff ==
  /\ dev = PC_SUSPEND_POWER_OFF
  /\ pm' = PM_SUSPENDED
  /\ dev' = PC_IDLE
  /\ power' = FALSE
  /\ gpuIrq' = IRQ_SUSPENDED
  /\ mmuIrq' = IRQ_SUSPENDED
  /\ UNCHANGED <<resetPending, resetQueued, resetFast, resetFailed, schedReset, unplugged,
                 unplug, pmRef, rpmError, mcu, booted, fwLoaded, imageGood, reloaded,
                 lastBootFailed, glbReq, glbAck, db0, csgDbReq, csgDbAck, bound, csgStateReq,
                 csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck,
                 jobRaw, jobMask, jobSw, jobSusp, jobThread, fwEvents, evWork, evDisabled,
                 waiting, pingArmed, flush, glbSnap>>

(* panthor_device_resume starts: RESUMING; a pending reset forces a slow    *)
(* start; power, GPU and MMU IRQs back. The runtime-PM core refuses to      *)
(* resume after a latched error unless the driver cleared it (the fix of    *)
(* rpm-resume-error-sticky).                                                *)
ResumeStart ==
  /\ pm = PM_SUSPENDED
  /\ dev = PC_IDLE
  /\ ~unplugged
  /\ ~(rpmError /\ Bug("rpm-resume-error-sticky"))
  /\ pm' = PM_RESUMING
  /\ dev' = PC_RESUME_FW_POST
  /\ resetPending' = FALSE
  /\ resetFast' = IF resetPending THEN FALSE ELSE resetFast
  /\ power' = TRUE
  /\ rpmError' = FALSE
  /\ gpuIrq' = IRQ_ENABLED
  /\ mmuIrq' = IRQ_ENABLED
  /\ UNCHANGED <<resetQueued, resetFailed, schedReset, unplugged, unplug, pmRef, mcu, booted,
                 fwLoaded, imageGood, reloaded, lastBootFailed, glbReq, glbAck, db0, csgDbReq,
                 csgDbAck, bound, csgStateReq, csgStateAck, csgEvtReq, csgEvtAck, csStart,
                 csStartAck, csFaultReq, csFaultAck, jobRaw, jobMask, jobSw, jobSusp, jobThread,
                 fwEvents, evWork, evDisabled, waiting, pingArmed, flush, glbSnap>>

(* panthor_sched_resume; ACTIVE.                                            *)
ResumeSched ==
  /\ dev = PC_RESUME_SCHED
  /\ pm' = PM_ACTIVE
  /\ dev' = PC_IDLE
  /\ UNCHANGED <<resetPending, resetQueued, resetFast, resetFailed, schedReset, unplugged,
                 unplug, pmRef, power, rpmError, mcu, booted, fwLoaded, imageGood, reloaded,
                 lastBootFailed, glbReq, glbAck, db0, csgDbReq, csgDbAck, bound, csgStateReq,
                 csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck,
                 jobRaw, jobMask, jobSw, jobSusp, jobThread, gpuIrq, mmuIrq, fwEvents, evWork,
                 evDisabled, waiting, pingArmed, flush, glbSnap>>

(* Something unplugs the device (driver unbind or a fatal error elsewhere). *)
UnplugStart ==
  /\ Unplug
  /\ unplug = UNPLUG_NONE
  /\ ~unplugged
  /\ unplug' = UNPLUG_1
  /\ UNCHANGED <<pm, dev, resetPending, resetQueued, resetFast, resetFailed, schedReset,
                 unplugged, pmRef, power, rpmError, mcu, booted, fwLoaded, imageGood, reloaded,
                 lastBootFailed, glbReq, glbAck, db0, csgDbReq, csgDbAck, bound, csgStateReq,
                 csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck,
                 jobRaw, jobMask, jobSw, jobSusp, jobThread, gpuIrq, mmuIrq, fwEvents, evWork,
                 evDisabled, waiting, pingArmed, flush, glbSnap>>

(* panthor_device_unplug, first step: take a runtime-PM reference so that   *)
(* no suspend can start (the old order, variant unplug-vs-suspend, marks    *)
(* unplugged first). A reference on a device in a PM transition waits for   *)
(* it.                                                                      *)
UnplugStep1 ==
  /\ unplug = UNPLUG_1
  /\ dev \in {PC_IDLE, PC_DEAD}
  /\ unplugged' = IF Bug("unplug-vs-suspend") THEN TRUE ELSE unplugged
  /\ unplug' = UNPLUG_2
  /\ pmRef' = IF Bug("unplug-vs-suspend") THEN pmRef ELSE TRUE
  /\ UNCHANGED <<pm, dev, resetPending, resetQueued, resetFast, resetFailed, schedReset, power,
                 rpmError, mcu, booted, fwLoaded, imageGood, reloaded, lastBootFailed, glbReq,
                 glbAck, db0, csgDbReq, csgDbAck, bound, csgStateReq, csgStateAck, csgEvtReq,
                 csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck, jobRaw, jobMask, jobSw,
                 jobSusp, jobThread, gpuIrq, mmuIrq, fwEvents, evWork, evDisabled, waiting,
                 pingArmed, flush, glbSnap>>

(* panthor_device_unplug, second step: mark the device unplugged.           *)
UnplugStep2 ==
  /\ unplug = UNPLUG_2
  /\ dev \in {PC_IDLE, PC_DEAD}
  /\ unplugged' = IF Bug("unplug-vs-suspend") THEN unplugged ELSE TRUE
  /\ unplug' = UNPLUG_SCHED
  /\ pmRef' = IF Bug("unplug-vs-suspend") THEN TRUE ELSE pmRef
  /\ UNCHANGED <<pm, dev, resetPending, resetQueued, resetFast, resetFailed, schedReset, power,
                 rpmError, mcu, booted, fwLoaded, imageGood, reloaded, lastBootFailed, glbReq,
                 glbAck, db0, csgDbReq, csgDbAck, bound, csgStateReq, csgStateAck, csgEvtReq,
                 csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck, jobRaw, jobMask, jobSw,
                 jobSusp, jobThread, gpuIrq, mmuIrq, fwEvents, evWork, evDisabled, waiting,
                 pingArmed, flush, glbSnap>>

(* panthor_sched_unplug: cancel the tick and disable_work_sync the FW-      *)
(* events work (drain it and refuse later queueing). The old code (variant  *)
(* fw-events-after-unplug) only cancelled the tick.                         *)
UnplugSched ==
  /\ unplug = UNPLUG_SCHED
  /\ unplug' = UNPLUG_FW
  /\ evWork' = IF Bug("fw-events-after-unplug") THEN evWork ELSE 0
  /\ evDisabled' = IF Bug("fw-events-after-unplug") THEN evDisabled ELSE TRUE
  /\ UNCHANGED <<pm, dev, resetPending, resetQueued, resetFast, resetFailed, schedReset,
                 unplugged, pmRef, power, rpmError, mcu, booted, fwLoaded, imageGood, reloaded,
                 lastBootFailed, glbReq, glbAck, db0, csgDbReq, csgDbAck, bound, csgStateReq,
                 csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck,
                 jobRaw, jobMask, jobSw, jobSusp, jobThread, gpuIrq, mmuIrq, fwEvents, waiting,
                 pingArmed, flush, glbSnap>>

(* panthor_fw_unplug: cancel the ping work (waiting for a running one and   *)
(* its wait), stop the MCU, suspend the job IRQ and free the FW sections.   *)
(* The code that added GLB_STATE support (variant fw-unplug-halt-unbooted)  *)
(* first set GLB_HALT, rang doorbell 0 and waited, whatever state the FW    *)
(* was in.                                                                  *)
UnplugFw ==
  /\ unplug = UNPLUG_FW
  /\ waiting = WAIT_NONE
  /\ glbSnap < 0
  /\ unplug' = IF Bug("fw-unplug-halt-unbooted") THEN UNPLUG_HALT_WAIT ELSE UNPLUG_IRQS
  /\ mcu' = IF Bug("fw-unplug-halt-unbooted") THEN mcu ELSE MCU_DISABLED
  /\ fwLoaded' = IF Bug("fw-unplug-halt-unbooted") THEN fwLoaded ELSE FALSE
  /\ glbReq' = IF Bug("fw-unplug-halt-unbooted") THEN BitOr(glbReq, GLB_HALT) ELSE glbReq
  /\ db0' = IF Bug("fw-unplug-halt-unbooted") THEN TRUE ELSE db0
  /\ jobMask' = IF Bug("fw-unplug-halt-unbooted") THEN jobMask ELSE FALSE
  /\ jobSw' = IF Bug("fw-unplug-halt-unbooted") THEN jobSw ELSE FALSE
  /\ jobSusp' = IF Bug("fw-unplug-halt-unbooted") THEN jobSusp ELSE TRUE
  /\ pingArmed' = FALSE
  /\ UNCHANGED <<pm, dev, resetPending, resetQueued, resetFast, resetFailed, schedReset,
                 unplugged, pmRef, power, rpmError, booted, imageGood, reloaded, lastBootFailed,
                 glbAck, csgDbReq, csgDbAck, bound, csgStateReq, csgStateAck, csgEvtReq,
                 csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck, jobRaw, jobThread,
                 gpuIrq, mmuIrq, fwEvents, evWork, evDisabled, waiting, flush, glbSnap>>

(* Variant fw-unplug-halt-unbooted: the MCU reports halted; then the FW is  *)
(* freed (panthor_fw_unplug goes on).                                       *)
UnplugHaltDone ==
  /\ unplug = UNPLUG_HALT_WAIT
  /\ mcu = MCU_HALTED
  /\ unplug' = UNPLUG_IRQS
  /\ mcu' = MCU_DISABLED
  /\ fwLoaded' = FALSE
  /\ jobMask' = FALSE
  /\ jobSw' = FALSE
  /\ jobSusp' = TRUE
  /\ UNCHANGED <<pm, dev, resetPending, resetQueued, resetFast, resetFailed, schedReset,
                 unplugged, pmRef, power, rpmError, booted, imageGood, reloaded, lastBootFailed,
                 glbReq, glbAck, db0, csgDbReq, csgDbAck, bound, csgStateReq, csgStateAck,
                 csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck, jobRaw,
                 jobThread, gpuIrq, mmuIrq, fwEvents, evWork, evDisabled, waiting, pingArmed,
                 flush, glbSnap>>

(* panthor_mmu_unplug, panthor_gpu_unplug: their IRQs suspended; PM         *)
(* reference put.                                                           *)
UnplugIrqs ==
  /\ unplug = UNPLUG_IRQS
  /\ unplug' = UNPLUG_DONE
  /\ pmRef' = FALSE
  /\ gpuIrq' = IRQ_SUSPENDED
  /\ mmuIrq' = IRQ_SUSPENDED
  /\ UNCHANGED <<pm, dev, resetPending, resetQueued, resetFast, resetFailed, schedReset,
                 unplugged, power, rpmError, mcu, booted, fwLoaded, imageGood, reloaded,
                 lastBootFailed, glbReq, glbAck, db0, csgDbReq, csgDbAck, bound, csgStateReq,
                 csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck,
                 jobRaw, jobMask, jobSw, jobSusp, jobThread, fwEvents, evWork, evDisabled,
                 waiting, pingArmed, flush, glbSnap>>

(* The raw job-IRQ handler (PANTHOR_IRQ_HANDLER): a suspended IRQ is not    *)
(* ours; otherwise mask JOB_INT_MASK and wake the threaded handler.         *)
JobIrqRaw ==
  /\ power
  /\ jobRaw # 0
  /\ jobMask
  /\ jobThread = 0
  /\ ~jobSusp
  /\ jobMask' = FALSE
  /\ jobThread' = 1
  /\ UNCHANGED <<pm, dev, resetPending, resetQueued, resetFast, resetFailed, schedReset,
                 unplugged, unplug, pmRef, power, rpmError, mcu, booted, fwLoaded, imageGood,
                 reloaded, lastBootFailed, glbReq, glbAck, db0, csgDbReq, csgDbAck, bound,
                 csgStateReq, csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq,
                 csFaultAck, jobRaw, jobSw, jobSusp, gpuIrq, mmuIrq, fwEvents, evWork,
                 evDisabled, waiting, pingArmed, flush, glbSnap>>

(* One batch of the threaded handler, panthor_job_irq_handler: clear the    *)
(* status bits (JOB_INT_CLEAR), set booted on the first GLB bit, wake the   *)
(* ack waiters, and if booted hand the bits to                              *)
(* panthor_sched_report_fw_events, which queues the FW-events work unless a *)
(* reset is pending or in progress (or the work is disabled). Variant       *)
(* events-before-irq-clear hands the bits over first and clears the status  *)
(* in a later step (JobIrqClear).                                           *)
JobIrqBatch ==
  LET NowBooted == booted \/ BitAnd(jobRaw, 1) # 0
  IN
  /\ jobThread = 1
  /\ jobSw
  /\ jobRaw # 0
  /\ booted' = NowBooted
  /\ jobRaw' = IF Bug("events-before-irq-clear") THEN jobRaw ELSE 0
  /\ jobThread' = IF Bug("events-before-irq-clear") THEN 2 ELSE jobThread
  /\ fwEvents' = IF NowBooted THEN BitOr(fwEvents, jobRaw) ELSE fwEvents
  /\ evWork' = IF NowBooted /\ ~schedReset /\ ~resetPending /\ ~evDisabled THEN 1 ELSE evWork
  /\ UNCHANGED <<pm, dev, resetPending, resetQueued, resetFast, resetFailed, schedReset,
                 unplugged, unplug, pmRef, power, rpmError, mcu, fwLoaded, imageGood, reloaded,
                 lastBootFailed, glbReq, glbAck, db0, csgDbReq, csgDbAck, bound, csgStateReq,
                 csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck,
                 jobMask, jobSw, jobSusp, gpuIrq, mmuIrq, evDisabled, waiting, pingArmed, flush,
                 glbSnap>>

(* Variant events-before-irq-clear: the status is cleared after the bits    *)
(* were used.                                                               *)
JobIrqClear ==
  /\ jobThread = 2
  /\ jobRaw' = 0
  /\ jobThread' = 1
  /\ UNCHANGED <<pm, dev, resetPending, resetQueued, resetFast, resetFailed, schedReset,
                 unplugged, unplug, pmRef, power, rpmError, mcu, booted, fwLoaded, imageGood,
                 reloaded, lastBootFailed, glbReq, glbAck, db0, csgDbReq, csgDbAck, bound,
                 csgStateReq, csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq,
                 csFaultAck, jobMask, jobSw, jobSusp, gpuIrq, mmuIrq, fwEvents, evWork,
                 evDisabled, waiting, pingArmed, flush, glbSnap>>

(* The threaded handler's loop ends (no status bit left under the software  *)
(* mask): restore JOB_INT_MASK from the software mask unless the IRQ was    *)
(* suspended meanwhile.                                                     *)
JobIrqDone ==
  /\ jobThread = 1
  /\ jobRaw = 0 \/ ~jobSw
  /\ jobMask' = IF jobSusp THEN jobMask ELSE jobSw
  /\ jobThread' = 0
  /\ UNCHANGED <<pm, dev, resetPending, resetQueued, resetFast, resetFailed, schedReset,
                 unplugged, unplug, pmRef, power, rpmError, mcu, booted, fwLoaded, imageGood,
                 reloaded, lastBootFailed, glbReq, glbAck, db0, csgDbReq, csgDbAck, bound,
                 csgStateReq, csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq,
                 csFaultAck, jobRaw, jobSw, jobSusp, gpuIrq, mmuIrq, fwEvents, evWork,
                 evDisabled, waiting, pingArmed, flush, glbSnap>>

(* process_fw_events_work: sched_process_global_irq_locked acknowledges the *)
(* GLB idle event; sched_process_csg_irq_locked acknowledges each bound     *)
(* slot's CSG and CS events (req := ack) and rings its CSG doorbell         *)
(* (panthor_fw_ring_csg_doorbells: toggle doorbell_req, ring doorbell 0).   *)
(* It reads the FW interface memory, so it does nothing useful once that is *)
(* freed. Variant toggle-from-req computes the doorbell toggle from req;    *)
(* variant event-ack-by-toggle acknowledges the GLB idle event by toggling  *)
(* req instead of copying ack (FH-2); variant ack-unbound-slot also copies  *)
(* the CSG event ack of slots with no group bound (FH-6). Ev is the mask of *)
(* the slots served, EvUnbound the unbound slots variant ack-unbound-slot   *)
(* acknowledges.                                                            *)
EventsWork ==
  LET Ev == IF fwLoaded THEN BitAnd(fwEvents \div 2, bound) ELSE 0
      EvUnbound == IF fwLoaded /\ Bug("ack-unbound-slot")
                     THEN BitClear(BitAnd(fwEvents \div 2, SlotMaskAll), bound) ELSE 0
  IN
  /\ evWork = 1
  \* process_fw_events_work takes sched->lock, held by the scheduler while it waits for a CSG ack.
  /\ waiting < WAIT_CSG
  /\ glbReq' = IF fwLoaded /\ BitAnd(fwEvents, 1) # 0
                THEN IF Bug("event-ack-by-toggle") THEN BitXor(glbReq, GLB_IDLE)
                     ELSE CopyBits(glbReq, glbAck, GLB_IDLE)
                ELSE glbReq
  /\ db0' = IF Ev # 0 THEN TRUE ELSE db0
  /\ csgDbReq' = IF Bug("toggle-from-req") THEN BitXor(csgDbReq, Ev)
                  ELSE Toggle(csgDbReq, csgDbAck, Ev)
  /\ csgEvtReq' = CopyBits(csgEvtReq, csgEvtAck, Ev + EvUnbound)
  /\ csFaultReq' = CopyBits(csFaultReq, csFaultAck, Ev)
  /\ fwEvents' = 0
  /\ evWork' = 0
  /\ UNCHANGED <<pm, dev, resetPending, resetQueued, resetFast, resetFailed, schedReset,
                 unplugged, unplug, pmRef, power, rpmError, mcu, booted, fwLoaded, imageGood,
                 reloaded, lastBootFailed, glbAck, csgDbAck, bound, csgStateReq, csgStateAck,
                 csgEvtAck, csStart, csStartAck, csFaultAck, jobRaw, jobMask, jobSw, jobSusp,
                 jobThread, gpuIrq, mmuIrq, evDisabled, waiting, pingArmed, flush, glbSnap>>

(* The scheduler binds a group to CSG slot slot and starts it               *)
(* (csg_slot_prog_locked, cs_slot_prog_locked, then                         *)
(* csgs_upd_ctx_apply_locked): CSG_STATE := START, CS_STATE := START,       *)
(* toggle the slot's CSG doorbell request (panthor_fw_toggle_reqs), ring    *)
(* doorbell 0 and wait for the ack. Variant missing-doorbell forgets the    *)
(* ring.                                                                    *)
Bind(slot) ==
  /\ SchedulerMayRun
  /\ BitAnd(bound, 2^slot) = 0
  /\ db0' = IF Bug("missing-doorbell") THEN db0 ELSE TRUE
  /\ csgDbReq' = Toggle(csgDbReq, csgDbAck, 2^slot)
  /\ bound' = BitOr(bound, 2^slot)
  /\ csgStateReq' = SetCsgState(csgStateReq, slot, CSG_START)
  /\ csStart' = BitOr(csStart, 2^slot)
  /\ waiting' = WAIT_CSG + slot
  /\ UNCHANGED <<pm, dev, resetPending, resetQueued, resetFast, resetFailed, schedReset,
                 unplugged, unplug, pmRef, power, rpmError, mcu, booted, fwLoaded, imageGood,
                 reloaded, lastBootFailed, glbReq, glbAck, csgDbAck, csgStateAck, csgEvtReq,
                 csgEvtAck, csStartAck, csFaultReq, csFaultAck, jobRaw, jobMask, jobSw, jobSusp,
                 jobThread, gpuIrq, mmuIrq, fwEvents, evWork, evDisabled, pingArmed, flush, glbSnap>>

(* The scheduler terminates the group on slot slot once its state request   *)
(* is acked (FH-5): CSG_STATE := TERMINATE, CS_STATE := STOP                *)
(* (cs_slot_reset_locked), doorbell, wait. Variant csg-state-overwrite      *)
(* terminates the slot while the scheduler still waits for the ack of its   *)
(* START request.                                                           *)
Unbind(slot) ==
  /\ \/ /\ SchedulerMayRun
        /\ BitAnd(bound, 2^slot) # 0
        /\ CsgState(csgStateReq, slot) = CsgState(csgStateAck, slot)
     \/ /\ Bug("csg-state-overwrite")
        /\ waiting = WAIT_CSG + slot
        /\ CsgState(csgStateReq, slot) = CSG_START
  /\ db0' = IF Bug("missing-doorbell") THEN db0 ELSE TRUE
  /\ csgDbReq' = Toggle(csgDbReq, csgDbAck, 2^slot)
  /\ csgStateReq' = SetCsgState(csgStateReq, slot, CSG_TERMINATE)
  /\ csStart' = BitClear(csStart, 2^slot)
  /\ waiting' = WAIT_CSG + slot
  /\ UNCHANGED <<pm, dev, resetPending, resetQueued, resetFast, resetFailed, schedReset,
                 unplugged, unplug, pmRef, power, rpmError, mcu, booted, fwLoaded, imageGood,
                 reloaded, lastBootFailed, glbReq, glbAck, csgDbAck, bound, csgStateAck,
                 csgEvtReq, csgEvtAck, csStartAck, csFaultReq, csFaultAck, jobRaw, jobMask,
                 jobSw, jobSusp, jobThread, gpuIrq, mmuIrq, fwEvents, evWork, evDisabled,
                 pingArmed, flush, glbSnap>>

(* panthor_fw_wait_acks succeeds: the awaited bits are acked. After a ping  *)
(* the work re-arms (panthor_fw_ping_work); after a TERMINATE the slot is   *)
(* free.                                                                    *)
WaitAcked ==
  /\ waiting # WAIT_NONE
  /\ Acked
  /\ bound' = IF waiting # WAIT_PING /\ CsgState(csgStateReq, waiting - WAIT_CSG) = CSG_TERMINATE
               THEN BitClear(bound, 2^(waiting - WAIT_CSG)) ELSE bound
  /\ waiting' = WAIT_NONE
  /\ pingArmed' = IF waiting = WAIT_PING THEN TRUE ELSE pingArmed
  /\ UNCHANGED <<pm, dev, resetPending, resetQueued, resetFast, resetFailed, schedReset,
                 unplugged, unplug, pmRef, power, rpmError, mcu, booted, fwLoaded, imageGood,
                 reloaded, lastBootFailed, glbReq, glbAck, db0, csgDbReq, csgDbAck, csgStateReq,
                 csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck,
                 jobRaw, jobMask, jobSw, jobSusp, jobThread, gpuIrq, mmuIrq, fwEvents, evWork,
                 evDisabled, flush, glbSnap>>

(* panthor_fw_wait_acks times out (100 ms) while the FW has not acked: the  *)
(* driver never retries; it schedules a device reset                        *)
(* (panthor_device_schedule_reset: pending FALSE -> TRUE, queue the work if *)
(* ACTIVE).                                                                 *)
WaitTimeout ==
  /\ waiting # WAIT_NONE
  /\ ~Acked
  /\ resetPending' = TRUE
  /\ resetQueued' = IF ~resetPending /\ pm = PM_ACTIVE THEN TRUE ELSE resetQueued
  /\ waiting' = WAIT_NONE
  /\ UNCHANGED <<pm, dev, resetFast, resetFailed, schedReset, unplugged, unplug, pmRef, power,
                 rpmError, mcu, booted, fwLoaded, imageGood, reloaded, lastBootFailed, glbReq,
                 glbAck, db0, csgDbReq, csgDbAck, bound, csgStateReq, csgStateAck, csgEvtReq,
                 csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck, jobRaw, jobMask, jobSw,
                 jobSusp, jobThread, gpuIrq, mmuIrq, fwEvents, evWork, evDisabled, pingArmed,
                 flush, glbSnap>>

(* panthor_fw_ping_work: unless a reset is pending, toggle GLB_PING, ring   *)
(* doorbell 0 and wait for the ack.                                         *)
PingWork ==
  /\ pingArmed
  /\ pm = PM_ACTIVE
  /\ dev = PC_IDLE
  /\ waiting = WAIT_NONE
  /\ glbSnap < 0
  /\ LET split == ~resetPending /\ Bug("non-atomic-toggle")
         write == ~resetPending /\ ~Bug("non-atomic-toggle")
     IN /\ glbReq' = IF write THEN Toggle(glbReq, glbAck, GLB_PING) ELSE glbReq
        /\ db0' = IF write THEN TRUE ELSE db0
        /\ waiting' = IF write THEN WAIT_PING ELSE waiting
        /\ glbSnap' = IF split THEN Toggle(glbReq, glbAck, GLB_PING) ELSE glbSnap
  /\ pingArmed' = FALSE
  /\ UNCHANGED <<pm, dev, resetPending, resetQueued, resetFast, resetFailed, schedReset,
                 unplugged, unplug, pmRef, power, rpmError, mcu, booted, fwLoaded, imageGood,
                 reloaded, lastBootFailed, glbAck, csgDbReq, csgDbAck, bound, csgStateReq,
                 csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck,
                 jobRaw, jobMask, jobSw, jobSusp, jobThread, gpuIrq, mmuIrq, fwEvents, evWork,
                 evDisabled, flush>>

(* Variant non-atomic-toggle: the second half of the ping work's GLB_PING   *)
(* toggle, done without iface->lock.  It writes back the whole GLB req word *)
(* as PingWork read it (PING flipped), rings doorbell 0 and starts the      *)
(* wait; an idle-event acknowledgement written in between is lost (FH-4).   *)
PingWrite ==
  /\ glbSnap >= 0
  /\ glbReq' = glbSnap
  /\ db0' = TRUE
  /\ waiting' = WAIT_PING
  /\ glbSnap' = -1
  /\ UNCHANGED <<pm, dev, resetPending, resetQueued, resetFast, resetFailed, schedReset,
                 unplugged, unplug, pmRef, power, rpmError, mcu, booted, fwLoaded, imageGood,
                 reloaded, lastBootFailed, glbAck, csgDbReq, csgDbAck, bound, csgStateReq,
                 csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck,
                 jobRaw, jobMask, jobSw, jobSusp, jobThread, gpuIrq, mmuIrq, fwEvents, evWork,
                 evDisabled, pingArmed, flush>>

(* panthor_gpu_flush_caches: write GPU_CMD (clean/invalidate) and wait.     *)
FlushRequest ==
  /\ Flush
  /\ pm = PM_ACTIVE
  /\ dev = PC_IDLE
  /\ power
  /\ flush = 0
  /\ ~unplugged
  /\ booted
  /\ flush' = 1
  /\ UNCHANGED <<pm, dev, resetPending, resetQueued, resetFast, resetFailed, schedReset,
                 unplugged, unplug, pmRef, power, rpmError, mcu, booted, fwLoaded, imageGood,
                 reloaded, lastBootFailed, glbReq, glbAck, db0, csgDbReq, csgDbAck, bound,
                 csgStateReq, csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq,
                 csFaultAck, jobRaw, jobMask, jobSw, jobSusp, jobThread, gpuIrq, mmuIrq,
                 fwEvents, evWork, evDisabled, waiting, pingArmed, glbSnap>>

(* The GPU completes the flush and raises CLEAN_CACHES_COMPLETED.           *)
GpuFlushComplete ==
  /\ flush = 1
  /\ power
  /\ flush' = 2
  /\ UNCHANGED <<pm, dev, resetPending, resetQueued, resetFast, resetFailed, schedReset,
                 unplugged, unplug, pmRef, power, rpmError, mcu, booted, fwLoaded, imageGood,
                 reloaded, lastBootFailed, glbReq, glbAck, db0, csgDbReq, csgDbAck, bound,
                 csgStateReq, csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq,
                 csFaultAck, jobRaw, jobMask, jobSw, jobSusp, jobThread, gpuIrq, mmuIrq,
                 fwEvents, evWork, evDisabled, waiting, pingArmed, glbSnap>>

(* panthor_gpu_irq_handler handles the completion and wakes the flush       *)
(* waiter.                                                                  *)
GpuIrqFlushDone ==
  /\ flush = 2
  /\ BitAnd(gpuIrq, IRQ_MASK) # 0
  /\ flush' = 0
  /\ UNCHANGED <<pm, dev, resetPending, resetQueued, resetFast, resetFailed, schedReset,
                 unplugged, unplug, pmRef, power, rpmError, mcu, booted, fwLoaded, imageGood,
                 reloaded, lastBootFailed, glbReq, glbAck, db0, csgDbReq, csgDbAck, bound,
                 csgStateReq, csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq,
                 csFaultAck, jobRaw, jobMask, jobSw, jobSusp, jobThread, gpuIrq, mmuIrq,
                 fwEvents, evWork, evDisabled, waiting, pingArmed, glbSnap>>

(* The flush wait in panthor_gpu_flush_caches times out (newer code): it    *)
(* gives up and schedules a reset (panthor_device_schedule_reset).          *)
FlushTimeout ==
  /\ flush # 0
  /\ resetPending' = TRUE
  /\ resetQueued' = IF ~resetPending /\ pm = PM_ACTIVE THEN TRUE ELSE resetQueued
  /\ flush' = 0
  /\ UNCHANGED <<pm, dev, resetFast, resetFailed, schedReset, unplugged, unplug, pmRef, power,
                 rpmError, mcu, booted, fwLoaded, imageGood, reloaded, lastBootFailed, glbReq,
                 glbAck, db0, csgDbReq, csgDbAck, bound, csgStateReq, csgStateAck, csgEvtReq,
                 csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck, jobRaw, jobMask, jobSw,
                 jobSusp, jobThread, gpuIrq, mmuIrq, fwEvents, evWork, evDisabled, waiting,
                 pingArmed, glbSnap>>

(* The MCU boots: the FW sets up its interface and raises the GLB job-IRQ   *)
(* bit.                                                                     *)
FwBootOk ==
  /\ mcu = MCU_BOOTING
  /\ imageGood
  /\ mcu' = MCU_RUNNING
  /\ jobRaw' = BitOr(jobRaw, 1)
  /\ UNCHANGED <<pm, dev, resetPending, resetQueued, resetFast, resetFailed, schedReset,
                 unplugged, unplug, pmRef, power, rpmError, booted, fwLoaded, imageGood,
                 reloaded, lastBootFailed, glbReq, glbAck, db0, csgDbReq, csgDbAck, bound,
                 csgStateReq, csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq,
                 csFaultAck, jobMask, jobSw, jobSusp, jobThread, gpuIrq, mmuIrq, fwEvents,
                 evWork, evDisabled, waiting, pingArmed, flush, glbSnap>>

(* The MCU fails to boot; the FW memory image is unusable until the         *)
(* sections reload.                                                         *)
FwBootFail ==
  /\ mcu = MCU_BOOTING
  /\ mcu' = MCU_HUNG
  /\ imageGood' = FALSE
  /\ UNCHANGED <<pm, dev, resetPending, resetQueued, resetFast, resetFailed, schedReset,
                 unplugged, unplug, pmRef, power, rpmError, booted, fwLoaded, reloaded,
                 lastBootFailed, glbReq, glbAck, db0, csgDbReq, csgDbAck, bound, csgStateReq,
                 csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck,
                 jobRaw, jobMask, jobSw, jobSusp, jobThread, gpuIrq, mmuIrq, fwEvents, evWork,
                 evDisabled, waiting, pingArmed, flush, glbSnap>>

(* The FW sees doorbell 0: it halts if GLB_HALT is set; otherwise it        *)
(* completes every pending GLB request (ack := req), and for every CSG      *)
(* whose doorbell request is pending it acks the doorbell and echoes        *)
(* CSG_STATE and CS_STATE, raising the job IRQ for what changed (the GLB    *)
(* bit for GLB acks, CSG bit i + 1 for slot i). Pend: slots with a pending  *)
(* doorbell; Chg: those whose CSG_STATE changes.                            *)
FwDoorbell ==
  LET Halt == BitAnd(glbReq, GLB_HALT) # 0
        GlbDone == BitAnd(BitXor(glbReq, glbAck), GLB_REQS) # 0
        Pend == BitXor(csgDbReq, csgDbAck)
        Chg == SetToMask({i \in SlotIds : BitAnd(Pend, 2^i) # 0
                                           /\ CsgState(csgStateAck, i) # CsgState(csgStateReq, i)})
  IN
  /\ mcu = MCU_RUNNING
  /\ db0
  /\ mcu' = IF Halt THEN MCU_HALTED ELSE mcu
  /\ glbAck' = IF Halt THEN glbAck ELSE CopyBits(glbAck, glbReq, GLB_REQS)
  /\ db0' = FALSE
  /\ csgDbAck' = IF Halt THEN csgDbAck ELSE CopyBits(csgDbAck, csgDbReq, Pend)
  /\ csgStateAck' = IF Halt THEN csgStateAck ELSE MergeCsgState(csgStateAck, csgStateReq, Chg)
  /\ csStartAck' = IF Halt THEN csStartAck ELSE CopyBits(csStartAck, csStart, Pend)
  /\ jobRaw' = IF Halt THEN jobRaw
                ELSE BitOr(jobRaw, (IF GlbDone THEN 1 ELSE 0) + 2 * Chg)
  /\ UNCHANGED <<pm, dev, resetPending, resetQueued, resetFast, resetFailed, schedReset,
                 unplugged, unplug, pmRef, power, rpmError, booted, fwLoaded, imageGood,
                 reloaded, lastBootFailed, glbReq, csgDbReq, bound, csgStateReq, csgEvtReq,
                 csgEvtAck, csStart, csFaultReq, csFaultAck, jobMask, jobSw, jobSusp, jobThread,
                 gpuIrq, mmuIrq, fwEvents, evWork, evDisabled, waiting, pingArmed, flush, glbSnap>>

(* The FW raises the GLB idle event (ack := NOT req), if it is not pending; *)
(* variant fw-raises-pending-event raises it again while it is (FH-3).      *)
FwGlbIdle ==
  /\ mcu = MCU_RUNNING
  /\ BitAnd(BitXor(glbReq, glbAck), GLB_IDLE) = 0 \/ Bug("fw-raises-pending-event")
  /\ glbAck' = BitXor(glbAck, GLB_IDLE)
  /\ jobRaw' = BitOr(jobRaw, 1)
  /\ UNCHANGED <<pm, dev, resetPending, resetQueued, resetFast, resetFailed, schedReset,
                 unplugged, unplug, pmRef, power, rpmError, mcu, booted, fwLoaded, imageGood,
                 reloaded, lastBootFailed, glbReq, db0, csgDbReq, csgDbAck, bound, csgStateReq,
                 csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq, csFaultAck,
                 jobMask, jobSw, jobSusp, jobThread, gpuIrq, mmuIrq, fwEvents, evWork,
                 evDisabled, waiting, pingArmed, flush, glbSnap>>

(* The FW raises a CSG event (sync update / idle) on a started slot, if not *)
(* pending.                                                                 *)
FwCsgEvent(slot) ==
  /\ Events
  /\ mcu = MCU_RUNNING
  /\ CsgState(csgStateAck, slot) = CSG_START
  /\ BitAnd(BitXor(csgEvtReq, csgEvtAck), 2^slot) = 0
  /\ csgEvtAck' = BitXor(csgEvtAck, 2^slot)
  /\ jobRaw' = BitOr(jobRaw, 2^(slot + 1))
  /\ UNCHANGED <<pm, dev, resetPending, resetQueued, resetFast, resetFailed, schedReset,
                 unplugged, unplug, pmRef, power, rpmError, mcu, booted, fwLoaded, imageGood,
                 reloaded, lastBootFailed, glbReq, glbAck, db0, csgDbReq, csgDbAck, bound,
                 csgStateReq, csgStateAck, csgEvtReq, csStart, csStartAck, csFaultReq,
                 csFaultAck, jobMask, jobSw, jobSusp, jobThread, gpuIrq, mmuIrq, fwEvents,
                 evWork, evDisabled, waiting, pingArmed, flush, glbSnap>>

(* The FW raises CS_FAULT on a started stream, if not pending (via          *)
(* cs_irq_req).                                                             *)
FwCsFault(slot) ==
  /\ Events
  /\ mcu = MCU_RUNNING
  /\ BitAnd(csStartAck, 2^slot) # 0
  /\ BitAnd(BitXor(csFaultReq, csFaultAck), 2^slot) = 0
  /\ csFaultAck' = BitXor(csFaultAck, 2^slot)
  /\ jobRaw' = BitOr(jobRaw, 2^(slot + 1))
  /\ UNCHANGED <<pm, dev, resetPending, resetQueued, resetFast, resetFailed, schedReset,
                 unplugged, unplug, pmRef, power, rpmError, mcu, booted, fwLoaded, imageGood,
                 reloaded, lastBootFailed, glbReq, glbAck, db0, csgDbReq, csgDbAck, bound,
                 csgStateReq, csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq,
                 jobMask, jobSw, jobSusp, jobThread, gpuIrq, mmuIrq, fwEvents, evWork,
                 evDisabled, waiting, pingArmed, flush, glbSnap>>

(* The FW hangs: it stops answering anything.                               *)
FwHang ==
  /\ Hang
  /\ mcu = MCU_RUNNING
  /\ mcu' = MCU_HUNG
  /\ UNCHANGED <<pm, dev, resetPending, resetQueued, resetFast, resetFailed, schedReset,
                 unplugged, unplug, pmRef, power, rpmError, booted, fwLoaded, imageGood,
                 reloaded, lastBootFailed, glbReq, glbAck, db0, csgDbReq, csgDbAck, bound,
                 csgStateReq, csgStateAck, csgEvtReq, csgEvtAck, csStart, csStartAck, csFaultReq,
                 csFaultAck, jobRaw, jobMask, jobSw, jobSusp, jobThread, gpuIrq, mmuIrq,
                 fwEvents, evWork, evDisabled, waiting, pingArmed, flush, glbSnap>>
-----------------------------------------------------------------------------
(* The Java explorer accepts states where the unplug thread is done as     *)
(* ends; this stuttering step keeps TLC's deadlock check in line with it.  *)
Done == unplug = UNPLUG_DONE /\ UNCHANGED vars

Next ==
  \/ ProbeLoad
  \/ HostBootOk
  \/ HostBootTimeout
  \/ ResetWorkStart
  \/ ResetSchedPre
  \/ ResetFwPre
  \/ ResetGpu
  \/ FwPostReset
  \/ ResetFinish
  \/ SuspendStart
  \/ SuspendSched
  \/ SuspendFw
  \/ HaltDone
  \/ HaltTimeout
  \/ IrqSuspendStep1
  \/ IrqSuspendStep2
  \/ IrqSuspendStep3
  \/ SuspendPowerOff
  \/ ResumeStart
  \/ ResumeSched
  \/ UnplugStart
  \/ UnplugStep1
  \/ UnplugStep2
  \/ UnplugSched
  \/ UnplugFw
  \/ UnplugHaltDone
  \/ UnplugIrqs
  \/ JobIrqRaw
  \/ JobIrqBatch
  \/ JobIrqClear
  \/ JobIrqDone
  \/ EventsWork
  \/ \E slot \in SlotIds : Bind(slot)
  \/ \E slot \in SlotIds : Unbind(slot)
  \/ WaitAcked
  \/ WaitTimeout
  \/ PingWork
  \/ PingWrite
  \/ FlushRequest
  \/ GpuFlushComplete
  \/ GpuIrqFlushDone
  \/ FlushTimeout
  \/ FwBootOk
  \/ FwBootFail
  \/ FwDoorbell
  \/ FwGlbIdle
  \/ \E slot \in SlotIds : FwCsgEvent(slot)
  \/ \E slot \in SlotIds : FwCsFault(slot)
  \/ FwHang
  \/ Done

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
(* State invariants (FwProperties).  FH-8 and FH-9 are not TLA+            *)
(* identifiers; the Java name is in the comment.                           *)

\* Java "FH-8": doorbell after request: a request the host waits for is visible to a running
\* FW (doorbell 0 rung, and the slot's CSG doorbell toggled).
FH8_DoorbellAfterRequest ==
  \/ mcu # MCU_RUNNING
  \/ waiting = WAIT_NONE
  \/ Acked
  \/ IF waiting = WAIT_PING
       THEN db0
       ELSE db0 /\ BitAnd(BitXor(csgDbReq, csgDbAck), 2^(waiting - WAIT_CSG)) # 0

\* Java "FH-9": no wait on HALT: GLB_HALT is never awaited through ack.
FH9_NoWaitOnHalt == waiting = WAIT_NONE \/ BitAnd(glbReq, GLB_HALT) = 0

\* Every scheduler pre-reset is followed by a post-reset (reset.in_progress cleared).
ResetEndsWithPostReset == InReset(dev) \/ ~schedReset

\* Once the FW sections are freed no FW-events work is pending (nor can be queued).
NoFwEventWorkAfterFree == fwLoaded \/ evWork = 0

\* A suspended job IRQ has JOB_INT_MASK = 0.
IrqMaskedWhileSuspended == ~jobSusp \/ ~jobMask

\* Whenever the GPU has no power, every IRQ block is suspended and masked.
IrqsSuspendedWhenPoweredOff ==
  power \/ (jobSusp /\ ~jobMask /\ gpuIrq = IRQ_SUSPENDED /\ mmuIrq = IRQ_SUSPENDED)

\* A pending GLB idle event of a running FW is in JOB_INT_RAWSTAT or sched->fw_events.
NoLostFwEvent ==
  ~(/\ fwLoaded /\ mcu = MCU_RUNNING /\ ~jobSusp
    /\ BitAnd(BitXor(glbReq, glbAck), GLB_IDLE) # 0
    /\ BitAnd(BitOr(jobRaw, fwEvents), 1) = 0)

-----------------------------------------------------------------------------
(* Who takes each step, and what it may write (FwAction.host, reload,      *)
(* glbMask, doorbellMask).  The action properties below constrain host or  *)
(* FW steps, so they name the steps: a step formula holds for a pair of    *)
(* states when that action can take the first to the second.  A property   *)
(* written as /\ (A => P_A) /\ (B => P_B) ... holds for a transition when *)
(* every action that can make it satisfies its P, which is what the Java   *)
(* explorer checks for each (s, a, s').  Done is not an action of the Java *)
(* model: it stutters, so [][...]_vars never looks at it.                  *)

\* The FW reloads: every FW section (re)loaded, the interface blocks restored to their initial
\* contents (FwAction.reload(); FH-1 ... FH-7 exempt them).
ReloadStep == ProbeLoad \/ FwPostReset

\* Host steps that may write the GLB req word or doorbell_req, with their masks (FwAction.glbMask,
\* FwAction.doorbellMask; every other host step has both masks 0).
HostBootOkStep == HostBootOk            \* glbMask GLB_CFG (panthor_fw_init_global_iface)
HaltRequestStep == SuspendFw \/ UnplugFw \* glbMask GLB_HALT (panthor_fw_halt_mcu)
PingStep == PingWork \/ PingWrite       \* glbMask GLB_PING (panthor_fw_ping_work)
EventsWorkStep == EventsWork            \* glbMask GLB_IDLE, doorbellMask EventsWorkDbMask
SlotStep(slot) == Bind(slot) \/ Unbind(slot) \* doorbellMask the slot's bit

\* EventsWork's doorbell mask: the bound slots with an event in fw_events (read before the step).
EventsWorkDbMask == BitAnd(fwEvents \div 2, bound)

\* Host steps whose masks are both 0.
HostUnmaskedStep ==
  \/ HostBootTimeout
  \/ ResetWorkStart
  \/ ResetSchedPre
  \/ ResetFwPre
  \/ ResetGpu
  \/ ResetFinish
  \/ SuspendStart
  \/ SuspendSched
  \/ HaltDone
  \/ HaltTimeout
  \/ IrqSuspendStep1
  \/ IrqSuspendStep2
  \/ IrqSuspendStep3
  \/ SuspendPowerOff
  \/ ResumeStart
  \/ ResumeSched
  \/ UnplugStart
  \/ UnplugStep1
  \/ UnplugStep2
  \/ UnplugSched
  \/ UnplugHaltDone
  \/ UnplugIrqs
  \/ JobIrqRaw
  \/ JobIrqBatch
  \/ JobIrqClear
  \/ JobIrqDone
  \/ WaitAcked
  \/ WaitTimeout
  \/ FlushRequest
  \/ GpuIrqFlushDone
  \/ FlushTimeout

\* A host step other than a reload (Java: a.host() && !a.reload()).
HostUpdateStep ==
  \/ HostUnmaskedStep
  \/ HostBootOkStep
  \/ HaltRequestStep
  \/ PingStep
  \/ EventsWorkStep
  \/ \E slot \in SlotIds : SlotStep(slot)

\* Every host step (FwAction.host()).
HostStep == HostUpdateStep \/ ReloadStep

\* Every FW (device) step (!FwAction.host()).
FwStep ==
  \/ FwBootOk
  \/ FwBootFail
  \/ GpuFlushComplete
  \/ FwDoorbell
  \/ FwGlbIdle
  \/ \E slot \in SlotIds : FwCsgEvent(slot)
  \/ \E slot \in SlotIds : FwCsFault(slot)
  \/ FwHang

-----------------------------------------------------------------------------
(* The bit tests of FwProperties, over the values before a step (req, ack) *)
(* and after it (req2, ack2).                                              *)

GLB_ALL == GLB_HALT + GLB_CFG + GLB_PING + GLB_IDLE

\* FwProperties.cancelled: request bits of mask pending before that the step set back to ack
\* (ack unchanged).
Cancelled(req, ack, req2, ack2, mask) ==
  BitClear(BitClear(BitAnd(BitXor(req, ack), mask), BitXor(req2, ack2)), BitXor(ack, ack2))

\* FwProperties.hostAcks: every event bit of mask the host changed ends equal to ack.
HostAcks(req, req2, ack2, mask) == BitAnd(BitAnd(BitXor(req, req2), mask), BitXor(req2, ack2)) = 0

\* FwProperties.completes: every request bit of mask the FW changed in ack ends equal to req.
Completes(ack, ack2, req2, mask) == BitAnd(BitAnd(BitXor(ack, ack2), mask), BitXor(ack2, req2)) = 0

\* FwProperties.raisesOnlyIdle: every event bit of mask the FW changed in ack was not pending.
RaisesOnlyIdle(req, ack, ack2, mask) ==
  BitAnd(BitAnd(BitXor(ack, ack2), mask), BitXor(req, ack)) = 0

\* FH-4: the step writes only the GLB req bits of glbMask and the doorbell_req bits of dbMask.
WritesOnly(glbMask, dbMask) ==
  /\ BitClear(BitAnd(BitXor(glbReq, glbReq'), GLB_ALL), glbMask) = 0
  /\ BitClear(BitAnd(BitXor(csgDbReq, csgDbReq'), SlotMaskAll), dbMask) = 0

\* FH-6: the step writes a CSG or CS req word of slot (CSG_STATE, CS_STATE, CSG or CS_FAULT events).
WritesSlot(slot) ==
  \/ CsgState(csgStateReq, slot) # CsgState(csgStateReq', slot)
  \/ BitAnd(BitXor(csStart, csStart'), 2^slot) # 0
  \/ BitAnd(BitXor(csgEvtReq, csgEvtReq'), 2^slot) # 0
  \/ BitAnd(BitXor(csFaultReq, csFaultReq'), 2^slot) # 0

-----------------------------------------------------------------------------
(* Action properties (FwProperties), as [][...]_vars.  FH-1 ... FH-9 are   *)
(* not TLA+ identifiers; the Java name is in the comment.  Each one starts *)
(* with a cheap disjunct (the words it reads are unchanged, so it holds)   *)
(* before naming the steps; that changes nothing but TLC's time.  The MC   *)
(* configurations list FH4 first, as FwProperties does (a lost update      *)
(* usually also cancels a request; the cause is the better report).        *)

\* Java "FH-4": no lost update: a helper call writes only the GLB req and doorbell_req bits of its
\* own mask.
FH4_NoLostUpdate ==
  [][\/ UNCHANGED <<glbReq, csgDbReq>>
     \/ /\ HostUnmaskedStep => WritesOnly(0, 0)
        /\ HostBootOkStep => WritesOnly(GLB_CFG, 0)
        /\ HaltRequestStep => WritesOnly(GLB_HALT, 0)
        /\ PingStep => WritesOnly(GLB_PING, 0)
        /\ EventsWorkStep => WritesOnly(GLB_IDLE, EventsWorkDbMask)
        /\ \A slot \in SlotIds : SlotStep(slot) => WritesOnly(0, 2^slot)]_vars

\* Java "FH-1": no cancelled request: the host never sets a pending request bit back to ack.
FH1_NoCancelledRequest ==
  [][\/ UNCHANGED <<glbReq, glbAck, csgDbReq, csgDbAck>>
     \/ HostUpdateStep =>
          /\ Cancelled(glbReq, glbAck, glbReq', glbAck', GLB_REQS) = 0
          /\ Cancelled(csgDbReq, csgDbAck, csgDbReq', csgDbAck', SlotMaskAll) = 0]_vars

\* Java "FH-2": the host does not invent events: it only ever writes req[e] := ack[e].
FH2_HostDoesNotInventEvents ==
  [][\/ UNCHANGED <<glbReq, csgEvtReq, csFaultReq>>
     \/ HostUpdateStep =>
          /\ HostAcks(glbReq, glbReq', glbAck', GLB_IDLE)
          /\ HostAcks(csgEvtReq, csgEvtReq', csgEvtAck', SlotMaskAll)
          /\ HostAcks(csFaultReq, csFaultReq', csFaultAck', SlotMaskAll)]_vars

\* Java "FH-3": the FW completes requests (ack := req) and raises only events that are not pending.
FH3_FwCompletesRequests ==
  [][\/ UNCHANGED <<glbAck, csgDbAck, csgEvtAck, csFaultAck>>
     \/ FwStep =>
          /\ Completes(glbAck, glbAck', glbReq', GLB_REQS)
          /\ Completes(csgDbAck, csgDbAck', csgDbReq', SlotMaskAll)
          /\ RaisesOnlyIdle(glbReq, glbAck, glbAck', GLB_IDLE)
          /\ RaisesOnlyIdle(csgEvtReq, csgEvtAck, csgEvtAck', SlotMaskAll)
          /\ RaisesOnlyIdle(csFaultReq, csFaultAck, csFaultAck', SlotMaskAll)]_vars

\* Java "FH-5": one CSG_STATE request at a time: a new value only once the previous one is acked.
FH5_OneStateRequestAtATime ==
  [][\/ UNCHANGED csgStateReq
     \/ HostUpdateStep =>
          \A slot \in SlotIds :
            CsgState(csgStateReq, slot) # CsgState(csgStateReq', slot)
              => CsgState(csgStateReq, slot) = CsgState(csgStateAck, slot)]_vars

\* Java "FH-6": CSG and CS req words of a slot are written only while a group is bound to it.
FH6_BoundSlotUse ==
  [][\/ UNCHANGED <<csgStateReq, csStart, csgEvtReq, csFaultReq>>
     \/ HostUpdateStep =>
          \A slot \in SlotIds :
            WritesSlot(slot) => BitAnd(BitOr(bound, bound'), 2^slot) # 0]_vars

\* Java "FH-7": boot gating: GLB requests (CFG, PING, HALT) are written only while the FW
\* interface exists and the FW booted.
FH7_BootGating ==
  [][\/ BitAnd(BitXor(glbReq, glbReq'), GLB_REQS + GLB_HALT) = 0
     \/ HostUpdateStep => fwLoaded /\ booted]_vars

\* Java "FwReloadAfterFailedBoot": after a failed boot, the next boot attempt reloads every
\* FW section.
FwReloadAfterFailedBoot == [][FwPostReset => (~lastBootFailed \/ reloaded')]_vars

-----------------------------------------------------------------------------
(* Liveness: FL-1 ... FL-4 of FwProperties.liveness, under the fairness of *)
(* FwProperties.fairness with one change (see Fairness).  The kernel's own *)
(* steps (FwAction.Driver.KERNEL: works, IRQ handlers, timeouts, the next  *)
(* step of a sequence) are weakly fair, one WF per action, except the ping *)
(* work and the FW-events work, which are strongly fair.  The device's     *)
(* answers (Driver.DEVICE: the FW seeing a doorbell, the MCU booting or    *)
(* failing to, the GPU completing a flush) are weakly fair.  The           *)
(* environment's choices (Driver.ENVIRONMENT: SuspendStart, ResumeStart,   *)
(* UnplugStart, Bind, Unbind, FlushRequest, FwGlbIdle, FwCsgEvent,         *)
(* FwCsFault, FwHang) have no fairness.  No action of the model can        *)
(* stutter, so ENABLED A is ENABLED <<A>>_vars.  Done needs no fairness:   *)
(* it stutters, and a behaviour that stops anywhere stutters forever in    *)
(* TLA+, which is how the Java liveness checker reads a state without      *)
(* successors (so the liveness configurations turn the deadlock check off; *)
(* MC_small.cfg does it).                                                  *)

\* The kernel steps with weak fairness: every FwAction.Driver.KERNEL action but EventsWork,
\* PingWork and UnplugFw.
KernelFairness ==
  /\ WF_vars(ProbeLoad)
  /\ WF_vars(HostBootOk)
  /\ WF_vars(HostBootTimeout)
  /\ WF_vars(ResetWorkStart)
  /\ WF_vars(ResetSchedPre)
  /\ WF_vars(ResetFwPre)
  /\ WF_vars(ResetGpu)
  /\ WF_vars(FwPostReset)
  /\ WF_vars(ResetFinish)
  /\ WF_vars(SuspendSched)
  /\ WF_vars(SuspendFw)
  /\ WF_vars(HaltDone)
  /\ WF_vars(HaltTimeout)
  /\ WF_vars(IrqSuspendStep1)
  /\ WF_vars(IrqSuspendStep2)
  /\ WF_vars(IrqSuspendStep3)
  /\ WF_vars(SuspendPowerOff)
  /\ WF_vars(ResumeSched)
  /\ WF_vars(UnplugStep1)
  /\ WF_vars(UnplugStep2)
  /\ WF_vars(UnplugSched)
  /\ WF_vars(UnplugHaltDone)
  /\ WF_vars(UnplugIrqs)
  /\ WF_vars(JobIrqRaw)
  /\ WF_vars(JobIrqBatch)
  /\ WF_vars(JobIrqClear)
  /\ WF_vars(JobIrqDone)
  /\ WF_vars(WaitAcked)
  /\ WF_vars(WaitTimeout)
  /\ WF_vars(PingWrite)
  /\ WF_vars(GpuIrqFlushDone)
  /\ WF_vars(FlushTimeout)

\* The device answers: the FW sees doorbell 0, the MCU boots or fails to, the GPU completes a
\* cache flush.
DeviceFairness ==
  /\ WF_vars(FwDoorbell)
  /\ WF_vars(FwBootOk \/ FwBootFail)
  /\ WF_vars(GpuFlushComplete)

\* The FW-events work and the ping work are strongly fair.  process_fw_events_work waits for
\* sched->lock, which the abstract scheduler holds for every CSG request-with-wait (Bind, Unbind
\* are environment steps with no fairness), so EventsWork is enabled only intermittently while
\* the scheduler keeps binding and unbinding: under weak fairness it can starve forever and FL-2
\* fails (LiveSpecWeakEvents, MC_small_live_weak_events.cfg).  A kernel mutex waiter does get
\* the lock, so strong fairness is the faithful abstraction.  The ping work is strongly fair for
\* the same reason (FwProperties.fairness: the model lets one request-with-wait run at a time, so
\* the abstract scheduler could otherwise starve it).
Fairness ==
  /\ KernelFairness
  /\ SF_vars(EventsWork)
  /\ SF_vars(PingWork)
  /\ SF_vars(UnplugFw)
  /\ DeviceFairness

LiveSpec == Spec /\ Fairness

\* The fairness FwProperties.fairness declared when the TLA+ twin was first checked: EventsWork
\* weakly fair.  FL-2 fails under it (the scheduler starves the FW-events work); kept so that the
\* Java liveness checker can be compared with TLC on that counterexample too.
WeakEventsFairness ==
  /\ KernelFairness
  /\ WF_vars(EventsWork)
  /\ SF_vars(PingWork)
  /\ SF_vars(UnplugFw)
  /\ DeviceFairness

LiveSpecWeakEvents == Spec /\ WeakEventsFairness

\* FwProperties.mcuStopped: the MCU no longer runs this interface (halted, disabled, or its memory
\* freed).
McuStopped == ~fwLoaded \/ mcu = MCU_HALTED \/ mcu = MCU_DISABLED

\* Java "FL-1": every pending GLB or CSG request is eventually acknowledged (or the MCU stopped, or
\* the FW is gone).  Clauses GlbRequestAcked, CsgRequestAcked(slot).
FL_1 ==
  /\ (fwLoaded /\ BitAnd(BitXor(glbReq, glbAck), GLB_REQS) # 0)
       ~> (BitAnd(BitXor(glbReq, glbAck), GLB_REQS) = 0 \/ McuStopped)
  /\ \A slot \in SlotIds :
       (fwLoaded /\ CsgState(csgStateReq, slot) # CsgState(csgStateAck, slot))
         ~> (CsgState(csgStateReq, slot) = CsgState(csgStateAck, slot) \/ McuStopped)

\* Java "FL-2": every FW event whose IRQ reached sched->fw_events while no reset is under way is
\* eventually acknowledged by the host.  Clauses GlbEventAcked, CsgEventAcked(slot).  "Its IRQ
\* came while no reset was under way" is "the FW-events work is queued" (evWork = 1):
\* panthor_sched_report_fw_events queues it exactly then.  FwProperties reads it as noReset(s)
\* instead, which also takes in events parked in fw_events during a reset once the reset is over;
\* those wait for a later job IRQ (reference section 7, item 8), which never
\* comes if the device then suspends for good, so FL-2 fails that way with Suspend = TRUE.
FL_2 ==
  /\ (/\ fwLoaded
      /\ BitAnd(BitXor(glbReq, glbAck), GLB_IDLE) # 0
      /\ BitAnd(fwEvents, 1) # 0
      /\ evWork = 1)
       ~> (BitAnd(BitXor(glbReq, glbAck), GLB_IDLE) = 0 \/ ~fwLoaded)
  /\ \A slot \in SlotIds :
       (/\ fwLoaded
        /\ BitAnd(bound, 2^slot) # 0
        /\ BitAnd(BitXor(csgEvtReq, csgEvtAck), 2^slot) # 0
        /\ BitAnd(fwEvents, 2^(slot + 1)) # 0
        /\ evWork = 1)
         ~> (\/ BitAnd(BitXor(csgEvtReq, csgEvtAck), 2^slot) = 0
             \/ BitAnd(bound, 2^slot) = 0
             \/ ~fwLoaded)

\* Java "FL-3": a hung FW eventually gets a reset scheduled, and a scheduled reset eventually clears
\* reset.pending (unless the device is suspended or unplugged).  Clauses HangDetected,
\* ResetCompletes.
FL_3 ==
  /\ (mcu = MCU_HUNG) ~> (resetPending \/ mcu # MCU_HUNG \/ pm # PM_ACTIVE \/ ~fwLoaded)
  /\ resetPending ~> (~resetPending \/ pm # PM_ACTIVE \/ ~fwLoaded)

\* Java "FL-4": after a successful panthor_fw_post_reset the ping work runs again (unless another
\* reset, a suspend or an unplug comes first).  Clause PingAfterReset.
FL_4 ==
  (dev = PC_RESET_FINISH /\ ~resetFailed)
    ~> (\/ BitAnd(BitXor(glbReq, glbAck), GLB_PING) # 0
        \/ waiting = WAIT_PING
        \/ glbSnap >= 0
        \/ resetPending
        \/ pm # PM_ACTIVE
        \/ unplugged
        \/ ~fwLoaded)

=============================================================================
