package org.panthorverify.models.sched;

import static org.panthorverify.models.sched.SchedModel.CSG_TERMINATE;
import static org.panthorverify.models.sched.SchedModel.G_ACTIVE;
import static org.panthorverify.models.sched.SchedModel.G_TERMINATED;
import static org.panthorverify.models.sched.SchedModel.G_UNKNOWN;
import static org.panthorverify.models.sched.SchedModel.PH_IDLE;
import static org.panthorverify.models.sched.SchedModel.TICK_NONE;
import static org.panthorverify.models.sched.SchedModel.TICK_NOW;
import static org.panthorverify.models.sched.SchedModel.bit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.panthorverify.core.Property;
import org.panthorverify.models.sched.SchedState.B;
import org.panthorverify.models.sched.SchedState.Pack;

/**
 * The scheduler's properties: S-1 ... S-12 of the reference (section 3.14) that this model
 * covers, the bug-zoo properties of the tick, and reachability witnesses.
 */
final class SchedProperties {
  private SchedProperties() {}

  static List<Property<SchedState, SchedAction>> all(SchedModel m) {
    SchedConfig c = m.config();
    int slots = c.slots();
    int groups = c.groups();
    int queues = c.queueCount();
    List<Property<SchedState, SchedAction>> out = new ArrayList<>();
    out.add(Property.invariant("S-1",
        "slot bijection: slot i holds group g exactly when g.csg_id = i",
        s -> {
          B b = s.view(slots, groups);
          for (int i = 0; i < slots; i++) {
            if (b.slotGroup[i] >= 0 && b.csgId[b.slotGroup[i]] != i) {
              return false;
            }
          }
          for (int g = 0; g < groups; g++) {
            if (b.csgId[g] >= 0 && b.slotGroup[b.csgId[g]] != g) {
              return false;
            }
          }
          return true;
        }));
    out.add(Property.invariant("S-2",
        "slot count: used_csg_slot_count never exceeds the slots",
        s -> s.used() <= slots));
    out.add(Property.invariant("S-3",
        "list exclusivity: every group is on at most one list; between ticks a bound group and"
            + " a terminated group are on none",
        s -> listsExclusive(s, c)));
    out.add(Property.invariant("S-4", "ACTIVE implies bound",
        s -> {
          B b = s.view(slots, groups);
          for (int g = 0; g < groups; g++) {
            if (b.gState[g] == G_ACTIVE && b.csgId[g] < 0) {
              return false;
            }
          }
          return true;
        }));
    out.add(Property.invariant("S-6",
        "AS budget: the bound groups use at most as_slot_count distinct VMs",
        s -> {
          B b = s.view(slots, groups);
          Set<Integer> vms = new HashSet<>();
          for (int g : b.slotGroup) {
            if (g >= 0) {
              vms.add(c.vm(g));
            }
          }
          return vms.size() <= c.asSlots();
        }));
    out.add(Property.invariant("S-7",
        "distinct priorities: after a successful tick, the bound groups' slot priorities are"
            + " pairwise distinct (a failed tick schedules a reset, which unbinds them all)",
        s -> {
          if (s.phase() != PH_IDLE || s.resetPending() || s.resetInProgress()) {
            return true;
          }
          B b = s.view(slots, groups);
          Set<Integer> seen = new HashSet<>();
          for (int i = 0; i < slots; i++) {
            if (b.slotGroup[i] >= 0 && !seen.add(b.slotPrio[i])) {
              return false;
            }
          }
          return true;
        }));
    out.add(Property.action("S-8",
        "no resurrection: a group that cannot run is never bound again, a TERMINATED or UNKNOWN"
            + " group stays one of them, and a bound group that cannot run is only sent TERMINATE",
        (s, a, t) -> {
          B b = s.view(slots, groups);
          B d = t.edit(slots, groups);
          for (int g = 0; g < groups; g++) {
            boolean dead = b.gState[g] == G_TERMINATED || b.gState[g] == G_UNKNOWN;
            if (dead && d.gState[g] != G_TERMINATED && d.gState[g] != G_UNKNOWN) {
              return false;
            }
            if (!SchedModel.groupCanRun(b, g) && b.csgId[g] < 0 && d.csgId[g] >= 0) {
              return false;
            }
            int i = b.csgId[g];
            if (i >= 0 && d.csgId[g] == i && !SchedModel.groupCanRun(b, g)
                && d.csgReq[i] != b.csgReq[i] && d.csgReq[i] != CSG_TERMINATE) {
              return false;
            }
          }
          return true;
        }));
    out.add(Property.invariant("S-9",
        "reset exclusion: no tick runs while a reset is in progress",
        s -> !s.resetInProgress() || s.phase() == PH_IDLE));
    out.add(Property.action("S-9-lists",
        "reset exclusion, the list half: while a reset is in progress no step but the"
            + " post-reset puts a group on a run list or takes one off (group_schedule_locked"
            + " and the other list users leave them to post-reset), and a tick that finds a"
            + " reset pending does nothing",
        (s, a, t) -> {
          if (a instanceof SchedAction.TickStart && s.resetPending()
              && s.pm() == SchedModel.PM_ACTIVE) { // waking the device subsumes the reset
            return t.phase() == PH_IDLE;
          }
          if (!s.resetInProgress() || a instanceof SchedAction.ResetPost) {
            return true;
          }
          return s.runnable0() == t.runnable0() && s.runnable1() == t.runnable1()
              && s.idle0() == t.idle0() && s.idle1() == t.idle1();
        }));
    out.add(Property.action("S-10",
        "fences: per queue, signalled fences only grow, never past the last seqno",
        (s, a, t) -> {
          B b = s.view(slots, groups);
          B d = t.edit(slots, groups);
          for (int q = 0; q < queues; q++) {
            if (d.signalled[q] < b.signalled[q] || d.signalled[q] > d.submitted[q]) {
              return false;
            }
          }
          return true;
        }));
    out.add(Property.action("S-12",
        "mid-tick preemption: a tick started before the timeslice ended evicts a non-idle bound"
            + " group only in favour of an RT group",
        (s, a, t) -> !(a instanceof SchedAction.TickPick) || midTickOk(s, t, c)));
    out.add(Property.invariant("FullTickDeadline",
        "a tick is full exactly when now >= resched_target (last_tick + period when the tick is"
            + " stopped)",
        s -> s.phase() == PH_IDLE || s.full() == s.deadline()));
    out.add(Property.action("PriorityRotation",
        "in a full tick, a band's top-priority group does not keep the top priority when another"
            + " non-idle group of its band is chosen",
        (s, a, t) -> !(a instanceof SchedAction.TickPick) || rotates(s, t, c)));
    out.add(Property.invariant("TickArmedWhenBusy",
        "two non-idle resident groups of the same band always have a tick armed",
        s -> tickArmed(s, c)));
    out.add(Property.action("ImmediateTickKept",
        "a pending immediate tick is never postponed before it runs",
        (s, a, t) -> s.tick() != TICK_NOW || t.tick() == TICK_NOW
            || a instanceof SchedAction.TickStart || s.resetPending() || t.resetPending()));
    out.add(Property.invariant("IdleMeansNoWork",
        "a group with a job the FW has not finished, on a queue that is not blocked, is never"
            + " classified idle",
        s -> {
          B b = s.view(slots, groups);
          for (int g = 0; g < groups; g++) {
            for (int k = 0; k < c.queues(); k++) {
              int q = c.q(g, k);
              if (SchedModel.groupIsIdle(b, c, g) && b.executed[q] < b.submitted[q]
                  && !bit(b.blocked, q)) {
                return false;
              }
            }
          }
          return true;
        }));
    if (c.corrupt()) {
      out.add(Property.action("UnknownStateHandled",
          "a group whose CSG_STATE ack was read as an undefined value can never run again, and a"
              + " reset is scheduled when that is read",
          (s, a, t) -> {
            B d = t.edit(slots, groups);
            for (int g = 0; g < groups; g++) {
              if (bit(t.badAck(), g) && SchedModel.groupCanRun(d, g)) {
                return false;
              }
              if (bit(t.badAck() & ~s.badAck(), g) && !t.resetPending()
                  && !t.resetInProgress()) {
                return false;
              }
            }
            return true;
          }));
    }
    if (c.faults()) {
      out.add(Property.action("UnrecoverableStopsScheduling",
          "after the FW-events work processed a CS_UNRECOVERABLE, no CSG is started or resumed"
              + " until a reset completed",
          (s, a, t) -> {
            if (!s.unrec()) {
              return true;
            }
            B b = s.view(slots, groups);
            B d = t.edit(slots, groups);
            for (int i = 0; i < slots; i++) {
              boolean starts = d.csgReq[i] == SchedModel.CSG_START
                  || d.csgReq[i] == SchedModel.CSG_RESUME;
              if (starts && (d.csgReq[i] != b.csgReq[i] || d.slotGroup[i] != b.slotGroup[i])) {
                return false;
              }
            }
            return true;
          }));
      out.add(Property.reachable("FatalTerminates", "a group with a fatal queue is terminated",
          s -> (s.fatal() & ~s.destroyed()) != 0 && s.termPending() != 0));
    }
    if (c.oom()) {
      out.add(Property.action("OomExhaustionNotFatal",
          "the tiler-OOM work makes a queue fatal only for a real error (-EINVAL), never for heap"
              + " exhaustion, which is answered with a NULL chunk",
          (s, a, t) -> !(a instanceof SchedAction.OomFinish f)
              || bit(s.fatal(), f.group()) || !bit(t.fatal(), f.group())
              || s.view(slots, groups).oomWork[f.group()] == SchedModel.OOM_EINVAL));
      out.add(Property.action("S-11",
          "OOM safety: TILER_OOM is acknowledged only on the slot of a group that is bound to it",
          (s, a, t) -> {
            int acked = s.evtOom() & ~t.evtOom();
            if (acked == 0 || a instanceof SchedAction.ResetPost) {
              return true;
            }
            B b = s.view(slots, groups);
            B d = t.edit(slots, groups);
            for (int i = 0; i < slots; i++) {
              if (bit(acked, i) && b.slotGroup[i] >= 0 && d.slotGroup[i] == b.slotGroup[i]
                  && !(a instanceof SchedAction.OomFinish f && f.group() == b.slotGroup[i])) {
                return false;
              }
            }
            return true;
          }));
      out.add(Property.reachable("OomNullChunk",
          "a full heap is answered with a NULL chunk and the OOM acknowledged",
          s -> s.evtOom() == 0 && s.fatal() == 0 && s.signalled() == s.submitted()
              && allSubmitted(s, c) && s.termPending() == 0 && s.resetPending() == false
              && s.phase() == PH_IDLE && s.used() > 0));
    }
    if (c.syncWait()) {
      out.add(Property.invariant("BlockedIsWaiting",
          "a group with a blocked queue is on the waiting list",
          s -> {
            int waiting = Pack.mask(s.waiting());
            for (int g = 0; g < groups; g++) {
              if ((s.blocked() & c.queueMask(g)) != 0 && !bit(waiting, g)) {
                return false;
              }
            }
            return true;
          }));
      out.add(Property.reachable("UnblockedAndDone",
          "a queue blocked on a sync object is unblocked and finishes its job",
          s -> {
            B b = s.view(slots, groups);
            for (int q = 0; q < queues; q++) {
              if (b.sync[q] == SchedModel.SYNC_DONE && b.signalled[q] == b.submitted[q]) {
                return true;
              }
            }
            return false;
          }));
      out.add(Property.reachable("WaitingGroupRescheduled",
          "an unbound group is moved from the waiting list back to runnable by sync_upd_work",
          s -> {
            B b = s.view(slots, groups);
            for (int g = 0; g < groups; g++) {
              for (int k = 0; k < c.queues(); k++) {
                if (b.sync[c.q(g, k)] == SchedModel.SYNC_SIGNALLED && b.csgId[g] < 0
                    && b.runnable.get(c.band(g)).contains(g)) {
                  return true;
                }
              }
            }
            return false;
          }));
    }
    if (c.jobTimeouts()) {
      out.add(Property.action("TimeoutOnlyWithoutProgress",
          "a job timeout fires only after a full JOB_TIMEOUT of running time without progress",
          (s, a, t) -> !(a instanceof SchedAction.JobTimeout j)
              || s.view(slots, groups).since[c.q(j.group(), j.queue())] == SchedModel.TMR_FULL));
      out.add(Property.invariant("TimerTracksWork",
          "between ticks, the timer of a queue with jobs in flight runs while its group is"
              + " resident and ACTIVE, or unbound and idle with this queue blocked on a sync"
              + " object (time-boxing the external signal)",
          s -> {
            if (s.phase() != PH_IDLE) {
              return true;
            }
            B b = s.view(slots, groups);
            for (int q = 0; q < queues; q++) {
              int g = q / c.queues();
              boolean inFlight = b.signalled[q] < b.submitted[q] && !bit(b.timedout, g);
              boolean resident = b.csgId[g] >= 0 && b.gState[g] == G_ACTIVE;
              boolean waitingOnSignal = b.csgId[g] < 0 && bit(b.blocked, q)
                  && SchedModel.queuesIdle(b, c, g) && SchedModel.groupCanRun(b, g)
                  && !b.resetInProgress;
              boolean busy = inFlight && (resident || waitingOnSignal);
              boolean running = b.timer[q] >= SchedModel.TMR_RUN
                  && b.timer[q] < SchedModel.TMR_SUSP;
              if (busy && !running) {
                return false;
              }
            }
            return true;
          }));
      out.add(Property.reachable("TerminatedAfterTimeout",
          "a group whose job timed out is terminated",
          s -> {
            B b = s.view(slots, groups);
            for (int g = 0; g < groups; g++) {
              if (bit(b.timedout, g) && b.gState[g] == G_TERMINATED) {
                return true;
              }
            }
            return false;
          }));
    }
    if (c.create()) {
      out.add(Property.invariant("NoUseAfterFree",
          "no group is used after it was freed (a handle is destroyable only once creation"
              + " completed)", s -> !s.uaf()));
      out.add(Property.reachable("CreatedGroupRuns", "a group created concurrently runs a job",
          s -> s.executed() != 0));
    }
    if (c.vmBind()) {
      out.add(Property.invariant("S-5",
          "VM bound while running: a bound group's VM holds an AS and is active; each VM's"
              + " active count is the number of its bound groups",
          s -> {
            B b = s.view(slots, groups);
            int[] bound = new int[6];
            for (int g = 0; g < groups; g++) {
              if (b.csgId[g] >= 0) {
                if (!bit(b.vmAs, c.vm(g)) || b.vmCnt[c.vm(g)] < 1) {
                  return false;
                }
                bound[c.vm(g)]++;
              }
            }
            for (int v = 0; v < c.vms(); v++) {
              if (b.vmCnt[v] != bound[v]) {
                return false;
              }
            }
            return true;
          }));
      out.add(Property.invariant("VmActiveNotBusy",
          "under the tick's AS budget, panthor_vm_active never fails with -EBUSY (S-6's"
              + " purpose; ML-1 of the MMU model)",
          s -> !s.ebusy()));
      out.add(Property.invariant("AsOwnership",
          "at most as_slot_count VMs hold an AS, and the LRU holds exactly the idle VMs that"
              + " hold one, except a VM whose AS enable failed, until the reset releases it",
          s -> {
            B b = s.view(slots, groups);
            if (Integer.bitCount(b.vmAs) > c.asSlots()) {
              return false;
            }
            for (int v = 0; v < c.vms(); v++) {
              boolean idleWithAs = bit(b.vmAs, v) && b.vmCnt[v] == 0;
              if (b.lru.contains(v) != idleWithAs && !(idleWithAs && s.resetPending())) {
                return false;
              }
            }
            return true;
          }));
      out.add(Property.reachable("BindFailed",
          "an AS enable failed while binding: a reset is scheduled and the VM holds an AS it"
              + " is not active on and that the LRU does not know",
          s -> {
            B b = s.view(slots, groups);
            for (int v = 0; v < c.vms(); v++) {
              if (s.resetPending() && bit(b.vmAs, v) && b.vmCnt[v] == 0 && !b.lru.contains(v)) {
                return true;
              }
            }
            return false;
          }));
    }
    if (c.suspend()) {
      out.add(Property.invariant("NothingBoundWhileSuspended",
          "while the device is suspended no group is bound and no tick is running",
          s -> s.pm() == SchedModel.PM_ACTIVE || (s.slotGroup() == 0 && s.phase() == PH_IDLE)));
      out.add(Property.invariant("BusyHoldsPmRef",
          "between ticks, unless a failed tick left a reset to do, a bound group with work that"
              + " is not blocked keeps the scheduler's runtime-PM reference (so autosuspend never"
              + " evicts busy groups)",
          s -> {
            if (s.phase() != PH_IDLE || s.pm() != SchedModel.PM_ACTIVE || s.hasRef()
                || s.resetPending() || s.resetInProgress()) { // a failed tick skips the PM update
              return true;
            }
            B b = s.view(slots, groups);
            for (int q = 0; q < queues; q++) {
              int g = q / c.queues();
              if (b.csgId[g] >= 0 && b.executed[q] < b.submitted[q] && !bit(b.blocked, q)
                  && SchedModel.groupCanRun(b, g)) {
                return false;
              }
            }
            return true;
          }));
    }
    if (c.queues() > 1 && c.syncWait()) {
      out.add(Property.reachable("BlockedBesideBusy",
          "a resident group has a queue blocked on a sync object while another of its queues"
              + " still has work (the group is not idle)",
          s -> {
            B b = s.view(slots, groups);
            for (int g = 0; g < groups; g++) {
              int m0 = c.queueMask(g);
              boolean blocked = (b.blocked & m0) != 0;
              boolean busy = false;
              for (int k = 0; k < c.queues(); k++) {
                int q = c.q(g, k);
                busy |= !bit(b.blocked, q) && b.executed[q] < b.submitted[q];
              }
              if (b.csgId[g] >= 0 && blocked && busy && !SchedModel.groupIsIdle(b, c, g)) {
                return true;
              }
            }
            return false;
          }));
    }
    if (c.moves()) {
      out.add(Property.reachable("ResumedElsewhere",
          "a suspended group is resumed on another slot than the one it left",
          s -> {
            B b = s.view(slots, groups);
            for (int g = 0; g < groups; g++) {
              int i = b.csgId[g];
              if (i >= 0 && b.leftSlot[g] >= 0 && b.leftSlot[g] != i
                  && b.csgAck[i] == SchedModel.CSG_RESUME && b.gState[g] == G_ACTIVE) {
                return true;
              }
            }
            return false;
          }));
    }
    out.add(Property.reachable("Rotation", "a full tick evicts a non-idle group for another",
        s -> s.phase() == SchedModel.PH_EVICT && s.full() && s.evicted() != 0
            && (SchedModel.idleGroups(s.view(slots, groups), c) & Pack.mask(s.evicted())) == 0));
    if (c.rt() > 0 && c.rt() < groups) {
      out.add(Property.reachable("RtPreemption",
          "a mid-timeslice tick evicts a non-idle MEDIUM group for an RT group",
          s -> s.phase() == SchedModel.PH_EVICT && !s.full()
              && (Pack.mask(s.evicted()) & ~SchedModel.idleGroups(s.view(slots, groups), c)
                  & ~((1 << c.rt()) - 1)) != 0));
    }
    out.add(Property.reachable("AllJobsSignalled", "every job of every queue is signalled",
        s -> s.signalled() == s.submitted() && allSubmitted(s, c)));
    out.add(Property.reachable("TickStops", "the periodic tick stops with groups bound",
        s -> s.phase() == PH_IDLE && s.stopped() && s.used() > 0 && s.tick() == TICK_NONE));
    if (c.timeouts()) {
      out.add(Property.reachable("ResetRecovers", "a reset completes and a group runs again",
          s -> !s.resetPending() && s.stoppedGroups() == 0 && s.used() > 0
              && s.timedout() != 0));
    }
    out.addAll(liveness(m));
    return List.copyOf(out);
  }

