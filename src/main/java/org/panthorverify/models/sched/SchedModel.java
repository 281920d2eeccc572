package org.panthorverify.models.sched;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.panthorverify.core.Model;
import org.panthorverify.core.Property;
import org.panthorverify.core.Value;
import org.panthorverify.models.sched.SchedState.B;
import org.panthorverify.models.sched.SchedState.Pack;

/**
 * The CSG scheduler of panthor ({@code panthor_sched.c}): groups with one queue each, scheduled
 * onto CSG slots by the tick, against a nondeterministic firmware that acknowledges CSG requests,
 * runs jobs, raises sync-update and idle events, and may hang. See {@code
 * specs/scheduler/README.md}
 * for what is modelled and what is abstracted.
 *
 * <p>The kernel functions are the static methods of this class, named after them; the actions
 * ({@link SchedAction}) say when each runs.
 */
public final class SchedModel implements Model<SchedState, SchedAction> {
  // The tick delayed work.
  static final int TICK_NONE = 0;
  static final int TICK_DELAYED = 1;
  static final int TICK_NOW = 2;
  static final List<String> TICK_NAMES = List.of("none", "delayed", "now");

  // The tick's phase (it holds sched->lock from PH_STATUS to the end of PH_BIND).
  static final int PH_IDLE = 0;
  static final int PH_STATUS = 1;
  static final int PH_EVICT = 2;
  static final int PH_BIND = 3;
  static final List<String> PHASE_NAMES = List.of("idle", "status", "evict", "bind");

  // CSG_STATE values.
  static final int CSG_TERMINATE = 0;
  static final int CSG_START = 1;
  static final int CSG_SUSPEND = 2;
  static final int CSG_RESUME = 3;
  static final List<String> CSG_NAMES = List.of("terminate", "start", "suspend", "resume");

  // Group states.
  static final int G_CREATED = 0;
  static final int G_ACTIVE = 1;
  static final int G_SUSPENDED = 2;
  static final int G_TERMINATED = 3;
  static final int G_UNKNOWN = 4;
  static final List<String> G_NAMES =
      List.of("created", "active", "suspended", "terminated", "unknown");

  /** The highest FW slot priority; the tick hands out 15, 14, ... in pick order. */
  static final int MAX_CSG_PRIO = 15;

  // Variants (bug-zoo ids).
  static final String FULL_TICK_INVERTED = "full-tick-inverted";
  static final String STOPPED_TICK_IMMEDIATE = "stopped-tick-immediate";
  static final String PRIO_ROTATION = "prio-rotation";
  static final String TICK_NOT_RESUMED = "tick-not-resumed-on-submit";
  static final String IMMEDIATE_OVERRULED = "immediate-tick-overruled";
  static final String IDLE_TWO_SOURCES = "idle-two-sources";
  static final String UNKNOWN_STATE = "unknown-csg-state";
  static final String UNRECOVERABLE_NO_RESET = "unrecoverable-fault-no-reset";

  static final String OOM_NULL_CHUNK = "tiler-oom-null-chunk";
  static final String CREATE_PUBLISH = "group-create-publish";
  static final String PER_QUEUE_TIMEOUT = "per-queue-timeout";
  static final String TIMEOUT_RESET_INVERTED = "timeout-reset-inverted";
  static final String BIND_IGNORES_VM_FAILURE = "bind-ignores-vm-failure";

  // A queue's sync wait (config syncWait).
  static final int SYNC_NONE = 0;
  static final int SYNC_WAIT = 1;
  static final int SYNC_SIGNALLED = 2;
  static final int SYNC_DONE = 3;
  static final List<String> SYNC_NAMES = List.of("none", "wait", "signalled", "done");

  // The per-queue job timeout.
  static final int TMR_OFF = 0;
  static final int TMR_RUN = 1;
  static final int TMR_SUSP = 4;
  /** Halves of JOB_TIMEOUT after which the timer fires. */
  static final int TMR_FULL = 2;

  // A group's life cycle (config create).
  static final int LIFE_ABSENT = 0;
  static final int LIFE_PUBLISHED = 1;
  static final int LIFE_READY = 2;
  static final int LIFE_FREED = 3;
  static final List<String> LIFE_NAMES = List.of("absent", "published", "ready", "freed");

  // The tiler-OOM work of a group, and the outcome of panthor_heap_grow.
  static final int OOM_NONE = 0;
  static final int OOM_QUEUED = 1;
  /** A new chunk. */
  static final int OOM_CHUNK = 2;
  /** -ENOMEM: too many render passes in flight; answer with a NULL chunk (wait for fragments). */
  static final int OOM_WAIT = 3;
  /** The heap is at max_chunks with no render pass in flight; a NULL chunk (incremental render). */
  static final int OOM_FULL = 4;
  /** -EINVAL: bad arguments; the queue is fatal. */
  static final int OOM_EINVAL = 5;
  static final List<String> OOM_NAMES =
      List.of("none", "queued", "chunk", "enomem-wait", "enomem-full", "einval");

  // The device's PM state (config suspend).
  static final int PM_ACTIVE = 0;
  static final int PM_RUNTIME_SUSPENDED = 1;
  static final int PM_SYSTEM_SUSPENDED = 2;
  static final List<String> PM_NAMES = List.of("active", "runtime-suspended", "system-suspended");

  /** A CSG_STATE ack of {@code CORRUPTED + v}: the FW acked v, then the word changed. */
  static final int CORRUPTED = 4;

  /** Each variant with the property that must catch it and its mechanism. */
  public static final Map<String, String[]> VARIANTS = variants();

