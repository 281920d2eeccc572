package org.panthorverify.models.mmu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A state of the MMU model, packed into six words (the canonical encoding is the words). {@link
 * W} is the unpacked, mutable form that actions edit; {@link #w} unpacks, {@link W#pack} packs.
 * The field list of {@code W} is the model's variable list, in order.
 */
public record MmuState(long w0, long w1, long w2, long w3, long w4, long w5) {

  /** Group states. */
  static final int G_IDLE = 0;
  static final int G_RUNNABLE = 1;
  static final int G_BOUND = 2;
  static final int G_DEAD = 3;

  /** Who holds {@code slots_lock}: nobody, the scheduler, the IRQ thread, or VM op 3 + v. */
  static final int LOCK_FREE = 0;
  static final int LOCK_SCHED = 1;
  static final int LOCK_IRQ = 2;

  /** AS commands ({@code AS_COMMAND_*}). */
  static final int CMD_NONE = 0;
  static final int CMD_UPDATE = 1;
  static final int CMD_LOCK = 2;
  static final int CMD_UNLOCK = 3;

  /** History flags: events the properties forbid, recorded when they happen. */
  /** An AS command was written while {@code AS_ACTIVE} was set (M-5). */
  static final int F_OVERRUN = 1;
  /** {@code slots_lock} was released with a command in flight on a working AS (M-5). */
  static final int F_RELEASED_BUSY = 2;
  /** A fault interrupt was cleared before its AS was marked faulty (ClearAfterHandle). */
  static final int F_EARLY_CLEAR = 4;
  /** A page table of a VM with an AS changed outside its locked region (M-6). */
  static final int F_UNLOCKED_EDIT = 8;
  /** A VM_BIND job was accepted on a destroyed or unusable VM (M-10). */
  static final int F_BIND_DEAD_VM = 16;
  /** A MAP ran on an unusable VM (M-10). */
  static final int F_MAP_UNUSABLE = 32;

  W w(MmuConfig c) {
    W x = new W(c);
    x.unpack(new long[] {w0, w1, w2, w3, w4, w5});
    return x;
  }

  /** The unpacked state. Arrays are indexed by AS, VM, group or (AS or VM) * pages + page. */
  static final class W {
    final MmuConfig c;
    // --- kernel bookkeeping (panthor_mmu::as, panthor_vm) ---
    /** {@code slots[a].vm}, -1 for none. */
    int[] slotVm;
    /** {@code alloc_mask}. */
    int alloc;
    /** {@code faulty_mask}. */
    int faulty;
    /** {@code lru_list}, head first. */
    List<Integer> lru = new ArrayList<>();
    /** {@code vm->as.id}, -1 when unbound. */
    int[] asId;
    /** {@code vm->as.active_cnt}. */
    int[] active;
    /** VM masks: {@code destroyed}, {@code unusable}, {@code unhandled_fault}. */
    int destroyed;
    int unusable;
    int unhandled;
    /** {@code vm->locked_region}: the locked page, -1 for none. */
    int[] locked;
    /** VM masks: {@code op_lock} held, {@code op_ctx} set. */
    int opLock;
    int opCtx;
    /** Page tables: bit {@code v * pages + p} set when page p of VM v is mapped. */
    int pt;
    /** Async VM_BIND jobs queued per VM (drm_sched entity), each an op code, head first. */
    int[][] queue;
    /** VM_BIND operations userspace may still submit. */
    int binds;
    /** Group states (G_*) of the abstract scheduler. */
    int[] grp;
    // --- threads ---
    /** The scheduler thread: program counter (MmuModel.S_*), group, AS, victim VM. */
    int schPc;
    int schG;
    int schAs;
    int schVictim;
    /** Per VM: the VM_BIND operation in progress: program counter (O_*) and op code. */
    int[] opPc;
    int[] opCode;
    /** The MMU IRQ: threaded handler program counter (I_*), the AS it handles. */
    int irqPc;
    int irqAs;
    /** Variant {@code mmu-clear-before-handle}: the status the generic entry read and cleared. */
    int irqStatus;
    /** {@code slots_lock} holder. */
    int lockHolder;
    /** {@code panthor_device_schedule_reset} was called and the reset has not run yet. */
    boolean resetPending;
    /** The device is runtime-suspended ({@code panthor_mmu_suspend} ran, no resume yet). */
    boolean suspended;
    // --- hardware ---
    /** {@code AS_STATUS.AS_ACTIVE} per AS, the command in flight, a stuck AS. */
    int asActive;
    int[] asCmd;
    int stuck;
    /** Per AS: translation enabled ({@code TRANSCFG} not UNMAPPED) and the VM programmed. */
    int asEn;
    int[] asVm;
    /** Per AS: the page locked by LOCK (hardware lock region), -1 for none. */
    int[] asLock;
    /** Per AS: the translation registers as written ({@code TRANSTAB}: the VM, or -1 for the
     * UNMAPPED {@code TRANSCFG}); UPDATE makes them current. */
    int[] asReg;
    /** Per AS: the argument of the command in flight (the page of a LOCK). */
    int[] asArg;
    /** Per VM: the operation in progress failed (an async one then marks the VM unusable). */
    int opFailed;
    /** History flags of events properties forbid (F_*). */
    int flags;
    /** A {@code GPU_CMD} cache flush in flight. */
    boolean flushing;
    /** Cached translations: per (AS, page), the VM whose mapping is cached, -1 for none. */
    int[] tlb;
    /** {@code MMU_INT_RAWSTAT} (fault bits), {@code MMU_INT_MASK}, the IRQ's software mask. */
    int raw;
    int hwMask;
    int swMask;
    /** A faulting GPU agent waits per AS until the fault is cleared. */
    int stalled;
    /** Budgets: faults and AS hangs left. */
    int faultsLeft;
    int hangsLeft;
    // --- history, for witnesses and properties ---
    /** An LRU eviction happened; a slot went to another VM than before; a faulty AS was
     * re-enabled; panthor_vm_active returned -EBUSY. */
    boolean evicted;
    boolean recycled;
    boolean reenabled;
    boolean ebusy;

    W(MmuConfig c) {
      this.c = c;
      int a = c.asCount();
      int v = c.vmCount();
      slotVm = filled(a, -1);
      asId = filled(v, -1);
      active = new int[v];
      locked = filled(v, -1);
      queue = new int[v][0];
      grp = new int[c.groups()];
      opPc = new int[v];
      opCode = new int[v];
      asCmd = new int[a];
      asVm = filled(a, -1);
      asLock = filled(a, -1);
      asReg = filled(a, -1);
      asArg = new int[a];
      tlb = filled(a * c.pages(), -1);
      // The threads' bookkeeping starts as they leave it when they finish.
      schAs = -1;
      schVictim = -1;
      irqAs = -1;
    }

    private static int[] filled(int n, int v) {
      int[] x = new int[n];
      Arrays.fill(x, v);
      return x;
    }

    MmuState pack() {
      Bits b = new Bits();
      int a = c.asCount();
      int v = c.vmCount();
      for (int i = 0; i < a; i++) {
        b.put(slotVm[i] + 1, 3);
      }
      b.put(alloc, 4).put(faulty, 4);
      b.put(lru.size(), 2);
      for (int x : lru) {
        b.put(x, 2);
      }
      for (int i = 0; i < v; i++) {
        b.put(asId[i] + 1, 3).put(active[i], 2).put(locked[i] + 1, 2).put(opPc[i], 5)
            .put(opCode[i], 4).put(queue[i].length, 2);
        for (int q : queue[i]) {
          b.put(q, 4);
        }
      }
      b.put(destroyed, 4).put(unusable, 4).put(unhandled, 4).put(opLock, 4).put(opCtx, 4);
      b.put(pt, 8).put(binds, 3);
      for (int g : grp) {
        b.put(g, 2);
      }
      b.put(schPc, 5).put(schG, 2).put(schAs + 1, 3).put(schVictim + 1, 3);
      b.put(irqPc, 4).put(irqAs + 1, 3).put(irqStatus, 4).put(lockHolder, 3)
          .put(resetPending ? 1 : 0, 1).put(suspended ? 1 : 0, 1);
      b.put(asActive, 4).put(stuck, 4).put(asEn, 4);
      for (int i = 0; i < a; i++) {
        b.put(asCmd[i], 2).put(asVm[i] + 1, 3).put(asLock[i] + 1, 2).put(asReg[i] + 1, 3)
            .put(asArg[i], 2);
      }
      b.put(opFailed, 4).put(flags, 6);
      b.put(flushing ? 1 : 0, 1);
      for (int t : tlb) {
        b.put(t + 1, 3);
      }
      b.put(raw, 4).put(hwMask, 4).put(swMask, 4).put(stalled, 4);
      b.put(faultsLeft, 2).put(hangsLeft, 1);
      b.put(evicted ? 1 : 0, 1).put(recycled ? 1 : 0, 1).put(reenabled ? 1 : 0, 1)
          .put(ebusy ? 1 : 0, 1);
      long[] w = b.words();
      return new MmuState(w[0], w[1], w[2], w[3], w[4], w[5]);
    }

    void unpack(long[] words) {
      Bits b = new Bits(words);
      int a = c.asCount();
      int v = c.vmCount();
      for (int i = 0; i < a; i++) {
        slotVm[i] = b.get(3) - 1;
      }
      alloc = b.get(4);
      faulty = b.get(4);
      int n = b.get(2);
      lru = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        lru.add(b.get(2));
      }
      for (int i = 0; i < v; i++) {
        asId[i] = b.get(3) - 1;
        active[i] = b.get(2);
        locked[i] = b.get(2) - 1;
        opPc[i] = b.get(5);
        opCode[i] = b.get(4);
        int qn = b.get(2);
        queue[i] = new int[qn];
        for (int k = 0; k < qn; k++) {
          queue[i][k] = b.get(4);
        }
      }
      destroyed = b.get(4);
      unusable = b.get(4);
      unhandled = b.get(4);
      opLock = b.get(4);
      opCtx = b.get(4);
      pt = b.get(8);
      binds = b.get(3);
      for (int g = 0; g < grp.length; g++) {
        grp[g] = b.get(2);
      }
      schPc = b.get(5);
      schG = b.get(2);
      schAs = b.get(3) - 1;
      schVictim = b.get(3) - 1;
      irqPc = b.get(4);
      irqAs = b.get(3) - 1;
      irqStatus = b.get(4);
      lockHolder = b.get(3);
      resetPending = b.get(1) != 0;
      suspended = b.get(1) != 0;
      asActive = b.get(4);
      stuck = b.get(4);
      asEn = b.get(4);
      for (int i = 0; i < a; i++) {
        asCmd[i] = b.get(2);
        asVm[i] = b.get(3) - 1;
        asLock[i] = b.get(2) - 1;
        asReg[i] = b.get(3) - 1;
        asArg[i] = b.get(2);
      }
      opFailed = b.get(4);
      flags = b.get(6);
      flushing = b.get(1) != 0;
      for (int i = 0; i < tlb.length; i++) {
        tlb[i] = b.get(3) - 1;
      }
      raw = b.get(4);
      hwMask = b.get(4);
      swMask = b.get(4);
      stalled = b.get(4);
      faultsLeft = b.get(2);
      hangsLeft = b.get(1);
      evicted = b.get(1) != 0;
      recycled = b.get(1) != 0;
      reenabled = b.get(1) != 0;
      ebusy = b.get(1) != 0;
    }

    static boolean bit(int mask, int i) {
      return (mask & (1 << i)) != 0;
    }

    boolean mapped(int vm, int page) {
      return bit(pt, vm * c.pages() + page);
    }

    /** The VM bound to AS {@code a} by the kernel's books, or -1. */
    int vmOn(int a) {
      return slotVm[a];
    }
  }

  /** A bit packer over six words; fields never straddle a word. */
  static final class Bits {
    private final long[] w;
    private int word;
    private int bit;

    Bits() {
      this.w = new long[6];
    }

    Bits(long[] w) {
      this.w = w;
    }

    Bits put(int value, int width) {
      if (value < 0 || value >= (1 << width)) {
        throw new IllegalStateException("value " + value + " does not fit in " + width + " bits");
      }
      if (bit + width > 64) {
        word++;
        bit = 0;
      }
      w[word] |= ((long) value) << bit;
      bit += width;
      return this;
    }

    int get(int width) {
      if (bit + width > 64) {
        word++;
        bit = 0;
      }
      int v = (int) ((w[word] >>> bit) & ((1L << width) - 1));
      bit += width;
      return v;
    }

    long[] words() {
      return w;
    }
  }
}