  /**
   * SL-1 ... SL-5 of the reference (and SL-4a), under {@link #fairness}; checked by {@code
   * LivenessRunner}. {@code Scheduler.tla} has the same properties ({@code SL_1} ...) with the
   * same fairness, and TLC agrees on {@code small} ({@code SchedTlcLivenessTest}).
   */
  static List<Property<SchedState, SchedAction>> liveness(SchedModel m) {
    SchedConfig c = m.config();
    int slots = c.slots();
    int groups = c.groups();
    List<Property.Fairness<SchedAction>> fair = fairness(m);
    // SL-2 without job timeouts needs the sync objects a queue waits on to be signalled in the
    // end (userspace's side); with job timeouts the timeout guarantees it, with no assumption.
    List<Property.Fairness<SchedAction>> signalled = new ArrayList<>(fair);
    if (!c.jobTimeouts()) {
      for (SchedAction a : m.actions()) {
        if (a instanceof SchedAction.EnvSignal) {
          signalled.add(Property.Fairness.weak(a.label(), x -> x.equals(a)));
        }
      }
    }
    // SL-4's claim makes no assumption on how long a job runs: no fairness for job completion.
    List<Property.Fairness<SchedAction>> busyForever = fair.stream()
        .filter(f -> !f.name().startsWith("FwRunJob("))
        .toList();
    List<Property.Clause<SchedState>> sl1 = new ArrayList<>();
    List<Property.Clause<SchedState>> sl2 = new ArrayList<>();
    List<Property.Clause<SchedState>> sl4 = new ArrayList<>();
    for (int g0 = 0; g0 < groups; g0++) {
      final int g = g0;
      sl1.add(new Property.Clause<>("Retired(" + g + ")",
          s -> {
            B b = s.view(slots, groups);
            return b.life[g] == SchedModel.LIFE_READY && !SchedModel.groupCanRun(b, g);
          },
          s -> {
            B b = s.view(slots, groups);
            return b.csgId[g] < 0 && !bit(s.termPending(), g) && !onList(b, g);
          }));
      for (int k0 = 0; k0 < c.queues(); k0++) {
        final int q = c.q(g, k0);
        final String name = c.queues() == 1 ? "" + g : g + "." + k0;
        for (int j0 = 1; j0 <= c.jobs(); j0++) {
          final int j = j0;
          sl2.add(new Property.Clause<>("JobSignalled(" + name + "," + j + ")",
              s -> {
                B b = s.view(slots, groups);
                return b.submitted[q] >= j && b.signalled[q] < j;
              },
              s -> s.view(slots, groups).signalled[q] >= j));
        }
      }
      // P ~> (bound, or the premise no longer holds: g idle, unable to run, or more than
      // slots-1 busy groups above it).
      sl4.add(new Property.Clause<>("EventuallyBound(" + g + ")",
          s -> waitsWithRoom(s, c, g),
          s -> {
            B b = s.view(slots, groups);
            return b.csgId[g] >= 0 || SchedModel.queuesIdle(b, c, g)
                || !SchedModel.groupCanRun(b, g) || busyAbove(b, c, g) > c.slots() - 1;
          }));
    }
    return List.of(
        new Property.Liveness<>("SL-1",
            "a group that can no longer run is eventually unbound and its term work runs",
            Property.Form.LEADS_TO, sl1, fair),
        new Property.Liveness<>("SL-2",
            "every job that reached run_job eventually has its done fence signalled (without"
                + " job timeouts, assuming that the sync objects queues wait on are signalled in"
                + " the end)",
            Property.Form.LEADS_TO, sl2, signalled),
        new Property.Liveness<>("SL-3",
            "an immediate tick request is eventually served by a tick, unless a reset intervenes"
                + " (the reset then ends with a tick request)",
            Property.Form.LEADS_TO, List.of(new Property.Clause<>("TickServed",
                s -> s.tick() == SchedModel.TICK_NOW,
                s -> s.phase() == SchedModel.PH_STATUS || s.resetPending()
                    || s.resetInProgress())),
            fair),
        new Property.Liveness<>("SL-4",
            "fair rotation, the reference's claim: a non-idle group with at most slots-1"
                + " non-idle groups of higher priority is eventually bound, even if the FW takes"
                + " arbitrarily long over a job. Expected to FAIL: the periodic tick stops when"
                + " the chosen groups need no timeslicing, so a busy group that was rotated out"
                + " waits while the bound ones stay busy (the lasso is the documented witness)",
            Property.Form.LEADS_TO, sl4, busyForever),
        new Property.Liveness<>("SL-4a",
            "fair rotation under the extra assumption that bound groups eventually go idle"
                + " (the FW finishes every job it runs: FwRunJob weakly fair); holds",
            Property.Form.LEADS_TO, sl4, fair),
        new Property.Liveness<>("SL-5",
            "every reset ends: reset.in_progress becomes false with every stopped group back on"
                + " a run list or terminated",
            Property.Form.LEADS_TO, List.of(new Property.Clause<>("ResetEnds",
                SchedState::resetInProgress,
                s -> !s.resetInProgress() && s.stoppedGroups() == 0)),
            fair));
  }

