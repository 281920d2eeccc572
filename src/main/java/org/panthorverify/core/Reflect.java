package org.panthorverify.core;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reflective defaults for records: names, components as {@link Value}s. Cached per class. */
final class Reflect {
  private static final ClassValue<String> SIMPLE_NAMES =
      new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
          return type.getSimpleName();
        }
      };

  private static final ClassValue<RecordComponent[]> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
          RecordComponent[] rc = type.getRecordComponents();
          if (rc == null) {
            return new RecordComponent[0];
          }
          for (RecordComponent c : rc) {
            c.getAccessor().setAccessible(true);
          }
          return rc;
        }
      };

  private Reflect() {}

  static String simpleName(Class<?> type) {
    return SIMPLE_NAMES.get(type);
  }

  static RecordComponent[] components(Class<?> type) {
    return COMPONENTS.get(type);
  }

  static Object get(RecordComponent c, Object record) {
    try {
      return c.getAccessor().invoke(record);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read record component " + c.getName(), e);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** The components of a record as an ordered map of values; empty for a non-record. */
  static Map<String, Value> components(Object record) {
    RecordComponent[] rc = components(record.getClass());
    Map<String, Value> out = new LinkedHashMap<>();
    for (RecordComponent c : rc) {
      out.put(c.getName(), Value.of(get(c, record)));
    }
    return out;
  }
}