  private static Map<String, String[]> variants() {
    Map<String, String[]> v = new LinkedHashMap<>();
    v.put(FULL_TICK_INVERTED, new String[] {"S-12",
        "the full-tick flag handed to the tick context is inverted, so an early tick rotates"
            + " non-RT groups in the middle of their timeslice"});
    v.put(STOPPED_TICK_IMMEDIATE, new String[] {"FullTickDeadline",
        "with the periodic tick stopped, the time left is computed against the U64_MAX"
            + " sentinel, so an event-driven tick is never full"});
    v.put(PRIO_ROTATION, new String[] {"PriorityRotation",
        "the group holding the top slot priority of a band is not pulled out before the band"
            + " is re-picked, so it keeps the top priority at every full tick"});
    v.put(TICK_NOT_RESUMED, new String[] {"TickArmedWhenBusy",
        "a job submitted to an idle resident group does not resume the stopped tick"});
    v.put(IMMEDIATE_OVERRULED, new String[] {"ImmediateTickKept",
        "sched_resume_tick re-arms the tick with the remaining timeslice even when an"
            + " immediate tick is pending, postponing it"});
    v.put(IDLE_TWO_SOURCES, new String[] {"IdleMeansNoWork",
        "a resident group's idleness comes from the flag cached at the last STATUS_UPDATE,"
            + " which a job submission does not clear"});
    v.put(UNKNOWN_STATE, new String[] {"UnknownStateHandled",
        "an undefined CSG_STATE value in the ack is not decoded, so the group keeps its old state,"
            + " stays schedulable and no reset is scheduled"});
    v.put(UNRECOVERABLE_NO_RESET, new String[] {"UnrecoverableStopsScheduling",
        "CS_UNRECOVERABLE is handled like any CS_FATAL (flag the queue, immediate tick), so the"
            + " tick keeps starting groups on a FW that needs a reset"});
    v.put(OOM_NULL_CHUNK, new String[] {"OomExhaustionNotFatal",
        "a heap at max_chunks with no render pass in flight is reported with another error than"
            + " 'wait for fragments', and the OOM handler makes the queue fatal instead of"
            + " answering with a NULL chunk"});
    v.put(CREATE_PUBLISH, new String[] {"NoUseAfterFree",
        "GROUP_CREATE publishes the handle before it finishes initialising the group, so a"
            + " GROUP_DESTROY that guesses the handle frees it under its creator"});
    v.put(PER_QUEUE_TIMEOUT, new String[] {"TimerTracksWork",
        "a job queued on a resident group whose timer was stopped leaves it stopped (the run-job"
            + " path undoes the start), so a stuck job is never timed out"});
    v.put(TIMEOUT_RESET_INVERTED, new String[] {"TimeoutOnlyWithoutProgress",
        "on progress the timer is pushed back only when it is suspended, not when it runs, so a"
            + " queue that keeps completing jobs times out"});
    v.put(BIND_IGNORES_VM_FAILURE, new String[] {"S-5",
        "tick_ctx_apply ignores the error of group_bind_locked (a refactor dropping the check):"
            + " the group is bound and started although panthor_vm_active failed, so its VM"
            + " has no active address space"});
    return Collections.unmodifiableMap(v);
  }

  private final SchedConfig config;
  private final List<SchedAction> all;
  /** The renamings of interchangeable groups other than the identity (empty: no symmetry). */
  private final List<int[]> renamings;

  public SchedModel(SchedConfig config) {
    this.config = config;
    List<SchedAction> a = new ArrayList<>(List.of(new SchedAction.TickStart(),
        new SchedAction.TickPick(), new SchedAction.TickEvictDone(),
        new SchedAction.TickBindFails(),
        new SchedAction.TickFinish(), new SchedAction.WaitTimeout(),
        new SchedAction.ResetPre(), new SchedAction.ResetPost(),
        new SchedAction.TimesliceEnds()));
    for (int g = 0; g < config.groups(); g++) {
      a.add(new SchedAction.CreatePublish(g));
      a.add(new SchedAction.CreateInit(g));
    }
    for (int g = 0; g < config.groups(); g++) {
      for (int k = 0; k < config.queues(); k++) {
        a.add(new SchedAction.SubmitJob(g, k));
      }
    }
    for (int g = 0; g < config.groups(); g++) {
      a.add(new SchedAction.Destroy(g));
    }
    for (int g = 0; g < config.groups(); g++) {
      a.add(new SchedAction.TermWork(g));
    }
    a.add(new SchedAction.SyncUpdWork());
    for (int g = 0; g < config.groups(); g++) {
      for (int k = 0; k < config.queues(); k++) {
        a.add(new SchedAction.EnvSignal(g, k));
      }
    }
    for (int g = 0; g < config.groups(); g++) {
      for (int k = 0; k < config.queues(); k++) {
        a.add(new SchedAction.QueueTimePasses(g, k));
        a.add(new SchedAction.JobTimeout(g, k));
      }
    }
    for (int i = 0; i < config.slots(); i++) {
      a.add(new SchedAction.EventsWork(i));
    }
    for (int i = 0; i < config.slots(); i++) {
      a.add(new SchedAction.FwStatusAck(i));
      a.add(new SchedAction.FwCsgAck(i));
      for (int k = 0; k < config.queues(); k++) {
        a.add(new SchedAction.FwRunJob(i, k));
      }
      a.add(new SchedAction.FwIdle(i));
    }
    for (int i = 0; i < config.slots(); i++) {
      a.add(new SchedAction.FwCsFatal(i, false));
      a.add(new SchedAction.FwCsFatal(i, true));
      a.add(new SchedAction.FwCorruptAck(i));
      a.add(new SchedAction.FwTilerOom(i));
      for (int k = 0; k < config.queues(); k++) {
        a.add(new SchedAction.FwSyncWait(i, k, false));
        a.add(new SchedAction.FwSyncWait(i, k, true));
        a.add(new SchedAction.FwSyncResume(i, k));
      }
    }
    for (int g = 0; g < config.groups(); g++) {
      for (int outcome = OOM_CHUNK; outcome <= OOM_EINVAL; outcome++) {
        a.add(new SchedAction.OomGrow(g, outcome));
      }
      a.add(new SchedAction.OomFinish(g));
    }
    a.add(new SchedAction.FwHang());
    a.add(new SchedAction.PmSuspend(false));
    a.add(new SchedAction.PmSuspend(true));
    a.add(new SchedAction.PmResume());
    this.all = List.copyOf(a);
    this.renamings = config.symmetry() ? renamings(config) : List.of();
  }

