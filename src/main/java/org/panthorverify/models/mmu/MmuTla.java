package org.panthorverify.models.mmu;

import static org.panthorverify.core.TlaValues.bits;
import static org.panthorverify.core.TlaValues.bool;
import static org.panthorverify.core.TlaValues.fn;
import static org.panthorverify.core.TlaValues.intFn;
import static org.panthorverify.core.TlaValues.integer;
import static org.panthorverify.core.TlaValues.seq;
import static org.panthorverify.core.TlaValues.set;
import static org.panthorverify.core.TlaValues.str;
import static org.panthorverify.models.mmu.MmuState.W.bit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.panthorverify.core.TlaView;
import org.panthorverify.core.Value;
import org.panthorverify.models.mmu.MmuAction.Active;
import org.panthorverify.models.mmu.MmuAction.Irq;
import org.panthorverify.models.mmu.MmuAction.Op;
import org.panthorverify.models.mmu.MmuAction.Resume;
import org.panthorverify.models.mmu.MmuAction.Suspend;
import org.panthorverify.models.mmu.MmuAction.Timeout;
import org.panthorverify.models.mmu.MmuAction.Unbind;
import org.panthorverify.models.mmu.MmuState.W;

/**
 * The TLA+ view of the MMU model: its states as the variables of {@code specs/mmu/Mmu.tla} and
 * its steps as the operator names TLC gives them (see "TLA+ twin" in {@code specs/mmu/README.md}).
 *
 * <p>The spec's variables are the fields of {@link MmuState.W}, in order; bit masks are sets (of
 * AS or VM ids), per-AS, per-VM and per-group arrays are functions from {@code 0..n-1}, the page
 * tables map each VM to its set of mapped pages, {@code tlb} is a function of AS and page, the LRU
 * and the bind queues are sequences and {@code flags} is the set of the {@code F_*} names.
 */
final class MmuTla implements TlaView<MmuState, MmuAction> {

  /** The spec's VARIABLES, in declaration order. */
  private static final List<String> VARIABLES = List.of("slotVm", "alloc", "faulty", "lru",
      "asId", "active", "destroyed", "unusable", "unhandled", "locked", "opLock", "opCtx", "pt",
      "queue", "binds", "grp", "schPc", "schG", "schAs", "schVictim", "opPc", "opCode", "irqPc",
      "irqAs", "irqStatus", "lockHolder", "resetPending", "suspended", "asActive", "asCmd",
      "stuck", "asEn", "asVm", "asLock", "asReg", "asArg", "opFailed", "flags", "flushing", "tlb",
      "raw", "hwMask", "swMask", "stalled", "faultsLeft", "hangsLeft", "evicted", "recycled",
      "reenabled", "ebusy");

  /** The {@code F_*} bits of {@link MmuState} and their names in the spec, bit 0 first. */
  private static final String[] FLAG_NAMES = {"F_OVERRUN", "F_RELEASED_BUSY", "F_EARLY_CLEAR",
      "F_UNLOCKED_EDIT", "F_BIND_DEAD_VM", "F_MAP_UNUSABLE"};

  private final MmuConfig c;

  MmuTla(MmuConfig c) {
    this.c = c;
  }

  @Override
  public List<String> variables() {
    return VARIABLES;
  }

  @Override
  public Map<String, Value> state(MmuState s) {
    W w = s.w(c);
    int pages = c.pages();
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("slotVm", intFn(0, w.slotVm));
    m.put("alloc", bits(w.alloc));
    m.put("faulty", bits(w.faulty));
    m.put("lru", seq(w.lru.stream().map(x -> integer(x)).toList()));
    m.put("asId", intFn(0, w.asId));
    m.put("active", intFn(0, w.active));
    m.put("destroyed", bits(w.destroyed));
    m.put("unusable", bits(w.unusable));
    m.put("unhandled", bits(w.unhandled));
    m.put("locked", intFn(0, w.locked));
    m.put("opLock", bits(w.opLock));
    m.put("opCtx", bits(w.opCtx));
    List<Value> pt = new ArrayList<>();
    List<Value> queue = new ArrayList<>();
    for (int v = 0; v < c.vmCount(); v++) {
      pt.add(bits((w.pt >>> (v * pages)) & ((1 << pages) - 1)));
      List<Value> q = new ArrayList<>();
      for (int code : w.queue[v]) {
        q.add(integer(code));
      }
      queue.add(seq(q));
    }
    m.put("pt", fn(0, pt));
    m.put("queue", fn(0, queue));
    m.put("binds", integer(w.binds));
    m.put("grp", intFn(0, w.grp));
    m.put("schPc", integer(w.schPc));
    m.put("schG", integer(w.schG));
    m.put("schAs", integer(w.schAs));
    m.put("schVictim", integer(w.schVictim));
    m.put("opPc", intFn(0, w.opPc));
    m.put("opCode", intFn(0, w.opCode));
    m.put("irqPc", integer(w.irqPc));
    m.put("irqAs", integer(w.irqAs));
    m.put("irqStatus", bits(w.irqStatus));
    m.put("lockHolder", integer(w.lockHolder));
    m.put("resetPending", bool(w.resetPending));
    m.put("suspended", bool(w.suspended));
    m.put("asActive", bits(w.asActive));
    m.put("asCmd", intFn(0, w.asCmd));
    m.put("stuck", bits(w.stuck));
    m.put("asEn", bits(w.asEn));
    m.put("asVm", intFn(0, w.asVm));
    m.put("asLock", intFn(0, w.asLock));
    m.put("asReg", intFn(0, w.asReg));
    m.put("asArg", intFn(0, w.asArg));
    m.put("opFailed", bits(w.opFailed));
    List<Value> flags = new ArrayList<>();
    for (int i = 0; i < FLAG_NAMES.length; i++) {
      if (bit(w.flags, i)) {
        flags.add(str(FLAG_NAMES[i]));
      }
    }
    m.put("flags", set(flags));
    m.put("flushing", bool(w.flushing));
    List<Value> tlb = new ArrayList<>();
    for (int a = 0; a < c.asCount(); a++) {
      int[] row = new int[pages];
      System.arraycopy(w.tlb, a * pages, row, 0, pages);
      tlb.add(intFn(0, row));
    }
    m.put("tlb", fn(0, tlb));
    m.put("raw", bits(w.raw));
    m.put("hwMask", bits(w.hwMask));
    m.put("swMask", bits(w.swMask));
    m.put("stalled", bits(w.stalled));
    m.put("faultsLeft", integer(w.faultsLeft));
    m.put("hangsLeft", integer(w.hangsLeft));
    m.put("evicted", bool(w.evicted));
    m.put("recycled", bool(w.recycled));
    m.put("reenabled", bool(w.reenabled));
    m.put("ebusy", bool(w.ebusy));
    return m;
  }

