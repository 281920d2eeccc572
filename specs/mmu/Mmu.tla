-------------------------------- MODULE Mmu --------------------------------
(***************************************************************************)
(* AS slots, the AS command protocol and VM management of panthor          *)
(* (panthor_mmu.c), generation G3 with the Dec 2025 fixes: the TLA+ twin   *)
(* of the Java model org.panthorverify.models.mmu (MmuModel, MmuState,     *)
(* MmuAction, MmuProperties; model id 'mmu', see specs/mmu/README.md).     *)
(*                                                                         *)
(* The variables are the fields of MmuState.W, in the same order, with the *)
(* same names, and hold the values the Java fields hold, except that bit   *)
(* masks are sets here:                                                    *)
(*   - AS, VM and group ids are 0..As, 0..Vms, 0..Groups-1 (AS 0 and VM 0  *)
(*     are the MCU's); -1 is "none" (no VM, no AS, no locked page);        *)
(*   - AS masks (alloc, faulty, asActive, stuck, asEn, raw, hwMask,        *)
(*     swMask, stalled, irqStatus) are sets of AS ids, VM masks            *)
(*     (destroyed, unusable, unhandled, opLock, opCtx, opFailed) sets of   *)
(*     VM ids;                                                             *)
(*   - the page tables pt are a function from VM to its mapped pages, the  *)
(*     cached translations tlb a function from AS and page to a VM (or -1);*)
(*   - lru and the bind queues are sequences (head first), a queue holds   *)
(*     op codes 1 + page + 2*unmap + 4*async, or UNMAP_ALL (9);            *)
(*   - program counters, group states, AS commands and the slots_lock      *)
(*     holder are the ints of MmuModel and MmuState (S_*, O_*, I_*, G_*,   *)
(*     CMD_*, LOCK_*; VM v's operation holds slots_lock as 3 + v);         *)
(*   - the history flags are a set of the names of the F_* bits.           *)
(*                                                                         *)
(* Each state of the Java explorer maps to exactly one state here and      *)
(* back, so TLC finds the same number of distinct states and the same      *)
(* depth as the explorer on every MC file (MmuTlcCrossCheckTest; the       *)
(* numbers are in specs/mmu/README.md).                                    *)
(*                                                                         *)
(* Every step of the Java model (a case of MmuModel.step) is one action    *)
(* here, or several when the Java step branches (Active(Pick) is           *)
(* ActivePickBound, ActivePickReenable, ActivePickFree, ActivePickEvict    *)
(* and ActivePickBusy); each is a guard and simple assignments.  The       *)
(* actions are named after the MmuAction records and their step names      *)
(* (Active(EvictFlush) is ActiveEvictFlush, Op(v, LockRegion) is           *)
(* OpLockRegion(v), Irq(DisableUpdate) is IrqDisableUpdate, ...).          *)
(*                                                                         *)
(* Variant is the seeded bug switched on ("none" for the correct model),   *)
(* named as in MmuModel.VARIANTS (all nine); Bug(v) tests it.              *)
(* The properties have the names of MmuProperties, '-' written '_'         *)
(* (M_1 ... M_10, TlbCoherent, ...).                                       *)
(***************************************************************************)
EXTENDS Naturals, Integers, Sequences, FiniteSets

CONSTANTS
  As,         \* user AS slots, 1..3 (AS 0, the MCU VM's, comes on top)
  Vms,        \* user VMs, 1..3 (VM 0 is the MCU VM)
  Groups,     \* groups, 1..3; group g uses user VM 1 + g % Vms
  Pages,      \* VA pages per VM, 1..2
  Binds,      \* VM_BIND operations userspace may submit in all (async or sync), 0..4
  Faults,     \* GPU accesses to an unmapped page (MMU faults) that may happen, 0..3
  Hang,       \* an AS may get stuck with AS_ACTIVE set (the command times out: reset)
  Destroy,    \* userspace may destroy a VM
  AllocFail,  \* a page-table edit may fail (the VM is declared unusable)
  Suspend,    \* the device may runtime-suspend and resume
  Variant     \* "none", or one variant name of MmuModel.VARIANTS

ASSUME As \in 1..3
ASSUME Vms \in 1..3
ASSUME Groups \in 1..3
ASSUME Pages \in 1..2
ASSUME Binds \in 0..4
ASSUME Faults \in 0..3
ASSUME {Hang, Destroy, AllocFail, Suspend} \subseteq BOOLEAN
ASSUME Variant \in {"none", "as-cmd-no-wait", "mmu-irq-mask-stale", "mmu-clear-before-handle",
                    "evict-active-vm", "unlock-without-flush", "recycle-without-flush",
                    "active-without-op-lock", "idle-without-lru", "bind-on-destroyed-vm",
                    "suspend-keeps-lru"}

Bug(v) == Variant = v

AsIds == 0..As            \* every AS, AS 0 included
UserAs == 1..As
VmIds == 0..Vms           \* every VM, the MCU VM 0 included
UserVms == 1..Vms
GroupIds == 0..(Groups - 1)
PageIds == 0..(Pages - 1)

\* The user VM of group g (MmuConfig.vmOf).
VmOf(g) == 1 + (g % Vms)

-----------------------------------------------------------------------------
(* Constants of MmuState and MmuModel.                                     *)

\* Group states of the abstract scheduler.
G_IDLE == 0
G_RUNNABLE == 1
G_BOUND == 2
G_DEAD == 3

\* Who holds slots_lock: nobody, the scheduler, the IRQ thread, or VM v's operation (3 + v).
LOCK_FREE == 0
LOCK_SCHED == 1
LOCK_IRQ == 2
OpHolder(v) == 3 + v

\* AS commands (AS_COMMAND_*).
CMD_NONE == 0
CMD_UPDATE == 1
CMD_LOCK == 2
CMD_UNLOCK == 3

\* The scheduler thread: panthor_vm_active past its fast path.
S_IDLE == 0
S_LOCK == 1
S_PICK == 2
S_EV_FLUSH == 3
S_EV_FLUSH_WAIT == 4
S_EV_UNLOCK == 5
S_EV_UNLOCK_WAIT == 6
S_EV_RELEASE == 7
S_ENABLE == 8
S_ENABLE_WAIT == 9
S_DONE == 10

\* A VM operation (panthor_vm_exec_op) of one VM.
O_IDLE == 0
O_LOCK == 1
O_LOCKREG == 2
O_LOCKREG_WAIT == 3
O_EDIT == 4
O_UNUSABLE == 5
O_DIS_FLUSH == 6
O_DIS_FLUSH_WAIT == 7
O_DIS_UNLOCK == 8
O_DIS_UNLOCK_WAIT == 9
O_DIS_UPDATE == 10
O_DIS_UPDATE_WAIT == 11
O_UNLOCKREG == 12
O_UL_FLUSH_WAIT == 13
O_UL_UNLOCK == 14
O_UL_UNLOCK_WAIT == 15
O_END == 16

\* The MMU IRQ's threaded handler.
I_IDLE == 0
I_NEXT == 1
I_DIS_FLUSH == 2
I_DIS_FLUSH_WAIT == 3
I_DIS_UNLOCK == 4
I_DIS_UNLOCK_WAIT == 5
I_DIS_UPDATE == 6
I_DIS_UPDATE_WAIT == 7

\* History flags (MmuState.F_*): events the properties forbid, recorded when they happen.
F_OVERRUN == "F_OVERRUN"                \* an AS command written while AS_ACTIVE was set (M-5)
F_RELEASED_BUSY == "F_RELEASED_BUSY"    \* slots_lock released, a command in flight on a
                                        \*   working AS (M-5)
F_EARLY_CLEAR == "F_EARLY_CLEAR"        \* a fault cleared before its AS was marked faulty
F_UNLOCKED_EDIT == "F_UNLOCKED_EDIT"    \* a page table edited outside the locked region (M-6)
F_BIND_DEAD_VM == "F_BIND_DEAD_VM"      \* a VM_BIND job accepted on a destroyed/unusable VM
F_MAP_UNUSABLE == "F_MAP_UNUSABLE"      \* a MAP ran on an unusable VM (M-10)
Flags == {F_OVERRUN, F_RELEASED_BUSY, F_EARLY_CLEAR, F_UNLOCKED_EDIT, F_BIND_DEAD_VM,
          F_MAP_UNUSABLE}

\* Op codes: 1 + page + 2 * unmap + 4 * async, or UNMAP_ALL, the synchronous unmap of the whole
\* VA range by panthor_vm_destroy; ALL_PAGES is a lock region (or page argument) covering every
\* page.
UNMAP_ALL == 9
ALL_PAGES == 2
Code(p, unmap, async) == 1 + p + (IF unmap THEN 2 ELSE 0) + (IF async THEN 4 ELSE 0)
PageOf(code) == IF code = UNMAP_ALL THEN ALL_PAGES ELSE (code - 1) % 2
IsUnmap(code) == code = UNMAP_ALL \/ ((code - 1) \div 2) % 2 = 1
IsAsync(code) == code # UNMAP_ALL /\ ((code - 1) \div 4) % 2 = 1
\* The pages an op edits.
PagesOf(code) == IF PageOf(code) = ALL_PAGES THEN PageIds ELSE {PageOf(code)}

-----------------------------------------------------------------------------
(* Sequence and set helpers.                                               *)

Range(s) == {s[k] : k \in DOMAIN s}

\* s without the first occurrence of x (List.remove(Integer.valueOf(x))).
RemoveFirst(s, x) ==
  IF x \in Range(s)
    THEN LET k == CHOOSE k \in DOMAIN s : s[k] = x /\ \A j \in 1..(k - 1) : s[j] # x
         IN SubSeq(s, 1, k - 1) \o SubSeq(s, k + 1, Len(s))
    ELSE s

Min(S) == CHOOSE x \in S : \A y \in S : x <= y

-----------------------------------------------------------------------------
VARIABLES
  \* --- kernel bookkeeping (panthor_mmu::as, panthor_vm) ---
  slotVm,        \* per AS: slots[a].vm, -1 for none
  alloc,         \* alloc_mask
  faulty,        \* faulty_mask
  lru,           \* lru_list, a sequence of VM ids, head first
  asId,          \* per VM: vm->as.id, -1 when unbound
  active,        \* per VM: vm->as.active_cnt
  destroyed,     \* VMs with destroyed set
  unusable,      \* VMs with unusable set
  unhandled,     \* VMs with unhandled_fault set
  locked,        \* per VM: vm->locked_region, the locked page (ALL_PAGES for all), -1 for none
  opLock,        \* VMs whose op_lock is held
  opCtx,         \* VMs whose op_ctx is set
  pt,            \* per VM: the mapped pages of its page table
  queue,         \* per VM: the async VM_BIND jobs queued (drm_sched entity), op codes
  binds,         \* VM_BIND operations userspace may still submit
  grp,           \* per group: its state (G_*) in the abstract scheduler
  \* --- threads ---
  schPc,         \* the scheduler thread (panthor_vm_active): program counter (S_*)
  schG,          \*   the group it binds (0 when idle)
  schAs,         \*   the AS it programs, -1 for none
  schVictim,     \*   the VM it evicts, -1 for none
  opPc,          \* per VM: the VM operation in progress: program counter (O_*)
  opCode,        \*   and its op code (0 when none)
  irqPc,         \* the MMU IRQ's threaded handler: program counter (I_*)
  irqAs,         \*   the AS it handles, -1 for none
  irqStatus,     \*   (variant mmu-clear-before-handle) the status the generic entry cleared
  lockHolder,    \* slots_lock holder (LOCK_*, or 3 + v)
  resetPending,  \* panthor_device_schedule_reset was called and the reset has not run yet
  suspended,     \* the device is runtime-suspended (panthor_mmu_suspend ran, no resume yet)
  \* --- hardware ---
  asActive,      \* ASes with AS_STATUS.AS_ACTIVE set
  asCmd,         \* per AS: the command in flight (CMD_*)
  stuck,         \* ASes stuck with AS_ACTIVE set
  asEn,          \* ASes translating (TRANSCFG not UNMAPPED)
  asVm,          \* per AS: the VM whose page table it translates with, -1 for none
  asLock,        \* per AS: the page locked by LOCK (hardware lock region), -1 for none
  asReg,         \* per AS: the translation registers as written (the VM, or -1 for the
                 \*   UNMAPPED TRANSCFG); UPDATE makes them current
  asArg,         \* per AS: the argument of the command in flight (the page of a LOCK)
  opFailed,      \* VMs whose operation in progress failed
  flags,         \* history flags of events the properties forbid (F_*)
  flushing,      \* a GPU_CMD cache flush is in flight
  tlb,           \* per AS and page: the VM whose mapping is cached, -1 for none
  raw,           \* MMU_INT_RAWSTAT: ASes with a fault pending
  hwMask,        \* MMU_INT_MASK
  swMask,        \* the IRQ's software mask
  stalled,       \* ASes with a faulting GPU agent waiting for its fault to be cleared
  faultsLeft,    \* faults that may still happen
  hangsLeft,     \* AS hangs that may still happen
  \* --- history, for witnesses and properties ---
  evicted,       \* an LRU eviction happened
  recycled,      \* a slot went to another VM than before
  reenabled,     \* a faulty AS was re-enabled
  ebusy          \* panthor_vm_active returned -EBUSY

vars == <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled, locked,
          opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim, opPc, opCode,
          irqPc, irqAs, irqStatus, lockHolder, resetPending, suspended, asActive, asCmd, stuck,
          asEn,
          asVm, asLock, asReg, asArg, opFailed, flags, flushing, tlb, raw, hwMask, swMask,
          stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy>>

Codes == 1..UNMAP_ALL
NoneOr(S) == S \cup {-1}

TypeOK ==
  /\ slotVm \in [AsIds -> NoneOr(VmIds)]
  /\ {alloc, faulty, asActive, stuck, asEn, raw, hwMask, swMask, stalled, irqStatus}
       \subseteq SUBSET AsIds
  /\ lru \in Seq(VmIds) /\ Len(lru) <= 3
  /\ asId \in [VmIds -> NoneOr(AsIds)]
  /\ active \in [VmIds -> 0..3]
  /\ {destroyed, unusable, unhandled, opLock, opCtx, opFailed} \subseteq SUBSET VmIds
  /\ locked \in [VmIds -> NoneOr(0..ALL_PAGES)]
  /\ pt \in [VmIds -> SUBSET PageIds]
  /\ queue \in [VmIds -> Seq(Codes)] /\ \A v \in VmIds : Len(queue[v]) <= 2
  /\ binds \in 0..Binds
  /\ grp \in [GroupIds -> {G_IDLE, G_RUNNABLE, G_BOUND, G_DEAD}]
  /\ schPc \in S_IDLE..S_DONE
  /\ schG \in GroupIds
  /\ schAs \in NoneOr(AsIds)
  /\ schVictim \in NoneOr(VmIds)
  /\ opPc \in [VmIds -> O_IDLE..O_END]
  /\ opCode \in [VmIds -> 0..UNMAP_ALL]
  /\ irqPc \in I_IDLE..I_DIS_UPDATE_WAIT
  /\ irqAs \in NoneOr(AsIds)
  /\ lockHolder \in {LOCK_FREE, LOCK_SCHED, LOCK_IRQ} \cup {OpHolder(v) : v \in UserVms}
  /\ asCmd \in [AsIds -> CMD_NONE..CMD_UNLOCK]
  /\ asVm \in [AsIds -> NoneOr(VmIds)]
  /\ asLock \in [AsIds -> NoneOr(0..ALL_PAGES)]
  /\ asReg \in [AsIds -> NoneOr(VmIds)]
  /\ asArg \in [AsIds -> 0..ALL_PAGES]
  /\ flags \subseteq Flags
  /\ tlb \in [AsIds -> [PageIds -> NoneOr(VmIds)]]
  /\ faultsLeft \in 0..Faults
  /\ hangsLeft \in 0..1
  /\ {resetPending, suspended, flushing, evicted, recycled, reenabled, ebusy} \subseteq BOOLEAN

-----------------------------------------------------------------------------
(* The initial state (MmuModel.initialStates): the MCU VM (VM 0) holds AS  *)
(* 0 from FW init on (panthor_fw_init) and is never idled; user VMs start  *)
(* with every page mapped (set up by earlier VM_BINDs).  schAs, schVictim  *)
(* and irqAs start at -1, as their threads leave them when they finish.    *)

Init ==
  /\ slotVm = [a \in AsIds |-> IF a = 0 THEN 0 ELSE -1]
  /\ alloc = {0}
  /\ faulty = {}
  /\ lru = <<>>
  /\ asId = [v \in VmIds |-> IF v = 0 THEN 0 ELSE -1]
  /\ active = [v \in VmIds |-> IF v = 0 THEN 1 ELSE 0]
  /\ destroyed = {}
  /\ unusable = {}
  /\ unhandled = {}
  /\ locked = [v \in VmIds |-> -1]
  /\ opLock = {}
  /\ opCtx = {}
  /\ pt = [v \in VmIds |-> IF v = 0 THEN {} ELSE PageIds]
  /\ queue = [v \in VmIds |-> <<>>]
  /\ binds = Binds
  /\ grp = [g \in GroupIds |-> G_IDLE]
  /\ schPc = S_IDLE
  /\ schG = 0
  /\ schAs = -1
  /\ schVictim = -1
  /\ opPc = [v \in VmIds |-> O_IDLE]
  /\ opCode = [v \in VmIds |-> 0]
  /\ irqPc = I_IDLE
  /\ irqAs = -1
  /\ irqStatus = {}
  /\ lockHolder = LOCK_FREE
  /\ resetPending = FALSE
  /\ suspended = FALSE
  /\ asActive = {}
  /\ asCmd = [a \in AsIds |-> CMD_NONE]
  /\ stuck = {}
  /\ asEn = {0}
  /\ asVm = [a \in AsIds |-> IF a = 0 THEN 0 ELSE -1]
  /\ asLock = [a \in AsIds |-> -1]
  /\ asReg = [a \in AsIds |-> IF a = 0 THEN 0 ELSE -1]
  /\ asArg = [a \in AsIds |-> 0]
  /\ opFailed = {}
  /\ flags = {}
  /\ flushing = FALSE
  /\ tlb = [a \in AsIds |-> [p \in PageIds |-> -1]]
  /\ raw = {}
  /\ hwMask = AsIds
  /\ swMask = AsIds
  /\ stalled = {}
  /\ faultsLeft = Faults
  /\ hangsLeft = IF Hang THEN 1 ELSE 0
  /\ evicted = FALSE
  /\ recycled = FALSE
  /\ reenabled = FALSE
  /\ ebusy = FALSE

-----------------------------------------------------------------------------
(* Helpers of MmuModel (as expressions for the next values).               *)

\* as_send_cmd_and_wait, first half (MmuModel.writeCmd): wait_ready saw AS_ACTIVE clear, and the
\* command is written.  Every caller waits for AS_ACTIVE first, so F_OVERRUN is never recorded
\* in the modelled code; it is kept as in Java.
Overrun(a) == IF a \in asActive THEN {F_OVERRUN} ELSE {}
WriteCmd(a, cmd, arg) ==
  /\ asActive' = asActive \cup {a}
  /\ asCmd' = [asCmd EXCEPT ![a] = cmd]
  /\ asArg' = [asArg EXCEPT ![a] = arg]

\* MmuModel.release: slots_lock is released; a command in flight on a working (not stuck) AS,
\* with the ASes in flight `act', is recorded.
ReleasedBusy(act) == IF act \ stuck # {} THEN {F_RELEASED_BUSY} ELSE {}

\* A wait on AS a is stuck: AS_ACTIVE set and the AS hung (MmuModel.stuckBusy).
StuckBusy(a) == a >= 0 /\ a \in asActive /\ a \in stuck

\* The distinct VMs that groups hold, with VM `plus' (MmuModel.vmsInUse; the scheduler thread is
\* idle where it is used).
VmsInUse(plus) == Cardinality({VmOf(g) : g \in {h \in GroupIds : grp[h] = G_BOUND}} \cup {plus})

\* Whether a group of VM v is bound or being bound (MmuModel.vmInUse).
VmInUse(v) ==
  \/ \E g \in GroupIds : VmOf(g) = v /\ grp[g] = G_BOUND
  \/ schPc # S_IDLE /\ VmOf(schG) = v

\* The lowest AS whose fault the threaded handler still has to handle, or -1
\* (MmuModel.pendingFault).
FaultStatus == IF Bug("mmu-clear-before-handle") THEN irqStatus ELSE raw \cap swMask
PendingFault == IF FaultStatus = {} THEN -1 ELSE Min(FaultStatus)

-----------------------------------------------------------------------------
(* Userspace and the abstract scheduler.                                   *)

\* A group gets work and wants to run (a job submitted).
Submit(g) ==
  /\ grp[g] = G_IDLE
  /\ VmOf(g) \notin destroyed
  /\ grp' = [grp EXCEPT ![g] = G_RUNNABLE]
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, schPc, schG, schAs, schVictim, opPc,
                 opCode, irqPc, irqAs, irqStatus, lockHolder, resetPending, asActive, asCmd,
                 stuck, asEn, asVm, asLock, asReg, asArg, opFailed, flags, flushing, tlb, raw,
                 hwMask, swMask, stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled,
                 ebusy, suspended>>

\* The tick binds runnable group g (tick_ctx_apply -> group_bind_locked -> panthor_vm_active),
\* keeping the distinct VMs within the AS budget, never during a reset and never for a
\* destroyed VM.  The fast path of panthor_vm_active (active_cnt already above 0) binds at once.
TickBind(g) ==
  LET v == VmOf(g) IN
  /\ grp[g] = G_RUNNABLE
  /\ schPc = S_IDLE
  /\ ~resetPending
  /\ ~suspended
  /\ v \notin destroyed
  /\ VmsInUse(v) <= As
  /\ IF active[v] > 0
       THEN /\ active' = [active EXCEPT ![v] = @ + 1]
            /\ grp' = [grp EXCEPT ![g] = G_BOUND]
            /\ UNCHANGED <<schPc, schG, suspended>>
       ELSE /\ schPc' = S_LOCK
            /\ schG' = g
            /\ UNCHANGED <<active, grp, suspended>>
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, destroyed, unusable, unhandled, locked,
                 opLock, opCtx, pt, queue, binds, schAs, schVictim, opPc, opCode, irqPc, irqAs,
                 irqStatus, lockHolder, resetPending, asActive, asCmd, stuck, asEn, asVm,
                 asLock, asReg, asArg, opFailed, flags, flushing, tlb, raw, hwMask, swMask,
                 stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy, suspended>>

\* Unbinding bound group g (group_unbind_locked) into state `to' calls panthor_vm_idle: the
\* active count drops, and at 0 the VM goes to the LRU tail under slots_lock
\* (refcount_dec_and_mutex_lock waits for it).
UnbindTo(g, to) ==
  LET v == VmOf(g) IN
  /\ grp[g] = G_BOUND
  /\ ~(active[v] = 1 /\ lockHolder # LOCK_FREE)
  /\ grp' = [grp EXCEPT ![g] = to]
  /\ active' = [active EXCEPT ![v] = @ - 1]
  /\ lru' = IF active[v] = 1 /\ ~Bug("idle-without-lru") THEN Append(lru, v) ELSE lru
  /\ UNCHANGED <<slotVm, alloc, faulty, asId, destroyed, unusable, unhandled, locked, opLock,
                 opCtx, pt, queue, binds, schPc, schG, schAs, schVictim, opPc, opCode, irqPc,
                 irqAs, irqStatus, lockHolder, resetPending, asActive, asCmd, stuck, asEn,
                 asVm, asLock, asReg, asArg, opFailed, flags, flushing, tlb, raw, hwMask,
                 swMask, stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy,
                 suspended>>

\* A bound group runs out of work or is rotated out.
Unbind(g) == UnbindTo(g, G_IDLE)

\* The tick after panthor_sched_report_mmu_fault: a bound group whose VM has an unhandled fault
\* is terminated and unbound.
KillFaulted(g) ==
  /\ VmOf(g) \in unhandled
  /\ UnbindTo(g, G_DEAD)

\* panthor_sched_prepare_for_vm_destruction: a bound group of a destroyed VM is evicted.
EvictDestroyed(g) ==
  /\ VmOf(g) \in destroyed
  /\ UnbindTo(g, G_IDLE)

-----------------------------------------------------------------------------
(* panthor_vm_active past the fast path, one step at a time (Active(step)); *)
(* g = schG, v = VmOf(g), a = schAs.                                        *)

\* Leaves panthor_vm_active (MmuModel.finishActive): both locks dropped; the group is bound, or
\* stays runnable.  Sets lockHolder, flags, opLock, grp and the scheduler thread.
FinishActive(v, bound) ==
  /\ lockHolder' = LOCK_FREE
  /\ flags' = flags \cup ReleasedBusy(asActive)
  /\ opLock' = IF Bug("active-without-op-lock") THEN opLock ELSE opLock \ {v}
  /\ grp' = [grp EXCEPT ![schG] = IF bound THEN G_BOUND ELSE G_RUNNABLE]
  /\ schPc' = S_IDLE
  /\ schG' = 0
  /\ schAs' = -1
  /\ schVictim' = -1

\* Active(Lock): G3 takes the VM's op_lock first, then slots_lock, so no AS is enabled under a
\* locked region.
ActiveLock ==
  LET v == VmOf(schG) IN
  /\ schPc = S_LOCK
  /\ ~(~Bug("active-without-op-lock") /\ v \in opLock)
  /\ lockHolder = LOCK_FREE
  /\ opLock' = IF Bug("active-without-op-lock") THEN opLock ELSE opLock \cup {v}
  /\ lockHolder' = LOCK_SCHED
  /\ schPc' = S_PICK
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opCtx, pt, queue, binds, grp, schG, schAs, schVictim, opPc, opCode,
                 irqPc, irqAs, irqStatus, resetPending, asActive, asCmd, stuck, asEn, asVm,
                 asLock, asReg, asArg, opFailed, flags, flushing, tlb, raw, hwMask, swMask,
                 stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy, suspended>>

\* Active(Pick), the VM has a working AS: active_cnt := 1, off the LRU, done.
ActivePickBound ==
  LET v == VmOf(schG) IN
  /\ schPc = S_PICK
  /\ asId[v] >= 0
  /\ asId[v] \notin faulty
  /\ active' = [active EXCEPT ![v] = 1]
  /\ lru' = RemoveFirst(lru, v)
  /\ FinishActive(v, TRUE)
  /\ UNCHANGED <<slotVm, alloc, faulty, asId, destroyed, unusable, unhandled, locked, opCtx,
                 pt, queue, binds, opPc, opCode, irqPc, irqAs, irqStatus, resetPending,
                 asActive, asCmd, stuck, asEn, asVm, asLock, asReg, asArg, opFailed, flushing,
                 tlb, raw, hwMask, swMask, stalled, faultsLeft, hangsLeft, evicted, recycled,
                 reenabled, ebusy, suspended>>

\* Active(Pick), the VM's AS is faulty: re-enable it.
ActivePickReenable ==
  LET v == VmOf(schG) IN
  /\ schPc = S_PICK
  /\ asId[v] >= 0
  /\ asId[v] \in faulty
  /\ schAs' = asId[v]
  /\ schPc' = S_ENABLE
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schG, schVictim, opPc, opCode,
                 irqPc, irqAs, irqStatus, lockHolder, resetPending, asActive, asCmd, stuck,
                 asEn, asVm, asLock, asReg, asArg, opFailed, flags, flushing, tlb, raw, hwMask,
                 swMask, stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy,
                 suspended>>

FreeAs == {x \in UserAs : x \notin alloc}

\* Active(Pick), no AS yet: the lowest free user AS (alloc_mask | 1).
ActivePickFree ==
  LET v == VmOf(schG)
      free == Min(FreeAs)
  IN
  /\ schPc = S_PICK
  /\ asId[v] < 0
  /\ FreeAs # {}
  /\ slotVm' = [slotVm EXCEPT ![free] = v]
  /\ asId' = [asId EXCEPT ![v] = free]
  /\ alloc' = alloc \cup {free}
  /\ recycled' = (recycled \/ (asVm[free] >= 0 /\ asVm[free] # v))
  /\ schAs' = free
  /\ schPc' = S_ENABLE
  /\ UNCHANGED <<faulty, lru, active, destroyed, unusable, unhandled, locked, opLock, opCtx, pt,
                 queue, binds, grp, schG, schVictim, opPc, opCode, irqPc, irqAs, irqStatus,
                 lockHolder, resetPending, asActive, asCmd, stuck, asEn, asVm, asLock, asReg,
                 asArg, opFailed, flags, flushing, tlb, raw, hwMask, swMask, stalled,
                 faultsLeft, hangsLeft, evicted, reenabled, ebusy, suspended>>

\* The VM Active(Pick) evicts when no AS is free: the LRU head (variant evict-active-vm: the
\* first other VM that owns an AS), or -1.
Victim ==
  IF Bug("evict-active-vm")
    THEN LET cands == {u \in UserVms : u # VmOf(schG) /\ asId[u] >= 0}
         IN IF cands = {} THEN -1 ELSE Min(cands)
    ELSE IF lru = <<>> THEN -1 ELSE Head(lru)

\* Active(Pick), no free AS: evict the victim (panthor_mmu_as_disable with recycle_slot).
ActivePickEvict ==
  LET v == VmOf(schG) IN
  /\ schPc = S_PICK
  /\ asId[v] < 0
  /\ FreeAs = {}
  /\ Victim >= 0
  /\ schVictim' = Victim
  /\ schAs' = asId[Victim]
  /\ schPc' = IF Bug("recycle-without-flush") THEN S_EV_RELEASE ELSE S_EV_FLUSH
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schG, opPc, opCode, irqPc, irqAs,
                 irqStatus, lockHolder, resetPending, asActive, asCmd, stuck, asEn, asVm,
                 asLock, asReg, asArg, opFailed, flags, flushing, tlb, raw, hwMask, swMask,
                 stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy, suspended>>

\* Active(Pick), nothing to evict: -EBUSY (warn and give up); the group stays runnable.
ActivePickBusy ==
  LET v == VmOf(schG) IN
  /\ schPc = S_PICK
  /\ asId[v] < 0
  /\ FreeAs = {}
  /\ Victim < 0
  /\ ebusy' = TRUE
  /\ FinishActive(v, FALSE)
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opCtx, pt, queue, binds, opPc, opCode, irqPc, irqAs, irqStatus,
                 resetPending, asActive, asCmd, stuck, asEn, asVm, asLock, asReg, asArg,
                 opFailed, flushing, tlb, raw, hwMask, swMask, stalled, faultsLeft, hangsLeft,
                 evicted, recycled, reenabled, suspended>>

\* Active(EvictFlush): panthor_mmu_as_disable(recycle_slot = true) flushes the GPU caches first
\* (panthor_gpu_flush_caches).
ActiveEvictFlush ==
  /\ schPc = S_EV_FLUSH
  /\ ~flushing
  /\ flushing' = TRUE
  /\ schPc' = S_EV_FLUSH_WAIT
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schG, schAs, schVictim, opPc,
                 opCode, irqPc, irqAs, irqStatus, lockHolder, resetPending, asActive, asCmd,
                 stuck, asEn, asVm, asLock, asReg, asArg, opFailed, flags, tlb, raw, hwMask,
                 swMask, stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy,
                 suspended>>

\* Active(EvictFlushWait): the flush is done; the evicted VM's pending locked region is
\* unlocked next, if any.
ActiveEvictFlushWait ==
  /\ schPc = S_EV_FLUSH_WAIT
  /\ ~flushing
  /\ schPc' = IF locked[schVictim] >= 0 THEN S_EV_UNLOCK ELSE S_EV_RELEASE
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schG, schAs, schVictim, opPc,
                 opCode, irqPc, irqAs, irqStatus, lockHolder, resetPending, asActive, asCmd,
                 stuck, asEn, asVm, asLock, asReg, asArg, opFailed, flags, flushing, tlb, raw,
                 hwMask, swMask, stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled,
                 ebusy, suspended>>

\* Active(EvictUnlock): the evicted VM is mid-operation with a locked region: UNLOCK it.
ActiveEvictUnlock ==
  /\ schPc = S_EV_UNLOCK
  /\ schAs \notin asActive
  /\ WriteCmd(schAs, CMD_UNLOCK, 0)
  /\ flags' = flags \cup Overrun(schAs)
  /\ schPc' = S_EV_UNLOCK_WAIT
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schG, schAs, schVictim, opPc,
                 opCode, irqPc, irqAs, irqStatus, lockHolder, resetPending, stuck, asEn, asVm,
                 asLock, asReg, opFailed, flushing, tlb, raw, hwMask, swMask, stalled,
                 faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy, suspended>>

\* Active(EvictUnlockWait): the UNLOCK completed; the victim's locked_region is cleared.
ActiveEvictUnlockWait ==
  /\ schPc = S_EV_UNLOCK_WAIT
  /\ schAs \notin asActive
  /\ locked' = [locked EXCEPT ![schVictim] = -1]
  /\ schPc' = S_EV_RELEASE
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 opLock, opCtx, pt, queue, binds, grp, schG, schAs, schVictim, opPc, opCode,
                 irqPc, irqAs, irqStatus, lockHolder, resetPending, asActive, asCmd, stuck,
                 asEn, asVm, asLock, asReg, asArg, opFailed, flags, flushing, tlb, raw, hwMask,
                 swMask, stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy,
                 suspended>>

\* Active(EvictRelease): the slot changes hands (the victim loses its AS and leaves the LRU).
ActiveEvictRelease ==
  LET v == VmOf(schG) IN
  /\ schPc = S_EV_RELEASE
  /\ asId' = [asId EXCEPT ![schVictim] = -1, ![v] = schAs]
  /\ lru' = RemoveFirst(lru, schVictim)
  /\ slotVm' = [slotVm EXCEPT ![schAs] = v]
  /\ evicted' = TRUE
  /\ recycled' = TRUE
  /\ schVictim' = -1
  /\ schPc' = S_ENABLE
  /\ UNCHANGED <<alloc, faulty, active, destroyed, unusable, unhandled, locked, opLock, opCtx,
                 pt, queue, binds, grp, schG, schAs, opPc, opCode, irqPc, irqAs, irqStatus,
                 lockHolder, resetPending, asActive, asCmd, stuck, asEn, asVm, asLock, asReg,
                 asArg, opFailed, flags, flushing, tlb, raw, hwMask, swMask, stalled,
                 faultsLeft, hangsLeft, reenabled, ebusy, suspended>>

\* Active(Enable): panthor_vm_active step 6 and panthor_mmu_as_enable: unhandled_fault cleared;
\* a faulty AS has its interrupt cleared, its faulty_mask bit cleared and is unmasked (hardware
\* and software mask; variant mmu-irq-mask-stale: hardware only); TRANSTAB/MEMATTR/TRANSCFG
\* written and UPDATE sent (variant as-cmd-no-wait: not waited for).
ActiveEnable ==
  LET v == VmOf(schG)
      a == schAs
      f == a \in faulty
  IN
  /\ schPc = S_ENABLE
  /\ a \notin asActive
  /\ unhandled' = unhandled \ {v}
  /\ raw' = IF f THEN raw \ {a} ELSE raw
  /\ stalled' = IF f THEN stalled \ {a} ELSE stalled
  /\ faulty' = faulty \ {a}
  /\ hwMask' = IF f THEN hwMask \cup {a} ELSE hwMask
  /\ swMask' = IF f /\ ~Bug("mmu-irq-mask-stale") THEN swMask \cup {a} ELSE swMask
  /\ reenabled' = (reenabled \/ f)
  /\ asReg' = [asReg EXCEPT ![a] = v]
  /\ WriteCmd(a, CMD_UPDATE, 0)
  /\ flags' = flags \cup Overrun(a)
  /\ schPc' = IF Bug("as-cmd-no-wait") THEN S_DONE ELSE S_ENABLE_WAIT
  /\ UNCHANGED <<slotVm, alloc, lru, asId, active, destroyed, unusable, locked, opLock, opCtx,
                 pt, queue, binds, grp, schG, schAs, schVictim, opPc, opCode, irqPc, irqAs,
                 irqStatus, lockHolder, resetPending, stuck, asEn, asVm, asLock, opFailed,
                 flushing, tlb, faultsLeft, hangsLeft, evicted, recycled, ebusy, suspended>>

\* Active(EnableWait): the UPDATE completed.
ActiveEnableWait ==
  /\ schPc = S_ENABLE_WAIT
  /\ schAs \notin asActive
  /\ schPc' = S_DONE
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schG, schAs, schVictim, opPc,
                 opCode, irqPc, irqAs, irqStatus, lockHolder, resetPending, asActive, asCmd,
                 stuck, asEn, asVm, asLock, asReg, asArg, opFailed, flags, flushing, tlb, raw,
                 hwMask, swMask, stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled,
                 ebusy, suspended>>

\* Active(Done): active_cnt := 1, off the LRU, locks dropped, the group is bound.
ActiveDone ==
  LET v == VmOf(schG) IN
  /\ schPc = S_DONE
  /\ active' = [active EXCEPT ![v] = 1]
  /\ lru' = RemoveFirst(lru, v)
  /\ FinishActive(v, TRUE)
  /\ UNCHANGED <<slotVm, alloc, faulty, asId, destroyed, unusable, unhandled, locked, opCtx,
                 pt, queue, binds, opPc, opCode, irqPc, irqAs, irqStatus, resetPending,
                 asActive, asCmd, stuck, asEn, asVm, asLock, asReg, asArg, opFailed, flushing,
                 tlb, raw, hwMask, swMask, stalled, faultsLeft, hangsLeft, evicted, recycled,
                 reenabled, ebusy, suspended>>

\* Timeout(sched): wait_ready on a stuck AS gives up (100 ms): panthor_device_schedule_reset,
\* and panthor_vm_active fails.  A failed eviction does not happen; after a failed enable the
\* VM keeps the AS with active_cnt 0, off the LRU, until panthor_mmu_post_reset.
TimeoutSched ==
  /\ schPc \in {S_EV_UNLOCK, S_EV_UNLOCK_WAIT, S_ENABLE, S_ENABLE_WAIT}
  /\ StuckBusy(schAs)
  /\ resetPending' = TRUE
  /\ FinishActive(VmOf(schG), FALSE)
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opCtx, pt, queue, binds, opPc, opCode, irqPc, irqAs, irqStatus,
                 asActive, asCmd, stuck, asEn, asVm, asLock, asReg, asArg, opFailed, flushing,
                 tlb, raw, hwMask, swMask, stalled, faultsLeft, hangsLeft, evicted, recycled,
                 reenabled, ebusy, suspended>>

-----------------------------------------------------------------------------
(* VM_BIND.                                                                *)

\* DRM_IOCTL_PANTHOR_VM_BIND with ASYNC: panthor_vm_bind_job_create refuses a destroyed or
\* unusable VM (variant bind-on-destroyed-vm: it does not); the job is queued (at most 2).
SubmitAsync(v, unmap, p) ==
  LET refused == v \in destroyed \/ v \in unusable IN
  /\ binds > 0
  /\ Len(queue[v]) < 2
  /\ ~(refused /\ ~Bug("bind-on-destroyed-vm"))
  /\ flags' = IF refused THEN flags \cup {F_BIND_DEAD_VM} ELSE flags
  /\ binds' = binds - 1
  /\ queue' = [queue EXCEPT ![v] = Append(@, Code(p, unmap, TRUE))]
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, grp, schPc, schG, schAs, schVictim, opPc, opCode,
                 irqPc, irqAs, irqStatus, lockHolder, resetPending, asActive, asCmd, stuck,
                 asEn, asVm, asLock, asReg, asArg, opFailed, flushing, tlb, raw, hwMask, swMask,
                 stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy, suspended>>

\* DRM_IOCTL_PANTHOR_VM_BIND without ASYNC (panthor_ioctl_vm_bind_sync): the op runs in the
\* ioctl, one at a time per VM here.
SubmitSync(v, unmap, p) ==
  /\ binds > 0
  /\ opPc[v] = O_IDLE
  /\ v \notin destroyed
  /\ binds' = binds - 1
  /\ opPc' = [opPc EXCEPT ![v] = O_LOCK]
  /\ opCode' = [opCode EXCEPT ![v] = Code(p, unmap, FALSE)]
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, grp, schPc, schG, schAs, schVictim, irqPc,
                 irqAs, irqStatus, lockHolder, resetPending, asActive, asCmd, stuck, asEn, asVm,
                 asLock, asReg, asArg, opFailed, flags, flushing, tlb, raw, hwMask, swMask,
                 stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy, suspended>>

\* The VM's bind queue (credit limit 1) runs its next job (panthor_vm_bind_run_job).
RunJob(v) ==
  /\ queue[v] # <<>>
  /\ opPc[v] = O_IDLE
  /\ opCode' = [opCode EXCEPT ![v] = Head(queue[v])]
  /\ queue' = [queue EXCEPT ![v] = Tail(@)]
  /\ opPc' = [opPc EXCEPT ![v] = O_LOCK]
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, binds, grp, schPc, schG, schAs, schVictim, irqPc,
                 irqAs, irqStatus, lockHolder, resetPending, asActive, asCmd, stuck, asEn, asVm,
                 asLock, asReg, asArg, opFailed, flags, flushing, tlb, raw, hwMask, swMask,
                 stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy, suspended>>

\* A page-table edit of a MAP fails (panthor_vm_map_pages cannot allocate): G3 declares the VM
\* unusable right away.
EditFails(v) ==
  /\ AllocFail
  /\ opPc[v] = O_EDIT
  /\ ~IsUnmap(opCode[v])
  /\ opFailed' = opFailed \cup {v}
  /\ opPc' = [opPc EXCEPT ![v] = O_UNUSABLE]
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim,
                 opCode, irqPc, irqAs, irqStatus, lockHolder, resetPending, asActive, asCmd,
                 stuck, asEn, asVm, asLock, asReg, asArg, flags, flushing, tlb, raw, hwMask,
                 swMask, stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy,
                 suspended>>

\* panthor_vm_pool_destroy_vm -> panthor_vm_destroy: the VM is marked destroyed (its runnable
\* groups lose their work), and the whole VA range is unmapped synchronously (an UNMAP_ALL op,
\* which waits for the VM's groups to be evicted: EvictDestroyed).
DestroyVm(v) ==
  /\ Destroy
  /\ v \notin destroyed
  /\ opPc[v] = O_IDLE
  /\ destroyed' = destroyed \cup {v}
  /\ opPc' = [opPc EXCEPT ![v] = O_LOCK]
  /\ opCode' = [opCode EXCEPT ![v] = UNMAP_ALL]
  /\ grp' = [g \in GroupIds |-> IF VmOf(g) = v /\ grp[g] = G_RUNNABLE THEN G_IDLE ELSE grp[g]]
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, unusable, unhandled, locked, opLock,
                 opCtx, pt, queue, binds, schPc, schG, schAs, schVictim, irqPc, irqAs,
                 irqStatus, lockHolder, resetPending, asActive, asCmd, stuck, asEn, asVm,
                 asLock, asReg, asArg, opFailed, flags, flushing, tlb, raw, hwMask, swMask,
                 stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy, suspended>>

-----------------------------------------------------------------------------
(* panthor_vm_exec_op of VM v, one step at a time (Op(v, step)).  Its AS   *)
(* is asId[v]; while it holds slots_lock (OpHolder(v)) nobody changes it.  *)

\* Op(v, OpLock): op_lock and op_ctx; a MAP on an unusable VM fails with -EINVAL.  The UNMAP_ALL
\* of panthor_vm_destroy waits until no group of the VM is bound or being bound.
OpLock(v) ==
  /\ opPc[v] = O_LOCK
  /\ v \notin opLock
  /\ ~(opCode[v] = UNMAP_ALL /\ VmInUse(v))
  /\ opLock' = opLock \cup {v}
  /\ opCtx' = opCtx \cup {v}
  /\ IF ~IsUnmap(opCode[v]) /\ v \in unusable
       THEN /\ opFailed' = opFailed \cup {v}
            /\ opPc' = [opPc EXCEPT ![v] = O_END]
       ELSE /\ opPc' = [opPc EXCEPT ![v] = O_LOCKREG]
            /\ UNCHANGED opFailed
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, pt, queue, binds, grp, schPc, schG, schAs, schVictim, opCode, irqPc,
                 irqAs, irqStatus, lockHolder, resetPending, asActive, asCmd, stuck, asEn, asVm,
                 asLock, asReg, asArg, flags, flushing, tlb, raw, hwMask, swMask, stalled,
                 faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy, suspended>>

\* Op(v, LockRegion), the VM has no AS: panthor_vm_lock_region has nothing to lock.
OpLockRegionNoAs(v) ==
  /\ opPc[v] = O_LOCKREG
  /\ asId[v] < 0
  /\ opPc' = [opPc EXCEPT ![v] = O_EDIT]
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim,
                 opCode, irqPc, irqAs, irqStatus, lockHolder, resetPending, asActive, asCmd,
                 stuck, asEn, asVm, asLock, asReg, asArg, opFailed, flags, flushing, tlb, raw,
                 hwMask, swMask, stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled,
                 ebusy, suspended>>

\* Op(v, LockRegion): panthor_vm_lock_region takes slots_lock and writes LOCKADDR and LOCK.
OpLockRegion(v) ==
  LET a == asId[v] IN
  /\ opPc[v] = O_LOCKREG
  /\ a >= 0
  /\ lockHolder = LOCK_FREE
  /\ a \notin asActive
  /\ lockHolder' = OpHolder(v)
  /\ WriteCmd(a, CMD_LOCK, PageOf(opCode[v]))
  /\ flags' = flags \cup Overrun(a)
  /\ opPc' = [opPc EXCEPT ![v] = O_LOCKREG_WAIT]
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim,
                 opCode, irqPc, irqAs, irqStatus, resetPending, stuck, asEn, asVm, asLock,
                 asReg, opFailed, flushing, tlb, raw, hwMask, swMask, stalled, faultsLeft,
                 hangsLeft, evicted, recycled, reenabled, ebusy, suspended>>

\* Op(v, LockRegionWait): the LOCK completed; locked_region recorded, slots_lock released.
OpLockRegionWait(v) ==
  /\ opPc[v] = O_LOCKREG_WAIT
  /\ asId[v] \notin asActive
  /\ locked' = [locked EXCEPT ![v] = PageOf(opCode[v])]
  /\ lockHolder' = LOCK_FREE
  /\ flags' = flags \cup ReleasedBusy(asActive)
  /\ opPc' = [opPc EXCEPT ![v] = O_EDIT]
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim, opCode,
                 irqPc, irqAs, irqStatus, resetPending, asActive, asCmd, stuck, asEn, asVm,
                 asLock, asReg, asArg, opFailed, flushing, tlb, raw, hwMask, swMask, stalled,
                 faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy, suspended>>

\* Op(v, Edit): panthor_vm_map_pages / panthor_vm_unmap_pages (drm_gpuvm_sm_map / sm_unmap):
\* the page table changes.  Recorded for M-6: an edit outside the locked region (in the books
\* and in hardware) while an AS translates with this page table, unless the AS is being torn
\* down (the VM evicted, the AS disabled by the IRQ thread) or a reset is pending; for M-10: a
\* MAP on an unusable VM.
OpEdit(v) ==
  LET a == asId[v]
      code == opCode[v]
      page == PageOf(code)
      tornDown == schVictim = v \/ irqAs = a \/ resetPending
      live == a >= 0 /\ a \in asEn /\ asVm[a] = v
      unlockedEdit == live /\ ~tornDown /\ (locked[v] # page \/ asLock[a] # page)
      mapUnusable == ~IsUnmap(code) /\ v \in unusable
  IN
  /\ opPc[v] = O_EDIT
  /\ flags' = flags \cup (IF unlockedEdit THEN {F_UNLOCKED_EDIT} ELSE {})
                    \cup (IF mapUnusable THEN {F_MAP_UNUSABLE} ELSE {})
  /\ pt' = [pt EXCEPT ![v] = IF IsUnmap(code) THEN @ \ PagesOf(code) ELSE @ \cup PagesOf(code)]
  /\ opPc' = [opPc EXCEPT ![v] = O_UNLOCKREG]
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, queue, binds, grp, schPc, schG, schAs, schVictim,
                 opCode, irqPc, irqAs, irqStatus, lockHolder, resetPending, asActive, asCmd,
                 stuck, asEn, asVm, asLock, asReg, asArg, opFailed, flushing, tlb, raw, hwMask,
                 swMask, stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy,
                 suspended>>

\* Op(v, DeclareUnusable): panthor_vm_declare_unusable marks the VM unusable and, if it has an
\* AS, takes slots_lock to disable it so the GPU stops at once.
OpDeclareUnusable(v) ==
  LET a == asId[v] IN
  /\ opPc[v] = O_UNUSABLE
  /\ ~(a >= 0 /\ lockHolder # LOCK_FREE)
  /\ unusable' = unusable \cup {v}
  /\ lockHolder' = IF a >= 0 THEN OpHolder(v) ELSE lockHolder
  /\ opPc' = [opPc EXCEPT ![v] = IF a >= 0 THEN O_DIS_FLUSH ELSE O_UNLOCKREG]
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unhandled, locked,
                 opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim, opCode,
                 irqPc, irqAs, irqStatus, resetPending, asActive, asCmd, stuck, asEn, asVm,
                 asLock, asReg, asArg, opFailed, flags, flushing, tlb, raw, hwMask, swMask,
                 stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy, suspended>>

(* panthor_mmu_as_disable on AS a (MmuModel.disable), by the thread that    *)
(* holds slots_lock: flush, flush wait, UNLOCK of a pending locked region   *)
(* and its wait, UPDATE with the UNMAPPED configuration and its wait.  The  *)
(* steps of the VM operation (Op(v, Disable...)) and of the IRQ thread        *)
(* (Irq(Disable...)) are written separately below; the shared effects are     *)
(* these.                                                                   *)

\* Disable, UNLOCK of the pending locked region written.
DisUnlockWrite(a) ==
  /\ WriteCmd(a, CMD_UNLOCK, 0)
  /\ flags' = flags \cup Overrun(a)

\* Disable, UPDATE with TRANSCFG UNMAPPED written; variant as-cmd-no-wait releases slots_lock
\* right away (with the UPDATE in flight).
DisUpdateWrite(a) ==
  /\ asReg' = [asReg EXCEPT ![a] = -1]
  /\ WriteCmd(a, CMD_UPDATE, 0)
  /\ IF Bug("as-cmd-no-wait")
       THEN /\ flags' = flags \cup Overrun(a) \cup ReleasedBusy(asActive \cup {a})
            /\ lockHolder' = LOCK_FREE
       ELSE /\ flags' = flags \cup Overrun(a)
            /\ UNCHANGED lockHolder

\* Op(v, DisableFlush).
OpDisableFlush(v) ==
  /\ opPc[v] = O_DIS_FLUSH
  /\ ~flushing
  /\ flushing' = TRUE
  /\ opPc' = [opPc EXCEPT ![v] = O_DIS_FLUSH_WAIT]
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim,
                 opCode, irqPc, irqAs, irqStatus, lockHolder, resetPending, asActive, asCmd,
                 stuck, asEn, asVm, asLock, asReg, asArg, opFailed, flags, tlb, raw, hwMask,
                 swMask, stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy,
                 suspended>>

\* Op(v, DisableFlushWait).
OpDisableFlushWait(v) ==
  /\ opPc[v] = O_DIS_FLUSH_WAIT
  /\ ~flushing
  /\ opPc' = [opPc EXCEPT ![v] = IF locked[v] >= 0 THEN O_DIS_UNLOCK ELSE O_DIS_UPDATE]
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim,
                 opCode, irqPc, irqAs, irqStatus, lockHolder, resetPending, asActive, asCmd,
                 stuck, asEn, asVm, asLock, asReg, asArg, opFailed, flags, flushing, tlb, raw,
                 hwMask, swMask, stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled,
                 ebusy, suspended>>

\* Op(v, DisableUnlock).
OpDisableUnlock(v) ==
  /\ opPc[v] = O_DIS_UNLOCK
  /\ asId[v] \notin asActive
  /\ DisUnlockWrite(asId[v])
  /\ opPc' = [opPc EXCEPT ![v] = O_DIS_UNLOCK_WAIT]
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim,
                 opCode, irqPc, irqAs, irqStatus, lockHolder, resetPending, stuck, asEn, asVm,
                 asLock, asReg, opFailed, flushing, tlb, raw, hwMask, swMask, stalled,
                 faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy, suspended>>

\* Op(v, DisableUnlockWait).
OpDisableUnlockWait(v) ==
  /\ opPc[v] = O_DIS_UNLOCK_WAIT
  /\ asId[v] \notin asActive
  /\ locked' = [locked EXCEPT ![v] = -1]
  /\ opPc' = [opPc EXCEPT ![v] = O_DIS_UPDATE]
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim, opCode,
                 irqPc, irqAs, irqStatus, lockHolder, resetPending, asActive, asCmd, stuck,
                 asEn, asVm, asLock, asReg, asArg, opFailed, flags, flushing, tlb, raw, hwMask,
                 swMask, stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy,
                 suspended>>

\* Op(v, DisableUpdate).
OpDisableUpdate(v) ==
  /\ opPc[v] = O_DIS_UPDATE
  /\ asId[v] \notin asActive
  /\ DisUpdateWrite(asId[v])
  /\ opPc' = [opPc EXCEPT ![v] = IF Bug("as-cmd-no-wait") THEN O_UNLOCKREG
                                                          ELSE O_DIS_UPDATE_WAIT]
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim,
                 opCode, irqPc, irqAs, irqStatus, resetPending, stuck, asEn, asVm, asLock,
                 opFailed, flushing, tlb, raw, hwMask, swMask, stalled, faultsLeft, hangsLeft,
                 evicted, recycled, reenabled, ebusy, suspended>>

\* Op(v, DisableUpdateWait): the AS is off; slots_lock released.
OpDisableUpdateWait(v) ==
  /\ opPc[v] = O_DIS_UPDATE_WAIT
  /\ asId[v] \notin asActive
  /\ lockHolder' = LOCK_FREE
  /\ flags' = flags \cup ReleasedBusy(asActive)
  /\ opPc' = [opPc EXCEPT ![v] = O_UNLOCKREG]
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim,
                 opCode, irqPc, irqAs, irqStatus, resetPending, asActive, asCmd, stuck, asEn,
                 asVm, asLock, asReg, asArg, opFailed, flushing, tlb, raw, hwMask, swMask,
                 stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy, suspended>>

\* Op(v, UnlockRegion), nothing locked (or no AS): panthor_vm_unlock_region has nothing to do.
OpUnlockRegionNone(v) ==
  /\ opPc[v] = O_UNLOCKREG
  /\ (locked[v] < 0 \/ asId[v] < 0)
  /\ locked' = [locked EXCEPT ![v] = -1]
  /\ opPc' = [opPc EXCEPT ![v] = O_END]
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim, opCode,
                 irqPc, irqAs, irqStatus, lockHolder, resetPending, asActive, asCmd, stuck,
                 asEn, asVm, asLock, asReg, asArg, opFailed, flags, flushing, tlb, raw, hwMask,
                 swMask, stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy,
                 suspended>>

\* Op(v, UnlockRegion): panthor_vm_unlock_region takes slots_lock and flushes the GPU caches
\* (variant unlock-without-flush: goes straight to UNLOCK).
OpUnlockRegion(v) ==
  LET flush == ~Bug("unlock-without-flush") IN
  /\ opPc[v] = O_UNLOCKREG
  /\ locked[v] >= 0
  /\ asId[v] >= 0
  /\ lockHolder = LOCK_FREE
  /\ ~(flush /\ flushing)
  /\ lockHolder' = OpHolder(v)
  /\ flushing' = (flushing \/ flush)
  /\ opPc' = [opPc EXCEPT ![v] = IF flush THEN O_UL_FLUSH_WAIT ELSE O_UL_UNLOCK]
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim,
                 opCode, irqPc, irqAs, irqStatus, resetPending, asActive, asCmd, stuck, asEn,
                 asVm, asLock, asReg, asArg, opFailed, flags, tlb, raw, hwMask, swMask, stalled,
                 faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy, suspended>>

\* Op(v, UnlockFlushWait).
OpUnlockFlushWait(v) ==
  /\ opPc[v] = O_UL_FLUSH_WAIT
  /\ ~flushing
  /\ opPc' = [opPc EXCEPT ![v] = O_UL_UNLOCK]
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim,
                 opCode, irqPc, irqAs, irqStatus, lockHolder, resetPending, asActive, asCmd,
                 stuck, asEn, asVm, asLock, asReg, asArg, opFailed, flags, flushing, tlb, raw,
                 hwMask, swMask, stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled,
                 ebusy, suspended>>

\* Op(v, Unlock): UNLOCK written.
OpUnlock(v) ==
  LET a == asId[v] IN
  /\ opPc[v] = O_UL_UNLOCK
  /\ a \notin asActive
  /\ WriteCmd(a, CMD_UNLOCK, 0)
  /\ flags' = flags \cup Overrun(a)
  /\ opPc' = [opPc EXCEPT ![v] = O_UL_UNLOCK_WAIT]
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim,
                 opCode, irqPc, irqAs, irqStatus, lockHolder, resetPending, stuck, asEn, asVm,
                 asLock, asReg, opFailed, flushing, tlb, raw, hwMask, swMask, stalled,
                 faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy, suspended>>

\* Op(v, UnlockWait): the UNLOCK completed; locked_region cleared, slots_lock released.
OpUnlockWait(v) ==
  /\ opPc[v] = O_UL_UNLOCK_WAIT
  /\ asId[v] \notin asActive
  /\ locked' = [locked EXCEPT ![v] = -1]
  /\ lockHolder' = LOCK_FREE
  /\ flags' = flags \cup ReleasedBusy(asActive)
  /\ opPc' = [opPc EXCEPT ![v] = O_END]
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim, opCode,
                 irqPc, irqAs, irqStatus, resetPending, asActive, asCmd, stuck, asEn, asVm,
                 asLock, asReg, asArg, opFailed, flushing, tlb, raw, hwMask, swMask, stalled,
                 faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy, suspended>>

\* Op(v, OpDone): op_ctx cleared, op_lock dropped; an async op that failed marks the VM
\* unusable (run_job with flag_unusable).
OpDone(v) ==
  /\ opPc[v] = O_END
  /\ opCtx' = opCtx \ {v}
  /\ opLock' = opLock \ {v}
  /\ unusable' = IF IsAsync(opCode[v]) /\ v \in opFailed THEN unusable \cup {v} ELSE unusable
  /\ opFailed' = opFailed \ {v}
  /\ opPc' = [opPc EXCEPT ![v] = O_IDLE]
  /\ opCode' = [opCode EXCEPT ![v] = 0]
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unhandled, locked, pt,
                 queue, binds, grp, schPc, schG, schAs, schVictim, irqPc, irqAs, irqStatus,
                 lockHolder, resetPending, asActive, asCmd, stuck, asEn, asVm, asLock, asReg,
                 asArg, flags, flushing, tlb, raw, hwMask, swMask, stalled, faultsLeft,
                 hangsLeft, evicted, recycled, reenabled, ebusy, suspended>>

\* Timeout(op v): a wait of VM v's operation on its stuck AS gives up: a reset is scheduled,
\* slots_lock released if held, the locked region forgotten, and the op fails.
TimeoutOp(v) ==
  LET pc == opPc[v] IN
  /\ \/ pc \in {O_LOCKREG_WAIT, O_DIS_UNLOCK, O_DIS_UNLOCK_WAIT, O_DIS_UPDATE,
                O_DIS_UPDATE_WAIT, O_UL_UNLOCK, O_UL_UNLOCK_WAIT}
     \/ pc = O_LOCKREG /\ asId[v] >= 0 /\ lockHolder = LOCK_FREE
  /\ StuckBusy(asId[v])
  /\ resetPending' = TRUE
  /\ IF lockHolder = OpHolder(v)
       THEN /\ lockHolder' = LOCK_FREE
            /\ flags' = flags \cup ReleasedBusy(asActive)
       ELSE UNCHANGED <<lockHolder, flags, suspended>>
  /\ locked' = [locked EXCEPT ![v] = -1]
  /\ opFailed' = opFailed \cup {v}
  /\ opPc' = [opPc EXCEPT ![v] = O_END]
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim, opCode,
                 irqPc, irqAs, irqStatus, asActive, asCmd, stuck, asEn, asVm, asLock, asReg,
                 asArg, flushing, tlb, raw, hwMask, swMask, stalled, faultsLeft, hangsLeft,
                 evicted, recycled, reenabled, ebusy, suspended>>

-----------------------------------------------------------------------------
(* The MMU IRQ.                                                            *)

\* IrqRaw, the raw handler (panthor_irq): a pending, unmasked fault; mask the block and wake the
\* thread.  Variant mmu-clear-before-handle: the generic entry also clears the status right
\* away, releasing the faulting agents before the handler ran.
IrqRaw ==
  LET cbh == Bug("mmu-clear-before-handle")
      status == raw \cap swMask
  IN
  /\ irqPc = I_IDLE
  /\ raw \cap hwMask # {}
  /\ flags' = IF cbh /\ status \ faulty # {} THEN flags \cup {F_EARLY_CLEAR} ELSE flags
  /\ irqStatus' = IF cbh THEN status ELSE irqStatus
  /\ raw' = IF cbh THEN raw \ status ELSE raw
  /\ stalled' = IF cbh THEN stalled \ status ELSE stalled
  /\ hwMask' = {}
  /\ irqPc' = I_NEXT
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim,
                 opPc, opCode, irqAs, lockHolder, resetPending, asActive, asCmd, stuck, asEn,
                 asVm, asLock, asReg, asArg, opFailed, flushing, tlb, swMask, faultsLeft,
                 hangsLeft, evicted, recycled, reenabled, ebusy, suspended>>

\* Irq(Done): no fault left: MMU_INT_MASK restored from the software mask
\* (panthor_sched_report_mmu_fault has requested a tick: KillFaulted).
IrqDone ==
  /\ irqPc = I_NEXT
  /\ PendingFault < 0
  /\ hwMask' = swMask
  /\ irqPc' = I_IDLE
  /\ irqAs' = -1
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim,
                 opPc, opCode, irqStatus, lockHolder, resetPending, asActive, asCmd, stuck,
                 asEn, asVm, asLock, asReg, asArg, opFailed, flags, flushing, tlb, raw, swMask,
                 stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy, suspended>>

\* Irq(Handle): panthor_mmu_irq_handler for the lowest pending AS f: AS_FAULTSTATUS/ADDRESS
\* read; under slots_lock the AS is marked faulty, masked in the software mask, its interrupt
\* cleared (MMU_INT_CLEAR, releasing the faulting agent), the unhandled_fault of the VM there
\* set; then the AS is disabled (Irq(Disable...)).
IrqHandle ==
  LET f == PendingFault
      v == slotVm[f]
      cbh == Bug("mmu-clear-before-handle")
  IN
  /\ irqPc = I_NEXT
  /\ f >= 0
  /\ lockHolder = LOCK_FREE
  /\ lockHolder' = LOCK_IRQ
  /\ faulty' = faulty \cup {f}
  /\ swMask' = swMask \ {f}
  /\ irqStatus' = IF cbh THEN irqStatus \ {f} ELSE irqStatus
  /\ raw' = IF cbh THEN raw ELSE raw \ {f}
  /\ stalled' = IF cbh THEN stalled ELSE stalled \ {f}
  /\ unhandled' = IF v > 0 THEN unhandled \cup {v} ELSE unhandled
  /\ irqAs' = f
  /\ irqPc' = I_DIS_FLUSH
  /\ UNCHANGED <<slotVm, alloc, lru, asId, active, destroyed, unusable, locked, opLock, opCtx,
                 pt, queue, binds, grp, schPc, schG, schAs, schVictim, opPc, opCode,
                 resetPending, asActive, asCmd, stuck, asEn, asVm, asLock, asReg, asArg,
                 opFailed, flags, flushing, tlb, hwMask, faultsLeft, hangsLeft, evicted,
                 recycled, reenabled, ebusy, suspended>>

\* Irq(DisableFlush): panthor_mmu_as_disable on the faulty AS irqAs (VM slotVm[irqAs] there).
IrqDisableFlush ==
  /\ irqPc = I_DIS_FLUSH
  /\ ~flushing
  /\ flushing' = TRUE
  /\ irqPc' = I_DIS_FLUSH_WAIT
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim,
                 opPc, opCode, irqAs, irqStatus, lockHolder, resetPending, asActive, asCmd,
                 stuck, asEn, asVm, asLock, asReg, asArg, opFailed, flags, tlb, raw, hwMask,
                 swMask, stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy,
                 suspended>>

\* Irq(DisableFlushWait).
IrqDisableFlushWait ==
  LET v == slotVm[irqAs] IN
  /\ irqPc = I_DIS_FLUSH_WAIT
  /\ ~flushing
  /\ irqPc' = IF v >= 0 /\ locked[v] >= 0 THEN I_DIS_UNLOCK ELSE I_DIS_UPDATE
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim,
                 opPc, opCode, irqAs, irqStatus, lockHolder, resetPending, asActive, asCmd,
                 stuck, asEn, asVm, asLock, asReg, asArg, opFailed, flags, flushing, tlb, raw,
                 hwMask, swMask, stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled,
                 ebusy, suspended>>

\* Irq(DisableUnlock).
IrqDisableUnlock ==
  /\ irqPc = I_DIS_UNLOCK
  /\ irqAs \notin asActive
  /\ DisUnlockWrite(irqAs)
  /\ irqPc' = I_DIS_UNLOCK_WAIT
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim,
                 opPc, opCode, irqAs, irqStatus, lockHolder, resetPending, stuck, asEn, asVm,
                 asLock, asReg, opFailed, flushing, tlb, raw, hwMask, swMask, stalled,
                 faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy, suspended>>

\* Irq(DisableUnlockWait).
IrqDisableUnlockWait ==
  /\ irqPc = I_DIS_UNLOCK_WAIT
  /\ irqAs \notin asActive
  /\ locked' = [locked EXCEPT ![slotVm[irqAs]] = -1]
  /\ irqPc' = I_DIS_UPDATE
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim, opPc,
                 opCode, irqAs, irqStatus, lockHolder, resetPending, asActive, asCmd, stuck,
                 asEn, asVm, asLock, asReg, asArg, opFailed, flags, flushing, tlb, raw, hwMask,
                 swMask, stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy,
                 suspended>>

\* Irq(DisableUpdate); with variant as-cmd-no-wait the AS is done with at once.
IrqDisableUpdate ==
  /\ irqPc = I_DIS_UPDATE
  /\ irqAs \notin asActive
  /\ DisUpdateWrite(irqAs)
  /\ irqPc' = IF Bug("as-cmd-no-wait") THEN I_NEXT ELSE I_DIS_UPDATE_WAIT
  /\ irqAs' = IF Bug("as-cmd-no-wait") THEN -1 ELSE irqAs
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim,
                 opPc, opCode, irqStatus, resetPending, stuck, asEn, asVm, asLock, opFailed,
                 flushing, tlb, raw, hwMask, swMask, stalled, faultsLeft, hangsLeft, evicted,
                 recycled, reenabled, ebusy, suspended>>

\* Irq(DisableUpdateWait): the AS is off; slots_lock released; the next fault is looked at.
IrqDisableUpdateWait ==
  /\ irqPc = I_DIS_UPDATE_WAIT
  /\ irqAs \notin asActive
  /\ lockHolder' = LOCK_FREE
  /\ flags' = flags \cup ReleasedBusy(asActive)
  /\ irqPc' = I_NEXT
  /\ irqAs' = -1
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim,
                 opPc, opCode, irqStatus, resetPending, asActive, asCmd, stuck, asEn, asVm,
                 asLock, asReg, asArg, opFailed, flushing, tlb, raw, hwMask, swMask, stalled,
                 faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy, suspended>>

\* Timeout(irq): a command wait of the IRQ thread on its stuck AS gives up: a reset is
\* scheduled, slots_lock released, and the thread goes on with the next fault.
TimeoutIrq ==
  /\ irqPc \in {I_DIS_UNLOCK, I_DIS_UNLOCK_WAIT, I_DIS_UPDATE, I_DIS_UPDATE_WAIT}
  /\ StuckBusy(irqAs)
  /\ resetPending' = TRUE
  /\ lockHolder' = LOCK_FREE
  /\ flags' = flags \cup ReleasedBusy(asActive)
  /\ irqPc' = I_NEXT
  /\ irqAs' = -1
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim,
                 opPc, opCode, irqStatus, asActive, asCmd, stuck, asEn, asVm, asLock, asReg,
                 asArg, opFailed, flushing, tlb, raw, hwMask, swMask, stalled, faultsLeft,
                 hangsLeft, evicted, recycled, reenabled, ebusy, suspended>>

-----------------------------------------------------------------------------
(* Hardware.                                                               *)

\* A GPU agent of bound group g can translate page p through its VM's AS a: translation on, no
\* agent stalled on a fault, no command in flight, p outside the hardware-locked region, and no
\* translation of p cached.
GpuCanTranslate(g, p) ==
  LET a == asId[VmOf(g)] IN
  /\ grp[g] = G_BOUND
  /\ a >= 0
  /\ a \in asEn
  /\ a \notin stalled
  /\ a \notin asActive
  /\ asLock[a] # p
  /\ asLock[a] # ALL_PAGES
  /\ tlb[a][p] < 0

\* GpuWalk(g, p): a TLB miss walks the page table of the VM programmed in the AS, page p is
\* mapped there: the translation is cached (a fill).
GpuWalk(g, p) ==
  LET a == asId[VmOf(g)] IN
  /\ GpuCanTranslate(g, p)
  /\ p \in pt[asVm[a]]
  /\ tlb' = [tlb EXCEPT ![a][p] = asVm[a]]
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim,
                 opPc, opCode, irqPc, irqAs, irqStatus, lockHolder, resetPending, asActive,
                 asCmd, stuck, asEn, asVm, asLock, asReg, asArg, opFailed, flags, flushing, raw,
                 hwMask, swMask, stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled,
                 ebusy, suspended>>

\* GpuFault(g, p): the walk finds page p unmapped: an MMU page fault (MMU_INT_RAWSTAT bit set,
\* the agent stalls until the fault is cleared); bounded by Faults.
GpuFault(g, p) ==
  LET a == asId[VmOf(g)] IN
  /\ GpuCanTranslate(g, p)
  /\ p \notin pt[asVm[a]]
  /\ faultsLeft > 0
  /\ raw' = raw \cup {a}
  /\ stalled' = stalled \cup {a}
  /\ faultsLeft' = faultsLeft - 1
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim,
                 opPc, opCode, irqPc, irqAs, irqStatus, lockHolder, resetPending, asActive,
                 asCmd, stuck, asEn, asVm, asLock, asReg, asArg, opFailed, flags, flushing, tlb,
                 hwMask, swMask, hangsLeft, evicted, recycled, reenabled, ebusy, suspended>>

\* AsCmdDone(a): AS a completes its command and clears AS_ACTIVE.  UPDATE loads the registers
\* (translation off: nothing stays cached for the AS; an enabling UPDATE does not invalidate),
\* LOCK and UNLOCK set and clear the hardware lock region.
AsCmdDone(a) ==
  LET cmd == asCmd[a]
      off == cmd = CMD_UPDATE /\ asReg[a] < 0
  IN
  /\ a \in asActive
  /\ a \notin stuck
  /\ asVm' = IF cmd = CMD_UPDATE THEN [asVm EXCEPT ![a] = asReg[a]] ELSE asVm
  /\ asEn' = IF cmd = CMD_UPDATE
               THEN IF asReg[a] >= 0 THEN asEn \cup {a} ELSE asEn \ {a}
               ELSE asEn
  /\ tlb' = IF off THEN [tlb EXCEPT ![a] = [p \in PageIds |-> -1]] ELSE tlb
  /\ asLock' = CASE cmd = CMD_LOCK -> [asLock EXCEPT ![a] = asArg[a]]
                 [] cmd = CMD_UNLOCK -> [asLock EXCEPT ![a] = -1]
                 [] OTHER -> asLock
  /\ asActive' = asActive \ {a}
  /\ asCmd' = [asCmd EXCEPT ![a] = CMD_NONE]
  /\ asArg' = [asArg EXCEPT ![a] = 0]
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim,
                 opPc, opCode, irqPc, irqAs, irqStatus, lockHolder, resetPending, stuck, asReg,
                 opFailed, flags, flushing, raw, hwMask, swMask, stalled, faultsLeft, hangsLeft,
                 evicted, recycled, reenabled, ebusy, suspended>>

\* AsHang(a): AS a gets stuck with AS_ACTIVE set (at most once, with Hang).
AsHang(a) ==
  /\ hangsLeft > 0
  /\ a \in asActive
  /\ a \notin stuck
  /\ stuck' = stuck \cup {a}
  /\ hangsLeft' = hangsLeft - 1
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim,
                 opPc, opCode, irqPc, irqAs, irqStatus, lockHolder, resetPending, asActive,
                 asCmd, asEn, asVm, asLock, asReg, asArg, opFailed, flags, flushing, tlb, raw,
                 hwMask, swMask, stalled, faultsLeft, evicted, recycled, reenabled, ebusy,
                 suspended>>

\* FlushDone: the GPU_CMD cache flush completes: L2 and LSC cleaned and invalidated, other
\* caches invalidated, and with them every cached translation.
FlushDone ==
  /\ flushing
  /\ flushing' = FALSE
  /\ tlb' = [a \in AsIds |-> [p \in PageIds |-> -1]]
  /\ UNCHANGED <<slotVm, alloc, faulty, lru, asId, active, destroyed, unusable, unhandled,
                 locked, opLock, opCtx, pt, queue, binds, grp, schPc, schG, schAs, schVictim,
                 opPc, opCode, irqPc, irqAs, irqStatus, lockHolder, resetPending, asActive,
                 asCmd, stuck, asEn, asVm, asLock, asReg, asArg, opFailed, flags, raw, hwMask,
                 swMask, stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy,
                 suspended>>

\* The VMs the kernel's books bind to some AS.
VmsInSlots == {slotVm[a] : a \in AsIds} \ {-1}

\* Reset: the reset work, once nobody holds slots_lock, the IRQ thread is idle, no flush is in
\* flight and panthor_vm_active is not past taking its locks: panthor_sched_pre_reset (bound
\* groups, and a group being bound, back to runnable), panthor_mmu_pre_reset (IRQ masked, bind
\* queues stopped), the GPU soft reset (AS registers, TLBs, pending commands and interrupts
\* gone), panthor_mmu_post_reset (alloc and faulty masks cleared, every AS released with
\* active_cnt 0, IRQ unmasked), panthor_fw_post_reset (the MCU VM back on AS 0), and the
\* scheduler's post-reset.
Reset ==
  /\ resetPending
  /\ ~suspended
  /\ lockHolder = LOCK_FREE
  /\ irqPc = I_IDLE
  /\ ~flushing
  /\ schPc \in {S_IDLE, S_LOCK}
  /\ grp' = [g \in GroupIds |->
               IF (schPc = S_LOCK /\ g = schG) \/ grp[g] = G_BOUND THEN G_RUNNABLE ELSE grp[g]]
  /\ schPc' = S_IDLE
  /\ schG' = IF schPc = S_LOCK THEN 0 ELSE schG
  /\ asActive' = {}
  /\ stuck' = {}
  /\ asEn' = {0}
  /\ asCmd' = [a \in AsIds |-> CMD_NONE]
  /\ asArg' = [a \in AsIds |-> 0]
  /\ asVm' = [a \in AsIds |-> IF a = 0 THEN 0 ELSE -1]
  /\ asReg' = [a \in AsIds |-> IF a = 0 THEN 0 ELSE -1]
  /\ asLock' = [a \in AsIds |-> -1]
  /\ asId' = [v \in VmIds |-> IF v = 0 THEN 0 ELSE IF v \in VmsInSlots THEN -1 ELSE asId[v]]
  /\ active' = [v \in VmIds |-> IF v = 0 THEN 1 ELSE IF v \in VmsInSlots THEN 0 ELSE active[v]]
  /\ slotVm' = [a \in AsIds |-> IF a = 0 THEN 0 ELSE -1]
  /\ tlb' = [a \in AsIds |-> [p \in PageIds |-> -1]]
  /\ raw' = {}
  /\ stalled' = {}
  /\ alloc' = {0}
  /\ faulty' = {}
  /\ lru' = <<>>
  /\ hwMask' = AsIds
  /\ swMask' = AsIds
  /\ resetPending' = FALSE
  /\ UNCHANGED <<destroyed, unusable, unhandled, locked, opLock, opCtx, pt, queue, binds,
                 schAs, schVictim, opPc, opCode, irqPc, irqAs, irqStatus, lockHolder, opFailed,
                 flags, flushing, faultsLeft, hangsLeft, evicted, recycled, reenabled, ebusy,
                 suspended>>

-----------------------------------------------------------------------------
(* Runtime suspend and resume (MmuModel.suspend / resume; config Suspend). *)
(* They are the only actions that change suspended.                        *)

\* The ASes panthor_mmu_suspend releases (variant suspend-keeps-lru: not those of idle user VMs).
SuspendReleased ==
  {a \in AsIds : slotVm[a] >= 0
                 /\ ~(Bug("suspend-keeps-lru") /\ slotVm[a] > 0 /\ active[slotVm[a]] = 0)}
SuspendVms == {slotVm[a] : a \in SuspendReleased}

\* Runtime suspend (panthor_device_suspend) once the scheduler has no group bound:
\* panthor_mmu_suspend disables (flush, unlock, UNMAPPED; taken as completed) and releases every
\* assigned AS, the MCU's too, and the MMU IRQ is suspended (masked).
SuspendAct ==
  /\ Suspend
  /\ ~suspended
  /\ ~resetPending
  /\ lockHolder = LOCK_FREE
  /\ irqPc = I_IDLE
  /\ ~flushing
  /\ asActive = {}
  /\ schPc = S_IDLE
  /\ \A g \in GroupIds : grp[g] # G_BOUND
  /\ locked' = [v \in VmIds |-> IF v \in SuspendVms /\ v > 0 THEN -1 ELSE locked[v]]
  /\ asId' = [v \in VmIds |-> IF v \in SuspendVms THEN -1 ELSE asId[v]]
  /\ active' = [v \in VmIds |-> IF v \in SuspendVms THEN 0 ELSE active[v]]
  /\ slotVm' = [a \in AsIds |-> IF a \in SuspendReleased THEN -1 ELSE slotVm[a]]
  /\ alloc' = alloc \ SuspendReleased
  /\ lru' = SelectSeq(lru, LAMBDA x : x \notin SuspendVms)
  /\ asEn' = asEn \ SuspendReleased
  /\ asVm' = [a \in AsIds |-> IF a \in SuspendReleased THEN -1 ELSE asVm[a]]
  /\ asReg' = [a \in AsIds |-> IF a \in SuspendReleased THEN -1 ELSE asReg[a]]
  /\ asLock' = [a \in AsIds |-> IF a \in SuspendReleased THEN -1 ELSE asLock[a]]
  /\ tlb' = [a \in AsIds |-> [p \in PageIds |-> -1]]
  /\ hwMask' = {}
  /\ swMask' = {}
  /\ suspended' = TRUE
  /\ UNCHANGED <<faulty, destroyed, unusable, unhandled, opLock, opCtx, pt, queue, binds, grp,
                 schPc, schG, schAs, schVictim, opPc, opCode, irqPc, irqAs, irqStatus,
                 lockHolder, resetPending, asActive, asCmd, stuck, asArg, opFailed, flags,
                 flushing, raw, stalled, faultsLeft, hangsLeft, evicted, recycled, reenabled,
                 ebusy>>

\* Runtime resume: panthor_mmu_resume clears the alloc and faulty masks and unmasks the IRQ; the
\* FW's resume gives the MCU VM AS 0 back.
ResumeAct ==
  /\ suspended
  /\ alloc' = {0}
  /\ faulty' = {}
  /\ hwMask' = AsIds
  /\ swMask' = AsIds
  /\ slotVm' = [slotVm EXCEPT ![0] = 0]
  /\ asId' = [asId EXCEPT ![0] = 0]
  /\ active' = [active EXCEPT ![0] = 1]
  /\ asEn' = asEn \cup {0}
  /\ asVm' = [asVm EXCEPT ![0] = 0]
  /\ asReg' = [asReg EXCEPT ![0] = 0]
  /\ suspended' = FALSE
  /\ UNCHANGED <<lru, destroyed, unusable, unhandled, locked, opLock, opCtx, pt, queue, binds,
                 grp, schPc, schG, schAs, schVictim, opPc, opCode, irqPc, irqAs, irqStatus,
                 lockHolder, resetPending, asActive, asCmd, stuck, asLock, asArg, opFailed,
                 flags, flushing, tlb, raw, stalled, faultsLeft, hangsLeft, evicted, recycled,
                 reenabled, ebusy>>

-----------------------------------------------------------------------------
(* The next-state relation.                                                *)

NextMmu ==
  \/ \E g \in GroupIds :
       \/ Submit(g)
       \/ TickBind(g)
       \/ Unbind(g)
       \/ KillFaulted(g)
       \/ EvictDestroyed(g)
       \/ \E p \in PageIds : GpuWalk(g, p) \/ GpuFault(g, p)
  \/ ActiveLock
  \/ ActivePickBound
  \/ ActivePickReenable
  \/ ActivePickFree
  \/ ActivePickEvict
  \/ ActivePickBusy
  \/ ActiveEvictFlush
  \/ ActiveEvictFlushWait
  \/ ActiveEvictUnlock
  \/ ActiveEvictUnlockWait
  \/ ActiveEvictRelease
  \/ ActiveEnable
  \/ ActiveEnableWait
  \/ ActiveDone
  \/ TimeoutSched
  \/ \E v \in UserVms :
       \/ \E p \in PageIds, unmap \in BOOLEAN : SubmitAsync(v, unmap, p) \/ SubmitSync(v, unmap, p)
       \/ RunJob(v)
       \/ OpLock(v)
       \/ OpLockRegionNoAs(v)
       \/ OpLockRegion(v)
       \/ OpLockRegionWait(v)
       \/ OpEdit(v)
       \/ OpDeclareUnusable(v)
       \/ OpDisableFlush(v)
       \/ OpDisableFlushWait(v)
       \/ OpDisableUnlock(v)
       \/ OpDisableUnlockWait(v)
       \/ OpDisableUpdate(v)
       \/ OpDisableUpdateWait(v)
       \/ OpUnlockRegionNone(v)
       \/ OpUnlockRegion(v)
       \/ OpUnlockFlushWait(v)
       \/ OpUnlock(v)
       \/ OpUnlockWait(v)
       \/ OpDone(v)
       \/ EditFails(v)
       \/ TimeoutOp(v)
       \/ DestroyVm(v)
  \/ IrqRaw
  \/ IrqDone
  \/ IrqHandle
  \/ IrqDisableFlush
  \/ IrqDisableFlushWait
  \/ IrqDisableUnlock
  \/ IrqDisableUnlockWait
  \/ IrqDisableUpdate
  \/ IrqDisableUpdateWait
  \/ TimeoutIrq
  \/ \E a \in AsIds : AsCmdDone(a) \/ AsHang(a)
  \/ FlushDone
  \/ Reset

Next ==
  \/ NextMmu
  \/ SuspendAct
  \/ ResumeAct

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
(* Invariants of MmuProperties (Java "M-n" is M_n here).                   *)

\* Java "M-1": slot bijection: slots[a].vm = v iff v.as.id = a, and alloc_mask bit a iff
\* slots[a] holds a VM.
M_1 ==
  /\ \A a \in AsIds : /\ (slotVm[a] >= 0) = (a \in alloc)
                      /\ slotVm[a] >= 0 => asId[slotVm[a]] = a
  /\ \A v \in VmIds : asId[v] >= 0 => slotVm[asId[v]] = v

\* Java "M-2": AS 0 holds only the MCU VM; no user VM ever gets AS 0.
M_2 == (\A v \in UserVms : asId[v] # 0) /\ slotVm[0] <= 0

\* Java "M-3": active implies bound: active_cnt > 0 => as.id >= 0 and off the LRU.
M_3 == \A v \in VmIds : active[v] > 0 => asId[v] >= 0 /\ v \notin Range(lru)

\* Java "M-4": LRU discipline: a VM on the LRU has an AS and active_cnt = 0, and appears once.
M_4 ==
  /\ \A k \in DOMAIN lru : asId[lru[k]] >= 0 /\ active[lru[k]] = 0
  /\ Cardinality(Range(lru)) = Len(lru)

\* Java "M-5": single outstanding command: an AS command is written only after AS_ACTIVE was
\* seen clear, and slots_lock is never released with a command in flight on a working AS.
M_5 == flags \cap {F_OVERRUN, F_RELEASED_BUSY} = {}

\* Java "M-6": locked updates (G3): a page table of a VM that has an AS changes only inside the
\* VM's locked region, locked in hardware.
M_6 == F_UNLOCKED_EDIT \notin flags

\* Java "M-7": op serialisation: op_ctx is set only under op_lock, by the VM's one operation in
\* progress.
M_7 == \A v \in VmIds : v \in opCtx => v \in opLock /\ opPc[v] # O_IDLE

\* Java "M-8": a faulty AS is masked in the software mask, and in MMU_INT_MASK while the IRQ
\* thread is idle, and disabled unless the IRQ thread is disabling it now (or a reset is
\* pending).
M_8 ==
  \A a \in faulty :
    /\ a \notin swMask
    /\ ~(irqPc = I_IDLE /\ a \in hwMask)
    /\ a \in asEn => (irqAs = a \/ resetPending)

\* Java "M-9": no work on an unbound VM: a bound group's VM has an AS, enabled with its own page
\* table (unless the VM faulted or is unusable, or a reset is pending).
M_9 ==
  \A g \in GroupIds :
    LET v == VmOf(g) IN
    (grp[g] = G_BOUND /\ v \notin unhandled /\ v \notin unusable /\ ~resetPending)
      => (asId[v] >= 0 /\ asId[v] \in asEn /\ asVm[asId[v]] = v)

\* Java "M-10": VM lifecycle: no VM_BIND job is accepted on a destroyed or unusable VM, and no
\* MAP runs on an unusable one.
M_10 == flags \cap {F_BIND_DEAD_VM, F_MAP_UNUSABLE} = {}

\* No stale translation once an operation returned: a cached translation of the VM an AS serves
\* is of a mapped page, unless that VM is in the middle of an operation (exempt: the AS the IRQ
\* thread is disabling, and a pending reset).
TlbCoherent ==
  \A a \in AsIds :
    LET v == asVm[a] IN
    (v >= 0 /\ slotVm[a] = v /\ v \notin opCtx /\ irqAs # a /\ ~resetPending)
      => \A p \in PageIds : tlb[a][p] = v => p \in pt[v]

\* An AS never exposes another VM's translations: an enabled AS caches only translations of the
\* VM programmed in it.
NoForeignTranslation ==
  \A a \in asEn : \A p \in PageIds : tlb[a][p] >= 0 => tlb[a][p] = asVm[a]

\* Bug zoo 27: while the MMU IRQ is idle, every AS that is not faulty is unmasked in both the
\* software mask and MMU_INT_MASK.
IrqMaskConsistent ==
  irqPc = I_IDLE /\ ~suspended => \A a \in AsIds \ faulty : a \in swMask /\ a \in hwMask

\* Java "ReleasedWhileSuspended" (config Suspend): no AS assigned and the IRQ masked.
ReleasedWhileSuspended ==
  suspended => /\ \A v \in VmIds : asId[v] = -1
               /\ alloc = {} /\ hwMask = {} /\ asEn = {}

\* Bug zoo 29: a fault interrupt is cleared only after its AS was marked faulty.
ClearAfterHandle == F_EARLY_CLEAR \notin flags

\* ML-1 as a safety property: within the scheduler's AS budget, panthor_vm_active never returns
\* -EBUSY.
NoEbusy == ~ebusy

-----------------------------------------------------------------------------
(* Liveness: ML-2 ... ML-4 of MmuProperties.liveness under its fairness    *)
(* (MmuProperties.fairness): weak fairness of every kernel and device      *)
(* step family, none for the environment's (Submit, Unbind, the VM_BIND    *)
(* ioctls, EditFails, DestroyVm, GpuFault, AsHang), and strong fairness of *)
(* the threads that take op_lock or slots_lock (panthor_vm_active, each    *)
(* VM's operation, the IRQ thread): a kernel mutex hands the lock over to  *)
(* a waiter.  A thread's steps are one family, as in the Java model.       *)

\* The family "Active": every step of panthor_vm_active past the fast path.
ActiveStep ==
  \/ ActiveLock \/ ActivePickBound \/ ActivePickReenable \/ ActivePickFree \/ ActivePickEvict
  \/ ActivePickBusy \/ ActiveEvictFlush \/ ActiveEvictFlushWait \/ ActiveEvictUnlock
  \/ ActiveEvictUnlockWait \/ ActiveEvictRelease \/ ActiveEnable \/ ActiveEnableWait
  \/ ActiveDone

\* The family "Op(v)": every step of VM v's operation (EditFails and TimeoutOp(v) are not in it).
OpStep(v) ==
  \/ OpLock(v) \/ OpLockRegionNoAs(v) \/ OpLockRegion(v) \/ OpLockRegionWait(v) \/ OpEdit(v)
  \/ OpDeclareUnusable(v) \/ OpDisableFlush(v) \/ OpDisableFlushWait(v) \/ OpDisableUnlock(v)
  \/ OpDisableUnlockWait(v) \/ OpDisableUpdate(v) \/ OpDisableUpdateWait(v)
  \/ OpUnlockRegionNone(v) \/ OpUnlockRegion(v) \/ OpUnlockFlushWait(v) \/ OpUnlock(v)
  \/ OpUnlockWait(v) \/ OpDone(v)

\* The family "Irq": every step of the threaded handler.
IrqStep ==
  \/ IrqDone \/ IrqHandle \/ IrqDisableFlush \/ IrqDisableFlushWait \/ IrqDisableUnlock
  \/ IrqDisableUnlockWait \/ IrqDisableUpdate \/ IrqDisableUpdateWait

\* The weakly fair families of MmuProperties.fairness besides the three threads.
WeakFamilies ==
  /\ WF_vars(IrqRaw)
  /\ WF_vars(FlushDone)
  /\ WF_vars(Reset)
  /\ WF_vars(ResumeAct)
  /\ WF_vars(TimeoutSched)
  /\ WF_vars(TimeoutIrq)
  /\ \A g \in GroupIds : WF_vars(TickBind(g))
  /\ \A g \in GroupIds : WF_vars(KillFaulted(g))
  /\ \A g \in GroupIds : WF_vars(EvictDestroyed(g))
  /\ \A g \in GroupIds, p \in PageIds : WF_vars(GpuWalk(g, p))
  /\ \A v \in UserVms : WF_vars(RunJob(v))
  /\ \A v \in UserVms : WF_vars(TimeoutOp(v))
  /\ \A a \in AsIds : WF_vars(AsCmdDone(a))

\* MmuProperties.fairness(c, false).
Fairness ==
  /\ WeakFamilies
  /\ SF_vars(ActiveStep)
  /\ SF_vars(IrqStep)
  /\ \A v \in UserVms : SF_vars(OpStep(v))

\* The same with weak fairness only (MmuLivenessTest.weakFairnessOnly_starvesAVmOperation).
WeakFairness ==
  /\ WeakFamilies
  /\ WF_vars(ActiveStep)
  /\ WF_vars(IrqStep)
  /\ \A v \in UserVms : WF_vars(OpStep(v))

LiveSpec == Spec /\ Fairness

\* Each ML property is its fairness => its clauses, so that one cfg with SPECIFICATION Spec checks
\* all of them (Spec /\ F => P is Spec => (F => P)).

\* Java "ML-1": every panthor_vm_active call returns, and never with -EBUSY.  Clause
\* ActiveReturns.
ML_1_Clauses == (schPc # S_IDLE) ~> (schPc = S_IDLE /\ ~ebusy)
ML_1 == Fairness => ML_1_Clauses

\* Java "ML-2": every AS command completes or leads to a scheduled reset.  Clauses
\* CommandEnds(a), for the user ASes.
ML_2_Clauses == \A a \in UserAs : (a \in asActive) ~> (a \notin asActive \/ resetPending)
ML_2 == Fairness => ML_2_Clauses

\* Java "ML-3": every queued async VM_BIND job runs, and every VM operation ends (success or
\* error).  Clauses JobsRun(v) and OpEnds(v).
ML_3_Clauses ==
  /\ \A v \in UserVms : (Len(queue[v]) > 0) ~> (Len(queue[v]) = 0)
  /\ \A v \in UserVms : (opPc[v] # O_IDLE) ~> (opPc[v] = O_IDLE)
ML_3 == Fairness => ML_3_Clauses

\* ML-3 with weak fairness only: fails (the tick can take a VM's op_lock again and again while
\* the VM's operation waits for it).
ML_3_Weak == WeakFairness => ML_3_Clauses

\* Java "ML-4": a faulty AS that an activation uses becomes non-faulty, or the device resets.
\* Clauses FaultyReenabled(a), for the user ASes.
ML_4_Clauses ==
  \A a \in UserAs :
    (a \in faulty /\ schPc # S_IDLE /\ asId[VmOf(schG)] = a) ~> (a \notin faulty \/ resetPending)
ML_4 == Fairness => ML_4_Clauses

-----------------------------------------------------------------------------
(* Reachability witnesses of MmuProperties, as invariants that are         *)
(* expected to fail (TLC then shows a witness).  They are not in the cfg   *)
(* files.                                                                  *)

\* With Vms > As: an idle VM on the LRU loses its AS to another VM.
NotLruEviction == ~evicted

\* With Vms > As: an AS is programmed for a VM other than the one it served.
NotRecycledSlot == ~recycled

\* With Faults > 0: a faulty AS is re-enabled by panthor_vm_active.
NotFaultHandledReenabled == ~reenabled

\* With AllocFail or Hang: a failed async VM_BIND marks its VM unusable (its op ends failed; the
\* last step, OpDone, marks the VM).
NotAsyncBindFailedUnusable ==
  ~\E v \in UserVms : opPc[v] = O_END /\ IsAsync(opCode[v]) /\ v \in opFailed

=============================================================================
