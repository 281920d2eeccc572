package org.panthorverify.core;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * The default canonical encoding: records component by component, then each value by type, with a
 * type tag and sizes so that the encoding is unambiguous. Unordered collections ({@code HashSet},
 * {@code HashMap}) are rejected, since their order is not canonical.
 */
public final class RecordEncoding {
  private RecordEncoding() {}

  /** Encodes {@code o} into {@code out}. */
  public static void encode(Object o, StateEncoder out) {
    if (o == null) {
      out.putLong(0);
    } else if (o instanceof Integer i) {
      out.putLong(1);
      out.putLong(i);
    } else if (o instanceof Long l) {
      out.putLong(1);
      out.putLong(l);
    } else if (o instanceof Short || o instanceof Byte) {
      out.putLong(1);
      out.putLong(((Number) o).longValue());
    } else if (o instanceof Boolean b) {
      out.putLong(2);
      out.putBoolean(b);
    } else if (o instanceof String s) {
      out.putLong(3);
      out.putString(s);
    } else if (o instanceof Enum<?> e) {
      out.putLong(4);
      out.putLong(e.ordinal());
    } else if (o instanceof List<?> || o instanceof SortedSet<?>) {
      Collection<?> c = (Collection<?>) o;
      out.putLong(5);
      out.putLong(c.size());
      for (Object x : c) {
        encode(x, out);
      }
    } else if (o instanceof SortedMap<?, ?> || o instanceof EnumMap<?, ?>) {
      encodeMap((Map<?, ?>) o, out);
    } else if (o instanceof Map<?, ?> m && m.size() <= 1) {
      encodeMap(m, out);
    } else if (o instanceof Optional<?> opt) {
      out.putLong(7);
      encode(opt.orElse(null), out);
    } else if (o.getClass().isRecord()) {
      RecordComponent[] rc = Reflect.components(o.getClass());
      out.putLong(8);
      out.putLong(rc.length);
      for (RecordComponent c : rc) {
        encode(Reflect.get(c, o), out);
      }
    } else if (o instanceof Value v) {
      out.putLong(9);
      out.putString(v.toString());
    } else {
      throw new IllegalArgumentException(
          "no canonical encoding for "
              + o.getClass().getName()
              + " (use a record, a List, a SortedSet/SortedMap/EnumMap or override Model.encode)");
    }
  }

  private static void encodeMap(Map<?, ?> m, StateEncoder out) {
    out.putLong(6);
    out.putLong(m.size());
    for (Map.Entry<?, ?> e : m.entrySet()) {
      encode(e.getKey(), out);
      encode(e.getValue(), out);
    }
  }
}
