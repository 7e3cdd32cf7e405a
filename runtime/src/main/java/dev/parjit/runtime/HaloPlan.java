package dev.parjit.runtime;

import dev.parjit.mpi.Communicator;
import java.lang.reflect.Array;

/**
 * The first half of a halo exchange ({@link Halo#exchange}): which elements of this rank's chunk
 * each rank needs, learnt with one allgather of every rank's needed range. It depends on the
 * array's layout and the ranges only, never on the array's values, so {@link #fetch} (the second
 * half: one all-to-all of exactly those elements) can run again with the same plan after the
 * values changed ({@link HaloMemo}).
 */
final class HaloPlan {

  /** {@code null}: every rank holds the same null array. */
  private final Object array;
  /** Whether the array is held whole by every rank (unregistered): nothing to fetch. */
  private final boolean whole;
  private final int start;
  private final long globalLength;
  private final long[] needs;
  private final int[] counts;
  private final int total;
  private final long leftFrom;
  private final int leftCount;
  private final long rightFrom;

  private HaloPlan(Object array, boolean whole, int start, long globalLength, long[] needs, int[] counts, int total,
      long leftFrom, int leftCount, long rightFrom) {
    this.array = array;
    this.whole = whole;
    this.start = start;
    this.globalLength = globalLength;
    this.needs = needs;
    this.counts = counts;
    this.total = total;
    this.leftFrom = leftFrom;
    this.leftCount = leftCount;
    this.rightFrom = rightFrom;
  }

  /**
   * The plan for a loop over {@code [from, to)} reading {@code array} at offsets
   * {@code lowest..highest}. Collective for a split array: every rank calls it for the same array,
   * each with its own range (possibly empty).
   */
  static HaloPlan of(Object array, int lowest, int highest, int from, int to) {
    if (array == null) {
      return new HaloPlan(null, true, 0, 0, null, null, 0, 0, 0, 0);
    }
    int length = Array.getLength(array);
    DistributedArrays.Chunk chunk = DistributedArrays.lookup(array);
    if (chunk == null) {
      return new HaloPlan(array, true, 0, length, null, null, 0, 0, 0, length);
    }
    long n = chunk.globalLength();
    long s = chunk.start();
    long e = s + length;
    long needFrom = from < to ? Math.max(0, (long) from + lowest) : 0;
    long needTo = from < to ? Math.min(n, (long) to + highest) : 0;
    long leftFrom = Math.min(needFrom, s);
    long leftTo = Math.min(needTo, s);
    long rightFrom = Math.max(needFrom, e);
    long rightTo = Math.max(needTo, e);
    long[] needs = ParallelRuntime.communicator().allgatherv(new long[] {leftFrom, leftTo, rightFrom, rightTo});
    int p = needs.length / 4;
    int[] counts = new int[p];
    int total = 0;
    for (int r = 0; r < p; r++) {
      counts[r] = overlap(s, e, needs[4 * r], needs[4 * r + 1]) + overlap(s, e, needs[4 * r + 2], needs[4 * r + 3]);
      total += counts[r];
    }
    return new HaloPlan(array, false, (int) s, n, needs, counts, total, leftFrom, (int) Math.max(0, leftTo - leftFrom),
        rightFrom);
  }

  /**
   * The elements the plan names, from {@code values}' current contents: {@code values} is the array
   * the plan was made for (or one of the same layout). Collective for a split array: one all-to-all.
   */
  Halo fetch(Object values) {
    if (array == null) {
      // Every rank holds the same null: the loop's first read throws the sequential NullPointerException.
      return new Halo(0, 0, 0, null, 0, null, 0);
    }
    Class<?> type = values.getClass().getComponentType();
    if (whole) {
      Object none = Array.newInstance(type, 0);
      return new Halo(0, Array.getLength(values), globalLength, none, 0, none, globalLength);
    }
    int length = Array.getLength(values);
    long s = start;
    long e = s + length;
    // To each rank: what it needs of this chunk, below its own chunk first, then above it. Chunks
    // are contiguous in rank order, so what arrives is every element below in order, then above.
    Object send = Array.newInstance(type, total);
    int at = 0;
    for (int r = 0; r < counts.length; r++) {
      for (int part = 0; part < 2; part++) {
        long lo = Math.max(s, needs[4 * r + 2 * part]);
        long hi = Math.min(e, needs[4 * r + 2 * part + 1]);
        if (lo < hi) {
          System.arraycopy(values, (int) (lo - s), send, at, (int) (hi - lo));
          at += (int) (hi - lo);
        }
      }
    }
    Object got = alltoallv(ParallelRuntime.communicator(), send, counts);
    Object left = Array.newInstance(type, leftCount);
    Object right = Array.newInstance(type, Array.getLength(got) - leftCount);
    System.arraycopy(got, 0, left, 0, leftCount);
    System.arraycopy(got, leftCount, right, 0, Array.getLength(right));
    return new Halo(start, length, globalLength, left, leftFrom, right, rightFrom);
  }

  private static int overlap(long s, long e, long from, long to) {
    return (int) Math.max(0, Math.min(e, to) - Math.max(s, from));
  }

  private static Object alltoallv(Communicator comm, Object send, int[] counts) {
    if (send instanceof Object[] rows) {
      return RowExchange.alltoallv(comm, rows, counts);
    } else if (send instanceof double[] d) {
      return comm.alltoallv(d, counts);
    } else if (send instanceof long[] l) {
      return comm.alltoallv(l, counts);
    } else if (send instanceof int[] i) {
      return comm.alltoallv(i, counts);
    } else if (send instanceof float[] f) {
      int[] bits = new int[f.length];
      for (int k = 0; k < f.length; k++) {
        bits[k] = Float.floatToRawIntBits(f[k]);
      }
      int[] got = comm.alltoallv(bits, counts);
      float[] out = new float[got.length];
      for (int k = 0; k < got.length; k++) {
        out[k] = Float.intBitsToFloat(got[k]);
      }
      return out;
    }
    throw new IllegalArgumentException("no halo exchange for " + send.getClass().getSimpleName());
  }
}
