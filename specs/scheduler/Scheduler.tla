----------------------------- MODULE Scheduler -----------------------------
(***************************************************************************)
(* The CSG scheduler of panthor (panthor_sched.c): the TLA+ twin of the    *)
(* Java model org.panthorverify.models.sched (SchedModel, SchedState,      *)
(* SchedAction, SchedProperties; model id 'scheduler', see                 *)
(* specs/scheduler/README.md).                                             *)
(*                                                                         *)
(* It covers the first part of the Java model: the tick, the run lists,    *)
(* slot priorities, job submission, idle events, the AS budget, FW hangs   *)
(* with their reset, and destroy. The later parts (Java configs faults,    *)
(* corrupt, oom, jobtimeouts, create, syncwait) are not in it yet: with    *)
(* those flags off, as in every MC file here, the Java variables evtFatal, *)
(* evtOom, life, uaf, fatal, unrec, badAck, oomWork, sync, syncSb,         *)
(* blocked, waiting, syncUpd, timer and since keep their initial values,   *)
(* and they are left out.                                                  *)
(*                                                                         *)
(* The other variables are the keys of SchedModel.describe, in the same    *)
(* order, and hold what describe shows, except that bit masks are sets     *)
(* here:                                                                   *)
(*   - enumerations are strings ("none"/"delayed"/"now",                   *)
(*     "idle"/"status"/"evict"/"bind", CSG_STATE and group-state names);   *)
(*   - run lists and ctx are sequences of group ids;                       *)
(*   - per-slot and per-group values are functions on SlotIds (0..Slots-1) *)
(*     and GroupIds (0..Groups-1); NoGroup (-1) is an empty slot, NoSlot   *)
(*     (-1) an unbound group;                                              *)
(*   - slot masks and group masks are sets of slot ids and group ids.      *)
(*                                                                         *)
(* Each state of the Java explorer maps to exactly one state here and      *)
(* back, so TLC must find the same number of distinct states and the same  *)
(* depth (13,788 / 56 for MC_small, 1,072,726 / 70 for MC_default,         *)
(* 1,267,892 / 60 for MC_destroy).                                         *)
(*                                                                         *)
(* Variant is the seeded bug switched on ("none" for the correct model),   *)
(* named as in SchedModel.VARIANTS (the six of the first part); Bug(v)     *)
(* tests it.                                                               *)
(*                                                                         *)
(* Where the Java code reaches a slot through csgId[g] and the spec        *)
(* through slotGroup[i] (or back), the two agree because S-1 (the slot     *)
(* bijection) holds in every reachable state.                              *)
(***************************************************************************)
EXTENDS Naturals, Integers, Sequences, FiniteSets

