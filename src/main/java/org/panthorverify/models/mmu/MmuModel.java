package org.panthorverify.models.mmu;

import static org.panthorverify.models.mmu.MmuState.CMD_LOCK;
import static org.panthorverify.models.mmu.MmuState.CMD_UNLOCK;
import static org.panthorverify.models.mmu.MmuState.CMD_UPDATE;
import static org.panthorverify.models.mmu.MmuState.G_BOUND;
import static org.panthorverify.models.mmu.MmuState.G_DEAD;
import static org.panthorverify.models.mmu.MmuState.G_IDLE;
import static org.panthorverify.models.mmu.MmuState.G_RUNNABLE;
import static org.panthorverify.models.mmu.MmuState.LOCK_FREE;
import static org.panthorverify.models.mmu.MmuState.LOCK_IRQ;
import static org.panthorverify.models.mmu.MmuState.LOCK_SCHED;
import static org.panthorverify.models.mmu.MmuState.W.bit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.panthorverify.core.Model;
import org.panthorverify.core.Property;
import org.panthorverify.core.Value;
import org.panthorverify.models.mmu.MmuAction.Active;
import org.panthorverify.models.mmu.MmuAction.AsCmdDone;
import org.panthorverify.models.mmu.MmuAction.AsHang;
import org.panthorverify.models.mmu.MmuAction.DestroyVm;
import org.panthorverify.models.mmu.MmuAction.EditFails;
import org.panthorverify.models.mmu.MmuAction.EvictDestroyed;
import org.panthorverify.models.mmu.MmuAction.FlushDone;
import org.panthorverify.models.mmu.MmuAction.GpuFault;
import org.panthorverify.models.mmu.MmuAction.GpuWalk;
import org.panthorverify.models.mmu.MmuAction.Irq;
import org.panthorverify.models.mmu.MmuAction.IrqRaw;
import org.panthorverify.models.mmu.MmuAction.KillFaulted;
import org.panthorverify.models.mmu.MmuAction.Op;
import org.panthorverify.models.mmu.MmuAction.Reset;
import org.panthorverify.models.mmu.MmuAction.Resume;
import org.panthorverify.models.mmu.MmuAction.RunJob;
import org.panthorverify.models.mmu.MmuAction.Submit;
import org.panthorverify.models.mmu.MmuAction.SubmitAsync;
import org.panthorverify.models.mmu.MmuAction.SubmitSync;
import org.panthorverify.models.mmu.MmuAction.Suspend;
import org.panthorverify.models.mmu.MmuAction.TickBind;
import org.panthorverify.models.mmu.MmuAction.Timeout;
import org.panthorverify.models.mmu.MmuAction.Unbind;
import org.panthorverify.models.mmu.MmuState.W;

/**
 * AS slots, the AS command protocol and VM management of panthor ({@code panthor_mmu.c}),
 * generation G3 of the reference (section 4): a locked region held across each VM operation, every
 * AS command sent and waited for ({@code as_send_cmd_and_wait}), and the Dec 2025 fixes (caches
 * flushed and a pending locked region unlocked when an AS is recycled). See {@code
 * specs/mmu/README.md} for what is modelled and what is abstracted.
 *
 * <p>Threads: the scheduler's tick (binding groups through {@code panthor_vm_active}), one VM_BIND
 * executor per VM ({@code panthor_vm_exec_op}, for async jobs and sync ioctls alike, serialised by
 * {@code op_lock}), the MMU IRQ (raw and threaded handler) and the reset work. The hardware
 * completes AS commands and cache flushes, fills its TLB by walking page tables, faults on
 * unmapped pages, and may get stuck with {@code AS_ACTIVE} set.
 */
public final class MmuModel implements Model<MmuState, MmuAction> {
  // Scheduler thread: panthor_vm_active past its fast path.
  static final int S_IDLE = 0;
  static final int S_LOCK = 1;
  static final int S_PICK = 2;
  static final int S_EV_FLUSH = 3;
  static final int S_EV_FLUSH_WAIT = 4;
  static final int S_EV_UNLOCK = 5;
  static final int S_EV_UNLOCK_WAIT = 6;
  static final int S_EV_RELEASE = 7;
  static final int S_ENABLE = 8;
  static final int S_ENABLE_WAIT = 9;
  static final int S_DONE = 10;
  static final String[] S_NAMES = {"", "Lock", "Pick", "EvictFlush", "EvictFlushWait",
      "EvictUnlock", "EvictUnlockWait", "EvictRelease", "Enable", "EnableWait", "Done"};

  // VM operation (panthor_vm_exec_op) per VM.
  static final int O_IDLE = 0;
  static final int O_LOCK = 1;
  static final int O_LOCKREG = 2;
  static final int O_LOCKREG_WAIT = 3;
  static final int O_EDIT = 4;
  static final int O_UNUSABLE = 5;
  static final int O_DIS_FLUSH = 6;
  static final int O_DIS_FLUSH_WAIT = 7;
  static final int O_DIS_UNLOCK = 8;
  static final int O_DIS_UNLOCK_WAIT = 9;
  static final int O_DIS_UPDATE = 10;
  static final int O_DIS_UPDATE_WAIT = 11;
  static final int O_UNLOCKREG = 12;
  static final int O_UL_FLUSH_WAIT = 13;
  static final int O_UL_UNLOCK = 14;
  static final int O_UL_UNLOCK_WAIT = 15;
  static final int O_END = 16;
  static final String[] O_NAMES = {"", "OpLock", "LockRegion", "LockRegionWait", "Edit",
      "DeclareUnusable", "DisableFlush", "DisableFlushWait", "DisableUnlock",
      "DisableUnlockWait", "DisableUpdate", "DisableUpdateWait", "UnlockRegion",
      "UnlockFlushWait", "Unlock", "UnlockWait", "OpDone"};

  // MMU IRQ threaded handler.
  static final int I_IDLE = 0;
  static final int I_NEXT = 1;
  static final int I_DIS_FLUSH = 2;
  static final int I_DIS_FLUSH_WAIT = 3;
  static final int I_DIS_UNLOCK = 4;
  static final int I_DIS_UNLOCK_WAIT = 5;
  static final int I_DIS_UPDATE = 6;
  static final int I_DIS_UPDATE_WAIT = 7;
  static final String[] I_NAMES = {"", "Next", "DisableFlush", "DisableFlushWait",
      "DisableUnlock", "DisableUnlockWait", "DisableUpdate", "DisableUpdateWait"};

  // Variants: the bug zoo's mmu entries, then refactor bugs of this model's own.
  static final String AS_CMD_NO_WAIT = "as-cmd-no-wait";
  static final String IRQ_MASK_STALE = "mmu-irq-mask-stale";
  static final String CLEAR_BEFORE_HANDLE = "mmu-clear-before-handle";
  static final String EVICT_ACTIVE = "evict-active-vm";
  static final String UNLOCK_WITHOUT_FLUSH = "unlock-without-flush";
  static final String RECYCLE_WITHOUT_FLUSH = "recycle-without-flush";
  static final String ACTIVE_WITHOUT_OP_LOCK = "active-without-op-lock";
  static final String IDLE_WITHOUT_LRU = "idle-without-lru";
  static final String BIND_ON_DESTROYED = "bind-on-destroyed-vm";
  static final String SUSPEND_KEEPS_LRU = "suspend-keeps-lru";