  /**
   * Weak fairness of every kernel and device step, one family per action instance (each work
   * item, slot and group is its own), except that the outcomes of one group's heap growth form
   * one family. {@code Scheduler.tla}'s {@code Fairness} is the same, conjunct by conjunct.
   */
  static List<Property.Fairness<SchedAction>> fairness(SchedModel m) {
    List<Property.Fairness<SchedAction>> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (SchedAction a : m.actions()) {
      if (a.driver() == org.panthorverify.core.Driver.ENVIRONMENT) {
        continue;
      }
      if (a instanceof SchedAction.OomGrow grow) {
        if (seen.add("OomGrow(" + grow.group() + ")")) {
          out.add(Property.Fairness.weak("OomGrow(" + grow.group() + ")",
              x -> x instanceof SchedAction.OomGrow o && o.group() == grow.group()));
        }
        continue;
      }
      if (seen.add(a.label())) {
        out.add(Property.Fairness.weak(a.label(), x -> x.equals(a)));
      }
    }
    return List.copyOf(out);
  }

  private static boolean onList(B b, int g) {
    for (int p = 0; p < 2; p++) {
      if (b.runnable.get(p).contains(g) || b.idleList.get(p).contains(g)) {
        return true;
      }
    }
    return b.stoppedGroups.contains(g);
  }