CONSTANTS
  Slots,         \* CSG slots, 1..4
  Groups,        \* groups (one queue each), 1..6
  Rt,            \* RT groups: groups 0 .. Rt-1 are RT, the others MEDIUM
  Jobs,          \* jobs each queue can be given over a behaviour, 1..3
  AsSlots,       \* user AS slots: the AS budget of a tick, 1..4
  Vms,           \* VMs: group g uses VM min(g, Vms - 1)
  Timeouts,      \* the FW may hang, so a CSG request may time out (and schedule a reset)
  GroupDestroy,  \* userspace may destroy groups (Java's SchedConfig.destroy)
  Variant        \* "none", or one variant name of SchedModel.VARIANTS

ASSUME Slots \in 1..4
ASSUME Groups \in 1..6
ASSUME Rt \in 0..Groups
ASSUME Jobs \in 1..3
ASSUME AsSlots \in 1..4
ASSUME Vms \in 1..Groups
ASSUME {Timeouts, GroupDestroy} \subseteq BOOLEAN
ASSUME Variant \in {"none", "full-tick-inverted", "stopped-tick-immediate", "prio-rotation",
                    "tick-not-resumed-on-submit", "immediate-tick-overruled", "idle-two-sources"}

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

\* The group ids and slot ids in ascending order, and the members of a set in that order.
GroupSeq == [k \in 1..Groups |-> k - 1]
SlotSeq == [k \in 1..Slots |-> k - 1]
GroupsInOrder(S) == SelectSeq(GroupSeq, LAMBDA g : g \in S)
SlotsInOrder(S) == SelectSeq(SlotSeq, LAMBDA i : i \in S)

\* A toggle: the symmetric difference of two sets (XOR of two bit masks).
Toggle(S, T) == (S \ T) \cup (T \ S)

\* csg_slot_sync_state_locked: the group state from the acked CSG_STATE.
StateFromAck(ack) ==
  CASE ack \in {"start", "resume"} -> "active"
    [] ack = "suspend" -> "suspended"
    [] OTHER -> "terminated"

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
  stoppedGroups,    \* reset.stopped_groups, a set of groups
  ctx,              \* the running tick's chosen groups in pick order
  evicted,          \* the running tick's evicted groups (left in old_groups), a set
  slotGroup,        \* per slot: the bound group, or NoGroup
  slotPrio,         \* per slot: the FW slot priority (0..15)
  csgReq,           \* per slot: CSG_STATE request ("terminate", "start", "suspend", "resume")
  csgAck,           \* per slot: CSG_STATE echoed by the FW
  statusReq,        \* slots whose STATUS_UPDATE request toggle bit is set
  statusAck,        \* slots whose STATUS_UPDATE ack toggle bit is set
  evtSync,          \* slots with a CSG_SYNC_UPDATE event raised and not yet processed
  evtIdle,          \* slots with a CSG_IDLE event raised and not yet processed
  fwIdle,           \* slots whose queue the FW saw drain (it raised CSG_IDLE once)
  slotIdle,         \* slots whose idleness was cached at the last STATUS_UPDATE
                    \*   (only variant idle-two-sources reads it)
  gState,           \* per group: "created", "active", "suspended", "terminated", "unknown"
  csgId,            \* per group: its slot, or NoSlot
  destroyed,        \* groups with destroyed set
  timedout,         \* groups with timedout set
  termPending,      \* groups whose term work is queued
  idle,             \* groups whose queue is in idle_queues
  submitted,        \* per group: jobs that reached queue_run_job (the last seqno)
  executed,         \* per group: jobs the FW finished (the queue's sync object)
  signalled         \* per group: done fences signalled

vars == <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle, resetPending,
          resetInProgress, used, hung, runnable0, runnable1, idle0, idle1, stoppedGroups, ctx,
          evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq, statusAck, evtSync, evtIdle,
          fwIdle, slotIdle, gState, csgId, destroyed, timedout, termPending, idle, submitted,
          executed, signalled>>

CsgStates == {"terminate", "start", "suspend", "resume"}
GroupStates == {"created", "active", "suspended", "terminated", "unknown"}

\* A run list: a sequence of distinct group ids.
IsList(s) == s \in Seq(GroupIds) /\ Len(s) = Cardinality(Range(s))

TypeOK ==
  /\ tick \in {"none", "delayed", "now"}
  /\ phase \in {"idle", "status", "evict", "bind"}
  /\ {stopped, elapsed, full, deadline, stopTick, mightIdle, resetPending, resetInProgress,
      hung} \subseteq BOOLEAN
  /\ used \in 0..Slots
  /\ IsList(runnable0) /\ IsList(runnable1) /\ IsList(idle0) /\ IsList(idle1) /\ IsList(ctx)
  /\ {stoppedGroups, evicted, destroyed, timedout, termPending, idle} \subseteq SUBSET GroupIds
  /\ slotGroup \in [SlotIds -> GroupIds \cup {NoGroup}]
  /\ slotPrio \in [SlotIds -> 0..MAX_CSG_PRIO]
  /\ csgReq \in [SlotIds -> CsgStates]
  /\ csgAck \in [SlotIds -> CsgStates]
  /\ {statusReq, statusAck, evtSync, evtIdle, fwIdle, slotIdle} \subseteq SUBSET SlotIds
  /\ gState \in [GroupIds -> GroupStates]
  /\ csgId \in [GroupIds -> SlotIds \cup {NoSlot}]
  /\ submitted \in [GroupIds -> 0..Jobs]
  /\ executed \in [GroupIds -> 0..Jobs]
  /\ signalled \in [GroupIds -> 0..Jobs]

(* panthor_sched_init and the creation of every group (panthor_group_create): *)
(* all groups CREATED with their queue idle, on idle[prio] in creation       *)
(* order; no slot used; the periodic tick stopped; the first timeslice       *)
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
  /\ idle0 = SelectSeq(GroupSeq, LAMBDA g : Band(g) = 0)
  /\ idle1 = SelectSeq(GroupSeq, LAMBDA g : Band(g) = 1)
  /\ stoppedGroups = {}
  /\ ctx = <<>>
  /\ evicted = {}
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
  /\ idle = GroupIds
  /\ submitted = [g \in GroupIds |-> 0]
  /\ executed = [g \in GroupIds |-> 0]
  /\ signalled = [g \in GroupIds |-> 0]

-----------------------------------------------------------------------------
(* Kernel helpers (the static methods of SchedModel).                      *)

\* The run lists of a band.
Runnable(p) == IF p = 1 THEN runnable1 ELSE runnable0
IdleList(p) == IF p = 1 THEN idle1 ELSE idle0

\* The occupied slots and the bound groups.
BoundSlots == {i \in SlotIds : slotGroup[i] # NoGroup}
BoundGroups == {slotGroup[i] : i \in BoundSlots}

\* group_can_run: not TERMINATED/UNKNOWN, not destroyed, not timed out.
GroupCanRun(g) ==
  gState[g] \notin {"terminated", "unknown"} /\ g \notin destroyed /\ g \notin timedout

\* group_is_idle, with the idle set and the cached slot idleness given: variant
\* idle-two-sources reads a resident group's idleness from its slot's cached status.
GroupIsIdleIn(g, idleSet, slotIdleSet) ==
  IF Bug("idle-two-sources") /\ csgId[g] # NoSlot THEN csgId[g] \in slotIdleSet
  ELSE g \in idleSet

GroupIsIdle(g) == GroupIsIdleIn(g, idle, slotIdle)

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

\* The FW runs the group on a slot: its START or RESUME is acked.
Running(i) ==
  slotGroup[i] # NoGroup /\ csgReq[i] = csgAck[i] /\ csgAck[i] \in {"start", "resume"}

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
                 slotGroup, slotPrio, csgReq, csgAck, statusAck, evtSync, evtIdle, fwIdle,
                 slotIdle, gState, csgId, destroyed, timedout, termPending, idle, submitted,
                 executed, signalled>>

(* Every STATUS_UPDATE is acked: cs_slot_sync_queue_state_locked refreshes *)
(* each bound queue's idle bit; the groups are picked (pre-pass, non-idle  *)
(* pass with rotation, idle pass: tick_ctx_pick_groups_from_list); batch 1 *)
(* of tick_ctx_apply sends SUSPEND (or TERMINATE if it cannot run) to each *)
(* evicted group and the new slot priorities (ENDPOINT_CONFIG) to the      *)
(* chosen bound ones.                                                      *)
TickPick ==
  LET syncedIdle == {g \in GroupIds : IF g \in BoundGroups THEN executed[g] = submitted[g]
                                      ELSE g \in idle}
      syncedSlotIdle == IF Bug("idle-two-sources")  \* only the variant reads the cached copy
                          THEN {i \in SlotIds :
                                  IF i \in BoundSlots
                                    THEN executed[slotGroup[i]] = submitted[slotGroup[i]]
                                    ELSE i \in slotIdle}
                          ELSE slotIdle
      isIdle == [g \in GroupIds |-> GroupIsIdleIn(g, syncedIdle, syncedSlotIdle)]
      w == PickGroups(isIdle)
      chosen == w.tc.groups[1] \o w.tc.groups[0]
      left == Range(w.old[0]) \cup Range(w.old[1])
  IN
  /\ phase = "status"
  /\ statusReq = statusAck
  /\ idle' = syncedIdle
  /\ slotIdle' = syncedSlotIdle
  /\ runnable0' = w.run[0]
  /\ runnable1' = w.run[1]
  /\ idle0' = w.idl[0]
  /\ idle1' = w.idl[1]
  /\ ctx' = chosen
  /\ evicted' = left
  /\ stopTick' = w.tc.stopTick
  /\ csgReq' = [i \in SlotIds |->
                  IF slotGroup[i] \in left
                    THEN IF GroupCanRun(slotGroup[i]) THEN "suspend" ELSE "terminate"
                    ELSE csgReq[i]]
  /\ slotPrio' = [i \in SlotIds |->
                    IF slotGroup[i] # NoGroup /\ slotGroup[i] \in Range(chosen)
                      THEN MAX_CSG_PRIO + 1 - Pos(chosen, slotGroup[i])
                      ELSE slotPrio[i]]
  /\ phase' = "evict"
  /\ UNCHANGED <<tick, stopped, elapsed, full, deadline, mightIdle, resetPending,
                 resetInProgress, used, hung, stoppedGroups, slotGroup, csgAck, statusReq,
                 statusAck, evtSync, evtIdle, fwIdle, gState, csgId, destroyed, timedout,
                 termPending, submitted, executed, signalled>>

\* Every evicted group's SUSPEND/TERMINATE is acked.
EvictAcked == \A g \in evicted : csgReq[csgId[g]] = csgAck[csgId[g]]

(* Batch 1 acked: each evicted group takes its state from the ack          *)
(* (csg_slot_sync_state_locked), its pending CSG IRQs are processed        *)
(* (sched_process_csg_irq_locked) and it is unbound (group_unbind_locked); *)
(* in group order, it goes back on the tail of a run list if it can run,   *)
(* else its term work is queued.  Batch 2: each chosen unbound group, in   *)
(* pick order, is bound to the lowest free slot (group_bind_locked,        *)
(* csg_slot_prog_locked) with RESUME if it was SUSPENDED, else START: the  *)
(* k-th group to bind gets the k-th free slot.                             *)
TickEvictDone ==
  LET evSlots == {csgId[g] : g \in evicted}
      gs == [g \in GroupIds |-> IF g \in evicted THEN StateFromAck(csgAck[csgId[g]])
                                ELSE gState[g]]
      canRun(g) == gs[g] \notin {"terminated", "unknown"} /\ g \notin destroyed
                   /\ g \notin timedout
      requeued == GroupsInOrder({g \in evicted : canRun(g)})
      idleEvt == evSlots \cap evtIdle # {}
      unboundId == [g \in GroupIds |-> IF g \in evicted THEN NoSlot ELSE csgId[g]]
      freedGroup == [i \in SlotIds |-> IF i \in evSlots THEN NoGroup ELSE slotGroup[i]]
      toBind == SelectSeq(ctx, LAMBDA g : unboundId[g] = NoSlot)
      free == SelectSeq(SlotSeq, LAMBDA i : freedGroup[i] = NoGroup)
      bindK == 1..Len(toBind)
      newSlots == {free[k] : k \in bindK}
  IN
  /\ phase = "evict"
  /\ EvictAcked
  /\ gState' = gs
  /\ signalled' = [g \in GroupIds |-> IF g \in evicted /\ csgId[g] \in evtSync
                                        THEN Max(signalled[g], executed[g])
                                        ELSE signalled[g]]
  /\ mightIdle' = (mightIdle \/ idleEvt)
  /\ tick' = IF idleEvt THEN RequestedTick ELSE tick
  /\ evtSync' = evtSync \ evSlots
  /\ evtIdle' = evtIdle \ evSlots
  /\ fwIdle' = fwIdle \ (evSlots \cup newSlots)
  /\ slotIdle' = slotIdle \ evSlots
  \* after group_unbind_locked the variant's cached idleness no longer applies: idle decides
  /\ runnable0' = runnable0 \o SelectSeq(requeued, LAMBDA g : Band(g) = 0 /\ g \notin idle)
  /\ runnable1' = runnable1 \o SelectSeq(requeued, LAMBDA g : Band(g) = 1 /\ g \notin idle)
  /\ idle0' = idle0 \o SelectSeq(requeued, LAMBDA g : Band(g) = 0 /\ g \in idle)
  /\ idle1' = idle1 \o SelectSeq(requeued, LAMBDA g : Band(g) = 1 /\ g \in idle)
  /\ termPending' = termPending \cup {g \in evicted : ~canRun(g)}
  /\ evicted' = {}
  /\ slotGroup' = [i \in SlotIds |-> IF \E k \in bindK : free[k] = i
                                       THEN toBind[CHOOSE k \in bindK : free[k] = i]
                                       ELSE freedGroup[i]]
  /\ csgId' = [g \in GroupIds |-> IF \E k \in bindK : toBind[k] = g
                                    THEN free[CHOOSE k \in bindK : toBind[k] = g]
                                    ELSE unboundId[g]]
  /\ slotPrio' = [i \in SlotIds |-> IF \E k \in bindK : free[k] = i
                                      THEN LET g == toBind[CHOOSE k \in bindK : free[k] = i]
                                           IN MAX_CSG_PRIO + 1 - Pos(ctx, g)
                                      ELSE slotPrio[i]]
  /\ csgReq' = [i \in SlotIds |-> IF \E k \in bindK : free[k] = i
                                    THEN LET g == toBind[CHOOSE k \in bindK : free[k] = i]
                                         IN IF gs[g] = "suspended" THEN "resume" ELSE "start"
                                    ELSE csgReq[i]]
  /\ phase' = "bind"
  /\ UNCHANGED <<stopped, elapsed, full, deadline, stopTick, resetPending, resetInProgress,
                 used, hung, stoppedGroups, ctx, csgAck, statusReq, statusAck, destroyed,
                 timedout, idle, submitted, executed>>

