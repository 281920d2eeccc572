package org.panthorverify.core;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TLA+ values as TLC prints them, in one canonical form, so that a Java state rendered by a
 * {@link TlaView} and a state parsed from TLC's output compare with {@code equals}.
 *
 * <p>The rules are TLA+'s own equalities: a record is a function whose domain is a set of
 * strings; a tuple or sequence is a function with domain {@code 1..n}; the empty function is the
 * empty sequence; a TLA+ model value is written as its name (a string). Canonically: records,
 * tuples and functions become {@link Value.MapV}, except that a function with domain {@code 1..n}
 * (or the empty function) becomes a {@link Value.Seq}; sets and map keys are sorted.
 */
public final class TlaValues {

  private TlaValues() {}

  /** The canonical form of {@code v} (see the class comment). */
  public static Value canonical(Value v) {
    if (v instanceof Value.Int || v instanceof Value.Bool || v instanceof Value.Str
        || v instanceof Value.Unserializable) {
      return v;
    } else if (v instanceof Value.Seq s) {
      return new Value.Seq(canonicalAll(s.elements()));
    } else if (v instanceof Value.Tup t) {
      return new Value.Seq(canonicalAll(t.elements()));
    } else if (v instanceof Value.SetV s) {
      return new Value.SetV(canonicalAll(s.elements()));
    } else if (v instanceof Value.Rec r) {
      Map<Value, Value> m = new LinkedHashMap<>();
      r.fields().forEach((k, x) -> m.put(new Value.Str(k), x));
      return function(m);
    }
    Value.MapV m = (Value.MapV) v;
    Map<Value, Value> out = new LinkedHashMap<>();
    for (Map.Entry<Value, Value> e : m.entries()) {
      out.put(e.getKey(), e.getValue());
    }
    return function(out);
  }

  /** A canonical state: every variable's value canonical, variables in the given order. */
  public static Map<String, Value> canonical(Map<String, Value> state) {
    Map<String, Value> out = new LinkedHashMap<>();
    state.forEach((k, v) -> out.put(k, canonical(v)));
    return out;
  }

