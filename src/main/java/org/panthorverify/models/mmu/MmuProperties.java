package org.panthorverify.models.mmu;

import static org.panthorverify.models.mmu.MmuState.G_BOUND;
import static org.panthorverify.models.mmu.MmuState.W.bit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.panthorverify.core.Property;
import org.panthorverify.models.mmu.MmuState.W;

/**
 * The MMU model's properties: M-1 ... M-10 of the reference (section 4.9), the two translation
 * properties of the issue, the bug zoo's IRQ properties, NoEbusy (ML-1 as a safety property) and
 * reachability witnesses.
 */
final class MmuProperties {
  private MmuProperties() {}

  /** The last state unpacked by this thread, to unpack once for all properties of a state. */
  private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[2]);

  static W view(MmuConfig c, MmuState s) {
    Object[] last = LAST.get();
    if (last[0] == s && last[1] != null && ((W) last[1]).c == c) {
      return (W) last[1];
    }
    W w = s.w(c);
    last[0] = s;
    last[1] = w;
    return w;
  }

  static List<Property<MmuState, MmuAction>> all(MmuModel m) {
    MmuConfig c = m.config();
    List<Property<MmuState, MmuAction>> out = new ArrayList<>();
    out.add(inv(c, "M-1", "slot bijection: slots[a].vm = v iff v.as.id = a, and alloc_mask bit a"
        + " iff slots[a] holds a VM", w -> {
          for (int a = 0; a < c.asCount(); a++) {
            int v = w.slotVm[a];
            if ((v >= 0) != bit(w.alloc, a) || (v >= 0 && w.asId[v] != a)) {
              return false;
            }
          }
          for (int v = 0; v < c.vmCount(); v++) {
            if (w.asId[v] >= 0 && w.slotVm[w.asId[v]] != v) {
              return false;
            }
          }
          return true;
        }));
    out.add(inv(c, "M-2", "AS 0 holds only the MCU VM; no user VM ever gets AS 0", w -> {
      for (int v = 1; v < c.vmCount(); v++) {
        if (w.asId[v] == 0) {
          return false;
        }
      }
      return w.slotVm[0] <= 0;
    }));
    out.add(inv(c, "M-3", "active implies bound: active_cnt > 0 => as.id >= 0 and off the LRU",
        w -> {
          for (int v = 0; v < c.vmCount(); v++) {
            if (w.active[v] > 0 && (w.asId[v] < 0 || w.lru.contains(v))) {
              return false;
            }
          }
          return true;
        }));
    out.add(inv(c, "M-4", "LRU discipline: a VM on the LRU has an AS and active_cnt = 0, and"
        + " appears once", w -> {
          for (int v : w.lru) {
            if (w.asId[v] < 0 || w.active[v] != 0) {
              return false;
            }
          }
          return w.lru.stream().distinct().count() == w.lru.size();
        }));
    out.add(inv(c, "M-5", "single outstanding command: an AS command is written only after"
        + " AS_ACTIVE was seen clear, and slots_lock is never released with a command in flight"
        + " on a working AS", w -> (w.flags
            & (MmuState.F_OVERRUN | MmuState.F_RELEASED_BUSY)) == 0));
    out.add(inv(c, "M-6", "locked updates (G3): a page table of a VM that has an AS changes only"
        + " inside the VM's locked region, locked in hardware",
        w -> (w.flags & MmuState.F_UNLOCKED_EDIT) == 0));
    out.add(inv(c, "M-7", "op serialisation: op_ctx is set only under op_lock, by the VM's one"
        + " operation in progress", w -> {
          for (int v = 0; v < c.vmCount(); v++) {
            if (bit(w.opCtx, v) && (!bit(w.opLock, v) || w.opPc[v] == MmuModel.O_IDLE)) {
              return false;
            }
          }
          return true;
        }));
    out.add(inv(c, "M-8", "faulty AS: masked in the software mask, and in MMU_INT_MASK while the"
        + " IRQ thread is idle, and disabled unless the IRQ thread is disabling it now", w -> {
          for (int a = 0; a < c.asCount(); a++) {
            if (!bit(w.faulty, a)) {
              continue;
            }
            // MMU_INT_MASK is rewritten from the software mask when the threaded handler ends;
            // while it runs, panthor_vm_active may have unmasked the AS in hardware already.
            if (bit(w.swMask, a) || (w.irqPc == MmuModel.I_IDLE && bit(w.hwMask, a))) {
              return false;
            }
            boolean disabling = w.irqAs == a || w.resetPending;
            if (bit(w.asEn, a) && !disabling) {
              return false;
            }
          }
          return true;
        }));
    out.add(inv(c, "M-9", "no work on an unbound VM: a bound group's VM has an AS, enabled with"
        + " its own page table (unless the VM faulted or is unusable, or a reset is pending)",
        w -> {
          for (int g = 0; g < c.groups(); g++) {
            int v = c.vmOf(g);
            if (w.grp[g] != G_BOUND || bit(w.unhandled, v) || bit(w.unusable, v)
                || w.resetPending) {
              continue;
            }
            int a = w.asId[v];
            if (a < 0 || !bit(w.asEn, a) || w.asVm[a] != v) {
              return false;
            }
          }
          return true;
        }));
    out.add(inv(c, "M-10", "VM lifecycle: no VM_BIND job is accepted on a destroyed or unusable"
        + " VM, and no MAP runs on an unusable one", w -> (w.flags
            & (MmuState.F_BIND_DEAD_VM | MmuState.F_MAP_UNUSABLE)) == 0));
    out.add(inv(c, "TlbCoherent", "no stale translation once an operation returned: a cached"
        + " translation of the VM an AS serves is of a mapped page, unless that VM is in the"
        + " middle of an operation", w -> {
          for (int a = 0; a < c.asCount(); a++) {
            int v = w.asVm[a];
            // Exempt: an AS the IRQ thread is disabling after a fault (its unlock can let a walk
            // refill a translation the VM's operation then removes; see the README), and one
            // about to be wiped by a pending reset.
            if (v < 0 || w.slotVm[a] != v || bit(w.opCtx, v) || w.irqAs == a
                || w.resetPending) {
              continue;
            }
            for (int p = 0; p < c.pages(); p++) {
              if (w.tlb[a * c.pages() + p] == v && !w.mapped(v, p)) {
                return false;
              }
            }
          }
          return true;
        }));
    out.add(inv(c, "NoForeignTranslation", "an AS never exposes another VM's translations: an"
        + " enabled AS caches only translations of the VM programmed in it", w -> {
          for (int a = 0; a < c.asCount(); a++) {
            if (!bit(w.asEn, a)) {
              continue;
            }
            for (int p = 0; p < c.pages(); p++) {
              int t = w.tlb[a * c.pages() + p];
              if (t >= 0 && t != w.asVm[a]) {
                return false;
              }
            }
          }
          return true;
        }));
    out.add(inv(c, "IrqMaskConsistent", "bug zoo 27: while the MMU IRQ is idle, every AS that is"
        + " not faulty is unmasked in both the software mask and MMU_INT_MASK (unless the"
        + " device is suspended)", w -> {
          if (w.irqPc != MmuModel.I_IDLE || w.suspended) {
            return true; // the thread rewrites MMU_INT_MASK when it ends; suspend masks all
          }
          for (int a = 0; a < c.asCount(); a++) {
            if (!bit(w.faulty, a) && (!bit(w.swMask, a) || !bit(w.hwMask, a))) {
              return false;
            }
          }
          return true;
        }));
    if (c.suspend()) {
      out.add(inv(c, "ReleasedWhileSuspended", "while the device is suspended no AS is assigned"
          + " and the MMU IRQ is masked", w -> {
            if (!w.suspended) {
              return true;
            }
            for (int v = 0; v < c.vmCount(); v++) {
              if (w.asId[v] >= 0) {
                return false;
              }
            }
            return w.alloc == 0 && w.hwMask == 0 && w.asEn == 0;
          }));
      if (c.binds() > 0) {
        out.add(reach(c, "SuspendedMidBind", "a VM_BIND operation runs while the device is"
            + " suspended (no AS: nothing to lock)", w -> {
              for (int v = 1; v < c.vmCount(); v++) {
                if (w.suspended && w.opPc[v] != MmuModel.O_IDLE) {
                  return true;
                }
              }
              return false;
            }));
      }
    }
    out.add(inv(c, "ClearAfterHandle", "bug zoo 29: a fault interrupt is cleared only after its"
        + " AS was marked faulty", w -> (w.flags & MmuState.F_EARLY_CLEAR) == 0));
    out.add(inv(c, "NoEbusy", "ML-1 as a safety property: within the scheduler's AS budget,"
        + " panthor_vm_active never returns -EBUSY", w -> !w.ebusy));
    if (c.vms() > c.as()) {
      out.add(reach(c, "LruEviction", "an idle VM on the LRU loses its AS to another VM",
          w -> w.evicted));
      out.add(reach(c, "RecycledSlot", "an AS is programmed for a VM other than the one it"
          + " served", w -> w.recycled));
    }
    if (c.faults() > 0) {
      out.add(reach(c, "FaultHandledReenabled", "a faulty AS is re-enabled by"
          + " panthor_vm_active", w -> w.reenabled));
    }
    if (c.allocfail() || c.hang()) {
      out.add(reach(c, "AsyncBindFailedUnusable", "a failed async VM_BIND marks its VM unusable"
          + " (an async job's op ends failed: its last step marks the VM unusable)", w -> {
            for (int v = 1; v < c.vmCount(); v++) {
              if (w.opPc[v] == MmuModel.O_END && MmuModel.async(w.opCode[v])
                  && bit(w.opFailed, v)) {
                return true;
              }
            }
            return false;
          }));
    }
    out.addAll(liveness(c));
    return List.copyOf(out);
  }

  /**
   * The family of an action for fairness: one per thread (the scheduler's panthor_vm_active,
   * each VM's operation, the IRQ thread) and one per instance of the other kernel and device
   * steps. A thread's steps are one family because only one of them is enabled at a time: weak
   * fairness of the thread's next step.
   */
  static String family(MmuAction a) {
    if (a instanceof MmuAction.Active) {
      return "Active";
    }
    if (a instanceof MmuAction.Op op) {
      return "Op(" + op.vm() + ")";
    }
    if (a instanceof MmuAction.Irq) {
      return "Irq";
    }
    return a.label();
  }

  /**
   * Fairness of every kernel and device step (none for the environment's): weak, and strong for
   * the threads that wait for locks.
   */
  static List<Property.Fairness<MmuAction>> fairness(MmuConfig c, boolean unbindFair) {
    List<String> names = new ArrayList<>();
    names.add("Active");
    names.add("Irq");
    names.add(new MmuAction.IrqRaw().label());
    names.add(new MmuAction.FlushDone().label());
    names.add(new MmuAction.Reset().label());
    names.add(new MmuAction.Resume().label());
    names.add(new MmuAction.Timeout("sched").label());
    names.add(new MmuAction.Timeout("irq").label());
    for (int g = 0; g < c.groups(); g++) {
      names.add(new MmuAction.TickBind(g).label());
      names.add(new MmuAction.KillFaulted(g).label());
      names.add(new MmuAction.EvictDestroyed(g).label());
      if (unbindFair) {
        names.add(new MmuAction.Unbind(g).label());
      }
      for (int p = 0; p < c.pages(); p++) {
        names.add(new MmuAction.GpuWalk(g, p).label());
      }
    }
    for (int v = 1; v < c.vmCount(); v++) {
      names.add("Op(" + v + ")");
      names.add(new MmuAction.RunJob(v).label());
      names.add(new MmuAction.Timeout("op" + v).label());
    }
    for (int a = 0; a < c.asCount(); a++) {
      names.add(new MmuAction.AsCmdDone(a).label());
    }
    // The threads that take op_lock or slots_lock are strongly fair: a kernel mutex hands the
    // lock over to a waiter, so a thread that keeps finding the lock free now and then gets it
    // (with weak fairness, the tick taking a VM's op_lock again and again could starve its
    // VM_BIND operation).
    List<String> strong = new ArrayList<>(List.of("Active", "Irq"));
    for (int v = 1; v < c.vmCount(); v++) {
      strong.add("Op(" + v + ")");
    }
    List<Property.Fairness<MmuAction>> out = new ArrayList<>();
    for (String n : names) {
      out.add(strong.contains(n) ? Property.Fairness.strong(n, x -> family(x).equals(n))
          : Property.Fairness.weak(n, x -> family(x).equals(n)));
    }
    return out;
  }

  /** ML-1 ... ML-4 of the reference (NoEbusy is ML-1's safety half). */
  static List<Property<MmuState, MmuAction>> liveness(MmuConfig c) {
    List<Property.Clause<MmuState>> ml2 = new ArrayList<>();
    List<Property.Clause<MmuState>> ml4 = new ArrayList<>();
    for (int a0 = 1; a0 < c.asCount(); a0++) { // user AS: AS 0 only serves the MCU here
      final int a = a0;
      ml2.add(new Property.Clause<>("CommandEnds(" + a + ")",
          s -> bit(view(c, s).asActive, a),
          s -> {
            W w = view(c, s);
            return !bit(w.asActive, a) || w.resetPending;
          }));
      ml4.add(new Property.Clause<>("FaultyReenabled(" + a + ")",
          s -> {
            W w = view(c, s);
            return bit(w.faulty, a) && w.schPc != MmuModel.S_IDLE
                && w.asId[c.vmOf(w.schG)] == a;
          },
          s -> {
            W w = view(c, s);
            return !bit(w.faulty, a) || w.resetPending;
          }));
    }
    List<Property.Clause<MmuState>> ml3 = new ArrayList<>();
    for (int v0 = 1; v0 < c.vmCount(); v0++) {
      final int v = v0;
      ml3.add(new Property.Clause<>("JobsRun(" + v + ")",
          s -> view(c, s).queue[v].length > 0,
          s -> view(c, s).queue[v].length == 0));
      ml3.add(new Property.Clause<>("OpEnds(" + v + ")",
          s -> view(c, s).opPc[v] != MmuModel.O_IDLE,
          s -> view(c, s).opPc[v] == MmuModel.O_IDLE));
    }
    List<Property.Fairness<MmuAction>> fair = fairness(c, false);
    Property.Clause<MmuState> returns = new Property.Clause<>("ActiveReturns",
        s -> view(c, s).schPc != MmuModel.S_IDLE,
        s -> {
          W w = view(c, s);
          return w.schPc == MmuModel.S_IDLE && !w.ebusy;
        });
    return List.of(
        new Property.Liveness<>("ML-1", "activation succeeds: every panthor_vm_active call"
            + " returns, and never with -EBUSY (a stuck AS makes it fail with a reset"
            + " scheduled)", Property.Form.LEADS_TO, List.of(returns), fair),
        new Property.Liveness<>("ML-2", "every AS command completes or leads to a scheduled"
            + " reset", Property.Form.LEADS_TO, ml2, fair),
        new Property.Liveness<>("ML-3", "every queued async VM_BIND job runs, and every VM"
            + " operation ends (success or error)", Property.Form.LEADS_TO, ml3, fair),
        new Property.Liveness<>("ML-4", "a faulty AS that an activation uses becomes non-faulty,"
            + " or the device resets", Property.Form.LEADS_TO, ml4, fair));
  }

  private static Property<MmuState, MmuAction> inv(MmuConfig c, String name, String desc,
      Predicate<W> p) {
    return new Property.Invariant<>(name, desc, s -> p.test(view(c, s)));
  }

  private static Property<MmuState, MmuAction> reach(MmuConfig c, String name, String desc,
      Predicate<W> p) {
    return new Property.Reachable<>(name, desc, s -> p.test(view(c, s)));
  }
}
