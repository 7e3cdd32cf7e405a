package dev.parjit.runtime;

import java.util.Arrays;

/**
 * One method invocation's memo of a parallel loop's exchanges whose inputs cannot change while the
 * method runs (the analysis proved the arrays are never written in it: {@code InvariantArrays}): a
 * CSR row loop inside a solver's iteration loop fetches its row pointer's halo and its nonzeros'
 * segments once, and learns once which elements of the vector its column indices name; each
 * iteration then only sends the vector's current values ({@link HaloPlan#fetch}: one all-to-all).
 *
 * <p>Rewritten code keeps the memo in a local set to {@code null} at the method's entry and calls
 * {@link #enter} in the loop's preheader. Every rank must take the same path, or the collectives
 * would not match: an entry is reused only when the loop's global range, the array its range
 * follows and every array the exchange reads are the ones it was made for. Those are values every
 * rank holds alike (the range's bounds are replicated scalars; which array a variable holds follows
 * the replicated control flow), never a rank's own part of the range.
 */
public final class HaloMemo {

  private final int lo;
  private final int hi;
  private final Object rangeArray;
  private Object[][] keys = new Object[4][];
  private Object[] values = new Object[4];

  private HaloMemo(int lo, int hi, Object rangeArray) {
    this.lo = lo;
    this.hi = hi;
    this.rangeArray = rangeArray;
  }

  /**
   * The memo for a loop over the global range {@code [lo, hi)} whose rank ranges follow
   * {@code rangeArray} (or the block formula, {@code null}): {@code memo} when it was made for the
   * same, else an empty one.
   */
  public static HaloMemo enter(HaloMemo memo, int lo, int hi, Object rangeArray) {
    return memo != null && memo.lo == lo && memo.hi == hi && memo.rangeArray == rangeArray
        ? memo : new HaloMemo(lo, hi, rangeArray);
  }

  /** {@link Halo#exchange}, once per memo for the same array. */
  public Halo exchange(int entry, Object array, int lowest, int highest, int from, int to) {
    Object[] key = {array, lowest, highest};
    Object got = cached(entry, key);
    if (got == null) {
      got = store(entry, key, Halo.exchange(array, lowest, highest, from, to));
    }
    return (Halo) got;
  }

  /** {@link Halo#exchangeSegments}, once per memo for the same arrays. */
  public Halo exchangeSegments(int entry, Object array, int[] rowptr, Halo rows, int from, int to) {
    Object[] key = {array, rowptr, rows};
    Object got = cached(entry, key);
    if (got == null) {
      got = store(entry, key, Halo.exchangeSegments(array, rowptr, rows, from, to));
    }
    return (Halo) got;
  }

  /**
   * {@link Halo#exchangeIndexed}: the plan (which elements of {@code array} the column indices name,
   * and who holds them) once per memo for the same arrays; the elements themselves at every call,
   * since the loop's vector changes between iterations.
   */
  public Halo exchangeIndexed(int entry, Object array, int[] col, Halo cols, int[] rowptr, Halo rows, int from,
      int to) {
    Object[] key = {array, col, cols, rowptr, rows};
    Object got = cached(entry, key);
    if (got == null) {
      got = store(entry, key, Halo.indexedPlan(array, col, cols, rowptr, rows, from, to));
    }
    return ((HaloPlan) got).fetch(array);
  }

  /** The entry's value when it was made for the same arrays (compared by identity), else {@code null}. */
  private Object cached(int entry, Object[] key) {
    if (entry >= keys.length || keys[entry] == null || keys[entry].length != key.length) {
      return null;
    }
    Object[] k = keys[entry];
    for (int i = 0; i < k.length; i++) {
      boolean same = k[i] instanceof Integer a ? a.equals(key[i]) : k[i] == key[i];
      if (!same) {
        return null;
      }
    }
    return values[entry];
  }

  private Object store(int entry, Object[] key, Object value) {
    if (entry >= keys.length) {
      keys = Arrays.copyOf(keys, entry + 4);
      values = Arrays.copyOf(values, entry + 4);
    }
    keys[entry] = key;
    values[entry] = value;
    return value;
  }
}