(* Batch 2 acked: the chosen groups take their state from the ack (ACTIVE);*)
(* used_csg_slot_count and might_have_idle_groups are updated; the tick    *)
(* re-arms (last_tick := now; stopped if stop_tick, else queued for the    *)
(* next timeslice) and releases sched->lock (end of tick_work).            *)
TickFinish ==
  /\ phase = "bind"
  /\ csgReq = csgAck
  /\ gState' = [g \in GroupIds |-> IF g \in Range(ctx) THEN StateFromAck(csgAck[csgId[g]])
                                   ELSE gState[g]]
  /\ used' = Cardinality(BoundSlots)
  /\ mightIdle' = \E g \in Range(ctx) : GroupIsIdle(g)
  /\ elapsed' = FALSE
  /\ stopped' = stopTick
  /\ tick' = IF ~stopTick /\ tick = "none" THEN "delayed" ELSE tick
  /\ ctx' = <<>>
  /\ full' = FALSE
  /\ deadline' = FALSE
  /\ stopTick' = FALSE
  /\ phase' = "idle"
  /\ UNCHANGED <<resetPending, resetInProgress, hung, runnable0, runnable1, idle0, idle1,
                 stoppedGroups, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq,
                 statusAck, evtSync, evtIdle, fwIdle, slotIdle, csgId, destroyed, timedout,
                 termPending, idle, submitted, executed, signalled>>

