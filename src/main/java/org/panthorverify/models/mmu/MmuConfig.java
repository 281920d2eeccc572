package org.panthorverify.models.mmu;

import java.util.Set;

/**
 * Constants of the MMU / address-space / VM model (the reference's generation G3: a locked region
 * held across each VM operation, with the Dec 2025 fixes).
 *
 * @param as user AS slots (AS 0, reserved for the MCU VM, comes on top)
 * @param vms user VMs
 * @param groups groups, group {@code g} using user VM {@code g % vms}
 * @param pages VA pages per VM
 * @param binds VM_BIND operations userspace may submit in all (async or sync)
 * @param faults GPU accesses to an unmapped page (MMU faults) that may happen in all
 * @param hang an AS may get stuck with {@code AS_ACTIVE} set (the command times out, reset)
 * @param destroy userspace may destroy a VM
 * @param allocfail a page-table edit may fail (the VM is declared unusable)
 * @param suspend the device may runtime-suspend and resume ({@code panthor_mmu_suspend}/{@code
 *     panthor_mmu_resume})
 * @param variants the seeded bugs switched on
 */
public record MmuConfig(int as, int vms, int groups, int pages, int binds, int faults,
    boolean hang, boolean destroy, boolean allocfail, boolean suspend, Set<String> variants) {
  public MmuConfig {
    check("as", as, 1, 3);
    check("vms", vms, 1, 3);
    check("groups", groups, 1, 3);
    check("pages", pages, 1, 2);
    check("binds", binds, 0, 4);
    check("faults", faults, 0, 3);
    variants = Set.copyOf(variants);
    for (String v : variants) {
      if (!MmuModel.VARIANTS.containsKey(v)) {
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

  /** AS slots in all, AS 0 included. */
  int asCount() {
    return as + 1;
  }

  /** VMs in all: VM 0 is the MCU VM, user VMs are 1 .. vms. */
  int vmCount() {
    return vms + 1;
  }

  /** The user VM of group {@code g}. */
  int vmOf(int g) {
    return 1 + g % vms;
  }
}
