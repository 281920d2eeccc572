package org.panthorverify.core;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A model value as it appears in traces: the data types of the Informal Trace Format (ITF) and of
 * TLA+ (integers, booleans, strings, sequences, tuples, sets, functions/maps and records).
 *
 * <p>Values are immutable and compare structurally. Sets and maps are kept sorted by {@link
 * #COMPARATOR}, so two equal sets render and serialise identically. Records keep the order in which
 * their fields were given (for readable output) but compare as maps.
 */
public sealed interface Value
    permits Value.Int, Value.Bool, Value.Str, Value.Seq, Value.Tup, Value.SetV, Value.MapV,
        Value.Rec, Value.Unserializable {

  /** A total order on values: by kind, then by content. Used to keep sets and maps canonical. */
  Comparator<Value> COMPARATOR = Value::compare;

  /** An integer (ITF {@code #bigint}). */
  record Int(BigInteger value) implements Value {
    public Int {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return value.toString();
    }
  }

  /** A boolean. */
  record Bool(boolean value) implements Value {
    @Override
    public String toString() {
      return value ? "TRUE" : "FALSE";
    }
  }

  /** A string (also used for enum constants and TLA+ model values). */
  record Str(String value) implements Value {
    public Str {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return '"' + value + '"';
    }
  }

  /** A sequence (ITF: a JSON array). */
  record Seq(List<Value> elements) implements Value {
    public Seq {
      elements = List.copyOf(elements);
    }

    @Override
    public String toString() {
      return join("<<", elements, ">>");
    }
  }

  /** A tuple (ITF: {@code #tup}). */
  record Tup(List<Value> elements) implements Value {
    public Tup {
      elements = List.copyOf(elements);
    }

    @Override
    public String toString() {
      return join("<<", elements, ">>");
    }
  }

  /** A finite set (ITF: {@code #set}); elements sorted and distinct. */
  record SetV(List<Value> elements) implements Value {
    public SetV {
      TreeSet<Value> sorted = new TreeSet<>(COMPARATOR);
      sorted.addAll(elements);
      elements = List.copyOf(sorted);
    }

    @Override
    public String toString() {
      return join("{", elements, "}");
    }
  }

  /** A finite map or TLA+ function (ITF: {@code #map}); entries sorted by key, keys distinct. */
  record MapV(List<Map.Entry<Value, Value>> entries) implements Value {
    public MapV {
      List<Map.Entry<Value, Value>> sorted = new ArrayList<>();
      for (Map.Entry<Value, Value> e : entries) {
        sorted.add(Map.entry(e.getKey(), e.getValue()));
      }
      sorted.sort(Map.Entry.comparingByKey(COMPARATOR));
      for (int i = 1; i < sorted.size(); i++) {
        if (sorted.get(i - 1).getKey().equals(sorted.get(i).getKey())) {
          throw new IllegalArgumentException("duplicate map key " + sorted.get(i).getKey());
        }
      }
      entries = List.copyOf(sorted);
    }

    @Override
    public String toString() {
      if (entries.isEmpty()) {
        return "<<>>";
      }
      StringBuilder sb = new StringBuilder("(");
      String sep = "";
      for (Map.Entry<Value, Value> e : entries) {
        sb.append(sep).append(e.getKey()).append(" :> ").append(e.getValue());
        sep = " @@ ";
      }
      return sb.append(')').toString();
    }
  }

  /** A record (ITF: a plain JSON object). Field order is kept for display only. */
  record Rec(Map<String, Value> fields) implements Value {
    public Rec {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("[");
      String sep = "";
      for (Map.Entry<String, Value> e : fields.entrySet()) {
        sb.append(sep).append(e.getKey()).append(" |-> ").append(e.getValue());
        sep = ", ";
      }
      return sb.append(']').toString();
    }
  }

  /** A value that ITF cannot express (ITF: {@code #unserializable}); kept as its text. */
  record Unserializable(String text) implements Value {
    public Unserializable {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
      return text;
    }
  }

  static Value of(long n) {
    return new Int(BigInteger.valueOf(n));
  }

  static Value of(boolean b) {
    return new Bool(b);
  }

  static Value of(String s) {
    return new Str(s);
  }

  static Value seq(List<Value> elements) {
    return new Seq(elements);
  }

  static Value tup(Value... elements) {
    return new Tup(List.of(elements));
  }

  static Value set(Collection<Value> elements) {
    return new SetV(new ArrayList<>(elements));
  }

  static Value map(Map<Value, Value> entries) {
    return new MapV(new ArrayList<>(entries.entrySet()));
  }

  static Value record(Map<String, Value> fields) {
    return new Rec(fields);
  }

  /**
   * Converts a plain Java object to a value: integers, booleans, strings, enums (by name), lists,
   * sets, maps, records (by component) and values themselves.
   *
   * @throws IllegalArgumentException for any other type
   */
  static Value of(Object o) {
    if (o instanceof Value v) {
      return v;
    } else if (o instanceof Integer || o instanceof Long || o instanceof Short
        || o instanceof Byte) {
      return of(((Number) o).longValue());
    } else if (o instanceof BigInteger b) {
      return new Int(b);
    } else if (o instanceof Boolean b) {
      return of(b.booleanValue());
    } else if (o instanceof String s) {
      return of(s);
    } else if (o instanceof Enum<?> e) {
      return of(e.name());
    } else if (o instanceof List<?> l) {
      List<Value> out = new ArrayList<>(l.size());
      l.forEach(x -> out.add(of(x)));
      return seq(out);
    } else if (o instanceof Set<?> s) {
      List<Value> out = new ArrayList<>(s.size());
      s.forEach(x -> out.add(of(x)));
      return set(out);
    } else if (o instanceof Map<?, ?> m) {
      Map<Value, Value> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(of(k), of(v)));
      return map(out);
    } else if (o != null && o.getClass().isRecord()) {
      return record(Reflect.components(o));
    }
    throw new IllegalArgumentException(
        "no trace value for " + (o == null ? "null" : o.getClass().getName()));
  }

  private static int kind(Value v) {
    if (v instanceof Int) return 0;
    if (v instanceof Bool) return 1;
    if (v instanceof Str) return 2;
    if (v instanceof Seq) return 3;
    if (v instanceof Tup) return 4;
    if (v instanceof SetV) return 5;
    if (v instanceof MapV) return 6;
    if (v instanceof Rec) return 7;
    return 8;
  }

  private static int compare(Value a, Value b) {
    int ka = kind(a);
    int kb = kind(b);
    if (ka != kb) {
      return Integer.compare(ka, kb);
    }
    if (a instanceof Int x) {
      return x.value().compareTo(((Int) b).value());
    } else if (a instanceof Bool x) {
      return Boolean.compare(x.value(), ((Bool) b).value());
    } else if (a instanceof Str x) {
      return x.value().compareTo(((Str) b).value());
    } else if (a instanceof Seq x) {
      return compareLists(x.elements(), ((Seq) b).elements());
    } else if (a instanceof Tup x) {
      return compareLists(x.elements(), ((Tup) b).elements());
    } else if (a instanceof SetV x) {
      return compareLists(x.elements(), ((SetV) b).elements());
    } else if (a instanceof MapV x) {
      List<Value> fa = new ArrayList<>();
      x.entries().forEach(e -> fa.add(tup(e.getKey(), e.getValue())));
      List<Value> fb = new ArrayList<>();
      ((MapV) b).entries().forEach(e -> fb.add(tup(e.getKey(), e.getValue())));
      return compareLists(fa, fb);
    } else if (a instanceof Rec x) {
      List<Value> fa = new ArrayList<>();
      new java.util.TreeMap<>(x.fields()).forEach((k, v) -> fa.add(tup(of(k), v)));
      List<Value> fb = new ArrayList<>();
      new java.util.TreeMap<>(((Rec) b).fields()).forEach((k, v) -> fb.add(tup(of(k), v)));
      return compareLists(fa, fb);
    }
    return ((Unserializable) a).text().compareTo(((Unserializable) b).text());
  }

  private static int compareLists(List<Value> a, List<Value> b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static String join(String open, List<Value> elements, String close) {
    StringBuilder sb = new StringBuilder(open);
    String sep = "";
    for (Value v : elements) {
      sb.append(sep).append(v);
      sep = ", ";
    }
    return sb.append(close).toString();
  }
}
