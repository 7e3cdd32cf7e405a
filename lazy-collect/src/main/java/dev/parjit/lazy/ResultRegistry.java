package dev.parjit.lazy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A worker's lazy results: distributed values a spawn-mode call returned, kept here under the
 * call's id until the driver fetches rows from them, passes them to another call, or frees them.
 * Every worker holds its own chunk under the same id.
 */
public final class ResultRegistry {

  private static final Map<Long, Object> RESULTS = new ConcurrentHashMap<>();

  private ResultRegistry() { }

  /** Keeps {@code value} under {@code id}. */
  public static void put(long id, Object value) {
    RESULTS.put(id, value);
  }

  /** The value kept under {@code id}; a clear error when it was freed or never existed. */
  public static Object get(long id) {
    Object v = RESULTS.get(id);
    if (v == null) {
      throw new IllegalStateException("lazy result #" + id + " is not on this worker (freed, or the workers restarted)");
    }
    return v;
  }

  /** Forgets {@code id}, returning what was kept (to close it), or {@code null}. */
  public static Object remove(long id) {
    return RESULTS.remove(id);
  }

  /** Number of results kept. */
  public static int size() {
    return RESULTS.size();
  }
}