  /** SL-4's trigger: g waits unbound and non-idle with room above it. */
  private static boolean waitsWithRoom(SchedState s, SchedConfig c, int g) {
    B b = s.view(c.slots(), c.groups());
    if (b.csgId[g] >= 0 || SchedModel.queuesIdle(b, c, g) || !SchedModel.groupCanRun(b, g)
        || b.life[g] != SchedModel.LIFE_READY) {
      return false;
    }
    return busyAbove(b, c, g) <= c.slots() - 1;
  }

  /** The non-idle groups that can run in a higher band than {@code g}. */
  private static int busyAbove(B b, SchedConfig c, int g) {
    int higher = 0;
    for (int h = 0; h < c.groups(); h++) {
      if (c.band(h) > c.band(g) && !SchedModel.queuesIdle(b, c, h)
          && SchedModel.groupCanRun(b, h)) {
        higher++;
      }
    }
    return higher;
  }

  private static boolean allSubmitted(SchedState s, SchedConfig c) {
    B b = s.view(c.slots(), c.groups());
    for (int q = 0; q < c.queueCount(); q++) {
      if (b.submitted[q] != c.jobs()) {
        return false;
      }
    }
    return true;
  }

  private static boolean listsExclusive(SchedState s, SchedConfig c) {
    B b = s.view(c.slots(), c.groups());
    int[] count = new int[c.groups()];
    for (int p = 0; p < 2; p++) {
      for (int g : b.runnable.get(p)) {
        count[g]++;
      }
      for (int g : b.idleList.get(p)) {
        count[g]++;
      }
    }
    for (int g = 0; g < c.groups(); g++) {
      if (b.stoppedGroups.contains(g)) {
        count[g]++;
      }
      if (count[g] > 1) {
        return false;
      }
      if (count[g] == 1 && (b.gState[g] == G_TERMINATED
          || (s.phase() == PH_IDLE && b.csgId[g] >= 0))) {
        return false;
      }
    }
    return true;
  }

