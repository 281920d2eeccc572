package org.panthorverify.trace;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import org.panthorverify.core.Value;

/** jqwik generators of {@link Value} trees of bounded depth, with every kind. */
final class ValueArbitraries {
  private static final BigInteger HUGE = BigInteger.TEN.pow(60);

  private ValueArbitraries() {}

  /** Strings of any UTF-16 code units, including lone surrogates and control characters. */
  static Arbitrary<String> strings() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(12),
        Arbitraries.strings().alpha().ofMaxLength(6),
        Arbitraries.of("", "#", "\"", "\\", "\u2028", "\ud83d\ude00", "r1", "#bigint", "null"));
  }

  /** Record field and variable names: anything that does not start with '#'. */
  static Arbitrary<String> names() {
    return strings().filter(s -> !s.startsWith("#"));
  }

  static Arbitrary<Value> integers() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(-3, 3).map(i -> Value.of((long) i)),
        Arbitraries.longs().map(Value::of),
        Arbitraries.bigIntegers().between(HUGE.negate(), HUGE).map(Value.Int::new));
  }

  static Arbitrary<Value> leaves() {
    return Arbitraries.oneOf(
        integers(),
        Arbitraries.of(true, false).map(Value::of),
        strings().map(Value::of),
        strings().map(Value.Unserializable::new));
  }

  /** Values nested at most {@code depth} containers deep. */
  static Arbitrary<Value> values(int depth) {
    if (depth == 0) {
      return leaves();
    }
    Arbitrary<Value> inner = values(depth - 1);
    return Arbitraries.frequencyOf(
        Tuple.of(4, leaves()),
        Tuple.of(1, inner.list().ofMaxSize(4).map(Value::seq)),
        Tuple.of(1, inner.list().ofMaxSize(4).map(Value.Tup::new)),
        Tuple.of(1, inner.list().ofMaxSize(4).map(Value::set)),
        Tuple.of(1, Arbitraries.maps(inner, inner).ofMaxSize(3).map(Value::map)),
        Tuple.of(
            1,
            Arbitraries.maps(names(), inner)
                .ofMaxSize(4)
                .map(m -> Value.record(new LinkedHashMap<String, Value>(m)))));
  }

  /** A record of values, as trace variables or action parameters. */
  static Arbitrary<Map<String, Value>> records(int depth) {
    return Arbitraries.maps(names(), values(depth)).ofMaxSize(3).map(LinkedHashMap::new);
  }
}
