package org.panthorverify.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** {@link FingerprintTable} against a {@link java.util.HashMap} on random data. */
class FingerprintTablePropertiesTest {

  /** One operation: 0 add, 1 put, 2 contains, 3 get, 4 addAll of the next {@code batch} keys. */
  record Op(int kind, long key, long value, int batch) {}

  /** Keys from three pools: small numbers, one crowded slot, and any non-zero long. */
  @Provide
  Arbitrary<Long> keys() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(1, 200),
        Arbitraries.integers().between(1, 100).map(FingerprintTableTest::colliding),
        Arbitraries.longs().filter(k -> k != 0));
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    return Combinators.combine(Arbitraries.integers().between(0, 4), keys(),
        Arbitraries.longs(), Arbitraries.integers().between(0, 40))
        .as(Op::new).list().ofMinSize(1).ofMaxSize(400);
  }

  @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
  void behavesLikeAHashMap(@ForAll("ops") List<Op> ops,
      @ForAll @IntRange(min = 1, max = 64) int initialCapacity) {
    FingerprintTable t = new FingerprintTable(initialCapacity);
    Map<Long, Long> m = new HashMap<>();
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      switch (op.kind()) {
        case 0 -> assertEquals(m.putIfAbsent(op.key(), op.value()) == null,
            t.add(op.key(), op.value()));
        case 1 -> {
          m.put(op.key(), op.value());
          t.put(op.key(), op.value());
        }
        case 2 -> assertEquals(m.containsKey(op.key()), t.contains(op.key()));
        case 3 -> assertEquals(m.getOrDefault(op.key(), -7L), t.get(op.key(), -7L));
        default -> {
          // A batch of the keys of the following operations (duplicates likely).
          int n = Math.min(op.batch(), ops.size() - i);
          long[] fps = new long[n];
          long[] values = new long[n];
          boolean[] expectedAdded = new boolean[n];
          for (int k = 0; k < n; k++) {
            fps[k] = ops.get(i + k).key();
            values[k] = ops.get(i + k).value();
            expectedAdded[k] = m.putIfAbsent(fps[k], values[k]) == null;
          }
          boolean[] added = new boolean[n];
          t.addAll(fps, values, n, added, new int[n]);
          for (int k = 0; k < n; k++) {
            assertEquals(expectedAdded[k], added[k], "batch entry " + k);
          }
        }
      }
      assertEquals(m.size(), t.size());
    }
    for (Map.Entry<Long, Long> e : m.entrySet()) {
      assertEquals(e.getValue(), t.get(e.getKey(), 0));
    }
  }
}
