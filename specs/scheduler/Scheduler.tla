----------------------------- MODULE Scheduler -----------------------------
(***************************************************************************)
(* The CSG scheduler of panthor (panthor_sched.c): the TLA+ twin of the    *)
(* Java model org.panthorverify.models.sched (SchedModel, SchedState,      *)
(* SchedAction, SchedProperties; model id 'scheduler', see                 *)
(* specs/scheduler/README.md).                                             *)
(*                                                                         *)
(* It covers the whole Java model: the tick, the run lists, slot          *)
(* priorities, job submission, idle events, the AS budget, FW hangs with   *)
(* their reset, destroy, and the features behind the flags Faults,         *)
(* Corrupt, Oom, SyncWait, JobTimeouts and Create (Java's SchedConfig      *)
(* faults, corrupt, oom, syncWait, jobTimeouts, create).                   *)
(*                                                                         *)
(* The variables are the keys of SchedModel.describe, in the same order,   *)
(* and hold what describe shows, except that bit masks are sets here:     *)
(*   - enumerations are strings ("none"/"delayed"/"now",                   *)
(*     "idle"/"status"/"evict"/"bind", CSG_STATE and group-state names,    *)
(*     "corrupted-start" ..., life, OOM-work, sync-wait and timer names    *)
(*     such as "running-1" or "suspended-0");                              *)
(*   - run lists, stoppedGroups, ctx, evicted and waiting are sequences    *)
(*     of group ids (in list order);                                       *)
(*   - per-slot and per-group values are functions on SlotIds (0..Slots-1) *)
(*     and GroupIds (0..Groups-1); NoGroup (-1) is an empty slot, NoSlot   *)
(*     (-1) an unbound group;                                              *)
(*   - slot masks and group masks are sets of slot ids and group ids.      *)
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
(* Variant is the seeded bug switched on ("none" for the correct model),   *)
(* named as in SchedModel.VARIANTS (all twelve); Bug(v) tests it.          *)
(*                                                                         *)
(* Where the Java code reaches a slot through csgId[g] and the spec        *)
(* through slotGroup[i] (or back), the two agree because S-1 (the slot     *)
(* bijection) holds in every reachable state.                              *)
(***************************************************************************)
EXTENDS Naturals, Integers, Sequences, FiniteSets, TLC

CONSTANTS
  Slots,         \* CSG slots, 1..4
  Groups,        \* groups (one queue each), 1..6
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
  Variant        \* "none", or one variant name of SchedModel.VARIANTS

ASSUME Slots \in 1..4
ASSUME Groups \in 1..6
ASSUME Rt \in 0..Groups
ASSUME Jobs \in 1..3
ASSUME AsSlots \in 1..4
ASSUME Vms \in 1..Groups
ASSUME {Timeouts, GroupDestroy, Faults, Corrupt, Oom, SyncWait, JobTimeouts, Create}
         \subseteq BOOLEAN
ASSUME Variant \in {"none", "full-tick-inverted", "stopped-tick-immediate", "prio-rotation",
                    "tick-not-resumed-on-submit", "immediate-tick-overruled", "idle-two-sources",
                    "unknown-csg-state", "unrecoverable-fault-no-reset", "tiler-oom-null-chunk",
                    "group-create-publish", "per-queue-timeout", "timeout-reset-inverted"}

Bug(v) == Variant = v

SlotIds == 0..(Slots - 1)
GroupIds == 0..(Groups - 1)
Bands == 0..1       \* priority bands: 0 MEDIUM, 1 RT

NoGroup == -1       \* slotGroup of an empty slot
NoSlot == -1        \* csgId of an unbound group

\* The highest FW slot priority; the tick hands out 15, 14, ... in pick order.
MAX_CSG_PRIO == 15

\* The priority band of a group (SchedConfig.band) and its VM (SchedConfig.vm).
Band(g) == IF g < Rt THEN 1 ELSE 0
Vm(g) == IF g < Vms - 1 THEN g ELSE Vms - 1

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
  fwIdle,           \* slots whose queue the FW saw drain (it raised CSG_IDLE once)
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
  sync,             \* per group: the queue's sync wait: "none", "wait" (the FW is blocked on
                    \*   it), "signalled" (the FW has not re-evaluated it yet), "done"
  syncSb,           \* groups whose FW status showed pending scoreboards with the sync wait
  blocked,          \* groups whose queue is in blocked_queues
  waiting,          \* groups.waiting, a sequence of group ids in list order
  syncUpd,          \* sync_upd_work is queued
  timer,            \* per group: the job timeout: "off", "running-k" or "suspended-k" with
                    \*   k (0..2) halves of JOB_TIMEOUT used
  since,            \* per group: halves of JOB_TIMEOUT of running time since the queue last
                    \*   made progress (0..2; the truth the timer must agree with)
  termPending,      \* groups whose term work is queued
  idle,             \* groups whose queue is in idle_queues
  submitted,        \* per group: jobs that reached queue_run_job (the last seqno)
  executed,         \* per group: jobs the FW finished (the queue's sync object)
  signalled         \* per group: done fences signalled

vars == <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle, resetPending,
          resetInProgress, used, hung, runnable0, runnable1, idle0, idle1, stoppedGroups, ctx,
          evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq, statusAck, evtSync, evtIdle,
          evtFatal, evtOom, fwIdle, slotIdle, life, uaf, gState, csgId, destroyed, timedout,
          fatal, unrec, badAck, oomWork, sync, syncSb, blocked, waiting, syncUpd, timer, since,
          termPending, idle, submitted, executed, signalled>>

CsgStates == {"terminate", "start", "suspend", "resume"}
GroupStates == {"created", "active", "suspended", "terminated", "unknown"}
\* An acked CSG_STATE, or one the FW corrupted after the host saw it acked.
Corrupted(v) == "corrupted-" \o v
AckValues == CsgStates \cup {Corrupted(v) : v \in CsgStates}
OomNames == {"none", "queued", "chunk", "enomem-wait", "enomem-full", "einval"}
\* Halves of JOB_TIMEOUT after which the job timeout fires (SchedModel.TMR_FULL).
TMR_FULL == 2
TimerValues == {"off"} \cup {"running-" \o ToString(k) : k \in 0..TMR_FULL}
                 \cup {"suspended-" \o ToString(k) : k \in 0..TMR_FULL}

\* A run list: a sequence of distinct group ids.
IsList(s) == s \in Seq(GroupIds) /\ Len(s) = Cardinality(Range(s))

TypeOK ==
  /\ tick \in {"none", "delayed", "now"}
  /\ phase \in {"idle", "status", "evict", "bind"}
  /\ {stopped, elapsed, full, deadline, stopTick, mightIdle, resetPending, resetInProgress,
      hung} \subseteq BOOLEAN
  /\ used \in 0..Slots
  /\ IsList(runnable0) /\ IsList(runnable1) /\ IsList(idle0) /\ IsList(idle1) /\ IsList(ctx)
  /\ IsList(stoppedGroups) /\ IsList(evicted) /\ IsList(waiting)
  /\ {destroyed, timedout, termPending, idle} \subseteq SUBSET GroupIds
  /\ slotGroup \in [SlotIds -> GroupIds \cup {NoGroup}]
  /\ slotPrio \in [SlotIds -> 0..MAX_CSG_PRIO]
  /\ csgReq \in [SlotIds -> CsgStates]
  /\ csgAck \in [SlotIds -> AckValues]
  /\ {statusReq, statusAck, evtSync, evtIdle, fwIdle, slotIdle} \subseteq SUBSET SlotIds
  /\ gState \in [GroupIds -> GroupStates]
  /\ csgId \in [GroupIds -> SlotIds \cup {NoSlot}]
  /\ submitted \in [GroupIds -> 0..Jobs]
  /\ executed \in [GroupIds -> 0..Jobs]
  /\ signalled \in [GroupIds -> 0..Jobs]
  /\ evtFatal \in [SlotIds -> 0..2]
  /\ evtOom \subseteq SlotIds
  /\ life \in [GroupIds -> {"absent", "published", "ready", "freed"}]
  /\ {uaf, unrec, syncUpd} \subseteq BOOLEAN
  /\ {fatal, badAck, syncSb, blocked} \subseteq SUBSET GroupIds
  /\ oomWork \in [GroupIds -> OomNames]
  /\ sync \in [GroupIds -> {"none", "wait", "signalled", "done"}]
  /\ timer \in [GroupIds -> TimerValues]
  /\ since \in [GroupIds -> 0..TMR_FULL]

(* panthor_sched_init and the creation of every group (panthor_group_create): *)
(* all groups CREATED with their queue idle, on idle[prio] in creation       *)
(* order (with Create, no group exists yet: CreatePublish and CreateInit     *)
(* make them); no slot used; the periodic tick stopped; the first timeslice  *)
(* already over.                                                             *)
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
  /\ idle = IF Create THEN {} ELSE GroupIds
  /\ submitted = [g \in GroupIds |-> 0]
  /\ executed = [g \in GroupIds |-> 0]
  /\ signalled = [g \in GroupIds |-> 0]
  /\ evtFatal = [i \in SlotIds |-> 0]
  /\ evtOom = {}
  /\ life = [g \in GroupIds |-> IF Create THEN "absent" ELSE "ready"]
  /\ uaf = FALSE
  /\ fatal = {}
  /\ unrec = FALSE
  /\ badAck = {}
  /\ oomWork = [g \in GroupIds |-> "none"]
  /\ sync = [g \in GroupIds |-> "none"]
  /\ syncSb = {}
  /\ blocked = {}
  /\ waiting = <<>>
  /\ syncUpd = FALSE
  /\ timer = [g \in GroupIds |-> "off"]
  /\ since = [g \in GroupIds |-> 0]

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

\* group_is_idle (every queue idle or blocked), with the idle and blocked sets and the cached
\* slot idleness given: variant idle-two-sources reads a resident group's idleness from its
\* slot's cached status.
GroupIsIdleIn(g, idleSet, blockedSet, slotIdleSet) ==
  IF Bug("idle-two-sources") /\ csgId[g] # NoSlot THEN csgId[g] \in slotIdleSet
  ELSE g \in idleSet \cup blockedSet

GroupIsIdle(g) == GroupIsIdleIn(g, idle, blocked, slotIdle)

\* The tick after sched_queue_delayed_work(sched, tick, 0) (requestTick): an immediate tick,
\* never queued while a reset is pending or in progress.
RequestedTick == IF ~resetPending /\ ~resetInProgress THEN "now" ELSE tick

\* sched_resume_tick: [stopped, tick] after it.  resched_target := last_tick + period; the
\* tick is queued with the time left if every slot is used, else at once, unless a tick is
\* already queued (variant immediate-tick-overruled re-queues it anyway).
ResumedTick ==
  IF resetPending \/ resetInProgress THEN [stopped |-> stopped, tick |-> tick]
  ELSE [stopped |-> FALSE,
        tick |-> IF tick = "none" \/ Bug("immediate-tick-overruled")
                   THEN IF used = Slots THEN "delayed" ELSE "now"
                   ELSE tick]

\* The CSG_STATE value an ack holds (SchedModel.csgAcked masks the corruption off).
AckBase(a) == IF a \in CsgStates THEN a ELSE CHOOSE v \in CsgStates : Corrupted(v) = a

\* Whether slot i's CSG_STATE request was acked (the wait's masked comparison).
CsgAcked(i) == csgReq[i] = AckBase(csgAck[i])

