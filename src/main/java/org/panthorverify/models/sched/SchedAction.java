package org.panthorverify.models.sched;

import static org.panthorverify.models.sched.SchedModel.CSG_RESUME;
import static org.panthorverify.models.sched.SchedModel.CSG_START;
import static org.panthorverify.models.sched.SchedModel.CSG_SUSPEND;
import static org.panthorverify.models.sched.SchedModel.CSG_TERMINATE;
import static org.panthorverify.models.sched.SchedModel.G_SUSPENDED;
import static org.panthorverify.models.sched.SchedModel.G_TERMINATED;
import static org.panthorverify.models.sched.SchedModel.MAX_CSG_PRIO;
import static org.panthorverify.models.sched.SchedModel.PH_BIND;
import static org.panthorverify.models.sched.SchedModel.PH_EVICT;
import static org.panthorverify.models.sched.SchedModel.PH_IDLE;
import static org.panthorverify.models.sched.SchedModel.PH_STATUS;
import static org.panthorverify.models.sched.SchedModel.TICK_DELAYED;
import static org.panthorverify.models.sched.SchedModel.TICK_NONE;
import static org.panthorverify.models.sched.SchedModel.TICK_NOW;
import static org.panthorverify.models.sched.SchedModel.bit;

import java.util.ArrayList;
import java.util.List;
import org.panthorverify.core.Action;
import org.panthorverify.core.Driver;
import org.panthorverify.models.sched.SchedState.B;

/**
 * The atomic steps of the scheduler model. Host steps that take {@code sched->lock} are enabled
 * only while no tick holds it ({@code phase == idle}); the tick itself is four steps, one per
 * batch of CSG requests and the wait that follows it.
 */
public sealed interface SchedAction extends Action {

  boolean enabled(SchedState s, SchedModel m);

  SchedState apply(SchedState s, SchedModel m);

  /** Whether the host takes this step (rather than the FW or time). */
  default boolean host() {
    return true;
  }

  /** Who drives this step, which sets its fairness (see {@link Driver}). */
  default Driver driver() {
    return host() ? Driver.KERNEL : Driver.DEVICE;
  }

  private static B edit(SchedState s, SchedModel m) {
    return s.edit(m.config().slots(), m.config().groups());
  }

  /** Every slot's CSG_STATE request is acked. */
  private static boolean allAcked(SchedState s, SchedModel m) {
    B b = s.view(m.config().slots(), m.config().groups());
    for (int i = 0; i < m.config().slots(); i++) {
      if (!SchedModel.csgAcked(b, i)) {
        return false;
      }
    }
    return true;
  }

  /** {@code sched->lock} is free: no tick is between its first and last batch. */
  private static boolean lockFree(SchedState s) {
    return s.phase() == PH_IDLE;
  }

  // ---------------------------------------------------------------- the tick