  /** Each variant with the property that must catch it and its mechanism. */
  public static final Map<String, String[]> VARIANTS = variants();

  private static Map<String, String[]> variants() {
    Map<String, String[]> v = new LinkedHashMap<>();
    v.put(AS_CMD_NO_WAIT, new String[] {"M-5",
        "AS enable and disable write UPDATE without waiting for it (write_cmd waited only"
            + " before a command), so slots_lock is dropped while the UPDATE is in flight"});
    v.put(IRQ_MASK_STALE, new String[] {"IrqMaskConsistent",
        "re-enabling a faulty AS unmasks it in MMU_INT_MASK but not in the IRQ's software"
            + " mask, which the next threaded handler writes back"});
    v.put(CLEAR_BEFORE_HANDLE, new String[] {"ClearAfterHandle",
        "the generic IRQ entry clears MMU_INT_CLEAR before the handler marks the AS faulty,"
            + " releasing the faulting agent early"});
    v.put(EVICT_ACTIVE, new String[] {"M-3",
        "eviction takes the first VM that owns an AS instead of the LRU head"});
    v.put(UNLOCK_WITHOUT_FLUSH, new String[] {"TlbCoherent",
        "panthor_vm_unlock_region sends UNLOCK without flushing the GPU caches first"});
    v.put(RECYCLE_WITHOUT_FLUSH, new String[] {"NoForeignTranslation",
        "an evicted VM's AS is handed over without the cache flush (G3 before Dec 2025)"});
    v.put(ACTIVE_WITHOUT_OP_LOCK, new String[] {"M-6",
        "panthor_vm_active does not take the VM's op_lock, so an AS can be enabled in the"
            + " middle of a VM operation that skipped locking a region"});
    v.put(IDLE_WITHOUT_LRU, new String[] {"NoEbusy",
        "panthor_vm_idle drops the active count to 0 without putting the VM on the LRU"});
    v.put(BIND_ON_DESTROYED, new String[] {"M-10",
        "panthor_vm_bind_job_create does not refuse a destroyed VM"});
    v.put(SUSPEND_KEEPS_LRU, new String[] {"M-1",
        "panthor_mmu_suspend releases only the AS of active VMs, so a VM on the LRU keeps its"
            + " as.id while resume clears alloc_mask"});
    return java.util.Collections.unmodifiableMap(v);
  }

  private final MmuConfig c;
  private final List<Property<MmuState, MmuAction>> properties;

  public MmuModel(MmuConfig config) {
    this.c = config;
    this.properties = MmuProperties.all(this);
  }

  public MmuConfig config() {
    return c;
  }

  @Override
  public String name() {
    return "mmu";
  }

  private static final List<String> VARS = List.of("slotVm", "allocMask", "faultyMask", "lru",
      "asId", "activeCnt", "lockedRegion", "destroyed", "unusable", "unhandledFault", "opLock",
      "opCtx", "opFailed", "pageTables", "bindQueue", "bindsLeft", "groups", "sched", "vmOp",
      "irq", "irqStatus", "slotsLock", "resetPending", "suspended", "asActive", "asCmd", "asStuck", "asEnabled", "asVm",
      "asLockedPage", "asRegs", "asArg", "flushing", "tlb", "mmuRaw", "mmuMask", "mmuSwMask", "stalled",
      "faultsLeft", "hangsLeft", "history");

  @Override
  public List<String> variables() {
    return VARS;
  }

  @Override
  public List<MmuState> initialStates() {
    W w = new W(c);
    // The MCU VM (VM 0) holds AS 0 from FW init on (panthor_fw_init / post-reset) and is
    // never idled.
    w.slotVm[0] = 0;
    w.asId[0] = 0;
    w.alloc = 1;
    w.active[0] = 1;
    w.asEn = 1;
    w.asVm[0] = 0;
    w.asReg[0] = 0;
    int all = (1 << c.asCount()) - 1;
    w.hwMask = all;
    w.swMask = all;
    // User VMs start with every page mapped (set up by earlier VM_BINDs).
    for (int v = 1; v < c.vmCount(); v++) {
      for (int p = 0; p < c.pages(); p++) {
        w.pt |= 1 << (v * c.pages() + p);
      }
    }
    w.binds = c.binds();
    w.faultsLeft = c.faults();
    w.hangsLeft = c.hang() ? 1 : 0;
    return List.of(w.pack());
  }

  // --- op codes: 1 + page + 2 * unmap + 4 * async, or UNMAP_ALL ---
  /** The synchronous unmap of the whole VA range by {@code panthor_vm_destroy}. */
  static final int UNMAP_ALL = 9;
  /** A lock region (or page argument) covering every page. */
  static final int ALL_PAGES = 2;

  static int code(int page, boolean unmap, boolean async) {
    return 1 + page + (unmap ? 2 : 0) + (async ? 4 : 0);
  }

  /** The page an op works on, or {@link #ALL_PAGES}. */
  static int page(int code) {
    return code == UNMAP_ALL ? ALL_PAGES : (code - 1) & 1;
  }

  static boolean unmap(int code) {
    return code == UNMAP_ALL || ((code - 1) & 2) != 0;
  }

  static boolean async(int code) {
    return code != UNMAP_ALL && ((code - 1) & 4) != 0;
  }

  @Override
  public List<MmuAction> enabledActions(MmuState s) {
    W w = s.w(c);
    List<MmuAction> out = new ArrayList<>();
    for (MmuAction a : candidates(w)) {
      if (step(w, a, false)) {
        out.add(a);
      }
    }
    return out;
  }

  @Override
  public MmuState next(MmuState s, MmuAction a) {
    W w = s.w(c);
    if (!step(w, a, true)) {
      throw new IllegalStateException("not enabled: " + a.label());
    }
    return w.pack();
  }

  /** The actions whose guards are worth evaluating in {@code w}, in a fixed order. */
  private List<MmuAction> candidates(W w) {
    List<MmuAction> out = new ArrayList<>();
    for (int g = 0; g < c.groups(); g++) {
      out.add(new Submit(g));
      out.add(new TickBind(g));
      out.add(new Unbind(g));
      out.add(new KillFaulted(g));
      out.add(new EvictDestroyed(g));
      for (int p = 0; p < c.pages(); p++) {
        out.add(new GpuWalk(g, p));
        out.add(new GpuFault(g, p));
      }
    }
    if (w.schPc != S_IDLE) {
      out.add(new Active(stepName(w)));
      out.add(new Timeout("sched"));
    }
    for (int v = 1; v < c.vmCount(); v++) {
      for (int p = 0; p < c.pages(); p++) {
        for (boolean unmap : new boolean[] {false, true}) {
          out.add(new SubmitAsync(v, unmap, p));
          out.add(new SubmitSync(v, unmap, p));
        }
      }
      out.add(new RunJob(v));
      if (w.opPc[v] != O_IDLE) {
        out.add(new Op(v, O_NAMES[w.opPc[v]]));
        out.add(new EditFails(v));
        out.add(new Timeout("op" + v));
      }
      out.add(new DestroyVm(v));
    }
    out.add(new IrqRaw());
    if (w.irqPc != I_IDLE) {
      out.add(new Irq(irqName(w)));
      out.add(new Timeout("irq"));
    }
    for (int a = 0; a < c.asCount(); a++) {
      out.add(new AsCmdDone(a));
      out.add(new AsHang(a));
    }
    out.add(new FlushDone());
    out.add(new Reset());
    out.add(new Suspend());
    out.add(new Resume());
    return out;
  }

