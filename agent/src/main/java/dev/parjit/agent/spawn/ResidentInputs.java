package dev.parjit.agent.spawn;

import java.lang.ref.WeakReference;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Large read-only array arguments the workers keep between calls (the matrix of an iterative
 * solver, the points of a clustering loop; arrays of rows too, compared row by row): a call passing the same array again, with the same
 * contents, sends only its id. The driver keeps a copy of what it sent and compares it with the
 * argument at each call ({@code Arrays.equals}: exact, about a millisecond per 8 MB), so a change
 * made between calls is always sent. At most {@link #MAX_ENTRIES} arrays are kept, least recently
 * used first out; the workers forget what the driver evicts ({@link Messages.DropResident}).
 */
final class ResidentInputs {

  /** Smaller arrays are cheaper to send than to compare and keep twice. */
  static final int MIN_BYTES = 1 << 16;
  static final int MAX_ENTRIES = 16;

  private record Slot(WeakReference<Object> array, Object copy) { }

  /** What to send for one argument: the id and whether the workers already have it. */
  record Decision(long id, boolean known) { }

  private final Map<Long, Slot> slots = new LinkedHashMap<>(16, 0.75f, true);
  private final List<Long> dropped = new ArrayList<>();
  private long nextId;
  private long reused;

  /** Whether {@code value} is an array worth keeping resident. */
  static boolean eligible(Object value) {
    if (value == null || !value.getClass().isArray() || !primitiveLeaves(value.getClass())) {
      return false;
    }
    return bytes(value) >= MIN_BYTES;
  }

  /** Primitive arrays, and arrays of rows of them ({@code double[][]}, {@code int[][][]}). */
  private static boolean primitiveLeaves(Class<?> c) {
    while (c.isArray()) {
      c = c.getComponentType();
    }
    return c.isPrimitive();
  }

  /** The bytes of an array's elements, rows included. */
  private static long bytes(Object array) {
    if (array instanceof Object[] rows) {
      long sum = 0;
      for (Object row : rows) {
        sum += row == null ? 0 : bytes(row);
      }
      return sum;
    }
    return (long) Array.getLength(array) * bytesPerElement(array.getClass().getComponentType());
  }

  /**
   * The id under which the workers keep {@code array}, and whether they already have these contents.
   * A new or changed array gets a new id (the workers store it); the old one is forgotten.
   */
  Decision decide(Object array) {
    for (Iterator<Map.Entry<Long, Slot>> it = slots.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Long, Slot> e = it.next();
      Object held = e.getValue().array().get();
      if (held == null) {
        it.remove();
        dropped.add(e.getKey());
      } else if (held == array) {
        if (sameContents(e.getValue().copy(), array)) {
          slots.get(e.getKey()); // most recently used
          reused++;
          return new Decision(e.getKey(), true);
        }
        it.remove();
        dropped.add(e.getKey());
        break;
      }
    }
    long id = ++nextId;
    slots.put(id, new Slot(new WeakReference<>(array), copyOf(array)));
    while (slots.size() > MAX_ENTRIES) {
      Long eldest = slots.keySet().iterator().next();
      slots.remove(eldest);
      dropped.add(eldest);
    }
    return new Decision(id, false);
  }

  /** Ids the workers should forget (evicted, changed or collected on the driver), cleared. */
  long[] takeDropped() {
    long[] out = dropped.stream().mapToLong(Long::longValue).toArray();
    dropped.clear();
    return out;
  }

  /** After a failure: the workers are told to forget everything kept, and nothing is reused. */
  void forgetAll() {
    dropped.addAll(slots.keySet());
    slots.clear();
  }

  /** New workers keep nothing yet. */
  void clear() {
    slots.clear();
    dropped.clear();
  }

  /** Calls that sent an id instead of an array. */
  long reused() {
    return reused;
  }

  private static Object copyOf(Object array) {
    if (array instanceof Object[] rows) {
      // Rows are copied too: a change inside a row between calls must be seen.
      Object[] copy = (Object[]) Array.newInstance(array.getClass().getComponentType(), rows.length);
      for (int k = 0; k < rows.length; k++) {
        copy[k] = rows[k] == null ? null : copyOf(rows[k]);
      }
      return copy;
    }
    int n = Array.getLength(array);
    Object copy = Array.newInstance(array.getClass().getComponentType(), n);
    System.arraycopy(array, 0, copy, 0, n);
    return copy;
  }

  /** Exact equality of two primitive arrays (or arrays of rows) of the same type (doubles compared by their bits). */
  static boolean sameContents(Object a, Object b) {
    return a.getClass() == b.getClass() && java.util.Objects.deepEquals(a, b);
  }

  private static int bytesPerElement(Class<?> c) {
    return c == double.class || c == long.class ? 8 : c == int.class || c == float.class ? 4
        : c == short.class || c == char.class ? 2 : 1;
  }
}
