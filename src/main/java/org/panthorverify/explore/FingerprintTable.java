package org.panthorverify.explore;

/**
 * An open-addressing hash table from 64-bit fingerprints to 64-bit values (a parent fingerprint,
 * or a depth), in two parallel {@code long[]} arrays with linear probing: 16 bytes a slot, no
 * objects per entry. Fingerprint 0 marks an empty slot and is never stored (see {@link
 * org.panthorverify.core.Fingerprinter}).
 *
 * <p>Single writer: one thread may add while no other thread reads; any number of threads may read
 * while nobody writes. The parallel BFS gives each partition of the fingerprint space to one
 * worker at a time, and separates reading and writing into phases.
 */
public final class FingerprintTable {
  private static final double MAX_LOAD = 0.70;

  /** Key at {@code 2i}, value at {@code 2i + 1}: one cache line per probe. */
  private long[] slots;
  private int mask;
  private int size;
  private int resizeAt;

  public FingerprintTable(int initialCapacity) {
    int cap = Integer.highestOneBit(Math.max(16, initialCapacity - 1)) << 1;
    allocate(cap);
  }

  private void allocate(int cap) {
    slots = new long[cap * 2];
    mask = cap - 1;
    resizeAt = (int) (cap * MAX_LOAD);
  }

  private static int slot(long fp, int mask) {
    return (int) (fp ^ (fp >>> 32)) & mask;
  }

  public int size() {
    return size;
  }

  /** Bytes held by the table. */
  public long bytes() {
    return (long) slots.length * Long.BYTES;
  }

  public boolean contains(long fp) {
    long[] t = slots;
    int m = mask;
    for (int i = slot(fp, m); ; i = (i + 1) & m) {
      long x = t[2 * i];
      if (x == fp) {
        return true;
      }
      if (x == 0) {
        return false;
      }
    }
  }

  /** The value stored for {@code fp}, or {@code missing}. */
  public long get(long fp, long missing) {
    long[] t = slots;
    int m = mask;
    for (int i = slot(fp, m); ; i = (i + 1) & m) {
      long x = t[2 * i];
      if (x == fp) {
        return t[2 * i + 1];
      }
      if (x == 0) {
        return missing;
      }
    }
  }

  /** Adds {@code fp -> value} unless {@code fp} is present; true if it was added. */
  public boolean add(long fp, long value) {
    long[] t = slots;
    int m = mask;
    for (int i = slot(fp, m); ; i = (i + 1) & m) {
      long x = t[2 * i];
      if (x == fp) {
        return false;
      }
      if (x == 0) {
        t[2 * i] = fp;
        t[2 * i + 1] = value;
        if (++size > resizeAt) {
          grow();
        }
        return true;
      }
    }
  }

  /** Sets the value of {@code fp}, adding it if absent. */
  public void put(long fp, long value) {
    long[] t = slots;
    int m = mask;
    for (int i = slot(fp, m); ; i = (i + 1) & m) {
      long x = t[2 * i];
      if (x == fp || x == 0) {
        t[2 * i + 1] = value;
        if (x == 0) {
          t[2 * i] = fp;
          if (++size > resizeAt) {
            grow();
          }
        }
        return;
      }
    }
  }

  /**
   * Adds a batch: {@code fps[k] -> values[k]} for {@code k < n}, in that order, and sets {@code
   * added[k]} for those that were new. Equal fingerprints in the batch: the first one wins. The
   * batch is inserted in the order of the slots it hashes to (a stable counting sort), so the
   * table is swept from one end to the other instead of being hit at random: for batches that are
   * large compared with the table this turns cache misses into sequential memory traffic.
   *
   * @param order scratch space of at least {@code n} ints
   */
  void addAll(long[] fps, long[] values, int n, boolean[] added, int[] order) {
    int capBits = Integer.numberOfTrailingZeros(mask + 1);
    int bucketBits = Math.min(capBits, 32 - Integer.numberOfLeadingZeros(Math.max(1, n)));
    int shift = capBits - bucketBits;
    int[] counts = new int[(1 << bucketBits) + 1];
    int m = mask;
    for (int k = 0; k < n; k++) {
      counts[(slot(fps[k], m) >>> shift) + 1]++;
    }
    for (int b = 0; b < (1 << bucketBits); b++) {
      counts[b + 1] += counts[b];
    }
    for (int k = 0; k < n; k++) {
      order[counts[slot(fps[k], m) >>> shift]++] = k;
    }
    for (int j = 0; j < n; j++) {
      int k = order[j];
      added[k] = add(fps[k], values[k]);
    }
  }

  private void grow() {
    long[] old = slots;
    allocate((old.length / 2) * 2);
    long[] t = slots;
    int m = mask;
    for (int j = 0; j < old.length; j += 2) {
      long fp = old[j];
      if (fp != 0) {
        int i = slot(fp, m);
        while (t[2 * i] != 0) {
          i = (i + 1) & m;
        }
        t[2 * i] = fp;
        t[2 * i + 1] = old[j + 1];
      }
    }
  }
}