  /**
   * {@code tick_work} starts: the delayed work runs (at once, or once the timeslice is over). It
   * bails if a reset is pending. Otherwise it decides whether the tick is full ({@code now >=
   * resched_target}, or {@code last_tick + period} when the tick is stopped), and {@code
   * tick_ctx_init} asks every occupied slot for a STATUS_UPDATE.
   */
  record TickStart() implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      return lockFree(s) && !s.resetInProgress()
          && (s.tick() == TICK_NOW || (s.tick() == TICK_DELAYED && s.elapsed()));
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      SchedConfig c = m.config();
      b.tick = TICK_NONE;
      if (s.pm() == SchedModel.PM_SYSTEM_SUSPENDED) {
        return b.build(); // panthor_device_resume_and_get fails during system sleep: no tick
      }
      if (s.pm() == SchedModel.PM_RUNTIME_SUSPENDED) {
        SchedModel.pmResume(b); // the tick's resume_and_get wakes the device
      }
      if (b.resetPending) {
        return b.build();
      }
      boolean full = s.elapsed();
      if (c.bug(SchedModel.STOPPED_TICK_IMMEDIATE) && s.stopped()) {
        full = false; // now >= U64_MAX never holds
      }
      if (c.bug(SchedModel.FULL_TICK_INVERTED)) {
        full = !full;
      }
      b.full = full;
      b.deadline = s.elapsed();
      for (int i = 0; i < c.slots(); i++) {
        if (b.slotGroup[i] >= 0) {
          b.statusReq ^= 1 << i;
        }
      }
      b.phase = PH_STATUS;
      return b.build();
    }
  }

  /**
   * Every STATUS_UPDATE is acked: {@code cs_slot_sync_queue_state_locked} refreshes each bound
   * queue's idle bit; the groups are picked (pre-pass, non-idle pass with rotation, idle pass);
   * batch 1 of {@code tick_ctx_apply} sends SUSPEND (or TERMINATE if it cannot run) to each
   * evicted group and the new slot priorities to the chosen bound ones.
   */
  record TickPick() implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      return s.phase() == PH_STATUS && s.statusReq() == s.statusAck();
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      SchedConfig c = m.config();
      for (int i = 0; i < c.slots(); i++) {
        if (b.slotGroup[i] >= 0) {
          SchedModel.syncQueueState(b, c, b.slotGroup[i]);
        }
      }
      SchedModel.pickGroups(b, c);
      for (int g : b.evicted) {
        b.csgReq[b.csgId[g]] = SchedModel.groupCanRun(b, g) ? CSG_SUSPEND : CSG_TERMINATE;
      }
      for (int k = 0; k < b.ctx.size(); k++) {
        int g = b.ctx.get(k);
        if (b.csgId[g] >= 0) {
          b.slotPrio[b.csgId[g]] = MAX_CSG_PRIO - k; // ENDPOINT_CONFIG
        }
      }
      b.phase = PH_EVICT;
      return b.build();
    }
  }

  /**
   * Batch 1 acked: each evicted group takes its state from the ack, its pending CSG IRQs are
   * processed and it is unbound ({@code group_unbind_locked}); it goes back on a run list if it
   * can run, else its {@code term} work is queued. Batch 2: each chosen unbound group, in pick
   * order, is bound to the lowest free slot ({@code group_bind_locked}, {@code
   * csg_slot_prog_locked}) with RESUME if it was SUSPENDED, else START.
   */
  record TickEvictDone() implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      if (s.phase() != PH_EVICT) {
        return false;
      }
      B b = s.view(m.config().slots(), m.config().groups());
      for (int g : b.evicted) {
        if (!SchedModel.csgAcked(b, b.csgId[g])) {
          return false;
        }
      }
      return true;
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      evictAndBind(b, m.config(), false);
      return b.build();
    }

    /** {@code evictAndBind} went through: every bind succeeded. */
    static final int BOUND = 0;
    /** A bind failed because the AS enable failed (only with {@code failEnable}). */
    static final int ENABLE_FAILED = 1;
    /** A bind failed with {@code -EBUSY}. */
    static final int BUSY = 2;

    /**
     * The evictions and batch 2 of {@code tick_ctx_apply}. With {@code failEnable}, the first
     * bind that has to enable an AS fails there. A failed {@code group_bind_locked} schedules
     * a reset and ends the tick: the START/RESUME requests of the groups bound before it in
     * this batch are never written (those groups stay bound, in their old state, on no list,
     * until the reset suspends them), and {@code tick_ctx_cleanup} puts the failed group and
     * the ones after it back at the head of their lists; the tick is not re-armed. Variant
     * {@code bind-ignores-vm-failure} binds the group anyway.
     */
    static int evictAndBind(B b, SchedConfig c, boolean failEnable) {
      for (int g : b.evicted) {
        int i = b.csgId[g];
        SchedModel.csgSlotSyncState(b, c, i);
        if (b.gState[g] == G_SUSPENDED) {
          SchedModel.syncQueueState(b, c, g); // csg_slot_sync_queues_state_locked
        }
        SchedModel.processCsgIrq(b, c, i);
        SchedModel.timerSuspend(b, c, g);
        SchedModel.groupUnbind(b, c, g);
        if (SchedModel.groupCanRun(b, g)) {
          SchedModel.requeue(b, c, g);
        } else {
          b.termPending |= 1 << g;
        }
      }
      b.evicted = new ArrayList<>();
      int[] requests = b.csgReq.clone();
      int result = BOUND;
      for (int k = 0; k < b.ctx.size(); k++) {
        int g = b.ctx.get(k);
        if (b.csgId[g] >= 0) {
          continue;
        }
        boolean enable = SchedModel.vmNeedsEnable(b, c, c.vm(g));
        boolean fail = failEnable && enable && result == BOUND;
        if (!SchedModel.vmActive(b, c, c.vm(g), fail)) {
          result = fail ? ENABLE_FAILED : BUSY;
          if (!c.bug(SchedModel.BIND_IGNORES_VM_FAILURE)) {
            SchedModel.scheduleReset(b);
            System.arraycopy(requests, 0, b.csgReq, 0, requests.length);
            b.tick = TICK_NONE;
            SchedModel.tickCleanup(b, c);
            b.full = false;
            b.deadline = false;
            b.stopTick = false;
            return result;
          }
        }
        int i = 0;
        while (b.slotGroup[i] >= 0) {
          i++;
        }
        b.slotGroup[i] = g;
        b.csgId[g] = i;
        b.slotPrio[i] = MAX_CSG_PRIO - k;
        b.csgReq[i] = b.gState[g] == G_SUSPENDED ? CSG_RESUME : CSG_START;
        b.fwIdle &= ~(1 << i);
      }
      b.phase = PH_BIND;
      return result;
    }
  }

  /**
   * As {@link TickEvictDone}, but enabling the AS of the first group whose VM needs one fails
   * ({@code panthor_mmu_as_enable} times out on AS_ACTIVE): the bind fails and the tick ends
   * with a reset scheduled. Config {@code vmbind} only.
   */
  record TickBindFails() implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      if (!m.config().vmBind() || !new TickEvictDone().enabled(s, m)) {
        return false;
      }
      B sim = edit(s, m);
      return TickEvictDone.evictAndBind(sim, m.config(), true) == TickEvictDone.ENABLE_FAILED;
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      TickEvictDone.evictAndBind(b, m.config(), true);
      return b.build();
    }

    @Override
    public Driver driver() {
      return Driver.ENVIRONMENT;
    }
  }

  /**
   * Batch 2 acked: the new groups are ACTIVE; {@code used_csg_slot_count} and {@code
   * might_have_idle_groups} are updated; the tick re-arms ({@code last_tick := now}; stopped if
   * {@code stop_tick}, else queued for the next timeslice) and releases {@code sched->lock}.
   */
  record TickFinish() implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      return s.phase() == PH_BIND && allAcked(s, m);
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      SchedConfig c = m.config();
      boolean anyIdle = false;
      for (int g : b.ctx) {
        SchedModel.csgSlotSyncState(b, c, b.csgId[g]);
        anyIdle |= SchedModel.groupIsIdle(b, c, g);
        if (b.gState[g] == SchedModel.G_ACTIVE) {
          SchedModel.timerResume(b, c, g);
        }
      }
      b.used = SchedModel.boundCount(b);
      b.mightIdle = anyIdle;
      if (c.suspend()) {
        // Every chosen group idle (or none chosen): drop the scheduler's PM reference; else
        // hold one.
        boolean allIdle = true;
        for (int g : b.ctx) {
          allIdle &= SchedModel.groupIsIdle(b, c, g);
        }
        b.hasRef = !allIdle;
      }
      b.elapsed = false;
      if (b.stopTick) {
        b.stopped = true;
      } else {
        b.stopped = false;
        if (b.tick == TICK_NONE) {
          b.tick = TICK_DELAYED;
        }
      }
      b.ctx = new ArrayList<>();
      b.full = false;
      b.deadline = false;
      b.stopTick = false;
      b.phase = PH_IDLE;
      return b.build();
    }
  }

  /**
   * {@code csgs_upd_ctx_apply_locked} times out (100 ms) on a batch: a device reset is scheduled
   * and the tick gives up ({@code tick_ctx_cleanup}) without re-arming. Only a hung FW lets a
   * wait time out: a FW too slow to answer within 100 ms is treated as hung until the reset
   * (it would answer later, but the reset discards the answer).
   */
  record WaitTimeout() implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      if (!s.hung() || s.phase() == PH_IDLE) {
        return false;
      }
      return switch (s.phase()) {
        case PH_STATUS -> s.statusReq() != s.statusAck();
        case PH_EVICT -> !new TickEvictDone().enabled(s, m);
        default -> !allAcked(s, m);
      };
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      b.resetPending = true;
      b.tick = TICK_NONE;
      SchedModel.tickCleanup(b, m.config());
      b.full = false;
      b.deadline = false;
      b.stopTick = false;
      return b.build();
    }
  }

  /** Time passes: the current timeslice ends ({@code now >= last_tick + tick_period}). */
  record TimesliceEnds() implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      return !s.elapsed();
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      b.elapsed = true;
      return b.build();
    }

    @Override
    public boolean host() {
      return false;
    }
  }

  // ---------------------------------------------------------------- jobs and groups

  /**
   * {@code queue_run_job} for queue {@code queue} of group {@code group} (drm_sched stops the queues during a
   * reset). If the group cannot run the job fails at once. Otherwise it gets the next seqno; an
   * unbound group goes through {@code group_schedule_locked}; a bound one clears its idle bit,
   * resumes a stopped tick if it was idle ({@code sched_resume_tick}; variant {@code
   * tick-not-resumed-on-submit} forgets), and rings its doorbell.
   */
  record SubmitJob(int group, int queue) implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      B b = s.view(m.config().slots(), m.config().groups());
      return lockFree(s) && !s.resetInProgress() && !bit(s.destroyed(), group)
          && s.pm() != SchedModel.PM_SYSTEM_SUSPENDED
          && b.life[group] == SchedModel.LIFE_READY
          && b.submitted[m.config().q(group, queue)] < m.config().jobs()
          && SchedModel.groupCanRun(b, group);
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      SchedConfig c = m.config();
      if (b.pm == SchedModel.PM_RUNTIME_SUSPENDED) {
        SchedModel.pmResume(b); // queue_run_job's resume_and_get wakes the device
      }
      int q = c.q(group, queue);
      b.submitted[q]++;
      if (b.csgId[group] < 0) {
        if (c.jobTimeouts() && b.timer[q] == SchedModel.TMR_OFF) {
          b.timer[q] = SchedModel.TMR_SUSP; // armed, but not charged while unbound
          b.since[q] = 0;
        }
        SchedModel.groupScheduleLocked(b, c, group, queue);
      } else {
        boolean wasIdle = SchedModel.groupIsIdle(b, c, group);
        b.idle &= ~(1 << q);
        if (wasIdle && b.stopped && !c.bug(SchedModel.TICK_NOT_RESUMED)) {
          SchedModel.schedResumeTick(b, c);
        }
        if (!c.bug(SchedModel.PER_QUEUE_TIMEOUT)) {
          SchedModel.timerResumeQueue(b, c, q);
        }
        if (c.suspend() && !bit(b.blocked, q)) {
          b.hasRef = true; // a bound group with work keeps the device awake
        }
      }
      return b.build();
    }

    @Override
    public Driver driver() {
      return Driver.ENVIRONMENT;
    }
  }

  /**
   * {@code panthor_group_destroy}: {@code destroyed := true}; a bound group is left to an
   * immediate tick, which terminates it; an unbound one is unlinked and its {@code term} work
   * queued, unless a reset is in progress (post-reset handles it).
   */
  record Destroy(int group) implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      B b = s.view(m.config().slots(), m.config().groups());
      boolean found = b.life[group] == SchedModel.LIFE_READY
          || (b.life[group] == SchedModel.LIFE_PUBLISHED
              && m.config().bug(SchedModel.CREATE_PUBLISH));
      return m.config().destroy() && lockFree(s) && !bit(s.destroyed(), group) && found;
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      if (b.life[group] == SchedModel.LIFE_PUBLISHED) {
        // The handle's reference was the only one: the group is freed under its creator.
        b.life[group] = SchedModel.LIFE_FREED;
        b.destroyed |= 1 << group;
        return b.build();
      }
      b.destroyed |= 1 << group;
      if (b.csgId[group] >= 0) {
        SchedModel.requestTick(b);
      } else if (!b.resetInProgress) {
        SchedModel.unlink(b, group);
        b.termPending |= 1 << group;
      }
      return b.build();
    }

    @Override
    public Driver driver() {
      return Driver.ENVIRONMENT;
    }
  }

  /**
   * {@code sync_upd_work}: walks {@code groups.waiting} from its head; a blocked queue whose sync
   * object is now satisfied is unblocked (bound or not); an unblocked unbound group moves to the
   * head of {@code runnable[p]} ({@code list_move}; an RT
   * group gets an immediate tick, a non-RT one nothing, not even a stopped tick resumed); a
   * group with no blocked queue left leaves the waiting list. The work is never queued while
   * a reset is pending or in progress.
   */
  record SyncUpdWork() implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      return s.syncUpd() && lockFree(s);
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      SchedConfig c = m.config();
      b.syncUpd = false;
      for (int g : new ArrayList<>(b.waiting)) {
        boolean unblocked = false;
        for (int k = 0; k < c.queues(); k++) {
          int q = c.q(g, k);
          boolean satisfied = b.sync[q] == SchedModel.SYNC_SIGNALLED
              || b.sync[q] == SchedModel.SYNC_DONE;
          if (bit(b.blocked, q) && satisfied) {
            b.blocked &= ~(1 << q);
            unblocked = true;
          }
        }
        // The kernel has no group_can_run check here; the model keeps one (see the README's
        // open question on terminated groups left on the waiting list).
        if (unblocked && b.csgId[g] < 0 && SchedModel.groupCanRun(b, g)) {
          SchedModel.unlink(b, g);
          b.runnable.get(c.band(g)).add(0, g);
          if (c.band(g) == 1) {
            SchedModel.requestTick(b);
          }
        }
        if ((b.blocked & c.queueMask(g)) == 0) {
          b.waiting.remove(Integer.valueOf(g));
        }
      }
      return b.build();
    }
  }

  /**
   * The sync object that queue {@code queue} of group {@code group} waits on is signalled (by another queue's
   * SYNC_ADD, which raises a sync update and queues {@code sync_upd_work}).
   */
  record EnvSignal(int group, int queue) implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      B b = s.view(m.config().slots(), m.config().groups());
      return b.sync[m.config().q(group, queue)] == SchedModel.SYNC_WAIT;
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      b.sync[m.config().q(group, queue)] = SchedModel.SYNC_SIGNALLED;
      SchedModel.queueSyncUpd(b, m.config());
      return b.build();
    }

    @Override
    public boolean host() {
      return false;
    }

    @Override
    public Driver driver() {
      return Driver.ENVIRONMENT;
    }
  }

  /**
   * Queue {@code queue} of the group on slot {@code slot}, running, reaches a SYNC_WAIT on an
   * unsignalled object: the CS blocks ({@code scoreboards}: its status also shows pending
   * scoreboard entries). Only queue 0 of a group waits on sync objects: one blocked queue beside
   * a queue with work is the mix that matters, and letting both wait makes the smallest
   * two-queue config 24 million states instead of two.
   */
  record FwSyncWait(int slot, int queue, boolean scoreboards) implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      B b = s.view(m.config().slots(), m.config().groups());
      if (!m.config().syncWait() || queue != 0 || s.hung()
          || !queueRuns(b, m.config(), slot, queue)) {
        return false;
      }
      int q = m.config().q(b.slotGroup[slot], queue);
      return b.sync[q] == SchedModel.SYNC_NONE && b.executed[q] < b.submitted[q];
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      int q = m.config().q(b.slotGroup[slot], queue);
      b.sync[q] = SchedModel.SYNC_WAIT;
      b.syncSb = scoreboards ? b.syncSb | (1 << q) : b.syncSb & ~(1 << q);
      return b.build();
    }

    @Override
    public boolean host() {
      return false;
    }

    @Override
    public Driver driver() {
      return Driver.ENVIRONMENT;
    }
  }

  /**
   * The FW re-evaluates the signalled sync wait of queue {@code queue} of the group on slot
   * {@code slot} and goes on.
   */
  record FwSyncResume(int slot, int queue) implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      B b = s.view(m.config().slots(), m.config().groups());
      int g = b.slotGroup[slot];
      return !s.hung() && g >= 0
          && b.sync[m.config().q(g, queue)] == SchedModel.SYNC_SIGNALLED
          && b.csgReq[slot] == b.csgAck[slot]
          && (b.csgAck[slot] == CSG_START || b.csgAck[slot] == CSG_RESUME);
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      b.sync[m.config().q(b.slotGroup[slot], queue)] = SchedModel.SYNC_DONE;
      return b.build();
    }

    @Override
    public boolean host() {
      return false;
    }
  }

  /**
   * Half a JOB_TIMEOUT of running time passes for queue {@code queue} of group {@code group}
   * while its timer
   * runs (time a queue spends waiting for a slot is not charged).
   */
  record QueueTimePasses(int group, int queue) implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      B b = s.view(m.config().slots(), m.config().groups());
      int q = m.config().q(group, queue);
      return m.config().jobTimeouts() && b.timer[q] >= SchedModel.TMR_RUN
          && b.timer[q] < SchedModel.TMR_RUN + SchedModel.TMR_FULL;
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      int q = m.config().q(group, queue);
      b.timer[q]++;
      b.since[q] = Math.min(b.since[q] + 1, SchedModel.TMR_FULL);
      return b.build();
    }

    @Override
    public boolean host() {
      return false;
    }
  }

  /**
   * The queue's timeout work fires ({@code queue_timedout_job}, under {@code sched->lock}): the
   * group is marked timed out; a bound group gets an immediate tick (which terminates it), an
   * unbound one is unlinked and its {@code term} work queued.
   */
  record JobTimeout(int group, int queue) implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      B b = s.view(m.config().slots(), m.config().groups());
      return lockFree(s)
          && b.timer[m.config().q(group, queue)] == SchedModel.TMR_RUN + SchedModel.TMR_FULL;
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      b.timer[m.config().q(group, queue)] = SchedModel.TMR_OFF;
      b.timedout |= 1 << group;
      if (b.csgId[group] >= 0) {
        SchedModel.requestTick(b);
      } else if (!b.resetInProgress) {
        SchedModel.unlink(b, group);
        b.termPending |= 1 << group;
      }
      return b.build();
    }
  }

  /**
   * {@code panthor_group_create}, first part: the group object is allocated and its handle
   * inserted into the file's group pool (the fixed kernel inserts it unmarked, so that lookups
   * and destroy ignore it until creation completes).
   */
  record CreatePublish(int group) implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      B b = s.view(m.config().slots(), m.config().groups());
      return m.config().create() && b.life[group] == SchedModel.LIFE_ABSENT;
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      b.life[group] = SchedModel.LIFE_PUBLISHED;
      return b.build();
    }

    @Override
    public Driver driver() {
      return Driver.ENVIRONMENT;
    }
  }

  /**
   * {@code panthor_group_create}, second part: the queues are set up, the group is put on {@code
   * idle[prio]} (or {@code reset.stopped_groups} during a reset) under {@code sched->lock}, and
   * the handle is marked registered. On a group freed in between, this is a use after free.
   */
  record CreateInit(int group) implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      B b = s.view(m.config().slots(), m.config().groups());
      return lockFree(s) && (b.life[group] == SchedModel.LIFE_PUBLISHED
          || (b.life[group] == SchedModel.LIFE_FREED && !s.uaf()));
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      if (b.life[group] == SchedModel.LIFE_FREED) {
        b.uaf = true;
        return b.build();
      }
      b.life[group] = SchedModel.LIFE_READY;
      b.idle |= m.config().queueMask(group);
      if (b.resetInProgress) {
        b.stoppedGroups.add(group); // panthor_group_stop: list_move_tail
      } else {
        b.idleList.get(m.config().band(group)).add(group);
      }
      return b.build();
    }
  }

  /**
   * {@code group_term_post_processing}: every in-flight job's fence is signalled with an error,
   * and the queue's sync object is set to the last seqno so that waiters are released.
   */
  record TermWork(int group) implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      return bit(s.termPending(), group);
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      SchedConfig c = m.config();
      b.termPending &= ~(1 << group);
      for (int k = 0; k < c.queues(); k++) {
        int q = c.q(group, k);
        b.executed[q] = b.submitted[q];
        b.signalled[q] = b.submitted[q];
        b.timer[q] = SchedModel.TMR_OFF;
        b.since[q] = 0;
      }
      b.blocked &= ~c.queueMask(group);
      b.waiting.remove(Integer.valueOf(group));
      SchedModel.queueSyncUpd(b, m.config()); // waiters on its sync objects are released
      return b.build();
    }
  }

  /** {@code process_fw_events_work} for slot {@code slot}'s CSG events ({@code sched->lock}). */
  record EventsWork(int slot) implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      B b = s.view(m.config().slots(), m.config().groups());
      return lockFree(s)
          && (bit(s.evtSync(), slot) || bit(s.evtIdle(), slot) || b.evtFatal[slot] != 0
              || (bit(s.evtOom(), slot) && b.slotGroup[slot] >= 0
                  && b.oomWork[b.slotGroup[slot]] == SchedModel.OOM_NONE));
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      if (b.evtFatal[slot] == 2) {
        b.unrec = true;
      }
      SchedModel.processCsgIrq(b, m.config(), slot);
      return b.build();
    }
  }

  // ---------------------------------------------------------------- reset

  /**
   * The reset work's {@code panthor_sched_pre_reset}: {@code reset.in_progress := true}, the tick
   * cancelled, and {@code panthor_sched_suspend}: every occupied slot is suspended (or
   * terminated if its group cannot run); with a hung FW the requests time out and the groups
   * are forced TERMINATED with {@code timedout} set. Every slot is unbound; groups that can run
   * go to the head of {@code idle[p]}; then every group on a run list moves to {@code
   * stopped_groups}. The waits inside are one step here.
   */
  record ResetPre() implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      return s.resetPending() && !s.resetInProgress() && lockFree(s)
          && s.pm() == SchedModel.PM_ACTIVE; // reset_work bails while the device is suspended
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      SchedConfig c = m.config();
      b.resetInProgress = true;
      b.tick = TICK_NONE;
      b.syncUpd = false; // cancel_work_sync(sync_upd_work)
      SchedModel.schedSuspend(b, c);
      // panthor_group_stop moves each to the tail of stopped_groups: every runnable list from
      // the lowest band up, then every idle list.
      for (List<List<Integer>> lists : List.of(b.runnable, b.idleList)) {
        for (int p = 0; p < 2; p++) {
          b.stoppedGroups.addAll(lists.get(p));
          lists.get(p).clear();
        }
      }
      b.used = 0;
      return b.build();
    }
  }

  /**
   * The reset work reloads the FW (every slot empty, the FW answers again), clears {@code
   * reset.pending}, and {@code panthor_sched_post_reset}: each stopped group goes back on its run
   * list if it can run (else {@code term}), {@code in_progress := false}, and an immediate tick.
   */
  record ResetPost() implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      return s.resetInProgress() && lockFree(s);
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      SchedConfig c = m.config();
      SchedModel.fwReload(b);
      b.resetPending = false;
      b.unrec = false;
      if (c.vmBind()) {
        SchedModel.releaseAllAs(b); // panthor_mmu_post_reset
      }
      for (int g : b.stoppedGroups) {
        if (SchedModel.groupCanRun(b, g)) {
          SchedModel.requeue(b, c, g);
        } else {
          b.termPending |= 1 << g;
        }
      }
      b.stoppedGroups = new ArrayList<>();
      b.resetInProgress = false;
      SchedModel.requestTick(b);
      SchedModel.queueSyncUpd(b, c);
      return b.build();
    }
  }

  // ---------------------------------------------------------------- the firmware

  /** The FW answers slot {@code slot}'s STATUS_UPDATE request. */
  record FwStatusAck(int slot) implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      return !s.hung() && bit(s.statusReq() ^ s.statusAck(), slot);
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      b.statusAck ^= 1 << slot;
      return b.build();
    }

    @Override
    public boolean host() {
      return false;
    }
  }

  /** The FW acts on slot {@code slot}'s CSG_STATE request and echoes it in {@code ack}. */
  record FwCsgAck(int slot) implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      B b = s.view(m.config().slots(), m.config().groups());
      return !s.hung() && !SchedModel.csgAcked(b, slot);
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      b.csgAck[slot] = b.csgReq[slot];
      return b.build();
    }

    @Override
    public boolean host() {
      return false;
    }
  }

  /**
   * Whether the FW runs the group on a slot: its START or RESUME is acked and no fatal or OOM
   * event stopped it.
   */
  private static boolean slotRuns(B b, int slot) {
    return b.slotGroup[slot] >= 0 && b.csgReq[slot] == b.csgAck[slot]
        && (b.csgAck[slot] == CSG_START || b.csgAck[slot] == CSG_RESUME)
        && b.evtFatal[slot] == 0 && !bit(b.evtOom, slot);
  }

  /** Queue {@code k} of the group on slot {@code slot} executes: not stopped on a sync wait. */
  private static boolean queueRuns(B b, SchedConfig c, int slot, int k) {
    if (!slotRuns(b, slot)) {
      return false;
    }
    int sync = b.sync[c.q(b.slotGroup[slot], k)];
    return sync == SchedModel.SYNC_NONE || sync == SchedModel.SYNC_DONE;
  }

  /** Some queue of the group on slot {@code slot} executes. */
  private static boolean running(B b, SchedConfig c, int slot) {
    for (int k = 0; k < c.queues(); k++) {
      if (queueRuns(b, c, slot, k)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The FW finishes the next job of queue {@code queue} of the group on slot {@code slot}: its
   * {@code SYNC_ADD64}
   * bumps the queue's sync object and raises CSG_SYNC_UPDATE.
   */
  record FwRunJob(int slot, int queue) implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      B b = s.view(m.config().slots(), m.config().groups());
      if (s.hung() || !queueRuns(b, m.config(), slot, queue)) {
        return false;
      }
      int q = m.config().q(b.slotGroup[slot], queue);
      return b.executed[q] < b.submitted[q];
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      b.executed[m.config().q(b.slotGroup[slot], queue)]++;
      b.evtSync |= 1 << slot;
      b.fwIdle &= ~(1 << slot);
      return b.build();
    }

    @Override
    public boolean host() {
      return false;
    }
  }

  /**
   * Every queue of the group on slot {@code slot} drained: the FW raises CSG_IDLE (once per
   * drain).
   */
  record FwIdle(int slot) implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      B b = s.view(m.config().slots(), m.config().groups());
      SchedConfig c = m.config();
      if (s.hung() || !running(b, c, slot) || bit(s.fwIdle(), slot)) {
        return false;
      }
      for (int k = 0; k < c.queues(); k++) {
        int q = c.q(b.slotGroup[slot], k);
        if (b.executed[q] != b.submitted[q]) {
          return false;
        }
      }
      return true;
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      b.fwIdle |= 1 << slot;
      b.evtIdle |= 1 << slot;
      return b.build();
    }

    @Override
    public boolean host() {
      return false;
    }
  }

  /**
   * The FW raises CS_FATAL on the running group of slot {@code slot} (with {@code
   * unrecoverable}, the CS_UNRECOVERABLE exception type); the CS stops.
   */
  record FwCsFatal(int slot, boolean unrecoverable) implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      B b = s.view(m.config().slots(), m.config().groups());
      return m.config().faults() && !s.hung() && running(b, m.config(), slot);
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      b.evtFatal[slot] = unrecoverable ? 2 : 1;
      return b.build();
    }

    @Override
    public boolean host() {
      return false;
    }

    @Override
    public Driver driver() {
      return Driver.ENVIRONMENT;
    }
  }

  /**
   * The FW changes slot {@code slot}'s CSG_STATE ack to an undefined value after the host's wait
   * saw it acked and before {@code csg_slot_sync_state_locked} re-reads it (only while a tick is
   * between those two points).
   */
  record FwCorruptAck(int slot) implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      B b = s.view(m.config().slots(), m.config().groups());
      return m.config().corrupt() && !s.hung()
          && (s.phase() == PH_EVICT || s.phase() == PH_BIND) && b.slotGroup[slot] >= 0
          && b.csgReq[slot] == b.csgAck[slot];
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      b.csgAck[slot] += SchedModel.CORRUPTED;
      return b.build();
    }

    @Override
    public boolean host() {
      return false;
    }

    @Override
    public Driver driver() {
      return Driver.ENVIRONMENT;
    }
  }

  /**
   * The tiler of the group on slot {@code slot} runs out of heap memory: the FW raises
   * TILER_OOM and the CS waits for the answer.
   */
  record FwTilerOom(int slot) implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      B b = s.view(m.config().slots(), m.config().groups());
      return m.config().oom() && !s.hung() && running(b, m.config(), slot);
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      b.evtOom |= 1 << slot;
      return b.build();
    }

    @Override
    public boolean host() {
      return false;
    }

    @Override
    public Driver driver() {
      return Driver.ENVIRONMENT;
    }
  }

  /**
   * The tiler-OOM work of group {@code group} ({@code group_process_tiler_oom}): under {@code
   * sched->lock}, if the group is still bound, read the heap context from the CS; then, without
   * the lock, {@code panthor_heap_grow} gives {@code outcome}. An unbound group is left alone
   * (the FW raises the OOM again after the next resume).
   */
  record OomGrow(int group, int outcome) implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      B b = s.view(m.config().slots(), m.config().groups());
      return lockFree(s) && b.oomWork[group] == SchedModel.OOM_QUEUED;
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      b.oomWork[group] = b.csgId[group] < 0 ? SchedModel.OOM_NONE : outcome;
      return b.build();
    }

    @Override
    public java.util.Map<String, org.panthorverify.core.Value> params() {
      java.util.Map<String, org.panthorverify.core.Value> p = new java.util.LinkedHashMap<>();
      p.put("group", org.panthorverify.core.Value.of(group));
      p.put("outcome", org.panthorverify.core.Value.of(SchedModel.OOM_NAMES.get(outcome)));
      return p;
    }
  }

  /**
   * The end of {@code group_process_tiler_oom}: an error other than {@code -ENOMEM} makes the
   * queue fatal and asks for a tick (variant {@code tiler-oom-null-chunk}: so does a full heap);
   * otherwise, under {@code sched->lock}, if the group is still bound, the heap registers get the
   * new chunk (or NULL) and TILER_OOM is acknowledged (doorbells rung); if it was unbound in
   * between, the chunk goes back to the heap ({@code panthor_heap_return_chunk}).
   */
  record OomFinish(int group) implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      B b = s.view(m.config().slots(), m.config().groups());
      return lockFree(s) && b.oomWork[group] >= SchedModel.OOM_CHUNK;
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      int outcome = b.oomWork[group];
      b.oomWork[group] = SchedModel.OOM_NONE;
      boolean error = outcome == SchedModel.OOM_EINVAL
          || (outcome == SchedModel.OOM_FULL && m.config().bug(SchedModel.OOM_NULL_CHUNK));
      if (error) {
        b.fatal |= 1 << group;
        SchedModel.requestTick(b);
      } else if (b.csgId[group] >= 0) {
        b.evtOom &= ~(1 << b.csgId[group]);
      }
      return b.build();
    }
  }

  // ---------------------------------------------------------------- power management

  /**
   * {@code panthor_device_suspend} (config {@code suspend}): with {@code system}, system sleep
   * forces it whatever references are held; otherwise runtime PM autosuspends, which it does
   * only when the scheduler holds no PM reference ({@code pm.has_ref}). It waits for a running
   * reset work ({@code cancel_work_sync}; a pending reset stays pending) and for {@code
   * sched->lock}; {@code panthor_sched_suspend} evicts every group; the FW is halted and
   * {@code panthor_mmu_suspend} releases every AS. The tick work is not cancelled, and neither
   * {@code used_csg_slot_count} nor {@code pm.has_ref} changes.
   */
  record PmSuspend(boolean system) implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      return m.config().suspend() && s.pm() == SchedModel.PM_ACTIVE && lockFree(s)
          && !s.resetInProgress() && (system || !s.hasRef());
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      SchedConfig c = m.config();
      SchedModel.schedSuspend(b, c);
      if (c.vmBind()) {
        SchedModel.releaseAllAs(b);
      }
      b.pm = system ? SchedModel.PM_SYSTEM_SUSPENDED : SchedModel.PM_RUNTIME_SUSPENDED;
      return b.build();
    }

    @Override
    public Driver driver() {
      return system ? Driver.ENVIRONMENT : Driver.KERNEL;
    }
  }

  /**
   * The system wakes up: {@code panthor_device_resume} brings the FW back (dropping a pending
   * reset, which the full reload replaces) and {@code panthor_sched_resume} asks for an
   * immediate tick. (A runtime-suspended device is woken by the tick or a job submission
   * instead; a resume that fails is not modelled.)
   */
  record PmResume() implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      return s.pm() == SchedModel.PM_SYSTEM_SUSPENDED;
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      SchedModel.pmResume(b);
      return b.build();
    }

    @Override
    public Driver driver() {
      return Driver.ENVIRONMENT;
    }
  }

  /** The FW hangs: it answers nothing until the next reset reloads it. */
  record FwHang() implements SchedAction {
    @Override
    public boolean enabled(SchedState s, SchedModel m) {
      return m.config().timeouts() && !s.hung() && s.pm() == SchedModel.PM_ACTIVE;
    }

    @Override
    public SchedState apply(SchedState s, SchedModel m) {
      B b = edit(s, m);
      b.hung = true;
      return b.build();
    }

    @Override
    public boolean host() {
      return false;
    }

    @Override
    public Driver driver() {
      return Driver.ENVIRONMENT;
    }
  }
}