  /** Every permutation of group ids that maps each group to an interchangeable one. */
  static List<int[]> renamings(SchedConfig c) {
    List<int[]> out = new ArrayList<>();
    permute(c, new int[c.groups()], 0, 0, out);
    out.removeIf(pi -> {
      for (int g = 0; g < pi.length; g++) {
        if (pi[g] != g) {
          return false;
        }
      }
      return true;
    });
    return List.copyOf(out);
  }

  private static void permute(SchedConfig c, int[] pi, int g, int used, List<int[]> out) {
    if (g == pi.length) {
      out.add(pi.clone());
      return;
    }
    for (int h = 0; h < pi.length; h++) {
      if ((used & (1 << h)) == 0 && c.interchangeable(g, h)) {
        pi[g] = h;
        permute(c, pi, g + 1, used | (1 << h), out);
      }
    }
  }

  /**
   * Symmetry reduction (config {@code symmetry}): the least state, comparing components in
   * declaration order, among the renamings of interchangeable groups. Sound because no step or
   * property tells interchangeable groups apart: lists are walked in list order, never in id
   * order, and a group's band and VM are all that its id decides.
   */
  @Override
  public SchedState canonical(SchedState s) {
    if (renamings.isEmpty()) {
      return s;
    }
    SchedState best = s;
    int[] bestKey = s.components();
    for (int[] pi : renamings) {
      SchedState t = s.permuted(pi, config.slots(), config.groups(), config.queues());
      int[] key = t.components();
      if (java.util.Arrays.compare(key, bestKey) < 0) {
        best = t;
        bestKey = key;
      }
    }
    return best;
  }

  SchedConfig config() {
    return config;
  }

  /** Every action instance of this configuration, in a fixed order. */
  List<SchedAction> actions() {
    return all;
  }

  @Override
  public String name() {
    return "scheduler";
  }

  @Override
  public List<String> variables() {
    List<String> vars = new ArrayList<>();
    for (java.lang.reflect.RecordComponent c : SchedState.class.getRecordComponents()) {
      vars.add(c.getName());
    }
    return vars;
  }

  /**
   * {@code panthor_sched_init} and the creation of every group ({@code panthor_group_create}):
   * all groups CREATED with their queue idle, on {@code idle[prio]} in creation order (with
   * config {@code create}, no group exists yet); no slot used; the periodic tick stopped; the
   * first timeslice already over.
   */
  @Override
  public List<SchedState> initialStates() {
    int groups = config.groups();
    List<Integer> idle0 = new ArrayList<>();
    List<Integer> idle1 = new ArrayList<>();
    int[] life = new int[groups];
    for (int g = 0; g < groups; g++) {
      if (config.create()) {
        life[g] = LIFE_ABSENT;
      } else {
        life[g] = LIFE_READY;
        (config.band(g) == 1 ? idle1 : idle0).add(g);
      }
    }
    int allGroups = config.create() ? 0 : (1 << config.queueCount()) - 1;
    return List.of(new SchedState(TICK_NONE, true, true, PH_IDLE, false, false, true, false,
        false, false, 0, false, 0, 0, Pack.packList(idle0), Pack.packList(idle1), 0,
        /* ctx */ 0, /* evicted */ 0, /* slotGroup */ 0, /* slotPrio */ 0, /* csgReq */ 0,
        /* csgAck */ 0, /* statusReq */ 0, /* statusAck */ 0, /* evtSync */ 0, /* evtIdle */ 0,
        /* evtFatal */ 0, /* evtOom */ 0, /* fwIdle */ 0, /* slotIdle */ 0,
        /* life */ Pack.pack(life), /* uaf */ false, /* gState */ 0,
        /* csgId */ 0,
        /* destroyed */ 0, /* timedout */ 0, /* fatal */ 0, /* unrec */ false, /* badAck */ 0,
        /* oomWork */ 0, /* sync */ 0, /* syncSb */ 0, /* blocked */ 0, /* waiting */ 0,
        /* syncUpd */ false, /* timer */ 0, /* since */ 0, /* termPending */ 0, allGroups, 0, 0, 0,
        /* vmAs */ 0, /* vmCnt */ 0, /* lru */ 0, /* ebusy */ false, PM_ACTIVE, /* hasRef */ false,
        /* leftSlot */ 0));
  }

  @Override
  public List<SchedAction> enabledActions(SchedState s) {
    List<SchedAction> out = new ArrayList<>();
    for (SchedAction a : all) {
      if (a.enabled(s, this)) {
        out.add(a);
      }
    }
    return out;
  }

  @Override
  public SchedState next(SchedState s, SchedAction a) {
    return a.apply(s, this);
  }

  @Override
  public List<String> actionNames() {
    return all.stream().map(SchedAction::name).distinct().sorted().toList();
  }

  /** Quiescent: no tick running, no reset to do, no term work left. */
  @Override
  public boolean isAcceptableEnd(SchedState s) {
    return s.phase() == PH_IDLE && !s.resetPending() && !s.resetInProgress()
        && s.termPending() == 0;
  }