(* csgs_upd_ctx_apply_locked times out (100 ms) on a batch: a device reset *)
(* is scheduled (panthor_device_schedule_reset) and the tick gives up      *)
(* (tick_ctx_cleanup: chosen groups that are not bound go back on the tail *)
(* of their run list, in pick order) without re-arming.  Only a hung FW    *)
(* lets a wait time out.                                                   *)
WaitTimeout ==
  LET back == SelectSeq(ctx, LAMBDA g : csgId[g] = NoSlot /\ GroupCanRun(g))
      backTo(p, isIdle) == SelectSeq(back, LAMBDA g : Band(g) = p /\ GroupIsIdle(g) = isIdle)
  IN
  /\ hung
  /\ phase # "idle"
  /\ CASE phase = "status" -> statusReq # statusAck
       [] phase = "evict" -> ~EvictAcked
       [] OTHER -> csgReq # csgAck
  /\ resetPending' = TRUE
  /\ tick' = "none"
  /\ runnable0' = runnable0 \o backTo(0, FALSE)
  /\ runnable1' = runnable1 \o backTo(1, FALSE)
  /\ idle0' = idle0 \o backTo(0, TRUE)
  /\ idle1' = idle1 \o backTo(1, TRUE)
  /\ ctx' = <<>>
  /\ evicted' = {}
  /\ phase' = "idle"
  /\ full' = FALSE
  /\ deadline' = FALSE
  /\ stopTick' = FALSE
  /\ UNCHANGED <<stopped, elapsed, mightIdle, resetInProgress, used, hung, stoppedGroups,
                 slotGroup, slotPrio, csgReq, csgAck, statusReq, statusAck, evtSync, evtIdle,
                 fwIdle, slotIdle, gState, csgId, destroyed, timedout, termPending, idle,
                 submitted, executed, signalled>>

