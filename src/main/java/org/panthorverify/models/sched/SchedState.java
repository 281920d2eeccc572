package org.panthorverify.models.sched;

import java.util.ArrayList;
import java.util.List;

/**
 * A state of the scheduler model. Plain ints and booleans only: per-slot and per-group values
 * are packed into ints (see {@link Pack}), and the run lists are packed sequences of group ids.
 * {@link B} is the unpacked, mutable form every action works on.
 *
 * @param tick the tick delayed work: {@link SchedModel#TICK_NONE}, {@link
 *     SchedModel#TICK_DELAYED} (queued for {@code last_tick + period}) or {@link
 *     SchedModel#TICK_NOW} (queued with delay 0)
 * @param stopped {@code resched_target == U64_MAX}: the periodic tick is stopped
 * @param elapsed {@code now >= last_tick + tick_period}: the timeslice is over
 * @param phase the tick's program counter while it holds {@code sched->lock}: {@link
 *     SchedModel#PH_IDLE}, {@link SchedModel#PH_STATUS}, {@link SchedModel#PH_EVICT}, {@link
 *     SchedModel#PH_BIND}
 * @param full the running tick is a full tick (what the tick computed)
 * @param deadline the deadline had passed when the running tick started ({@code elapsed} then;
 *     the truth that {@code full} must equal)
 * @param stopTick the running tick's {@code stop_tick}
 * @param mightIdle {@code might_have_idle_groups}
 * @param resetPending {@code reset.pending} of the device
 * @param resetInProgress {@code sched->reset.in_progress}
 * @param used {@code used_csg_slot_count}
 * @param hung the FW stopped answering
 * @param runnable0 {@code groups.runnable[MEDIUM]}, packed
 * @param runnable1 {@code groups.runnable[RT]}, packed
 * @param idle0 {@code groups.idle[MEDIUM]}, packed
 * @param idle1 {@code groups.idle[RT]}, packed
 * @param stoppedGroups {@code reset.stopped_groups}, packed, in list order
 * @param ctx the running tick's chosen groups in pick order, packed
 * @param evicted the running tick's evicted groups (left in {@code old_groups}), packed, in the
 *     order {@code tick_ctx_apply} walks them (RT band first, each band by descending slot
 *     priority, the rotated head last)
 * @param slotGroup per slot: the bound group + 1, or 0
 * @param slotPrio per slot: the FW slot priority (0..15)
 * @param csgReq per slot: CSG_STATE request ({@link SchedModel#CSG_TERMINATE} ...)
 * @param csgAck per slot: CSG_STATE echoed by the FW
 * @param statusReq per slot: STATUS_UPDATE request toggle bit
 * @param statusAck per slot: STATUS_UPDATE ack toggle bit
 * @param evtSync per slot: a CSG_SYNC_UPDATE event raised and not yet processed
 * @param evtIdle per slot: a CSG_IDLE event raised and not yet processed
 * @param evtFatal per slot: a CS_FATAL raised and not yet processed: 0 none, 1 a fatal error,
 *     2 CS_UNRECOVERABLE
 * @param evtOom per slot: TILER_OOM raised and not acknowledged yet
 * @param fwIdle per slot: the FW saw the slot's queue drain (and raised CSG_IDLE once)
 * @param slotIdle per slot: idleness cached at the last STATUS_UPDATE (only the variant {@code
 *     idle-two-sources} reads it)
 * @param life per group: {@link SchedModel#LIFE_ABSENT}, {@link SchedModel#LIFE_PUBLISHED} (its
 *     handle is in the file's group pool, creation not finished), {@link SchedModel#LIFE_READY},
 *     {@link SchedModel#LIFE_FREED} (freed while its creator was still initialising it)
 * @param uaf a freed group was used (the creator went on initialising it)
 * @param gState per group: {@link SchedModel#G_CREATED} ... {@link SchedModel#G_UNKNOWN}
 * @param csgId per group: its slot + 1, or 0 (unbound)
 * @param destroyed groups with {@code destroyed} set
 * @param timedout groups with {@code timedout} set
 * @param fatal groups with a fatal queue ({@code fatal_queues != 0})
 * @param unrec a CS_UNRECOVERABLE was processed by the FW-events work and no reset completed
 *     since (the marker the property of bug-zoo entry 16 needs)
 * @param badAck groups whose slot's CSG_STATE ack was read as an undefined value (the marker of
 *     bug-zoo entry 2)
 * @param oomWork per group: the tiler-OOM work: {@link SchedModel#OOM_NONE}, queued, or grown
 *     with an outcome ({@link SchedModel#OOM_CHUNK} ... {@link SchedModel#OOM_EINVAL}) and not
 *     finished
 * @param sync per queue: its sync wait: {@link SchedModel#SYNC_NONE}, {@link
 *     SchedModel#SYNC_WAIT} (the FW is blocked on it), {@link SchedModel#SYNC_SIGNALLED} (the
 *     object is signalled, the FW has not re-evaluated yet), {@link SchedModel#SYNC_DONE}
 * @param syncSb queues whose FW status reported pending scoreboards with the sync wait (a queue
 *     mask)
 * @param blocked queues in their group's {@code blocked_queues} (a queue mask)
 * @param waiting {@code groups.waiting}, packed, in list order
 * @param syncUpd {@code sync_upd_work} is queued
 * @param timer per queue: its job timeout: {@link SchedModel#TMR_OFF}, running with 0,
 *     1 or 2 halves of JOB_TIMEOUT used ({@code TMR_RUN + k}), or suspended with k halves used
 *     ({@code TMR_SUSP + k})
 * @param since per queue: halves of JOB_TIMEOUT of running time since the queue last made
 *     progress (0..2; the truth the timer must agree with)
 * @param termPending groups whose {@code term} work is queued
 * @param idle queues in their group's {@code idle_queues} (a queue mask)
 * @param submitted per queue: jobs that reached {@code queue_run_job} (the last seqno)
 * @param executed per queue: jobs the FW finished (the queue's sync object)
 * @param signalled per queue: done fences signalled
 * @param vmAs (config {@code vmbind}) VMs that hold an address space ({@code vm->as.id >= 0}), a
 *     VM mask
 * @param vmCnt (config {@code vmbind}) per VM: {@code as.active_cnt}, packed
 * @param lru (config {@code vmbind}) {@code as.lru_list}: idle VMs that keep their AS, packed,
 *     least recently idled first
 * @param ebusy (config {@code vmbind}) {@code panthor_vm_active} returned {@code -EBUSY} (no
 *     free AS and no idle VM to evict): the marker of property {@code VmActiveNotBusy}
 * @param pm (config {@code suspend}) the device's PM state: {@link SchedModel#PM_ACTIVE}, {@link
 *     SchedModel#PM_RUNTIME_SUSPENDED}, {@link SchedModel#PM_SYSTEM_SUSPENDED}
 * @param hasRef (config {@code suspend}) {@code pm.has_ref}: the scheduler holds a runtime-PM
 *     reference (a non-idle group is bound)
 * @param leftSlot (config {@code moves}) per group: the slot it was last unbound from + 1, or 0
 */