  /**
   * The spec's operator for the step. Most Java actions are one operator of the same name; the
   * thread steps are the thread's prefix and the step ({@code Active(EvictFlush)} is {@code
   * ActiveEvictFlush}); the branching steps are told apart by the state before the step, as the
   * spec's guards do.
   */
  @Override
  public String label(MmuState s, MmuAction a, MmuState next) {
    if (a instanceof Active x) {
      return x.step().equals("Pick") ? pick(s.w(c)) : "Active" + x.step();
    }
    if (a instanceof Op x) {
      W w = s.w(c);
      int v = x.vm();
      switch (x.step()) {
        case "LockRegion" -> {
          return w.asId[v] < 0 ? "OpLockRegionNoAs" : "OpLockRegion";
        }
        case "UnlockRegion" -> {
          return w.locked[v] < 0 || w.asId[v] < 0 ? "OpUnlockRegionNone" : "OpUnlockRegion";
        }
        case "OpLock", "OpDone" -> {
          return x.step();
        }
        default -> {
          return "Op" + x.step();
        }
      }
    }
    if (a instanceof Irq x) {
      return "Irq" + x.step(); // Handle, Done, Disable...
    }
    if (a instanceof Timeout x) {
      return switch (x.thread()) {
        case "sched" -> "TimeoutSched";
        case "irq" -> "TimeoutIrq";
        default -> "TimeoutOp";
      };
    }
    if (a instanceof Unbind) {
      return "UnbindTo"; // Unbind(g) == UnbindTo(g, G_IDLE): TLC names the inner operator
    }
    if (a instanceof Suspend) {
      return "SuspendAct";
    }
    if (a instanceof Resume) {
      return "ResumeAct";
    }
    return a.name();
  }

  /** Which of the spec's five {@code ActivePick*} operators takes Active(Pick) from {@code w}. */
  private String pick(W w) {
    int v = c.vmOf(w.schG);
    if (w.asId[v] >= 0) {
      return bit(w.faulty, w.asId[v]) ? "ActivePickReenable" : "ActivePickBound";
    }
    for (int x = 1; x < c.asCount(); x++) {
      if (!bit(w.alloc, x)) {
        return "ActivePickFree";
      }
    }
    boolean victim;
    if (c.bug(MmuModel.EVICT_ACTIVE)) {
      victim = false;
      for (int u = 1; u < c.vmCount(); u++) {
        victim |= u != v && w.asId[u] >= 0;
      }
    } else {
      victim = !w.lru.isEmpty();
    }
    return victim ? "ActivePickEvict" : "ActivePickBusy";
  }

  @Override
  public Map<String, Value> constants() {
    if (c.variants().size() > 1) {
      return Map.of(); // the spec switches on one variant at a time
    }
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("As", integer(c.as()));
    m.put("Vms", integer(c.vms()));
    m.put("Groups", integer(c.groups()));
    m.put("Pages", integer(c.pages()));
    m.put("Binds", integer(c.binds()));
    m.put("Faults", integer(c.faults()));
    m.put("Hang", bool(c.hang()));
    m.put("Destroy", bool(c.destroy()));
    m.put("AllocFail", bool(c.allocfail()));
    m.put("Suspend", bool(c.suspend()));
    m.put("Variant", str(c.variants().isEmpty() ? "none" : c.variants().iterator().next()));
    return m;
  }
}
