package org.panthorverify.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.panthorverify.core.Action;
import org.panthorverify.core.Fingerprinter;
import org.panthorverify.core.Model;
import org.panthorverify.core.Property;
import org.panthorverify.core.StateEncoder;
import org.panthorverify.models.testkit.DieHardModel;
import org.panthorverify.models.testkit.TwoPhaseModel;

/**
 * {@link Fingerprinter}: the fingerprints that visited sets, traces and reports rely on. A change
 * of the hash changes every stored fingerprint, so the exact values are pinned here (they were
 * checked against an independent implementation of the documented hash: MurmurHash3's 64-bit
 * block mix per word, then {@code fmix64} of the state XOR the word count).
 */
class FingerprinterTest {

  /** States that are their own encodings: a {@code long[]} written word by word. */
  static final class Words implements Model<long[], Action> {
    @Override
    public String name() {
      return "words";
    }

    @Override
    public List<String> variables() {
      return List.of();
    }

    @Override
    public List<long[]> initialStates() {
      return List.of();
    }

    @Override
    public List<Action> enabledActions(long[] state) {
      return List.of();
    }

    @Override
    public long[] next(long[] state, Action action) {
      return state;
    }

    @Override
    public List<Property<long[], Action>> properties() {
      return List.of();
    }

    @Override
    public void encode(long[] state, StateEncoder out) {
      for (long w : state) {
        out.putLong(w);
      }
    }
  }

  static final Words WORDS = new Words();

  static long fp(long... words) {
    return new Fingerprinter().fingerprint(WORDS, words);
  }

  @Test
  void fingerprintsOfFixedEncodingsNeverChange() {
    assertEquals(0x7acdbb98b1344213L, fp());
    assertEquals(0xd147aca649c03f6fL, fp(0));
    assertEquals(0xa23b45c6864723edL, fp(1));
    assertEquals(0x2e190730cfedcb19L, fp(42));
    assertEquals(0x7fb8c5acfd1a7c99L, fp(-1));
    assertEquals(0xf3635c7c6514dc48L, fp(Long.MIN_VALUE));
    assertEquals(0x3e5ef2f4e4b9add8L, fp(0, 0));
    assertEquals(0xda3ff1961c9991a5L, fp(1, 2, 3));
  }

  @Test
  void modelEncodingsGiveFixedFingerprints() {
    Fingerprinter f = new Fingerprinter();
    // The reflective record encoding of Jugs(3, 4): record tag 8, 2 components, (int tag 1, value).
    assertEquals(0x5440ac5b91f95060L,
        f.fingerprint(new DieHardModel(), new DieHardModel.Jugs(3, 4)));
    assertEquals(fp(8, 2, 1, 3, 1, 4),
        f.fingerprint(new DieHardModel(), new DieHardModel.Jugs(3, 4)));
    // TwoPhase packs its initial state into two zero words.
    TwoPhaseModel tp = new TwoPhaseModel(3);
    assertEquals(fp(0, 0), f.fingerprint(tp, tp.initialStates().get(0)));
  }

  @Test
  void aReusedFingerprinterStartsAfreshForEachState() {
    Fingerprinter f = new Fingerprinter();
    long first = f.fingerprint(WORDS, new long[] {5, 6});
    f.fingerprint(WORDS, new long[] {7, 8, 9});
    assertEquals(first, f.fingerprint(WORDS, new long[] {5, 6}));
    assertEquals(first, fp(5, 6));
  }

  @Test
  void lengthAndOrderOfTheWordsMatter() {
    assertNotEquals(fp(), fp(0));
    assertNotEquals(fp(0), fp(0, 0));
    assertNotEquals(fp(0, 0), fp(0, 0, 0));
    assertNotEquals(fp(1, 2), fp(2, 1));
    assertNotEquals(fp(1, 0), fp(0, 1));
  }

  /**
   * A million distinct small encodings (one-word, two-word and three-word ones, the kind small
   * models produce): no two share a fingerprint, and none is zero (the empty-slot marker).
   */
  @Test
  void aMillionSmallEncodings_haveDistinctNonZeroFingerprints() {
    Fingerprinter f = new Fingerprinter();
    long[] all = new long[1_000_000];
    int n = 0;
    long[] one = new long[1];
    for (int i = -200_000; i < 300_000; i++) {
      one[0] = i;
      all[n++] = f.fingerprint(WORDS, one);
    }
    long[] two = new long[2];
    for (int i = 0; i < 500; i++) {
      for (int j = 0; j < 800; j++) {
        two[0] = i;
        two[1] = j;
        all[n++] = f.fingerprint(WORDS, two);
      }
    }
    long[] three = new long[3];
    for (int i = 0; i < 100; i++) {
      for (int j = 0; j < 10; j++) {
        for (int k = 0; k < 100; k++) {
          three[0] = i;
          three[1] = j;
          three[2] = k;
          all[n++] = f.fingerprint(WORDS, three);
        }
      }
    }
    assertEquals(all.length, n);
    Arrays.sort(all);
    for (int i = 0; i < all.length; i++) {
      assertNotEquals(0L, all[i], "zero is never a fingerprint");
      if (i > 0) {
        assertNotEquals(all[i - 1], all[i], "collision");
      }
    }
    // The fingerprints spread over the partitions of the parallel BFS (top 8 bits).
    int[] perPartition = new int[ParallelBfs.PARTITIONS];
    for (long x : all) {
      perPartition[(int) (x >>> (64 - ParallelBfs.PARTITION_BITS))]++;
    }
    int expected = all.length / ParallelBfs.PARTITIONS;
    for (int count : perPartition) {
      assertTrue(Math.abs(count - expected) < expected / 10, "partition sizes " + count);
    }
  }

  @Test
  void collisionProbability_isTlcsOptimisticEstimate() {
    assertEquals(0.0, Fingerprinter.collisionProbability(288, 288));
    assertEquals(0.0, Fingerprinter.collisionProbability(10, 5), "never negative");
    assertEquals(288.0 * (1146 - 288) / Math.pow(2, 64),
        Fingerprinter.collisionProbability(288, 1146), 1e-30);
  }
}