\* The FW runs the group on a slot: its START or RESUME is acked, no CS_FATAL or TILER_OOM
\* stopped it, and its queue is not blocked on a sync wait.
Running(i) ==
  /\ slotGroup[i] # NoGroup /\ csgReq[i] = csgAck[i] /\ csgAck[i] \in {"start", "resume"}
  /\ evtFatal[i] = 0 /\ i \notin evtOom
  /\ sync[slotGroup[i]] \in {"none", "done"}

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
        executed |-> executed, signalled |-> signalled]

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
  ELSE g \in b.idle \cup b.blocked

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

\* queue_check_job_completion: signal every job the FW finished.  Progress pushes a running
\* timeout back by a full JOB_TIMEOUT (queue_reset_timeout_locked; variant
\* timeout-reset-inverted does it only to a suspended one, which also starts it); a drained
\* queue stops its timer.
SignalDoneB(b, g) ==
  IF b.executed[g] <= b.signalled[g] THEN b
  ELSE LET b1 == [b EXCEPT !.signalled[g] = b.executed[g]]
       IN IF ~JobTimeouts THEN b1
          ELSE LET b2 == [b1 EXCEPT !.since[g] = 0]
                   t == b2.timer[g]
               IN IF b2.signalled[g] = b2.submitted[g] THEN [b2 EXCEPT !.timer[g] = "off"]
                  ELSE IF IF Bug("timeout-reset-inverted") THEN TimerSuspended(t)
                          ELSE TimerRunning(t)
                    THEN [b2 EXCEPT !.timer[g] = TRun(0)]
                  ELSE b2

\* queue_resume_timeout: a stopped timer starts afresh, a suspended one goes on.
TimerResumeB(b, g) ==
  IF ~JobTimeouts \/ b.submitted[g] = b.signalled[g] THEN b
  ELSE IF b.timer[g] = "off" THEN [b EXCEPT !.timer[g] = TRun(0), !.since[g] = 0]
  ELSE IF TimerSuspended(b.timer[g]) THEN [b EXCEPT !.timer[g] = TRun(TimerUsed(@))]
  ELSE b

\* queue_suspend_timeout_locked: a running timer keeps what it used.  Exception: the queue of a
\* group that can run is blocked on a sync object and the whole group is idle; only an external
\* signal can unblock it, and the timer keeps running to time-box that.
TimerSuspendB(b, g) ==
  IF CanRunB(b, g) /\ g \in b.blocked /\ IsIdleB(b, g) THEN b
  ELSE IF JobTimeouts /\ TimerRunning(b.timer[g]) THEN [b EXCEPT !.timer[g] = TSusp(TimerUsed(@))]
  ELSE b

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

\* group_unbind_locked: the slot is freed with its FW-side state; a queued OOM work is
\* cancelled (a running one goes on and rechecks).
GroupUnbindB(b, g) ==
  LET i == b.csgId[g]
  IN [b EXCEPT !.slotGroup[i] = NoGroup, !.csgId[g] = NoSlot, !.evtSync = @ \ {i},
               !.evtIdle = @ \ {i}, !.evtFatal[i] = 0, !.evtOom = @ \ {i},
               !.oomWork[g] = IF @ = "queued" THEN "none" ELSE @,
               !.fwIdle = @ \ {i}, !.slotIdle = @ \ {i}]

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

\* cs_slot_sync_queue_state_locked: a queue blocked on a sync wait goes on the tail of the
\* waiting list (list_add_tail, if it is not on it yet), blocked unless scoreboards pend; any
\* other queue is idle when the FW ran every job (the variant idle-two-sources also caches that
\* in the slot).
SyncQueueStateB(b, g) ==
  LET i == b.csgId[g]
      isIdle == b.executed[g] = b.submitted[g]
  IN IF b.sync[g] \in {"wait", "signalled"}
       THEN [b EXCEPT !.waiting = IF g \in Range(@) THEN @ ELSE Append(@, g),
                      !.idle = @ \ {g},
                      !.blocked = IF g \in b.syncSb THEN @ \ {g} ELSE @ \cup {g}]
     ELSE [b EXCEPT !.blocked = @ \ {g},
                    !.idle = IF isIdle THEN @ \cup {g} ELSE @ \ {g},
                    !.slotIdle = IF ~Bug("idle-two-sources") THEN @
                                 ELSE IF isIdle THEN @ \cup {i} ELSE @ \ {i}]