public record SchedState(
    int tick,
    boolean stopped,
    boolean elapsed,
    int phase,
    boolean full,
    boolean deadline,
    boolean stopTick,
    boolean mightIdle,
    boolean resetPending,
    boolean resetInProgress,
    int used,
    boolean hung,
    int runnable0,
    int runnable1,
    int idle0,
    int idle1,
    int stoppedGroups,
    int ctx,
    int evicted,
    int slotGroup,
    int slotPrio,
    int csgReq,
    int csgAck,
    int statusReq,
    int statusAck,
    int evtSync,
    int evtIdle,
    int evtFatal,
    int evtOom,
    int fwIdle,
    int slotIdle,
    int life,
    boolean uaf,
    int gState,
    int csgId,
    int destroyed,
    int timedout,
    int fatal,
    boolean unrec,
    int badAck,
    int oomWork,
    int sync,
    int syncSb,
    int blocked,
    int waiting,
    boolean syncUpd,
    int timer,
    int since,
    int termPending,
    int idle,
    int submitted,
    int executed,
    int signalled,
    int vmAs,
    int vmCnt,
    int lru,
    boolean ebusy,
    int pm,
    boolean hasRef,
    int leftSlot) {

  /** 4-bit fields packed into an int, and packed lists of small positive values. */
  static final class Pack {
    private Pack() {}

    static int get(int word, int i) {
      return (word >>> (4 * i)) & 0xF;
    }

    static int set(int word, int i, int v) {
      return (word & ~(0xF << (4 * i))) | (v << (4 * i));
    }

    static int pack(int[] values) {
      int w = 0;
      for (int i = values.length - 1; i >= 0; i--) {
        w = (w << 4) | values[i];
      }
      return w;
    }

    static int[] unpack(int word, int n) {
      int[] out = new int[n];
      for (int i = 0; i < n; i++) {
        out[i] = get(word, i);
      }
      return out;
    }

    /** A packed list of group ids (stored + 1, 0 ends the list). */
    static List<Integer> list(int word) {
      List<Integer> out = new ArrayList<>();
      for (int w = word; w != 0; w >>>= 4) {
        out.add((w & 0xF) - 1);
      }
      return out;
    }

    /** The set of group ids in a packed list, as a mask. */
    static int mask(int word) {
      int m = 0;
      for (int w = word; w != 0; w >>>= 4) {
        m |= 1 << ((w & 0xF) - 1);
      }
      return m;
    }

    static int packList(List<Integer> groups) {
      int w = 0;
      for (int i = groups.size() - 1; i >= 0; i--) {
        w = (w << 4) | (groups.get(i) + 1);
      }
      return w;
    }
  }

  /** Every component as an int, in declaration order (the order symmetry reduction compares). */
  int[] components() {
    return new int[] {
        tick,
        stopped ? 1 : 0,
        elapsed ? 1 : 0,
        phase,
        full ? 1 : 0,
        deadline ? 1 : 0,
        stopTick ? 1 : 0,
        mightIdle ? 1 : 0,
        resetPending ? 1 : 0,
        resetInProgress ? 1 : 0,
        used,
        hung ? 1 : 0,
        runnable0,
        runnable1,
        idle0,
        idle1,
        stoppedGroups,
        ctx,
        evicted,
        slotGroup,
        slotPrio,
        csgReq,
        csgAck,
        statusReq,
        statusAck,
        evtSync,
        evtIdle,
        evtFatal,
        evtOom,
        fwIdle,
        slotIdle,
        life,
        uaf ? 1 : 0,
        gState,
        csgId,
        destroyed,
        timedout,
        fatal,
        unrec ? 1 : 0,
        badAck,
        oomWork,
        sync,
        syncSb,
        blocked,
        waiting,
        syncUpd ? 1 : 0,
        timer,
        since,
        termPending,
        idle,
        submitted,
        executed,
        signalled,
        vmAs,
        vmCnt,
        lru,
        ebusy ? 1 : 0,
        pm,
        hasRef ? 1 : 0,
        leftSlot};
  }

  /**
   * This state with its group ids renamed by {@code pi} (group {@code g} becomes {@code
   * pi[g]}): per-group values move, group masks and lists and slot owners are renamed.
   */
  SchedState permuted(int[] pi, int slots, int groups, int queues) {
    B b = edit(slots, groups);
    B out = edit(slots, groups);
    for (int p = 0; p < 2; p++) {
      out.runnable.set(p, rename(b.runnable.get(p), pi));
      out.idleList.set(p, rename(b.idleList.get(p), pi));
    }
    out.stoppedGroups = rename(b.stoppedGroups, pi);
    out.ctx = rename(b.ctx, pi);
    out.evicted = rename(b.evicted, pi);
    out.waiting = rename(b.waiting, pi);
    for (int i = 0; i < slots; i++) {
      out.slotGroup[i] = b.slotGroup[i] < 0 ? -1 : pi[b.slotGroup[i]];
    }
    for (int g = 0; g < groups; g++) {
      int h = pi[g];
      out.life[h] = b.life[g];
      out.gState[h] = b.gState[g];
      out.csgId[h] = b.csgId[g];
      out.oomWork[h] = b.oomWork[g];
      out.leftSlot[h] = b.leftSlot[g];
      for (int k = 0; k < queues; k++) {
        int from = g * queues + k;
        int to = h * queues + k;
        out.sync[to] = b.sync[from];
        out.timer[to] = b.timer[from];
        out.since[to] = b.since[from];
        out.submitted[to] = b.submitted[from];
        out.executed[to] = b.executed[from];
        out.signalled[to] = b.signalled[from];
      }
    }
    int[] qpi = new int[groups * queues];
    for (int g = 0; g < groups; g++) {
      for (int k = 0; k < queues; k++) {
        qpi[g * queues + k] = pi[g] * queues + k;
      }
    }
    out.destroyed = renameMask(b.destroyed, pi);
    out.timedout = renameMask(b.timedout, pi);
    out.fatal = renameMask(b.fatal, pi);
    out.badAck = renameMask(b.badAck, pi);
    out.syncSb = renameMask(b.syncSb, qpi);
    out.blocked = renameMask(b.blocked, qpi);
    out.termPending = renameMask(b.termPending, pi);
    out.idle = renameMask(b.idle, qpi);
    return out.build();
  }

  private static List<Integer> rename(List<Integer> groups, int[] pi) {
    List<Integer> out = new ArrayList<>(groups.size());
    for (int g : groups) {
      out.add(pi[g]);
    }
    return out;
  }

  private static int renameMask(int mask, int[] pi) {
    int out = 0;
    for (int g = 0; g < pi.length; g++) {
      if ((mask & (1 << g)) != 0) {
        out |= 1 << pi[g];
      }
    }
    return out;
  }

  B edit(int slots, int groups) {
    return new B(this, slots, groups);
  }

  /** The last state each thread decoded for reading, and its decoded form. */
  private static final ThreadLocal<Object[]> VIEW = ThreadLocal.withInitial(() -> new Object[2]);

  /**
   * The decoded form of this state for reading only (guards and properties): the explorer asks
   * for it many times in a row for the same state, so each thread keeps the last one. Never
   * modify it; {@link #edit} gives a fresh copy to modify.
   */
  B view(int slots, int groups) {
    Object[] cache = VIEW.get();
    if (cache[0] == this) {
      return (B) cache[1];
    }
    B b = new B(this, slots, groups);
    cache[0] = this;
    cache[1] = b;
    return b;
  }

  /** Per-queue arrays are decoded with this many entries (the most queues a config has). */
  static final int QUEUES = 8;

  /**
   * The mutable form of a state. Lists are {@code ArrayList}s of group ids, in list order.
   * Per-queue arrays have {@link #QUEUES} entries; queue {@code k} of group {@code g} is entry
   * {@code g * queues + k}.
   */
  static final class B {
    int tick;
    boolean stopped;
    boolean elapsed;
    int phase;
    boolean full;
    boolean deadline;
    boolean stopTick;
    boolean mightIdle;
    boolean resetPending;
    boolean resetInProgress;
    int used;
    boolean hung;
    final List<List<Integer>> runnable = new ArrayList<>();
    final List<List<Integer>> idleList = new ArrayList<>();
    List<Integer> stoppedGroups;
    List<Integer> ctx;
    List<Integer> evicted;
    final int[] slotGroup;
    final int[] slotPrio;
    final int[] csgReq;
    final int[] csgAck;
    int statusReq;
    int statusAck;
    int evtSync;
    int evtIdle;
    final int[] evtFatal;
    int evtOom;
    int fwIdle;
    int slotIdle;
    final int[] life;
    boolean uaf;
    final int[] gState;
    final int[] csgId;
    int destroyed;
    int timedout;
    int fatal;
    boolean unrec;
    int badAck;
    final int[] oomWork;
    final int[] sync;
    int syncSb;
    int blocked;
    List<Integer> waiting;
    boolean syncUpd;
    final int[] timer;
    final int[] since;
    int termPending;
    int idle;
    final int[] submitted;
    final int[] executed;
    final int[] signalled;
    int vmAs;
    /** Per VM (always six entries; only the first {@code vms} are used). */
    final int[] vmCnt;
    List<Integer> lru;
    boolean ebusy;
    int pm;
    boolean hasRef;
    final int[] leftSlot;

    B(SchedState s, int slots, int groups) {
      tick = s.tick;
      stopped = s.stopped;
      elapsed = s.elapsed;
      phase = s.phase;
      full = s.full;
      deadline = s.deadline;
      stopTick = s.stopTick;
      mightIdle = s.mightIdle;
      resetPending = s.resetPending;
      resetInProgress = s.resetInProgress;
      used = s.used;
      hung = s.hung;
      runnable.add(Pack.list(s.runnable0));
      runnable.add(Pack.list(s.runnable1));
      idleList.add(Pack.list(s.idle0));
      idleList.add(Pack.list(s.idle1));
      stoppedGroups = Pack.list(s.stoppedGroups);
      ctx = Pack.list(s.ctx);
      evicted = Pack.list(s.evicted);
      slotGroup = Pack.unpack(s.slotGroup, slots);
      for (int i = 0; i < slots; i++) {
        slotGroup[i]--;
      }
      slotPrio = Pack.unpack(s.slotPrio, slots);
      csgReq = Pack.unpack(s.csgReq, slots);
      csgAck = Pack.unpack(s.csgAck, slots);
      statusReq = s.statusReq;
      statusAck = s.statusAck;
      evtSync = s.evtSync;
      evtIdle = s.evtIdle;
      evtFatal = Pack.unpack(s.evtFatal, slots);
      evtOom = s.evtOom;
      fwIdle = s.fwIdle;
      slotIdle = s.slotIdle;
      life = Pack.unpack(s.life, groups);
      uaf = s.uaf;
      gState = Pack.unpack(s.gState, groups);
      csgId = Pack.unpack(s.csgId, groups);
      for (int g = 0; g < groups; g++) {
        csgId[g]--;
      }
      destroyed = s.destroyed;
      timedout = s.timedout;
      fatal = s.fatal;
      unrec = s.unrec;
      badAck = s.badAck;
      oomWork = Pack.unpack(s.oomWork, groups);
      sync = Pack.unpack(s.sync, QUEUES);
      syncSb = s.syncSb;
      blocked = s.blocked;
      waiting = Pack.list(s.waiting);
      syncUpd = s.syncUpd;
      timer = Pack.unpack(s.timer, QUEUES);
      since = Pack.unpack(s.since, QUEUES);
      termPending = s.termPending;
      idle = s.idle;
      submitted = Pack.unpack(s.submitted, QUEUES);
      executed = Pack.unpack(s.executed, QUEUES);
      signalled = Pack.unpack(s.signalled, QUEUES);
      vmAs = s.vmAs;
      vmCnt = Pack.unpack(s.vmCnt, 6);
      lru = Pack.list(s.lru);
      ebusy = s.ebusy;
      pm = s.pm;
      hasRef = s.hasRef;
      leftSlot = Pack.unpack(s.leftSlot, groups);
      for (int g = 0; g < groups; g++) {
        leftSlot[g]--;
      }
    }

    SchedState build() {
      int[] sg = slotGroup.clone();
      for (int i = 0; i < sg.length; i++) {
        sg[i]++;
      }
      int[] ci = csgId.clone();
      int[] left = leftSlot.clone();
      for (int g = 0; g < ci.length; g++) {
        ci[g]++;
        left[g]++;
      }
      return new SchedState(tick, stopped, elapsed, phase, full, deadline, stopTick, mightIdle,
          resetPending, resetInProgress, used, hung, Pack.packList(runnable.get(0)),
          Pack.packList(runnable.get(1)), Pack.packList(idleList.get(0)),
          Pack.packList(idleList.get(1)), Pack.packList(stoppedGroups), Pack.packList(ctx),
          Pack.packList(evicted),
          Pack.pack(sg), Pack.pack(slotPrio), Pack.pack(csgReq), Pack.pack(csgAck), statusReq,
          statusAck, evtSync, evtIdle, Pack.pack(evtFatal), evtOom, fwIdle, slotIdle,
          Pack.pack(life), uaf, Pack.pack(gState), Pack.pack(ci), destroyed, timedout, fatal, unrec, badAck,
          Pack.pack(oomWork), Pack.pack(sync), syncSb, blocked, Pack.packList(waiting), syncUpd,
          Pack.pack(timer), Pack.pack(since), termPending, idle,
          Pack.pack(submitted), Pack.pack(executed), Pack.pack(signalled), vmAs, Pack.pack(vmCnt),
          Pack.packList(lru), ebusy, pm, hasRef, Pack.pack(left));
    }
  }
}