  /** S-12 on one TickPick step. */
  private static boolean midTickOk(SchedState s, SchedState t, SchedConfig c) {
    if (t.deadline()) {
      return true;
    }
    B d = t.edit(c.slots(), c.groups());
    boolean rtIn = false;
    for (int g : d.ctx) {
      if (c.band(g) == 1 && d.csgId[g] < 0) {
        rtIn = true;
      }
    }
    for (int g = 0; g < c.groups(); g++) {
      if (bit(Pack.mask(t.evicted()), g) && !SchedModel.groupIsIdle(d, c, g) && SchedModel.groupCanRun(d, g)
          && !rtIn) {
        return false;
      }
    }
    return true;
  }

  /** PriorityRotation on one TickPick step. */
  private static boolean rotates(SchedState s, SchedState t, SchedConfig c) {
    if (!t.deadline()) {
      return true;
    }
    B b = s.view(c.slots(), c.groups());
    B d = t.edit(c.slots(), c.groups());
    for (int p = 0; p < 2; p++) {
      int head = -1;
      int best = -1;
      for (int i = 0; i < c.slots(); i++) {
        int g = b.slotGroup[i];
        if (g >= 0 && c.band(g) == p && b.slotPrio[i] > best) {
          best = b.slotPrio[i];
          head = g;
        }
      }
      if (head < 0 || !d.ctx.contains(head) || SchedModel.groupIsIdle(d, c, head)) {
        continue;
      }
      int firstOfBand = -1;
      int nonIdleOfBand = 0;
      for (int g : d.ctx) {
        if (c.band(g) == p) {
          if (firstOfBand < 0) {
            firstOfBand = g;
          }
          if (!SchedModel.groupIsIdle(d, c, g)) {
            nonIdleOfBand++;
          }
        }
      }
      if (nonIdleOfBand >= 2 && firstOfBand == head) {
        return false;
      }
    }
    return true;
  }

  /** TickArmedWhenBusy. */
  private static boolean tickArmed(SchedState s, SchedConfig c) {
    if (s.phase() != PH_IDLE || s.resetPending() || s.resetInProgress()) {
      return true;
    }
    if (s.tick() != TICK_NONE || !s.stopped()) {
      return true;
    }
    B b = s.view(c.slots(), c.groups());
    int[] busy = new int[2];
    for (int g : b.slotGroup) {
      if (g >= 0 && !SchedModel.queuesIdle(b, c, g) && SchedModel.groupCanRun(b, g)) {
        busy[c.band(g)]++;
      }
    }
    return busy[0] < 2 && busy[1] < 2;
  }
}