  @Override
  public List<Property<SchedState, SchedAction>> properties() {
    return SchedProperties.all(this);
  }

  /** The view of {@code specs/scheduler/Scheduler.tla} (the raw state: symmetry off). */
  @Override
  public org.panthorverify.core.TlaView<SchedState, SchedAction> tla() {
    return new SchedTla(this);
  }

  @Override
  public Map<String, Value> describe(SchedState s) {
    B b = s.edit(config.slots(), config.groups());
    Map<String, Value> out = new LinkedHashMap<>();
    out.put("tick", Value.of(TICK_NAMES.get(s.tick())));
    out.put("stopped", Value.of(s.stopped()));
    out.put("elapsed", Value.of(s.elapsed()));
    out.put("phase", Value.of(PHASE_NAMES.get(s.phase())));
    out.put("full", Value.of(s.full()));
    out.put("deadline", Value.of(s.deadline()));
    out.put("stopTick", Value.of(s.stopTick()));
    out.put("mightIdle", Value.of(s.mightIdle()));
    out.put("resetPending", Value.of(s.resetPending()));
    out.put("resetInProgress", Value.of(s.resetInProgress()));
    out.put("used", Value.of(s.used()));
    out.put("hung", Value.of(s.hung()));
    out.put("runnable0", Value.of(b.runnable.get(0)));
    out.put("runnable1", Value.of(b.runnable.get(1)));
    out.put("idle0", Value.of(b.idleList.get(0)));
    out.put("idle1", Value.of(b.idleList.get(1)));
    out.put("stoppedGroups", Value.of(b.stoppedGroups));
    out.put("ctx", Value.of(b.ctx));
    out.put("evicted", Value.of(b.evicted));
    out.put("slotGroup", ints(b.slotGroup));
    out.put("slotPrio", ints(b.slotPrio));
    out.put("csgReq", names(b.csgReq, CSG_NAMES));
    out.put("csgAck", ackNames(b.csgAck));
    out.put("statusReq", Value.of(s.statusReq()));
    out.put("statusAck", Value.of(s.statusAck()));
    out.put("evtSync", Value.of(s.evtSync()));
    out.put("evtIdle", Value.of(s.evtIdle()));
    out.put("evtFatal", ints(b.evtFatal));
    out.put("evtOom", Value.of(s.evtOom()));
    out.put("fwIdle", Value.of(s.fwIdle()));
    out.put("slotIdle", Value.of(s.slotIdle()));
    out.put("life", names(b.life, LIFE_NAMES));
    out.put("uaf", Value.of(s.uaf()));
    out.put("gState", names(b.gState, G_NAMES));
    out.put("csgId", ints(b.csgId));
    out.put("destroyed", Value.of(s.destroyed()));
    out.put("timedout", Value.of(s.timedout()));
    out.put("fatal", Value.of(s.fatal()));
    out.put("unrec", Value.of(s.unrec()));
    out.put("badAck", Value.of(s.badAck()));
    out.put("oomWork", names(b.oomWork, OOM_NAMES));
    int nq = config.queueCount();
    out.put("sync", names(java.util.Arrays.copyOf(b.sync, nq), SYNC_NAMES));
    out.put("syncSb", Value.of(s.syncSb()));
    out.put("blocked", Value.of(s.blocked()));
    out.put("waiting", Value.of(b.waiting));
    out.put("syncUpd", Value.of(s.syncUpd()));
    out.put("timer", timers(java.util.Arrays.copyOf(b.timer, nq)));
    out.put("since", ints(java.util.Arrays.copyOf(b.since, nq)));
    out.put("termPending", Value.of(s.termPending()));
    out.put("idle", Value.of(s.idle()));
    out.put("submitted", ints(java.util.Arrays.copyOf(b.submitted, nq)));
    out.put("executed", ints(java.util.Arrays.copyOf(b.executed, nq)));
    out.put("signalled", ints(java.util.Arrays.copyOf(b.signalled, nq)));
    out.put("vmAs", Value.of(s.vmAs()));
    out.put("vmCnt", ints(java.util.Arrays.copyOf(b.vmCnt, config.vms())));
    out.put("lru", Value.of(b.lru));
    out.put("ebusy", Value.of(s.ebusy()));
    out.put("pm", Value.of(PM_NAMES.get(s.pm())));
    out.put("hasRef", Value.of(s.hasRef()));
    out.put("leftSlot", ints(b.leftSlot));
    return out;
  }

  private static Value ints(int[] a) {
    List<Integer> l = new ArrayList<>();
    for (int v : a) {
      l.add(v);
    }
    return Value.of(l);
  }

  private static Value timers(int[] a) {
    List<String> l = new ArrayList<>();
    for (int v : a) {
      l.add(v == TMR_OFF ? "off" : v >= TMR_SUSP ? "suspended-" + (v - TMR_SUSP)
          : "running-" + (v - TMR_RUN));
    }
    return Value.of(l);
  }

  private static Value ackNames(int[] a) {
    List<String> l = new ArrayList<>();
    for (int v : a) {
      l.add(v >= CORRUPTED ? "corrupted-" + CSG_NAMES.get(v - CORRUPTED) : CSG_NAMES.get(v));
    }
    return Value.of(l);
  }

  private static Value names(int[] a, List<String> names) {
    List<String> l = new ArrayList<>();
    for (int v : a) {
      l.add(names.get(v));
    }
    return Value.of(l);
  }

  // ================================================================ kernel functions

  static boolean bit(int mask, int i) {
    return (mask & (1 << i)) != 0;
  }

