package org.panthorverify.models.sched;

import java.util.Set;

/**
 * Constants of the scheduler model.
 *
 * @param slots CSG slots (1..4)
 * @param groups groups (1..6)
 * @param queues queues per group (1..2; at most 8 queues in all); queue {@code k} of group
 *     {@code g} has the index {@code g * queues + k} in per-queue variables
 * @param rt how many groups are RT (groups {@code 0 .. rt-1}); the others are MEDIUM
 * @param jobs jobs each queue can be given over a behaviour (1..3)
 * @param asSlots user address-space slots: the AS budget of a tick (1..4)
 * @param vms VMs (1..groups); group {@code g} uses VM {@code min(g, vms - 1)}: the first groups
 *     have a VM each and the rest share the last one (so that, with one RT group and two VMs,
 *     the RT group and the MEDIUM groups compete for the AS budget)
 * @param timeouts a CSG request may time out (the FW is slow or hung), which schedules a reset
 * @param destroy userspace may destroy groups
 * @param faults the FW may raise CS_FATAL (recoverable or CS_UNRECOVERABLE) on a running group
 * @param corrupt the FW may corrupt a CSG_STATE ack after the host saw it acked (an undefined
 *     state value when the host re-reads it)
 * @param oom the FW may raise TILER_OOM on a running group, handled by the tiler-OOM work
 * @param syncWait a running queue may block on a sync object that the environment signals later
 *     (the waiting list and {@code sync_upd_work})
 * @param jobTimeouts per-queue job timeouts with an abstract clock (half a timeout per step)
 * @param create groups start absent and are created by GROUP_CREATE (publish, then initialise),
 *     concurrently with everything else
 * @param vmBind address spaces are explicit: {@code panthor_vm_active} finds the VM's AS, a
 *     free one or the LRU's idle one, and enabling an AS can fail (binding fails, a reset is
 *     scheduled)
 * @param suspend the device may be suspended (system sleep, or runtime PM when the scheduler
 *     holds no PM reference) and resumed
 * @param moves a ghost variable remembers the slot each group was last unbound from (for the
 *     witness that a group is resumed on another slot than the one it left)
 * @param symmetry explore one state per class of states that differ only by a renaming of
 *     interchangeable groups (same band, same VM)
 * @param variants the seeded bugs switched on
 */
public record SchedConfig(int slots, int groups, int queues, int rt, int jobs, int asSlots, int vms,
    boolean timeouts, boolean destroy, boolean faults, boolean corrupt, boolean oom, boolean syncWait,
    boolean jobTimeouts, boolean create, boolean vmBind, boolean suspend, boolean moves,
    boolean symmetry,
    Set<String> variants) {
  public SchedConfig {
    check("slots", slots, 1, 4);
    check("groups", groups, 1, 6);
    check("queues", queues, 1, 2);
    if (groups * queues > 8) {
      throw new IllegalArgumentException("groups x queues must be at most 8, was "
          + groups * queues);
    }
    check("rt", rt, 0, groups);
    check("jobs", jobs, 1, 3);
    check("asSlots", asSlots, 1, 4);
    check("vms", vms, 1, groups);
    variants = Set.copyOf(variants);
    for (String v : variants) {
      if (!SchedModel.VARIANTS.containsKey(v)) {
        throw new IllegalArgumentException("unknown variant " + v);
      }
    }
  }

  private static void check(String name, int v, int lo, int hi) {
    if (v < lo || v > hi) {
      throw new IllegalArgumentException(name + " must be " + lo + ".." + hi + ", was " + v);
    }
  }

  boolean bug(String variant) {
    return variants.contains(variant);
  }

  /** The number of queues in all. */
  int queueCount() {
    return groups * queues;
  }

  /** The index of queue {@code k} of group {@code g}. */
  int q(int g, int k) {
    return g * queues + k;
  }

  /** The mask of group {@code g}'s queues in a per-queue mask. */
  int queueMask(int g) {
    return ((1 << queues) - 1) << (g * queues);
  }

  /** The priority band of a group: 1 for RT, 0 for MEDIUM. */
  int band(int group) {
    return group < rt ? 1 : 0;
  }

  int vm(int group) {
    return Math.min(group, vms - 1);
  }

  /** Whether groups {@code g} and {@code h} are interchangeable: same band, same VM. */
  boolean interchangeable(int g, int h) {
    return band(g) == band(h) && vm(g) == vm(h);
  }
}
