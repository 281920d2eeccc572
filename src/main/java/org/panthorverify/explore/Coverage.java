package org.panthorverify.explore;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.panthorverify.core.Action;

/**
 * How often each action fired (successors computed with it), sorted by action name. Actions the
 * model declares but that never fired are listed with 0 and returned by {@link #neverFired()}: a
 * sign of a vacuous guard or a too-small configuration.
 *
 * @param fired action name to the number of times it fired
 */
public record Coverage(Map<String, Long> fired) {
  public Coverage {
    fired = Collections.unmodifiableMap(new TreeMap<>(fired));
  }

  /** Actions that never fired. */
  public List<String> neverFired() {
    return fired.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
  }

  /**
   * Accumulates counts; one per worker, merged at the end. Not thread-safe. Actions whose name is
   * the default (their record's simple name) are counted per class, which avoids computing the
   * name on the hot path.
   */
  static final class Counter {
    private static final ClassValue<Boolean> NAMED_BY_CLASS =
        new ClassValue<>() {
          @Override
          protected Boolean computeValue(Class<?> type) {
            try {
              return type.getMethod("name").getDeclaringClass() == Action.class;
            } catch (NoSuchMethodException e) {
              return false;
            }
          }
        };

    private final Map<String, long[]> counts = new java.util.HashMap<>();
    /** Counts by action kind (index into the model's action names), for the packed path. */
    final long[] kinds;

    Counter(int kindCount) {
      kinds = new long[kindCount];
    }
    // A small open-addressing cache from action class to its counter (identity hashing).
    private Class<?>[] classes = new Class<?>[64];
    private long[][] classCounters = new long[64][];

    void fired(Action action) {
      Class<?> type = action.getClass();
      Class<?>[] keys = classes;
      int m = keys.length - 1;
      for (int i = System.identityHashCode(type) & m; ; i = (i + 1) & m) {
        Class<?> k = keys[i];
        if (k == type) {
          classCounters[i][0]++;
          return;
        }
        if (k == null) {
          break;
        }
      }
      long[] c = counts.computeIfAbsent(action.name(), n -> new long[1]);
      c[0]++;
      if (NAMED_BY_CLASS.get(type)) {
        remember(type, c);
      }
    }

    private void remember(Class<?> type, long[] counter) {
      int size = 0;
      for (Class<?> k : classes) {
        size += k == null ? 0 : 1;
      }
      if (2 * (size + 1) > classes.length) {
        Class<?>[] oldKeys = classes;
        long[][] oldCounters = classCounters;
        classes = new Class<?>[oldKeys.length * 2];
        classCounters = new long[oldKeys.length * 2][];
        for (int j = 0; j < oldKeys.length; j++) {
          if (oldKeys[j] != null) {
            insert(oldKeys[j], oldCounters[j]);
          }
        }
      }
      insert(type, counter);
    }

    private void insert(Class<?> type, long[] counter) {
      int m = classes.length - 1;
      int i = System.identityHashCode(type) & m;
      while (classes[i] != null) {
        i = (i + 1) & m;
      }
      classes[i] = type;
      classCounters[i] = counter;
    }

    static Coverage merge(List<String> declared, Iterable<Counter> counters) {
      Map<String, Long> out = new TreeMap<>();
      declared.forEach(a -> out.put(a, 0L));
      for (Counter c : counters) {
        c.counts.forEach((k, v) -> out.merge(k, v[0], Long::sum));
        for (int i = 0; i < c.kinds.length; i++) {
          if (c.kinds[i] > 0) {
            out.merge(declared.get(i), c.kinds[i], Long::sum);
          }
        }
      }
      return new Coverage(out);
    }
  }
}