  /** {@code group_can_run}: not TERMINATED/UNKNOWN, not destroyed, timed out or fatal. */
  static boolean groupCanRun(B b, int g) {
    return b.gState[g] != G_TERMINATED && b.gState[g] != G_UNKNOWN && !bit(b.destroyed, g)
        && !bit(b.timedout, g) && !bit(b.fatal, g);
  }

  /**
   * {@code group_is_idle}: every queue idle or blocked (one queue here). Variant {@code
   * idle-two-sources} reads a resident group's idleness from the slot's cached status instead.
   */
  static boolean groupIsIdle(B b, SchedConfig c, int g) {
    if (c.bug(IDLE_TWO_SOURCES) && b.csgId[g] >= 0) {
      return bit(b.slotIdle, b.csgId[g]);
    }
    return queuesIdle(b, c, g);
  }

  /** Every queue of group {@code g} is idle or blocked (the masks' side of group_is_idle). */
  static boolean queuesIdle(B b, SchedConfig c, int g) {
    int m = c.queueMask(g);
    return ((b.idle | b.blocked) & m) == m;
  }

  /** The groups whose queues are all idle or blocked, as a group mask. */
  static int idleGroups(B b, SchedConfig c) {
    int out = 0;
    for (int g = 0; g < c.groups(); g++) {
      if (queuesIdle(b, c, g)) {
        out |= 1 << g;
      }
    }
    return out;
  }

  /** Removes a group from every run list and from {@code stopped_groups}. */
  static void unlink(B b, int g) {
    for (int p = 0; p < 2; p++) {
      b.runnable.get(p).remove(Integer.valueOf(g));
      b.idleList.get(p).remove(Integer.valueOf(g));
    }
    b.stoppedGroups.remove(Integer.valueOf(g));
  }

  /** Puts a group that can run at the tail of {@code idle[p]} or {@code runnable[p]}. */
  static void requeue(B b, SchedConfig c, int g) {
    (groupIsIdle(b, c, g) ? b.idleList : b.runnable).get(c.band(g)).add(g);
  }

  /**
   * {@code sched_queue_delayed_work(sched, tick, 0)}: an immediate tick, never queued while a
   * reset is pending or in progress.
   */
  static void requestTick(B b) {
    if (!b.resetPending && !b.resetInProgress) {
      b.tick = TICK_NOW;
    }
  }

  /**
   * {@code sched_resume_tick}: {@code resched_target := last_tick + period}; queue the tick with
   * the time left if every slot is used, else at once, unless a tick is already queued (variant
   * {@code immediate-tick-overruled} re-queues it anyway, which can postpone an immediate one).
   */
  static void schedResumeTick(B b, SchedConfig c) {
    if (b.resetPending || b.resetInProgress) {
      return;
    }
    b.stopped = false;
    if (b.tick == TICK_NONE || c.bug(IMMEDIATE_OVERRULED)) {
      b.tick = b.used == c.slots() ? TICK_DELAYED : TICK_NOW;
    }
  }

  /**
   * {@code group_schedule_locked}: new work on queue {@code k} of an unbound group. Unless that
   * queue is blocked, clears its idle bit; a group that was idle and no longer is moves from
   * {@code idle[p]} to the tail of {@code runnable[p]}; then the tick is decided.
   */
  static void groupScheduleLocked(B b, SchedConfig c, int g, int k) {
    int q = c.q(g, k);
    if (!groupCanRun(b, g) || bit(b.blocked, q)) {
      return;
    }
    boolean wasIdle = groupIsIdle(b, c, g);
    b.idle &= ~(1 << q);
    if (b.resetInProgress) {
      return;
    }
    if (wasIdle && !groupIsIdle(b, c, g)) {
      unlink(b, g);
      b.runnable.get(c.band(g)).add(g);
    }
    if (c.band(g) == 1 || b.mightIdle) {
      requestTick(b);
    } else if (!b.stopped) {
      if (b.used < c.slots()) {
        requestTick(b);
      }
    } else {
      schedResumeTick(b, c);
    }
  }

  /**
   * {@code queue_check_job_completion}: signal, in order, every job the FW finished. Progress
   * pushes a running timeout back by a full JOB_TIMEOUT ({@code queue_reset_timeout_locked};
   * variant {@code timeout-reset-inverted} does it only to a suspended one, which also starts
   * it); a drained queue stops its timer.
   */
  static void signalDone(B b, SchedConfig c, int g) {
    for (int k = 0; k < c.queues(); k++) {
      int q = c.q(g, k);
      if (b.executed[q] <= b.signalled[q]) {
        continue;
      }
      b.signalled[q] = b.executed[q];
      if (!c.jobTimeouts()) {
        continue;
      }
      b.since[q] = 0;
      if (b.signalled[q] == b.submitted[q]) {
        b.timer[q] = TMR_OFF;
        continue;
      }
      boolean running = b.timer[q] >= TMR_RUN && b.timer[q] < TMR_SUSP;
      boolean suspended = b.timer[q] >= TMR_SUSP;
      if (c.bug(TIMEOUT_RESET_INVERTED) ? suspended : running) {
        b.timer[q] = TMR_RUN;
      }
    }
  }

  /**
   * {@code queue_resume_timeout} for every queue of group {@code g} with jobs in flight: a
   * stopped timer starts afresh, a suspended one goes on.
   */
  static void timerResume(B b, SchedConfig c, int g) {
    for (int k = 0; k < c.queues(); k++) {
      timerResumeQueue(b, c, c.q(g, k));
    }
  }

  /** {@code queue_resume_timeout} for queue {@code q}. */
  static void timerResumeQueue(B b, SchedConfig c, int q) {
    if (!c.jobTimeouts() || b.submitted[q] == b.signalled[q]) {
      return;
    }
    if (b.timer[q] == TMR_OFF) {
      b.timer[q] = TMR_RUN;
      b.since[q] = 0;
    } else if (b.timer[q] >= TMR_SUSP) {
      b.timer[q] -= TMR_SUSP - TMR_RUN;
    }
  }