(* Time passes: the current timeslice ends (now >= last_tick +             *)
(* tick_period).                                                           *)
TimesliceEnds ==
  /\ ~elapsed
  /\ elapsed' = TRUE
  /\ UNCHANGED <<tick, stopped, phase, full, deadline, stopTick, mightIdle, resetPending,
                 resetInProgress, used, hung, runnable0, runnable1, idle0, idle1, stoppedGroups,
                 ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq, statusAck,
                 evtSync, evtIdle, fwIdle, slotIdle, gState, csgId, destroyed, timedout,
                 termPending, idle, submitted, executed, signalled>>

(* queue_run_job for group g's queue (drm_sched stops the queues during a  *)
(* reset; a group that cannot run fails the job before it takes a seqno).  *)
(* The job gets the next seqno.  An unbound group goes through             *)
(* group_schedule_locked: its idle bit is cleared, if it was idle it moves *)
(* from idle[p] to the tail of runnable[p], and the tick is decided: an    *)
(* immediate tick for RT or when might_have_idle_groups, else an immediate *)
(* tick if the periodic tick runs and a slot is free, else                 *)
(* sched_resume_tick if the tick is stopped.  A bound group clears its     *)
(* idle bit, resumes a stopped tick if it was idle (sched_resume_tick;     *)
(* variant tick-not-resumed-on-submit forgets), and rings its doorbell.    *)
SubmitJob(g) ==
  LET isBound == csgId[g] # NoSlot
      wasIdle == GroupIsIdle(g)
      same == [stopped |-> stopped, tick |-> tick]
      requested == [stopped |-> stopped, tick |-> RequestedTick]
      t == IF isBound
             THEN IF wasIdle /\ stopped /\ ~Bug("tick-not-resumed-on-submit")
                    THEN ResumedTick ELSE same
           ELSE IF Band(g) = 1 \/ mightIdle THEN requested
           ELSE IF ~stopped THEN (IF used < Slots THEN requested ELSE same)
           ELSE ResumedTick
      move == ~isBound /\ wasIdle
  IN
  /\ phase = "idle"
  /\ ~resetInProgress
  /\ g \notin destroyed
  /\ submitted[g] < Jobs
  /\ GroupCanRun(g)
  /\ submitted' = [submitted EXCEPT ![g] = @ + 1]
  /\ idle' = idle \ {g}
  /\ stopped' = t.stopped
  /\ tick' = t.tick
  \* unlink, then the tail of runnable[band]
  /\ runnable0' = IF move THEN Remove(runnable0, g) \o (IF Band(g) = 0 THEN <<g>> ELSE <<>>)
                  ELSE runnable0
  /\ runnable1' = IF move THEN Remove(runnable1, g) \o (IF Band(g) = 1 THEN <<g>> ELSE <<>>)
                  ELSE runnable1
  /\ idle0' = IF move THEN Remove(idle0, g) ELSE idle0
  /\ idle1' = IF move THEN Remove(idle1, g) ELSE idle1
  /\ stoppedGroups' = IF move THEN stoppedGroups \ {g} ELSE stoppedGroups
  /\ UNCHANGED <<elapsed, phase, full, deadline, stopTick, mightIdle, resetPending,
                 resetInProgress, used, hung, ctx, evicted, slotGroup, slotPrio, csgReq, csgAck,
                 statusReq, statusAck, evtSync, evtIdle, fwIdle, slotIdle, gState, csgId,
                 destroyed, timedout, termPending, executed, signalled>>