  /**
   * The canonical text of a state: {@code /\ var = value} lines in the given variable order, the
   * form in which differences are printed.
   */
  public static String text(List<String> variables, Map<String, Value> canonicalState) {
    StringBuilder sb = new StringBuilder();
    for (String v : variables) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append("/\\ ").append(v).append(" = ").append(canonicalState.get(v));
    }
    return sb.toString();
  }

  /** A 64-bit hash of a canonical state (its variables in the given order), for graph compares. */
  public static long hash(List<String> variables, Map<String, Value> canonicalState) {
    long h = 0xcbf29ce484222325L;
    for (String v : variables) {
      h = mix(h, v.hashCode());
      Value x = canonicalState.get(v);
      h = x == null ? mix(h, -1) : hash(h, x);
    }
    // final avalanche (splitmix64), so that nearby states spread over the whole range
    h ^= h >>> 30;
    h *= 0xbf58476d1ce4e5b9L;
    h ^= h >>> 27;
    h *= 0x94d049bb133111ebL;
    return h ^ (h >>> 31);
  }

  /** Folds a canonical value into {@code h}, structure included (kinds and sizes). */
  private static long hash(long h, Value v) {
    if (v instanceof Value.Int i) {
      return mix(mix(h, 1), i.value().bitLength() < 64 ? i.value().longValue()
          : i.value().hashCode());
    } else if (v instanceof Value.Bool b) {
      return mix(mix(h, 2), b.value() ? 1 : 0);
    } else if (v instanceof Value.Str s) {
      h = mix(mix(h, 3), s.value().length());
      for (int k = 0; k < s.value().length(); k++) {
        h = mix(h, s.value().charAt(k));
      }
      return h;
    } else if (v instanceof Value.Seq s) {
      h = mix(mix(h, 4), s.elements().size());
      for (Value x : s.elements()) {
        h = hash(h, x);
      }
      return h;
    } else if (v instanceof Value.SetV s) {
      h = mix(mix(h, 5), s.elements().size());
      for (Value x : s.elements()) {
        h = hash(h, x);
      }
      return h;
    } else if (v instanceof Value.MapV m) {
      h = mix(mix(h, 6), m.entries().size());
      for (Map.Entry<Value, Value> e : m.entries()) {
        h = hash(hash(h, e.getKey()), e.getValue());
      }
      return h;
    }
    // not canonical (Tup, Rec) or unserializable: fall back to the text
    String t = v.toString();
    h = mix(h, 7);
    for (int k = 0; k < t.length(); k++) {
      h = mix(h, t.charAt(k));
    }
    return h;
  }

  private static long mix(long h, long x) {
    h ^= x;
    h *= 0x100000001b3L;
    return h ^ (h >>> 29);
  }

  private static Value function(Map<Value, Value> m) {
    int n = m.size();
    boolean isSeq = true;
    for (int i = 1; i <= n && isSeq; i++) {
      isSeq = m.containsKey(new Value.Int(BigInteger.valueOf(i)));
    }
    if (isSeq) {
      List<Value> elems = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) {
        elems.add(canonical(m.get(new Value.Int(BigInteger.valueOf(i)))));
      }
      return new Value.Seq(elems);
    }
    List<Map.Entry<Value, Value>> entries = new ArrayList<>(n);
    m.forEach((k, x) -> entries.add(Map.entry(canonical(k), canonical(x))));
    return new Value.MapV(entries);
  }

  private static List<Value> canonicalAll(List<Value> xs) {
    List<Value> out = new ArrayList<>(xs.size());
    for (Value x : xs) {
      out.add(canonical(x));
    }
    return out;
  }

  // ---- builders for views ---------------------------------------------------------------------

  /** An integer. */
  public static Value integer(long n) {
    return new Value.Int(BigInteger.valueOf(n));
  }

  /** A boolean. */
  public static Value bool(boolean b) {
    return new Value.Bool(b);
  }

  /** A string (or a model value, written as its name). */
  public static Value str(String s) {
    return new Value.Str(s);
  }

  /** A set of values. */
  public static Value set(Collection<Value> xs) {
    return new Value.SetV(new ArrayList<>(xs));
  }

  /** The set of the bit positions set in {@code mask}: {@code 0b101} is {@code {0, 2}}. */
  public static Value bits(long mask) {
    List<Value> xs = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      if ((mask >>> i & 1) != 0) {
        xs.add(integer(i));
      }
    }
    return new Value.SetV(xs);
  }

  /** A sequence {@code <<x1, ..., xn>>}. */
  public static Value seq(List<Value> xs) {
    return new Value.Seq(xs);
  }

  /** A sequence of integers. */
  public static Value intSeq(int... xs) {
    List<Value> out = new ArrayList<>(xs.length);
    for (int x : xs) {
      out.add(integer(x));
    }
    return new Value.Seq(out);
  }

  /** The function {@code [i \in lo..lo+n-1 |-> xs[i - lo]]}. */
  public static Value fn(int lo, List<Value> xs) {
    List<Map.Entry<Value, Value>> entries = new ArrayList<>(xs.size());
    for (int i = 0; i < xs.size(); i++) {
      entries.add(Map.entry(integer(lo + i), xs.get(i)));
    }
    return new Value.MapV(entries);
  }

  /** The function {@code [i \in lo..lo+n-1 |-> xs[i - lo]]} of integers. */
  public static Value intFn(int lo, int... xs) {
    List<Value> out = new ArrayList<>(xs.length);
    for (int x : xs) {
      out.add(integer(x));
    }
    return fn(lo, out);
  }

  /** A function given by its entries (keys and values in any order). */
  public static Value fn(Map<Value, Value> m) {
    return new Value.MapV(new ArrayList<>(m.entrySet()));
  }

  /** A record {@code [f1 |-> v1, ...]}. */
  public static Value record(Map<String, Value> fields) {
    return new Value.Rec(fields);
  }
}