  /**
   * {@code queue_suspend_timeout_locked} for every queue of group {@code g}: a running timer
   * keeps what it used. Exception: a queue blocked on a sync object while the group can run and
   * is idle keeps its timer running, since only an external signal can unblock it and that wait
   * is time-boxed.
   */
  static void timerSuspend(B b, SchedConfig c, int g) {
    boolean idleGroup = groupCanRun(b, g) && groupIsIdle(b, c, g);
    for (int k = 0; k < c.queues(); k++) {
      int q = c.q(g, k);
      if (idleGroup && bit(b.blocked, q)) {
        continue;
      }
      if (c.jobTimeouts() && b.timer[q] >= TMR_RUN && b.timer[q] < TMR_SUSP) {
        b.timer[q] += TMR_SUSP - TMR_RUN;
      }
    }
  }

  /**
   * {@code sched_process_csg_irq_locked} for slot {@code i}: a sync update signals finished
   * jobs; an idle event sets {@code might_have_idle_groups} and asks for an immediate tick
   * ({@code csg_slot_process_idle_event_locked}).
   */
  static void processCsgIrq(B b, SchedConfig c, int i) {
    int g = b.slotGroup[i];
    if (b.evtFatal[i] != 0) {
      csSlotProcessFatal(b, c, i);
    }
    if (bit(b.evtSync, i) && g >= 0) {
      signalDone(b, c, g);
      queueSyncUpd(b, c);
    }
    if (bit(b.evtOom, i) && g >= 0 && b.oomWork[g] == OOM_NONE) {
      b.oomWork[g] = OOM_QUEUED; // cs_slot_process_tiler_oom_event_locked; not acked yet
    }
    if (bit(b.evtIdle, i)) {
      b.mightIdle = true;
      requestTick(b);
    }
    b.evtSync &= ~(1 << i);
    b.evtIdle &= ~(1 << i);
  }

  /**
   * {@code cs_slot_process_fatal_event_locked}: the queue is flagged fatal; CS_UNRECOVERABLE
   * schedules a device reset and cancels the tick so that nothing is started before the reset
   * (variant {@code unrecoverable-fault-no-reset} asks for an immediate tick, as for any fatal).
   */
  static void csSlotProcessFatal(B b, SchedConfig c, int i) {
    int g = b.slotGroup[i];
    if (g >= 0) {
      b.fatal |= 1 << g;
    }
    if (b.evtFatal[i] == 2 && !c.bug(UNRECOVERABLE_NO_RESET)) {
      scheduleReset(b);
      b.tick = TICK_NONE;
    } else {
      requestTick(b);
    }
    b.evtFatal[i] = 0;
  }

  /**
   * {@code sched_queue_work(sched, sync_upd)}: like every scheduler work, not queued while a
   * reset is pending or in progress (post-reset queues it).
   */
  static void queueSyncUpd(B b, SchedConfig c) {
    if (c.syncWait() && !b.resetPending && !b.resetInProgress) {
      b.syncUpd = true;
    }
  }

  /** {@code panthor_device_schedule_reset}. */
  static void scheduleReset(B b) {
    b.resetPending = true;
  }

  /**
   * {@code group_unbind_locked}: {@code panthor_vm_idle}, then free the slot (its FW-side state
   * with it); {@code tiler_oom} is
   * cleared and a queued OOM work cancelled (one already running goes on and rechecks).
   */
  static void groupUnbind(B b, SchedConfig c, int g) {
    int i = b.csgId[g];
    vmIdle(b, c, c.vm(g));
    if (c.moves()) {
      b.leftSlot[g] = i;
    }
    b.slotGroup[i] = -1;
    b.csgId[g] = -1;
    b.evtSync &= ~(1 << i);
    b.evtIdle &= ~(1 << i);
    b.evtFatal[i] = 0;
    b.evtOom &= ~(1 << i);
    if (b.oomWork[g] == OOM_QUEUED) {
      b.oomWork[g] = OOM_NONE; // cancel_work: a running work is not stopped
    }
    b.fwIdle &= ~(1 << i);
    b.slotIdle &= ~(1 << i);
  }

  /**
   * Whether binding a group of {@code vm} has to program an address space: the VM is not active
   * and holds none ({@code panthor_vm_active} then picks a free AS or evicts the LRU's head and
   * calls {@code panthor_mmu_as_enable}). Always false without config {@code vmbind}.
   */
  static boolean vmNeedsEnable(B b, SchedConfig c, int vm) {
    return c.vmBind() && b.vmCnt[vm] == 0 && !bit(b.vmAs, vm);
  }

  /**
   * {@code panthor_vm_active} (config {@code vmbind}; without it the AS budget of the tick is all
   * there is, and it always succeeds). An active VM gets one more reference; an idle VM that kept
   * its AS leaves the LRU; otherwise the VM takes a free AS or, when all are allocated, the AS of
   * the VM at the LRU's head, and the AS is enabled. With no free AS and an empty LRU it fails
   * with {@code -EBUSY}. With {@code enableFails}, {@code panthor_mmu_as_enable} fails (AS_ACTIVE
   * stuck; that wait itself schedules a reset): the VM keeps {@code as.id} and its alloc bit but
   * stays inactive and off the LRU until the next reset releases every AS.
   */
  static boolean vmActive(B b, SchedConfig c, int vm, boolean enableFails) {
    if (!c.vmBind()) {
      return true;
    }
    if (b.vmCnt[vm] > 0) {
      b.vmCnt[vm]++;
      return true;
    }
    if (!bit(b.vmAs, vm)) {
      if (Integer.bitCount(b.vmAs) == c.asSlots()) {
        if (b.lru.isEmpty()) {
          b.ebusy = true;
          return false;
        }
        int victim = b.lru.remove(0); // panthor_vm_release_as_locked
        b.vmAs &= ~(1 << victim);
      }
      b.vmAs |= 1 << vm;
      if (enableFails) {
        scheduleReset(b);
        return false;
      }
    }
    b.vmCnt[vm] = 1;
    b.lru.remove(Integer.valueOf(vm));
    return true;
  }