(* panthor_group_destroy: destroyed := TRUE; a bound group is left to an   *)
(* immediate tick, which terminates it; an unbound one is unlinked from    *)
(* every list and its term work queued, unless a reset is in progress      *)
(* (panthor_sched_post_reset handles it).                                  *)
Destroy(g) ==
  LET unlink == csgId[g] = NoSlot /\ ~resetInProgress
  IN
  /\ GroupDestroy
  /\ phase = "idle"
  /\ g \notin destroyed
  /\ destroyed' = destroyed \cup {g}
  /\ tick' = IF csgId[g] # NoSlot THEN RequestedTick ELSE tick
  /\ runnable0' = IF unlink THEN Remove(runnable0, g) ELSE runnable0
  /\ runnable1' = IF unlink THEN Remove(runnable1, g) ELSE runnable1
  /\ idle0' = IF unlink THEN Remove(idle0, g) ELSE idle0
  /\ idle1' = IF unlink THEN Remove(idle1, g) ELSE idle1
  /\ stoppedGroups' = IF unlink THEN stoppedGroups \ {g} ELSE stoppedGroups
  /\ termPending' = IF unlink THEN termPending \cup {g} ELSE termPending
  /\ UNCHANGED <<stopped, elapsed, phase, full, deadline, stopTick, mightIdle, resetPending,
                 resetInProgress, used, hung, ctx, evicted, slotGroup, slotPrio, csgReq, csgAck,
                 statusReq, statusAck, evtSync, evtIdle, fwIdle, slotIdle, gState, csgId,
                 timedout, idle, submitted, executed, signalled>>

