package org.panthorverify.explore;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;

/**
 * The stop conditions every engine polls between units of work: Ctrl-C, the time limit and the
 * heap guard. The heap guard watches the heap in use right after garbage collections (JMX
 * collection-usage thresholds), so garbage does not trigger it; a spare block of memory, freed on
 * {@link OutOfMemoryError}, lets a run that ran out of memory still write its report.
 */
public final class Limits {
  private final RunControl control;
  private final long deadlineNanos;
  private final List<MemoryPoolMXBean> pools = new ArrayList<>();
  private volatile boolean outOfMemory;
  private volatile byte[] reserve = new byte[16 << 20];

  public Limits(ExploreConfig config, RunControl control) {
    this.control = control;
    this.deadlineNanos =
        config.timeLimit() == null ? Long.MAX_VALUE : System.nanoTime() + config.timeLimit().toNanos();
    // Watch the old generation: the heap pool with the largest maximum (young pools are small
    // and often full right after a collection).
    MemoryPoolMXBean old = null;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      long max = pool.getUsage().getMax();
      if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()
          && max > 0 && (old == null || max > old.getUsage().getMax())) {
        old = pool;
      }
    }
    if (old != null) {
      old.setCollectionUsageThreshold((long) (old.getUsage().getMax() * config.heapFraction()));
      pools.add(old);
    }
  }

  /** Why the search must stop now, or null to go on. */
  public IncompleteReason check() {
    if (control.isCancelled()) {
      return IncompleteReason.INTERRUPTED;
    }
    if (outOfMemory) {
      return IncompleteReason.MEMORY;
    }
    if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) {
      return IncompleteReason.TIME_LIMIT;
    }
    for (MemoryPoolMXBean pool : pools) {
      if (pool.isCollectionUsageThresholdExceeded()
          && pool.getCollectionUsage().getUsed() > pool.getCollectionUsageThreshold()) {
        return IncompleteReason.MEMORY;
      }
    }
    return null;
  }

  /** Records that a worker ran out of memory and frees the reserve so the run can report. */
  public void outOfMemory() {
    reserve = null;
    outOfMemory = true;
  }
}
