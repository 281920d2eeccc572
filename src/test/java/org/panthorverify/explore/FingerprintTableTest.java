package org.panthorverify.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The open-addressing fingerprint table behind the visited sets. */
class FingerprintTableTest {

  /** Fingerprints that all hash to the same slot: {@code (a << 32) | a} folds to 0. */
  static long colliding(int a) {
    return ((long) a << 32) | a;
  }

  @Test
  void add_contains_get_put() {
    FingerprintTable t = new FingerprintTable(16);
    assertEquals(0, t.size());
    assertFalse(t.contains(42));
    assertEquals(-1, t.get(42, -1));

    assertTrue(t.add(42, 7));
    assertTrue(t.contains(42));
    assertEquals(7, t.get(42, -1));
    assertEquals(1, t.size());

    assertFalse(t.add(42, 8), "present already");
    assertEquals(7, t.get(42, -1), "the first value stays");
    assertEquals(1, t.size());

    t.put(42, 9);
    assertEquals(9, t.get(42, -1), "put overwrites");
    assertEquals(1, t.size());

    t.put(-5, 3);
    assertTrue(t.contains(-5));
    assertEquals(3, t.get(-5, -1));
    assertEquals(2, t.size());

    assertTrue(t.add(Long.MIN_VALUE, 0));
    assertTrue(t.add(Long.MAX_VALUE, Long.MIN_VALUE));
    assertEquals(0, t.get(Long.MIN_VALUE, -1), "a stored 0 is not 'missing'");
    assertEquals(Long.MIN_VALUE, t.get(Long.MAX_VALUE, -1));
    assertEquals(4, t.size());
  }

  @Test
  void fingerprintsInOneSlot_probeLinearlyAndWrapAround() {
    FingerprintTable t = new FingerprintTable(16);
    for (int a = 1; a <= 200; a++) {
      assertTrue(t.add(colliding(a), a));
    }
    for (int a = 1; a <= 200; a++) {
      assertTrue(t.contains(colliding(a)));
      assertEquals(a, t.get(colliding(a), -1));
      assertFalse(t.add(colliding(a), -a));
    }
    assertFalse(t.contains(colliding(201)));
    assertEquals(200, t.size());
  }

  @Test
  void growsThroughManyResizesWithoutLosingAnything() {
    FingerprintTable t = new FingerprintTable(1);
    long initialBytes = t.bytes();
    SplittableRandom rnd = new SplittableRandom(1);
    int n = 1_000_000;
    long[] fps = new long[n];
    for (int i = 0; i < n; i++) {
      long fp;
      do {
        fp = rnd.nextLong();
      } while (fp == 0);
      fps[i] = fp;
      t.add(fp, i);
    }
    assertEquals(n, t.size());
    // 16 bytes a slot, a power of two of slots, at most 70 % full.
    long slots = t.bytes() / 16;
    assertEquals(1, Long.bitCount(slots));
    assertTrue(n <= 0.7 * slots, "load factor");
    assertTrue(t.bytes() >= initialBytes * 1024, "it grew more than ten times");
    for (int i = 0; i < n; i++) {
      assertEquals(i, t.get(fps[i], -1));
    }
    SplittableRandom other = new SplittableRandom(2);
    for (int i = 0; i < 100_000; i++) {
      assertFalse(t.contains(other.nextLong() | 1L << 62 | 1), "never added");
    }
  }

  @Test
  void addAll_firstOfEqualFingerprintsInABatchWins() {
    FingerprintTable t = new FingerprintTable(16);
    t.add(100, -1);
    long[] fps = {5, 7, 5, 9, 100, 7, 11, 5};
    long[] values = {1, 2, 3, 4, 5, 6, 7, 8};
    boolean[] added = new boolean[fps.length];
    t.addAll(fps, values, fps.length, added, new int[fps.length]);
    assertArrayEquals(new boolean[] {true, true, false, true, false, false, true, false}, added);
    assertEquals(1, t.get(5, 0));
    assertEquals(2, t.get(7, 0));
    assertEquals(4, t.get(9, 0));
    assertEquals(-1, t.get(100, 0), "already present before the batch");
    assertEquals(7, t.get(11, 0));
    assertEquals(5, t.size());
  }

  @Test
  void addAll_usesOnlyTheFirstNEntries() {
    FingerprintTable t = new FingerprintTable(16);
    long[] fps = {1, 2, 3, 4};
    boolean[] added = new boolean[4];
    t.addAll(fps, new long[] {10, 20, 30, 40}, 2, added, new int[4]);
    assertArrayEquals(new boolean[] {true, true, false, false}, added);
    assertFalse(t.contains(3));
    assertEquals(2, t.size());
    t.addAll(fps, new long[4], 0, new boolean[0], new int[0]);
    assertEquals(2, t.size(), "an empty batch changes nothing");
  }

  @Test
  void addAll_batchMuchLargerThanTheTable_matchesAddingOneByOne() {
    SplittableRandom rnd = new SplittableRandom(3);
    int n = 200_000;
    long[] fps = new long[n];
    long[] values = new long[n];
    for (int i = 0; i < n; i++) {
      // About one in four is a duplicate of an earlier entry, many of them in one slot.
      fps[i] = i > 0 && rnd.nextInt(4) == 0 ? fps[rnd.nextInt(i)]
          : rnd.nextInt(8) == 0 ? colliding(1 + rnd.nextInt(1 << 20)) : rnd.nextLong() | 1;
      values[i] = i;
    }
    FingerprintTable batch = new FingerprintTable(16);
    FingerprintTable single = new FingerprintTable(16);
    boolean[] added = new boolean[n];
    batch.addAll(fps, values, n, added, new int[n]);
    for (int i = 0; i < n; i++) {
      assertEquals(single.add(fps[i], values[i]), added[i], "entry " + i);
    }
    assertEquals(single.size(), batch.size());
    for (int i = 0; i < n; i++) {
      assertEquals(single.get(fps[i], -1), batch.get(fps[i], -1));
    }
  }

  @Test
  void agreesWithAHashMapOnRandomOperations() {
    SplittableRandom rnd = new SplittableRandom(4);
    FingerprintTable t = new FingerprintTable(16);
    Map<Long, Long> m = new HashMap<>();
    for (int i = 0; i < 300_000; i++) {
      long key = switch (rnd.nextInt(3)) {
        case 0 -> 1 + rnd.nextInt(5_000);
        case 1 -> colliding(1 + rnd.nextInt(300));
        default -> rnd.nextLong() | 1;
      };
      long value = rnd.nextLong();
      switch (rnd.nextInt(4)) {
        case 0 -> assertEquals(m.putIfAbsent(key, value) == null, t.add(key, value));
        case 1 -> {
          m.put(key, value);
          t.put(key, value);
        }
        case 2 -> assertEquals(m.containsKey(key), t.contains(key));
        default -> assertEquals(m.getOrDefault(key, 12345L), t.get(key, 12345L));
      }
      assertEquals(m.size(), t.size());
    }
  }
}