(* group_term_post_processing: every in-flight job's fence is signalled    *)
(* with an error, and the queue's sync object is set to the last seqno so  *)
(* that waiters are released.                                              *)
TermWork(g) ==
  /\ g \in termPending
  /\ termPending' = termPending \ {g}
  /\ executed' = [executed EXCEPT ![g] = submitted[g]]
  /\ signalled' = [signalled EXCEPT ![g] = submitted[g]]
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle,
                 resetPending, resetInProgress, used, hung, runnable0, runnable1, idle0, idle1,
                 stoppedGroups, ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq,
                 statusAck, evtSync, evtIdle, fwIdle, slotIdle, gState, csgId, destroyed,
                 timedout, idle, submitted>>

(* process_fw_events_work for slot i's CSG events (under sched->lock):     *)
(* sched_process_csg_irq_locked.  A sync update signals the finished jobs  *)
(* in order (queue_check_job_completion); an idle event sets               *)
(* might_have_idle_groups and asks for an immediate tick                   *)
(* (csg_slot_process_idle_event_locked).                                   *)
EventsWork(i) ==
  LET g == slotGroup[i]
  IN
  /\ phase = "idle"
  /\ i \in evtSync \cup evtIdle
  /\ signalled' = IF i \in evtSync /\ g # NoGroup
                    THEN [signalled EXCEPT ![g] = Max(@, executed[g])]
                    ELSE signalled
  /\ mightIdle' = (mightIdle \/ i \in evtIdle)
  /\ tick' = IF i \in evtIdle THEN RequestedTick ELSE tick
  /\ evtSync' = evtSync \ {i}
  /\ evtIdle' = evtIdle \ {i}
  /\ UNCHANGED <<stopped, elapsed, phase, full, deadline, stopTick, resetPending,
                 resetInProgress, used, hung, runnable0, runnable1, idle0, idle1, stoppedGroups,
                 ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq, statusAck, fwIdle,
                 slotIdle, gState, csgId, destroyed, timedout, termPending, idle, submitted,
                 executed>>

(* The reset work's panthor_sched_pre_reset: reset.in_progress := TRUE, the*)
(* tick cancelled, and panthor_sched_suspend: every occupied slot is       *)
(* suspended (or terminated if its group cannot run) and its queue state   *)
(* synced; with a hung FW the requests time out and the groups are forced  *)
(* TERMINATED with timedout set.  The slots' CSG IRQs are processed (the   *)
(* tick is not queued: a reset is in progress) and every slot is unbound   *)
(* (group_unbind_locked); groups that can run go to the head of idle[p],   *)
(* the others get their term work.  Then every group on a run list moves   *)
(* to stopped_groups.  The waits inside are one step here.                 *)
ResetPre ==
  LET req(i) == IF GroupCanRun(slotGroup[i]) THEN "suspend" ELSE "terminate"
      gs == [g \in GroupIds |-> IF g \in BoundGroups
                                  THEN IF hung THEN "terminated"
                                       ELSE StateFromAck(req(csgId[g]))
                                  ELSE gState[g]]
      to == IF hung THEN timedout \cup BoundGroups ELSE timedout
      canRun(g) == gs[g] \notin {"terminated", "unknown"} /\ g \notin destroyed /\ g \notin to
  IN
  /\ resetPending
  /\ ~resetInProgress
  /\ phase = "idle"
  /\ resetInProgress' = TRUE
  /\ tick' = "none"
  /\ csgReq' = [i \in SlotIds |-> IF i \in BoundSlots /\ ~hung THEN req(i) ELSE csgReq[i]]
  /\ csgAck' = [i \in SlotIds |-> IF i \in BoundSlots /\ ~hung THEN req(i) ELSE csgAck[i]]
  /\ gState' = gs
  /\ timedout' = to
  /\ idle' = IF hung THEN idle
             ELSE {g \in GroupIds : IF g \in BoundGroups THEN executed[g] = submitted[g]
                                    ELSE g \in idle}
  /\ signalled' = [g \in GroupIds |-> IF g \in BoundGroups /\ csgId[g] \in evtSync
                                        THEN Max(signalled[g], executed[g])
                                        ELSE signalled[g]]
  /\ mightIdle' = (mightIdle \/ BoundSlots \cap evtIdle # {})
  /\ evtSync' = evtSync \ BoundSlots
  /\ evtIdle' = evtIdle \ BoundSlots
  /\ fwIdle' = fwIdle \ BoundSlots
  /\ slotIdle' = slotIdle \ BoundSlots  \* the variant's cached copy dies with the unbind
  /\ slotGroup' = [i \in SlotIds |-> NoGroup]
  /\ csgId' = [g \in GroupIds |-> IF g \in BoundGroups THEN NoSlot ELSE csgId[g]]
  /\ termPending' = termPending \cup {g \in BoundGroups : ~canRun(g)}
  /\ stoppedGroups' = stoppedGroups \cup Range(runnable0) \cup Range(runnable1)
                        \cup Range(idle0) \cup Range(idle1) \cup {g \in BoundGroups : canRun(g)}
  /\ runnable0' = <<>>
  /\ runnable1' = <<>>
  /\ idle0' = <<>>
  /\ idle1' = <<>>
  /\ used' = 0
  /\ UNCHANGED <<stopped, elapsed, phase, full, deadline, stopTick, resetPending, hung, ctx,
                 evicted, slotPrio, statusReq, statusAck, destroyed, submitted, executed>>

(* The reset work reloads the FW (every slot empty, the FW answers again), *)
(* clears reset.pending, and panthor_sched_post_reset: each stopped group, *)
(* in group order, goes back on the tail of its run list if it can run     *)
(* (else term), in_progress := FALSE, and an immediate tick.               *)
ResetPost ==
  LET back == GroupsInOrder({g \in stoppedGroups : GroupCanRun(g)})
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
  /\ runnable0' = runnable0 \o backTo(0, FALSE)
  /\ runnable1' = runnable1 \o backTo(1, FALSE)
  /\ idle0' = idle0 \o backTo(0, TRUE)
  /\ idle1' = idle1 \o backTo(1, TRUE)
  /\ termPending' = termPending \cup {g \in stoppedGroups : ~GroupCanRun(g)}
  /\ stoppedGroups' = {}
  /\ resetInProgress' = FALSE
  /\ tick' = "now"  \* requestTick, with neither a reset pending nor one in progress
  /\ UNCHANGED <<stopped, elapsed, phase, full, deadline, stopTick, mightIdle, used, ctx,
                 evicted, slotGroup, slotPrio, evtSync, evtIdle, fwIdle, slotIdle, gState, csgId,
                 destroyed, timedout, idle, submitted, executed, signalled>>

(* The FW answers slot i's STATUS_UPDATE request.                          *)
FwStatusAck(i) ==
  /\ ~hung
  /\ i \in Toggle(statusReq, statusAck)
  /\ statusAck' = Toggle(statusAck, {i})
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle,
                 resetPending, resetInProgress, used, hung, runnable0, runnable1, idle0, idle1,
                 stoppedGroups, ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq,
                 evtSync, evtIdle, fwIdle, slotIdle, gState, csgId, destroyed, timedout,
                 termPending, idle, submitted, executed, signalled>>

(* The FW acts on slot i's CSG_STATE request and echoes it in ack.         *)
FwCsgAck(i) ==
  /\ ~hung
  /\ csgReq[i] # csgAck[i]
  /\ csgAck' = [csgAck EXCEPT ![i] = csgReq[i]]
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle,
                 resetPending, resetInProgress, used, hung, runnable0, runnable1, idle0, idle1,
                 stoppedGroups, ctx, evicted, slotGroup, slotPrio, csgReq, statusReq, statusAck,
                 evtSync, evtIdle, fwIdle, slotIdle, gState, csgId, destroyed, timedout,
                 termPending, idle, submitted, executed, signalled>>

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
                 statusAck, evtIdle, slotIdle, gState, csgId, destroyed, timedout, termPending,
                 idle, submitted, signalled>>

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
                 statusAck, evtSync, slotIdle, gState, csgId, destroyed, timedout, termPending,
                 idle, submitted, executed, signalled>>

(* The FW hangs: it answers nothing until the next reset reloads it.       *)
FwHang ==
  /\ Timeouts
  /\ ~hung
  /\ hung' = TRUE
  /\ UNCHANGED <<tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle,
                 resetPending, resetInProgress, used, runnable0, runnable1, idle0, idle1,
                 stoppedGroups, ctx, evicted, slotGroup, slotPrio, csgReq, csgAck, statusReq,
                 statusAck, evtSync, evtIdle, fwIdle, slotIdle, gState, csgId, destroyed,
                 timedout, termPending, idle, submitted, executed, signalled>>

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
  \/ \E g \in GroupIds : SubmitJob(g)
  \/ \E g \in GroupIds : Destroy(g)
  \/ \E g \in GroupIds : TermWork(g)
  \/ \E i \in SlotIds : EventsWork(i)
  \/ \E i \in SlotIds : FwStatusAck(i)
  \/ \E i \in SlotIds : FwCsgAck(i)
  \/ \E i \in SlotIds : FwRunJob(i)
  \/ \E i \in SlotIds : FwIdle(i)
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
             + Occurrences(idle1, g) + (IF g \in stoppedGroups THEN 1 ELSE 0)
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
                                       IN g \notin idle /\ GroupCanRun(g) /\ Band(g) = p}) < 2

\* A group with a job the FW has not finished is never classified idle.
IdleMeansNoWork == \A g \in GroupIds : GroupIsIdle(g) => executed[g] >= submitted[g]

-----------------------------------------------------------------------------
(* Action properties (SchedProperties), as [][...]_vars.                   *)

\* Java "S-8": no resurrection: a group that cannot run is never bound again, TERMINATED and
\* UNKNOWN are absorbing, and a bound group that cannot run is only sent TERMINATE.
S8_NoResurrection ==
  [][\A g \in GroupIds :
       /\ gState[g] \in {"terminated", "unknown"} => gState'[g] = gState[g]
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
       \/ \A g \in evicted' : g \in idle' \/ ~GroupCanRun(g)']_vars

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
               \/ head \notin Range(ctx') \/ head \in idle'
               \/ Cardinality({g \in Range(ofBand) : g \notin idle'}) < 2
               \/ Head(ofBand) # head]_vars

\* A pending immediate tick is never postponed before it runs.
ImmediateTickKept ==
  [][tick = "now" => tick' = "now" \/ TickStart \/ resetPending \/ resetPending']_vars

-----------------------------------------------------------------------------
(* Reachability witnesses of SchedProperties, as invariants that are       *)
(* expected to fail (TLC then shows a witness).  They are not in the cfg   *)
(* files.                                                                  *)

NotRotation == ~(phase = "evict" /\ full /\ evicted # {} /\ idle \cap evicted = {})

NotRtPreemption ==
  ~(phase = "evict" /\ ~full /\ \E g \in evicted : g \notin idle /\ Band(g) = 0)

NotAllJobsSignalled == ~(\A g \in GroupIds : signalled[g] = submitted[g] /\ submitted[g] = Jobs)

NotTickStops == ~(phase = "idle" /\ stopped /\ used > 0 /\ tick = "none")

NotResetRecovers == ~(~resetPending /\ stoppedGroups = {} /\ used > 0 /\ timedout # {})

=============================================================================