  private static String stepName(W w) {
    return S_NAMES[w.schPc];
  }

  private String irqName(W w) {
    if (w.irqPc == I_NEXT) {
      return pendingFault(w) >= 0 ? "Handle" : "Done";
    }
    return I_NAMES[w.irqPc];
  }

  /** The lowest AS whose fault the threaded handler has still to handle, or -1. */
  private int pendingFault(W w) {
    int status = c.bug(CLEAR_BEFORE_HANDLE) ? w.irqStatus : w.raw & w.swMask;
    return status == 0 ? -1 : Integer.numberOfTrailingZeros(status);
  }

  /**
   * Evaluates the guard of {@code a} in {@code w} and, if {@code apply}, takes the step (editing
   * {@code w}). Returns whether {@code a} is enabled.
   */
  private boolean step(W w, MmuAction a, boolean apply) {
    if (a instanceof Submit x) {
      return submit(w, x.group(), apply);
    }
    if (a instanceof TickBind x) {
      return tickBind(w, x.group(), apply);
    }
    if (a instanceof Unbind x) {
      return unbind(w, x.group(), apply, G_BOUND, G_IDLE, false);
    }
    if (a instanceof KillFaulted x) {
      return w.grp[x.group()] == G_BOUND && bit(w.unhandled, c.vmOf(x.group()))
          && unbind(w, x.group(), apply, G_BOUND, G_DEAD, true);
    }
    if (a instanceof EvictDestroyed x) {
      return w.grp[x.group()] == G_BOUND && bit(w.destroyed, c.vmOf(x.group()))
          && unbind(w, x.group(), apply, G_BOUND, G_IDLE, true);
    }
    if (a instanceof Active x) {
      return w.schPc != S_IDLE && S_NAMES[w.schPc].equals(x.step()) && active(w, apply);
    }
    if (a instanceof Timeout x) {
      return timeout(w, x.thread(), apply);
    }
    if (a instanceof SubmitAsync x) {
      return submitAsync(w, x.vm(), x.unmap(), x.page(), apply);
    }
    if (a instanceof SubmitSync x) {
      return submitSync(w, x.vm(), x.unmap(), x.page(), apply);
    }
    if (a instanceof RunJob x) {
      return runJob(w, x.vm(), apply);
    }
    if (a instanceof Op x) {
      return w.opPc[x.vm()] != O_IDLE && O_NAMES[w.opPc[x.vm()]].equals(x.step())
          && op(w, x.vm(), apply);
    }
    if (a instanceof EditFails x) {
      return editFails(w, x.vm(), apply);
    }
    if (a instanceof DestroyVm x) {
      return destroy(w, x.vm(), apply);
    }
    if (a instanceof IrqRaw x) {
      return irqRaw(w, apply);
    }
    if (a instanceof Irq x) {
      return w.irqPc != I_IDLE && irqName(w).equals(x.step()) && irq(w, apply);
    }
    if (a instanceof GpuWalk x) {
      return gpu(w, x.group(), x.page(), true, apply);
    }
    if (a instanceof GpuFault x) {
      return gpu(w, x.group(), x.page(), false, apply);
    }
    if (a instanceof AsCmdDone x) {
      return asCmdDone(w, x.as(), apply);
    }
    if (a instanceof AsHang x) {
      return asHang(w, x.as(), apply);
    }
    if (a instanceof FlushDone x) {
      return flushDone(w, apply);
    }
    if (a instanceof Reset x) {
      return reset(w, apply);
    }
    if (a instanceof Suspend x) {
      return suspend(w, apply);
    }
    if (a instanceof Resume x) {
      return resume(w, apply);
    }
    throw new IllegalArgumentException("unknown action " + a);
  }

  // ---------------------------------------------------------------- helpers

  /** {@code as_send_cmd_and_wait}, first half: {@code wait_ready} saw AS_ACTIVE clear, write. */
  private static void writeCmd(W w, int a, int cmd, int arg) {
    if (bit(w.asActive, a)) {
      w.flags |= MmuState.F_OVERRUN;
    }
    w.asActive |= 1 << a;
    w.asCmd[a] = cmd;
    w.asArg[a] = arg;
  }

  /** Releases {@code slots_lock}; records a release with a command in flight on a working AS. */
  private static void release(W w) {
    if ((w.asActive & ~w.stuck) != 0) {
      w.flags |= MmuState.F_RELEASED_BUSY;
    }
    w.lockHolder = LOCK_FREE;
  }

  private static boolean lockFree(W w) {
    return w.lockHolder == LOCK_FREE;
  }

  /** The distinct VMs that groups hold or are being given an AS for. */
  private int vmsInUse(W w, int plus) {
    int mask = plus < 0 ? 0 : 1 << plus;
    for (int g = 0; g < c.groups(); g++) {
      if (w.grp[g] == G_BOUND) {
        mask |= 1 << c.vmOf(g);
      }
    }
    if (w.schPc != S_IDLE) {
      mask |= 1 << c.vmOf(w.schG);
    }
    return Integer.bitCount(mask);
  }

  // ---------------------------------------------------------------- scheduler side

  private boolean submit(W w, int g, boolean apply) {
    if (w.grp[g] != G_IDLE || bit(w.destroyed, c.vmOf(g))) {
      return false;
    }
    if (apply) {
      w.grp[g] = G_RUNNABLE;
    }
    return true;
  }

  /**
   * The tick binds a runnable group ({@code tick_ctx_apply} → {@code group_bind_locked} →
   * {@code panthor_vm_active}), keeping the number of distinct VMs within the AS budget, never
   * during a reset and never for a destroyed VM. The fast path of {@code panthor_vm_active}
   * (active_cnt already above 0) completes at once.
   */
  private boolean tickBind(W w, int g, boolean apply) {
    int v = c.vmOf(g);
    if (w.grp[g] != G_RUNNABLE || w.schPc != S_IDLE || w.resetPending || w.suspended
        || bit(w.destroyed, v) || vmsInUse(w, v) > c.as()) {
      return false;
    }
    if (apply) {
      if (w.active[v] > 0) {
        w.active[v]++;
        w.grp[g] = G_BOUND;
      } else {
        w.schPc = S_LOCK;
        w.schG = g;
      }
    }
    return true;
  }