\* Applies Op(b, x) for x = s[1], s[2], ... in order.
RECURSIVE FoldSeq(_, _, _)
FoldSeq(Op(_, _), b, s) == IF s = <<>> THEN b ELSE FoldSeq(Op, Op(b, Head(s)), Tail(s))

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
(* The actions, in the order of SchedModel's action list.  Host steps that *)
(* take sched->lock are enabled only while no tick holds it (phase =       *)
(* "idle"); the tick itself is four steps, one per batch of CSG requests   *)
(* and the wait that follows it.                                           *)

(* tick_work starts: the delayed work runs (at once, or once the timeslice *)
(* is over).  It bails if a reset is pending.  Otherwise it decides        *)
(* whether the tick is full (now >= resched_target, or last_tick + period  *)
(* when the tick is stopped; tick_ctx_update_resched_target), and          *)
(* tick_ctx_init asks every occupied slot for a STATUS_UPDATE.             *)
TickStart ==
  LET computed == IF Bug("stopped-tick-immediate") /\ stopped THEN FALSE \* now >= U64_MAX
                  ELSE elapsed
  IN
  /\ phase = "idle"
  /\ ~resetInProgress
  /\ tick = "now" \/ (tick = "delayed" /\ elapsed)
  /\ tick' = "none"
  /\ IF resetPending
       THEN UNCHANGED <<full, deadline, statusReq, phase>>
       ELSE /\ full' = IF Bug("full-tick-inverted") THEN ~computed ELSE computed
            /\ deadline' = elapsed
            /\ statusReq' = Toggle(statusReq, BoundSlots)
            /\ phase' = "status"
  /\ UNCHANGED <<stopped, elapsed, stopTick, mightIdle, resetPending, resetInProgress, used,
                 hung, runnable0, runnable1, idle0, idle1, stoppedGroups, ctx, evicted,
                 slotGroup, slotPrio, csgReq, csgAck, statusAck, evtSync, evtIdle, evtFatal,
                 evtOom, fwIdle, slotIdle, life, uaf, gState, csgId, destroyed, timedout, fatal,
                 unrec, badAck, oomWork, sync, syncSb, blocked, waiting, syncUpd, timer, since,
                 termPending, idle, submitted, executed, signalled>>

(* Every STATUS_UPDATE is acked: cs_slot_sync_queue_state_locked refreshes *)
(* each bound queue (a queue blocked on a sync wait goes on the waiting    *)
(* list, blocked unless scoreboards pend; any other one gets its idle      *)
(* bit); the groups are picked (pre-pass, non-idle pass with rotation,     *)
(* idle pass: tick_ctx_pick_groups_from_list); batch 1 of tick_ctx_apply   *)
(* sends SUSPEND (or TERMINATE if it cannot run) to each evicted group and *)
(* the new slot priorities (ENDPOINT_CONFIG) to the chosen bound ones.     *)
TickPick ==
  LET waitG == {g \in BoundGroups : sync[g] \in {"wait", "signalled"}}
      syncedIdle == {g \in GroupIds : IF g \in BoundGroups
                                        THEN g \notin waitG /\ executed[g] = submitted[g]
                                        ELSE g \in idle}
      syncedBlocked == {g \in GroupIds : IF g \in waitG THEN g \notin syncSb
                                         ELSE g \notin BoundGroups /\ g \in blocked}
      syncedSlotIdle == IF Bug("idle-two-sources")  \* only the variant reads the cached copy
                          THEN {i \in SlotIds :
                                  IF i \in BoundSlots /\ slotGroup[i] \notin waitG
                                    THEN executed[slotGroup[i]] = submitted[slotGroup[i]]
                                    ELSE i \in slotIdle}
                          ELSE slotIdle
      isIdle == [g \in GroupIds |-> GroupIsIdleIn(g, syncedIdle, syncedBlocked, syncedSlotIdle)]
      w == PickGroups(isIdle)
      chosen == w.tc.groups[1] \o w.tc.groups[0]
      left == w.old[1] \o w.old[0]
      \* the bound groups in slot order, as the status sync walks them
      boundSeq == LET sl == SlotsInOrder(BoundSlots) IN [k \in DOMAIN sl |-> slotGroup[sl[k]]]
  IN
  /\ phase = "status"
  /\ statusReq = statusAck
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
  /\ UNCHANGED <<tick, stopped, elapsed, full, deadline, mightIdle, resetPending,
                 resetInProgress, used, hung, stoppedGroups, slotGroup, csgAck, statusReq,
                 statusAck, evtSync, evtIdle, evtFatal, evtOom, fwIdle, life, uaf, gState, csgId,
                 destroyed, timedout, fatal, unrec, badAck, oomWork, sync, syncSb, syncUpd,
                 timer, since, termPending, submitted, executed, signalled>>

\* Every evicted group's SUSPEND/TERMINATE is acked.
EvictAcked == \A g \in Range(evicted) : CsgAcked(csgId[g])

(* Batch 1 of tick_ctx_apply acked, one evicted group at a time in the     *)
(* order of evicted (old_groups: RT band first, each band by descending    *)
(* slot priority, the rotated head last): it takes its state from the ack  *)
(* (csg_slot_sync_state_locked); a SUSPENDED one has its queue state       *)
(* synced (csg_slot_sync_queues_state_locked); its pending CSG IRQs are    *)
(* processed (sched_process_csg_irq_locked); its timer is suspended        *)
(* (queue_suspend_timeout_locked); it is unbound (group_unbind_locked); it *)
(* goes back on the tail of a run list if it can run, else its term work   *)
(* is queued.                                                              *)
EvictOne(b, g) ==
  LET b1 == CsgSlotSyncStateB(b, b.csgId[g])
      b2 == IF b1.gState[g] = "suspended" THEN SyncQueueStateB(b1, g) ELSE b1
      b3 == GroupUnbindB(TimerSuspendB(ProcessCsgIrqB(b2, b2.csgId[g]), g), g)
  IN IF CanRunB(b3, g) THEN RequeueB(b3, g) ELSE [b3 EXCEPT !.termPending = @ \cup {g}]

(* Batch 2: the chosen group ctx[k], if unbound, is bound to the lowest    *)
(* free slot (group_bind_locked, csg_slot_prog_locked) with slot priority  *)
(* 15 - (k - 1), and RESUME if it was SUSPENDED, else START.               *)
BindOne(b, k) ==
  LET g == b.ctx[k]
      i == CHOOSE j \in SlotIds : b.slotGroup[j] = NoGroup
                                  /\ \A j2 \in SlotIds : j2 < j => b.slotGroup[j2] # NoGroup
  IN IF b.csgId[g] # NoSlot THEN b
     ELSE [b EXCEPT !.slotGroup[i] = g, !.csgId[g] = i, !.slotPrio[i] = MAX_CSG_PRIO + 1 - k,
                    !.csgReq[i] = IF b.gState[g] = "suspended" THEN "resume" ELSE "start",
                    !.fwIdle = @ \ {i}]

TickEvictDone ==
  LET b1 == FoldSeq(EvictOne, St, evicted)
      b2 == FoldSeq(BindOne, [b1 EXCEPT !.evicted = <<>>], [k \in 1..Len(ctx) |-> k])
  IN
  /\ phase = "evict"
  /\ EvictAcked
  /\ SetSt([b2 EXCEPT !.phase = "bind"])

(* Batch 2 acked: each chosen group, in pick order, takes its state from   *)
(* the ack (csg_slot_sync_state_locked) and, if ACTIVE, resumes its job    *)
(* timeout (queue_resume_timeout); used_csg_slot_count and                 *)
(* might_have_idle_groups are updated; the tick re-arms (last_tick := now; *)
(* stopped if stop_tick, else queued for the next timeslice) and releases  *)
(* sched->lock (end of tick_work).                                         *)
FinishOne(b, g) ==
  LET b1 == CsgSlotSyncStateB(b, b.csgId[g])
  IN IF b1.gState[g] = "active" THEN TimerResumeB(b1, g) ELSE b1

TickFinish ==
  LET b1 == FoldSeq(FinishOne, St, ctx)
  IN
  /\ phase = "bind"
  /\ \A i \in SlotIds : CsgAcked(i)
  /\ SetSt([b1 EXCEPT !.used = Cardinality(BoundSlots),
                      \* neither the state sync nor the timers change idleness
                      !.mightIdle = \E g \in Range(ctx) : GroupIsIdle(g),
                      !.elapsed = FALSE,
                      !.stopped = stopTick,
                      !.tick = IF ~stopTick /\ @ = "none" THEN "delayed" ELSE @,
                      !.ctx = <<>>,
                      !.full = FALSE,
                      !.deadline = FALSE,
                      !.stopTick = FALSE,
                      !.phase = "idle"])

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

(* csgs_upd_ctx_apply_locked times out (100 ms) on a batch: a device reset *)
(* is scheduled (panthor_device_schedule_reset) and the tick gives up      *)
(* (tick_ctx_cleanup, see TickCleanupB) without re-arming.  Only a hung FW *)
(* lets a wait time out.                                                   *)
WaitTimeout ==
  /\ hung
  /\ phase # "idle"
  /\ CASE phase = "status" -> statusReq # statusAck
       [] phase = "evict" -> ~EvictAcked
       [] OTHER -> \E i \in SlotIds : ~CsgAcked(i)
  /\ SetSt([TickCleanupB([St EXCEPT !.resetPending = TRUE, !.tick = "none"])
              EXCEPT !.full = FALSE, !.deadline = FALSE, !.stopTick = FALSE])

(* The reset work's panthor_sched_pre_reset: reset.in_progress := TRUE, the*)
(* tick cancelled, and panthor_sched_suspend, slot by slot: the slot is    *)
(* suspended (or terminated if its group cannot run) and its queue state   *)
(* synced; with a hung FW the request times out and the group is forced    *)
(* TERMINATED with timedout set.  The slot's CSG IRQs are processed (the   *)
(* tick is not queued: a reset is in progress), its timer suspended, and   *)
(* it is unbound (group_unbind_locked); a group that can run goes to the   *)
(* head of idle[p], the others get their term work.  Then every group on a *)
(* run list moves to the tail of stopped_groups (panthor_group_stop): the  *)
(* runnable lists from the lowest band up, then the idle lists.  The waits *)
(* inside are one step here.                                               *)
SuspendSlot(b, i) ==
  LET g == b.slotGroup[i]
      req == IF CanRunB(b, g) THEN "suspend" ELSE "terminate"
      b1 == IF ~b.hung
              THEN SyncQueueStateB([b EXCEPT !.csgReq[i] = req, !.csgAck[i] = req,
                                             !.gState[g] = StateFromAck(req)], g)
              ELSE [b EXCEPT !.timedout = @ \cup {g}, !.gState[g] = "terminated"]
      b2 == GroupUnbindB(TimerSuspendB(ProcessCsgIrqB(b1, i), g), g)
  IN IF CanRunB(b2, g) THEN WithIdl(b2, Band(g), <<g>> \o IdlB(b2, Band(g)))
     ELSE [b2 EXCEPT !.termPending = @ \cup {g}]

ResetPre ==
  LET b1 == FoldSeq(SuspendSlot, [St EXCEPT !.resetInProgress = TRUE, !.tick = "none"],
                    SlotsInOrder(BoundSlots))
  IN
  /\ resetPending
  /\ ~resetInProgress
  /\ phase = "idle"
  /\ SetSt([b1 EXCEPT !.stoppedGroups = @ \o b1.runnable0 \o b1.runnable1 \o b1.idle0
                                            \o b1.idle1,
                      !.runnable0 = <<>>, !.runnable1 = <<>>, !.idle0 = <<>>, !.idle1 = <<>>,
                      !.used = 0])

(* The reset work reloads the FW (every slot empty, the FW answers again), *)
(* clears reset.pending (and with it the unrecoverable-fault marker), and  *)
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
  /\ runnable0' = runnable0 \o backTo(0, FALSE)
  /\ runnable1' = runnable1 \o backTo(1, FALSE)
  /\ idle0' = idle0 \o backTo(0, TRUE)
  /\ idle1' = idle1 \o backTo(1, TRUE)
  /\ termPending' = termPending \cup {g \in Range(stoppedGroups) : ~GroupCanRun(g)}
  /\ stoppedGroups' = <<>>
  /\ resetInProgress' = FALSE
  /\ tick' = "now"  \* requestTick, with neither a reset pending nor one in progress
  /\ syncUpd' = (syncUpd \/ SyncWait)
  /\ UNCHANGED <<stopped, elapsed, phase, full, deadline, stopTick, mightIdle, used, ctx,
                 evicted, slotGroup, slotPrio, evtSync, evtIdle, evtFatal, evtOom, fwIdle,
                 slotIdle, life, uaf, gState, csgId, destroyed, timedout, fatal, badAck, oomWork,
                 sync, syncSb, blocked, waiting, timer, since, idle, submitted, executed,
                 signalled>>

(* Time passes: the current timeslice ends (now >= last_tick +             *)
(* tick_period).                                                           *)
TimesliceEnds ==
  /\ ~elapsed
  /\ elapsed' = TRUE
  /\ UNCHANGED <<tick, stopped, phase, full, deadline, stopTick, mightIdle, resetPending,
                 resetInProgress, used, hung, runnable0, runnable1, idle0, idle1, stoppedGroups,
                 ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq, statusAck,
                 evtSync, evtIdle, evtFatal, evtOom, fwIdle, slotIdle, life, uaf, gState, csgId,
                 destroyed, timedout, fatal, unrec, badAck, oomWork, sync, syncSb, blocked,
                 waiting, syncUpd, timer, since, termPending, idle, submitted, executed,
                 signalled>>

(* panthor_group_create, first part: the group object is allocated and its *)
(* handle inserted into the file's group pool (unmarked in the fixed       *)
(* kernel, so that lookups and destroy ignore it until creation ends).     *)
CreatePublish(g) ==
  /\ Create
  /\ life[g] = "absent"
  /\ life' = [life EXCEPT ![g] = "published"]
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle,
                 resetPending, resetInProgress, used, hung, runnable0, runnable1, idle0, idle1,
                 stoppedGroups, ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq,
                 statusAck, evtSync, evtIdle, evtFatal, evtOom, fwIdle, slotIdle, uaf, gState,
                 csgId, destroyed, timedout, fatal, unrec, badAck, oomWork, sync, syncSb,
                 blocked, waiting, syncUpd, timer, since, termPending, idle, submitted, executed,
                 signalled>>

(* panthor_group_create, second part: the queue is set up (idle), the      *)
(* group put on idle[p] (or reset.stopped_groups during a reset) under     *)
(* sched->lock, and the handle marked registered.  On a group freed in     *)
(* between (variant group-create-publish), this is a use after free.       *)
CreateInit(g) ==
  /\ phase = "idle"
  /\ life[g] = "published" \/ (life[g] = "freed" /\ ~uaf)
  /\ IF life[g] = "freed"
       THEN /\ uaf' = TRUE
            /\ UNCHANGED <<life, idle, stoppedGroups, idle0, idle1>>
       ELSE /\ life' = [life EXCEPT ![g] = "ready"]
            /\ idle' = idle \cup {g}
            \* panthor_group_stop: the tail of stopped_groups
            /\ stoppedGroups' = IF resetInProgress THEN Append(stoppedGroups, g)
                                ELSE stoppedGroups
            /\ idle0' = IF ~resetInProgress /\ Band(g) = 0 THEN Append(idle0, g) ELSE idle0
            /\ idle1' = IF ~resetInProgress /\ Band(g) = 1 THEN Append(idle1, g) ELSE idle1
            /\ UNCHANGED uaf
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle,
                 resetPending, resetInProgress, used, hung, runnable0, runnable1, ctx, evicted,
                 slotGroup, slotPrio, csgReq, csgAck, statusReq, statusAck, evtSync, evtIdle,
                 evtFatal, evtOom, fwIdle, slotIdle, gState, csgId, destroyed, timedout, fatal,
                 unrec, badAck, oomWork, sync, syncSb, blocked, waiting, syncUpd, timer, since,
                 termPending, submitted, executed, signalled>>

(* queue_run_job for group g's queue (drm_sched stops the queues during a  *)
(* reset; a group that cannot run fails the job before it takes a seqno).  *)
(* The job gets the next seqno.  An unbound group arms its job timeout     *)
(* (suspended: not charged while unbound) and goes through                 *)
(* group_schedule_locked, which does nothing more for a blocked group:     *)
(* its idle bit is cleared, if it was idle it moves from idle[p] to the    *)
(* tail of runnable[p], and the tick is decided: an immediate tick for RT  *)
(* or when might_have_idle_groups, else an immediate tick if the periodic  *)
(* tick runs and a slot is free, else sched_resume_tick if the tick is     *)
(* stopped.  A bound group clears its idle bit, resumes a stopped tick if  *)
(* it was idle (sched_resume_tick; variant tick-not-resumed-on-submit      *)
(* forgets), resumes its timer (queue_resume_timeout; variant              *)
(* per-queue-timeout forgets) and rings its doorbell.                      *)
SubmitJob(g) ==
  LET isBound == csgId[g] # NoSlot
      sched == ~isBound /\ g \notin blocked   \* group_schedule_locked goes on
      wasIdle == GroupIsIdle(g)
      same == [stopped |-> stopped, tick |-> tick]
      requested == [stopped |-> stopped, tick |-> RequestedTick]
      t == IF isBound
             THEN IF wasIdle /\ stopped /\ ~Bug("tick-not-resumed-on-submit")
                    THEN ResumedTick ELSE same
           ELSE IF ~sched THEN same
           ELSE IF Band(g) = 1 \/ mightIdle THEN requested
           ELSE IF ~stopped THEN (IF used < Slots THEN requested ELSE same)
           ELSE ResumedTick
      move == sched /\ wasIdle
      sub == [submitted EXCEPT ![g] = @ + 1]
  IN
  /\ phase = "idle"
  /\ ~resetInProgress
  /\ g \notin destroyed
  /\ life[g] = "ready"
  /\ submitted[g] < Jobs
  /\ GroupCanRun(g)
  /\ submitted' = sub
  /\ idle' = IF isBound \/ sched THEN idle \ {g} ELSE idle
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
       THEN IF JobTimeouts /\ timer[g] = "off"
              THEN /\ timer' = [timer EXCEPT ![g] = TSusp(0)]
                   /\ since' = [since EXCEPT ![g] = 0]
              ELSE UNCHANGED <<timer, since>>
     ELSE IF Bug("per-queue-timeout") THEN UNCHANGED <<timer, since>>
     ELSE LET b == TimerResumeB([timer |-> timer, since |-> since, submitted |-> sub,
                                 signalled |-> signalled], g)
          IN timer' = b.timer /\ since' = b.since
  /\ UNCHANGED <<elapsed, phase, full, deadline, stopTick, mightIdle, resetPending,
                 resetInProgress, used, hung, ctx, evicted, slotGroup, slotPrio, csgReq, csgAck,
                 statusReq, statusAck, evtSync, evtIdle, evtFatal, evtOom, fwIdle, slotIdle,
                 life, uaf, gState, csgId, destroyed, timedout, fatal, unrec, badAck, oomWork,
                 sync, syncSb, blocked, waiting, syncUpd, termPending, executed, signalled>>

(* panthor_group_destroy: the handle is looked up (only registered groups, *)
(* or also unfinished ones in variant group-create-publish, where the      *)
(* handle's reference was the only one and the group is freed under its   *)
(* creator); destroyed := TRUE; a bound group is left to an immediate      *)
(* tick, which terminates it; an unbound one is unlinked from every list   *)
(* and its term work queued, unless a reset is in progress                 *)
(* (panthor_sched_post_reset handles it).                                  *)
Destroy(g) ==
  LET unlink == csgId[g] = NoSlot /\ ~resetInProgress
  IN
  /\ GroupDestroy
  /\ phase = "idle"
  /\ g \notin destroyed
  /\ life[g] = "ready" \/ (life[g] = "published" /\ Bug("group-create-publish"))
  /\ destroyed' = destroyed \cup {g}
  /\ IF life[g] = "published"
       THEN /\ life' = [life EXCEPT ![g] = "freed"]
            /\ UNCHANGED <<tick, runnable0, runnable1, idle0, idle1, stoppedGroups,
                           termPending>>
       ELSE /\ tick' = IF csgId[g] # NoSlot THEN RequestedTick ELSE tick
            /\ runnable0' = IF unlink THEN Remove(runnable0, g) ELSE runnable0
            /\ runnable1' = IF unlink THEN Remove(runnable1, g) ELSE runnable1
            /\ idle0' = IF unlink THEN Remove(idle0, g) ELSE idle0
            /\ idle1' = IF unlink THEN Remove(idle1, g) ELSE idle1
            /\ stoppedGroups' = IF unlink THEN Remove(stoppedGroups, g) ELSE stoppedGroups
            /\ termPending' = IF unlink THEN termPending \cup {g} ELSE termPending
            /\ UNCHANGED life
  /\ UNCHANGED <<stopped, elapsed, phase, full, deadline, stopTick, mightIdle, resetPending,
                 resetInProgress, used, hung, ctx, evicted, slotGroup, slotPrio, csgReq, csgAck,
                 statusReq, statusAck, evtSync, evtIdle, evtFatal, evtOom, fwIdle, slotIdle, uaf,
                 gState, csgId, timedout, fatal, unrec, badAck, oomWork, sync, syncSb, blocked,
                 waiting, syncUpd, timer, since, idle, submitted, executed, signalled>>

(* group_term_post_processing: every in-flight job's fence is signalled    *)
(* with an error, and the queue's sync object is set to the last seqno so  *)
(* that waiters are released (sync_upd_work is queued); the timer stops    *)
(* and the queue leaves the blocked set and the waiting list.              *)
TermWork(g) ==
  /\ g \in termPending
  /\ termPending' = termPending \ {g}
  /\ executed' = [executed EXCEPT ![g] = submitted[g]]
  /\ signalled' = [signalled EXCEPT ![g] = submitted[g]]
  /\ timer' = [timer EXCEPT ![g] = "off"]
  /\ since' = [since EXCEPT ![g] = 0]
  /\ blocked' = blocked \ {g}
  /\ waiting' = Remove(waiting, g)
  /\ syncUpd' = (syncUpd \/ SyncWait)
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle,
                 resetPending, resetInProgress, used, hung, runnable0, runnable1, idle0, idle1,
                 stoppedGroups, ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq,
                 statusAck, evtSync, evtIdle, evtFatal, evtOom, fwIdle, slotIdle, life, uaf,
                 gState, csgId, destroyed, timedout, fatal, unrec, badAck, oomWork, sync, syncSb,
                 idle, submitted>>

(* sync_upd_work walks groups.waiting from its head: a blocked queue whose *)
(* sync object is now satisfied is unblocked (bound or not); an unblocked  *)
(* unbound group that can run, while no reset is in progress, moves to the *)
(* head of runnable[p] (list_move; an RT group gets an immediate tick); a  *)
(* group with no blocked queue left leaves the waiting list.               *)
SyncUpdOne(b, g) ==
  LET b1 == IF g \in b.blocked /\ b.sync[g] \in {"signalled", "done"}
              THEN LET u == [b EXCEPT !.blocked = @ \ {g}]
                       r == UnlinkB(u, g)
                       r1 == WithRun(r, Band(g), <<g>> \o RunB(r, Band(g)))
                   IN IF u.csgId[g] = NoSlot /\ CanRunB(u, g) /\ ~u.resetInProgress
                        THEN IF Band(g) = 1 THEN RequestTickB(r1) ELSE r1
                        ELSE u
              ELSE b
  IN IF g \notin b1.blocked THEN [b1 EXCEPT !.waiting = Remove(@, g)] ELSE b1

SyncUpdWork ==
  /\ syncUpd
  /\ phase = "idle"
  /\ SetSt(FoldSeq(SyncUpdOne, [St EXCEPT !.syncUpd = FALSE], waiting))

(* The sync object group g's queue waits on is signalled (by another       *)
(* queue's SYNC_ADD, which raises a sync update and queues sync_upd_work). *)
EnvSignal(g) ==
  /\ sync[g] = "wait"
  /\ sync' = [sync EXCEPT ![g] = "signalled"]
  /\ syncUpd' = TRUE
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle,
                 resetPending, resetInProgress, used, hung, runnable0, runnable1, idle0, idle1,
                 stoppedGroups, ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq,
                 statusAck, evtSync, evtIdle, evtFatal, evtOom, fwIdle, slotIdle, life, uaf,
                 gState, csgId, destroyed, timedout, fatal, unrec, badAck, oomWork, syncSb,
                 blocked, waiting, timer, since, termPending, idle, submitted, executed,
                 signalled>>

(* Half a JOB_TIMEOUT of running time passes for group g's queue while its *)
(* timer runs (time a queue spends waiting for a slot is not charged).     *)
QueueTimePasses(g) ==
  /\ JobTimeouts
  /\ \E k \in 0..(TMR_FULL - 1) : timer[g] = TRun(k)
  /\ timer' = [timer EXCEPT ![g] = TRun(TimerUsed(@) + 1)]
  /\ since' = [since EXCEPT ![g] = IF @ + 1 < TMR_FULL THEN @ + 1 ELSE TMR_FULL]
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle,
                 resetPending, resetInProgress, used, hung, runnable0, runnable1, idle0, idle1,
                 stoppedGroups, ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq,
                 statusAck, evtSync, evtIdle, evtFatal, evtOom, fwIdle, slotIdle, life, uaf,
                 gState, csgId, destroyed, timedout, fatal, unrec, badAck, oomWork, sync, syncSb,
                 blocked, waiting, syncUpd, termPending, idle, submitted, executed, signalled>>

(* The queue's timeout work fires (queue_timedout_job, under sched->lock): *)
(* the group is marked timed out; a bound group gets an immediate tick     *)
(* (which terminates it), an unbound one is unlinked and its term work     *)
(* queued (unless a reset is in progress).                                 *)
JobTimeout(g) ==
  LET unlink == csgId[g] = NoSlot /\ ~resetInProgress
  IN
  /\ phase = "idle"
  /\ timer[g] = TRun(TMR_FULL)
  /\ timer' = [timer EXCEPT ![g] = "off"]
  /\ timedout' = timedout \cup {g}
  /\ tick' = IF csgId[g] # NoSlot THEN RequestedTick ELSE tick
  /\ runnable0' = IF unlink THEN Remove(runnable0, g) ELSE runnable0
  /\ runnable1' = IF unlink THEN Remove(runnable1, g) ELSE runnable1
  /\ idle0' = IF unlink THEN Remove(idle0, g) ELSE idle0
  /\ idle1' = IF unlink THEN Remove(idle1, g) ELSE idle1
  /\ stoppedGroups' = IF unlink THEN Remove(stoppedGroups, g) ELSE stoppedGroups
  /\ termPending' = IF unlink THEN termPending \cup {g} ELSE termPending
  /\ UNCHANGED <<stopped, elapsed, phase, full, deadline, stopTick, mightIdle, resetPending,
                 resetInProgress, used, hung, ctx, evicted, slotGroup, slotPrio, csgReq, csgAck,
                 statusReq, statusAck, evtSync, evtIdle, evtFatal, evtOom, fwIdle, slotIdle,
                 life, uaf, gState, csgId, destroyed, fatal, unrec, badAck, oomWork, sync,
                 syncSb, blocked, waiting, syncUpd, since, idle, submitted, executed, signalled>>

(* process_fw_events_work for slot i's events (under sched->lock):         *)
(* sched_process_csg_irq_locked (see ProcessCsgIrqB).  A CS_UNRECOVERABLE  *)
(* processed here sets the unrecoverable-fault marker.  A TILER_OOM counts *)
(* only while the bound group has no OOM work.                             *)
EventSlots ==   \* one set, not a disjunction: TLC would take one step per true disjunct
  evtSync \cup evtIdle \cup {j \in SlotIds : evtFatal[j] # 0}
    \cup {j \in evtOom : slotGroup[j] # NoGroup /\ oomWork[slotGroup[j]] = "none"}

EventsWork(i) ==
  /\ phase = "idle"
  /\ i \in EventSlots
  /\ SetSt(ProcessCsgIrqB([St EXCEPT !.unrec = @ \/ evtFatal[i] = 2], i))

(* The FW answers slot i's STATUS_UPDATE request.                          *)
FwStatusAck(i) ==
  /\ ~hung
  /\ i \in Toggle(statusReq, statusAck)
  /\ statusAck' = Toggle(statusAck, {i})
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle,
                 resetPending, resetInProgress, used, hung, runnable0, runnable1, idle0, idle1,
                 stoppedGroups, ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq,
                 evtSync, evtIdle, evtFatal, evtOom, fwIdle, slotIdle, life, uaf, gState, csgId,
                 destroyed, timedout, fatal, unrec, badAck, oomWork, sync, syncSb, blocked,
                 waiting, syncUpd, timer, since, termPending, idle, submitted, executed,
                 signalled>>

(* The FW acts on slot i's CSG_STATE request and echoes it in ack.         *)
FwCsgAck(i) ==
  /\ ~hung
  /\ ~CsgAcked(i)
  /\ csgAck' = [csgAck EXCEPT ![i] = csgReq[i]]
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle,
                 resetPending, resetInProgress, used, hung, runnable0, runnable1, idle0, idle1,
                 stoppedGroups, ctx, evicted, slotGroup, slotPrio, csgReq, statusReq, statusAck,
                 evtSync, evtIdle, evtFatal, evtOom, fwIdle, slotIdle, life, uaf, gState, csgId,
                 destroyed, timedout, fatal, unrec, badAck, oomWork, sync, syncSb, blocked,
                 waiting, syncUpd, timer, since, termPending, idle, submitted, executed,
                 signalled>>

(* The FW finishes the next job of the group on slot i: its SYNC_ADD64     *)
(* bumps the queue's sync object and raises CSG_SYNC_UPDATE.               *)
FwRunJob(i) ==
  LET g == slotGroup[i]
  IN
  /\ ~hung
  /\ Running(i)
  /\ executed[g] < submitted[g]
  /\ executed' = [executed EXCEPT ![g] = @ + 1]
  /\ evtSync' = evtSync \cup {i}
  /\ fwIdle' = fwIdle \ {i}
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle,
                 resetPending, resetInProgress, used, hung, runnable0, runnable1, idle0, idle1,
                 stoppedGroups, ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq,
                 statusAck, evtIdle, evtFatal, evtOom, slotIdle, life, uaf, gState, csgId,
                 destroyed, timedout, fatal, unrec, badAck, oomWork, sync, syncSb, blocked,
                 waiting, syncUpd, timer, since, termPending, idle, submitted, signalled>>

(* The queue on slot i drained: the FW raises CSG_IDLE (once per drain).   *)
FwIdle(i) ==
  LET g == slotGroup[i]
  IN
  /\ ~hung
  /\ Running(i)
  /\ i \notin fwIdle
  /\ executed[g] = submitted[g]
  /\ fwIdle' = fwIdle \cup {i}
  /\ evtIdle' = evtIdle \cup {i}
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle,
                 resetPending, resetInProgress, used, hung, runnable0, runnable1, idle0, idle1,
                 stoppedGroups, ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq,
                 statusAck, evtSync, evtFatal, evtOom, slotIdle, life, uaf, gState, csgId,
                 destroyed, timedout, fatal, unrec, badAck, oomWork, sync, syncSb, blocked,
                 waiting, syncUpd, timer, since, termPending, idle, submitted, executed,
                 signalled>>

(* The FW raises CS_FATAL on the running group of slot i (unrecoverable:   *)
(* the CS_UNRECOVERABLE exception type); the CS stops.                     *)
FwCsFatal(i, unrecoverable) ==
  /\ Faults
  /\ ~hung
  /\ Running(i)
  /\ evtFatal' = [evtFatal EXCEPT ![i] = IF unrecoverable THEN 2 ELSE 1]
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle,
                 resetPending, resetInProgress, used, hung, runnable0, runnable1, idle0, idle1,
                 stoppedGroups, ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq,
                 statusAck, evtSync, evtIdle, evtOom, fwIdle, slotIdle, life, uaf, gState, csgId,
                 destroyed, timedout, fatal, unrec, badAck, oomWork, sync, syncSb, blocked,
                 waiting, syncUpd, timer, since, termPending, idle, submitted, executed,
                 signalled>>

(* The FW changes slot i's CSG_STATE ack to an undefined value after the   *)
(* host's wait saw it acked and before csg_slot_sync_state_locked re-reads *)
(* it (only while a tick is between those two points).                     *)
FwCorruptAck(i) ==
  /\ Corrupt
  /\ ~hung
  /\ phase \in {"evict", "bind"}
  /\ slotGroup[i] # NoGroup
  /\ csgReq[i] = csgAck[i]
  /\ csgAck' = [csgAck EXCEPT ![i] = Corrupted(@)]
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle,
                 resetPending, resetInProgress, used, hung, runnable0, runnable1, idle0, idle1,
                 stoppedGroups, ctx, evicted, slotGroup, slotPrio, csgReq, statusReq, statusAck,
                 evtSync, evtIdle, evtFatal, evtOom, fwIdle, slotIdle, life, uaf, gState, csgId,
                 destroyed, timedout, fatal, unrec, badAck, oomWork, sync, syncSb, blocked,
                 waiting, syncUpd, timer, since, termPending, idle, submitted, executed,
                 signalled>>

(* The tiler of the group on slot i runs out of heap memory: the FW raises *)
(* TILER_OOM and the CS waits for the answer.                              *)
FwTilerOom(i) ==
  /\ Oom
  /\ ~hung
  /\ Running(i)
  /\ evtOom' = evtOom \cup {i}
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle,
                 resetPending, resetInProgress, used, hung, runnable0, runnable1, idle0, idle1,
                 stoppedGroups, ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq,
                 statusAck, evtSync, evtIdle, evtFatal, fwIdle, slotIdle, life, uaf, gState,
                 csgId, destroyed, timedout, fatal, unrec, badAck, oomWork, sync, syncSb,
                 blocked, waiting, syncUpd, timer, since, termPending, idle, submitted, executed,
                 signalled>>

(* The running queue of slot i reaches a SYNC_WAIT on an unsignalled       *)
(* object: the CS blocks (scoreboards: its status also shows pending       *)
(* scoreboard entries).                                                    *)
FwSyncWait(i, scoreboards) ==
  LET g == slotGroup[i]
  IN
  /\ SyncWait
  /\ ~hung
  /\ Running(i)
  /\ sync[g] = "none"
  /\ executed[g] < submitted[g]
  /\ sync' = [sync EXCEPT ![g] = "wait"]
  /\ syncSb' = IF scoreboards THEN syncSb \cup {g} ELSE syncSb \ {g}
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle,
                 resetPending, resetInProgress, used, hung, runnable0, runnable1, idle0, idle1,
                 stoppedGroups, ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq,
                 statusAck, evtSync, evtIdle, evtFatal, evtOom, fwIdle, slotIdle, life, uaf,
                 gState, csgId, destroyed, timedout, fatal, unrec, badAck, oomWork, blocked,
                 waiting, syncUpd, timer, since, termPending, idle, submitted, executed,
                 signalled>>

(* The FW re-evaluates the signalled sync wait of slot i's queue and goes  *)
(* on.                                                                     *)
FwSyncResume(i) ==
  LET g == slotGroup[i]
  IN
  /\ ~hung
  /\ g # NoGroup
  /\ sync[g] = "signalled"
  /\ csgReq[i] = csgAck[i]
  /\ csgAck[i] \in {"start", "resume"}
  /\ sync' = [sync EXCEPT ![g] = "done"]
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle,
                 resetPending, resetInProgress, used, hung, runnable0, runnable1, idle0, idle1,
                 stoppedGroups, ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq,
                 statusAck, evtSync, evtIdle, evtFatal, evtOom, fwIdle, slotIdle, life, uaf,
                 gState, csgId, destroyed, timedout, fatal, unrec, badAck, oomWork, syncSb,
                 blocked, waiting, syncUpd, timer, since, termPending, idle, submitted, executed,
                 signalled>>

\* The outcomes of panthor_heap_grow: a new chunk, -ENOMEM (wait for fragments), a full heap
\* (a NULL chunk, incremental render), -EINVAL.
OomOutcomes == {"chunk", "enomem-wait", "enomem-full", "einval"}

(* The tiler-OOM work of group g (group_process_tiler_oom): under          *)
(* sched->lock, if the group is still bound, read the heap context from    *)
(* the CS; then, without the lock, panthor_heap_grow gives outcome.  An    *)
(* unbound group is left alone (the FW raises the OOM again after the next *)
(* resume).                                                                *)
OomGrow(g, outcome) ==
  /\ phase = "idle"
  /\ oomWork[g] = "queued"
  /\ oomWork' = [oomWork EXCEPT ![g] = IF csgId[g] = NoSlot THEN "none" ELSE outcome]
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle,
                 resetPending, resetInProgress, used, hung, runnable0, runnable1, idle0, idle1,
                 stoppedGroups, ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq,
                 statusAck, evtSync, evtIdle, evtFatal, evtOom, fwIdle, slotIdle, life, uaf,
                 gState, csgId, destroyed, timedout, fatal, unrec, badAck, sync, syncSb, blocked,
                 waiting, syncUpd, timer, since, termPending, idle, submitted, executed,
                 signalled>>

(* The end of group_process_tiler_oom: an error other than -ENOMEM makes   *)
(* the queue fatal and asks for a tick (variant tiler-oom-null-chunk: so   *)
(* does a full heap); otherwise, under sched->lock, if the group is still  *)
(* bound, the heap registers get the new chunk (or NULL) and TILER_OOM is  *)
(* acknowledged; if it was unbound in between, the chunk goes back to the  *)
(* heap (panthor_heap_return_chunk).                                       *)
OomFinish(g) ==
  LET out == oomWork[g]
      error == out = "einval" \/ (out = "enomem-full" /\ Bug("tiler-oom-null-chunk"))
  IN
  /\ phase = "idle"
  /\ out \in OomOutcomes
  /\ oomWork' = [oomWork EXCEPT ![g] = "none"]
  /\ fatal' = IF error THEN fatal \cup {g} ELSE fatal
  /\ tick' = IF error THEN RequestedTick ELSE tick
  /\ evtOom' = IF ~error /\ csgId[g] # NoSlot THEN evtOom \ {csgId[g]} ELSE evtOom
  /\ UNCHANGED <<stopped, elapsed, phase, full, deadline, stopTick, mightIdle, resetPending,
                 resetInProgress, used, hung, runnable0, runnable1, idle0, idle1, stoppedGroups,
                 ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq, statusAck,
                 evtSync, evtIdle, evtFatal, fwIdle, slotIdle, life, uaf, gState, csgId,
                 destroyed, timedout, unrec, badAck, sync, syncSb, blocked, waiting, syncUpd,
                 timer, since, termPending, idle, submitted, executed, signalled>>

(* The FW hangs: it answers nothing until the next reset reloads it.       *)
FwHang ==
  /\ Timeouts
  /\ ~hung
  /\ hung' = TRUE
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle,
                 resetPending, resetInProgress, used, runnable0, runnable1, idle0, idle1,
                 stoppedGroups, ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq,
                 statusAck, evtSync, evtIdle, evtFatal, evtOom, fwIdle, slotIdle, life, uaf,
                 gState, csgId, destroyed, timedout, fatal, unrec, badAck, oomWork, sync, syncSb,
                 blocked, waiting, syncUpd, timer, since, termPending, idle, submitted, executed,
                 signalled>>

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
  \/ TickFinish
  \/ WaitTimeout
  \/ ResetPre
  \/ ResetPost
  \/ TimesliceEnds
  \/ \E g \in GroupIds : CreatePublish(g) \/ CreateInit(g)
  \/ \E g \in GroupIds : SubmitJob(g)
  \/ \E g \in GroupIds : Destroy(g)
  \/ \E g \in GroupIds : TermWork(g)
  \/ SyncUpdWork
  \/ \E g \in GroupIds : EnvSignal(g)
  \/ \E g \in GroupIds : QueueTimePasses(g) \/ JobTimeout(g)
  \/ \E i \in SlotIds : EventsWork(i)
  \/ \E i \in SlotIds : FwStatusAck(i) \/ FwCsgAck(i) \/ FwRunJob(i) \/ FwIdle(i)
  \/ \E i \in SlotIds : \/ \E u \in BOOLEAN : FwCsFatal(i, u)
                        \/ FwCorruptAck(i)
                        \/ FwTilerOom(i)
                        \/ \E sb \in BOOLEAN : FwSyncWait(i, sb)
                        \/ FwSyncResume(i)
  \/ \E g \in GroupIds : \/ \E o \in OomOutcomes : OomGrow(g, o)
                         \/ OomFinish(g)
  \/ FwHang
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
                                       IN g \notin idle \cup blocked /\ GroupCanRun(g)
                                          /\ Band(g) = p}) < 2

\* A group with a job the FW has not finished, on a queue that is not blocked, is never
\* classified idle.
IdleMeansNoWork ==
  \A g \in GroupIds : GroupIsIdle(g) /\ g \notin blocked => executed[g] >= submitted[g]

\* Java "NoUseAfterFree" (with Create): no group is used after it was freed (a handle is
\* destroyable only once creation completed).
NoUseAfterFree == ~uaf

\* Java "BlockedIsWaiting" (with SyncWait): a group with a blocked queue is on the waiting list.
BlockedIsWaiting == blocked \subseteq Range(waiting)

\* Java "TimerTracksWork" (with JobTimeouts): between ticks, the timer of a queue with jobs in
\* flight runs while its group is resident and ACTIVE, or unbound, blocked on a sync object and
\* able to run with no reset in progress (time-boxing the external signal).
TimerTracksWork ==
  \/ phase # "idle"
  \/ \A g \in GroupIds :
       LET inFlight == signalled[g] < submitted[g] /\ g \notin timedout
           resident == csgId[g] # NoSlot /\ gState[g] = "active"
           waitingOnSignal == csgId[g] = NoSlot /\ g \in blocked /\ GroupCanRun(g)
                              /\ ~resetInProgress
       IN inFlight /\ (resident \/ waitingOnSignal) => TimerRunning(timer[g])


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
  [][\A g \in GroupIds : signalled'[g] >= signalled[g] /\ signalled'[g] <= submitted'[g]]_vars

\* Java "S-12": mid-tick preemption: a tick started before the timeslice ended evicts a
\* non-idle bound group only in favour of an RT group (checked on TickPick steps).
S12_MidTickPreemption ==
  [][TickPick =>
       \/ deadline'
       \/ \E g \in Range(ctx') : Band(g) = 1 /\ csgId'[g] = NoSlot
       \/ \A g \in Range(evicted') : g \in idle' \cup blocked' \/ ~GroupCanRun(g)']_vars

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
            IN \/ top = {}
               \/ head \notin Range(ctx') \/ head \in idle' \cup blocked'
               \/ Cardinality({g \in Range(ofBand) : g \notin idle' \cup blocked'}) < 2
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
  [][\A g \in GroupIds : JobTimeout(g) => since[g] = TMR_FULL]_vars

-----------------------------------------------------------------------------
(* Reachability witnesses of SchedProperties, as invariants that are       *)
(* expected to fail (TLC then shows a witness).  They are not in the cfg   *)
(* files.                                                                  *)

NotRotation ==
  ~(phase = "evict" /\ full /\ evicted # <<>> /\ (idle \cup blocked) \cap Range(evicted) = {})

NotRtPreemption ==
  ~(phase = "evict" /\ ~full /\ \E g \in Range(evicted) : g \notin idle \cup blocked /\ Band(g) = 0)

NotAllJobsSignalled == ~(\A g \in GroupIds : signalled[g] = submitted[g] /\ submitted[g] = Jobs)

NotTickStops == ~(phase = "idle" /\ stopped /\ used > 0 /\ tick = "none")

NotResetRecovers == ~(~resetPending /\ stoppedGroups = <<>> /\ used > 0 /\ timedout # {})

\* With Faults.
NotFatalTerminates == ~(fatal \ destroyed # {} /\ termPending # {})

\* With Oom.
NotOomNullChunk ==
  ~(/\ evtOom = {} /\ fatal = {} /\ signalled = submitted
    /\ \A g \in GroupIds : submitted[g] = Jobs
    /\ termPending = {} /\ ~resetPending /\ phase = "idle" /\ used > 0)

\* With Create.
NotCreatedGroupRuns == \A g \in GroupIds : executed[g] = 0

\* With JobTimeouts.
NotTerminatedAfterTimeout == \A g \in timedout : gState[g] # "terminated"

\* With SyncWait.
NotUnblockedAndDone == ~\E g \in GroupIds : sync[g] = "done" /\ signalled[g] = submitted[g]

NotWaitingGroupRescheduled ==
  ~\E g \in GroupIds : /\ sync[g] = "signalled" /\ csgId[g] = NoSlot
                       /\ g \in Range(Runnable(Band(g)))

=============================================================================