  /** {@code panthor_vm_idle}: the last reference gone, the VM keeps its AS at the LRU's tail. */
  static void vmIdle(B b, SchedConfig c, int vm) {
    if (c.vmBind() && --b.vmCnt[vm] == 0) {
      b.lru.add(vm);
    }
  }

  /**
   * {@code panthor_mmu_post_reset} and {@code panthor_mmu_suspend}: every AS is released (no
   * group is bound at that point, so no VM is active).
   */
  static void releaseAllAs(B b) {
    b.vmAs = 0;
    b.lru = new ArrayList<>();
  }

  /**
   * {@code panthor_sched_suspend}, with its waits as one step: every occupied slot, in slot
   * order, is suspended (or terminated if its group cannot run); on a hung FW the requests time
   * out and the group is forced TERMINATED with {@code timedout}. A suspended slot's sync
   * update is queued ({@code csg_slot_sync_update_locked}). Then each slot's CSG IRQs are
   * processed and it is unbound; a group that can run goes to the head of {@code idle[p]}, the
   * others get their {@code term} work.
   */
  static void schedSuspend(B b, SchedConfig c) {
    for (int i = 0; i < c.slots(); i++) {
      int g = b.slotGroup[i];
      if (g < 0) {
        continue;
      }
      if (!b.hung) {
        b.csgReq[i] = groupCanRun(b, g) ? CSG_SUSPEND : CSG_TERMINATE;
        b.csgAck[i] = b.csgReq[i];
        b.gState[g] = stateFromAck(b.csgAck[i]);
        syncQueueState(b, c, g);
        queueSyncUpd(b, c); // csg_slot_sync_update_locked
      } else {
        b.timedout |= 1 << g;
        b.gState[g] = G_TERMINATED;
      }
      processCsgIrq(b, c, i);
      timerSuspend(b, c, g);
      groupUnbind(b, c, g);
      if (groupCanRun(b, g)) {
        b.idleList.get(c.band(g)).add(0, g);
      } else {
        b.termPending |= 1 << g;
      }
    }
  }

  /**
   * The device comes back ({@code panthor_device_resume}): a pending reset is dropped (the
   * resume reloads the FW from scratch instead), the FW answers again with every interface
   * reset, and {@code panthor_sched_resume} asks for an immediate tick.
   */
  static void pmResume(B b) {
    if (b.resetPending) {
      b.resetPending = false;
      b.unrec = false;
    }
    fwReload(b);
    b.pm = PM_ACTIVE;
    requestTick(b);
  }

  /** The FW is reloaded: it answers again, and every CSG interface starts from its reset value. */
  static void fwReload(B b) {
    b.hung = false;
    java.util.Arrays.fill(b.csgReq, 0);
    java.util.Arrays.fill(b.csgAck, 0);
    b.statusReq = 0;
    b.statusAck = 0;
  }

  /** The group state a CSG_STATE ack value maps to (undefined values: UNKNOWN). */
  static int stateFromAck(int ack) {
    return switch (ack) {
      case CSG_START, CSG_RESUME -> G_ACTIVE;
      case CSG_SUSPEND -> G_SUSPENDED;
      case CSG_TERMINATE -> G_TERMINATED;
      default -> G_UNKNOWN;
    };
  }

  /**
   * {@code csg_slot_sync_state_locked} for slot {@code i}: re-read the ack and map it, whatever
   * the old state; an undefined value makes the group UNKNOWN and schedules a reset (variant
   * {@code unknown-csg-state}: it is not decoded and the group keeps its state).
   */
  static void csgSlotSyncState(B b, SchedConfig c, int i) {
    int g = b.slotGroup[i];
    int next = stateFromAck(b.csgAck[i]);
    if (b.csgAck[i] >= CORRUPTED) {
      b.badAck |= 1 << g;
      if (c.bug(UNKNOWN_STATE)) {
        return;
      }
    }
    if (next == b.gState[g]) {
      return;
    }
    if (next == G_UNKNOWN) {
      scheduleReset(b);
    }
    b.gState[g] = next;
  }

  /** Whether slot {@code i}'s CSG_STATE request was acked (the wait's masked comparison). */
  static boolean csgAcked(B b, int i) {
    return b.csgReq[i] == (b.csgAck[i] & 3);
  }

  /**
   * {@code csg_slot_sync_queues_state_locked} and {@code cs_slot_sync_queue_state_locked} for
   * each queue of bound group {@code g}: a queue waiting on a sync object puts the group on the
   * waiting list and is blocked (unless scoreboards pend); any other queue is idle when the FW
   * ran every job.
   */
  static void syncQueueState(B b, SchedConfig c, int g) {
    int i = b.csgId[g];
    for (int k = 0; k < c.queues(); k++) {
      int q = c.q(g, k);
      if (b.sync[q] == SYNC_WAIT || b.sync[q] == SYNC_SIGNALLED) {
        if (!b.waiting.contains(g)) {
          b.waiting.add(g); // list_add_tail on groups.waiting
        }
        b.idle &= ~(1 << q);
        b.blocked = bit(b.syncSb, q) ? b.blocked & ~(1 << q) : b.blocked | (1 << q);
        continue;
      }
      b.blocked &= ~(1 << q);
      boolean idle = b.executed[q] == b.submitted[q];
      b.idle = idle ? b.idle | (1 << q) : b.idle & ~(1 << q);
    }
    if (c.bug(IDLE_TWO_SOURCES)) { // only the variant reads the cached copy
      boolean idle = queuesIdle(b, c, g);
      b.slotIdle = idle ? b.slotIdle | (1 << i) : b.slotIdle & ~(1 << i);
    }
  }