  /**
   * Unbinding a group ({@code group_unbind_locked}) calls {@code panthor_vm_idle}: the active
   * count drops, and at 0 the VM goes to the LRU tail under {@code slots_lock}.
   */
  private boolean unbind(W w, int g, boolean apply, int from, int to, boolean kernel) {
    int v = c.vmOf(g);
    if (w.grp[g] != from) {
      return false;
    }
    if (w.active[v] == 1 && !lockFree(w)) {
      return false; // refcount_dec_and_mutex_lock waits for slots_lock
    }
    if (apply) {
      w.grp[g] = to;
      w.active[v]--;
      if (w.active[v] == 0 && !c.bug(IDLE_WITHOUT_LRU)) {
        w.lru.add(v);
      }
    }
    return true;
  }

  /** {@code panthor_vm_active} past the fast path, one step at a time. */
  private boolean active(W w, boolean apply) {
    int g = w.schG;
    int v = c.vmOf(g);
    int a = w.schAs;
    switch (w.schPc) {
      case S_LOCK -> {
        // G3: op_lock first, then slots_lock, so no AS is enabled under a locked region.
        boolean needOpLock = !c.bug(ACTIVE_WITHOUT_OP_LOCK);
        if ((needOpLock && bit(w.opLock, v)) || !lockFree(w)) {
          return false;
        }
        if (apply) {
          if (needOpLock) {
            w.opLock |= 1 << v;
          }
          w.lockHolder = LOCK_SCHED;
          w.schPc = S_PICK;
        }
        return true;
      }
      case S_PICK -> {
        if (!apply) {
          return true;
        }
        if (w.asId[v] >= 0) {
          int mine = w.asId[v];
          if (bit(w.faulty, mine)) {
            w.schAs = mine; // re-enable the faulty AS
            w.schPc = S_ENABLE;
          } else {
            w.active[v] = 1;
            w.lru.remove(Integer.valueOf(v));
            finishActive(w, v, true);
          }
          return true;
        }
        int free = -1;
        for (int x = 1; x < c.asCount() && free < 0; x++) {
          if (!bit(w.alloc, x)) {
            free = x;
          }
        }
        if (free >= 0) {
          w.slotVm[free] = v;
          w.asId[v] = free;
          w.alloc |= 1 << free;
          if (w.asVm[free] >= 0 && w.asVm[free] != v) {
            w.recycled = true;
          }
          w.schAs = free;
          w.schPc = S_ENABLE;
          return true;
        }
        int victim = -1;
        if (c.bug(EVICT_ACTIVE)) {
          for (int u = 1; u < c.vmCount() && victim < 0; u++) {
            if (u != v && w.asId[u] >= 0) {
              victim = u;
            }
          }
        } else if (!w.lru.isEmpty()) {
          victim = w.lru.get(0);
        }
        if (victim < 0) {
          w.ebusy = true; // -EBUSY: warn and give up
          finishActive(w, v, false);
          return true;
        }
        w.schVictim = victim;
        w.schAs = w.asId[victim];
        w.schPc = c.bug(RECYCLE_WITHOUT_FLUSH) ? S_EV_RELEASE : S_EV_FLUSH;
        return true;
      }
      case S_EV_FLUSH -> {
        // panthor_mmu_as_disable(recycle_slot = true): flush the GPU caches first.
        if (w.flushing) {
          return false;
        }
        if (apply) {
          w.flushing = true;
          w.schPc = S_EV_FLUSH_WAIT;
        }
        return true;
      }
      case S_EV_FLUSH_WAIT -> {
        if (w.flushing) {
          return false;
        }
        if (apply) {
          w.schPc = w.locked[w.schVictim] >= 0 ? S_EV_UNLOCK : S_EV_RELEASE;
        }
        return true;
      }
      case S_EV_UNLOCK -> {
        // The evicted VM is mid-operation with a locked region: UNLOCK it.
        if (bit(w.asActive, a)) {
          return false;
        }
        if (apply) {
          writeCmd(w, a, CMD_UNLOCK, 0);
          w.schPc = S_EV_UNLOCK_WAIT;
        }
        return true;
      }
      case S_EV_UNLOCK_WAIT -> {
        if (bit(w.asActive, a)) {
          return false;
        }
        if (apply) {
          w.locked[w.schVictim] = -1;
          w.schPc = S_EV_RELEASE;
        }
        return true;
      }
      case S_EV_RELEASE -> {
        if (apply) {
          int victim = w.schVictim;
          w.asId[victim] = -1;
          w.lru.remove(Integer.valueOf(victim));
          w.slotVm[a] = v;
          w.asId[v] = a;
          w.evicted = true;
          w.recycled = true;
          w.schVictim = -1;
          w.schPc = S_ENABLE;
        }
        return true;
      }
      case S_ENABLE -> {
        // panthor_vm_active step 6 and panthor_mmu_as_enable: clear the fault state, program
        // TRANSTAB/MEMATTR/TRANSCFG and send UPDATE.
        if (bit(w.asActive, a)) {
          return false;
        }
        if (apply) {
          w.unhandled &= ~(1 << v);
          if (bit(w.faulty, a)) {
            w.raw &= ~(1 << a);
            w.stalled &= ~(1 << a);
            w.faulty &= ~(1 << a);
            w.hwMask |= 1 << a;
            if (!c.bug(IRQ_MASK_STALE)) {
              w.swMask |= 1 << a;
            }
            w.reenabled = true;
          }
          w.asReg[a] = v;
          writeCmd(w, a, CMD_UPDATE, 0);
          w.schPc = c.bug(AS_CMD_NO_WAIT) ? S_DONE : S_ENABLE_WAIT;
        }
        return true;
      }
      case S_ENABLE_WAIT -> {
        if (bit(w.asActive, a)) {
          return false;
        }
        if (apply) {
          w.schPc = S_DONE;
        }
        return true;
      }
      case S_DONE -> {
        if (apply) {
          w.active[v] = 1;
          w.lru.remove(Integer.valueOf(v));
          finishActive(w, v, true);
        }
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /** Leaves {@code panthor_vm_active}: drop both locks; the group is bound or stays runnable. */
  private void finishActive(W w, int v, boolean bound) {
    release(w);
    if (!c.bug(ACTIVE_WITHOUT_OP_LOCK)) {
      w.opLock &= ~(1 << v);
    }
    w.grp[w.schG] = bound ? G_BOUND : G_RUNNABLE;
    w.schPc = S_IDLE;
    w.schG = 0;
    w.schAs = -1;
    w.schVictim = -1;
  }

  // ---------------------------------------------------------------- VM_BIND

  /** {@code panthor_vm_bind_job_create} refuses a destroyed or unusable VM. */
  private boolean submitAsync(W w, int v, boolean unmap, int p, boolean apply) {
    boolean refused = bit(w.destroyed, v) || bit(w.unusable, v);
    if (w.binds == 0 || w.queue[v].length >= 2 || (refused && !c.bug(BIND_ON_DESTROYED))) {
      return false;
    }
    if (apply) {
      if (refused) {
        w.flags |= MmuState.F_BIND_DEAD_VM;
      }
      w.binds--;
      int[] q = java.util.Arrays.copyOf(w.queue[v], w.queue[v].length + 1);
      q[q.length - 1] = code(p, unmap, true);
      w.queue[v] = q;
    }
    return true;
  }

  /** {@code panthor_ioctl_vm_bind_sync}: the op runs in the ioctl (one at a time per VM here). */
  private boolean submitSync(W w, int v, boolean unmap, int p, boolean apply) {
    if (w.binds == 0 || w.opPc[v] != O_IDLE || bit(w.destroyed, v)) {
      return false;
    }
    if (apply) {
      w.binds--;
      w.opPc[v] = O_LOCK;
      w.opCode[v] = code(p, unmap, false);
    }
    return true;
  }

  /** The VM's bind queue (credit limit 1) runs its next job. */
  private boolean runJob(W w, int v, boolean apply) {
    if (w.queue[v].length == 0 || w.opPc[v] != O_IDLE) {
      return false;
    }
    if (apply) {
      w.opCode[v] = w.queue[v][0];
      w.queue[v] = java.util.Arrays.copyOfRange(w.queue[v], 1, w.queue[v].length);
      w.opPc[v] = O_LOCK;
    }
    return true;
  }

  /** A page-table edit of a MAP fails: G3 declares the VM unusable right away. */
  private boolean editFails(W w, int v, boolean apply) {
    if (!c.allocfail() || w.opPc[v] != O_EDIT || unmap(w.opCode[v])) {
      return false;
    }
    if (apply) {
      w.opFailed |= 1 << v;
      w.opPc[v] = O_UNUSABLE;
    }
    return true;
  }

  /** One step of {@code panthor_vm_exec_op} for VM {@code v}. */
  private boolean op(W w, int v, boolean apply) {
    int code = w.opCode[v];
    int page = page(code);
    int a = w.asId[v];
    int me = 3 + v;
    switch (w.opPc[v]) {
      case O_LOCK -> {
        if (bit(w.opLock, v)) {
          return false;
        }
        if (code == UNMAP_ALL && vmInUse(w, v)) {
          return false; // panthor_sched_prepare_for_vm_destruction evicts the groups first
        }
        if (apply) {
          w.opLock |= 1 << v;
          w.opCtx |= 1 << v;
          if (!unmap(code) && bit(w.unusable, v)) {
            w.opFailed |= 1 << v; // -EINVAL: no MAP on an unusable VM
            w.opPc[v] = O_END;
          } else {
            w.opPc[v] = O_LOCKREG;
          }
        }
        return true;
      }
      case O_LOCKREG -> {
        // panthor_vm_lock_region: only if the VM has an AS.
        if (a < 0) {
          if (apply) {
            w.opPc[v] = O_EDIT;
          }
          return true;
        }
        if (!lockFree(w) || bit(w.asActive, a)) {
          return false;
        }
        if (apply) {
          w.lockHolder = me;
          writeCmd(w, a, CMD_LOCK, page);
          w.opPc[v] = O_LOCKREG_WAIT;
        }
        return true;
      }
      case O_LOCKREG_WAIT -> {
        if (bit(w.asActive, a)) {
          return false;
        }
        if (apply) {
          w.locked[v] = page;
          release(w);
          w.opPc[v] = O_EDIT;
        }
        return true;
      }
      case O_EDIT -> {
        if (apply) {
          // An AS being torn down (the VM evicted, or the AS disabled after a fault) had the
          // VM's region unlocked by panthor_mmu_as_disable (the Dec 2025 fix) and is on its way
          // out: the edit carries on unlocked there (see the README's observations).
          // Likewise an AS whose command timed out: a reset is pending and will wipe it.
          boolean tornDown = w.schVictim == v || w.irqAs == a || w.resetPending;
          // What matters is the hardware: an AS translating with this VM's page table.
          boolean live = a >= 0 && bit(w.asEn, a) && w.asVm[a] == v;
          if (live && !tornDown && (w.locked[v] != page || w.asLock[a] != page)) {
            w.flags |= MmuState.F_UNLOCKED_EDIT;
          }
          if (!unmap(code) && bit(w.unusable, v)) {
            w.flags |= MmuState.F_MAP_UNUSABLE;
          }
          int b = 0;
          for (int p = 0; p < c.pages(); p++) {
            if (page == ALL_PAGES || p == page) {
              b |= 1 << (v * c.pages() + p);
            }
          }
          w.pt = unmap(code) ? w.pt & ~b : w.pt | b;
          w.opPc[v] = O_UNLOCKREG;
        }
        return true;
      }
      case O_UNUSABLE -> {
        // panthor_vm_declare_unusable: unusable, and disable the AS so the GPU stops at once.
        if (a >= 0 && !lockFree(w)) {
          return false;
        }
        if (apply) {
          w.unusable |= 1 << v;
          if (a >= 0) {
            w.lockHolder = me;
            w.opPc[v] = O_DIS_FLUSH;
          } else {
            w.opPc[v] = O_UNLOCKREG;
          }
        }
        return true;
      }
      case O_DIS_FLUSH, O_DIS_FLUSH_WAIT, O_DIS_UNLOCK, O_DIS_UNLOCK_WAIT, O_DIS_UPDATE,
          O_DIS_UPDATE_WAIT -> {
        int next = disable(w, a, v, w.opPc[v] - O_DIS_FLUSH, apply);
        if (next < 0) {
          return false;
        }
        if (apply) {
          w.opPc[v] = next == 6 ? O_UNLOCKREG : O_DIS_FLUSH + next;
        }
        return true;
      }
      case O_UNLOCKREG -> {
        // panthor_vm_unlock_region: flush the GPU caches, then UNLOCK.
        if (w.locked[v] < 0 || a < 0) {
          if (apply) {
            w.locked[v] = -1;
            w.opPc[v] = O_END;
          }
          return true;
        }
        boolean flush = !c.bug(UNLOCK_WITHOUT_FLUSH);
        if (!lockFree(w) || (flush && w.flushing)) {
          return false;
        }
        if (apply) {
          w.lockHolder = me;
          if (flush) {
            w.flushing = true;
            w.opPc[v] = O_UL_FLUSH_WAIT;
          } else {
            w.opPc[v] = O_UL_UNLOCK;
          }
        }
        return true;
      }
      case O_UL_FLUSH_WAIT -> {
        if (w.flushing) {
          return false;
        }
        if (apply) {
          w.opPc[v] = O_UL_UNLOCK;
        }
        return true;
      }
      case O_UL_UNLOCK -> {
        if (bit(w.asActive, a)) {
          return false;
        }
        if (apply) {
          writeCmd(w, a, CMD_UNLOCK, 0);
          w.opPc[v] = O_UL_UNLOCK_WAIT;
        }
        return true;
      }
      case O_UL_UNLOCK_WAIT -> {
        if (bit(w.asActive, a)) {
          return false;
        }
        if (apply) {
          w.locked[v] = -1;
          release(w);
          w.opPc[v] = O_END;
        }
        return true;
      }
      case O_END -> {
        if (apply) {
          w.opCtx &= ~(1 << v);
          w.opLock &= ~(1 << v);
          if (async(code) && bit(w.opFailed, v)) {
            w.unusable |= 1 << v; // run_job: any failure marks the VM unusable
          }
          w.opFailed &= ~(1 << v);
          w.opPc[v] = O_IDLE;
          w.opCode[v] = 0;
        }
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /**
   * {@code panthor_mmu_as_disable} on AS {@code a} (VM {@code v} bound there, or -1), by the
   * thread holding {@code slots_lock}: step {@code k} of flush, flush wait, UNLOCK of a pending
   * locked region, its wait, UPDATE with the UNMAPPED configuration, its wait. Returns the next
   * step (6 when done), or -1 when the step is not enabled.
   */
  private int disable(W w, int a, int v, int k, boolean apply) {
    switch (k) {
      case 0 -> {
        if (w.flushing) {
          return -1;
        }
        if (apply) {
          w.flushing = true;
        }
        return 1;
      }
      case 1 -> {
        if (w.flushing) {
          return -1;
        }
        return v >= 0 && w.locked[v] >= 0 ? 2 : 4;
      }
      case 2 -> {
        if (bit(w.asActive, a)) {
          return -1;
        }
        if (apply) {
          writeCmd(w, a, CMD_UNLOCK, 0);
        }
        return 3;
      }
      case 3 -> {
        if (bit(w.asActive, a)) {
          return -1;
        }
        if (apply) {
          w.locked[v] = -1;
        }
        return 4;
      }
      case 4 -> {
        if (bit(w.asActive, a)) {
          return -1;
        }
        if (apply) {
          w.asReg[a] = -1;
          writeCmd(w, a, CMD_UPDATE, 0);
          if (c.bug(AS_CMD_NO_WAIT)) {
            release(w);
          }
        }
        return c.bug(AS_CMD_NO_WAIT) ? 6 : 5;
      }
      case 5 -> {
        if (bit(w.asActive, a)) {
          return -1;
        }
        if (apply) {
          release(w);
        }
        return 6;
      }
      default -> {
        return -1;
      }
    }
  }

  /** Whether a group of VM {@code v} is bound or being bound. */
  private boolean vmInUse(W w, int v) {
    for (int g = 0; g < c.groups(); g++) {
      if (c.vmOf(g) == v && w.grp[g] == G_BOUND) {
        return true;
      }
    }
    return w.schPc != S_IDLE && c.vmOf(w.schG) == v;
  }

  /**
   * {@code panthor_vm_pool_destroy_vm} / {@code panthor_vm_destroy}: mark destroyed; the
   * scheduler evicts the VM's groups ({@link EvictDestroyed}); then the whole VA range is
   * unmapped synchronously (an {@link #UNMAP_ALL} op, which waits for the groups to be gone).
   * The handle's reference is dropped; groups keep theirs, so {@code panthor_vm_free} (which
   * would release the AS) is not modelled.
   */
  private boolean destroy(W w, int v, boolean apply) {
    if (!c.destroy() || bit(w.destroyed, v) || w.opPc[v] != O_IDLE) {
      return false;
    }
    if (apply) {
      w.destroyed |= 1 << v;
      w.opPc[v] = O_LOCK;
      w.opCode[v] = UNMAP_ALL;
      for (int g = 0; g < c.groups(); g++) {
        if (c.vmOf(g) == v && w.grp[g] == G_RUNNABLE) {
          w.grp[g] = G_IDLE;
        }
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- MMU IRQ

  /**
   * The raw handler ({@code panthor_irq} raw part): a pending, unmasked fault; mask the block and
   * wake the thread. Variant {@code mmu-clear-before-handle}: the generic entry also clears the
   * status right away, releasing the faulting agents before the handler ran.
   */
  private boolean irqRaw(W w, boolean apply) {
    if (w.irqPc != I_IDLE || (w.raw & w.hwMask) == 0) {
      return false;
    }
    if (apply) {
      if (c.bug(CLEAR_BEFORE_HANDLE)) {
        int status = w.raw & w.swMask;
        if ((status & ~w.faulty) != 0) {
          w.flags |= MmuState.F_EARLY_CLEAR;
        }
        w.irqStatus = status;
        w.raw &= ~status;
        w.stalled &= ~status;
      }
      w.hwMask = 0;
      w.irqPc = I_NEXT;
    }
    return true;
  }

  /** The threaded handler {@code panthor_mmu_irq_handler}, one step at a time. */
  private boolean irq(W w, boolean apply) {
    int a = w.irqAs;
    switch (w.irqPc) {
      case I_NEXT -> {
        int f = pendingFault(w);
        if (f < 0) {
          // Done: restore MMU_INT_MASK from the software mask; panthor_sched_report_mmu_fault
          // has requested a tick (KillFaulted).
          if (apply) {
            w.hwMask = w.swMask;
            w.irqPc = I_IDLE;
            w.irqAs = -1;
          }
          return true;
        }
        if (!lockFree(w)) {
          return false;
        }
        if (apply) {
          // Read AS_FAULTSTATUS/ADDRESS; under slots_lock: faulty, masked, cleared, the VM's
          // unhandled_fault set; then disable the AS.
          w.lockHolder = LOCK_IRQ;
          w.faulty |= 1 << f;
          w.swMask &= ~(1 << f);
          if (c.bug(CLEAR_BEFORE_HANDLE)) {
            w.irqStatus &= ~(1 << f);
          } else {
            w.raw &= ~(1 << f);
            w.stalled &= ~(1 << f);
          }
          int v = w.slotVm[f];
          if (v > 0) {
            w.unhandled |= 1 << v;
          }
          w.irqAs = f;
          w.irqPc = I_DIS_FLUSH;
        }
        return true;
      }
      default -> {
        int v = w.slotVm[a];
        int next = disable(w, a, v, w.irqPc - I_DIS_FLUSH, apply);
        if (next < 0) {
          return false;
        }
        if (apply) {
          if (next == 6) {
            w.irqPc = I_NEXT;
            w.irqAs = -1;
          } else {
            w.irqPc = I_DIS_FLUSH + next;
          }
        }
        return true;
      }
    }
  }

  // ---------------------------------------------------------------- hardware

  /**
   * A GPU agent of a bound group translates page {@code p} through the AS the CSG was given: a
   * TLB miss walks the page table of the VM programmed in the AS (a fill) or faults. Walks inside
   * the locked page stall; a faulting agent waits until its fault is cleared.
   */
  private boolean gpu(W w, int g, int p, boolean walk, boolean apply) {
    if (w.grp[g] != G_BOUND) {
      return false;
    }
    int a = w.asId[c.vmOf(g)];
    if (a < 0 || !bit(w.asEn, a) || bit(w.stalled, a) || bit(w.asActive, a)
        || w.asLock[a] == p || w.asLock[a] == ALL_PAGES || w.tlb[a * c.pages() + p] >= 0) {
      return false;
    }
    int x = w.asVm[a];
    if (walk != w.mapped(x, p)) {
      return false;
    }
    if (!walk && w.faultsLeft == 0) {
      return false;
    }
    if (apply) {
      if (walk) {
        w.tlb[a * c.pages() + p] = x;
      } else {
        w.raw |= 1 << a;
        w.stalled |= 1 << a;
        w.faultsLeft--;
      }
    }
    return true;
  }

  /** AS {@code a} completes its command: UPDATE loads the registers, LOCK/UNLOCK the region. */
  private boolean asCmdDone(W w, int a, boolean apply) {
    if (!bit(w.asActive, a) || bit(w.stuck, a)) {
      return false;
    }
    if (apply) {
      switch (w.asCmd[a]) {
        case CMD_UPDATE -> {
          w.asVm[a] = w.asReg[a];
          if (w.asReg[a] >= 0) {
            w.asEn |= 1 << a;
          } else {
            // Translation off (UNMAPPED): nothing stays cached for the AS. An enabling UPDATE
            // does not invalidate: only the GPU cache flush does (see the README).
            w.asEn &= ~(1 << a);
            for (int p = 0; p < c.pages(); p++) {
              w.tlb[a * c.pages() + p] = -1;
            }
          }
        }
        case CMD_LOCK -> w.asLock[a] = w.asArg[a];
        case CMD_UNLOCK -> w.asLock[a] = -1;
        default -> { }
      }
      w.asActive &= ~(1 << a);
      w.asCmd[a] = 0;
      w.asArg[a] = 0;
    }
    return true;
  }

  private boolean asHang(W w, int a, boolean apply) {
    if (w.hangsLeft == 0 || !bit(w.asActive, a) || bit(w.stuck, a)) {
      return false;
    }
    if (apply) {
      w.stuck |= 1 << a;
      w.hangsLeft--;
    }
    return true;
  }

  /**
   * The {@code GPU_CMD} cache flush completes: L2 and LSC cleaned and invalidated, other caches
   * invalidated, and with them every cached translation (the abstraction of the TLB here).
   */
  private boolean flushDone(W w, boolean apply) {
    if (!w.flushing) {
      return false;
    }
    if (apply) {
      w.flushing = false;
      java.util.Arrays.fill(w.tlb, -1);
    }
    return true;
  }

  /**
   * A wait on a stuck AS times out ({@code wait_ready}: 100 ms): the caller schedules a reset
   * and returns an error.
   */
  private boolean timeout(W w, String thread, boolean apply) {
    if (thread.equals("sched")) {
      int pc = w.schPc;
      if (pc != S_EV_UNLOCK && pc != S_EV_UNLOCK_WAIT && pc != S_ENABLE && pc != S_ENABLE_WAIT) {
        return false;
      }
      if (!stuckBusy(w, w.schAs)) {
        return false;
      }
      if (apply) {
        w.resetPending = true;
        // Eviction failed: it does not happen. Enable failed: the VM keeps the AS with
        // active_cnt 0, off the LRU, until panthor_mmu_post_reset.
        finishActive(w, c.vmOf(w.schG), false);
      }
      return true;
    }
    if (thread.equals("irq")) {
      int k = w.irqPc - I_DIS_FLUSH;
      if (w.irqPc == I_IDLE || w.irqPc == I_NEXT || k == 0 || k == 1 || !stuckBusy(w, w.irqAs)) {
        return false;
      }
      if (apply) {
        w.resetPending = true;
        release(w);
        w.irqPc = I_NEXT;
        w.irqAs = -1;
      }
      return true;
    }
    int v = Integer.parseInt(thread.substring(2));
    int pc = w.opPc[v];
    boolean cmd = pc == O_LOCKREG_WAIT || pc == O_DIS_UNLOCK || pc == O_DIS_UNLOCK_WAIT
        || pc == O_DIS_UPDATE || pc == O_DIS_UPDATE_WAIT || pc == O_UL_UNLOCK
        || pc == O_UL_UNLOCK_WAIT || (pc == O_LOCKREG && w.asId[v] >= 0 && lockFree(w));
    if (!cmd || !stuckBusy(w, w.asId[v])) {
      return false;
    }
    if (apply) {
      w.resetPending = true;
      if (w.lockHolder == 3 + v) {
        release(w);
      }
      w.locked[v] = -1;
      w.opFailed |= 1 << v;
      w.opPc[v] = O_END;
    }
    return true;
  }

  private static boolean stuckBusy(W w, int a) {
    return a >= 0 && bit(w.asActive, a) && bit(w.stuck, a);
  }

  /**
   * The reset work, once nobody holds {@code slots_lock}: {@code panthor_sched_pre_reset}
   * (groups unbound), {@code panthor_mmu_pre_reset} (IRQ masked, bind queues stopped), the GPU
   * soft reset (AS registers, TLBs, pending commands and interrupts gone), {@code
   * panthor_mmu_post_reset} (alloc and faulty masks cleared, every AS released with active_cnt
   * 0, IRQ unmasked), {@code panthor_fw_post_reset} (the MCU VM back on AS 0), and the
   * scheduler's post-reset.
   */
  private boolean reset(W w, boolean apply) {
    if (!w.resetPending || w.suspended || !lockFree(w) || w.irqPc != I_IDLE || w.flushing
        || (w.schPc != S_IDLE && w.schPc != S_LOCK)) {
      return false;
    }
    if (apply) {
      if (w.schPc == S_LOCK) {
        w.grp[w.schG] = G_RUNNABLE;
        w.schPc = S_IDLE;
        w.schG = 0;
      }
      for (int g = 0; g < c.groups(); g++) {
        if (w.grp[g] == G_BOUND) {
          w.grp[g] = G_RUNNABLE;
        }
      }
      int n = c.asCount();
      w.asActive = 0;
      w.stuck = 0;
      w.asEn = 0;
      for (int a = 0; a < n; a++) {
        w.asCmd[a] = 0;
        w.asArg[a] = 0;
        w.asVm[a] = -1;
        w.asReg[a] = -1;
        w.asLock[a] = -1;
        int v = w.slotVm[a];
        if (v >= 0) {
          w.asId[v] = -1;
          w.active[v] = 0;
        }
        w.slotVm[a] = -1;
      }
      java.util.Arrays.fill(w.tlb, -1);
      w.raw = 0;
      w.stalled = 0;
      w.alloc = 0;
      w.faulty = 0;
      w.lru.clear();
      int all = (1 << n) - 1;
      w.hwMask = all;
      w.swMask = all;
      // panthor_fw_post_reset: the MCU VM gets AS 0 back.
      w.slotVm[0] = 0;
      w.asId[0] = 0;
      w.alloc = 1;
      w.active[0] = 1;
      w.asEn = 1;
      w.asVm[0] = 0;
      w.asReg[0] = 0;
      w.resetPending = false;
    }
    return true;
  }

  /**
   * Runtime suspend ({@code panthor_device_suspend}): the scheduler suspended first, so no group
   * is bound or being bound; then {@code panthor_mmu_suspend}, under {@code slots_lock}, disables
   * (flush, unlock of a pending locked region, UNMAPPED) and releases every assigned AS, and the
   * MMU IRQ is suspended. The AS commands are taken as completed here (a hang is the reset's
   * business); the LRU empties with the slots.
   */
  private boolean suspend(W w, boolean apply) {
    if (!c.suspend() || w.suspended || w.resetPending || !lockFree(w) || w.irqPc != I_IDLE
        || w.flushing || w.asActive != 0 || w.schPc != S_IDLE) {
      return false;
    }
    for (int g = 0; g < c.groups(); g++) {
      if (w.grp[g] == G_BOUND) {
        return false;
      }
    }
    if (apply) {
      for (int a = 0; a < c.asCount(); a++) {
        int v = w.slotVm[a];
        if (v < 0) {
          continue;
        }
        if (c.bug(SUSPEND_KEEPS_LRU) && v > 0 && w.active[v] == 0) {
          continue;
        }
        if (v > 0) {
          w.locked[v] = -1;
        }
        w.asId[v] = -1;
        w.active[v] = 0;
        w.slotVm[a] = -1;
        w.alloc &= ~(1 << a);
        w.lru.remove(Integer.valueOf(v));
        w.asEn &= ~(1 << a);
        w.asVm[a] = -1;
        w.asReg[a] = -1;
        w.asLock[a] = -1;
      }
      java.util.Arrays.fill(w.tlb, -1);
      w.hwMask = 0;
      w.swMask = 0;
      w.suspended = true;
    }
    return true;
  }

  /** Runtime resume: {@code panthor_mmu_resume}, then the FW gives the MCU VM AS 0 back. */
  private boolean resume(W w, boolean apply) {
    if (!w.suspended) {
      return false;
    }
    if (apply) {
      w.alloc = 0;
      w.faulty = 0;
      int all = (1 << c.asCount()) - 1;
      w.hwMask = all;
      w.swMask = all;
      w.slotVm[0] = 0;
      w.asId[0] = 0;
      w.alloc = 1;
      w.active[0] = 1;
      w.asEn |= 1;
      w.asVm[0] = 0;
      w.asReg[0] = 0;
      w.suspended = false;
    }
    return true;
  }

  // ---------------------------------------------------------------- Model plumbing

  @Override
  public List<Property<MmuState, MmuAction>> properties() {
    return properties;
  }

  @Override
  public List<String> actionNames() {
    return List.of("Submit", "TickBind", "Unbind", "KillFaulted", "EvictDestroyed", "Active",
        "Timeout", "SubmitAsync", "SubmitSync", "RunJob", "Op", "EditFails", "DestroyVm",
        "IrqRaw", "Irq", "GpuWalk", "GpuFault", "AsCmdDone", "AsHang", "FlushDone", "Reset",
        "Suspend", "Resume");
  }

  @Override
  public boolean isAcceptableEnd(MmuState s) {
    return true;
  }

  /** The six packed words are the canonical encoding. */
  @Override
  public void encode(MmuState s, org.panthorverify.core.StateEncoder out) {
    out.putLong(s.w0());
    out.putLong(s.w1());
    out.putLong(s.w2());
    out.putLong(s.w3());
    out.putLong(s.w4());
    out.putLong(s.w5());
  }

  /** States are six words: the BFS frontier and the liveness levels stay in {@code long[]}. */
  @Override
  public org.panthorverify.core.StateCodec<MmuState> codec() {
    return CODEC;
  }

  private static final org.panthorverify.core.StateCodec<MmuState> CODEC =
      new org.panthorverify.core.StateCodec<>() {
        @Override
        public int words() {
          return 6;
        }

        @Override
        public void pack(MmuState s, long[] dst, int off) {
          dst[off] = s.w0();
          dst[off + 1] = s.w1();
          dst[off + 2] = s.w2();
          dst[off + 3] = s.w3();
          dst[off + 4] = s.w4();
          dst[off + 5] = s.w5();
        }

        @Override
        public MmuState unpack(long[] src, int off) {
          return new MmuState(src[off], src[off + 1], src[off + 2], src[off + 3], src[off + 4],
              src[off + 5]);
        }
      };

  /** The view of {@code specs/mmu/Mmu.tla}: its variables and operator names. */
  @Override
  public org.panthorverify.core.TlaView<MmuState, MmuAction> tla() {
    return new MmuTla(c);
  }

  @Override
  public Map<String, Value> describe(MmuState s) {
    W w = s.w(c);
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("slotVm", ints(w.slotVm));
    m.put("allocMask", Value.of(w.alloc));
    m.put("faultyMask", Value.of(w.faulty));
    m.put("lru", Value.seq(w.lru.stream().map(x -> Value.of((long) x)).toList()));
    m.put("asId", ints(w.asId));
    m.put("activeCnt", ints(w.active));
    m.put("lockedRegion", ints(w.locked));
    m.put("destroyed", Value.of(w.destroyed));
    m.put("unusable", Value.of(w.unusable));
    m.put("unhandledFault", Value.of(w.unhandled));
    m.put("opLock", Value.of(w.opLock));
    m.put("opCtx", Value.of(w.opCtx));
    m.put("opFailed", Value.of(w.opFailed));
    m.put("pageTables", Value.of(w.pt));
    List<Value> qs = new ArrayList<>();
    for (int[] q : w.queue) {
      qs.add(ints(q));
    }
    m.put("bindQueue", Value.seq(qs));
    m.put("bindsLeft", Value.of(w.binds));
    m.put("groups", ints(w.grp));
    m.put("sched", Value.seq(List.of(Value.of(S_NAMES[w.schPc]), Value.of(w.schG),
        Value.of(w.schAs), Value.of(w.schVictim))));
    List<Value> ops = new ArrayList<>();
    for (int v = 0; v < c.vmCount(); v++) {
      ops.add(Value.seq(List.of(Value.of(O_NAMES[w.opPc[v]]), Value.of(w.opCode[v]))));
    }
    m.put("vmOp", Value.seq(ops));
    m.put("irq", Value.seq(List.of(Value.of(I_NAMES[w.irqPc]), Value.of(w.irqAs))));
    m.put("irqStatus", Value.of(w.irqStatus));
    m.put("slotsLock", Value.of(w.lockHolder));
    m.put("resetPending", Value.of(w.resetPending));
    m.put("suspended", Value.of(w.suspended));
    m.put("asActive", Value.of(w.asActive));
    m.put("asCmd", ints(w.asCmd));
    m.put("asStuck", Value.of(w.stuck));
    m.put("asEnabled", Value.of(w.asEn));
    m.put("asVm", ints(w.asVm));
    m.put("asLockedPage", ints(w.asLock));
    m.put("asRegs", ints(w.asReg));
    m.put("asArg", ints(w.asArg));
    m.put("flushing", Value.of(w.flushing));
    m.put("tlb", ints(w.tlb));
    m.put("mmuRaw", Value.of(w.raw));
    m.put("mmuMask", Value.of(w.hwMask));
    m.put("mmuSwMask", Value.of(w.swMask));
    m.put("stalled", Value.of(w.stalled));
    m.put("faultsLeft", Value.of(w.faultsLeft));
    m.put("hangsLeft", Value.of(w.hangsLeft));
    m.put("history", Value.seq(List.of(Value.of(w.flags), Value.of(w.evicted),
        Value.of(w.recycled), Value.of(w.reenabled), Value.of(w.ebusy))));
    return m;
  }

  private static Value ints(int[] xs) {
    List<Value> out = new ArrayList<>(xs.length);
    for (int x : xs) {
      out.add(Value.of(x));
    }
    return Value.seq(out);
  }
}
