----------------------------- MODULE Scheduler -----------------------------
(***************************************************************************)
(* The CSG scheduler of panthor (panthor_sched.c): the TLA+ twin of the    *)
(* Java model org.panthorverify.models.sched (SchedModel, SchedState,      *)
(* SchedAction, SchedProperties; model id 'scheduler', see                 *)
(* specs/scheduler/README.md).                                             *)
(*                                                                         *)
(* It covers the whole Java model: the tick, the run lists, slot          *)
(* priorities, job submission, idle events, the AS budget, FW hangs with   *)
(* their reset, destroy, groups of Queues queues, and the features behind  *)
(* the flags Faults, Corrupt, Oom, SyncWait, JobTimeouts, Create, VmBind,  *)
(* Suspend and Moves (Java's SchedConfig faults, corrupt, oom, syncWait,   *)
(* jobTimeouts, create, vmBind, suspend, moves).                           *)
(*                                                                         *)
(* The variables are the keys of SchedModel.describe, in the same order,   *)
(* and hold what describe shows, except that bit masks are sets here:     *)
(*   - enumerations are strings ("none"/"delayed"/"now",                   *)
(*     "idle"/"status"/"evict"/"bind", CSG_STATE and group-state names,    *)
(*     "corrupted-start" ..., life, OOM-work, sync-wait, timer and PM      *)
(*     names such as "running-1", "suspended-0" or "runtime-suspended");   *)
(*   - run lists, stoppedGroups, ctx, evicted, waiting and lru are         *)
(*     sequences of group ids (VM ids for lru) in list order;              *)
(*   - per-slot, per-group, per-queue and per-VM values are functions on   *)
(*     SlotIds (0..Slots-1), GroupIds (0..Groups-1), QueueIds              *)
(*     (0..Groups*Queues-1: queue k of group g is Q(g, k) = g*Queues+k)    *)
(*     and VmIds (0..Vms-1); NoGroup (-1) is an empty slot, NoSlot (-1) an *)
(*     unbound group (or, in leftSlot, a group never unbound);             *)
(*   - slot, group, queue and VM masks are sets of slot, group, queue and  *)
(*     VM ids.                                                             *)
(*                                                                         *)
(* Each state of the Java explorer maps to exactly one state here and      *)
(* back, so TLC must find the same number of distinct states and the same  *)
(* depth as the explorer on every MC file (see the MC files and            *)
(* specs/scheduler/README.md).                                             *)
(*                                                                         *)
(* Simple actions are written variable by variable.  Actions that run      *)
(* several kernel functions in a row (loops over slots or groups, where    *)
(* one call sees what the previous one did) apply the helpers of the       *)
(* section "The same helpers on a state record" to the record St, in the   *)
(* Java order, and SetSt makes the result the next state.                  *)
(*                                                                         *)
(* The actions have the names and parameters of the SchedAction records    *)
(* (SubmitJob(group, queue), FwRunJob(slot, queue), PmSuspend(system),     *)
(* ...).  Variant is the seeded bug switched on ("none" for the correct    *)
(* model), named as in SchedModel.VARIANTS (all thirteen); Bug(v) tests    *)
(* it.                                                                     *)
(*                                                                         *)
(* Where the Java code reaches a slot through csgId[g] and the spec        *)
(* through slotGroup[i] (or back), the two agree because S-1 (the slot     *)
(* bijection) holds in every reachable state.                              *)
(***************************************************************************)
EXTENDS Naturals, Integers, Sequences, FiniteSets, TLC

CONSTANTS
  Slots,         \* CSG slots, 1..4
  Groups,        \* groups, 1..6
  Queues,        \* queues per group, 1..2 (Groups * Queues <= 8)
  Rt,            \* RT groups: groups 0 .. Rt-1 are RT, the others MEDIUM
  Jobs,          \* jobs each queue can be given over a behaviour, 1..3
  AsSlots,       \* user AS slots: the AS budget of a tick, 1..4
  Vms,           \* VMs: group g uses VM min(g, Vms - 1)
  Timeouts,      \* the FW may hang, so a CSG request may time out (and schedule a reset)
  GroupDestroy,  \* userspace may destroy groups (Java's SchedConfig.destroy)
  Faults,        \* the FW may raise CS_FATAL and CS_UNRECOVERABLE (SchedConfig.faults)
  Corrupt,       \* the FW may corrupt a CSG_STATE ack (SchedConfig.corrupt)
  Oom,           \* the FW may raise TILER_OOM (SchedConfig.oom)
  SyncWait,      \* queues may block on sync objects (SchedConfig.syncWait)
  JobTimeouts,   \* per-queue job timeouts (SchedConfig.jobTimeouts)
  Create,        \* groups are created concurrently (SchedConfig.create)
  VmBind,        \* explicit address spaces: panthor_vm_active with the LRU, AS enables that
                 \*   fail (SchedConfig.vmBind)
  Suspend,       \* system and runtime PM suspend/resume of the device (SchedConfig.suspend)
  Moves,         \* remember the slot each group was last unbound from (SchedConfig.moves)
  Variant        \* "none", or one variant name of SchedModel.VARIANTS

ASSUME Slots \in 1..4
ASSUME Groups \in 1..6
ASSUME Queues \in 1..2 /\ Groups * Queues <= 8
ASSUME Rt \in 0..Groups
ASSUME Jobs \in 1..3
ASSUME AsSlots \in 1..4
ASSUME Vms \in 1..Groups
ASSUME {Timeouts, GroupDestroy, Faults, Corrupt, Oom, SyncWait, JobTimeouts, Create, VmBind,
        Suspend, Moves} \subseteq BOOLEAN
ASSUME Variant \in {"none", "full-tick-inverted", "stopped-tick-immediate", "prio-rotation",
                    "tick-not-resumed-on-submit", "immediate-tick-overruled", "idle-two-sources",
                    "unknown-csg-state", "unrecoverable-fault-no-reset", "tiler-oom-null-chunk",
                    "group-create-publish", "per-queue-timeout", "timeout-reset-inverted",
                    "bind-ignores-vm-failure"}

Bug(v) == Variant = v

SlotIds == 0..(Slots - 1)
GroupIds == 0..(Groups - 1)
QIdx == 0..(Queues - 1)                 \* the queue indices inside a group
QueueIds == 0..(Groups * Queues - 1)    \* all queues
VmIds == 0..(Vms - 1)
Bands == 0..1       \* priority bands: 0 MEDIUM, 1 RT

NoGroup == -1       \* slotGroup of an empty slot
NoSlot == -1        \* csgId of an unbound group

\* The highest FW slot priority; the tick hands out 15, 14, ... in pick order.
MAX_CSG_PRIO == 15

\* The priority band of a group (SchedConfig.band) and its VM (SchedConfig.vm).
Band(g) == IF g < Rt THEN 1 ELSE 0
Vm(g) == IF g < Vms - 1 THEN g ELSE Vms - 1

\* Queue k of group g (SchedConfig.q), the queues of a group as a set and in order, and the
\* group of a queue.
Q(g, k) == g * Queues + k
QueuesOf(g) == {Q(g, k) : k \in QIdx}
QSeq(g) == [k \in 1..Queues |-> Q(g, k - 1)]
GroupOfQ(q) == q \div Queues

-----------------------------------------------------------------------------
(* Sequence and set helpers.                                               *)

Max(a, b) == IF a > b THEN a ELSE b

\* The elements of a sequence.
Range(s) == {s[k] : k \in DOMAIN s}

\* How often x occurs in s.
Occurrences(s, x) == Cardinality({k \in DOMAIN s : s[k] = x})

\* The position of x in s (x occurs in s once).
Pos(s, x) == CHOOSE k \in DOMAIN s : s[k] = x

\* s without x (List.remove: the lists hold each group at most once).
Remove(s, x) == SelectSeq(s, LAMBDA y : y # x)

\* The group ids and slot ids in ascending order, and the slots of a set in that order.
GroupSeq == [k \in 1..Groups |-> k - 1]
SlotSeq == [k \in 1..Slots |-> k - 1]
SlotsInOrder(S) == SelectSeq(SlotSeq, LAMBDA i : i \in S)

\* Applies Op(b, x) for x = s[1], s[2], ... in order.
RECURSIVE FoldSeq(_, _, _)
FoldSeq(Op(_, _), b, s) == IF s = <<>> THEN b ELSE FoldSeq(Op, Op(b, Head(s)), Tail(s))

\* A toggle: the symmetric difference of two sets (XOR of two bit masks).
Toggle(S, T) == (S \ T) \cup (T \ S)

\* csg_slot_sync_state_locked: the group state from the acked CSG_STATE.
StateFromAck(ack) ==
  CASE ack \in {"start", "resume"} -> "active"
    [] ack = "suspend" -> "suspended"
    [] ack = "terminate" -> "terminated"
    [] OTHER -> "unknown"   \* an undefined value (a corrupted ack)

-----------------------------------------------------------------------------
VARIABLES
  tick,             \* the tick delayed work: "none", "delayed" (until last_tick + period), "now"
  stopped,          \* resched_target == U64_MAX: the periodic tick is stopped
  elapsed,          \* now >= last_tick + tick_period: the timeslice is over
  phase,            \* the tick's program counter while it holds sched->lock:
                    \*   "idle", "status", "evict", "bind"
  full,             \* the running tick is a full tick (what the tick computed)
  deadline,         \* the deadline had passed when the running tick started (elapsed then)
  stopTick,         \* the running tick's stop_tick
  mightIdle,        \* might_have_idle_groups
  resetPending,     \* reset.pending of the device
  resetInProgress,  \* sched->reset.in_progress
  used,             \* used_csg_slot_count
  hung,             \* the FW stopped answering
  runnable0,        \* groups.runnable[MEDIUM], a sequence of group ids
  runnable1,        \* groups.runnable[RT]
  idle0,            \* groups.idle[MEDIUM]
  idle1,            \* groups.idle[RT]
  stoppedGroups,    \* reset.stopped_groups, a sequence of group ids in list order
  ctx,              \* the running tick's chosen groups in pick order
  evicted,          \* the running tick's evicted groups (left in old_groups), a sequence in
                    \*   the order tick_ctx_apply walks them (RT band first, each band by
                    \*   descending slot priority, the rotated head last)
  slotGroup,        \* per slot: the bound group, or NoGroup
  slotPrio,         \* per slot: the FW slot priority (0..15)
  csgReq,           \* per slot: CSG_STATE request ("terminate", "start", "suspend", "resume")
  csgAck,           \* per slot: CSG_STATE echoed by the FW, or "corrupted-" and the value the
                    \*   FW acked before the word changed (an undefined value)
  statusReq,        \* slots whose STATUS_UPDATE request toggle bit is set
  statusAck,        \* slots whose STATUS_UPDATE ack toggle bit is set
  evtSync,          \* slots with a CSG_SYNC_UPDATE event raised and not yet processed
  evtIdle,          \* slots with a CSG_IDLE event raised and not yet processed
  evtFatal,         \* per slot: CS_FATAL raised and not yet processed: 0 none, 1 a fatal
                    \*   error, 2 CS_UNRECOVERABLE
  evtOom,           \* slots with TILER_OOM raised and not acknowledged yet
  fwIdle,           \* slots whose group's queues the FW saw drain (it raised CSG_IDLE once)
  slotIdle,         \* slots whose idleness was cached at the last STATUS_UPDATE
                    \*   (only variant idle-two-sources reads it)
  life,             \* per group: "absent", "published" (handle in the pool, creation not
                    \*   finished), "ready", "freed" (freed while its creator initialised it)
  uaf,              \* a freed group was used (its creator went on initialising it)
  gState,           \* per group: "created", "active", "suspended", "terminated", "unknown"
  csgId,            \* per group: its slot, or NoSlot
  destroyed,        \* groups with destroyed set
  timedout,         \* groups with timedout set
  fatal,            \* groups with a fatal queue (fatal_queues != 0)
  unrec,            \* a CS_UNRECOVERABLE was processed by the FW-events work, no reset since
  badAck,           \* groups whose CSG_STATE ack was read as an undefined value
  oomWork,          \* per group: the tiler-OOM work: "none", "queued", or grown with an
                    \*   outcome ("chunk", "enomem-wait", "enomem-full", "einval"), unfinished
  sync,             \* per queue: its sync wait: "none", "wait" (the FW is blocked on it),
                    \*   "signalled" (the FW has not re-evaluated it yet), "done"
  syncSb,           \* queues whose FW status showed pending scoreboards with the sync wait
  blocked,          \* queues in their group's blocked_queues
  waiting,          \* groups.waiting, a sequence of group ids in list order
  syncUpd,          \* sync_upd_work is queued
  timer,            \* per queue: the job timeout: "off", "running-k" or "suspended-k" with
                    \*   k (0..2) halves of JOB_TIMEOUT used
  since,            \* per queue: halves of JOB_TIMEOUT of running time since the queue last
                    \*   made progress (0..2; the truth the timer must agree with)
  termPending,      \* groups whose term work is queued
  idle,             \* queues in their group's idle_queues
  submitted,        \* per queue: jobs that reached queue_run_job (the last seqno)
  executed,         \* per queue: jobs the FW finished (the queue's sync object)
  signalled,        \* per queue: done fences signalled
  vmAs,             \* (VmBind) VMs that hold an address space (vm->as.id >= 0)
  vmCnt,            \* (VmBind) per VM: as.active_cnt
  lru,              \* (VmBind) as.lru_list: idle VMs that keep their AS, a sequence of VM ids,
                    \*   least recently idled first
  ebusy,            \* (VmBind) panthor_vm_active returned -EBUSY (no free AS, no idle VM)
  pm,               \* (Suspend) the device's PM state: "active", "runtime-suspended",
                    \*   "system-suspended"
  hasRef,           \* (Suspend) pm.has_ref: the scheduler holds a runtime-PM reference
  leftSlot          \* (Moves) per group: the slot it was last unbound from, or NoSlot

vars == <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle, resetPending,
          resetInProgress, used, hung, runnable0, runnable1, idle0, idle1, stoppedGroups, ctx,
          evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq, statusAck, evtSync, evtIdle,
          evtFatal, evtOom, fwIdle, slotIdle, life, uaf, gState, csgId, destroyed, timedout,
          fatal, unrec, badAck, oomWork, sync, syncSb, blocked, waiting, syncUpd, timer, since,
          termPending, idle, submitted, executed, signalled, vmAs, vmCnt, lru, ebusy, pm, hasRef,
          leftSlot>>

CsgStates == {"terminate", "start", "suspend", "resume"}
GroupStates == {"created", "active", "suspended", "terminated", "unknown"}
\* An acked CSG_STATE, or one the FW corrupted after the host saw it acked.
Corrupted(v) == "corrupted-" \o v
AckValues == CsgStates \cup {Corrupted(v) : v \in CsgStates}
OomNames == {"none", "queued", "chunk", "enomem-wait", "enomem-full", "einval"}
PmStates == {"active", "runtime-suspended", "system-suspended"}
\* Halves of JOB_TIMEOUT after which the job timeout fires (SchedModel.TMR_FULL).
TMR_FULL == 2
TimerValues == {"off"} \cup {"running-" \o ToString(k) : k \in 0..TMR_FULL}
                 \cup {"suspended-" \o ToString(k) : k \in 0..TMR_FULL}

\* A run list: a sequence of distinct group ids (of distinct VM ids for lru).
IsList(s) == s \in Seq(GroupIds) /\ Len(s) = Cardinality(Range(s))
IsVmList(s) == s \in Seq(VmIds) /\ Len(s) = Cardinality(Range(s))

TypeOK ==
  /\ tick \in {"none", "delayed", "now"}
  /\ phase \in {"idle", "status", "evict", "bind"}
  /\ {stopped, elapsed, full, deadline, stopTick, mightIdle, resetPending, resetInProgress,
      hung} \subseteq BOOLEAN
  /\ used \in 0..Slots
  /\ IsList(runnable0) /\ IsList(runnable1) /\ IsList(idle0) /\ IsList(idle1) /\ IsList(ctx)
  /\ IsList(stoppedGroups) /\ IsList(evicted) /\ IsList(waiting)
  /\ {destroyed, timedout, termPending} \subseteq SUBSET GroupIds
  /\ slotGroup \in [SlotIds -> GroupIds \cup {NoGroup}]
  /\ slotPrio \in [SlotIds -> 0..MAX_CSG_PRIO]
  /\ csgReq \in [SlotIds -> CsgStates]
  /\ csgAck \in [SlotIds -> AckValues]
  /\ {statusReq, statusAck, evtSync, evtIdle, fwIdle, slotIdle} \subseteq SUBSET SlotIds
  /\ gState \in [GroupIds -> GroupStates]
  /\ csgId \in [GroupIds -> SlotIds \cup {NoSlot}]
  /\ submitted \in [QueueIds -> 0..Jobs]
  /\ executed \in [QueueIds -> 0..Jobs]
  /\ signalled \in [QueueIds -> 0..Jobs]
  /\ evtFatal \in [SlotIds -> 0..2]
  /\ evtOom \subseteq SlotIds
  /\ life \in [GroupIds -> {"absent", "published", "ready", "freed"}]
  /\ {uaf, unrec, syncUpd, ebusy, hasRef} \subseteq BOOLEAN
  /\ {fatal, badAck} \subseteq SUBSET GroupIds
  /\ {syncSb, blocked, idle} \subseteq SUBSET QueueIds
  /\ oomWork \in [GroupIds -> OomNames]
  /\ sync \in [QueueIds -> {"none", "wait", "signalled", "done"}]
  /\ timer \in [QueueIds -> TimerValues]
  /\ since \in [QueueIds -> 0..TMR_FULL]
  /\ vmAs \subseteq VmIds
  /\ vmCnt \in [VmIds -> 0..Groups]
  /\ IsVmList(lru)
  /\ pm \in PmStates
  /\ leftSlot \in [GroupIds -> SlotIds \cup {NoSlot}]

(* panthor_sched_init and the creation of every group (panthor_group_create): *)
(* all groups CREATED with their queues idle, on idle[prio] in creation      *)
(* order (with Create, no group exists yet: CreatePublish and CreateInit     *)
(* make them); no slot used; the periodic tick stopped; the first timeslice  *)
(* already over; no VM holds an AS; the device active.                       *)
Init ==
  /\ tick = "none"
  /\ stopped = TRUE
  /\ elapsed = TRUE
  /\ phase = "idle"
  /\ full = FALSE
  /\ deadline = FALSE
  /\ stopTick = TRUE
  /\ mightIdle = FALSE
  /\ resetPending = FALSE
  /\ resetInProgress = FALSE
  /\ used = 0
  /\ hung = FALSE
  /\ runnable0 = <<>>
  /\ runnable1 = <<>>
  /\ idle0 = IF Create THEN <<>> ELSE SelectSeq(GroupSeq, LAMBDA g : Band(g) = 0)
  /\ idle1 = IF Create THEN <<>> ELSE SelectSeq(GroupSeq, LAMBDA g : Band(g) = 1)
  /\ stoppedGroups = <<>>
  /\ ctx = <<>>
  /\ evicted = <<>>
  /\ slotGroup = [i \in SlotIds |-> NoGroup]
  /\ slotPrio = [i \in SlotIds |-> 0]
  /\ csgReq = [i \in SlotIds |-> "terminate"]
  /\ csgAck = [i \in SlotIds |-> "terminate"]
  /\ statusReq = {}
  /\ statusAck = {}
  /\ evtSync = {}
  /\ evtIdle = {}
  /\ fwIdle = {}
  /\ slotIdle = {}
  /\ gState = [g \in GroupIds |-> "created"]
  /\ csgId = [g \in GroupIds |-> NoSlot]
  /\ destroyed = {}
  /\ timedout = {}
  /\ termPending = {}
  /\ idle = IF Create THEN {} ELSE QueueIds
  /\ submitted = [q \in QueueIds |-> 0]
  /\ executed = [q \in QueueIds |-> 0]
  /\ signalled = [q \in QueueIds |-> 0]
  /\ evtFatal = [i \in SlotIds |-> 0]
  /\ evtOom = {}
  /\ life = [g \in GroupIds |-> IF Create THEN "absent" ELSE "ready"]
  /\ uaf = FALSE
  /\ fatal = {}
  /\ unrec = FALSE
  /\ badAck = {}
  /\ oomWork = [g \in GroupIds |-> "none"]
  /\ sync = [q \in QueueIds |-> "none"]
  /\ syncSb = {}
  /\ blocked = {}
  /\ waiting = <<>>
  /\ syncUpd = FALSE
  /\ timer = [q \in QueueIds |-> "off"]
  /\ since = [q \in QueueIds |-> 0]
  /\ vmAs = {}
  /\ vmCnt = [v \in VmIds |-> 0]
  /\ lru = <<>>
  /\ ebusy = FALSE
  /\ pm = "active"
  /\ hasRef = FALSE
  /\ leftSlot = [g \in GroupIds |-> NoSlot]

-----------------------------------------------------------------------------
(* Kernel helpers (the static methods of SchedModel).                      *)

\* The run lists of a band.
Runnable(p) == IF p = 1 THEN runnable1 ELSE runnable0
IdleList(p) == IF p = 1 THEN idle1 ELSE idle0

\* The occupied slots and the bound groups.
BoundSlots == {i \in SlotIds : slotGroup[i] # NoGroup}
BoundGroups == {slotGroup[i] : i \in BoundSlots}

\* group_can_run: not TERMINATED/UNKNOWN, not destroyed, timed out or fatal.
GroupCanRun(g) ==
  /\ gState[g] \notin {"terminated", "unknown"}
  /\ g \notin destroyed /\ g \notin timedout /\ g \notin fatal

\* Every queue of group g is idle or blocked (SchedModel.queuesIdle), with the idle and
\* blocked queue sets given.
QueuesIdleIn(g, idleSet, blockedSet) == QueuesOf(g) \subseteq idleSet \cup blockedSet
QueuesIdle(g) == QueuesIdleIn(g, idle, blocked)

\* The groups whose queues are all idle or blocked (SchedModel.idleGroups).
IdleGroups == {g \in GroupIds : QueuesIdle(g)}

\* group_is_idle (every queue idle or blocked), with the idle and blocked sets and the cached
\* slot idleness given: variant idle-two-sources reads a resident group's idleness from its
\* slot's cached status.
GroupIsIdleIn(g, idleSet, blockedSet, slotIdleSet) ==
  IF Bug("idle-two-sources") /\ csgId[g] # NoSlot THEN csgId[g] \in slotIdleSet
  ELSE QueuesIdleIn(g, idleSet, blockedSet)

GroupIsIdle(g) == GroupIsIdleIn(g, idle, blocked, slotIdle)

\* The tick after sched_queue_delayed_work(sched, tick, 0) (requestTick): an immediate tick,
\* never queued while a reset is pending or in progress; rp and tk are reset.pending and the
\* tick before it.
RequestedTickFrom(rp, tk) == IF ~rp /\ ~resetInProgress THEN "now" ELSE tk
RequestedTick == RequestedTickFrom(resetPending, tick)

\* sched_resume_tick: [stopped, tick] after it, from reset.pending rp and the tick tk.
\* resched_target := last_tick + period; the tick is queued with the time left if every slot
\* is used, else at once, unless a tick is already queued (variant immediate-tick-overruled
\* re-queues it anyway).
ResumedTickFrom(rp, tk) ==
  IF rp \/ resetInProgress THEN [stopped |-> stopped, tick |-> tk]
  ELSE [stopped |-> FALSE,
        tick |-> IF tk = "none" \/ Bug("immediate-tick-overruled")
                   THEN IF used = Slots THEN "delayed" ELSE "now"
                   ELSE tk]
ResumedTick == ResumedTickFrom(resetPending, tick)

\* The CSG_STATE value an ack holds (SchedModel.csgAcked masks the corruption off).
AckBase(a) == IF a \in CsgStates THEN a ELSE CHOOSE v \in CsgStates : Corrupted(v) = a

\* Whether slot i's CSG_STATE request was acked (the wait's masked comparison).
CsgAcked(i) == csgReq[i] = AckBase(csgAck[i])

\* The FW runs the group on slot i: its START or RESUME is acked and no CS_FATAL or TILER_OOM
\* stopped it (SchedAction.slotRuns).
SlotRuns(i) ==
  /\ slotGroup[i] # NoGroup /\ csgReq[i] = csgAck[i] /\ csgAck[i] \in {"start", "resume"}
  /\ evtFatal[i] = 0 /\ i \notin evtOom

\* Queue k of the group on slot i executes: not stopped on a sync wait (queueRuns).
QueueRuns(i, k) == SlotRuns(i) /\ sync[Q(slotGroup[i], k)] \in {"none", "done"}

\* Some queue of the group on slot i executes (running).  A set, not \E: TLC would take one
\* step per witness.
Running(i) == SlotRuns(i) /\ {k \in QIdx : sync[Q(slotGroup[i], k)] \in {"none", "done"}} # {}

\* The job timeout's values: running or suspended with k halves of JOB_TIMEOUT used.
TRun(k) == "running-" \o ToString(k)
TSusp(k) == "suspended-" \o ToString(k)
TimerRunning(t) == \E k \in 0..TMR_FULL : t = TRun(k)
TimerSuspended(t) == \E k \in 0..TMR_FULL : t = TSusp(k)
TimerUsed(t) == CHOOSE k \in 0..TMR_FULL : t \in {TRun(k), TSusp(k)}

-----------------------------------------------------------------------------
(* The same helpers on a state record b (SchedState.B): St is the current  *)
(* state, SetSt(b) makes b the next one.  Actions that call several kernel *)
(* functions in a row (a loop over slots or groups) apply them to b in the *)
(* Java order, so that each sees what the previous one did.                *)

St == [tick |-> tick, stopped |-> stopped, elapsed |-> elapsed, phase |-> phase, full |-> full,
        deadline |-> deadline, stopTick |-> stopTick, mightIdle |-> mightIdle,
        resetPending |-> resetPending, resetInProgress |-> resetInProgress, used |-> used,
        hung |-> hung, runnable0 |-> runnable0, runnable1 |-> runnable1, idle0 |-> idle0,
        idle1 |-> idle1, stoppedGroups |-> stoppedGroups, ctx |-> ctx, evicted |-> evicted,
        slotGroup |-> slotGroup, slotPrio |-> slotPrio, csgReq |-> csgReq, csgAck |-> csgAck,
        statusReq |-> statusReq, statusAck |-> statusAck, evtSync |-> evtSync,
        evtIdle |-> evtIdle, evtFatal |-> evtFatal, evtOom |-> evtOom, fwIdle |-> fwIdle,
        slotIdle |-> slotIdle, life |-> life, uaf |-> uaf, gState |-> gState, csgId |-> csgId,
        destroyed |-> destroyed, timedout |-> timedout, fatal |-> fatal, unrec |-> unrec,
        badAck |-> badAck, oomWork |-> oomWork, sync |-> sync, syncSb |-> syncSb,
        blocked |-> blocked, waiting |-> waiting, syncUpd |-> syncUpd, timer |-> timer,
        since |-> since, termPending |-> termPending, idle |-> idle, submitted |-> submitted,
        executed |-> executed, signalled |-> signalled, vmAs |-> vmAs, vmCnt |-> vmCnt,
        lru |-> lru, ebusy |-> ebusy, pm |-> pm, hasRef |-> hasRef, leftSlot |-> leftSlot]

SetSt(b) ==
  /\ tick' = b.tick /\ stopped' = b.stopped /\ elapsed' = b.elapsed /\ phase' = b.phase
  /\ full' = b.full /\ deadline' = b.deadline /\ stopTick' = b.stopTick
  /\ mightIdle' = b.mightIdle /\ resetPending' = b.resetPending
  /\ resetInProgress' = b.resetInProgress /\ used' = b.used /\ hung' = b.hung
  /\ runnable0' = b.runnable0 /\ runnable1' = b.runnable1 /\ idle0' = b.idle0
  /\ idle1' = b.idle1 /\ stoppedGroups' = b.stoppedGroups /\ ctx' = b.ctx
  /\ evicted' = b.evicted /\ slotGroup' = b.slotGroup /\ slotPrio' = b.slotPrio
  /\ csgReq' = b.csgReq /\ csgAck' = b.csgAck /\ statusReq' = b.statusReq
  /\ statusAck' = b.statusAck /\ evtSync' = b.evtSync /\ evtIdle' = b.evtIdle
  /\ evtFatal' = b.evtFatal /\ evtOom' = b.evtOom /\ fwIdle' = b.fwIdle
  /\ slotIdle' = b.slotIdle /\ life' = b.life /\ uaf' = b.uaf /\ gState' = b.gState
  /\ csgId' = b.csgId /\ destroyed' = b.destroyed /\ timedout' = b.timedout /\ fatal' = b.fatal
  /\ unrec' = b.unrec /\ badAck' = b.badAck /\ oomWork' = b.oomWork /\ sync' = b.sync
  /\ syncSb' = b.syncSb /\ blocked' = b.blocked /\ waiting' = b.waiting /\ syncUpd' = b.syncUpd
  /\ timer' = b.timer /\ since' = b.since /\ termPending' = b.termPending /\ idle' = b.idle
  /\ submitted' = b.submitted /\ executed' = b.executed /\ signalled' = b.signalled
  /\ vmAs' = b.vmAs /\ vmCnt' = b.vmCnt /\ lru' = b.lru /\ ebusy' = b.ebusy /\ pm' = b.pm
  /\ hasRef' = b.hasRef /\ leftSlot' = b.leftSlot

\* A band's run lists in b, and b with one of them replaced.
RunB(b, p) == IF p = 1 THEN b.runnable1 ELSE b.runnable0
IdlB(b, p) == IF p = 1 THEN b.idle1 ELSE b.idle0
WithRun(b, p, s) == IF p = 1 THEN [b EXCEPT !.runnable1 = s] ELSE [b EXCEPT !.runnable0 = s]
WithIdl(b, p, s) == IF p = 1 THEN [b EXCEPT !.idle1 = s] ELSE [b EXCEPT !.idle0 = s]

\* SchedModel.groupCanRun and groupIsIdle on b.
CanRunB(b, g) ==
  /\ b.gState[g] \notin {"terminated", "unknown"}
  /\ g \notin b.destroyed /\ g \notin b.timedout /\ g \notin b.fatal
IsIdleB(b, g) ==
  IF Bug("idle-two-sources") /\ b.csgId[g] # NoSlot THEN b.csgId[g] \in b.slotIdle
  ELSE QueuesOf(g) \subseteq b.idle \cup b.blocked

\* SchedModel.unlink: off every run list and off stopped_groups.
UnlinkB(b, g) ==
  [b EXCEPT !.runnable0 = Remove(@, g), !.runnable1 = Remove(@, g), !.idle0 = Remove(@, g),
            !.idle1 = Remove(@, g), !.stoppedGroups = Remove(@, g)]

\* SchedModel.requeue: the tail of idle[p] or runnable[p].
RequeueB(b, g) ==
  IF IsIdleB(b, g) THEN WithIdl(b, Band(g), Append(IdlB(b, Band(g)), g))
  ELSE WithRun(b, Band(g), Append(RunB(b, Band(g)), g))

\* requestTick: sched_queue_delayed_work(sched, tick, 0) unless a reset is pending or running.
RequestTickB(b) ==
  IF ~b.resetPending /\ ~b.resetInProgress THEN [b EXCEPT !.tick = "now"] ELSE b

\* queue_check_job_completion for queue q: signal every job the FW finished.  Progress pushes
\* a running timeout back by a full JOB_TIMEOUT (queue_reset_timeout_locked; variant
\* timeout-reset-inverted does it only to a suspended one, which also starts it); a drained
\* queue stops its timer.
SignalDoneQ(b, q) ==
  IF b.executed[q] <= b.signalled[q] THEN b
  ELSE LET b1 == [b EXCEPT !.signalled[q] = b.executed[q]]
       IN IF ~JobTimeouts THEN b1
          ELSE LET b2 == [b1 EXCEPT !.since[q] = 0]
                   t == b2.timer[q]
               IN IF b2.signalled[q] = b2.submitted[q] THEN [b2 EXCEPT !.timer[q] = "off"]
                  ELSE IF IF Bug("timeout-reset-inverted") THEN TimerSuspended(t)
                          ELSE TimerRunning(t)
                    THEN [b2 EXCEPT !.timer[q] = TRun(0)]
                  ELSE b2

\* queue_check_job_completion for every queue of group g, in queue order.
SignalDoneB(b, g) == FoldSeq(SignalDoneQ, b, QSeq(g))

\* queue_resume_timeout for queue q (with jobs in flight): a stopped timer starts afresh, a
\* suspended one goes on.
TimerResumeQ(b, q) ==
  IF ~JobTimeouts \/ b.submitted[q] = b.signalled[q] THEN b
  ELSE IF b.timer[q] = "off" THEN [b EXCEPT !.timer[q] = TRun(0), !.since[q] = 0]
  ELSE IF TimerSuspended(b.timer[q]) THEN [b EXCEPT !.timer[q] = TRun(TimerUsed(@))]
  ELSE b

\* queue_resume_timeout for every queue of group g.
TimerResumeB(b, g) == FoldSeq(TimerResumeQ, b, QSeq(g))

\* queue_suspend_timeout_locked for every queue of group g: a running timer keeps what it
\* used.  Exception: a queue blocked on a sync object while the group can run and is idle
\* keeps its timer running, since only an external signal can unblock it and that wait is
\* time-boxed.
TimerSuspendB(b, g) ==
  LET idleGroup == CanRunB(b, g) /\ IsIdleB(b, g)
  IN IF ~JobTimeouts THEN b
     ELSE [b EXCEPT !.timer = [q \in DOMAIN @ |->
                                 IF /\ q \in QueuesOf(g)
                                    /\ ~(idleGroup /\ q \in b.blocked)
                                    /\ TimerRunning(@[q])
                                   THEN TSusp(TimerUsed(@[q])) ELSE @[q]]]

\* cs_slot_process_fatal_event_locked for slot i: the queue is flagged fatal;
\* CS_UNRECOVERABLE schedules a device reset (panthor_device_schedule_reset) and cancels the
\* tick (variant unrecoverable-fault-no-reset asks for an immediate tick, as for any fatal).
CsSlotProcessFatalB(b, i) ==
  LET g == b.slotGroup[i]
      b1 == IF g # NoGroup THEN [b EXCEPT !.fatal = @ \cup {g}] ELSE b
      b2 == IF b1.evtFatal[i] = 2 /\ ~Bug("unrecoverable-fault-no-reset")
              THEN [b1 EXCEPT !.resetPending = TRUE, !.tick = "none"]
              ELSE RequestTickB(b1)
  IN [b2 EXCEPT !.evtFatal[i] = 0]

\* sched_process_csg_irq_locked for slot i: a fatal error is processed; a sync update signals
\* finished jobs (and queues sync_upd_work); a TILER_OOM queues the group's OOM work without
\* acknowledging it (cs_slot_process_tiler_oom_event_locked); an idle event sets
\* might_have_idle_groups and asks for an immediate tick (csg_slot_process_idle_event_locked).
ProcessCsgIrqB(b, i) ==
  LET g == b.slotGroup[i]
      b1 == IF b.evtFatal[i] # 0 THEN CsSlotProcessFatalB(b, i) ELSE b
      b2 == IF i \in b1.evtSync /\ g # NoGroup
              THEN LET d == SignalDoneB(b1, g)
                   IN IF SyncWait THEN [d EXCEPT !.syncUpd = TRUE] ELSE d
              ELSE b1
      b3 == IF i \in b2.evtOom /\ g # NoGroup /\ b2.oomWork[g] = "none"
              THEN [b2 EXCEPT !.oomWork[g] = "queued"]
              ELSE b2
      b4 == IF i \in b3.evtIdle THEN RequestTickB([b3 EXCEPT !.mightIdle = TRUE]) ELSE b3
  IN [b4 EXCEPT !.evtSync = @ \ {i}, !.evtIdle = @ \ {i}]

\* panthor_vm_idle (SchedModel.vmIdle, VmBind): the VM's last reference gone, it keeps its AS
\* at the LRU's tail.
VmIdleB(b, v) ==
  IF ~VmBind THEN b
  ELSE [b EXCEPT !.vmCnt[v] = @ - 1, !.lru = IF b.vmCnt[v] - 1 = 0 THEN Append(@, v) ELSE @]

\* group_unbind_locked: panthor_vm_idle, then the slot is freed with its FW-side state (Moves:
\* the group remembers it); a queued OOM work is cancelled (a running one goes on and
\* rechecks).
GroupUnbindB(b, g) ==
  LET i == b.csgId[g]
  IN [VmIdleB(b, Vm(g)) EXCEPT
        !.leftSlot[g] = IF Moves THEN i ELSE @,
        !.slotGroup[i] = NoGroup, !.csgId[g] = NoSlot, !.evtSync = @ \ {i},
        !.evtIdle = @ \ {i}, !.evtFatal[i] = 0, !.evtOom = @ \ {i},
        !.oomWork[g] = IF @ = "queued" THEN "none" ELSE @,
        !.fwIdle = @ \ {i}, !.slotIdle = @ \ {i}]

\* Whether binding a group of VM v has to program an address space (SchedModel.vmNeedsEnable):
\* the VM is not active and holds none.  Always false without VmBind.
VmNeedsEnableB(b, v) == VmBind /\ b.vmCnt[v] = 0 /\ v \notin b.vmAs

(* panthor_vm_active (SchedModel.vmActive; without VmBind it always        *)
(* succeeds): [b |-> the state after it, ok |-> whether it succeeded].  An *)
(* active VM gets one more reference; an idle VM that kept its AS leaves   *)
(* the LRU; otherwise the VM takes a free AS or, when all are allocated,   *)
(* the AS of the VM at the LRU's head, and the AS is enabled.  With no     *)
(* free AS and an empty LRU it fails with -EBUSY.  With enableFails,       *)
(* panthor_mmu_as_enable fails and schedules a reset: the VM keeps its AS  *)
(* but stays inactive and off the LRU.                                     *)
VmActiveB(b, v, enableFails) ==
  IF ~VmBind THEN [b |-> b, ok |-> TRUE]
  ELSE IF b.vmCnt[v] > 0 THEN [b |-> [b EXCEPT !.vmCnt[v] = @ + 1], ok |-> TRUE]
  ELSE IF v \in b.vmAs
    THEN [b |-> [b EXCEPT !.vmCnt[v] = 1, !.lru = Remove(@, v)], ok |-> TRUE]
  ELSE IF Cardinality(b.vmAs) = AsSlots /\ b.lru = <<>>
    THEN [b |-> [b EXCEPT !.ebusy = TRUE], ok |-> FALSE]
  ELSE
    LET b1 == IF Cardinality(b.vmAs) = AsSlots   \* panthor_vm_release_as_locked on the head
                THEN [b EXCEPT !.vmAs = @ \ {Head(b.lru)}, !.lru = Tail(@)]
                ELSE b
        b2 == [b1 EXCEPT !.vmAs = @ \cup {v}]
    IN IF enableFails THEN [b |-> [b2 EXCEPT !.resetPending = TRUE], ok |-> FALSE]
       ELSE [b |-> [b2 EXCEPT !.vmCnt[v] = 1, !.lru = Remove(@, v)], ok |-> TRUE]

\* csg_slot_sync_state_locked for slot i: re-read the ack and map it; an undefined value
\* makes the group UNKNOWN and schedules a reset (variant unknown-csg-state: it is not
\* decoded and the group keeps its state).
CsgSlotSyncStateB(b, i) ==
  LET g == b.slotGroup[i]
      next == StateFromAck(b.csgAck[i])
      b1 == IF b.csgAck[i] \in CsgStates THEN b ELSE [b EXCEPT !.badAck = @ \cup {g}]
  IN IF b.csgAck[i] \notin CsgStates /\ Bug("unknown-csg-state") THEN b1
     ELSE IF next = b1.gState[g] THEN b1
     ELSE [b1 EXCEPT !.resetPending = IF next = "unknown" THEN TRUE ELSE @,
                     !.gState[g] = next]

\* csg_slot_sync_queues_state_locked and cs_slot_sync_queue_state_locked for each queue of
\* bound group g: a queue blocked on a sync wait puts the group on the tail of the waiting
\* list (list_add_tail, if it is not on it yet) and is blocked unless scoreboards pend; any
\* other queue is idle when the FW ran every job.  The variant idle-two-sources also caches
\* the group's idleness in its slot.
SyncQueueStateB(b, g) ==
  LET i == b.csgId[g]
      w == {q \in QueuesOf(g) : b.sync[q] \in {"wait", "signalled"}}
      r == QueuesOf(g) \ w
      idleQ == (b.idle \ QueuesOf(g)) \cup {q \in r : b.executed[q] = b.submitted[q]}
      blockedQ == (b.blocked \ QueuesOf(g)) \cup {q \in w : q \notin b.syncSb}
  IN [b EXCEPT !.waiting = IF w # {} /\ g \notin Range(@) THEN Append(@, g) ELSE @,
               !.idle = idleQ,
               !.blocked = blockedQ,
               !.slotIdle = IF ~Bug("idle-two-sources") THEN @
                            ELSE IF QueuesOf(g) \subseteq idleQ \cup blockedQ THEN @ \cup {i}
                            ELSE @ \ {i}]

(* panthor_sched_suspend (SchedModel.schedSuspend, shared by the reset and *)
(* the PM paths), slot by slot: the slot is suspended (or terminated if    *)
(* its group cannot run), its queue state synced and, with SyncWait, the   *)
(* sync-update work queued (csg_slot_sync_update_locked); with a hung FW   *)
(* the request times out and the group is forced TERMINATED with timedout  *)
(* set.  The slot's CSG IRQs are processed, its timers suspended, and it   *)
(* is unbound (group_unbind_locked); a group that can run goes to the head *)
(* of idle[p], the others get their term work.  The waits inside are one  *)
(* step here.                                                              *)
SuspendSlot(b, i) ==
  LET g == b.slotGroup[i]
      req == IF CanRunB(b, g) THEN "suspend" ELSE "terminate"
      b1 == IF ~b.hung
              THEN LET s == SyncQueueStateB([b EXCEPT !.csgReq[i] = req, !.csgAck[i] = req,
                                                      !.gState[g] = StateFromAck(req)], g)
                   IN IF SyncWait THEN [s EXCEPT !.syncUpd = TRUE] ELSE s
              ELSE [b EXCEPT !.timedout = @ \cup {g}, !.gState[g] = "terminated"]
      b2 == GroupUnbindB(TimerSuspendB(ProcessCsgIrqB(b1, i), g), g)
  IN IF CanRunB(b2, g) THEN WithIdl(b2, Band(g), <<g>> \o IdlB(b2, Band(g)))
     ELSE [b2 EXCEPT !.termPending = @ \cup {g}]

SchedSuspendB(b) ==
  FoldSeq(SuspendSlot, b, SlotsInOrder({i \in SlotIds : b.slotGroup[i] # NoGroup}))

\* The device comes back (SchedModel.pmResume, panthor_device_resume): a pending reset is
\* dropped (the resume reloads the FW from scratch instead), the FW answers again with every
\* interface reset, and panthor_sched_resume asks for an immediate tick.
PmResumeB(b) ==
  LET b1 == IF b.resetPending THEN [b EXCEPT !.resetPending = FALSE, !.unrec = FALSE] ELSE b
  IN RequestTickB([b1 EXCEPT !.hung = FALSE, !.csgReq = [i \in SlotIds |-> "terminate"],
                             !.csgAck = [i \in SlotIds |-> "terminate"], !.statusReq = {},
                             !.statusAck = {}, !.pm = "active"])

-----------------------------------------------------------------------------
(* The picking of tick_work.                                               *)
(*                                                                         *)
(* A tick context tc is a record: groups[p] the chosen groups of band p in *)
(* pick order, vms the chosen VMs, count the chosen groups, stopTick.      *)
(* (Java also counts the idle ones; nothing reads that count.)             *)
(* isIdle is group_is_idle after the STATUS_UPDATE sync, as a function.    *)

EmptyCtx == [groups |-> [p \in Bands |-> <<>>], vms |-> {}, count |-> 0, stopTick |-> TRUE]

(* tick_ctx_pick_groups_from_list: walk the list l in order and move every *)
(* group that may run (and is not idle, if skipIdle) into the context,     *)
(* while slots remain and the AS budget allows its VM.  Returns the new    *)
(* context (tc) and the list without the picked groups (rest).             *)
RECURSIVE PickFrom(_, _, _, _)
PickFrom(tc, l, skipIdle, isIdle) ==
  IF l = <<>> \/ tc.count = Slots THEN [tc |-> tc, rest |-> l]
  ELSE
    LET g == Head(l)
        vm == Vm(g)
        p == Band(g)
    IN
    IF \/ ~GroupCanRun(g)
       \/ skipIdle /\ isIdle[g]
       \/ vm \notin tc.vms /\ Cardinality(tc.vms) = AsSlots
      THEN LET r == PickFrom(tc, Tail(l), skipIdle, isIdle)
           IN [tc |-> r.tc, rest |-> <<g>> \o r.rest]
      ELSE PickFrom([tc EXCEPT
                       \* a second non-idle group of a band needs the periodic tick
                       !.stopTick = @ /\ (isIdle[g] \/ tc.groups[p] = <<>>),
                       !.count = @ + 1,
                       !.vms = @ \cup {vm},
                       !.groups[p] = Append(@, g)],
                    Tail(l), skipIdle, isIdle)

(* The picking state w: the context tc and the lists picked from, each a   *)
(* function of the band: old (old_groups), run (groups.runnable), idl      *)
(* (groups.idle).  PickList picks from w[which][p].                         *)
PickList(w, which, p, skipIdle, isIdle) ==
  LET r == PickFrom(w.tc, w[which][p], skipIdle, isIdle)
  IN [w EXCEPT !.tc = r.tc, ![which][p] = r.rest]

\* Insert slot i into a sequence of slots sorted by descending priority, after the slots of
\* equal priority (so that inserting in slot order is a stable sort).
RECURSIVE InsertByPrio(_, _)
InsertByPrio(i, s) ==
  IF s = <<>> THEN <<i>>
  ELSE IF slotPrio[Head(s)] >= slotPrio[i] THEN <<Head(s)>> \o InsertByPrio(i, Tail(s))
  ELSE <<i>> \o s

\* The slots of s, sorted by descending priority: inserted one by one in the order of s.
RECURSIVE SortByPrio(_, _)
SortByPrio(sorted, s) ==
  IF s = <<>> THEN sorted ELSE SortByPrio(InsertByPrio(Head(s), sorted), Tail(s))

\* old_groups[p]: the bound groups of band p, by descending slot priority (ties: slot order).
OldGroups ==
  LET sorted == SortByPrio(<<>>, SlotsInOrder(BoundSlots))
  IN [p \in Bands |-> LET s == SelectSeq(sorted, LAMBDA i : Band(slotGroup[i]) = p)
                      IN [k \in DOMAIN s |-> slotGroup[s[k]]]]

(* The three passes of tick_work's picking, one band at a time (RT first); *)
(* each pass over a band runs only while slots remain.                     *)

\* Mid-tick pre-pass: the non-idle bound groups of the band, and the runnable RT groups.
PrePass(w, p, isIdle) ==
  IF w.tc.count >= Slots THEN w
  ELSE IF p = 1 THEN PickList(PickList(w, "old", 1, TRUE, isIdle), "run", 1, TRUE, isIdle)
  ELSE PickList(w, "old", 0, TRUE, isIdle)

\* Non-idle pass: the band's top group is pulled out of old_groups and put back at its tail
\* after the runnable groups were picked (not in variant prio-rotation).
MainPass(w, p, isIdle) ==
  IF w.tc.count >= Slots THEN w
  ELSE IF Bug("prio-rotation") \/ w.old[p] = <<>>
    THEN PickList(PickList(w, "old", p, TRUE, isIdle), "run", p, TRUE, isIdle)
  ELSE
    LET hd == Head(w.old[p])
        w1 == PickList(PickList([w EXCEPT !.old[p] = Tail(@)], "old", p, TRUE, isIdle),
                       "run", p, TRUE, isIdle)
    IN PickList([w1 EXCEPT !.old[p] = Append(@, hd)], "old", p, TRUE, isIdle)

\* Idle pass: bound groups, then idle groups, idle or not.
IdlePass(w, p, isIdle) ==
  IF w.tc.count >= Slots THEN w
  ELSE PickList(PickList(w, "old", p, FALSE, isIdle), "idl", p, FALSE, isIdle)

\* SchedModel.pickGroups: the picking state after the three passes.
PickGroups(isIdle) ==
  LET w0 == [tc |-> EmptyCtx, old |-> OldGroups,
             run |-> [p \in Bands |-> Runnable(p)], idl |-> [p \in Bands |-> IdleList(p)]]
      w1 == IF ~full THEN PrePass(PrePass(w0, 1, isIdle), 0, isIdle) ELSE w0
      w2 == MainPass(MainPass(w1, 1, isIdle), 0, isIdle)
  IN IdlePass(IdlePass(w2, 1, isIdle), 0, isIdle)


-----------------------------------------------------------------------------
(* The actions, in the order of SchedModel's action list, with the names   *)
(* and parameters of the SchedAction records.  Host steps that take       *)
(* sched->lock are enabled only while no tick holds it (phase = "idle");   *)
(* the tick itself is four steps, one per batch of CSG requests and the    *)
(* wait that follows it.                                                   *)

(* tick_work starts: the delayed work runs (at once, or once the timeslice *)
(* is over).  During system sleep panthor_device_resume_and_get fails and  *)
(* there is no tick; a runtime-suspended device is woken first             *)
(* (SchedModel.pmResume: a pending reset dropped, the FW answering again,  *)
(* an immediate tick queued).  It bails if a reset is pending.  Otherwise  *)
(* it decides whether the tick is full (now >= resched_target, or          *)
(* last_tick + period when the tick is stopped;                            *)
(* tick_ctx_update_resched_target), and tick_ctx_init asks every occupied  *)
(* slot for a STATUS_UPDATE.                                               *)
TickStart ==
  LET resume == pm = "runtime-suspended"   \* the tick's resume_and_get wakes the device
      rp == resetPending /\ ~resume          \* reset.pending after that
      sReq == IF resume THEN {} ELSE statusReq
      computed == IF Bug("stopped-tick-immediate") /\ stopped THEN FALSE \* now >= U64_MAX
                  ELSE elapsed
  IN
  /\ phase = "idle"
  /\ ~resetInProgress
  /\ tick = "now" \/ (tick = "delayed" /\ elapsed)
  /\ IF pm = "system-suspended"
       THEN /\ tick' = "none"
            /\ UNCHANGED <<stopped, elapsed, phase, full, deadline, stopTick, mightIdle,
                           resetPending, resetInProgress, used, hung, runnable0, runnable1, idle0,
                           idle1, stoppedGroups, ctx, evicted, slotGroup, slotPrio, csgReq,
                           csgAck, statusReq, statusAck, evtSync, evtIdle, evtFatal, evtOom,
                           fwIdle, slotIdle, life, uaf, gState, csgId, destroyed, timedout, fatal,
                           unrec, badAck, oomWork, sync, syncSb, blocked, waiting, syncUpd, timer,
                           since, termPending, idle, submitted, executed, signalled, vmAs, vmCnt,
                           lru, ebusy, pm, hasRef, leftSlot>>
       ELSE /\ tick' = IF resume THEN "now" ELSE "none"
            /\ resetPending' = rp
            /\ unrec' = (unrec /\ ~(resume /\ resetPending))
            /\ hung' = (hung /\ ~resume)
            /\ csgReq' = IF resume THEN [i \in SlotIds |-> "terminate"] ELSE csgReq
            /\ csgAck' = IF resume THEN [i \in SlotIds |-> "terminate"] ELSE csgAck
            /\ statusAck' = IF resume THEN {} ELSE statusAck
            /\ pm' = "active"
            /\ IF rp
                 THEN /\ statusReq' = sReq
                      /\ UNCHANGED <<full, deadline, phase>>
                 ELSE /\ full' = IF Bug("full-tick-inverted") THEN ~computed ELSE computed
                      /\ deadline' = elapsed
                      /\ statusReq' = Toggle(sReq, BoundSlots)
                      /\ phase' = "status"
            /\ UNCHANGED <<stopped, elapsed, stopTick, mightIdle, resetInProgress, used,
                           runnable0, runnable1, idle0, idle1, stoppedGroups, ctx, evicted,
                           slotGroup, slotPrio, evtSync, evtIdle, evtFatal, evtOom, fwIdle,
                           slotIdle, life, uaf, gState, csgId, destroyed, timedout, fatal, badAck,
                           oomWork, sync, syncSb, blocked, waiting, syncUpd, timer, since,
                           termPending, idle, submitted, executed, signalled, vmAs, vmCnt, lru,
                           ebusy, hasRef, leftSlot>>

(* Every STATUS_UPDATE is acked: csg_slot_sync_queues_state_locked         *)
(* refreshes each queue of each bound group (a queue blocked on a sync     *)
(* wait puts its group on the waiting list and is blocked unless           *)
(* scoreboards pend; any other one gets its idle bit); the groups are      *)
(* picked (pre-pass, non-idle pass with rotation, idle pass:               *)
(* tick_ctx_pick_groups_from_list); batch 1 of tick_ctx_apply sends        *)
(* SUSPEND (or TERMINATE if it cannot run) to each evicted group and the   *)
(* new slot priorities (ENDPOINT_CONFIG) to the chosen bound ones.         *)
\* TickPick's guard: the tick is in its status phase and every STATUS_UPDATE is acked.
TickPickGuard == phase = "status" /\ statusReq = statusAck

TickPick ==
  LET boundQ == UNION {QueuesOf(g) : g \in BoundGroups}
      waitQ == {q \in boundQ : sync[q] \in {"wait", "signalled"}}
      waitG == {GroupOfQ(q) : q \in waitQ}
      syncedIdle == {q \in QueueIds : IF q \in boundQ
                                        THEN q \notin waitQ /\ executed[q] = submitted[q]
                                        ELSE q \in idle}
      syncedBlocked == {q \in QueueIds : IF q \in waitQ THEN q \notin syncSb
                                         ELSE q \notin boundQ /\ q \in blocked}
      syncedSlotIdle == IF Bug("idle-two-sources")  \* only the variant reads the cached copy
                          THEN {i \in SlotIds :
                                  IF i \in BoundSlots
                                    THEN QueuesIdleIn(slotGroup[i], syncedIdle, syncedBlocked)
                                    ELSE i \in slotIdle}
                          ELSE slotIdle
      isIdle == [g \in GroupIds |-> GroupIsIdleIn(g, syncedIdle, syncedBlocked, syncedSlotIdle)]
      w == PickGroups(isIdle)
      chosen == w.tc.groups[1] \o w.tc.groups[0]
      left == w.old[1] \o w.old[0]
      \* the bound groups in slot order, as the status sync walks them
      boundSeq == LET sl == SlotsInOrder(BoundSlots) IN [k \in DOMAIN sl |-> slotGroup[sl[k]]]
  IN
  /\ TickPickGuard
  /\ idle' = syncedIdle
  /\ blocked' = syncedBlocked
  \* each waiting bound group goes on the tail of groups.waiting unless it is on it
  /\ waiting' = waiting \o SelectSeq(boundSeq, LAMBDA g : g \in waitG /\ g \notin Range(waiting))
  /\ slotIdle' = syncedSlotIdle
  /\ runnable0' = w.run[0]
  /\ runnable1' = w.run[1]
  /\ idle0' = w.idl[0]
  /\ idle1' = w.idl[1]
  /\ ctx' = chosen
  /\ evicted' = left
  /\ stopTick' = w.tc.stopTick
  /\ csgReq' = [i \in SlotIds |->
                  IF slotGroup[i] \in Range(left)
                    THEN IF GroupCanRun(slotGroup[i]) THEN "suspend" ELSE "terminate"
                    ELSE csgReq[i]]
  /\ slotPrio' = [i \in SlotIds |->
                    IF slotGroup[i] # NoGroup /\ slotGroup[i] \in Range(chosen)
                      THEN MAX_CSG_PRIO + 1 - Pos(chosen, slotGroup[i])
                      ELSE slotPrio[i]]
  /\ phase' = "evict"
  /\ UNCHANGED <<tick, stopped, elapsed, full, deadline, mightIdle, resetPending, resetInProgress,
                 used, hung, stoppedGroups, slotGroup, csgAck, statusReq, statusAck, evtSync,
                 evtIdle, evtFatal, evtOom, fwIdle, life, uaf, gState, csgId, destroyed, timedout,
                 fatal, unrec, badAck, oomWork, sync, syncSb, syncUpd, timer, since, termPending,
                 submitted, executed, signalled, vmAs, vmCnt, lru, ebusy, pm, hasRef, leftSlot>>

\* Every evicted group's SUSPEND/TERMINATE is acked.
EvictAcked == \A g \in Range(evicted) : CsgAcked(csgId[g])

(* Batch 1 of tick_ctx_apply acked, one evicted group at a time in the     *)
(* order of evicted (old_groups: RT band first, each band by descending    *)
(* slot priority, the rotated head last): it takes its state from the ack  *)
(* (csg_slot_sync_state_locked); a SUSPENDED one has its queue state       *)
(* synced (csg_slot_sync_queues_state_locked); its pending CSG IRQs are    *)
(* processed (sched_process_csg_irq_locked); its timers are suspended      *)
(* (queue_suspend_timeout_locked); it is unbound (group_unbind_locked); it *)
(* goes back on the tail of a run list if it can run, else its term work   *)
(* is queued.                                                              *)
EvictOne(b, g) ==
  LET b1 == CsgSlotSyncStateB(b, b.csgId[g])
      b2 == IF b1.gState[g] = "suspended" THEN SyncQueueStateB(b1, g) ELSE b1
      b3 == GroupUnbindB(TimerSuspendB(ProcessCsgIrqB(b2, b2.csgId[g]), g), g)
  IN IF CanRunB(b3, g) THEN RequeueB(b3, g) ELSE [b3 EXCEPT !.termPending = @ \cup {g}]

\* group_bind_locked and csg_slot_prog_locked for ctx[k] = g: the lowest free slot, slot
\* priority 15 - (k - 1), RESUME if it was SUSPENDED, else START.
BindSlotB(b, k, g) ==
  LET i == CHOOSE j \in SlotIds : b.slotGroup[j] = NoGroup
                                  /\ \A j2 \in SlotIds : j2 < j => b.slotGroup[j2] # NoGroup
  IN [b EXCEPT !.slotGroup[i] = g, !.csgId[g] = i, !.slotPrio[i] = MAX_CSG_PRIO + 1 - k,
               !.csgReq[i] = IF b.gState[g] = "suspended" THEN "resume" ELSE "start",
               !.fwIdle = @ \ {i}]

(* tick_ctx_cleanup after a failed tick (SchedModel.tickCleanup), band by  *)
(* band (MEDIUM first), for the groups left in old_groups (evicted) and    *)
(* then those in the context's lists (ctx), each in list order: a group    *)
(* that cannot run is unlinked and its term work queued; a bound one is    *)
(* left alone (it is on no list); any other goes to the head of idle[p] or *)
(* runnable[p] (list_move, so a band ends up reversed).  Then ctx and      *)
(* evicted are empty and sched->lock is released.                          *)
TickCleanupOne(b, g) ==
  IF ~CanRunB(b, g) THEN [UnlinkB(b, g) EXCEPT !.termPending = @ \cup {g}]
  ELSE IF b.csgId[g] # NoSlot THEN b
  ELSE IF IsIdleB(b, g) THEN WithIdl(b, Band(g), <<g>> \o IdlB(b, Band(g)))
  ELSE WithRun(b, Band(g), <<g>> \o RunB(b, Band(g)))

TickCleanupB(b) ==
  LET left == b.evicted \o b.ctx
      b1 == FoldSeq(TickCleanupOne, b, SelectSeq(left, LAMBDA g : Band(g) = 0)
                                          \o SelectSeq(left, LAMBDA g : Band(g) = 1))
  IN [b1 EXCEPT !.ctx = <<>>, !.evicted = <<>>, !.phase = "idle"]

(* Batch 2, from ctx[k] on: each chosen unbound group, in pick order, gets *)
(* its VM activated (panthor_vm_active, VmActiveB) and is bound.  With fe  *)
(* (TickBindFails), the first bind that has to enable an AS fails there.   *)
(* res is the result so far: "bound", "enable-failed" or "busy"; req the   *)
(* CSG_STATE requests before batch 2.  A failed group_bind_locked          *)
(* schedules a reset and ends the tick: the START/RESUME requests written  *)
(* in this batch are dropped (the groups bound before it stay bound, in    *)
(* their old state, on no list, until the reset suspends them), the tick   *)
(* is cancelled, and tick_ctx_cleanup (TickCleanupB) puts the failed group *)
(* and the ones after it back at the head of their lists; the tick is not  *)
(* re-armed.  Variant bind-ignores-vm-failure binds the group anyway.      *)
(* Returns [b |-> the state, res |-> the result].                          *)
RECURSIVE BindFrom(_, _, _, _, _)
BindFrom(b, k, fe, res, req) ==
  IF k > Len(b.ctx) THEN [b |-> [b EXCEPT !.phase = "bind"], res |-> res]
  ELSE
    LET g == b.ctx[k]
        fail == fe /\ res = "bound" /\ VmNeedsEnableB(b, Vm(g))
        a == VmActiveB(b, Vm(g), fail)
        res1 == IF a.ok THEN res ELSE IF fail THEN "enable-failed" ELSE "busy"
    IN
    IF b.csgId[g] # NoSlot THEN BindFrom(b, k + 1, fe, res, req)
    ELSE IF ~a.ok /\ ~Bug("bind-ignores-vm-failure")
      THEN [b |-> [TickCleanupB([a.b EXCEPT !.resetPending = TRUE, !.csgReq = req,
                                             !.tick = "none"])
                     EXCEPT !.full = FALSE, !.deadline = FALSE, !.stopTick = FALSE],
            res |-> res1]
    ELSE BindFrom(BindSlotB(a.b, k, g), k + 1, fe, res1, req)

\* The evictions and batch 2 of tick_ctx_apply (TickEvictDone.evictAndBind).
EvictAndBindB(b, fe) ==
  LET b1 == [FoldSeq(EvictOne, b, b.evicted) EXCEPT !.evicted = <<>>]
  IN BindFrom(b1, 1, fe, "bound", b1.csgReq)

(* Batch 1 acked: the evictions, then batch 2, every AS enable succeeding  *)
(* (a -EBUSY still fails the bind).                                        *)
TickEvictDoneGuard == phase = "evict" /\ EvictAcked
TickEvictDoneNext == EvictAndBindB(St, FALSE).b
TickEvictDone == TickEvictDoneGuard /\ SetSt(TickEvictDoneNext)

(* As TickEvictDone, but enabling the AS of the first group whose VM needs *)
(* one fails (panthor_mmu_as_enable times out on AS_ACTIVE): the bind      *)
(* fails and the tick ends with a reset scheduled.  VmBind only; enabled   *)
(* only when such a bind exists and its failure is the result.             *)
TickBindFails ==
  LET r == EvictAndBindB(St, TRUE)
  IN
  /\ VmBind
  /\ phase = "evict"
  /\ EvictAcked
  /\ r.res = "enable-failed"
  /\ SetSt(r.b)

(* Batch 2 acked: each chosen group, in pick order, takes its state from   *)
(* the ack (csg_slot_sync_state_locked) and, if ACTIVE, resumes its job    *)
(* timeouts (queue_resume_timeout); used_csg_slot_count and                *)
(* might_have_idle_groups are updated; with Suspend the scheduler holds a  *)
(* PM reference unless every chosen group is idle; the tick re-arms        *)
(* (last_tick := now; stopped if stop_tick, else queued for the next       *)
(* timeslice) and releases sched->lock (end of tick_work).                 *)
FinishOne(b, g) ==
  LET b1 == CsgSlotSyncStateB(b, b.csgId[g])
  IN IF b1.gState[g] = "active" THEN TimerResumeB(b1, g) ELSE b1

TickFinishGuard == phase = "bind" /\ \A i \in SlotIds : CsgAcked(i)
TickFinishNext ==
  LET b1 == FoldSeq(FinishOne, St, ctx)
  IN [b1 EXCEPT !.used = Cardinality(BoundSlots),
                \* neither the state sync nor the timers change idleness
                !.mightIdle = \E g \in Range(ctx) : GroupIsIdle(g),
                !.hasRef = IF Suspend THEN \E g \in Range(ctx) : ~GroupIsIdle(g) ELSE @,
                !.elapsed = FALSE,
                !.stopped = stopTick,
                !.tick = IF ~stopTick /\ @ = "none" THEN "delayed" ELSE @,
                !.ctx = <<>>,
                !.full = FALSE,
                !.deadline = FALSE,
                !.stopTick = FALSE,
                !.phase = "idle"]
TickFinish == TickFinishGuard /\ SetSt(TickFinishNext)

(* csgs_upd_ctx_apply_locked times out (100 ms) on a batch: a device reset *)
(* is scheduled (panthor_device_schedule_reset) and the tick gives up      *)
(* (tick_ctx_cleanup, see TickCleanupB) without re-arming.  Only a hung FW *)
(* lets a wait time out.                                                   *)
WaitTimeoutGuard ==
  /\ hung
  /\ phase # "idle"
  /\ CASE phase = "status" -> statusReq # statusAck
       [] phase = "evict" -> ~EvictAcked
       [] OTHER -> \E i \in SlotIds : ~CsgAcked(i)
WaitTimeoutNext ==
  [TickCleanupB([St EXCEPT !.resetPending = TRUE, !.tick = "none"])
     EXCEPT !.full = FALSE, !.deadline = FALSE, !.stopTick = FALSE]
WaitTimeout == WaitTimeoutGuard /\ SetSt(WaitTimeoutNext)

(* The reset work's panthor_sched_pre_reset (it bails while the device is  *)
(* suspended): reset.in_progress := TRUE, the tick cancelled, and          *)
(* panthor_sched_suspend (SchedSuspendB).  Then every group on a run list  *)
(* moves to the tail of stopped_groups (panthor_group_stop): the runnable  *)
(* lists from the lowest band up, then the idle lists.                     *)
ResetPreGuard == resetPending /\ ~resetInProgress /\ phase = "idle" /\ pm = "active"
ResetPreNext ==
  LET b1 == SchedSuspendB([St EXCEPT !.resetInProgress = TRUE, !.tick = "none"])
  IN [b1 EXCEPT !.stoppedGroups = @ \o b1.runnable0 \o b1.runnable1 \o b1.idle0 \o b1.idle1,
                !.runnable0 = <<>>, !.runnable1 = <<>>, !.idle0 = <<>>, !.idle1 = <<>>,
                !.used = 0]
ResetPre == ResetPreGuard /\ SetSt(ResetPreNext)

(* The reset work reloads the FW (every slot empty, the FW answers again), *)
(* clears reset.pending (and with it the unrecoverable-fault marker),      *)
(* panthor_mmu_post_reset releases every AS (VmBind), and                  *)
(* panthor_sched_post_reset: each stopped group, from the head of          *)
(* stopped_groups, goes back on the tail of its run list if it can run     *)
(* (else term), in_progress := FALSE, an immediate tick, and sync_upd_work *)
(* is queued.                                                              *)
ResetPost ==
  LET back == SelectSeq(stoppedGroups, LAMBDA g : GroupCanRun(g))
      backTo(p, isIdle) == SelectSeq(back, LAMBDA g : Band(g) = p /\ GroupIsIdle(g) = isIdle)
  IN
  /\ resetInProgress
  /\ phase = "idle"
  /\ hung' = FALSE
  /\ csgReq' = [i \in SlotIds |-> "terminate"]
  /\ csgAck' = [i \in SlotIds |-> "terminate"]
  /\ statusReq' = {}
  /\ statusAck' = {}
  /\ resetPending' = FALSE
  /\ unrec' = FALSE
  /\ vmAs' = IF VmBind THEN {} ELSE vmAs
  /\ lru' = IF VmBind THEN <<>> ELSE lru
  /\ runnable0' = runnable0 \o backTo(0, FALSE)
  /\ runnable1' = runnable1 \o backTo(1, FALSE)
  /\ idle0' = idle0 \o backTo(0, TRUE)
  /\ idle1' = idle1 \o backTo(1, TRUE)
  /\ termPending' = termPending \cup {g \in Range(stoppedGroups) : ~GroupCanRun(g)}
  /\ stoppedGroups' = <<>>
  /\ resetInProgress' = FALSE
  /\ tick' = "now"  \* requestTick, with neither a reset pending nor one in progress
  /\ syncUpd' = (syncUpd \/ SyncWait)
  /\ UNCHANGED <<stopped, elapsed, phase, full, deadline, stopTick, mightIdle, used, ctx, evicted,
                 slotGroup, slotPrio, evtSync, evtIdle, evtFatal, evtOom, fwIdle, slotIdle, life,
                 uaf, gState, csgId, destroyed, timedout, fatal, badAck, oomWork, sync, syncSb,
                 blocked, waiting, timer, since, idle, submitted, executed, signalled, vmCnt,
                 ebusy, pm, hasRef, leftSlot>>

(* Time passes: the current timeslice ends (now >= last_tick +             *)
(* tick_period).                                                           *)
TimesliceEnds ==
  /\ ~elapsed
  /\ elapsed' = TRUE
  /\ UNCHANGED <<tick, stopped, phase, full, deadline, stopTick, mightIdle, resetPending,
                 resetInProgress, used, hung, runnable0, runnable1, idle0, idle1, stoppedGroups,
                 ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq, statusAck, evtSync,
                 evtIdle, evtFatal, evtOom, fwIdle, slotIdle, life, uaf, gState, csgId, destroyed,
                 timedout, fatal, unrec, badAck, oomWork, sync, syncSb, blocked, waiting, syncUpd,
                 timer, since, termPending, idle, submitted, executed, signalled, vmAs, vmCnt,
                 lru, ebusy, pm, hasRef, leftSlot>>

(* panthor_group_create, first part: the group object is allocated and its *)
(* handle inserted into the file's group pool (unmarked in the fixed       *)
(* kernel, so that lookups and destroy ignore it until creation ends).     *)
CreatePublish(group) ==
  /\ Create
  /\ life[group] = "absent"
  /\ life' = [life EXCEPT ![group] = "published"]
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle, resetPending,
                 resetInProgress, used, hung, runnable0, runnable1, idle0, idle1, stoppedGroups,
                 ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq, statusAck, evtSync,
                 evtIdle, evtFatal, evtOom, fwIdle, slotIdle, uaf, gState, csgId, destroyed,
                 timedout, fatal, unrec, badAck, oomWork, sync, syncSb, blocked, waiting, syncUpd,
                 timer, since, termPending, idle, submitted, executed, signalled, vmAs, vmCnt,
                 lru, ebusy, pm, hasRef, leftSlot>>

(* panthor_group_create, second part: the queues are set up (idle), the    *)
(* group put on idle[p] (or reset.stopped_groups during a reset) under     *)
(* sched->lock, and the handle marked registered.  On a group freed in     *)
(* between (variant group-create-publish), this is a use after free.       *)
CreateInit(group) ==
  /\ phase = "idle"
  /\ life[group] = "published" \/ (life[group] = "freed" /\ ~uaf)
  /\ IF life[group] = "freed"
       THEN /\ uaf' = TRUE
            /\ UNCHANGED <<life, idle, stoppedGroups, idle0, idle1>>
       ELSE /\ life' = [life EXCEPT ![group] = "ready"]
            /\ idle' = idle \cup QueuesOf(group)
            \* panthor_group_stop: the tail of stopped_groups
            /\ stoppedGroups' = IF resetInProgress THEN Append(stoppedGroups, group)
                                ELSE stoppedGroups
            /\ idle0' = IF ~resetInProgress /\ Band(group) = 0 THEN Append(idle0, group)
                        ELSE idle0
            /\ idle1' = IF ~resetInProgress /\ Band(group) = 1 THEN Append(idle1, group)
                        ELSE idle1
            /\ UNCHANGED uaf
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle, resetPending,
                 resetInProgress, used, hung, runnable0, runnable1, ctx, evicted, slotGroup,
                 slotPrio, csgReq, csgAck, statusReq, statusAck, evtSync, evtIdle, evtFatal,
                 evtOom, fwIdle, slotIdle, gState, csgId, destroyed, timedout, fatal, unrec,
                 badAck, oomWork, sync, syncSb, blocked, waiting, syncUpd, timer, since,
                 termPending, submitted, executed, signalled, vmAs, vmCnt, lru, ebusy, pm, hasRef,
                 leftSlot>>

(* queue_run_job for queue `queue' of group `group' (drm_sched stops the   *)
(* queues during a reset; a group that cannot run fails the job before it  *)
(* takes a seqno; during system sleep there is no submission).  A          *)
(* runtime-suspended device is woken first (resume_and_get:                *)
(* SchedModel.pmResume; every group is unbound then).  The job gets the    *)
(* next seqno.  An unbound group arms the queue's job timeout (suspended:  *)
(* not charged while unbound) and goes through group_schedule_locked,      *)
(* which does nothing more for a blocked queue: the queue's idle bit is    *)
(* cleared, a group that was idle and no longer is moves from idle[p] to   *)
(* the tail of runnable[p], and the tick is decided: an immediate tick for *)
(* RT or when might_have_idle_groups, else an immediate tick if the        *)
(* periodic tick runs and a slot is free, else sched_resume_tick if the    *)
(* tick is stopped.  A bound group clears the queue's idle bit, resumes a  *)
(* stopped tick if it was idle (sched_resume_tick; variant                 *)
(* tick-not-resumed-on-submit forgets), resumes the queue's timer          *)
(* (queue_resume_timeout; variant per-queue-timeout forgets), takes the    *)
(* PM reference (Suspend) unless the queue is blocked, and rings its       *)
(* doorbell.                                                               *)
SubmitJob(group, queue) ==
  LET g == group
      q == Q(group, queue)
      resume == pm = "runtime-suspended"
      rp == resetPending /\ ~resume          \* reset.pending after the wake-up
      tk == IF resume THEN "now" ELSE tick   \* the wake-up asks for a tick
      isBound == csgId[g] # NoSlot
      sched == ~isBound /\ q \notin blocked   \* group_schedule_locked goes on
      wasIdle == GroupIsIdle(g)
      nowIdle == GroupIsIdleIn(g, idle \ {q}, blocked, slotIdle)
      same == [stopped |-> stopped, tick |-> tk]
      requested == [stopped |-> stopped, tick |-> RequestedTickFrom(rp, tk)]
      resumed == ResumedTickFrom(rp, tk)
      t == IF isBound
             THEN IF wasIdle /\ stopped /\ ~Bug("tick-not-resumed-on-submit")
                    THEN resumed ELSE same
           ELSE IF ~sched THEN same
           ELSE IF Band(g) = 1 \/ mightIdle THEN requested
           ELSE IF ~stopped THEN (IF used < Slots THEN requested ELSE same)
           ELSE resumed
      move == sched /\ wasIdle /\ ~nowIdle
      sub == [submitted EXCEPT ![q] = @ + 1]
  IN
  /\ phase = "idle"
  /\ ~resetInProgress
  /\ g \notin destroyed
  /\ pm # "system-suspended"
  /\ life[g] = "ready"
  /\ submitted[q] < Jobs
  /\ GroupCanRun(g)
  /\ submitted' = sub
  /\ idle' = IF isBound \/ sched THEN idle \ {q} ELSE idle
  /\ stopped' = t.stopped
  /\ tick' = t.tick
  \* unlink, then the tail of runnable[band]
  /\ runnable0' = IF move THEN Remove(runnable0, g) \o (IF Band(g) = 0 THEN <<g>> ELSE <<>>)
                  ELSE runnable0
  /\ runnable1' = IF move THEN Remove(runnable1, g) \o (IF Band(g) = 1 THEN <<g>> ELSE <<>>)
                  ELSE runnable1
  /\ idle0' = IF move THEN Remove(idle0, g) ELSE idle0
  /\ idle1' = IF move THEN Remove(idle1, g) ELSE idle1
  /\ stoppedGroups' = IF move THEN Remove(stoppedGroups, g) ELSE stoppedGroups
  /\ IF ~isBound
       THEN IF JobTimeouts /\ timer[q] = "off"
              THEN /\ timer' = [timer EXCEPT ![q] = TSusp(0)]
                   /\ since' = [since EXCEPT ![q] = 0]
              ELSE UNCHANGED <<timer, since>>
     ELSE IF Bug("per-queue-timeout") THEN UNCHANGED <<timer, since>>
     ELSE LET b == TimerResumeQ([timer |-> timer, since |-> since, submitted |-> sub,
                                 signalled |-> signalled], q)
          IN timer' = b.timer /\ since' = b.since
  /\ hasRef' = IF isBound /\ Suspend /\ q \notin blocked THEN TRUE ELSE hasRef
  \* the wake-up (SchedModel.pmResume)
  /\ pm' = IF resume THEN "active" ELSE pm
  /\ resetPending' = rp
  /\ unrec' = (unrec /\ ~(resume /\ resetPending))
  /\ hung' = (hung /\ ~resume)
  /\ csgReq' = IF resume THEN [i \in SlotIds |-> "terminate"] ELSE csgReq
  /\ csgAck' = IF resume THEN [i \in SlotIds |-> "terminate"] ELSE csgAck
  /\ statusReq' = IF resume THEN {} ELSE statusReq
  /\ statusAck' = IF resume THEN {} ELSE statusAck
  /\ UNCHANGED <<elapsed, phase, full, deadline, stopTick, mightIdle, resetInProgress, used, ctx,
                 evicted, slotGroup, slotPrio, evtSync, evtIdle, evtFatal, evtOom, fwIdle,
                 slotIdle, life, uaf, gState, csgId, destroyed, timedout, fatal, badAck, oomWork,
                 sync, syncSb, blocked, waiting, syncUpd, termPending, executed, signalled, vmAs,
                 vmCnt, lru, ebusy, leftSlot>>

(* panthor_group_destroy: the handle is looked up (only registered groups, *)
(* or also unfinished ones in variant group-create-publish, where the      *)
(* handle's reference was the only one and the group is freed under its   *)
(* creator); destroyed := TRUE; a bound group is left to an immediate      *)
(* tick, which terminates it; an unbound one is unlinked from every list   *)
(* and its term work queued, unless a reset is in progress                 *)
(* (panthor_sched_post_reset handles it).                                  *)
Destroy(group) ==
  LET unlink == csgId[group] = NoSlot /\ ~resetInProgress
  IN
  /\ GroupDestroy
  /\ phase = "idle"
  /\ group \notin destroyed
  /\ life[group] = "ready" \/ (life[group] = "published" /\ Bug("group-create-publish"))
  /\ destroyed' = destroyed \cup {group}
  /\ IF life[group] = "published"
       THEN /\ life' = [life EXCEPT ![group] = "freed"]
            /\ UNCHANGED <<tick, runnable0, runnable1, idle0, idle1, stoppedGroups,
                           termPending>>
       ELSE /\ tick' = IF csgId[group] # NoSlot THEN RequestedTick ELSE tick
            /\ runnable0' = IF unlink THEN Remove(runnable0, group) ELSE runnable0
            /\ runnable1' = IF unlink THEN Remove(runnable1, group) ELSE runnable1
            /\ idle0' = IF unlink THEN Remove(idle0, group) ELSE idle0
            /\ idle1' = IF unlink THEN Remove(idle1, group) ELSE idle1
            /\ stoppedGroups' = IF unlink THEN Remove(stoppedGroups, group) ELSE stoppedGroups
            /\ termPending' = IF unlink THEN termPending \cup {group} ELSE termPending
            /\ UNCHANGED life
  /\ UNCHANGED <<stopped, elapsed, phase, full, deadline, stopTick, mightIdle, resetPending,
                 resetInProgress, used, hung, ctx, evicted, slotGroup, slotPrio, csgReq, csgAck,
                 statusReq, statusAck, evtSync, evtIdle, evtFatal, evtOom, fwIdle, slotIdle, uaf,
                 gState, csgId, timedout, fatal, unrec, badAck, oomWork, sync, syncSb, blocked,
                 waiting, syncUpd, timer, since, idle, submitted, executed, signalled, vmAs,
                 vmCnt, lru, ebusy, pm, hasRef, leftSlot>>

(* group_term_post_processing: every in-flight job's fence of every queue  *)
(* is signalled with an error, and each queue's sync object is set to the  *)
(* last seqno so that waiters are released (sync_upd_work is queued); the  *)
(* timers stop and the queues leave the blocked set and the group the      *)
(* waiting list.                                                           *)
TermWork(group) ==
  LET qs == QueuesOf(group)
  IN
  /\ group \in termPending
  /\ termPending' = termPending \ {group}
  /\ executed' = [q \in QueueIds |-> IF q \in qs THEN submitted[q] ELSE executed[q]]
  /\ signalled' = [q \in QueueIds |-> IF q \in qs THEN submitted[q] ELSE signalled[q]]
  /\ timer' = [q \in QueueIds |-> IF q \in qs THEN "off" ELSE timer[q]]
  /\ since' = [q \in QueueIds |-> IF q \in qs THEN 0 ELSE since[q]]
  /\ blocked' = blocked \ qs
  /\ waiting' = Remove(waiting, group)
  /\ syncUpd' = (syncUpd \/ SyncWait)
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle, resetPending,
                 resetInProgress, used, hung, runnable0, runnable1, idle0, idle1, stoppedGroups,
                 ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq, statusAck, evtSync,
                 evtIdle, evtFatal, evtOom, fwIdle, slotIdle, life, uaf, gState, csgId, destroyed,
                 timedout, fatal, unrec, badAck, oomWork, sync, syncSb, idle, submitted, vmAs,
                 vmCnt, lru, ebusy, pm, hasRef, leftSlot>>

(* sync_upd_work walks groups.waiting from its head: each blocked queue    *)
(* whose sync object is now satisfied is unblocked (bound or not); an      *)
(* unbound group that can run with a queue unblocked, while no reset is in *)
(* progress, moves to the head of runnable[p] (list_move; an RT group gets *)
(* an immediate tick); a group with no blocked queue left leaves the       *)
(* waiting list.                                                           *)
SyncUpdOne(b, g) ==
  LET freed == {q \in QueuesOf(g) : q \in b.blocked /\ b.sync[q] \in {"signalled", "done"}}
      u == [b EXCEPT !.blocked = @ \ freed]
      r == UnlinkB(u, g)
      r1 == WithRun(r, Band(g), <<g>> \o RunB(r, Band(g)))
      b1 == IF freed # {} /\ u.csgId[g] = NoSlot /\ CanRunB(u, g) /\ ~u.resetInProgress
              THEN IF Band(g) = 1 THEN RequestTickB(r1) ELSE r1
              ELSE u
  IN IF QueuesOf(g) \cap b1.blocked = {} THEN [b1 EXCEPT !.waiting = Remove(@, g)] ELSE b1

SyncUpdWorkGuard == syncUpd /\ phase = "idle"
SyncUpdWorkNext == FoldSeq(SyncUpdOne, [St EXCEPT !.syncUpd = FALSE], waiting)
SyncUpdWork == SyncUpdWorkGuard /\ SetSt(SyncUpdWorkNext)

(* The sync object that queue `queue' of group `group' waits on is         *)
(* signalled (by another queue's SYNC_ADD, which raises a sync update and  *)
(* queues sync_upd_work).                                                  *)
EnvSignal(group, queue) ==
  LET q == Q(group, queue)
  IN
  /\ sync[q] = "wait"
  /\ sync' = [sync EXCEPT ![q] = "signalled"]
  /\ syncUpd' = TRUE
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle, resetPending,
                 resetInProgress, used, hung, runnable0, runnable1, idle0, idle1, stoppedGroups,
                 ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq, statusAck, evtSync,
                 evtIdle, evtFatal, evtOom, fwIdle, slotIdle, life, uaf, gState, csgId, destroyed,
                 timedout, fatal, unrec, badAck, oomWork, syncSb, blocked, waiting, timer, since,
                 termPending, idle, submitted, executed, signalled, vmAs, vmCnt, lru, ebusy, pm,
                 hasRef, leftSlot>>

(* Half a JOB_TIMEOUT of running time passes for queue `queue' of group    *)
(* `group' while its timer runs (time a queue spends waiting for a slot is *)
(* not charged).                                                           *)
QueueTimePasses(group, queue) ==
  LET q == Q(group, queue)
  IN
  /\ JobTimeouts
  /\ \E k \in 0..(TMR_FULL - 1) : timer[q] = TRun(k)
  /\ timer' = [timer EXCEPT ![q] = TRun(TimerUsed(@) + 1)]
  /\ since' = [since EXCEPT ![q] = IF @ + 1 < TMR_FULL THEN @ + 1 ELSE TMR_FULL]
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle, resetPending,
                 resetInProgress, used, hung, runnable0, runnable1, idle0, idle1, stoppedGroups,
                 ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq, statusAck, evtSync,
                 evtIdle, evtFatal, evtOom, fwIdle, slotIdle, life, uaf, gState, csgId, destroyed,
                 timedout, fatal, unrec, badAck, oomWork, sync, syncSb, blocked, waiting, syncUpd,
                 termPending, idle, submitted, executed, signalled, vmAs, vmCnt, lru, ebusy, pm,
                 hasRef, leftSlot>>

(* The queue's timeout work fires (queue_timedout_job, under sched->lock): *)
(* the group is marked timed out; a bound group gets an immediate tick     *)
(* (which terminates it), an unbound one is unlinked and its term work     *)
(* queued (unless a reset is in progress).                                 *)
JobTimeout(group, queue) ==
  LET q == Q(group, queue)
      unlink == csgId[group] = NoSlot /\ ~resetInProgress
  IN
  /\ phase = "idle"
  /\ timer[q] = TRun(TMR_FULL)
  /\ timer' = [timer EXCEPT ![q] = "off"]
  /\ timedout' = timedout \cup {group}
  /\ tick' = IF csgId[group] # NoSlot THEN RequestedTick ELSE tick
  /\ runnable0' = IF unlink THEN Remove(runnable0, group) ELSE runnable0
  /\ runnable1' = IF unlink THEN Remove(runnable1, group) ELSE runnable1
  /\ idle0' = IF unlink THEN Remove(idle0, group) ELSE idle0
  /\ idle1' = IF unlink THEN Remove(idle1, group) ELSE idle1
  /\ stoppedGroups' = IF unlink THEN Remove(stoppedGroups, group) ELSE stoppedGroups
  /\ termPending' = IF unlink THEN termPending \cup {group} ELSE termPending
  /\ UNCHANGED <<stopped, elapsed, phase, full, deadline, stopTick, mightIdle, resetPending,
                 resetInProgress, used, hung, ctx, evicted, slotGroup, slotPrio, csgReq, csgAck,
                 statusReq, statusAck, evtSync, evtIdle, evtFatal, evtOom, fwIdle, slotIdle, life,
                 uaf, gState, csgId, destroyed, fatal, unrec, badAck, oomWork, sync, syncSb,
                 blocked, waiting, syncUpd, since, idle, submitted, executed, signalled, vmAs,
                 vmCnt, lru, ebusy, pm, hasRef, leftSlot>>

(* process_fw_events_work for slot `slot''s events (under sched->lock):    *)
(* sched_process_csg_irq_locked (see ProcessCsgIrqB).  A CS_UNRECOVERABLE  *)
(* processed here sets the unrecoverable-fault marker.  A TILER_OOM counts *)
(* only while the bound group has no OOM work.                             *)
EventSlots ==   \* one set, not a disjunction: TLC would take one step per true disjunct
  evtSync \cup evtIdle \cup {j \in SlotIds : evtFatal[j] # 0}
    \cup {j \in evtOom : slotGroup[j] # NoGroup /\ oomWork[slotGroup[j]] = "none"}

EventsWorkGuard(slot) == phase = "idle" /\ slot \in EventSlots
EventsWorkNext(slot) == ProcessCsgIrqB([St EXCEPT !.unrec = @ \/ evtFatal[slot] = 2], slot)
EventsWork(slot) == EventsWorkGuard(slot) /\ SetSt(EventsWorkNext(slot))

(* The FW answers slot `slot''s STATUS_UPDATE request.                     *)
FwStatusAck(slot) ==
  /\ ~hung
  /\ slot \in Toggle(statusReq, statusAck)
  /\ statusAck' = Toggle(statusAck, {slot})
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle, resetPending,
                 resetInProgress, used, hung, runnable0, runnable1, idle0, idle1, stoppedGroups,
                 ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq, evtSync, evtIdle,
                 evtFatal, evtOom, fwIdle, slotIdle, life, uaf, gState, csgId, destroyed,
                 timedout, fatal, unrec, badAck, oomWork, sync, syncSb, blocked, waiting, syncUpd,
                 timer, since, termPending, idle, submitted, executed, signalled, vmAs, vmCnt,
                 lru, ebusy, pm, hasRef, leftSlot>>

(* The FW acts on slot `slot''s CSG_STATE request and echoes it in ack.    *)
FwCsgAck(slot) ==
  /\ ~hung
  /\ ~CsgAcked(slot)
  /\ csgAck' = [csgAck EXCEPT ![slot] = csgReq[slot]]
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle, resetPending,
                 resetInProgress, used, hung, runnable0, runnable1, idle0, idle1, stoppedGroups,
                 ctx, evicted, slotGroup, slotPrio, csgReq, statusReq, statusAck, evtSync,
                 evtIdle, evtFatal, evtOom, fwIdle, slotIdle, life, uaf, gState, csgId, destroyed,
                 timedout, fatal, unrec, badAck, oomWork, sync, syncSb, blocked, waiting, syncUpd,
                 timer, since, termPending, idle, submitted, executed, signalled, vmAs, vmCnt,
                 lru, ebusy, pm, hasRef, leftSlot>>

(* The FW finishes the next job of queue `queue' of the group on slot      *)
(* `slot': its SYNC_ADD64 bumps the queue's sync object and raises         *)
(* CSG_SYNC_UPDATE.                                                        *)
FwRunJob(slot, queue) ==
  LET q == Q(slotGroup[slot], queue)
  IN
  /\ ~hung
  /\ QueueRuns(slot, queue)
  /\ executed[q] < submitted[q]
  /\ executed' = [executed EXCEPT ![q] = @ + 1]
  /\ evtSync' = evtSync \cup {slot}
  /\ fwIdle' = fwIdle \ {slot}
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle, resetPending,
                 resetInProgress, used, hung, runnable0, runnable1, idle0, idle1, stoppedGroups,
                 ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq, statusAck, evtIdle,
                 evtFatal, evtOom, slotIdle, life, uaf, gState, csgId, destroyed, timedout, fatal,
                 unrec, badAck, oomWork, sync, syncSb, blocked, waiting, syncUpd, timer, since,
                 termPending, idle, submitted, signalled, vmAs, vmCnt, lru, ebusy, pm, hasRef,
                 leftSlot>>

(* Every queue of the group on slot `slot' drained: the FW raises CSG_IDLE *)
(* (once per drain).                                                       *)
FwIdle(slot) ==
  LET g == slotGroup[slot]
  IN
  /\ ~hung
  /\ Running(slot)
  /\ slot \notin fwIdle
  /\ \A q \in QueuesOf(g) : executed[q] = submitted[q]
  /\ fwIdle' = fwIdle \cup {slot}
  /\ evtIdle' = evtIdle \cup {slot}
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle, resetPending,
                 resetInProgress, used, hung, runnable0, runnable1, idle0, idle1, stoppedGroups,
                 ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq, statusAck, evtSync,
                 evtFatal, evtOom, slotIdle, life, uaf, gState, csgId, destroyed, timedout, fatal,
                 unrec, badAck, oomWork, sync, syncSb, blocked, waiting, syncUpd, timer, since,
                 termPending, idle, submitted, executed, signalled, vmAs, vmCnt, lru, ebusy, pm,
                 hasRef, leftSlot>>

(* The FW raises CS_FATAL on the running group of slot `slot'              *)
(* (unrecoverable: the CS_UNRECOVERABLE exception type); the CS stops.     *)
FwCsFatal(slot, unrecoverable) ==
  /\ Faults
  /\ ~hung
  /\ Running(slot)
  /\ evtFatal' = [evtFatal EXCEPT ![slot] = IF unrecoverable THEN 2 ELSE 1]
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle, resetPending,
                 resetInProgress, used, hung, runnable0, runnable1, idle0, idle1, stoppedGroups,
                 ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq, statusAck, evtSync,
                 evtIdle, evtOom, fwIdle, slotIdle, life, uaf, gState, csgId, destroyed, timedout,
                 fatal, unrec, badAck, oomWork, sync, syncSb, blocked, waiting, syncUpd, timer,
                 since, termPending, idle, submitted, executed, signalled, vmAs, vmCnt, lru,
                 ebusy, pm, hasRef, leftSlot>>

(* The FW changes slot `slot''s CSG_STATE ack to an undefined value after  *)
(* the host's wait saw it acked and before csg_slot_sync_state_locked      *)
(* re-reads it (only while a tick is between those two points).            *)
FwCorruptAck(slot) ==
  /\ Corrupt
  /\ ~hung
  /\ phase \in {"evict", "bind"}
  /\ slotGroup[slot] # NoGroup
  /\ csgReq[slot] = csgAck[slot]
  /\ csgAck' = [csgAck EXCEPT ![slot] = Corrupted(@)]
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle, resetPending,
                 resetInProgress, used, hung, runnable0, runnable1, idle0, idle1, stoppedGroups,
                 ctx, evicted, slotGroup, slotPrio, csgReq, statusReq, statusAck, evtSync,
                 evtIdle, evtFatal, evtOom, fwIdle, slotIdle, life, uaf, gState, csgId, destroyed,
                 timedout, fatal, unrec, badAck, oomWork, sync, syncSb, blocked, waiting, syncUpd,
                 timer, since, termPending, idle, submitted, executed, signalled, vmAs, vmCnt,
                 lru, ebusy, pm, hasRef, leftSlot>>

(* The tiler of the group on slot `slot' runs out of heap memory: the FW   *)
(* raises TILER_OOM and the CS waits for the answer.                       *)
FwTilerOom(slot) ==
  /\ Oom
  /\ ~hung
  /\ Running(slot)
  /\ evtOom' = evtOom \cup {slot}
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle, resetPending,
                 resetInProgress, used, hung, runnable0, runnable1, idle0, idle1, stoppedGroups,
                 ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq, statusAck, evtSync,
                 evtIdle, evtFatal, fwIdle, slotIdle, life, uaf, gState, csgId, destroyed,
                 timedout, fatal, unrec, badAck, oomWork, sync, syncSb, blocked, waiting, syncUpd,
                 timer, since, termPending, idle, submitted, executed, signalled, vmAs, vmCnt,
                 lru, ebusy, pm, hasRef, leftSlot>>

(* Queue `queue' of the group on slot `slot', running, reaches a SYNC_WAIT *)
(* on an unsignalled object: the CS blocks (scoreboards: its status also   *)
(* shows pending scoreboard entries).  Only queue 0 of a group waits on    *)
(* sync objects (as in Java: one blocked queue beside a queue with work is *)
(* the mix that matters).                                                  *)
FwSyncWait(slot, queue, scoreboards) ==
  LET q == Q(slotGroup[slot], queue)
  IN
  /\ SyncWait
  /\ queue = 0
  /\ ~hung
  /\ QueueRuns(slot, queue)
  /\ sync[q] = "none"
  /\ executed[q] < submitted[q]
  /\ sync' = [sync EXCEPT ![q] = "wait"]
  /\ syncSb' = IF scoreboards THEN syncSb \cup {q} ELSE syncSb \ {q}
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle, resetPending,
                 resetInProgress, used, hung, runnable0, runnable1, idle0, idle1, stoppedGroups,
                 ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq, statusAck, evtSync,
                 evtIdle, evtFatal, evtOom, fwIdle, slotIdle, life, uaf, gState, csgId, destroyed,
                 timedout, fatal, unrec, badAck, oomWork, blocked, waiting, syncUpd, timer, since,
                 termPending, idle, submitted, executed, signalled, vmAs, vmCnt, lru, ebusy, pm,
                 hasRef, leftSlot>>

(* The FW re-evaluates the signalled sync wait of queue `queue' of the     *)
(* group on slot `slot' and goes on.                                       *)
FwSyncResume(slot, queue) ==
  LET g == slotGroup[slot]
  IN
  /\ ~hung
  /\ g # NoGroup
  /\ sync[Q(g, queue)] = "signalled"
  /\ csgReq[slot] = csgAck[slot]
  /\ csgAck[slot] \in {"start", "resume"}
  /\ sync' = [sync EXCEPT ![Q(g, queue)] = "done"]
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle, resetPending,
                 resetInProgress, used, hung, runnable0, runnable1, idle0, idle1, stoppedGroups,
                 ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq, statusAck, evtSync,
                 evtIdle, evtFatal, evtOom, fwIdle, slotIdle, life, uaf, gState, csgId, destroyed,
                 timedout, fatal, unrec, badAck, oomWork, syncSb, blocked, waiting, syncUpd,
                 timer, since, termPending, idle, submitted, executed, signalled, vmAs, vmCnt,
                 lru, ebusy, pm, hasRef, leftSlot>>

\* The outcomes of panthor_heap_grow: a new chunk, -ENOMEM (wait for fragments), a full heap
\* (a NULL chunk, incremental render), -EINVAL.
OomOutcomes == {"chunk", "enomem-wait", "enomem-full", "einval"}

(* The tiler-OOM work of group `group' (group_process_tiler_oom): under    *)
(* sched->lock, if the group is still bound, read the heap context from    *)
(* the CS; then, without the lock, panthor_heap_grow gives outcome.  An    *)
(* unbound group is left alone (the FW raises the OOM again after the next *)
(* resume).                                                                *)
OomGrow(group, outcome) ==
  /\ phase = "idle"
  /\ oomWork[group] = "queued"
  /\ oomWork' = [oomWork EXCEPT ![group] = IF csgId[group] = NoSlot THEN "none" ELSE outcome]
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle, resetPending,
                 resetInProgress, used, hung, runnable0, runnable1, idle0, idle1, stoppedGroups,
                 ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq, statusAck, evtSync,
                 evtIdle, evtFatal, evtOom, fwIdle, slotIdle, life, uaf, gState, csgId, destroyed,
                 timedout, fatal, unrec, badAck, sync, syncSb, blocked, waiting, syncUpd, timer,
                 since, termPending, idle, submitted, executed, signalled, vmAs, vmCnt, lru,
                 ebusy, pm, hasRef, leftSlot>>

(* The end of group_process_tiler_oom: an error other than -ENOMEM makes   *)
(* the queue fatal and asks for a tick (variant tiler-oom-null-chunk: so   *)
(* does a full heap); otherwise, under sched->lock, if the group is still  *)
(* bound, the heap registers get the new chunk (or NULL) and TILER_OOM is  *)
(* acknowledged; if it was unbound in between, the chunk goes back to the  *)
(* heap (panthor_heap_return_chunk).                                       *)
OomFinish(group) ==
  LET out == oomWork[group]
      error == out = "einval" \/ (out = "enomem-full" /\ Bug("tiler-oom-null-chunk"))
  IN
  /\ phase = "idle"
  /\ out \in OomOutcomes
  /\ oomWork' = [oomWork EXCEPT ![group] = "none"]
  /\ fatal' = IF error THEN fatal \cup {group} ELSE fatal
  /\ tick' = IF error THEN RequestedTick ELSE tick
  /\ evtOom' = IF ~error /\ csgId[group] # NoSlot THEN evtOom \ {csgId[group]} ELSE evtOom
  /\ UNCHANGED <<stopped, elapsed, phase, full, deadline, stopTick, mightIdle, resetPending,
                 resetInProgress, used, hung, runnable0, runnable1, idle0, idle1, stoppedGroups,
                 ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq, statusAck, evtSync,
                 evtIdle, evtFatal, fwIdle, slotIdle, life, uaf, gState, csgId, destroyed,
                 timedout, unrec, badAck, sync, syncSb, blocked, waiting, syncUpd, timer, since,
                 termPending, idle, submitted, executed, signalled, vmAs, vmCnt, lru, ebusy, pm,
                 hasRef, leftSlot>>

(* The FW hangs: it answers nothing until the next reset reloads it (not   *)
(* while the device is suspended).                                         *)
FwHang ==
  /\ Timeouts
  /\ ~hung
  /\ pm = "active"
  /\ hung' = TRUE
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle, resetPending,
                 resetInProgress, used, runnable0, runnable1, idle0, idle1, stoppedGroups, ctx,
                 evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq, statusAck, evtSync,
                 evtIdle, evtFatal, evtOom, fwIdle, slotIdle, life, uaf, gState, csgId, destroyed,
                 timedout, fatal, unrec, badAck, oomWork, sync, syncSb, blocked, waiting, syncUpd,
                 timer, since, termPending, idle, submitted, executed, signalled, vmAs, vmCnt,
                 lru, ebusy, pm, hasRef, leftSlot>>

(* panthor_device_suspend (Suspend): with system, system sleep forces it   *)
(* whatever references are held; otherwise runtime PM autosuspends, which  *)
(* it does only when the scheduler holds no PM reference (pm.has_ref).  It *)
(* waits for a running reset work (a pending reset stays pending) and for  *)
(* sched->lock; panthor_sched_suspend evicts every group (SchedSuspendB);  *)
(* the FW is halted and panthor_mmu_suspend releases every AS (VmBind).    *)
(* The tick work is not cancelled, and neither used_csg_slot_count nor     *)
(* pm.has_ref changes.                                                     *)
PmSuspendGuard(system) ==
  /\ Suspend
  /\ pm = "active"
  /\ phase = "idle"
  /\ ~resetInProgress
  /\ IF system THEN TRUE ELSE ~hasRef   \* not a disjunction: one step when both hold
PmSuspendNext(system) ==
  LET b1 == SchedSuspendB(St)
      b2 == IF VmBind THEN [b1 EXCEPT !.vmAs = {}, !.lru = <<>>] ELSE b1
  IN [b2 EXCEPT !.pm = IF system THEN "system-suspended" ELSE "runtime-suspended"]
PmSuspend(system) == PmSuspendGuard(system) /\ SetSt(PmSuspendNext(system))

(* The system wakes up: panthor_device_resume brings the FW back (dropping *)
(* a pending reset, which the full reload replaces) and                    *)
(* panthor_sched_resume asks for an immediate tick (PmResumeB).  A         *)
(* runtime-suspended device is woken by the tick or a job submission       *)
(* instead.                                                                *)
PmResume ==
  /\ pm = "system-suspended"
  /\ SetSt(PmResumeB(St))

-----------------------------------------------------------------------------
(* The Java explorer accepts quiescent states as ends (SchedModel.         *)
(* isAcceptableEnd: no tick running, no reset to do, no term work left);   *)
(* this stuttering step keeps TLC's deadlock check in line with it (it     *)
(* adds no state).                                                         *)
Done ==
  /\ phase = "idle" /\ ~resetPending /\ ~resetInProgress /\ termPending = {}
  /\ UNCHANGED vars

Next ==
  \/ TickStart
  \/ TickPick
  \/ TickEvictDone
  \/ TickBindFails
  \/ TickFinish
  \/ WaitTimeout
  \/ ResetPre
  \/ ResetPost
  \/ TimesliceEnds
  \/ \E group \in GroupIds : CreatePublish(group) \/ CreateInit(group)
  \/ \E group \in GroupIds, queue \in QIdx : SubmitJob(group, queue)
  \/ \E group \in GroupIds : Destroy(group)
  \/ \E group \in GroupIds : TermWork(group)
  \/ SyncUpdWork
  \/ \E group \in GroupIds, queue \in QIdx : EnvSignal(group, queue)
  \/ \E group \in GroupIds, queue \in QIdx : \/ QueueTimePasses(group, queue)
                                             \/ JobTimeout(group, queue)
  \/ \E slot \in SlotIds : EventsWork(slot)
  \/ \E slot \in SlotIds : \/ FwStatusAck(slot)
                           \/ FwCsgAck(slot)
                           \/ \E queue \in QIdx : FwRunJob(slot, queue)
                           \/ FwIdle(slot)
  \/ \E slot \in SlotIds : \/ \E unrecoverable \in BOOLEAN : FwCsFatal(slot, unrecoverable)
                           \/ FwCorruptAck(slot)
                           \/ FwTilerOom(slot)
                           \/ \E queue \in QIdx, scoreboards \in BOOLEAN :
                                FwSyncWait(slot, queue, scoreboards)
                           \/ \E queue \in QIdx : FwSyncResume(slot, queue)
  \/ \E group \in GroupIds : \/ \E outcome \in OomOutcomes : OomGrow(group, outcome)
                             \/ OomFinish(group)
  \/ FwHang
  \/ \E system \in BOOLEAN : PmSuspend(system)
  \/ PmResume
  \/ Done

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
(* State invariants (SchedProperties).  Java names with a dash are not TLA+*)
(* identifiers; the Java name is in the comment.                           *)

\* Java "S-1": slot bijection: slot i holds group g exactly when g.csg_id = i.
S1_SlotBijection ==
  /\ \A i \in SlotIds : slotGroup[i] # NoGroup => csgId[slotGroup[i]] = i
  /\ \A g \in GroupIds : csgId[g] # NoSlot => slotGroup[csgId[g]] = g

\* Java "S-2": slot count: used_csg_slot_count never exceeds the slots.
S2_SlotCount == used <= Slots

\* Java "S-3": list exclusivity: every group is on at most one list; between ticks a bound
\* group and a terminated group are on none.
S3_ListExclusivity ==
  \A g \in GroupIds :
    LET n == Occurrences(runnable0, g) + Occurrences(runnable1, g) + Occurrences(idle0, g)
             + Occurrences(idle1, g) + (IF g \in Range(stoppedGroups) THEN 1 ELSE 0)
    IN /\ n <= 1
       /\ n = 1 => gState[g] # "terminated" /\ ~(phase = "idle" /\ csgId[g] # NoSlot)

\* Java "S-4": ACTIVE implies bound.
S4_ActiveBound == \A g \in GroupIds : gState[g] = "active" => csgId[g] # NoSlot

\* Java "S-6": AS budget: the bound groups use at most as_slot_count distinct VMs.
S6_AsBudget == Cardinality({Vm(slotGroup[i]) : i \in BoundSlots}) <= AsSlots

\* Java "S-7": distinct priorities: after a successful tick, the bound groups' slot
\* priorities are pairwise distinct (a failed tick schedules a reset, which unbinds them all).
S7_DistinctPriorities ==
  \/ phase # "idle" \/ resetPending \/ resetInProgress
  \/ \A i, j \in BoundSlots : i # j => slotPrio[i] # slotPrio[j]

\* Java "S-9": reset exclusion: no tick runs while a reset is in progress.
S9_ResetExclusion == ~resetInProgress \/ phase = "idle"

\* A tick is full exactly when now >= resched_target (last_tick + period when the tick is
\* stopped).
FullTickDeadline == phase = "idle" \/ full = deadline

\* Two non-idle resident groups of the same band always have a tick armed.
TickArmedWhenBusy ==
  \/ phase # "idle" \/ resetPending \/ resetInProgress
  \/ tick # "none" \/ ~stopped
  \/ \A p \in Bands :
       Cardinality({i \in BoundSlots : LET g == slotGroup[i]
                                       IN ~QueuesIdle(g) /\ GroupCanRun(g) /\ Band(g) = p}) < 2

\* A group with a job the FW has not finished, on a queue that is not blocked, is never
\* classified idle.
IdleMeansNoWork ==
  \A g \in GroupIds : \A q \in QueuesOf(g) :
    GroupIsIdle(g) /\ q \notin blocked => executed[q] >= submitted[q]

\* Java "NoUseAfterFree" (with Create): no group is used after it was freed (a handle is
\* destroyable only once creation completed).
NoUseAfterFree == ~uaf

\* Java "BlockedIsWaiting" (with SyncWait): a group with a blocked queue is on the waiting list.
BlockedIsWaiting == \A g \in GroupIds : QueuesOf(g) \cap blocked # {} => g \in Range(waiting)

\* Java "TimerTracksWork" (with JobTimeouts): between ticks, the timer of a queue with jobs in
\* flight runs while its group is resident and ACTIVE, or unbound and idle with this queue
\* blocked on a sync object, able to run, with no reset in progress (time-boxing the external
\* signal).
TimerTracksWork ==
  \/ phase # "idle"
  \/ \A q \in QueueIds :
       LET g == GroupOfQ(q)
           inFlight == signalled[q] < submitted[q] /\ g \notin timedout
           resident == csgId[g] # NoSlot /\ gState[g] = "active"
           waitingOnSignal == /\ csgId[g] = NoSlot /\ q \in blocked /\ QueuesIdle(g)
                              /\ GroupCanRun(g) /\ ~resetInProgress
       IN inFlight /\ (resident \/ waitingOnSignal) => TimerRunning(timer[q])

\* Java "S-5" (with VmBind): VM bound while running: a bound group's VM holds an AS and is
\* active; each VM's active count is the number of its bound groups.
S5_VmBound ==
  /\ \A g \in GroupIds : csgId[g] # NoSlot => Vm(g) \in vmAs /\ vmCnt[Vm(g)] >= 1
  /\ \A v \in VmIds : vmCnt[v] = Cardinality({g \in GroupIds : csgId[g] # NoSlot /\ Vm(g) = v})

\* Java "VmActiveNotBusy" (with VmBind): under the tick's AS budget, panthor_vm_active never
\* fails with -EBUSY.
VmActiveNotBusy == ~ebusy

\* Java "AsOwnership" (with VmBind): at most as_slot_count VMs hold an AS, and the LRU holds
\* exactly the idle VMs that hold one, except a VM whose AS enable failed, until the reset
\* releases it.
AsOwnership ==
  /\ Cardinality(vmAs) <= AsSlots
  /\ \A v \in VmIds :
       LET idleWithAs == v \in vmAs /\ vmCnt[v] = 0
       IN (v \in Range(lru)) = idleWithAs \/ (idleWithAs /\ resetPending)

\* Java "NothingBoundWhileSuspended" (with Suspend): while the device is suspended no group is
\* bound and no tick is running.
NothingBoundWhileSuspended == pm = "active" \/ (BoundSlots = {} /\ phase = "idle")

\* Java "BusyHoldsPmRef" (with Suspend): between ticks, a bound group with work that is not
\* blocked keeps the scheduler's runtime-PM reference (so autosuspend never evicts busy groups).
BusyHoldsPmRef ==
  \/ phase # "idle" \/ pm # "active" \/ hasRef
  \/ \A q \in QueueIds :
       LET g == GroupOfQ(q)
       IN ~(csgId[g] # NoSlot /\ executed[q] < submitted[q] /\ q \notin blocked
            /\ GroupCanRun(g))

-----------------------------------------------------------------------------
(* Action properties (SchedProperties), as [][...]_vars.                   *)

\* Java "S-8": no resurrection: a group that cannot run is never bound again, a TERMINATED or
\* UNKNOWN group stays one of them (the reset's TERMINATE turns UNKNOWN into TERMINATED), and a
\* bound group that cannot run is only sent TERMINATE.
S8_NoResurrection ==
  [][\A g \in GroupIds :
       /\ gState[g] \in {"terminated", "unknown"} => gState'[g] \in {"terminated", "unknown"}
       /\ ~GroupCanRun(g) /\ csgId[g] = NoSlot => csgId'[g] = NoSlot
       /\ LET i == csgId[g]
          IN (i # NoSlot /\ csgId'[g] = i /\ ~GroupCanRun(g) /\ csgReq'[i] # csgReq[i])
               => csgReq'[i] = "terminate"]_vars

\* Java "S-10": fences: per queue, signalled fences only grow, never past the last seqno.
S10_MonotoneFences ==
  [][\A q \in QueueIds : signalled'[q] >= signalled[q] /\ signalled'[q] <= submitted'[q]]_vars

\* Java "S-12": mid-tick preemption: a tick started before the timeslice ended evicts a
\* non-idle bound group only in favour of an RT group (checked on TickPick steps; group_is_idle
\* after the step: TickPick changes neither csgId nor anything else it reads but the sets).
S12_MidTickPreemption ==
  [][TickPick =>
       \/ deadline'
       \/ \E g \in Range(ctx') : Band(g) = 1 /\ csgId'[g] = NoSlot
       \/ \A g \in Range(evicted') : GroupIsIdleIn(g, idle', blocked', slotIdle')
                                     \/ ~GroupCanRun(g)']_vars

\* In a full tick, a band's top-priority group does not keep the top priority when another
\* non-idle group of its band is chosen (checked on TickPick steps).  The top group is the
\* bound group of the band with the highest slot priority (the lowest slot among equals).
PriorityRotation ==
  [][TickPick =>
       \/ ~deadline'
       \/ \A p \in Bands :
            LET top == {i \in BoundSlots : Band(slotGroup[i]) = p}
                head == slotGroup[CHOOSE i \in top :
                                    \A j \in top : slotPrio[j] < slotPrio[i]
                                                   \/ (slotPrio[j] = slotPrio[i] /\ i <= j)]
                ofBand == SelectSeq(ctx', LAMBDA g : Band(g) = p)
                idleAfter(g) == GroupIsIdleIn(g, idle', blocked', slotIdle')
            IN \/ top = {}
               \/ head \notin Range(ctx') \/ idleAfter(head)
               \/ Cardinality({g \in Range(ofBand) : ~idleAfter(g)}) < 2
               \/ Head(ofBand) # head]_vars

\* A pending immediate tick is never postponed before it runs.
ImmediateTickKept ==
  [][tick = "now" => tick' = "now" \/ TickStart \/ resetPending \/ resetPending']_vars

\* Java "UnknownStateHandled" (with Corrupt): a group whose CSG_STATE ack was read as an
\* undefined value can never run again, and a reset is scheduled when that is read.
UnknownStateHandled ==
  [][\A g \in GroupIds :
       /\ g \in badAck' =>
            /\ gState'[g] \in {"terminated", "unknown"} \/ g \in destroyed' \/ g \in timedout'
               \/ g \in fatal'
            /\ g \notin badAck => resetPending' \/ resetInProgress']_vars

\* Java "UnrecoverableStopsScheduling" (with Faults): after the FW-events work processed a
\* CS_UNRECOVERABLE, no CSG is started or resumed until a reset completed.
UnrecoverableStopsScheduling ==
  [][unrec => \A i \in SlotIds :
                csgReq'[i] \in {"start", "resume"}
                  => csgReq'[i] = csgReq[i] /\ slotGroup'[i] = slotGroup[i]]_vars

\* Java "OomExhaustionNotFatal" (with Oom): the tiler-OOM work makes a queue fatal only for a
\* real error (-EINVAL), never for heap exhaustion, which is answered with a NULL chunk.
OomExhaustionNotFatal ==
  [][\A g \in GroupIds :
       OomFinish(g) => g \in fatal \/ g \notin fatal' \/ oomWork[g] = "einval"]_vars

\* Java "S-11" (with Oom): OOM safety: TILER_OOM is acknowledged only on the slot of a group
\* that is bound to it (by that group's OOM work).
S11_OomSafety ==
  [][~ResetPost =>
       \A i \in evtOom \ evtOom' :
         LET g == slotGroup[i]
         IN g = NoGroup \/ slotGroup'[i] # g \/ OomFinish(g)]_vars

\* Java "TimeoutOnlyWithoutProgress" (with JobTimeouts): a job timeout fires only after a full
\* JOB_TIMEOUT of running time without progress.
TimeoutOnlyWithoutProgress ==
  [][\A g \in GroupIds, k \in QIdx : JobTimeout(g, k) => since[Q(g, k)] = TMR_FULL]_vars

-----------------------------------------------------------------------------
(* Liveness: the fairness of SchedProperties.fairness and SL-1 ... SL-5    *)
(* of SchedProperties.liveness (SL-4a included).                           *)
(*                                                                         *)
(* Java's fairness is weak fairness of every step the kernel or the device *)
(* takes (Driver KERNEL or DEVICE), not of the environment's (SubmitJob,   *)
(* Destroy, CreatePublish, EnvSignal, FwSyncWait, FwCsFatal, FwCorruptAck, *)
(* FwTilerOom, FwHang, TickBindFails, PmSuspend(TRUE), PmResume), with one *)
(* family per action instance: one WF_vars per instance here, each work    *)
(* item, slot, queue and group its own (\A x : WF_vars(A(x)) is the        *)
(* conjunction over the instances, not WF of their disjunction).  The only *)
(* exception is OomGrow: the outcomes of one group's heap growth form one  *)
(* family, WF_vars(\E outcome : OomGrow(group, outcome)).  Java counts a   *)
(* step that leaves the state unchanged as stuttering (LivenessRunner): it *)
(* neither enables nor takes its family, as with <<A>>_vars here.          *)
(*                                                                         *)
(* Explicit ENABLED.  TLC evaluates ENABLED <<A>>_vars by building an A    *)
(* successor with its caching of LET definitions and operator arguments    *)
(* switched off (Tool.evalAppl: "Never use cached LazyValues in an ENABLED *)
(* expression"), and it does so for WF_vars(A) on every transition.  The   *)
(* actions that apply the record helpers (SetSt) nest those helpers many   *)
(* levels deep (FoldSeq, EvictOne's b1, b2, b3, ...), so without the cache *)
(* each level re-evaluates the one below once per reference: exponential.  *)
(* With WF_vars for every instance TLC found 27 states of MC_small in five *)
(* minutes (the whole space takes seconds).  For those actions (TickPick,  *)
(* TickEvictDone, TickFinish, WaitTimeout, ResetPre, SyncUpdWork,          *)
(* EventsWork(slot), PmSuspend(FALSE)) the fairness below is WF_vars(A)    *)
(* spelled out,                                                            *)
(*     WF_vars(A) = <>[]ENABLED <<A>>_vars => []<><<A>>_vars               *)
(*                = []<>~ENABLED <<A>>_vars \/ []<><<A>>_vars,             *)
(* with ENABLED <<A>>_vars replaced by the state predicate En<A> that is   *)
(* equal to it in every state, by the shape of A:                          *)
(*   - A == AGuard /\ SetSt(ANext), ANext a record of every variable built *)
(*     from St: SetSt gives every variable its ANext field, so an A step   *)
(*     exists exactly when AGuard holds, it is the one to ANext, and it    *)
(*     changes the state exactly when ANext # St.  En<A> is                *)
(*     AGuard /\ ANext # St, which TLC evaluates as a state predicate,     *)
(*     with its cache;                                                     *)
(*   - TickPick == TickPickGuard /\ (one assignment x' = ... for every     *)
(*     variable x, phase' = "evict" among them): a step exists exactly     *)
(*     when TickPickGuard holds (phase = "status"), and it changes phase.  *)
(* (TLC takes no operator with an action argument in a temporal formula,   *)
(* so each is written out.)  The other actions are cheap for ENABLED and   *)
(* keep WF_vars.                                                           *)

EnTickPick == TickPickGuard
EnTickEvictDone == TickEvictDoneGuard /\ TickEvictDoneNext # St
EnTickFinish == TickFinishGuard /\ TickFinishNext # St
EnWaitTimeout == WaitTimeoutGuard /\ WaitTimeoutNext # St
EnResetPre == ResetPreGuard /\ ResetPreNext # St
EnSyncUpdWork == SyncUpdWorkGuard /\ SyncUpdWorkNext # St
EnEventsWork(slot) == EventsWorkGuard(slot) /\ EventsWorkNext(slot) # St
EnPmSuspend(system) == PmSuspendGuard(system) /\ PmSuspendNext(system) # St

\* The kernel's own steps: the tick work (tick_work: TickStart ... TickFinish, WaitTimeout for
\* csgs_upd_ctx_apply_locked timing out), the reset work (panthor_sched_pre_reset,
\* panthor_sched_post_reset), time passing (TimesliceEnds, QueueTimePasses), the end of
\* panthor_group_create, group_term_work, sync_upd_work, the job timeout (queue_timedout_job),
\* process_fw_events_work, group_process_tiler_oom (OomGrow, OomFinish) and runtime PM
\* autosuspend (PmSuspend(FALSE)).
KernelFairness ==
  /\ WF_vars(TickStart)
  /\ []<>~EnTickPick \/ []<><<TickPick>>_vars                    \* WF_vars(TickPick)
  /\ []<>~EnTickEvictDone \/ []<><<TickEvictDone>>_vars          \* WF_vars(TickEvictDone)
  /\ []<>~EnTickFinish \/ []<><<TickFinish>>_vars                \* WF_vars(TickFinish)
  /\ []<>~EnWaitTimeout \/ []<><<WaitTimeout>>_vars              \* WF_vars(WaitTimeout)
  /\ []<>~EnResetPre \/ []<><<ResetPre>>_vars                    \* WF_vars(ResetPre)
  /\ WF_vars(ResetPost)
  /\ WF_vars(TimesliceEnds)
  /\ \A group \in GroupIds : WF_vars(CreateInit(group))
  /\ \A group \in GroupIds : WF_vars(TermWork(group))
  /\ []<>~EnSyncUpdWork \/ []<><<SyncUpdWork>>_vars              \* WF_vars(SyncUpdWork)
  /\ \A group \in GroupIds, queue \in QIdx : WF_vars(QueueTimePasses(group, queue))
  /\ \A group \in GroupIds, queue \in QIdx : WF_vars(JobTimeout(group, queue))
  /\ \A slot \in SlotIds :                                       \* WF_vars(EventsWork(slot))
       []<>~EnEventsWork(slot) \/ []<><<EventsWork(slot)>>_vars
  /\ \A group \in GroupIds : WF_vars(\E outcome \in OomOutcomes : OomGrow(group, outcome))
  /\ \A group \in GroupIds : WF_vars(OomFinish(group))
  /\ []<>~EnPmSuspend(FALSE) \/ []<><<PmSuspend(FALSE)>>_vars    \* WF_vars(PmSuspend(FALSE))

\* The FW's answers other than finishing jobs: the STATUS_UPDATE and CSG_STATE acks, CSG_IDLE,
\* and the end of a sync wait whose object was signalled.
DeviceFairness ==
  /\ \A slot \in SlotIds : WF_vars(FwStatusAck(slot))
  /\ \A slot \in SlotIds : WF_vars(FwCsgAck(slot))
  /\ \A slot \in SlotIds : WF_vars(FwIdle(slot))
  /\ \A slot \in SlotIds, queue \in QIdx : WF_vars(FwSyncResume(slot, queue))

\* The FW finishes every job it runs (one family per slot and queue).
JobFairness == \A slot \in SlotIds, queue \in QIdx : WF_vars(FwRunJob(slot, queue))

\* SchedProperties.fairness.
Fairness == KernelFairness /\ DeviceFairness /\ JobFairness

\* SL-2's assumption without job timeouts: userspace signals in the end the sync objects the
\* queues wait on (weak fairness of each EnvSignal instance).  With job timeouts the timeout
\* ends the wait, with no assumption.
SignalFairness ==
  IF JobTimeouts THEN TRUE
  ELSE \A group \in GroupIds, queue \in QIdx : WF_vars(EnvSignal(group, queue))

\* SL-4's fairness: no assumption on how long the FW takes over a job (no FwRunJob families).
BusyFairness == KernelFairness /\ DeviceFairness

LiveSpec == Spec /\ Fairness

\* SchedProperties.busyAbove: the non-idle groups that can run in a higher band than g.
BusyAbove(g) ==
  Cardinality({h \in GroupIds : Band(h) > Band(g) /\ ~QueuesIdle(h) /\ GroupCanRun(h)})

\* SchedProperties.onList: g is on a run list or on stopped_groups.
OnList(g) ==
  g \in Range(runnable0) \cup Range(runnable1) \cup Range(idle0) \cup Range(idle1)
        \cup Range(stoppedGroups)

\* Each SL property is its fairness => its clauses, so that one cfg with SPECIFICATION Spec
\* checks all of them (Spec /\ F => P is Spec => (F => P)).

\* Java "SL-1": a group that can no longer run is eventually unbound and off every list, and its
\* term work has run.  Clauses Retired(g).
SL_1_Clauses ==
  \A g \in GroupIds :
    (life[g] = "ready" /\ ~GroupCanRun(g))
      ~> (csgId[g] = NoSlot /\ g \notin termPending /\ ~OnList(g))
SL_1 == Fairness => SL_1_Clauses

\* Java "SL-2": every job that reached run_job eventually has its done fence signalled.  Clauses
\* JobSignalled(q, j) (Java names the queue g, or g.k with two queues).
SL_2_Clauses ==
  \A q \in QueueIds, j \in 1..Jobs :
    (submitted[q] >= j /\ signalled[q] < j) ~> (signalled[q] >= j)
SL_2 == (Fairness /\ SignalFairness) => SL_2_Clauses

\* Java "SL-3": an immediate tick request is eventually served by a tick, unless a reset
\* intervenes.  Clause TickServed.
SL_3_Clauses == (tick = "now") ~> (phase = "status" \/ resetPending \/ resetInProgress)
SL_3 == Fairness => SL_3_Clauses

\* Java "SL-4" (expected to fail) and "SL-4a": a non-idle group with at most Slots-1 non-idle
\* groups of higher priority is eventually bound (or stops waiting so).  Clauses
\* EventuallyBound(g).  SL-4 under BusyFairness, SL-4a under Fairness.
WaitsWithRoom(g) ==
  /\ csgId[g] = NoSlot /\ ~QueuesIdle(g) /\ GroupCanRun(g) /\ life[g] = "ready"
  /\ BusyAbove(g) <= Slots - 1
SL_4_Clauses ==
  \A g \in GroupIds :
    WaitsWithRoom(g)
      ~> (csgId[g] # NoSlot \/ QueuesIdle(g) \/ ~GroupCanRun(g) \/ BusyAbove(g) > Slots - 1)
SL_4 == BusyFairness => SL_4_Clauses
SL_4a == Fairness => SL_4_Clauses

\* Java "SL-5": every reset ends with every stopped group back on a run list or terminated.
\* Clause ResetEnds.
SL_5_Clauses == resetInProgress ~> (~resetInProgress /\ stoppedGroups = <<>>)
SL_5 == Fairness => SL_5_Clauses

-----------------------------------------------------------------------------
(* Reachability witnesses of SchedProperties, as invariants that are       *)
(* expected to fail (TLC then shows a witness).  They are not in the cfg   *)
(* files.                                                                  *)

NotRotation ==
  ~(phase = "evict" /\ full /\ evicted # <<>> /\ IdleGroups \cap Range(evicted) = {})

NotRtPreemption ==
  ~(phase = "evict" /\ ~full /\ \E g \in Range(evicted) : g \notin IdleGroups /\ Band(g) = 0)

NotAllJobsSignalled == ~(\A q \in QueueIds : signalled[q] = submitted[q] /\ submitted[q] = Jobs)

NotTickStops == ~(phase = "idle" /\ stopped /\ used > 0 /\ tick = "none")

NotResetRecovers == ~(~resetPending /\ stoppedGroups = <<>> /\ used > 0 /\ timedout # {})

\* With Faults.
NotFatalTerminates == ~(fatal \ destroyed # {} /\ termPending # {})

\* With Oom.
NotOomNullChunk ==
  ~(/\ evtOom = {} /\ fatal = {} /\ signalled = submitted
    /\ \A q \in QueueIds : submitted[q] = Jobs
    /\ termPending = {} /\ ~resetPending /\ phase = "idle" /\ used > 0)

\* With Create.
NotCreatedGroupRuns == \A q \in QueueIds : executed[q] = 0

\* With JobTimeouts.
NotTerminatedAfterTimeout == \A g \in timedout : gState[g] # "terminated"

\* With SyncWait.
NotUnblockedAndDone == ~\E q \in QueueIds : sync[q] = "done" /\ signalled[q] = submitted[q]

NotWaitingGroupRescheduled ==
  ~\E g \in GroupIds : /\ \E q \in QueuesOf(g) : sync[q] = "signalled"
                       /\ csgId[g] = NoSlot
                       /\ g \in Range(Runnable(Band(g)))

\* With Queues = 2 and SyncWait: a resident group has a queue blocked on a sync object while
\* another of its queues still has work (the group is not idle).
NotBlockedBesideBusy ==
  ~\E g \in GroupIds :
     /\ csgId[g] # NoSlot
     /\ QueuesOf(g) \cap blocked # {}
     /\ \E q \in QueuesOf(g) : q \notin blocked /\ executed[q] < submitted[q]
     /\ ~GroupIsIdle(g)

\* With VmBind: an AS enable failed while binding: a reset is scheduled and the VM holds an AS
\* it is not active on and that the LRU does not know.
NotBindFailed ==
  ~\E v \in VmIds : resetPending /\ v \in vmAs /\ vmCnt[v] = 0 /\ v \notin Range(lru)

\* With Moves: a suspended group is resumed on another slot than the one it left.
NotResumedElsewhere ==
  ~\E g \in GroupIds :
     LET i == csgId[g]
     IN /\ i # NoSlot /\ leftSlot[g] # NoSlot /\ leftSlot[g] # i
        /\ csgAck[i] = "resume" /\ gState[g] = "active"

=============================================================================