  /** The number of bound groups. */
  static int boundCount(B b) {
    int n = 0;
    for (int g : b.slotGroup) {
      if (g >= 0) {
        n++;
      }
    }
    return n;
  }

  /**
   * The tick context while groups are picked: {@code ctx.groups[p]}, the chosen VMs and the
   * counters of {@code tick_ctx_pick_groups_from_list}.
   */
  static final class Ctx {
    final List<List<Integer>> groups = List.of(new ArrayList<>(), new ArrayList<>());
    final List<Integer> vms = new ArrayList<>();
    int count;
    int idleCount;
    boolean stopTick = true;
  }

  /**
   * {@code tick_ctx_pick_groups_from_list}: move the groups of {@code list} that may run (and are
   * not idle, if {@code skipIdle}) into the context, while slots remain and the AS budget allows
   * their VM.
   */
  static void pick(B b, SchedConfig c, Ctx ctx, List<Integer> list, boolean skipIdle) {
    for (Integer g : new ArrayList<>(list)) {
      if (ctx.count == c.slots()) {
        return;
      }
      boolean idle = groupIsIdle(b, c, g);
      if (!groupCanRun(b, g) || (skipIdle && idle)) {
        continue;
      }
      int vm = c.vm(g);
      if (!ctx.vms.contains(vm) && ctx.vms.size() == c.asSlots()) {
        continue;
      }
      int p = c.band(g);
      if (!idle && !ctx.groups.get(p).isEmpty()) {
        ctx.stopTick = false;
      }
      ctx.count++;
      if (idle) {
        ctx.idleCount++;
      }
      if (!ctx.vms.contains(vm)) {
        ctx.vms.add(vm);
      }
      list.remove(g);
      ctx.groups.get(p).add(g);
    }
  }

  /** {@code old_groups[p]}: the bound groups of band p, by descending slot priority. */
  static List<List<Integer>> oldGroups(B b, SchedConfig c) {
    List<List<Integer>> old = List.of(new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < c.slots(); i++) {
      if (b.slotGroup[i] >= 0) {
        old.get(c.band(b.slotGroup[i])).add(b.slotGroup[i]);
      }
    }
    for (List<Integer> l : old) {
      l.sort((x, y) -> Integer.compare(b.slotPrio[b.csgId[y]], b.slotPrio[b.csgId[x]]));
    }
    return old;
  }

  /**
   * The picking part of {@code tick_work}: the mid-tick pre-pass, the non-idle pass with the
   * rotation of each band's top group, then the idle pass. Fills {@code b.ctx} (pick order),
   * {@code b.evicted} and {@code b.stopTick}; the run lists lose the groups picked from them.
   */
  static void pickGroups(B b, SchedConfig c) {
    Ctx ctx = new Ctx();
    List<List<Integer>> old = oldGroups(b, c);
    if (!b.full) {
      for (int p = 1; p >= 0 && ctx.count < c.slots(); p--) {
        pick(b, c, ctx, old.get(p), true);
        if (p == 1) {
          pick(b, c, ctx, b.runnable.get(1), true);
        }
      }
    }
    for (int p = 1; p >= 0 && ctx.count < c.slots(); p--) {
      List<Integer> band = old.get(p);
      Integer head = null;
      if (!c.bug(PRIO_ROTATION) && !band.isEmpty()) {
        head = band.remove(0);
      }
      pick(b, c, ctx, band, true);
      pick(b, c, ctx, b.runnable.get(p), true);
      if (head != null) {
        band.add(head);
        pick(b, c, ctx, band, true);
      }
    }
    for (int p = 1; p >= 0 && ctx.count < c.slots(); p--) {
      pick(b, c, ctx, old.get(p), false);
      pick(b, c, ctx, b.idleList.get(p), false);
    }
    b.ctx = new ArrayList<>(ctx.groups.get(1));
    b.ctx.addAll(ctx.groups.get(0));
    b.evicted = new ArrayList<>(old.get(1));
    b.evicted.addAll(old.get(0));
    b.stopTick = ctx.stopTick;
  }

  /**
   * {@code tick_ctx_cleanup} after a failed tick, for the groups left in {@code old_groups} (the
   * evicted ones) and in the context's lists (the chosen ones), band by band: a group that
   * cannot run gets its {@code term} work; a bound one is only unlinked (it is on no list); any
   * other goes to the head of {@code idle[p]} or {@code runnable[p]} ({@code list_move}, so the
   * groups of a band end up in reverse order).
   */
  static void tickCleanup(B b, SchedConfig c) {
    for (int p = 0; p < 2; p++) {
      for (List<Integer> from : List.of(b.evicted, b.ctx)) {
        for (int g : from) {
          if (c.band(g) != p) {
            continue;
          }
          if (!groupCanRun(b, g)) {
            unlink(b, g);
            b.termPending |= 1 << g;
          } else if (b.csgId[g] < 0) {
            (groupIsIdle(b, c, g) ? b.idleList : b.runnable).get(p).add(0, g);
          }
        }
      }
    }
    b.ctx = new ArrayList<>();
    b.evicted = new ArrayList<>();
    b.phase = PH_IDLE;
  }
}
